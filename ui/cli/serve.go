package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	charmlog "github.com/charmbracelet/log"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/server"
)

var serveHelp = lang.Key(`Serves the kiosk over SSH to the store's checkout tills: this process holds
the store, and each till connects with its own key and gets a whole kiosk
(ssh -p 2222 till1@backoffice). Every audit event of a session names its till.

  --data DIR      the data directory (default: as the kiosk's)
  --listen ADDR   host:port to listen on (default :2222)

Only a registered till's public key gets in: no password, no other key. A
till needs a terminal (ssh -t); a command, scp or sftp is refused. One till
has one live session: when it connects again, the new session takes over,
the old one is told "this till opened a new session" and ends, and its case
stays a draft in the store (every step is saved as it is done). At most 32
sessions are open at once.

The server's host key is DATA/ssh/host_ed25519, made (mode 0600) on the
first start; tills trust it on their first connection. The log goes to
DATA/returnsdesk.log.

SIGTERM or SIGINT stops the server within 5 seconds: every session is told
"the back office is stopping the server: your case is saved" and ended, and
the store is closed cleanly.

A till is an SSH public key with a name, added with returnsdesk tills add
NAME --key FILE.pub: only a registered till's key logs in; the till's name
is the terminal on every event it writes, and its printer prints its acts.`)

// serveStopTimeout bounds how long the server waits for its sessions to end
// once asked to stop; the store closes after, within the 5 s promised.
const serveStopTimeout = 4 * time.Second

// storeTills are the tills the store keeps (returnsdesk tills add), as the
// server looks them up on every connection: a till added or removed while
// the server runs takes effect at the next connection.
type storeTills struct{ st *store.Store }

// Lookup is the till whose key has the fingerprint.
func (t storeTills) Lookup(fingerprint string) (server.Till, bool, error) {
	till, ok, err := t.st.TillByKey(fingerprint)
	if err != nil || !ok {
		return server.Till{}, false, err
	}
	return server.Till{Name: till.Name, Printer: till.Printer, Language: till.Language}, true, nil
}

// Count is how many tills the store keeps.
func (t storeTills) Count() (int, error) {
	tills, err := t.st.Tills()
	return len(tills), err
}

// runServe opens the store, serves the kiosk over SSH until SIGTERM or
// SIGINT, then ends every session and closes the store.
func runServe(env Env, args []string) int {
	fs := newFlags("serve")
	data := fs.String("data", "", "")
	listen := fs.String("listen", server.DefaultAddr, "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "serve", err)
	}
	tr := env.tr()
	if fs.NArg() > 0 {
		complain(env, "serve", tr.T("%q is not an argument; see returnsdesk serve --help", fs.Arg(0)))
		return ExitUsage
	}
	dir := dataDir(env, *data)
	// a till never sets a store up: the first-run screen would make whoever
	// connects first its shift lead
	if _, err := os.Stat(storeFile(dir)); err != nil {
		complain(env, "serve", tr.T("there is no store in %s: set it up first with returnsdesk init (or the kiosk there)", dir))
		return ExitFail
	}
	host, _ := os.Hostname()
	h, ok := holdStore(env, dir, host, "serve", true)
	if !ok {
		return ExitFail
	}
	if set, err := h.st.Initialized(); err != nil || !set {
		complain(env, "serve", tr.T("the store in %s is not set up: set it up first with returnsdesk init (or the kiosk there)", dir))
		_ = h.release()
		return ExitFail
	}
	// wish's middlewares log through charmbracelet/log: to the file too, never the screen
	charmlog.SetDefault(charmlog.NewWithOptions(h.logFile, charmlog.Options{ReportTimestamp: true}))
	tr = env.trOf(h.st)
	code := serveUntilSignal(env, tr, h, dir, *listen)
	if err := h.release(); err != nil {
		complain(env, "serve", look.SayIn(tr, err, "close the store"))
		return ExitFail
	}
	h.log.Info("stopped")
	return code
}

// serveUntilSignal serves the kiosk to the store's tills on listen until
// SIGTERM or SIGINT (or the server fails), then ends every session within
// serveStopTimeout. It returns the exit code.
func serveUntilSignal(env Env, tr *lang.Printer, h *held, dir, listen string) int {
	log, tills := h.log, storeTills{h.st}
	n, err := tills.Count()
	if err != nil {
		log.Error("count tills", "err", err)
	}
	if n == 0 {
		log.Warn("no tills are registered: every key is refused")
		complain(env, "serve", tr.T("no tills are registered: add one with returnsdesk tills add"))
	}
	l, err := net.Listen("tcp", listen)
	if err != nil {
		log.Error("listen", "addr", listen, "err", err)
		complain(env, "serve", tr.T("cannot listen on %s: %v", listen, err))
		return ExitFail
	}
	srv, err := server.New(server.Config{Store: h.st, DataDir: dir, Log: log, Now: env.Now,
		Till: tills.Lookup})
	if err != nil {
		log.Error("serve", "err", err)
		complain(env, "serve", sayErr(tr, err))
		_ = l.Close()
		return ExitFail
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	log.Info("serving", "addr", l.Addr().String(), "tills", n)
	fmt.Fprintln(env.Stdout, tr.N("serving %d tills on %s", n, n, l.Addr()))

	code := ExitOK
	select {
	case <-ctx.Done():
		log.Info("stopping: signal")
	case err := <-served:
		log.Error("serve", "err", err)
		complain(env, "serve", sayErr(tr, err))
		code = ExitFail
	}
	stopCtx, cancel := context.WithTimeout(context.Background(), serveStopTimeout)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		log.Error("stop", "err", err)
		complain(env, "serve", sayErr(tr, err))
		code = ExitFail
	}
	return code
}
