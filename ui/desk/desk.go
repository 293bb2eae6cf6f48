// Package desk is the shift lead's desk, an application inside the kiosk
// with a model of its own: the day's table (day.go), a case whole
// (case.go), the queues (queues.go), the day close (close.go), and the forms
// to mark a refund paid (pay.go) and to add a note (note.go). It reads and
// writes the store only in tea.Cmds (cmds.go), and talks to the root with
// exported messages: DoneMsg when the lead leaves it, DecideMsg when an
// escalated case is to be decided (the root's approve form does it), and Msg,
// the envelope of its own messages, which the root hands back to Update.
package desk

import (
	"log/slog"
	"path/filepath"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/printout"
)

// Deps is what the desk runs on, given by the root when it opens the desk.
type Deps struct {
	Store   *store.Store
	DataDir string // the data folder: exports go to its exports/, payout slips to its acts/
	Now     func() time.Time
	Log     *slog.Logger
	Loc     *time.Location // the store's time zone
	Lead    string         // the shift lead logged in: who signs off, pays, notes, closes
	Styles  *look.Styles
	Keys    *look.KeyMap
	// ClosingTime is the store's closing time, HH:MM ("": the default): a
	// close before it is warned of.
	ClosingTime string
	// StoreName is the store's name, on the payout slips.
	StoreName string
	// StaffText is the lead's own language, for the desk's screens.
	StaffText *lang.Printer
	// CustomerText is the customer's language (the store's), the payout
	// slips'; nil is English.
	CustomerText *lang.Printer
	// CSVDialect is the dialect of the CSV exports (export.StoreDialect of
	// the store's settings); "" is RFC 4180.
	CSVDialect export.Dialect
	// PrintCommand prints a payout slip at this terminal (a till's printer,
	// else the store's); empty: none, the slip is printed by hand.
	PrintCommand string
	// Print sends a slip to the printer with the print command; nil prints
	// nothing.
	Print func(command, file string) error
	// Paper is the store's paper (store.Settings.Paper): a receipt
	// printer's columns, or 0 for A4.
	Paper int
}

// keeper keeps and prints the desk's documents (ui/printout).
func (d Deps) keeper() printout.Keeper {
	return printout.Keeper{Store: d.Store, Dir: filepath.Join(d.DataDir, "acts"), Width: d.Paper,
		Command: d.PrintCommand, Print: d.Print}
}

// DoneMsg says the lead left the desk: the root goes home.
type DoneMsg struct{}

// ReprintMsg asks the root to print one of a case's acts again: its acts
// are listed to pick one; esc comes back to the desk as it was.
type ReprintMsg struct{ CaseID string }

// DecideMsg asks the root to decide an escalated case, read whole, with its
// approve form as the lead logged in; afterwards the root shows the desk
// again with Decided.
type DecideMsg struct{ Case *flow.Case }

// Msg carries the desk's own messages (a store's answer, a screen's
// request) through the root's loop: the root passes it to Update, whatever
// screen it shows.
type Msg struct{ msg tea.Msg }

// screen is the desk's screen at hand.
type screen int

const (
	screenTable screen = iota
	screenCase
	screenQueues
	screenClose
	screenPay
	screenNote
)

func (s screen) String() string {
	switch s {
	case screenTable:
		return "day's table"
	case screenCase:
		return "case"
	case screenQueues:
		return "queues"
	case screenClose:
		return "day close"
	case screenPay:
		return "mark paid"
	case screenNote:
		return "note"
	}
	return "screen(?)"
}

// Model is the desk: which of its screens shows, and each screen's state.
type Model struct {
	d             Deps
	width, height int
	screen        screen
	back          screen    // where a case or a form returns to
	day           flow.Date // the day the table and the close show
	notice        string    // a line for the root's header
	gen           uint64    // this desk's waits for the store's changes (Watch)

	table  dayModel
	trail  caseModel
	queues queuesModel
	report closeModel
	pay    payModel
	note   noteModel
}

// New is the desk at today's table, width by height cells (the root's body,
// without its header and footer). Init loads the table.
func New(d Deps, width, height int) Model {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Loc == nil {
		d.Loc = time.Local
	}
	d.StaffText = staffText(d.StaffText)
	m := Model{d: d, width: width, height: height, gen: generations.Add(1)}
	today := m.today()
	m.day = today
	m.table = newDayModel(d.StaffText, d.Styles, d.Keys, today, today, width, height)
	m.queues = newQueuesModel(d.StaffText, d.Styles, d.Keys, today, width, height)
	return m
}

// Init loads the day's table.
func (m Model) Init() tea.Cmd { return m.loadDayCmd(m.day) }

// Notice is the desk's line for the root's header: news of what the lead
// did, or what went wrong ("! ..."); "" for none. The root reads it after
// each Update, so that the line changes in the same frame as the screen.
func (m Model) Notice() string { return m.notice }

// Typing reports whether the screen at hand takes text now, so that `?` is
// a character there, not the help key.
func (m Model) Typing() bool {
	switch m.screen {
	case screenPay:
		return m.pay.typing()
	case screenNote:
		return true
	case screenTable:
		return m.table.typing()
	case screenClose:
		return m.report.reopening
	}
	return false
}

// FreeText reports whether the field at hand takes free text (a note, a
// reason to reopen a day), where `?` is a character, not the help key.
func (m Model) FreeText() bool {
	return m.screen == screenNote || m.screen == screenClose && m.report.reopening
}

// Dirty reports whether leaving now would lose what the lead typed.
func (m Model) Dirty() bool { return m.screen == screenPay && m.pay.typing() || m.screen == screenNote }

// Keys is the key map of the screen at hand, for the root's footer and help.
func (m Model) Keys() look.KeyMap {
	switch m.screen {
	case screenCase:
		return m.trail.keys()
	case screenQueues:
		return m.queues.keys()
	case screenClose:
		return m.report.keys()
	case screenPay, screenNote:
		return m.d.Keys.With(m.d.Keys.Confirm)
	}
	return m.table.keys()
}

// SetSize is the desk drawn in width by height cells.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	m.table = m.table.setSize(width, height)
	m.trail = m.trail.setSize(width, height)
	m.queues = m.queues.setSize(width, height)
	m.report = m.report.setSize(width, height)
	return m
}

// Decided shows the queues again after the root decided a case the desk
// sent it (DecideMsg), with news of the decision.
func (m Model) Decided(news string) (Model, tea.Cmd) {
	m, cmd := m.show(screenQueues)
	m.notice = news
	return m, cmd
}

// Update takes the desk's own messages (Msg) and passes the rest (keys,
// the forms' messages) to the screen at hand; 1, 2 and 3 move between the
// table, the queues and the close.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if msg, ok := msg.(Msg); ok {
		return m.data(msg.msg)
	}
	if k, ok := msg.(tea.KeyMsg); ok && m.atSection() {
		if s, ok := m.sectionKey(k); ok {
			m.notice = ""
			return m.show(s)
		}
	}
	var cmd tea.Cmd
	switch m.screen {
	case screenTable:
		m.table, cmd = m.table.Update(msg)
	case screenCase:
		m.trail, cmd = m.trail.Update(msg)
	case screenQueues:
		m.queues, cmd = m.queues.Update(msg)
	case screenClose:
		m.report, cmd = m.report.Update(msg)
	case screenPay:
		m.pay, cmd = m.pay.Update(msg)
	case screenNote:
		m.note, cmd = m.note.Update(msg)
	}
	return m, cmd
}

// atSection reports whether a key may move between the sections: on the
// table, the queues or the close, with no question asked and nothing typed.
func (m Model) atSection() bool {
	switch m.screen {
	case screenTable, screenQueues, screenClose:
	default:
		return false
	}
	return !m.Typing() && m.table.input == inputNone && m.report.asking == inputNone && !m.report.confirm &&
		!m.report.reopening
}

// sectionKey is the section a key moves to, if another.
func (m Model) sectionKey(k tea.KeyMsg) (screen, bool) {
	keys := m.d.Keys.Desk
	switch {
	case key.Matches(k, keys.Table) && m.screen != screenTable:
		return screenTable, true
	case key.Matches(k, keys.Queues) && m.screen != screenQueues:
		return screenQueues, true
	case key.Matches(k, keys.Close) && m.screen != screenClose:
		return screenClose, true
	}
	return 0, false
}

// View draws the screen at hand.
func (m Model) View() string {
	switch m.screen {
	case screenCase:
		return m.trail.View()
	case screenQueues:
		return m.queues.View()
	case screenClose:
		return m.report.View()
	case screenPay:
		return m.pay.View()
	case screenNote:
		return m.note.View()
	}
	return m.table.View()
}

// data handles what the desk's screens ask for and the store answers.
func (m Model) data(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case backMsg:
		return m.goBack()
	case changedMsg:
		return m.changed(msg)
	case dayMsg, showDayMsg, queuesMsg, reportMsg, caseMsg, openCaseMsg:
		return m.loaded(msg), m.loadCmd(msg)
	case signOffMsg, signedMsg, payMsg, paySubmitMsg, paidMsg:
		return m.payment(msg)
	case decideMsg:
		return m, m.readCaseCmd(msg.id)
	case decideCaseMsg:
		return m.decide(msg)
	case noteMsg, noteSubmitMsg, notedMsg:
		return m.noting(msg)
	case closeDayMsg, dayClosedMsg, reopenDayMsg, dayReopenedMsg, exportMsg, exportedMsg:
		return m.closing(msg)
	}
	return m, nil
}

// loaded takes what the store read for a screen, or opens a case.
func (m Model) loaded(msg tea.Msg) Model {
	switch msg := msg.(type) {
	case dayMsg:
		m.logErr(msg.err, "read the day", "day", msg.day)
		if msg.day == m.day {
			m.table = m.table.withDay(msg)
		}
	case showDayMsg:
		m.day = msg.day
		m.table.day, m.table.loaded = msg.day, false
	case queuesMsg:
		m.logErr(msg.err, "read the queues")
		m.queues, _ = m.queues.Update(msg)
	case reportMsg:
		m.logErr(msg.err, "read the day's report", "day", msg.day)
		if msg.day == m.day {
			m.report, _ = m.report.Update(msg)
		}
	case caseMsg:
		m.logErr(msg.err, "read the case", "case", m.trail.id)
		if msg.d.Case == nil || msg.d.Case.ID == m.trail.id {
			m.trail, _ = m.trail.Update(msg)
		}
	case openCaseMsg:
		m.back, m.screen = m.screen, screenCase
		m.trail = newCaseModel(m.d.StaffText, m.d.Styles, m.d.Keys, msg.id, m.today(), m.d.Loc, m.width, m.height)
		m.notice = ""
	}
	return m
}

// loadCmd is what a message asks the store to read, if anything.
func (m Model) loadCmd(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case showDayMsg:
		return m.loadDayCmd(msg.day)
	case openCaseMsg:
		return m.loadCaseCmd(msg.id)
	}
	return nil
}

// payment signs a case off and marks a refund paid.
func (m Model) payment(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case signOffMsg:
		return m, m.signOffCmd(msg.id)
	case signedMsg:
		if msg.err != nil {
			m.logErr(msg.err, "sign off the case", "case", msg.id)
			m.notice = "! " + look.SayIn(m.d.StaffText, msg.err, "sign off the case")
			return m, nil
		}
		m.notice = m.d.StaffText.T("Case %s signed off by %s", msg.id, m.d.Lead)
		return m, m.reload()
	case payMsg:
		if !msg.sum.Status.Owed() {
			m.notice = "! " + m.d.StaffText.T("case %s owes no refund: it is %s", msg.sum.ID,
				msg.sum.Status.WordsIn(m.d.StaffText))
			return m, nil
		}
		m.back, m.screen = m.screen, screenPay
		m.pay = newPayModel(m.d.StaffText, m.d.Styles, m.d.Keys, msg.sum, m.today(), m.width)
		m.notice = ""
		return m, m.pay.Init()
	case paySubmitMsg:
		return m, m.payCmd(msg)
	case paidMsg:
		return m.paid(msg)
	}
	return m, nil
}

// paid shows the payment recorded, what it left owed and its slip; or the
// form again with the store's refusal.
func (m Model) paid(msg paidMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.logErr(msg.err, "record the refund", "case", msg.sub.id)
		m.pay = newPayModel(m.d.StaffText, m.d.Styles, m.d.Keys, m.pay.sum, m.today(), m.width)
		m.pay.errMsg = look.SayIn(m.d.StaffText, msg.err, "record the refund")
		return m, m.pay.Init()
	}
	m.logErr(msg.slipErr, "write the payout slip", "case", msg.sub.id)
	m.logErr(msg.slip.PrintErr, "print the payout slip", "file", msg.slip.File)
	p, tr := msg.payout, m.d.StaffText
	m.pay.paid = &msg
	amount, tender := p.Payment.Amount.In(tr), p.Payment.Tender.WordsIn(tr)
	if p.Owed.Minor > 0 {
		m.notice = tr.T("Refund of %s paid in %s by %s; %s still owed: case %s", amount, tender, m.d.Lead,
			p.Owed.In(tr), msg.sub.id)
	} else {
		m.notice = tr.T("Refund of %s paid in %s by %s: case %s", amount, tender, m.d.Lead, msg.sub.id)
	}
	return m, nil
}

// decide checks that an escalated case read whole waits for the lead at
// the desk, and hands it to the root.
func (m Model) decide(msg decideCaseMsg) (Model, tea.Cmd) {
	tr := m.d.StaffText
	if msg.err != nil {
		m.logErr(msg.err, "open the case to decide", "case", msg.id)
		m.notice = "! " + tr.T("cannot open the case: %s", look.SayIn(tr, msg.err, "open the case"))
		return m, nil
	}
	c := msg.c
	if !c.AwaitsLead() {
		m.notice = "! " + tr.T("case %s waits for no decision: it is %s", c.ID, c.Status.WordsIn(tr))
		return m, nil
	}
	if err := c.CheckDecider(m.d.Lead); err != nil {
		m.notice = "! " + look.SayIn(tr, err, "decide the case")
		return m, nil
	}
	m.notice = ""
	return m, func() tea.Msg { return DecideMsg{Case: c} }
}

// noting adds a note to a case.
func (m Model) noting(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case noteMsg:
		m.back, m.screen = m.screen, screenNote
		m.note = newNoteModel(m.d.StaffText, m.d.Styles, m.d.Keys, msg.id, m.width)
		m.notice = ""
		return m, m.note.Init()
	case noteSubmitMsg:
		return m, m.noteCmd(msg)
	case notedMsg:
		if msg.err != nil {
			m.logErr(msg.err, "record the note", "case", msg.id)
			m.notice = "! " + m.d.StaffText.T("the note was not recorded: %s",
				look.SayIn(m.d.StaffText, msg.err, "record the note"))
		} else {
			m.notice = m.d.StaffText.T("Note recorded on case %s", msg.id)
		}
		return m.goBack()
	}
	return m, nil
}

// closing closes the day and exports.
func (m Model) closing(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case closeDayMsg:
		return m, m.closeDayCmd(msg.day)
	case dayClosedMsg:
		m.logErr(msg.err, "close the day", "day", m.day)
		m.report, _ = m.report.Update(msg)
		if msg.err == nil {
			c := msg.closing
			m.notice = m.d.StaffText.T("Day %s closed by %s; chain head %s", c.Day.In(m.d.StaffText), c.By, c.Anchor.String())
		}
	case reopenDayMsg:
		return m, m.reopenDayCmd(msg)
	case dayReopenedMsg:
		m.logErr(msg.err, "reopen the day", "day", msg.day)
		m.report, _ = m.report.Update(msg)
		if msg.err != nil {
			return m, nil
		}
		m.notice = m.d.StaffText.T("Day %s reopened by %s: close it again when it is right", msg.day.In(m.d.StaffText),
			m.d.Lead)
		return m, m.loadReportCmd(msg.day)
	case exportMsg:
		return m, m.exportCmd(msg)
	case exportedMsg:
		switch m.screen {
		case screenTable:
			m.table, _ = m.table.Update(msg)
		case screenClose:
			m.report, _ = m.report.Update(msg)
		}
		if msg.err != nil {
			m.logErr(msg.err, "export")
		} else {
			m.d.Log.Info("export", "file", msg.path, "n", msg.n, "by", m.d.Lead)
		}
	}
	return m, nil
}

// show shows one of the desk's sections, loading it afresh.
func (m Model) show(s screen) (Model, tea.Cmd) {
	m.screen = s
	today := m.today()
	switch s {
	case screenQueues:
		m.queues.today, m.queues.width, m.queues.height = today, m.width, m.height
		return m, m.loadQueuesCmd()
	case screenClose:
		m.report = newCloseModel(m.d.StaffText, m.d.Styles, m.d.Keys, m.day, m.d.Loc, m.width, m.height)
		m.report.now, m.report.closingTime = m.d.Now, m.d.ClosingTime
		return m, m.loadReportCmd(m.day)
	}
	m.screen = screenTable
	m.table.today, m.table.width, m.table.height = today, m.width, m.height
	return m, m.loadDayCmd(m.day)
}

// goBack leaves the screen at hand: a case or a form for the screen it
// came from, the queues or the close for the table, the table for the root.
func (m Model) goBack() (Model, tea.Cmd) {
	switch m.screen {
	case screenCase:
		return m.show(m.back)
	case screenPay, screenNote:
		if m.back == screenCase {
			m.screen = screenCase
			return m, m.loadCaseCmd(m.trail.id)
		}
		return m.show(m.back)
	case screenQueues, screenClose:
		return m.show(screenTable)
	}
	return m, func() tea.Msg { return DoneMsg{} }
}

// reload reads the screen at hand again after a change.
func (m Model) reload() tea.Cmd {
	switch m.screen {
	case screenCase:
		return m.loadCaseCmd(m.trail.id)
	case screenQueues:
		return m.loadQueuesCmd()
	case screenClose:
		return m.loadReportCmd(m.day)
	}
	return m.loadDayCmd(m.day)
}

// today is the store's day now.
func (m Model) today() flow.Date { return flow.DateOf(m.d.Now().In(m.d.Loc)) }

// logErr logs an error of the store, with what the desk was doing; the
// screen says it in words (look.Say).
func (m Model) logErr(err error, doing string, args ...any) {
	if err != nil {
		m.d.Log.Error("desk: "+doing, append(args, "by", m.d.Lead, "err", err)...)
	}
}

// send is a command that sends one of the desk's own messages.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return Msg{msg} } }
