package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// The customer's phone for a refund owed: once the decision owes the
// refund (the till is short of cash, or the item came by a delivery
// service), before its act, the phone to call the customer on when the
// money is ready. It may be left empty; the case drops it once it is
// settled (flow.Case.Move).

// phoneModel is the phone's form.
type phoneModel struct {
	ctx   screenCtx
	form  *huh.Form
	notes fieldNotes
	phone *string
	sent  bool
}

// phoneDoneMsg: the phone is typed (or left empty).
type phoneDoneMsg struct{ phone string }

func newPhoneModel(ctx screenCtx) phoneModel {
	m := phoneModel{ctx: ctx, phone: new(string)}
	*m.phone = ctx.c.Phone
	tr := ctx.tr
	in := m.notes.input(tr.T("Customer's phone, to call when the refund is ready (optional)"), tr.T("Phone")).
		Value(m.phone).CharLimit(20).Validate(look.CheckIn(tr, flow.CheckPhone))
	m.form = newStepForm(ctx, max(ctx.height-3, 5), huh.NewGroup(in))
	return m
}

func (m phoneModel) Init() tea.Cmd                  { return m.form.Init() }
func (m phoneModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (m phoneModel) typing() bool                   { return formTyping(m.form) }
func (m phoneModel) dirty() bool                    { return false }

// Update passes a key to the form; esc leaves the phone empty.
func (m phoneModel) Update(msg tea.Msg) (phoneModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		m.sent = true
		return m, sendCmd(phoneDoneMsg{})
	}
	out, cmd := updateForm(m.form, m.notes, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		m.sent = true
		return m, sendCmd(phoneDoneMsg{})
	case formCompleted:
		m.sent = true
		return m, sendCmd(phoneDoneMsg{phone: *m.phone})
	}
	return m, cmd
}

func (m phoneModel) View() string {
	st, tr := m.ctx.st, m.ctx.tr
	head := st.Title.Render(tr.T("The refund is owed: the customer's phone")) + "\n" +
		st.Dim.Render(look.Fit(tr.T("by %s; enter with the field empty goes on without one", m.ctx.c.RefundBy().In(tr)),
			m.ctx.width)) + "\n"
	return head + "\n" + m.form.View()
}

// askPhone shows the phone's form for the case at hand, once: its answer,
// empty or not, lets the decision settle (phoneAsked).
func (m *Model) askPhone() (tea.Model, tea.Cmd) {
	m.view = viewPhone
	m.phone = newPhoneModel(m.ctx())
	return m, m.phone.Init()
}

// phoneMsg handles the phone's answer; ok is false for any other message.
func (m *Model) phoneMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	done, ok := msg.(phoneDoneMsg)
	if !ok || m.c == nil {
		return m, nil, false
	}
	if p, err := flow.ParsePhone(done.phone); err == nil {
		m.c.Phone = p
	}
	m.phoneAsked = m.c.ID
	m.view = viewStep
	model, cmd := m.settle()
	return model, cmd, true
}
