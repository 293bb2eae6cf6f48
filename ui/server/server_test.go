package server

import (
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

func TestThreeTillsAtOnceReachLoginAndOneLogsIn(t *testing.T) {
	r := newRig(t, 0)
	tills := map[string]*till{}
	for _, name := range []string{"till1", "till2", "till3"} {
		tills[name] = r.connect(name)
	}
	var wg sync.WaitGroup
	for name, tl := range tills {
		wg.Add(1)
		go func() { // all three type at once: the huh forms and renderers must not race
			defer wg.Done()
			if err := tl.out.waitFor(0, "Log in", "Returns Desk · Test store", "┃ Name"); err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			_, _ = tl.stdin.Write([]byte("Ivan"))
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	tl := tills["till2"]
	tl.typeText(strings.Repeat("\x7f", len("Ivan"))) // backspace the name typed
	tl.login("Olena", "123456")
	tl.waitFor(0, "Home", "Olena (shift lead)")
}

func TestNoQueryIsSentToTheTerminal(t *testing.T) {
	// the client answers nothing: the login screen must come all the same,
	// and nothing the server sent may ask the terminal (background colour
	// OSC 11, cursor position, device attributes)
	r := newRig(t, 0)
	tl := r.connect("till1")
	tl.waitFor(0, "Log in", "┃ Name")
	raw := string(tl.out.bytes(0))
	for _, q := range []string{"\x1b]11;?", "\x1b]10;?", "\x1b[6n", "\x1b[c", "\x1b[0c", "\x1b[>c"} {
		if strings.Contains(raw, q) {
			t.Errorf("the server asked the terminal %q", q)
		}
	}
}

func TestAKeyNoTillHasIsRefusedAtAuth(t *testing.T) {
	r := newRig(t, 0)
	conn, err := r.dial("till1", gossh.PublicKeys(newKey(t)))
	if err == nil {
		conn.Close()
		t.Fatal("an unknown key was let in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("refused, but not at auth: %v", err)
	}
}

func TestAPasswordIsRefused(t *testing.T) {
	r := newRig(t, 0)
	conn, err := r.dial("till1", gossh.Password("123456"), gossh.KeyboardInteractive(
		func(string, string, []string, []bool) ([]string, error) { return []string{"123456"}, nil }))
	if err == nil {
		conn.Close()
		t.Fatal("a password was let in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("refused, but not at auth: %v", err)
	}
}

func TestASessionWithoutATerminalIsRefused(t *testing.T) {
	r := newRig(t, 0)
	tl := r.open("till1", "")
	must(t, tl.sess.Shell())
	go func() { tl.waited <- tl.sess.Wait() }()
	tl.waitFor(0, "Requires an active PTY")
	var exit *gossh.ExitError
	if err := tl.ended(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("the session ended with %v, want exit status 1", err)
	}
}

func TestACommandIsRefused(t *testing.T) {
	r := newRig(t, 0)
	for _, term := range []string{"", "xterm"} {
		tl := r.open("till1", term)
		err := tl.sess.Run("cat /etc/passwd")
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("pty %q: the command ended with %v, want exit status 1", term, err)
		}
		if got := tl.out.plain(0); !strings.Contains(got, "a command, scp or sftp is not run here") {
			t.Errorf("pty %q: the refusal says %q", term, got)
		}
	}
	tl := r.open("till1", "")
	if err := tl.sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
}

// headerWidth is the width of the last header line drawn: the header is
// the store's name padded with spaces to the screen's width.
var headerLine = regexp.MustCompile(` Returns Desk · Test store +`)

func TestAResizeRedrawsAtTheNewWidth(t *testing.T) {
	r := newRig(t, 0)
	tl := r.connect("till1")
	tl.waitFor(0, "Log in", "┃ Name")
	if w := lastHeaderWidth(tl.out.plain(0)); w != 80 {
		t.Fatalf("the header is %d wide at 80 columns", w)
	}
	for _, width := range []int{100, 90, 120} { // every resize, not every other one
		mark := tl.out.mark()
		must(t, tl.sess.WindowChange(30, width))
		tl.waitFor(mark, "Log in")
		timeout := time.After(deadline)
		for lastHeaderWidth(tl.out.plain(mark)) != width {
			select {
			case <-tl.out.changed:
			case <-timeout:
				t.Fatalf("after a resize to %d columns the header is %d wide", width, lastHeaderWidth(tl.out.plain(mark)))
			}
		}
	}
}

func lastHeaderWidth(plain string) int {
	all := headerLine.FindAllString(plain, -1)
	if len(all) == 0 {
		return 0
	}
	return utf8.RuneCountInString(all[len(all)-1])
}

func TestTheSameTillTwiceTakesOver(t *testing.T) {
	r := newRig(t, 0)
	first := r.connect("till1")
	first.login("Olena", "123456")
	first.waitFor(0, "Home", "Olena (shift lead)")

	second := r.connect("till1")
	first.waitFor(0, "This till opened a new session")
	first.ended()
	second.waitFor(0, "Log in", "┃ Name")
	if strings.Contains(second.out.plain(0), "new session") {
		t.Error("the new session was told it was taken over")
	}
}

func TestTheSessionCap(t *testing.T) {
	r := newRig(t, 2)
	one, two := r.connect("till1"), r.connect("till2")
	one.waitFor(0, "Log in")
	two.waitFor(0, "Log in")

	three := r.connect("till3")
	three.waitFor(0, "serves 2 sessions already")
	var exit *gossh.ExitError
	if err := three.ended(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("the session over the cap ended with %v, want exit status 1", err)
	}

	// a session that ends frees its place
	r.srv.live.mu.Lock()
	ls := r.srv.live.byTill["till1"]
	r.srv.live.mu.Unlock()
	one.conn.Close()
	select {
	case <-ls.done:
	case <-time.After(deadline):
		t.Fatal("the session of a till that left has not ended")
	}
	r.connect("till3").waitFor(0, "Log in")
}

func TestShutdownEndsEverySessionAndTheStoreChecks(t *testing.T) {
	r := newRig(t, 0)
	one, two := r.connect("till1"), r.connect("till2")
	one.login("Olena", "123456")
	one.waitFor(0, "Home", "Olena (shift lead)")
	two.waitFor(0, "Log in")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	if err := r.srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("shutdown took %s", took)
	}
	for _, tl := range []*till{one, two} {
		tl.waitFor(0, "The back office is stopping the server: your case is saved.")
		tl.ended()
	}
	if err := <-r.serve; err != nil {
		t.Errorf("Serve returned %v after Shutdown", err)
	}
	r.serve <- nil // for the cleanup
	must(t, r.st.Close())
	if _, err := store.CheckFile(r.st.Path(), store.CheckOptions{}); err != nil {
		t.Fatalf("check after shutdown: %v", err)
	}
}

func TestAnEventNamesTheTillAsItsTerminal(t *testing.T) {
	r := newRig(t, 0)
	tl := r.connect("till3")
	tl.login("Olena", "123456")
	tl.waitFor(0, "Home")
	events, err := r.st.Events(0, 1000)
	must(t, err)
	for _, ev := range events {
		if ev.Kind == store.EventLogin && ev.Subject == "Olena" || ev.Kind == store.EventLogin && ev.Staff == "Olena" {
			if ev.Terminal != "till3" {
				t.Fatalf("the login event names terminal %q, want till3: %+v", ev.Terminal, ev)
			}
			return
		}
	}
	t.Fatalf("no login event: %+v", events)
}

func TestTheHostKeyIsMadeInTheDataDirectory(t *testing.T) {
	r := newRig(t, 0)
	info, err := os.Stat(HostKeyFile(r.dir))
	must(t, err)
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the host key's mode is %o, want 600", perm)
	}
	// a second server on the same data directory keeps the same key
	before, _ := os.ReadFile(HostKeyFile(r.dir))
	if _, err := New(Config{Store: r.st, DataDir: r.dir, Till: func(string) (Till, bool, error) { return Till{}, false, nil }}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(HostKeyFile(r.dir))
	if string(before) != string(after) {
		t.Error("the host key was replaced")
	}
}

func TestProfileFromTERM(t *testing.T) {
	for term, want := range map[string]string{"": "Ascii", "dumb": "Ascii", "xterm": "ANSI", "xterm-256color": "ANSI",
		"screen": "ANSI"} {
		if got := profileName(profileFor(term)); got != want {
			t.Errorf("TERM %q: profile %s, want %s", term, got, want)
		}
	}
}

func profileName(p termenv.Profile) string {
	return [...]string{"TrueColor", "ANSI256", "ANSI", "Ascii"}[p]
}

// TestARemovedTillsSessionEndsAtOnce: the back office removes a till while
// it is connected; at the store's next write its session is told and ends,
// and its key logs in no more.
func TestARemovedTillsSessionEndsAtOnce(t *testing.T) {
	r := newRig(t, 0)
	tl := r.connect("till1")
	tl.waitFor(0, "Log in")
	r.mu.Lock()
	delete(r.tills, gossh.FingerprintSHA256(r.keys["till1"].PublicKey()))
	r.mu.Unlock()
	must(t, r.st.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena")) // any write: as tills remove makes one
	tl.waitFor(0, "The back office removed this till")
	tl.ended()
	if _, err := r.dial("till1", gossh.PublicKeys(r.keys["till1"])); err == nil {
		t.Fatal("a removed till's key still logs in")
	}
}

// step types keys and waits for what they bring on screen.
func (tl *till) step(keys string, want ...string) {
	tl.t.Helper()
	mark := tl.out.mark()
	tl.typeText(keys)
	tl.waitFor(mark, want...)
}

// toTheCashQuestion takes a return of receipt R-1001's line at the till,
// from home to "pay the refund from the till now?", field by field.
func (tl *till) toTheCashQuestion(saleDate string) {
	tl.t.Helper()
	tl.typeSale(saleDate)
	tl.step("\r", "[Request]", "┃ What does the customer say")
	tl.step("\r", "┃ What does the customer want")
	tl.step("\r", "┃ How did the item come back")
	tl.step("\r", "[Documents]")
	tl.step("\x1b[B", "> [ ] other payment proof")
	tl.step("\x1b[B", "> [ ] warranty card")
	tl.step("x", "> [•] warranty card")
	tl.step("\r", "[Inspection]")
	tl.step("\r", "R E F U N D")
	tl.step("\r", "Pay the refund of 19999.00 UAH from the till now?")
}

// typeSale types the sale of receipt R-1001's line from home up to its
// last field, which the next enter sends.
func (tl *till) typeSale(saleDate string) {
	tl.t.Helper()
	tl.step("n", "Receipt number or serial/IMEI")
	tl.step("R-1001\r", "No sale found under R-1001", "┃ Sale date")
	tl.step(saleDate, saleDate)
	tl.step("\r", "┃ Receipt number")
	tl.step("\r", "┃ Model")
	tl.step("Phone X\r", "┃ Serial")
	tl.step("490154203237518\r", "┃ Price")
	tl.step("19999.00\r", "┃ Paid by")
	tl.step("\r", "┃ Sold as")
	tl.step("\r", "┃ Warranty")
	tl.step("12\r", "┃ Market")
}

// TestTwoTillsRefundOneReceiptLine: two tills take a return of the same
// receipt line over SSH; the second is sent to the first one's case at its
// sale step, and once the first has paid, told the line was refunded; no
// refund is offered to it, and the store holds one refund.
func TestTwoTillsRefundOneReceiptLine(t *testing.T) {
	r := newRig(t, 0)
	must(t, r.st.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena"))
	saleDate := flow.DateOf(time.Now().In(r.st.Location())).AddDays(-5).String()
	one, two := r.connect("till1"), r.connect("till2")
	one.login("Olena", "123456")
	two.login("Ivan", "1111")
	one.waitFor(0, "Home")
	two.waitFor(0, "Home")
	one.toTheCashQuestion(saleDate)
	two.typeSale(saleDate)
	two.step("\r", "resume that case from home")
	one.step("y", "act No. ")
	mark := two.out.mark()
	two.step("\r\r\r\r\r\r\r\r\r", "was refunded in case")
	if p := two.out.plain(mark); strings.Contains(p, "R E F U N D") || strings.Contains(p, "[Request]") {
		t.Fatalf("the second till went on:\n%s", p)
	}
	sums, err := r.st.ByReceipt("R-1001")
	must(t, err)
	refunded := 0
	for _, s := range sums {
		if s.Status == flow.StatusRefunded || s.Status == flow.StatusClosed {
			refunded++
		}
	}
	if len(sums) != 1 || refunded != 1 {
		t.Fatalf("%d cases of R-1001, %d refunded: %+v", len(sums), refunded, sums)
	}
}
