package ui

import (
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
	"example.com/returnsdesk/ui/look"
)

// The shift lead's desk, as the root runs it: which of its screens shows,
// the store's reads and writes behind them (each a tea.Cmd), and the way
// back. Its screens are the day's table (desk_day.go), a case whole
// (desk_case.go), the queues (desk_queues.go), the day close
// (desk_close.go), and the forms to mark a refund paid (desk_pay.go) and to
// add a note (desk_note.go); an escalation is decided with the approve form
// (approve.go). Only shift leads open it.

// deskScreen is the desk's screen at hand.
type deskScreen int

const (
	deskTable deskScreen = iota
	deskCase
	deskQueues
	deskClose
	deskPay
	deskNote
)

func (s deskScreen) String() string {
	switch s {
	case deskTable:
		return "day's table"
	case deskCase:
		return "case"
	case deskQueues:
		return "queues"
	case deskClose:
		return "day close"
	case deskPay:
		return "mark paid"
	case deskNote:
		return "note"
	}
	return "deskScreen(?)"
}

// deskState is what the root keeps of the desk.
type deskState struct {
	screen deskScreen
	back   deskScreen // where a case or a form returns to
	day    flow.Date  // the day the table and the close show
	// decidingID is the escalated case a lead decides from the desk: the
	// approve form and the act screen return to the queues for it.
	decidingID string

	table  deskDayModel
	trail  deskCaseModel
	queues deskQueuesModel
	report deskCloseModel
	pay    deskPayModel
	note   deskNoteModel
}

// The keys that open the desk and move between its sections.
var (
	keyDesk         = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "shift lead's desk"))
	keyDeskDayTable = key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "day's table"))
	keyDeskQueues   = key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "queues"))
	keyDeskClose    = key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "day close"))
)

// Messages between the desk's screens, the root and the store.
type (
	// openDeskMsg: the home screen asks for the shift lead's desk.
	openDeskMsg struct{}
	// deskSignedMsg: the store's answer to a sign-off.
	deskSignedMsg struct {
		id  string
		err error
	}
	// deskDecideCaseMsg: the escalated case to decide, read whole.
	deskDecideCaseMsg struct {
		c   *flow.Case
		err error
	}
)

// isLead reports whether the staff member at the till is a shift lead.
func (m *Model) isLead() bool { return m.user != nil && m.user.Role == store.RoleLead }

// deskMsg handles the desk's messages. ok is false for any other message.
func (m *Model) deskMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openDeskMsg:
		if !m.isLead() {
			name := ""
			if m.user != nil {
				name = m.user.Name
			}
			m.d.Log.Warn("desk refused", "staff", name)
			m.notice = "! the shift lead's desk is for shift leads only: ask a shift lead to log in"
			return m, nil, true
		}
		model, cmd := m.openDesk()
		return model, cmd, true
	case goHomeMsg, actDoneMsg:
		if m.desk.decidingID == "" || m.c == nil || m.c.ID != m.desk.decidingID {
			return m, nil, false
		}
		news := fmt.Sprintf("Case %s: %s", m.c.ID, m.c.Status.Words())
		if g, ok := msg.(goHomeMsg); ok && g.news != "" {
			news = g.news
		}
		m.c, m.desk.decidingID = nil, ""
		if !m.isLead() {
			model, cmd := m.goHome(news)
			return model, cmd, true
		}
		model, cmd := m.showDesk(deskQueues)
		m.notice = news
		return model, cmd, true
	}
	if !m.isLead() {
		return m, nil, false
	}
	return m.deskData(msg)
}

// deskData handles what the desk's screens ask for and the store answers.
func (m *Model) deskData(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	d := &m.desk
	switch msg := msg.(type) {
	case deskDayMsg:
		if msg.day == d.day {
			d.table = d.table.withDay(msg)
		}
	case deskShowDayMsg:
		d.day = msg.day
		d.table.day, d.table.loaded = msg.day, false
		return m, m.loadDayCmd(msg.day), true
	case deskQueuesMsg:
		d.queues, _ = d.queues.Update(msg)
	case deskReportMsg:
		if msg.day == d.day {
			d.report, _ = d.report.Update(msg)
		}
	case deskCaseMsg:
		if msg.d.Case == nil || msg.d.Case.ID == d.trail.id {
			d.trail, _ = d.trail.Update(msg)
		}
	case deskOpenCaseMsg:
		d.back = d.screen
		d.screen = deskCase
		d.trail = newDeskCaseModel(&m.st, msg.id, m.today(), m.loc, m.width, m.bodyHeight())
		m.notice = ""
		return m, m.loadCaseCmd(msg.id), true
	case deskBackMsg:
		model, cmd := m.deskBack()
		return model, cmd, true
	case deskSignOffMsg:
		return m, m.signOffCmd(msg.id), true
	case deskSignedMsg:
		if msg.err != nil {
			m.notice = "! " + caseErr(msg.err)
			return m, nil, true
		}
		m.notice = "Case " + msg.id + " signed off by " + m.user.Name
		return m, m.reloadDesk(), true
	case deskPayMsg:
		if msg.sum.Status != flow.StatusRefundOwed {
			m.notice = "! case " + msg.sum.ID + " owes no refund: it is " + msg.sum.Status.Words()
			return m, nil, true
		}
		d.back, d.screen = d.screen, deskPay
		d.pay = newDeskPayModel(&m.st, msg.sum, m.today(), m.width)
		m.notice = ""
		return m, d.pay.Init(), true
	case deskPaySubmitMsg:
		return m, m.payCmd(msg), true
	case deskPaidMsg:
		if msg.err != nil {
			errMsg := caseErr(msg.err)
			d.pay = newDeskPayModel(&m.st, d.pay.sum, m.today(), m.width)
			d.pay.errMsg = errMsg
			return m, d.pay.Init(), true
		}
		model, cmd := m.deskBack()
		m.notice = fmt.Sprintf("Refund of %s paid in %s by %s: case %s", msg.sub.amount, msg.sub.tender, m.user.Name,
			msg.sub.id)
		return model, cmd, true
	case deskDecideMsg:
		s := m.d.Store
		return m, func() tea.Msg {
			c, err := s.Case(msg.id)
			return deskDecideCaseMsg{c: c, err: err}
		}, true
	case deskDecideCaseMsg:
		model, cmd := m.deskDecide(msg)
		return model, cmd, true
	case deskNoteMsg:
		d.back, d.screen = d.screen, deskNote
		d.note = newDeskNoteModel(&m.st, msg.id, m.width)
		m.notice = ""
		return m, d.note.Init(), true
	case deskNoteSubmitMsg:
		return m, m.noteCmd(msg), true
	case deskNotedMsg:
		if msg.err != nil {
			m.notice = "! the note was not recorded: " + caseErr(msg.err)
		} else {
			m.notice = "Note recorded on case " + msg.id
		}
		model, cmd := m.deskBack()
		return model, cmd, true
	case deskCloseDayMsg:
		return m, m.closeDayCmd(msg.day), true
	case deskDayClosedMsg:
		d.report, _ = d.report.Update(msg)
		if msg.err == nil {
			m.notice = fmt.Sprintf("Day %s closed by %s; chain head %s", msg.closing.Day, msg.closing.By, msg.closing.Anchor)
		}
	case deskExportMsg:
		return m, m.exportCmd(msg), true
	case deskExportedMsg:
		switch d.screen {
		case deskTable:
			d.table, _ = d.table.Update(msg)
		case deskClose:
			d.report, _ = d.report.Update(msg)
		}
		if msg.err != nil {
			m.d.Log.Error("export", "err", msg.err)
		} else {
			m.d.Log.Info("export", "file", msg.path, "n", msg.n, "by", m.user.Name)
		}
	default:
		return m, nil, false
	}
	return m, nil, true
}

// openDesk shows the day's table of today.
func (m *Model) openDesk() (tea.Model, tea.Cmd) {
	m.c, m.notice, m.status = nil, "", ""
	today := m.today()
	m.desk = deskState{day: today}
	m.desk.table = newDeskDayModel(&m.st, today, today, m.width, m.bodyHeight())
	m.desk.queues = newDeskQueuesModel(&m.st, today, m.width, m.bodyHeight())
	m.d.Log.Info("desk opened", "staff", m.user.Name)
	return m.showDesk(deskTable)
}

// showDesk shows one of the desk's sections, loading it afresh.
func (m *Model) showDesk(s deskScreen) (tea.Model, tea.Cmd) {
	m.view = viewDesk
	d := &m.desk
	d.screen = s
	today := m.today()
	switch s {
	case deskQueues:
		d.queues.today, d.queues.width, d.queues.height = today, m.width, m.bodyHeight()
		return m, m.loadQueuesCmd()
	case deskClose:
		d.report = newDeskCloseModel(&m.st, d.day, m.loc, m.width, m.bodyHeight())
		return m, m.loadReportCmd(d.day)
	}
	d.screen = deskTable
	d.table.today, d.table.width, d.table.height = today, m.width, m.bodyHeight()
	return m, m.loadDayCmd(d.day)
}

// deskBack leaves the screen at hand: a case or a form for the screen it
// came from, the queues or the close for the table, the table for home.
func (m *Model) deskBack() (tea.Model, tea.Cmd) {
	d := &m.desk
	switch d.screen {
	case deskCase:
		return m.showDesk(d.back)
	case deskPay, deskNote:
		if d.back == deskCase {
			d.screen = deskCase
			return m, m.loadCaseCmd(d.trail.id)
		}
		return m.showDesk(d.back)
	case deskQueues, deskClose:
		return m.showDesk(deskTable)
	}
	return m.goHome("")
}

// reloadDesk reads the screen at hand again after a change.
func (m *Model) reloadDesk() tea.Cmd {
	switch m.desk.screen {
	case deskCase:
		return m.loadCaseCmd(m.desk.trail.id)
	case deskQueues:
		return m.loadQueuesCmd()
	case deskClose:
		return m.loadReportCmd(m.desk.day)
	}
	return m.loadDayCmd(m.desk.day)
}

// deskDecide opens the approve form for an escalated case: the lead at the
// till decides it with a reason, unless they opened it.
func (m *Model) deskDecide(msg deskDecideCaseMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.notice = "! cannot open the case: " + caseErr(msg.err)
		return m, nil
	}
	c := msg.c
	if c.Status != flow.StatusEscalated || c.Decision == nil {
		m.notice = "! case " + c.ID + " waits for no decision: it is " + c.Status.Words()
		return m, nil
	}
	if err := c.CheckDecider(m.user.Name); err != nil {
		m.notice = "! " + err.Error()
		return m, nil
	}
	m.c, m.desk.decidingID, m.notice = c, c.ID, ""
	// the decision screen stands behind the form, as at the till
	m.shown = flow.StepDecision
	m.decision = newDecisionModel(m.ctx())
	return m.openApprove()
}

// deskToScreen passes a message to the desk's screen at hand; 1, 2 and 3
// move between the table, the queues and the close.
func (m *Model) deskToScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	d := &m.desk
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		d.table, _ = d.table.Update(ws)
		d.trail, _ = d.trail.Update(ws)
		d.queues, _ = d.queues.Update(ws)
		d.report, _ = d.report.Update(ws)
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && !m.deskTyping() && (d.screen == deskTable || d.screen == deskQueues ||
		d.screen == deskClose) && d.table.input == inputNone && d.report.asking == inputNone && !d.report.confirm {
		switch {
		case key.Matches(k, keyDeskDayTable) && d.screen != deskTable:
			m.notice = ""
			return m.showDesk(deskTable)
		case key.Matches(k, keyDeskQueues) && d.screen != deskQueues:
			m.notice = ""
			return m.showDesk(deskQueues)
		case key.Matches(k, keyDeskClose) && d.screen != deskClose:
			m.notice = ""
			return m.showDesk(deskClose)
		}
	}
	var cmd tea.Cmd
	switch d.screen {
	case deskTable:
		d.table, cmd = d.table.Update(msg)
	case deskCase:
		d.trail, cmd = d.trail.Update(msg)
	case deskQueues:
		d.queues, cmd = d.queues.Update(msg)
	case deskClose:
		d.report, cmd = d.report.Update(msg)
	case deskPay:
		d.pay, cmd = d.pay.Update(msg)
	case deskNote:
		d.note, cmd = d.note.Update(msg)
	}
	return m, cmd
}

// deskView draws the desk's screen at hand.
func (m *Model) deskView() string {
	d := &m.desk
	switch d.screen {
	case deskCase:
		return d.trail.View()
	case deskQueues:
		return d.queues.View()
	case deskClose:
		return d.report.View()
	case deskPay:
		return d.pay.View()
	case deskNote:
		return d.note.View()
	}
	return d.table.View()
}

// deskKeys is the key map of the desk's screen at hand.
func (m *Model) deskKeys() look.KeyMap {
	d := &m.desk
	switch d.screen {
	case deskCase:
		return d.trail.keys(m.keys)
	case deskQueues:
		return d.queues.keys(m.keys)
	case deskClose:
		return d.report.keys(m.keys)
	case deskPay, deskNote:
		return m.keys.With(m.keys.Confirm)
	}
	return d.table.keys(m.keys)
}

// deskTyping reports whether the desk's screen takes text now.
func (m *Model) deskTyping() bool {
	switch m.desk.screen {
	case deskPay, deskNote:
		return true
	case deskTable:
		return m.desk.table.typing()
	}
	return false
}

// deskDirty reports whether leaving now would lose what was typed.
func (m *Model) deskDirty() bool { return m.desk.screen == deskPay || m.desk.screen == deskNote }

// loadDayCmd reads a day's cases from the day index, and its close.
func (m *Model) loadDayCmd(day flow.Date) tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		rows, err := s.Day(day)
		if err != nil {
			return deskDayMsg{day: day, err: err}
		}
		closing, err := s.DayClosing(day)
		return deskDayMsg{day: day, rows: rows, closing: closing, err: err}
	}
}

// loadCaseCmd reads one case whole, and the close of its day.
func (m *Model) loadCaseCmd(id string) tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		d, err := s.Detail(id)
		if err != nil {
			return deskCaseMsg{d: d, err: err}
		}
		closing, err := s.DayClosing(d.Summary.Day)
		return deskCaseMsg{d: d, closing: closing, err: err}
	}
}

// loadQueuesCmd reads the queues from the statuses index.
func (m *Model) loadQueuesCmd() tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		var msg deskQueuesMsg
		for q, st := range queueStatuses {
			msg.lists[q], msg.err = s.ByStatus(st)
			if msg.err != nil {
				return msg
			}
		}
		return msg
	}
}

// loadReportCmd reads a day's report as it stands, and its close.
func (m *Model) loadReportCmd(day flow.Date) tea.Cmd {
	s, today := m.d.Store, m.today()
	return func() tea.Msg {
		closing, err := s.DayClosing(day)
		if err != nil {
			return deskReportMsg{day: day, err: err}
		}
		r, err := s.DayReport(day, today)
		return deskReportMsg{day: day, report: r, closing: closing, err: err}
	}
}

func (m *Model) signOffCmd(id string) tea.Cmd {
	s, by, now := m.d.Store, m.user.Name, m.d.Now()
	return func() tea.Msg { return deskSignedMsg{id: id, err: s.SignOff(id, by, now)} }
}

func (m *Model) payCmd(sub deskPaySubmitMsg) tea.Cmd {
	s, by, now := m.d.Store, m.user.Name, m.d.Now()
	return func() tea.Msg {
		return deskPaidMsg{sub: sub, err: s.RecordRefund(sub.id, sub.amount, sub.tender, by, now)}
	}
}

func (m *Model) noteCmd(sub deskNoteSubmitMsg) tea.Cmd {
	s, by, now := m.d.Store, m.user.Name, m.d.Now()
	return func() tea.Msg {
		_, err := s.Record(store.Event{Time: now, Staff: by, CaseID: sub.id, Kind: store.EventNote, Detail: sub.text})
		return deskNotedMsg{id: sub.id, err: err}
	}
}

func (m *Model) closeDayCmd(day flow.Date) tea.Cmd {
	s, by, now := m.d.Store, m.user.Name, m.d.Now()
	return func() tea.Msg {
		c, err := s.CloseDay(day, by, now)
		return deskDayClosedMsg{closing: c, err: err}
	}
}

// exportCmd writes a day's cases or summary to the data folder's exports/.
func (m *Model) exportCmd(x deskExportMsg) tea.Cmd {
	s, loc, today := m.d.Store, m.loc, m.today()
	path := filepath.Join(m.d.DataDir, "exports", export.FileName(x.day, x.format, x.summary))
	return func() tea.Msg {
		res, err := export.Day(s, export.Request{Day: x.day, Format: x.format, Summary: x.summary}, today, loc)
		if err == nil {
			err = export.WriteFile(path, res.Data)
		}
		if err != nil {
			return deskExportedMsg{err: err}
		}
		return deskExportedMsg{path: path, n: res.N, summary: x.summary}
	}
}

// caseIDPrefix is "case ID: " or "case ID " at the start of a store error.
var caseIDPrefix = regexp.MustCompile(`^case [0-9A-Z]{26}:? `)

// caseErr is a store's error about the case at hand, without the case's id
// (the screen shows it) so that it fits a line.
func caseErr(err error) string { return caseIDPrefix.ReplaceAllString(plainErr(err), "") }
