package ui

import (
	"example.com/returnsdesk/ui/look"
	tea "github.com/charmbracelet/bubbletea"
)

// sessionMsg handles the messages of first run, login, staff and the home
// screen's navigation. ok is false for any other message.
func (m *Model) sessionMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case setupSubmitMsg:
		return m, m.setupCmd(msg), true
	case setupDoneMsg:
		if msg.err != nil {
			m.d.Log.Error("setup", "field", msg.field, "err", msg.err)
			m.setup = m.setup.refusedAnswer(msg)
			return m, m.setup.Init(), true
		}
		m.d.Log.Info("store set up")
		return m, m.loadCmd(), true
	case loginSubmitMsg:
		return m, m.loginCmd(msg), true
	case loginResultMsg:
		model, cmd := m.loggedIn(msg)
		return model, cmd, true
	case logoutMsg:
		m.d.Log.Info("logout", "staff", m.user.Name)
		m.user, m.c, m.notice, m.status = nil, nil, "", ""
		m.takeLangs()
		s := m.d.Store
		return m, tea.Batch(m.openLogin("", ""), func() tea.Msg { s.Release(); return nil }), true
	case staffSubmitMsg:
		return m, m.addStaffCmd(msg), true
	case staffAddedMsg:
		if msg.err != nil {
			m.d.Log.Warn("add staff", "name", msg.name, "err", msg.err)
			m.staff = newStaffModel(&m.st, &m.keys, m.staffText, m.width)
			m.staff.errMsg = look.SayIn(m.staffText, msg.err, "add the staff member")
			return m, m.staff.Init(), true
		}
		return m, m.openStaff(m.staffText.T("%s can now log in", msg.name)), true
	}
	return m.staffMsg(msg)
}
