package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/payout"
)

// actWrittenMsg: the act file is written (and printed, where a print command
// is set).
type actWrittenMsg struct {
	file     string
	printErr error
	err      error
	slip     payout.Written // the payout slip of a refund paid at the till (ui/payout.go)
	slipErr  error
}

// actModel shows where the act went and what is left to do.
type actModel struct {
	st      *look.Styles
	km      *look.KeyMap
	c       *flow.Case
	file    string
	printed string
	slip    string // where the payout slip went, if the refund was paid at the till
}

func (a actModel) Init() tea.Cmd { return nil }

func (a actModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (a actModel) typing() bool                   { return false }
func (a actModel) dirty() bool                    { return false }

// actDoneMsg: the cashier has seen the act and goes home.
type actDoneMsg struct{}

func (a actModel) Update(msg tea.Msg) (actModel, tea.Cmd) {
	if isKey(msg, a.km.Confirm) || isKey(msg, a.km.Back) {
		return a, func() tea.Msg { return actDoneMsg{} }
	}
	return a, nil
}

func (a actModel) View() string {
	var b strings.Builder
	b.WriteString(a.st.Title.Render("Return act written") + "\n\n")
	fmt.Fprintf(&b, "Case %s: %s, %s\n", a.c.ID, strings.ToUpper(a.c.Outcome().Words()), a.c.Status.Words())
	fmt.Fprintf(&b, "Act: %s\n", look.FitLeft(a.file, 75))
	if a.printed != "" {
		b.WriteString(a.printed + "\n")
	}
	if a.slip != "" {
		b.WriteString(a.slip + "\n")
	}
	b.WriteString("\nBoth the customer and the cashier sign the printed act.\n\n")
	b.WriteString(a.st.Dim.Render("enter: done"))
	return b.String()
}

// writeActCmd writes the act of the case at hand to the data directory and
// prints it with the store's print command, if one is set.
func (m *Model) writeActCmd() tea.Cmd {
	c := *m.c
	text := renderAct(m.settings, &c, m.policy, m.d.Now().In(m.loc))
	dir := filepath.Join(m.d.DataDir, "acts")
	printCmd := m.printCommand()
	print := m.printer()
	slip := m.tillPayoutOf(&c)
	return func() tea.Msg {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return actWrittenMsg{err: err}
		}
		file := filepath.Join(dir, c.ID+".txt")
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			return actWrittenMsg{err: err}
		}
		msg := actWrittenMsg{file: file}
		if printCmd != "" {
			msg.printErr = print(printCmd, file)
		}
		msg.slip, msg.slipErr = slip.write(c.ID)
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
		m.notice = "! the act could not be written: " + look.Say(msg.err, "write the act") + " (the case is saved)"
		return m.showAct()
	}
	m.act = actModel{st: &m.st, km: &m.keys, c: m.c, file: msg.file}
	switch {
	case m.printCommand() == "":
		m.act.printed = "No print command is set: print the file by hand."
	case msg.printErr != nil:
		m.d.Log.Error("print", "err", msg.printErr)
		m.act.printed = "! printing failed: " + look.Say(msg.printErr, "print the act") + ": print the file by hand."
	default:
		m.act.printed = "Sent to the printer (" + m.printCommand() + ")."
	}
	m.act.slip = m.slipWords(msg)
	m.view = viewAct
	switch m.c.Status {
	case flow.StatusRefunded, flow.StatusExchanged, flow.StatusRejected:
		if err := m.c.Move(flow.StatusClosed); err == nil {
			m.act.c = m.c
			ev := store.Event{Kind: store.EventStep, Step: "act", Staff: m.user.Name, Detail: "act " + filepath.Base(msg.file)}
			return m, m.saveCmd(ev, nil)
		}
	}
	return m, nil
}

// showAct shows the act screen for a case whose decision is confirmed.
func (m *Model) showAct() (tea.Model, tea.Cmd) {
	m.view = viewAct
	m.act = actModel{st: &m.st, km: &m.keys, c: m.c, file: filepath.Join(m.d.DataDir, "acts", m.c.ID+".txt")}
	return m, nil
}

// renderAct is the return act: what a customer and a cashier sign.
func renderAct(s store.Settings, c *flow.Case, p *flow.Policy, now time.Time) string {
	var b strings.Builder
	line := strings.Repeat("-", 72)
	fmt.Fprintf(&b, "RETURN ACT\n%s\n", line)
	fmt.Fprintf(&b, "Store:        %s\n", s.StoreName)
	fmt.Fprintf(&b, "Case:         %s\n", c.ID)
	fmt.Fprintf(&b, "Opened:       %s by %s\n", c.Opened.In(now.Location()).Format("2006-01-02 15:04"), c.OpenedBy)
	fmt.Fprintf(&b, "Written:      %s\n", now.Format("2006-01-02 15:04"))
	if p != nil {
		fmt.Fprintf(&b, "Policy:       %s (%s)\n", p.Title, p.Name)
	}
	fmt.Fprintf(&b, "%s\nSALE\n", line)
	fmt.Fprintf(&b, "Date:         %s\n", c.Sale.Date)
	fmt.Fprintf(&b, "Receipt:      %s\n", look.OrDash(c.Sale.Receipt))
	fmt.Fprintf(&b, "Model:        %s\n", look.OrDash(c.Sale.Model))
	fmt.Fprintf(&b, "Serial/IMEI:  %s\n", look.OrDash(c.Sale.Serial))
	fmt.Fprintf(&b, "Price:        %s, paid by %s\n", c.Sale.Price, look.OrDash(c.Sale.Tender.Words()))
	fmt.Fprintf(&b, "Condition:    %s; warranty %d months\n", look.OrDash(string(c.Sale.Condition)), c.Sale.WarrantyMonths)
	fmt.Fprintf(&b, "%s\nREQUEST\n", line)
	fmt.Fprintf(&b, "Claim:        %s; wants %s", c.Request.Claim, c.Request.Wants)
	if c.Request.Remote {
		b.WriteString("; sent by a delivery service")
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "Documents:    %s\n", look.OrDash(flow.DocumentWords(c.Documents)))
	if c.Passport.Presented() {
		fmt.Fprintf(&b, "Passport:     %s\n", c.Passport.Masked())
	}
	fmt.Fprintf(&b, "%s\nCHECKS\n", line)
	if p != nil {
		for _, ck := range p.Checklist() {
			fmt.Fprintf(&b, "  %-52s %s\n", ck.Question, c.Inspection.Answer(ck.Field))
		}
	}
	if c.ServiceCentre != "" {
		fmt.Fprintf(&b, "Service centre conclusion: %s\n", c.ServiceCentre.Words())
	}
	fmt.Fprintf(&b, "%s\nDECISION\n", line)
	fmt.Fprintf(&b, "Outcome:      %s\n", strings.ToUpper(c.Outcome().Words()))
	if d := c.Decision; d != nil {
		fmt.Fprintf(&b, "Clauses:      %s\n", flow.ClauseList(d.Clauses))
		for i, e := range d.Explain {
			fmt.Fprintf(&b, "  %2d. %s\n", i+1, e)
		}
		if len(d.Warnings) > 0 {
			fmt.Fprintf(&b, "Told the customer: %s\n", flow.ClauseList(d.Warnings))
		}
	}
	if o := c.Override; o != nil {
		fmt.Fprintf(&b, "Decided by shift lead %s: %s\n", o.By, o.Reason)
	}
	if c.Outcome() == flow.OutcomeRefund {
		fmt.Fprintf(&b, "Amount:       %s, in %s\n", c.Sale.Price, look.OrDash(c.Sale.Tender.Words()))
		if by := c.RefundBy(); !by.IsZero() {
			fmt.Fprintf(&b, "Refund by:    %s\n", by)
		}
	}
	if by := c.ServiceBy(); !by.IsZero() {
		fmt.Fprintf(&b, "Back from the service centre by: %s\n", by)
	}
	fmt.Fprintf(&b, "Status:       %s\n", c.Status.Words())
	fmt.Fprintf(&b, "%s\n\n", line)
	fmt.Fprintf(&b, "Customer: ______________________    Cashier (%s): ______________________\n", c.OpenedBy)
	return b.String()
}
