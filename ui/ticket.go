package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The service centre's ticket number of an item at the service centre,
// typed in from home when the service centre gives it (often when its
// courier takes the item, after the intake): home, enter on the case, t.

// ticketModel is the ticket's form.
type ticketModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer
	id     string
	form   *huh.Form
	ticket *string
	errMsg string
	sent   bool
}

// Messages of the ticket typed in from home.
type (
	// ticketFormMsg: the back prompt's t: the ticket's form.
	ticketFormMsg struct{}
	// ticketTypedMsg: the ticket to record.
	ticketTypedMsg struct{ ticket string }
	// ticketSavedMsg: the store's answer.
	ticketSavedMsg struct {
		ticket string
		err    error
	}
)

func newTicketModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, id, ticket string, width int) ticketModel {
	v := new(string)
	*v = ticket
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(tr.T("The service centre's ticket number of case %s", look.ShortID(id))).
			CharLimit(flow.MaxTicketLen).Value(v).Validate(look.CheckIn(tr, flow.CheckGivenTicket)),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(width, 76))
	return ticketModel{st: st, km: keys, tr: tr, id: id, form: form, ticket: v}
}

func (t ticketModel) Init() tea.Cmd                  { return t.form.Init() }
func (t ticketModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (t ticketModel) typing() bool                   { return true }
func (t ticketModel) dirty() bool                    { return false }

// Update runs the form; esc goes home without a ticket.
func (t ticketModel) Update(msg tea.Msg) (ticketModel, tea.Cmd) {
	if t.sent {
		return t, nil
	}
	if isKey(msg, t.km.Back) {
		return t, sendCmd(goHomeMsg{})
	}
	f, cmd := t.form.Update(msg)
	t.form = f.(*huh.Form)
	switch t.form.State {
	case huh.StateCompleted:
		t.sent = true
		return t, sendCmd(ticketTypedMsg{ticket: strings.TrimSpace(*t.ticket)})
	case huh.StateAborted:
		return t, sendCmd(goHomeMsg{})
	}
	return t, cmd
}

func (t ticketModel) View() string {
	out := t.st.Title.Render(t.tr.T("Service centre ticket")) + "\n" +
		t.st.Dim.Render(t.tr.T("The number the service centre gave the item; it goes on the case and its trail.")) + "\n\n"
	if t.errMsg != "" {
		out += t.st.Error.Render("! "+t.errMsg) + "\n"
	}
	return out + t.form.View()
}

// ticketMsg handles the messages of the ticket typed in from home; ok is
// false for any other message.
func (m *Model) ticketMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case ticketFormMsg:
		m.asks.pop()
		if m.c == nil {
			return m, nil, true
		}
		var ticket string
		if v := m.c.Service; v != nil {
			ticket = v.Ticket
		}
		m.ticket = newTicketModel(&m.st, &m.keys, m.staffText, m.c.ID, ticket, m.width)
		m.view = viewTicket
		return m, m.ticket.Init(), true
	case ticketTypedMsg:
		s, id, by, now := m.d.Store, m.c.ID, m.user.Name, m.d.Now()
		return m, func() tea.Msg { return ticketSavedMsg{ticket: msg.ticket, err: s.SetTicket(id, msg.ticket, by, now)} }, true
	case ticketSavedMsg:
		if msg.err != nil {
			m.d.Log.Warn("record the ticket", "case", m.c.ID, "err", msg.err)
			m.ticket = newTicketModel(&m.st, &m.keys, m.staffText, m.c.ID, msg.ticket, m.width)
			m.ticket.errMsg = look.SayIn(m.staffText, msg.err, "record the ticket")
			return m, m.ticket.Init(), true
		}
		model, cmd := m.goHome(m.staffText.T("Ticket recorded on case %s", look.ShortID(m.c.ID)))
		return model, cmd, true
	}
	return m, nil, false
}
