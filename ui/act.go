package ui

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/paper"
	"example.com/returnsdesk/ui/payout"
	"example.com/returnsdesk/ui/printout"
)

// actWrittenMsg: the act is kept (and printed, where a print command is
// set).
type actWrittenMsg struct {
	kept    printout.Kept
	err     error
	slip    payout.Written // the payout slip of a refund paid at the till (ui/payout.go)
	slipErr error
}

// actModel shows where the act went and what is left to do.
type actModel struct {
	st      *look.Styles
	km      *look.KeyMap
	tr      *lang.Printer // the cashier's words; the act itself is in the customer's
	c       *flow.Case
	n       uint64 // the act's number; 0 when it could not be kept
	file    string
	printed string
	slip    string // where the payout slip went, if the refund was paid at the till
}

func (a actModel) Init() tea.Cmd { return nil }

func (a actModel) keys(k look.KeyMap) look.KeyMap {
	if a.n == 0 {
		return k.With(k.Confirm, k.Back)
	}
	if a.another() {
		return k.With(k.Confirm, k.Act.Another)
	}
	return k.With(k.Confirm)
}

// another reports whether another item of the case's receipt may join its
// visit from here: once the act is kept (flow.Case.CanAddItem).
func (a actModel) another() bool { return a.n > 0 && a.c != nil && a.c.CanAddItem() == nil }
func (a actModel) typing() bool  { return false }
func (a actModel) dirty() bool   { return false }

// actDoneMsg: the cashier has seen the act and goes home.
type actDoneMsg struct{}

// writeActMsg: the cashier has the act written (again, after it failed).
type writeActMsg struct{}

func (a actModel) Update(msg tea.Msg) (actModel, tea.Cmd) {
	if a.n == 0 && isKey(msg, a.km.Confirm) {
		return a, func() tea.Msg { return writeActMsg{} }
	}
	if isKey(msg, a.km.Confirm) || isKey(msg, a.km.Back) {
		return a, func() tea.Msg { return actDoneMsg{} }
	}
	if a.another() && isKey(msg, a.km.Act.Another) {
		return a, sendCmd(anotherItemMsg{})
	}
	return a, nil
}

func (a actModel) View() string {
	tr := a.tr
	var b strings.Builder
	title := capital(flow.ActFor(a.c).WordsIn(tr)) // not written yet: the body says so
	if a.n > 0 {
		title = tr.T("%s No. %d written", title, a.n)
	}
	b.WriteString(a.st.Title.Render(title) + "\n\n")
	b.WriteString(tr.T("Case %s: %s, %s", a.c.ID, strings.ToUpper(a.c.Outcome().WordsIn(tr)), a.c.Status.WordsIn(tr)) + "\n")
	if a.file != "" {
		act := tr.T("Act: %s", "")
		b.WriteString(act + look.FitLeft(a.file, 80-lipgloss.Width(act)) + "\n")
	}
	if a.printed != "" {
		b.WriteString(strings.Join(look.Wrap(a.printed, 80, ""), "\n") + "\n")
	}
	if a.slip != "" {
		b.WriteString(a.slip + "\n")
	}
	if a.n == 0 {
		b.WriteString("\n" + tr.T("The act is not written yet: the case is saved.") + "\n\n")
		b.WriteString(a.st.Dim.Render(tr.T("%s: write and print the act · %s: home", a.km.Confirm.Help().Key,
			a.km.Back.Help().Key)))
		return b.String()
	}
	b.WriteString("\n" + tr.T("Both the customer and the cashier sign the printed act.") + "\n\n")
	b.WriteString(a.st.Dim.Render(tr.T("%s: done", a.km.Confirm.Help().Key)))
	if a.another() {
		b.WriteString("\n" + a.st.Dim.Render(look.Fit(tr.T("%s: another item of receipt %s (its own inspection and decision)",
			a.km.Act.Another.Help().Key, a.c.Sale.Receipt), 80)))
	}
	return b.String()
}

// capital is s with its first letter a capital.
func capital(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// keeper keeps and prints this terminal's documents.
func (m *Model) keeper() printout.Keeper {
	return printout.Keeper{Store: m.d.Store, Dir: filepath.Join(m.d.DataDir, "acts"), Width: m.settings.Paper,
		Command: m.printCommand(), Print: m.printer()}
}

// writeActCmd keeps the act of the case at hand, numbered, in the data
// folder's acts/, and prints it with the print command, if one is set; then
// the payout slip of a refund paid at the till.
func (m *Model) writeActCmd() tea.Cmd {
	c := *m.c
	tc, set, p, now, by := m.customerText, m.settings, m.policy, m.d.Now().In(m.loc), m.user.Name
	kind := flow.ActFor(&c)
	k := m.keeper()
	slip := m.tillPayoutOf(&c)
	st := m.d.Store
	return func() tea.Msg {
		visit := visitOfAct(st, &c)
		kept, err := k.Keep(c.ID, kind, 0, by, now, func(n uint64) paper.Doc {
			d := actDoc(tc, set, &c, p, now, kind, n)
			withVisit(&d, tc, visit)
			return d
		})
		if err != nil {
			return actWrittenMsg{err: err}
		}
		msg := actWrittenMsg{kept: kept}
		msg.slip, msg.slipErr = slip.write(c.ID, by, now)
		return msg
	}
}

// printCommand is the command that prints this terminal's acts: its own
// (a till's printer), else the store's.
func (m *Model) printCommand() string {
	if m.d.PrintCommand != "" {
		return m.d.PrintCommand
	}
	return m.settings.PrintCommand
}

// runPrint runs the print command with the act file as its last argument.
func runPrint(command, file string) error {
	args := strings.Fields(command)
	if len(args) == 0 {
		return nil
	}
	out, err := exec.Command(args[0], append(args[1:], file)...).CombinedOutput()
	if err != nil {
		return flow.Errorf(flow.EUnavailable, "the print command %s failed", args[0]).
			Wrap(fmt.Errorf("%v %s", err, strings.TrimSpace(string(out))))
	}
	return nil
}

// actWritten shows the act screen, and closes a case that has nothing left
// to do (refunded, exchanged, rejected).
func (m *Model) actWritten(msg actWrittenMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.d.Log.Error("write the act", "case", m.c.ID, "err", msg.err)
		m.notice = "! " + m.staffText.T("the act could not be written: %s (the case is saved)",
			look.SayIn(m.staffText, msg.err, "write the act"))
		return m.showAct()
	}
	m.c.ActPending = false // kept with the act (store.KeepAct)
	m.act = m.actScreen(msg.kept.File())
	m.act.n = msg.kept.Act.N
	m.act.printed = m.printWords(msg.kept.PrintErr)
	m.act.slip = m.slipWords(msg)
	m.view = viewAct
	switch m.c.Status {
	case flow.StatusRefunded, flow.StatusExchanged, flow.StatusRejected:
		if err := m.c.Move(flow.StatusClosed); err == nil {
			m.act.c = m.c
			ev := store.Event{Kind: store.EventStep, Step: "act", Staff: m.user.Name,
				Words: store.Said("act %s", filepath.Base(msg.kept.File()))}
			return m, m.saveCmd(ev, nil)
		}
	}
	return m, nil
}

// printWords say where the act went: to the printer, or to be printed by
// hand; a store without a print command is told once a session how to set
// one.
func (m *Model) printWords(printErr error) string {
	tr := m.staffText
	switch {
	case m.printCommand() == "" && !m.printHintShown:
		m.printHintShown = true
		return tr.T("No print command is set: print the file by hand. A shift lead sets one with: returnsdesk settings --print-command \"lp -d PRINTER\" (or a till's own with tills add --printer).")
	case m.printCommand() == "":
		return tr.T("No print command is set: print the file by hand.")
	case printErr != nil:
		m.d.Log.Error("print", "err", printErr)
		return "! " + tr.T("printing failed: %s: print the file by hand.", look.SayIn(tr, printErr, "print the act"))
	}
	return tr.T("Sent to the printer (%s).", m.printCommand())
}

// actScreen is the act screen of the case at hand, its act in file.
func (m *Model) actScreen(file string) actModel {
	return actModel{st: &m.st, km: &m.keys, tr: m.staffText, c: m.c, file: file}
}

// showAct shows the act screen for a case whose decision is confirmed and
// whose act is not (yet) kept: the act is written again from here.
func (m *Model) showAct() (tea.Model, tea.Cmd) {
	m.view = viewAct
	m.act = m.actScreen("")
	return m, nil
}
