package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui"
	"example.com/returnsdesk/ui/look"
	_ "example.com/returnsdesk/ui/quietterm" // before bubbletea's init: see its doc
)

const kioskHelp = `Opens the kiosk on this terminal. The first run creates the store in the
data directory and asks for the store's name, policy, time zone and first
shift lead.

  --data DIR        the data directory (default: $RETURNSDESK_DATA, else
                    $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)
  --idle DURATION   lock the screen after this long without a key
                    (default: the store's setting, 15m)
  --terminal NAME   this terminal's name on the audit trail (default: the host name)

The data directory holds returnsdesk.db (the store), passport.key (the
secret that hashes passport numbers: keep it, never in a backup),
returnsdesk.log and acts/ (the return acts).`

// runKiosk opens the store in the data directory and runs the kiosk on this
// terminal until the root quits; the log goes to the data directory.
func runKiosk(env Env, args []string) int {
	fs := newFlags("kiosk")
	data := fs.String("data", "", "")
	idle := fs.Duration("idle", 0, "")
	terminal := fs.String("terminal", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "kiosk", err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk: %q is not a command; see returnsdesk --help\n", fs.Arg(0))
		return ExitUsage
	}
	dir := dataDir(env, *data)
	if *terminal == "" {
		*terminal, _ = os.Hostname()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk: cannot create the data directory %s: %v\n", dir, err)
		return ExitFail
	}
	logFile, err := os.OpenFile(filepath.Join(dir, "returnsdesk.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk: cannot open the log file: %v\n", err)
		return ExitFail
	}
	defer logFile.Close()
	log := slog.New(slog.NewTextHandler(logFile, nil))

	st, err := store.Open(storeFile(dir), store.Options{Timeout: time.Second, Terminal: *terminal, Logger: log})
	if err != nil {
		log.Error("open store", "err", err)
		fmt.Fprintf(env.Stderr, "returnsdesk: %s\n", look.Say(err, "open the store"))
		return ExitFail
	}
	defer st.Close()
	// the admin commands run here while the kiosk holds the store
	if stop, err := ServeAdmin(context.Background(), dir, st, log); err != nil {
		log.Warn("no admin socket: the admin commands cannot run while the kiosk holds the store", "err", err)
	} else {
		defer stop()
	}

	m := ui.NewModel(ui.Deps{Store: st, DataDir: dir, Now: env.Now, Log: log, Idle: *idle, Terminal: *terminal})
	if _, err := tea.NewProgram(m, ui.ProgramOptions()...).Run(); err != nil {
		log.Error("kiosk", "err", err)
		fmt.Fprintf(env.Stderr, "returnsdesk: %s\n", look.Say(err, "run the kiosk"))
		return ExitFail
	}
	return ExitOK
}
