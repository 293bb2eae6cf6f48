package cli

// The admin socket. bbolt lets one process hold the store file; the process
// that holds it (the kiosk, the back-office server) listens on DATA/admin.sock
// so that the admin commands work beside it: a command that finds the file
// held (store.ErrLocked) sends itself over the socket, and the holder runs
// the same command function in its own process on the store it has open,
// writing to the socket as the command's standard output and error.
//
// The protocol is frames, each a kind byte, the payload's length (4 bytes,
// big-endian) and the payload. The client sends one request frame (JSON:
// the command line from the command's name on, the client's working
// directory, which relative file names mean, and the environment variables
// the commands read). No admin command reads standard input, so none is
// sent: a caller's input (a script's loop over a file) stays the caller's.
// The holder answers with stdout and stderr frames and one exit frame (JSON:
// the exit code), then closes the connection.
//
// The socket is the owner's only: the data folder 0700, the socket 0600,
// and on Linux a peer of another uid (SO_PEERCRED) is refused.

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"example.com/returnsdesk/store"
)

// AdminSocket is the admin socket's name in the data folder.
const AdminSocket = "admin.sock"

// The kinds of frame.
const (
	frameRequest = 'R' // client: the request (adminRequest as JSON)
	frameStdout  = 'O' // holder: a chunk of standard output
	frameStderr  = 'E' // holder: a chunk of standard error
	frameExit    = 'X' // holder: the exit code (adminExit as JSON); the last frame
)

const (
	maxFrame       = 1 << 20          // the largest payload a peer accepts
	chunkSize      = 32 << 10         // the largest payload a peer sends
	requestTimeout = 10 * time.Second // for the request, once connected
	writeTimeout   = 30 * time.Second // for each frame the holder writes
)

// adminRequest is what a client asks the holder to run.
type adminRequest struct {
	Args []string          `json:"args"` // from the command's name on
	Dir  string            `json:"dir"`  // the client's working directory
	Env  map[string]string `json:"env"`  // adminEnvVars as the client has them
}

// adminExit is the holder's last frame.
type adminExit struct {
	Code int `json:"code"`
}

// adminEnvVars are the environment variables the admin commands read (the
// default data folder, the user for --by, the language chosen): the
// client's go with a request.
var adminEnvVars = []string{"RETURNSDESK_DATA", "XDG_DATA_HOME", "HOME", "USER", LangEnv}

func writeFrame(w io.Writer, kind byte, p []byte) error {
	buf := make([]byte, 5+len(p))
	buf[0] = kind
	binary.BigEndian.PutUint32(buf[1:5], uint32(len(p)))
	copy(buf[5:], p)
	_, err := w.Write(buf)
	return err
}

func readFrame(r io.Reader) (byte, []byte, error) {
	var h [5]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(h[1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("a frame of %d bytes, more than %d", n, maxFrame)
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		return 0, nil, err
	}
	return h[0], p, nil
}

// frameWriter writes what it is given as frames of one kind, beside other
// frameWriters on the same connection.
type frameWriter struct {
	mu   *sync.Mutex
	conn net.Conn
	kind byte
}

func (w frameWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for n < len(p) {
		chunk := p[n:min(len(p), n+chunkSize)]
		_ = w.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
		if err := writeFrame(w.conn, w.kind, chunk); err != nil {
			return n, err
		}
		n += len(chunk)
	}
	return n, nil
}

// adminServer is a listening admin socket.
type adminServer struct {
	st       *store.Store
	log      *slog.Logger
	now      func() time.Time
	l        *net.UnixListener
	wg       sync.WaitGroup
	mu       sync.Mutex
	conns    map[net.Conn]bool
	stopping bool
	once     sync.Once
	done     chan struct{}
}

// ServeAdmin listens on the admin socket in the data folder dir for the
// admin commands (settings, sales import, tills add|list|remove, check,
// backup, export) and runs each one it is sent on st, the store this process
// holds, with a handle whose audit events name the terminal "admin: " and
// the command. The folder is made owner-only (0700) if it is not, the socket
// is 0600, and on Linux a peer of another uid is refused. A socket file that
// no process listens on (a crashed holder's) is replaced; one that a live
// process listens on is an error. Stop (or ctx's end) closes the socket,
// removes its file and waits for the commands under way to finish: call it
// before closing st. log may be nil.
func ServeAdmin(ctx context.Context, dir string, st *store.Store, log *slog.Logger) (stop func(), err error) {
	return serveAdmin(ctx, dir, st, log, time.Now)
}

// serveAdmin is ServeAdmin with the clock the commands run with (this
// process's, not the client's: the audit trail's times are the holder's).
func serveAdmin(ctx context.Context, dir string, st *store.Store, log *slog.Logger, now func() time.Time) (func(), error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("the admin socket: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("the admin socket: the data folder must be the owner's only: %w", err)
		}
		log.Info("admin socket: the data folder made the owner's only (0700)", "dir", dir, "was", info.Mode().Perm())
	}
	path := filepath.Join(dir, AdminSocket)
	if err := removeStaleSocket(path); err != nil {
		return nil, err
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, fmt.Errorf("the admin socket: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		_ = l.Close()
		return nil, fmt.Errorf("the admin socket: %w", err)
	}
	s := &adminServer{st: st, log: log, now: now, l: l, conns: map[net.Conn]bool{}, done: make(chan struct{})}
	s.wg.Add(1)
	go s.accept()
	go func() {
		select {
		case <-ctx.Done():
			s.stop()
		case <-s.done:
		}
	}()
	log.Info("admin socket listening", "path", path)
	return s.stop, nil
}

// removeStaleSocket removes the socket file at path when no process listens
// on it; one a live process listens on, or a file that is no socket, is an
// error, left as it is.
func removeStaleSocket(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("the admin socket: %w", err)
	case info.Mode()&os.ModeSocket == 0:
		return fmt.Errorf("the admin socket: %s is there and is not a socket: move it away", path)
	}
	c, err := net.Dial("unix", path)
	if err == nil {
		_ = c.Close()
		return fmt.Errorf("the admin socket: another process listens on %s", path)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return fmt.Errorf("the admin socket: %s is there and cannot be tried: %w", path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("the admin socket: cannot remove the stale %s: %w", path, err)
	}
	return nil
}

func (s *adminServer) stop() {
	s.once.Do(func() {
		close(s.done)
		s.mu.Lock()
		s.stopping = true
		_ = s.l.Close() // removes the socket file
		for c := range s.conns {
			_ = c.SetReadDeadline(time.Now()) // no more requests nor input
		}
		s.mu.Unlock()
		s.wg.Wait()
		s.log.Info("admin socket closed")
	})
}

func (s *adminServer) accept() {
	defer s.wg.Done()
	for {
		c, err := s.l.AcceptUnix()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				s.log.Error("admin socket: accept", "err", err)
			}
			return
		}
		s.mu.Lock()
		if s.stopping {
			s.mu.Unlock()
			_ = c.Close()
			return
		}
		s.conns[c] = true
		s.wg.Add(1)
		s.mu.Unlock()
		go func() {
			defer s.wg.Done()
			s.serve(c)
			s.mu.Lock()
			delete(s.conns, c)
			s.mu.Unlock()
		}()
	}
}

// serve runs the one command a client sends.
func (s *adminServer) serve(c *net.UnixConn) {
	defer c.Close()
	if err := peerIsOwner(c); err != nil {
		s.log.Warn("admin socket: a peer refused", "err", err)
		return
	}
	_ = c.SetReadDeadline(time.Now().Add(requestTimeout))
	kind, p, err := readFrame(c)
	var req adminRequest
	switch {
	case err != nil:
		s.log.Debug("admin socket: no request", "err", err)
		return
	case kind != frameRequest:
		s.log.Warn("admin socket: a frame before the request", "kind", string(rune(kind)))
		return
	case json.Unmarshal(p, &req) != nil:
		s.log.Warn("admin socket: a request that does not read")
		return
	}
	s.mu.Lock()
	if !s.stopping {
		_ = c.SetReadDeadline(time.Time{})
	}
	s.mu.Unlock()

	var mu sync.Mutex
	env := Env{
		Stdin:  strings.NewReader(""), // no admin command reads it
		Stdout: frameWriter{mu: &mu, conn: c, kind: frameStdout},
		Stderr: frameWriter{mu: &mu, conn: c, kind: frameStderr},
		Now:    s.now,
		Getenv: func(k string) string { return req.Env[k] },
		Dir:    req.Dir,
	}
	code := s.run(env, req.Args)
	exit, _ := json.Marshal(adminExit{Code: code})
	mu.Lock()
	_ = c.SetWriteDeadline(time.Now().Add(writeTimeout))
	_ = writeFrame(c, frameExit, exit)
	mu.Unlock()
	_ = c.Close()
}

// run runs an admin command on the held store, through a handle that names
// it on the audit trail; a panic in it is an internal error, not the end of
// the process that holds the store.
func (s *adminServer) run(env Env, args []string) (code int) {
	found, _ := findCommand(args)
	if found == nil || !found.admin {
		complain(env, "", env.tr().T("%q does not run beside the process that holds the store", fmt.Sprint(args)))
		return ExitUsage
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("admin command failed", "command", found.name, "panic", r, "stack", string(debug.Stack()))
			complain(env, found.name, env.tr().T("internal error: %v", r))
			code = ExitFail
		}
	}()
	env.Store = s.st.At("admin: " + found.name)
	start := time.Now()
	code = Main(env, args)
	s.log.Info("admin command", "command", found.name, "exit", code, "took", time.Since(start))
	return code
}

// runInHolder sends the command line args to the admin socket in dir and
// copies what the holder writes to env's streams. ok is false when no
// process answers there (no socket, a stale one, a refused peer): nothing
// was run and nothing written.
func runInHolder(env Env, dir string, args []string) (code int, ok bool) {
	c, err := net.Dial("unix", filepath.Join(dir, AdminSocket))
	if err != nil {
		return 0, false
	}
	defer c.Close()
	cwd := env.Dir
	if cwd == "" {
		if cwd, err = os.Getwd(); err != nil {
			return 0, false
		}
	}
	req := adminRequest{Args: args, Dir: cwd, Env: map[string]string{}}
	if env.Getenv != nil {
		for _, k := range adminEnvVars {
			if v := env.Getenv(k); v != "" {
				req.Env[k] = v
			}
		}
	}
	p, err := json.Marshal(req)
	if err != nil || writeFrame(c, frameRequest, p) != nil {
		return 0, false
	}
	answered := false
	for {
		kind, p, err := readFrame(c)
		if err != nil {
			if !answered {
				return 0, false
			}
			complain(env, "", env.tr().T("the process that holds the store stopped before the command finished: %v", err))
			return ExitFail, true
		}
		answered = true
		switch kind {
		case frameStdout:
			_, _ = env.Stdout.Write(p)
		case frameStderr:
			_, _ = env.Stderr.Write(p)
		case frameExit:
			var x adminExit
			if err := json.Unmarshal(p, &x); err != nil {
				complain(env, "", env.tr().T("the process that holds the store answered with an exit code that does not read: %v", err))
				return ExitFail, true
			}
			return x.Code, true
		}
	}
}
