package cli

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui"
	"example.com/returnsdesk/ui/look"
	_ "example.com/returnsdesk/ui/quietterm" // before bubbletea's init: see its doc
)

var kioskHelp = lang.Key(`Opens the kiosk on this terminal. The first run creates the store in the
data directory and asks for the store's name, policy, time zone and first
shift lead.

  --data DIR        the data directory (default: $RETURNSDESK_DATA, else
                    $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)
  --idle DURATION   lock the screen after this long without a key
                    (default: the store's setting, 15m)
  --terminal NAME   this terminal's name on the audit trail (default: the host name)

The data directory holds returnsdesk.db (the store), passport.key (the
secret that hashes passport numbers: keep it, never in a backup),
returnsdesk.log and acts/ (the return acts).`)

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
		complain(env, "", env.tr().T("%q is not a command; see returnsdesk --help", fs.Arg(0)))
		return ExitUsage
	}
	dir := dataDir(env, *data)
	if *terminal == "" {
		*terminal, _ = os.Hostname()
	}
	h, ok := holdStore(env, dir, *terminal)
	if !ok {
		return ExitFail
	}
	defer h.release()
	st, log := h.st, h.log

	m := ui.NewModel(ui.Deps{Store: st, DataDir: dir, Now: env.Now, Log: log, Idle: *idle, Terminal: *terminal})
	if _, err := tea.NewProgram(m, ui.ProgramOptions()...).Run(); err != nil {
		log.Error("kiosk", "err", err)
		complain(env, "", look.SayIn(env.trOf(st), err, "run the kiosk"))
		return ExitFail
	}
	return ExitOK
}
