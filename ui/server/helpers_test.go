package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/bcrypt"
	gossh "golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// The server's tests: a real store in a temp dir, the server on 127.0.0.1:0,
// and golang.org/x/crypto/ssh as the till. A client never answers a terminal
// query (it has no terminal), so every test also holds that nothing the
// server sends waits for an answer.

// deadline is how long a test waits for what a screen should show.
const deadline = 10 * time.Second

// rig is a server under test on a real store.
type rig struct {
	t     testing.TB
	dir   string
	st    *store.Store
	srv   *Server
	addr  string
	keys  map[string]gossh.Signer // by till name
	tills map[string]Till         // by key fingerprint, under mu
	mu    *sync.Mutex
	serve chan error
}

// newRig starts a server with tills till1, till2 and till3 on an English
// store set up with the citrus policy and a shift lead (Olena, PIN 1234).
func newRig(t testing.TB, maxSessions int) *rig {
	t.Helper()
	return newRigIn(t, maxSessions, lang.EN)
}

// newRigIn is newRig on a store whose language is l.
func newRigIn(t testing.TB, maxSessions int, l lang.Lang) *rig {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := flow.BuiltinFile("citrus")
	must(t, st.SaveSettings(store.Settings{StoreName: "Test store", PolicyName: "citrus", PolicyText: string(text),
		TimeZone: "Europe/Kyiv", IdleMinutes: 15, Language: l}, "Olena"))
	must(t, st.AddStaff("Olena", flow.RoleLead, "123456", "Olena"))

	r := &rig{t: t, dir: dir, st: st, keys: map[string]gossh.Signer{}, tills: map[string]Till{}, serve: make(chan error, 1)}
	for _, name := range []string{"till1", "till2", "till3"} {
		signer := newKey(t)
		r.keys[name] = signer
		r.tills[gossh.FingerprintSHA256(signer.PublicKey())] = Till{Name: name}
	}
	r.mu = new(sync.Mutex) // the lookup is called from many connections at once
	lookup := func(fp string) (Till, bool, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		till, ok := r.tills[fp]
		return till, ok, nil
	}
	srv, err := New(Config{Store: st, DataDir: dir, Till: lookup, MaxSessions: maxSessions,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.srv, r.addr = srv, ln.Addr().String()
	go func() { r.serve <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-r.serve
		st.Close()
	})
	return r
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// addTill registers one more till, with a key of its own.
func (r *rig) addTill(name string) { r.addTillIn(name, "") }

// addTillIn registers one more till, with a key of its own, whose language
// is l ("": the store's).
func (r *rig) addTillIn(name string, l lang.Lang) {
	r.t.Helper()
	signer := newKey(r.t)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.keys[name] = signer
	r.tills[gossh.FingerprintSHA256(signer.PublicKey())] = Till{Name: name, Language: l}
}

// dial connects with auth methods; the host key is not checked (the test's
// server made it a moment ago).
func (r *rig) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: deadline})
}

// till is one till's SSH session as the test sees it.
type till struct {
	t      testing.TB
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *screen
	waited chan error // the session's end (Wait), once it has ended
}

// connect opens a session of till name with a pty (xterm, 80x24) and a shell.
func (r *rig) connect(name string) *till {
	r.t.Helper()
	tl := r.open(name, "xterm-256color")
	must(r.t, tl.sess.Shell())
	go func() { tl.waited <- tl.sess.Wait() }()
	return tl
}

// open opens a session of till name, with a pty of term unless term is "".
func (r *rig) open(name, term string) *till {
	r.t.Helper()
	conn, err := r.dial(name, gossh.PublicKeys(r.keys[name]))
	if err != nil {
		r.t.Fatalf("%s: %v", name, err)
	}
	r.t.Cleanup(func() { conn.Close() })
	sess, err := conn.NewSession()
	if err != nil {
		r.t.Fatal(err)
	}
	tl := &till{t: r.t, conn: conn, sess: sess, out: newScreen(), waited: make(chan error, 1)}
	sess.Stdout, sess.Stderr = tl.out, tl.out
	if tl.stdin, err = sess.StdinPipe(); err != nil {
		r.t.Fatal(err)
	}
	if term != "" {
		must(r.t, sess.RequestPty(term, 24, 80, gossh.TerminalModes{}))
	}
	return tl
}

// typeText sends keys as a terminal would ("\r" is enter).
func (tl *till) typeText(s string) {
	tl.t.Helper()
	if _, err := io.WriteString(tl.stdin, s); err != nil {
		tl.t.Fatal(err)
	}
}

// waitFor waits until the screen, since mark, shows every one of want.
func (tl *till) waitFor(mark int, want ...string) {
	tl.t.Helper()
	if err := tl.out.waitFor(mark, want...); err != nil {
		tl.t.Fatal(err)
	}
}

// ended waits for the session to end and returns its Wait error.
func (tl *till) ended() error {
	tl.t.Helper()
	select {
	case err := <-tl.waited:
		tl.waited <- err
		return err
	case <-time.After(deadline):
		tl.t.Fatalf("the session has not ended after %s; it shows:\n%s", deadline, tl.out.plain(0))
		return nil
	}
}

// login types a name and PIN, field by field, as a cashier would.
func (tl *till) login(name, pin string) {
	tl.t.Helper()
	mark := tl.out.mark()
	tl.waitFor(0, "Log in", "┃ Name")
	tl.typeText(name + "\r")
	tl.waitFor(mark, "┃ PIN")
	tl.typeText(pin + "\r")
}

// screen is everything a session received; plain is it without escape
// sequences, to be searched. It never answers a query.
type screen struct {
	mu      sync.Mutex
	raw     bytes.Buffer
	changed chan struct{}
}

func newScreen() *screen { return &screen{changed: make(chan struct{}, 1)} }

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.raw.Write(p)
	s.mu.Unlock()
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

// mark is where the screen is now: waitFor(mark, ...) looks only after it.
func (s *screen) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.Len()
}

// bytes is what was received since mark, as sent.
func (s *screen) bytes(mark int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.raw.Bytes()[mark:])
}

func (s *screen) plain(mark int) string { return ansi.Strip(string(s.bytes(mark))) }

// waitFor polls, on each write, until the plain text since mark holds every
// one of want, or the deadline passes.
func (s *screen) waitFor(mark int, want ...string) error {
	timeout := time.After(deadline)
	for {
		got := s.plain(mark)
		missing := ""
		for _, w := range want {
			if !strings.Contains(got, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return nil
		}
		select {
		case <-s.changed:
		case <-timeout:
			return errors.New("after " + deadline.String() + " the screen does not show " + quote(missing) +
				"; it shows:\n" + got)
		}
	}
}

func quote(s string) string { return "\"" + s + "\"" }
