package cli

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// held is the store as a long-running command holds it (the kiosk, the
// server): the data directory's log, the store file open for writing, and
// the admin socket beside it, through which the back office's commands run
// inside this process (ServeAdmin).
type held struct {
	st        *store.Store
	log       *slog.Logger
	logFile   *os.File
	stopAdmin func()
}

// holdStore makes the data directory, opens its log and its store (events
// name terminal) and serves the admin socket. What goes wrong is said on
// env.Stderr: ok is false then, and nothing is left open.
func holdStore(env Env, dir, terminal string, logWith ...any) (h *held, ok bool) {
	tr := env.tr()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		complain(env, "", tr.T("cannot create the data directory %s: %v", dir, err))
		return nil, false
	}
	logFile, err := os.OpenFile(filepath.Join(dir, "returnsdesk.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		complain(env, "", tr.T("cannot open the log file: %v", err))
		return nil, false
	}
	log := slog.New(slog.NewTextHandler(logFile, nil)).With(logWith...)
	st, err := store.Open(storeFile(dir), store.Options{Timeout: time.Second, Terminal: terminal, Logger: log})
	if err != nil {
		log.Error("open store", "err", err)
		complain(env, "", look.SayIn(tr, err, "open the store file"))
		logFile.Close()
		return nil, false
	}
	h = &held{st: st, log: log, logFile: logFile, stopAdmin: func() {}}
	if stop, err := ServeAdmin(context.Background(), dir, st, log); err != nil {
		log.Warn("no admin socket: the back office's commands cannot run beside this process", "err", err)
	} else {
		h.stopAdmin = stop
	}
	return h, true
}

// release stops the admin socket (its commands under way finish first),
// then closes the store and the log, in that order.
func (h *held) release() error {
	h.stopAdmin()
	err := h.st.Close()
	if err != nil {
		h.log.Error("close store", "err", err)
	}
	h.logFile.Close()
	return err
}
