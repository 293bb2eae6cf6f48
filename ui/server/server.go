// Package server serves the kiosk to the store's checkout tills over SSH:
// one back-office process holds the store, and each till that connects with
// its registered key gets a whole kiosk of its own, whose audit events name
// that till (soft-serve serves its TUI the same way, with wish).
//
// What a connection may do is narrow: public-key authentication only (no
// password, no keyboard-interactive), a terminal (PTY) is required, and a
// command, scp or sftp is refused. One till has one live session: a second
// one takes over, and the first is told so and ends; its case stays a draft
// in the store, which saves every step as it is done.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/logging"
	"github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// DefaultAddr is where serve listens unless told otherwise.
const DefaultAddr = ":2222"

// DefaultMaxSessions is the cap on live sessions when Config.MaxSessions is 0.
const DefaultMaxSessions = 32

// HostKeyFile is the server's private host key in the data directory
// (DATA/ssh/host_ed25519, its public half beside it with .pub); it is made,
// mode 0600, on the first start.
func HostKeyFile(dataDir string) string { return filepath.Join(dataDir, "ssh", "host_ed25519") }

// Config is what a server runs with. Store and Till are required.
type Config struct {
	Store   *store.Store // the store every till writes to; the caller opens and closes it
	DataDir string       // the data directory: the host key (DATA/ssh), the acts
	Log     *slog.Logger // nil logs nothing
	Now     func() time.Time
	// Till is the registered till whose public key has this SHA-256
	// fingerprint ("SHA256:..." as ssh-keygen -l prints it): found says
	// whether there is one.
	Till func(fingerprintSHA256 string) (till Till, found bool, err error)
	// MaxSessions caps the live sessions; a connection over it is told so
	// and ends. Default DefaultMaxSessions.
	MaxSessions int
}

// Till is a checkout terminal registered to connect: its name (on the audit
// trail, as the terminal) and the command that prints its acts ("lp -d
// till1", the act's file added as the last argument; empty: it has no
// printer) and its language.
type Till struct {
	Name    string
	Printer string
	// Language is the till's own language for its staff's screens (a lang
	// code); "": the store's.
	Language lang.Lang
	// Key is the SHA256 fingerprint of the key the session authenticated
	// with; the server fills it in.
	Key string
}

// Server serves the kiosk over SSH. Make one with New.
type Server struct {
	cfg  Config
	ssh  *ssh.Server
	live *registry

	quit chan struct{} // closed by Shutdown: the watch of the tills stops

	mu        sync.Mutex
	stopped   bool           // Shutdown has begun
	listeners []net.Listener // closed by Shutdown, even one Serve has not yet handed to the SSH server
}

// New makes a server from cfg: it reads the host key from DATA/ssh, or makes
// one there on the first start. It does not listen yet.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Till == nil {
		return nil, errors.New("server: a store and a till lookup are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	keyFile := HostKeyFile(cfg.DataDir)
	if err := os.MkdirAll(filepath.Dir(keyFile), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the host key's folder: %w", err)
	}
	s := &Server{cfg: cfg, live: newRegistry(cfg.MaxSessions), quit: make(chan struct{})}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(keyFile),
		wish.WithPublicKeyAuth(s.publicKeyAllowed),
		// no password and no keyboard-interactive handler: with neither,
		// a password attempt is refused (CVE-2023-43809 was that fallback)
		wish.WithMiddleware(s.middlewares()...),
	)
	if err != nil {
		return nil, fmt.Errorf("cannot set up the SSH server: %w", err)
	}
	srv.SubsystemHandlers = nil // no sftp, nor any other subsystem
	s.ssh = srv
	go s.watchTills()
	return s, nil
}

// middlewares are the session's handlers. wish runs the last of a list
// first, so read them from the bottom: a session is logged; then, recovered
// from any panic (recover wraps the list it is given), it is refused if it
// gives a command, refused without a terminal, named by its key's till (and
// counted, taking over the till's older session), runs the kiosk, and is
// told why the kiosk ended.
func (s *Server) middlewares() []wish.Middleware {
	return []wish.Middleware{
		recover.MiddlewareWithLogger(printfLog{s.cfg.Log, slog.LevelError},
			s.sayWhyItEnded,
			// the profile is only MakeRenderer's, which is never called here
			bm.MiddlewareWithProgramHandler(s.program, termenv.ANSI),
			s.tillSession,
			activeterm.Middleware(),
			s.refuseCommands,
		),
		logging.MiddlewareWithLogger(printfLog{s.cfg.Log, slog.LevelInfo}),
	}
}

// Serve serves on l until Shutdown; it returns nil once Shutdown has run,
// else the error that stopped it.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return l.Close()
	}
	s.listeners = append(s.listeners, l)
	s.mu.Unlock()
	err := s.ssh.Serve(l)
	s.mu.Lock()
	stopped := s.stopped
	s.mu.Unlock()
	if stopped || errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops the server: it takes no new connection, tells every live
// session that the back office is stopping the server and ends it, waits
// for them to end (until ctx is done), then closes every connection. The
// store stays open: the caller closes it after.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	if !s.stopped {
		close(s.quit)
	}
	s.stopped = true
	for _, l := range s.listeners {
		_ = l.Close()
	}
	s.mu.Unlock()
	s.live.stop(say(msgStopping))
	err := s.live.wait(ctx)
	if cerr := s.ssh.Close(); err == nil && cerr != nil && !errors.Is(cerr, ssh.ErrServerClosed) {
		err = cerr
	}
	return err
}

// printfLog is the log as wish's middlewares write to it, at one level.
type printfLog struct {
	log   *slog.Logger
	level slog.Level
}

func (p printfLog) Printf(format string, v ...any) {
	p.log.Log(context.Background(), p.level, fmt.Sprintf(format, v...))
}
