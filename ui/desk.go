package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/desk"
	"example.com/returnsdesk/ui/export"
	"example.com/returnsdesk/ui/look"
)

// The shift lead's desk, as the root runs it: the desk is a model of its
// own (package desk); the root opens it for shift leads only, passes it its
// messages, goes home when it is done (desk.DoneMsg), and decides an
// escalated case it sends (desk.DecideMsg) with the approve form
// (approve.go), after which it shows the desk's queues again.

// deskState is what the root keeps of the desk.
type deskState struct {
	m desk.Model
	// decidingID is the escalated case a lead decides from the desk: the
	// approve form and the act screen return to the queues for it.
	decidingID string
}

// openDeskMsg: the home screen asks for the shift lead's desk.
type openDeskMsg struct{}

// isLead reports whether the staff member at the till is a shift lead.
func (m *Model) isLead() bool { return m.user != nil && m.user.Role == flow.RoleLead }

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
			m.notice = "! " + m.staffText.T("the shift lead's desk is for shift leads only: ask a shift lead to log in")
			return m, nil, true
		}
		model, cmd := m.openDesk()
		return model, cmd, true
	case goHomeMsg, actDoneMsg:
		if m.desk.decidingID == "" || m.c == nil || m.c.ID != m.desk.decidingID {
			return m, nil, false
		}
		news := m.staffText.T("Case %s: %s", m.c.ID, m.c.Status.WordsIn(m.staffText))
		if g, ok := msg.(goHomeMsg); ok && g.news != "" {
			news = g.news
		}
		leave := m.leaveCase()
		m.desk.decidingID = ""
		if !m.isLead() {
			model, cmd := m.goHome(news)
			return model, tea.Batch(cmd, leave), true
		}
		m.view = viewDesk
		var cmd tea.Cmd
		m.desk.m, cmd = m.desk.m.SetSize(m.width, m.bodyHeight()).Decided(news)
		m.notice = m.desk.m.Notice()
		return m, tea.Batch(cmd, leave), true
	case desk.Msg:
		// a store's answer, or a change, after the lead left the desk: nobody
		// reads it, and the desk waits no more
		if !m.isLead() || m.view != viewDesk && m.desk.decidingID == "" {
			return m, nil, true
		}
		model, cmd := m.deskUpdate(msg)
		return model, cmd, true
	case desk.DoneMsg:
		model, cmd := m.goHome("")
		return model, cmd, true
	case desk.ReprintMsg:
		return m, m.openReprint(msg.CaseID), true
	case desk.DecideMsg:
		model, cmd := m.deskDecide(msg.Case)
		return model, cmd, true
	}
	return m, nil, false
}

// openDesk shows the day's table of today.
func (m *Model) openDesk() (tea.Model, tea.Cmd) {
	m.c, m.notice, m.status = nil, "", ""
	m.desk = deskState{m: desk.New(desk.Deps{Store: m.d.Store, DataDir: m.d.DataDir, Now: m.d.Now, Log: m.d.Log,
		Loc: m.loc, Lead: m.user.Name, Styles: &m.st, Keys: &m.keys, ClosingTime: m.settings.ClosingTime,
		StoreName: m.settings.StoreName, CustomerText: m.customerText, StaffText: m.staffText, CSVDialect: export.StoreDialect(m.settings), PrintCommand: m.printCommand(),
		Print: m.printer(), Paper: m.settings.Paper}, m.width, m.bodyHeight())}
	m.view = viewDesk
	m.d.Log.Info("desk opened", "staff", m.user.Name)
	return m, tea.Batch(m.desk.m.Init(), m.desk.m.Watch())
}

// deskDecide opens the approve form for an escalated case the desk read
// whole: the lead at the till decides it with a reason.
func (m *Model) deskDecide(c *flow.Case) (tea.Model, tea.Cmd) {
	m.c, m.desk.decidingID, m.notice = c, c.ID, ""
	// the decision screen stands behind the form, as at the till
	m.shown = flow.StepDecision
	m.decision = newDecisionModel(m.ctx())
	return m.openApprove()
}

// deskToScreen passes a message to the desk while it shows.
func (m *Model) deskToScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		m.desk.m = m.desk.m.SetSize(m.width, m.bodyHeight())
		return m, nil
	}
	return m.deskUpdate(msg)
}

// deskUpdate runs the desk's Update and takes its notice for the header.
func (m *Model) deskUpdate(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.desk.m, cmd = m.desk.m.Update(msg)
	if m.view == viewDesk { // not while the lead decides a case: the header is the case's
		m.notice = m.desk.m.Notice()
	}
	return m, cmd
}

// deskView draws the desk's screen at hand.
func (m *Model) deskView() string { return m.desk.m.View() }

// deskKeys is the key map of the desk's screen at hand.
func (m *Model) deskKeys() look.KeyMap { return m.desk.m.Keys() }

// deskTyping reports whether the desk's screen takes text now.
func (m *Model) deskTyping() bool { return m.desk.m.Typing() }

// deskDirty reports whether leaving now would lose what was typed.
func (m *Model) deskDirty() bool { return m.desk.m.Dirty() }
