package ui

import (
	"bytes"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// What the case step screens' tests share: a screen context, a driver that
// runs a screen's commands as bubbletea would, keys, and golden views.

// testToday is the day of every test visit.
var testToday = flow.Date{Year: 2026, Month: time.November, Day: 20}

// asciiOnce sets the ASCII colour profile once, before any test runs in
// parallel with another.
var asciiOnce sync.Once

// testScreen is a screen context for a new case under the built-in policy,
// at 80x24 (21 rows for the screen), with the ASCII colour profile so views
// compare as plain text.
func testScreen(t *testing.T, policy string, c *flow.Case) screenCtx {
	t.Helper()
	asciiOnce.Do(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	p, err := flow.Builtin(policy)
	if err != nil {
		t.Fatal(err)
	}
	if c == nil {
		c = &flow.Case{ID: "T-1", Policy: policy, TillHasCash: true}
	}
	st, keys := look.DefaultStyles(), look.DefaultKeys()
	return screenCtx{c: c, p: p, today: testToday, currency: "UAH", st: &st, keys: &keys, width: 80,
		height: screenRows(24), tr: lang.English(), tc: lang.English()}
}

// stepScreen is what every case step screen is.
type stepScreen[M any] interface {
	Init() tea.Cmd
	Update(tea.Msg) (M, tea.Cmd)
	View() string
}

// forRoot reports whether msg is one a screen sends to the root.
func forRoot(msg tea.Msg) bool {
	switch msg.(type) {
	case answersMsg, goBackMsg, receiptLookupMsg, saleLeadMsg, decisionConfirmedMsg, leadNeededMsg, intakeDoneMsg,
		intakeBackMsg, replacementEnteredMsg, phoneDoneMsg:
		return true
	}
	return false
}

// drive sends each message to the screen, runs the commands it returns and
// feeds their messages back, as bubbletea would, until none is left. It
// returns the screen and the messages meant for the root, in order.
func drive[M stepScreen[M]](t *testing.T, m M, msgs ...tea.Msg) (M, []tea.Msg) {
	t.Helper()
	var toRoot []tea.Msg
	steps := 0
	for _, first := range msgs {
		queue := []tea.Msg{first}
		for len(queue) > 0 {
			if steps++; steps > 10000 {
				t.Fatal("the screen keeps sending itself messages")
			}
			msg := queue[0]
			queue = queue[1:]
			var cmd tea.Cmd
			m, cmd = m.Update(msg)
			for _, out := range runCmd(cmd) {
				if forRoot(out) {
					toRoot = append(toRoot, out)
				} else {
					queue = append(queue, out)
				}
			}
		}
	}
	return m, toRoot
}

// started is the screen after its Init's commands ran.
func started[M stepScreen[M]](t *testing.T, m M) M {
	t.Helper()
	m, sent := drive(t, m)
	for _, out := range runCmd(m.Init()) {
		if forRoot(out) {
			sent = append(sent, out)
			continue
		}
		var more []tea.Msg
		m, more = drive(t, m, out)
		sent = append(sent, more...)
	}
	if len(sent) > 0 {
		t.Fatalf("the screen sent %#v as it started", sent)
	}
	return m
}

// runCmd runs a command and returns its messages, opening batches and
// sequences in order. A command that only waits (a cursor's blink, a tick)
// is not run: its message would come half a second later and change
// nothing a test looks at.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	// the desk's Watch waits for the store's next write: a test that wants
	// it runs it itself
	for _, slow := range []string{"BlinkCmd", "bubbletea.Tick", "bubbletea.Every", "spinner", "desk.Model.Watch"} {
		if strings.Contains(name, slow) {
			return nil
		}
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	// tea.Sequence's message is unexported: a slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, runCmd(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// Keys as the terminal sends them.
var (
	kEnter    = tea.KeyMsg{Type: tea.KeyEnter}
	kEsc      = tea.KeyMsg{Type: tea.KeyEsc}
	kTab      = tea.KeyMsg{Type: tea.KeyTab}
	kShiftTab = tea.KeyMsg{Type: tea.KeyShiftTab}
	kUp       = tea.KeyMsg{Type: tea.KeyUp}
	kDown     = tea.KeyMsg{Type: tea.KeyDown}
	kLeft     = tea.KeyMsg{Type: tea.KeyLeft}
	kRight    = tea.KeyMsg{Type: tea.KeyRight}
	kSpace    = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	kBack     = tea.KeyMsg{Type: tea.KeyBackspace}
	kCtrlC    = tea.KeyMsg{Type: tea.KeyCtrlC}
	kCtrlT    = tea.KeyMsg{Type: tea.KeyCtrlT}
	kClear    = tea.KeyMsg{Type: tea.KeyCtrlU} // clears a text field before the cursor
)

// typed is text as a keyboard (or a barcode scanner) types it.
func typed(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// keysOf is a key n times.
func keysOf(k tea.KeyMsg, n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// replace is the keys that replace a text field's value and leave it.
func replace(s string) []tea.Msg { return []tea.Msg{kClear, typed(s), kEnter} }

// join puts keys and lists of keys in one list.
func join(parts ...any) []tea.Msg {
	var out []tea.Msg
	for _, p := range parts {
		if list, ok := p.([]tea.Msg); ok {
			out = append(out, list...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// plain is a view without styles.
func plain(s string) string { return ansi.Strip(s) }

// requireFits fails when a view is wider or taller than a screen may be at
// 80x24: 80 columns, 21 rows under the root's header and footer.
func requireFits(t *testing.T, view string) {
	t.Helper()
	lines := strings.Split(plain(view), "\n")
	if len(lines) > screenRows(24) {
		t.Errorf("the view has %d rows, more than %d:\n%s", len(lines), screenRows(24), plain(view))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("row %d is %d columns wide: %q", i+1, w, l)
		}
	}
}

// requireSent fails unless exactly these messages went to the root.
func requireSent(t *testing.T, got []tea.Msg, want ...tea.Msg) {
	t.Helper()
	if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Fatalf("sent to the root: %#v, want %#v", got, want)
	}
}

// requireAnswered fails unless the screen sent the root exactly one done
// message, of step, and writes its answers into c as the root does.
func requireAnswered(t *testing.T, c *flow.Case, sent []tea.Msg, step flow.Step) answersMsg {
	t.Helper()
	if len(sent) != 1 {
		t.Fatalf("sent to the root: %#v, want the answers of %s", sent, step)
	}
	a, ok := sent[0].(answersMsg)
	if !ok || a.step() != step {
		t.Fatalf("sent to the root: %#v, want the answers of %s", sent[0], step)
	}
	a.apply(c)
	return a
}

// harness runs a screen as a bubbletea program's model for teatest: the
// messages meant for the root stop here.
type harness[M stepScreen[M]] struct {
	m      M
	init   bool // run the screen's Init: false for a screen a test drove already
	toRoot *[]tea.Msg
}

func (h harness[M]) Init() tea.Cmd {
	if !h.init {
		return nil
	}
	return h.m.Init()
}

func (h harness[M]) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if forRoot(msg) {
		*h.toRoot = append(*h.toRoot, msg)
		return h, nil
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	return h, cmd
}

func (h harness[M]) View() string { return h.m.View() }

// goldenView runs a new screen in a program at 80x24, sends it the keys,
// waits until the screen shows until, and compares the view with the golden
// file testdata/<test name>.golden (go test ./ui/ -update writes it).
//
// A program runs a command apart from the keys that follow it, so a key
// sent right after one that moves a huh form to its next field may reach
// the field before: keys here suit screens that answer a key at once; a test
// that fills a form drives the screen first (drive) and shows it with
// goldenAfter.
func goldenView[M stepScreen[M]](t *testing.T, m M, until string, keys ...tea.Msg) M {
	t.Helper()
	return runGolden(t, harness[M]{m: m, init: true}, until, keys)
}

// goldenAfter is goldenView for a screen a test has driven already.
func goldenAfter[M stepScreen[M]](t *testing.T, m M, until string, keys ...tea.Msg) M {
	t.Helper()
	return runGolden(t, harness[M]{m: m}, until, keys)
}

func runGolden[M stepScreen[M]](t *testing.T, h harness[M], until string, keys []tea.Msg) M {
	t.Helper()
	asciiOnce.Do(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	var toRoot []tea.Msg
	h.toRoot = &toRoot
	tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(80, 24))
	for _, k := range keys {
		tm.Send(k)
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(until)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(harness[M])
	view := plain(final.View())
	requireFits(t, view)
	checkSpeaks(t, view)
	teatest.RequireEqualOutput(t, []byte(view))
	return final.m
}
