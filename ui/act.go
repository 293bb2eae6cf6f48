package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
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
	tr      *lang.Printer // the cashier's words; the act itself is in the customer's
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
	tr := a.tr
	var b strings.Builder
	b.WriteString(a.st.Title.Render(tr.T("Return act written")) + "\n\n")
	b.WriteString(tr.T("Case %s: %s, %s", a.c.ID, strings.ToUpper(a.c.Outcome().WordsIn(tr)), a.c.Status.WordsIn(tr)) + "\n")
	act := tr.T("Act: %s", "")
	b.WriteString(act + look.FitLeft(a.file, 80-lipgloss.Width(act)) + "\n")
	if a.printed != "" {
		b.WriteString(a.printed + "\n")
	}
	if a.slip != "" {
		b.WriteString(a.slip + "\n")
	}
	b.WriteString("\n" + tr.T("Both the customer and the cashier sign the printed act.") + "\n\n")
	b.WriteString(a.st.Dim.Render(tr.T("%s: done", a.km.Confirm.Help().Key)))
	return b.String()
}

// writeActCmd writes the act of the case at hand to the data directory and
// prints it with the store's print command, if one is set.
func (m *Model) writeActCmd() tea.Cmd {
	c := *m.c
	text := renderAct(m.customerText, m.settings, &c, m.policy, m.d.Now().In(m.loc))
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
		m.notice = "! " + m.staffText.T("the act could not be written: %s (the case is saved)",
			look.SayIn(m.staffText, msg.err, "write the act"))
		return m.showAct()
	}
	m.act = m.actScreen(msg.file)
	m.act.printed = m.printWords(msg.printErr)
	m.act.slip = m.slipWords(msg)
	m.view = viewAct
	switch m.c.Status {
	case flow.StatusRefunded, flow.StatusExchanged, flow.StatusRejected:
		if err := m.c.Move(flow.StatusClosed); err == nil {
			m.act.c = m.c
			ev := store.Event{Kind: store.EventStep, Step: "act", Staff: m.user.Name, Words: store.Said("act %s", filepath.Base(msg.file))}
			return m, m.saveCmd(ev, nil)
		}
	}
	return m, nil
}

// printWords say where the act went: to the printer, or to be printed by
// hand.
func (m *Model) printWords(printErr error) string {
	tr := m.staffText
	switch {
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

// showAct shows the act screen for a case whose decision is confirmed.
func (m *Model) showAct() (tea.Model, tea.Cmd) {
	m.view = viewAct
	m.act = m.actScreen(filepath.Join(m.d.DataDir, "acts", m.c.ID+".txt"))
	return m, nil
}

// renderAct is the return act: what a customer and a cashier sign, in tr's
// language (the customer's: the store's), its amounts and days as the
// language writes them; the clauses by their ids, in small print.
func renderAct(tr *lang.Printer, s store.Settings, c *flow.Case, p *flow.Policy, now time.Time) string {
	a := newActWriter(tr, now.Location())
	a.head(s, c, p, now)
	a.sale(c)
	a.request(c)
	a.checks(c, p)
	a.decision(c)
	if sec, ok := exchangeSection(tr, c, now.Location()); ok { // what was given, and the difference
		a.paperSection(sec)
	}
	a.section("")
	a.b.WriteString("\n" + tr.T("Customer: ______________________    Cashier (%s): ______________________", c.OpenedBy) + "\n")
	return a.b.String()
}

// actWriter writes the act's lines in one language: a label and its value
// in a column as wide as the language's longest label needs.
type actWriter struct {
	b     strings.Builder
	tr    *lang.Printer
	loc   *time.Location
	width int
}

func newActWriter(tr *lang.Printer, loc *time.Location) *actWriter {
	a := &actWriter{tr: tr, loc: loc}
	for _, l := range a.labels() {
		a.width = max(a.width, utf8.RuneCountInString(l)+3) // "Label:" and two spaces at least
	}
	return a
}

// labels are the act's labels, each a message (row prints them).
func (a *actWriter) labels() []string {
	tr := a.tr
	return []string{tr.T("Store"), tr.T("Case"), tr.T("Opened"), tr.T("Written"), tr.T("Policy"), tr.T("Date"),
		tr.T("Receipt"), tr.T("Model"), tr.T("Serial/IMEI"), tr.T("Price"), tr.T("Condition"), tr.T("Claim"),
		tr.T("Documents"), tr.T("Passport"), tr.T("Outcome"), tr.T("Clauses"), tr.T("Amount"), tr.T("Refund by"),
		tr.T("Status")}
}

// row writes a label (a message of labels) and its value.
func (a *actWriter) row(label, value string) {
	fmt.Fprintf(&a.b, "%-*s%s\n", a.width, a.tr.T(label)+":", value)
}

// section writes the rule and the section's title (none for "").
func (a *actWriter) section(title string) {
	a.b.WriteString(strings.Repeat("-", 72) + "\n")
	if title != "" {
		a.b.WriteString(title + "\n")
	}
}

func (a *actWriter) date(d flow.Date) string { return a.tr.Date(d.Year, d.Month, d.Day) }

func (a *actWriter) money(m flow.Money) string { return a.tr.Money(m.Minor, m.Currency) }

func (a *actWriter) at(t time.Time) string {
	t = t.In(a.loc)
	return a.tr.Date(t.Year(), t.Month(), t.Day()) + " " + t.Format("15:04")
}

func (a *actWriter) head(s store.Settings, c *flow.Case, p *flow.Policy, now time.Time) {
	a.b.WriteString(a.tr.T("RETURN ACT") + "\n")
	a.section("")
	a.row("Store", s.StoreName)
	a.row("Case", c.ID)
	a.row("Opened", a.tr.T("%s by %s", a.at(c.Opened), c.OpenedBy))
	a.row("Written", a.at(now))
	if p != nil {
		a.row("Policy", fmt.Sprintf("%s (%s)", p.TitleIn(a.tr.Lang()), p.Name))
	}
}

func (a *actWriter) sale(c *flow.Case) {
	tr := a.tr
	a.section(tr.T("SALE"))
	a.row("Date", a.date(c.Sale.Date))
	a.row("Receipt", look.OrDash(c.Sale.Receipt))
	a.row("Model", look.OrDash(c.Sale.Model))
	a.row("Serial/IMEI", look.OrDash(c.Sale.Serial))
	a.row("Price", tr.T("%s, paid by %s", a.money(c.Sale.Price), look.OrDash(c.Sale.Tender.WordsIn(tr))))
	a.row("Condition", tr.N("%s; warranty %d months", c.Sale.WarrantyMonths,
		look.OrDash(c.Sale.Condition.WordsIn(tr)), c.Sale.WarrantyMonths))
}

func (a *actWriter) request(c *flow.Case) {
	tr := a.tr
	a.section(tr.T("REQUEST"))
	claim := tr.T("%s; wants %s", c.Request.Claim.WordsIn(tr), c.Request.Wants.WordsIn(tr))
	if c.Request.Remote {
		claim += tr.T("; sent by a delivery service")
	}
	a.row("Claim", claim)
	a.row("Documents", look.OrDash(flow.DocumentWordsIn(tr, c.Documents)))
	if c.Passport.Presented() {
		a.row("Passport", c.Passport.MaskedIn(tr))
	}
}

func (a *actWriter) checks(c *flow.Case, p *flow.Policy) {
	tr := a.tr
	a.section(tr.T("CHECKS"))
	if p != nil {
		for _, ck := range p.Checklist() {
			fmt.Fprintf(&a.b, "  %-52s %s\n", ck.QuestionIn(tr), c.Inspection.AnswerIn(tr, ck.Field))
		}
	}
	if c.ServiceCentre != "" {
		a.b.WriteString(tr.T("Service centre conclusion: %s", c.ServiceCentre.WordsIn(tr)) + "\n")
	}
}

func (a *actWriter) decision(c *flow.Case) {
	tr := a.tr
	a.section(tr.T("DECISION"))
	a.row("Outcome", strings.ToUpper(c.Outcome().WordsIn(tr)))
	if d := c.Decision; d != nil {
		a.row("Clauses", flow.ClauseList(d.Clauses))
		for i, e := range d.Explain {
			fmt.Fprintf(&a.b, "  %2d. %s\n", i+1, e)
		}
		if len(d.Warnings) > 0 {
			a.b.WriteString(tr.T("Told the customer: %s", flow.ClauseList(d.Warnings)) + "\n")
		}
	}
	if o := c.Override; o != nil {
		a.b.WriteString(tr.T("Decided by shift lead %s: %s", o.By, o.Reason) + "\n")
	}
	if c.Outcome() == flow.OutcomeRefund {
		a.row("Amount", tr.T("%s, in %s", a.money(c.Sale.Price), look.OrDash(c.Sale.Tender.WordsIn(tr))))
		if by := c.RefundBy(); !by.IsZero() {
			a.row("Refund by", a.date(by))
		}
	}
	if by := c.ServiceBy(); !by.IsZero() {
		a.b.WriteString(tr.T("Back from the service centre by: %s", a.date(by)) + "\n")
	}
	a.row("Status", c.Status.WordsIn(tr))
}
