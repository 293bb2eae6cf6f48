package server

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui"
)

// Words a session reads when it ends from outside, printed in the till's
// language (Server.tillText).
var (
	msgStopping = lang.Key("The back office is stopping the server: your case is saved.")
	msgTakeover = lang.Key("This till opened a new session: this one ends. Your case is saved as a draft.")
	msgFull     = lang.Key("The back office serves %d sessions already, its most: try again in a moment, or ask the back office.")
	msgNotNow   = lang.Key("The back office is stopping the server: try again once it is back.")
	msgRemoved  = lang.Key("The back office removed this till: this session ends. Your case is saved as a draft.")
)

// words are a message to tell a session, printed later in the language of
// the one it tells: the message's English format and its arguments. The
// zero words tell nothing.
type words struct {
	msg  string
	args []any
}

// say is msg with its arguments, to print later.
func say(msg string, args ...any) words { return words{msg: msg, args: args} }

// none reports whether w tells nothing.
func (w words) none() bool { return w.msg == "" }

// in is the message in p's language.
func (w words) in(p *lang.Printer) string {
	if w.none() {
		return ""
	}
	return p.T(w.msg, w.args...)
}

// closeGrace is how long a kiosk told to close (ui.CloseMsg) has before it
// is killed.
const closeGrace = 2 * time.Second

// liveSession is one till's session while it runs.
type liveSession struct {
	till Till
	done chan struct{} // closed when the session's handler returns

	mu        sync.Mutex
	prog      *tea.Program // nil until the kiosk is made
	why       words        // why it was ended from outside; none while it is not
	takenOver bool         // a newer session of the till ended it: that one has the till's case now
}

// end closes the session's kiosk from outside, telling it why (once; words
// that tell nothing: the client has gone).
func (ls *liveSession) end(why words) {
	ls.mu.Lock()
	if ls.why.none() {
		ls.why = why
	}
	p := ls.prog
	ls.mu.Unlock()
	if p == nil {
		return // the kiosk is not made yet: attach refuses it
	}
	go func() {
		p.Send(ui.CloseMsg{}) // returns at once once the program has ended
		select {
		case <-ls.done:
		case <-time.After(closeGrace):
			p.Kill()
		}
	}()
}

// takeOver ends the session for a newer one of the same till.
func (ls *liveSession) takeOver() {
	ls.mu.Lock()
	ls.takenOver = true
	ls.mu.Unlock()
	ls.end(say(msgTakeover))
}

// wasTakenOver reports whether a newer session of the till ended this one.
func (ls *liveSession) wasTakenOver() bool {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.takenOver
}

// attach gives the session its kiosk; false when the session was ended
// before it had one.
func (ls *liveSession) attach(p *tea.Program) bool {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if !ls.why.none() {
		return false
	}
	ls.prog = p
	return true
}

// reason is why the session was ended from outside, or none.
func (ls *liveSession) reason() words {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.why
}

// registry is the live sessions, one a till, at most max of them.
type registry struct {
	max int

	mu       sync.Mutex
	byTill   map[string]*liveSession
	stopping bool
	wg       sync.WaitGroup // one for each session open, until its handler returns
}

func newRegistry(max int) *registry {
	return &registry{max: max, byTill: map[string]*liveSession{}}
}

// open registers a session of till. The till's older session, if any, is
// taken over: it is returned to be ended. A session over the cap, or while
// the server stops, is refused with the words to tell it.
func (r *registry) open(till Till) (ls, old *liveSession, refusal words) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopping {
		return nil, nil, say(msgNotNow)
	}
	old = r.byTill[till.Name]
	if old == nil && len(r.byTill) >= r.max {
		return nil, nil, say(msgFull, r.max)
	}
	ls = &liveSession{till: till, done: make(chan struct{})}
	r.byTill[till.Name] = ls
	r.wg.Add(1)
	return ls, old, words{}
}

// close unregisters a session whose handler returned.
func (r *registry) close(ls *liveSession) {
	r.mu.Lock()
	if r.byTill[ls.till.Name] == ls {
		delete(r.byTill, ls.till.Name)
	}
	r.mu.Unlock()
	close(ls.done)
	r.wg.Done()
}

// each calls fn with every live session.
func (r *registry) each(fn func(*liveSession)) {
	r.mu.Lock()
	all := make([]*liveSession, 0, len(r.byTill))
	for _, ls := range r.byTill {
		all = append(all, ls)
	}
	r.mu.Unlock()
	for _, ls := range all {
		fn(ls)
	}
}

// stop refuses new sessions and ends every live one, telling it why.
func (r *registry) stop(why words) {
	r.mu.Lock()
	r.stopping = true
	all := make([]*liveSession, 0, len(r.byTill))
	for _, ls := range r.byTill {
		all = append(all, ls)
	}
	r.mu.Unlock()
	for _, ls := range all {
		ls.end(why)
	}
}

// wait waits until every session's handler has returned, or ctx is done.
func (r *registry) wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("sessions still open when the time to stop ran out: %w", ctx.Err())
	}
}

// sessionKey is where a session's liveSession is kept in its context.
type sessionKey struct{}

// tillSession names the session by the till of the key that authenticated
// it, counts it against the cap and, when the till already has a session,
// ends that one (telling it) and waits for it before the new kiosk starts.
func (s *Server) tillSession(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		till, refusal := s.tillOf(sess)
		if !refusal.none() {
			refuse(sess, refusal.in(s.storeText()))
			return
		}
		ls, old, refusal := s.live.open(till)
		if !refusal.none() {
			s.cfg.Log.Warn("ssh: session refused", "till", till.Name, "why", refusal.in(lang.English()))
			refuse(sess, refusal.in(s.tillText(till)))
			return
		}
		defer s.live.close(ls)
		if old != nil {
			s.cfg.Log.Info("ssh: a new session takes over the till's session", "till", till.Name)
			old.takeOver()
			select {
			case <-old.done:
			case <-time.After(2 * closeGrace):
				s.cfg.Log.Warn("ssh: the till's older session has not ended; the new one goes on", "till", till.Name)
			}
		}
		s.cfg.Log.Info("ssh: session opened", "till", till.Name, "user", sess.User(),
			"remote", sess.RemoteAddr().String())
		sess.Context().SetValue(sessionKey{}, ls)
		next(sess)
		if !ls.wasTakenOver() { // a session that took over keeps the till's case open
			s.cfg.Store.At(till.Name).Release()
		}
		s.cfg.Log.Info("ssh: session ended", "till", till.Name, "why", ls.reason().in(lang.English()))
	}
}

// program is the session's kiosk: a whole ui.Model on the store as this till
// writes to it, drawn with a renderer of the session's own, run by wish's
// bubbletea middleware on the session's emulated pty.
func (s *Server) program(sess ssh.Session) *tea.Program {
	ls, _ := sess.Context().Value(sessionKey{}).(*liveSession)
	if ls == nil {
		return nil
	}
	pty, _, _ := sess.Pty()
	m := ui.NewModel(ui.Deps{
		Store:        s.cfg.Store.At(ls.till.Name),
		DataDir:      s.cfg.DataDir,
		Now:          s.cfg.Now,
		Log:          s.cfg.Log.With("till", ls.till.Name),
		Idle:         0, // the store's setting
		Terminal:     ls.till.Name,
		PrintCommand: ls.till.Printer,  // the till's own printer; else the store's
		Language:     ls.till.Language, // the till's own language for its staff; else the store's
		Renderer:     sessionRenderer(sess, pty.Term),
	})
	// no signal handler: the process's SIGTERM is the server's to handle, and
	// a program of every session sending itself a quit after its loop ended
	// would hold its shutdown (and the server's) for good
	opts := append(ui.ProgramOptions(), tea.WithInput(sess), tea.WithOutput(sess), tea.WithoutSignalHandler())
	p := tea.NewProgram(m, opts...)
	if !ls.attach(p) {
		return nil // ended before it started: sayWhyItEnded tells why
	}
	go func() {
		select {
		case <-sess.Context().Done(): // the connection is gone: nobody to tell
			ls.end(words{})
		case <-ls.done:
		}
	}()
	return p
}

// sayWhyItEnded runs after the kiosk: when the session was ended from
// outside, it says why, below the kiosk's last screen.
func (s *Server) sayWhyItEnded(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ls, _ := sess.Context().Value(sessionKey{}).(*liveSession)
		if ls != nil {
			if why := ls.reason(); !why.none() {
				wish.Println(sess, strings.TrimSpace(why.in(s.tillText(ls.till))))
				_ = sess.Exit(1)
				return
			}
		}
		next(sess)
	}
}
