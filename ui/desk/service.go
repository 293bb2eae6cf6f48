package desk

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// An item at the service centre, as the lead reads it on the case: its
// intake, its ticket, when it was sent and by whom, the day it is due back
// and how late it is, its return and the conclusion with who and when, and
// a stay longer than the law's 14 days; and the ticket number, typed in
// when the service centre gives it (t).

// service is the lines of the case's visit to the service centre, if any.
func (m caseModel) service(w *caseWriter) {
	v, tr := m.d.Case.Service, m.tr
	if v == nil || v.SentAt.IsZero() {
		return
	}
	at := func(t time.Time) string { return timeIn(tr, t.In(m.loc)) }
	text := tr.T("sent %s by %s", at(v.SentAt), v.SentBy)
	if !v.Due.IsZero() {
		text += " · " + tr.T("expected back by %s", v.Due.In(tr))
	}
	w.add(tr.T("Service"), text)
	w.item("-", tr.T("fault: %s", v.Fault))
	w.item("-", tr.T("accessories: %s", look.OrDash(v.Accessories)))
	w.item("-", tr.T("condition: %s", look.OrDash(v.Condition)))
	switch {
	case v.Ticket == "" && m.d.Case.AtService():
		w.item("!", tr.T("no ticket number yet: %s types it in", keyOf(m.k.Case.Ticket)))
	case v.Ticket == "":
		w.item("-", tr.T("no ticket number"))
	case v.TicketBy != "":
		w.item("-", tr.T("ticket %s, typed in by %s at %s", v.Ticket, v.TicketBy, at(v.TicketAt)))
	default:
		w.item("-", tr.T("ticket %s", v.Ticket))
	}
	days := v.Days(m.today)
	if v.BackAt.IsZero() {
		if n := v.DaysLate(m.today); n > 0 {
			w.item("!", tr.N("%d days late: still at the service centre", n, n))
		}
	} else {
		w.item("-", tr.N("back %s, taken in by %s, after %d days", days, at(v.BackAt), v.BackBy, days))
		if v.Conclusion != "" {
			w.item("-", tr.T("conclusion: %s, entered by %s at %s", v.Conclusion.WordsIn(tr), v.ConcludedBy,
				at(v.ConcludedAt)))
		} else if v.Repaired {
			w.item("-", tr.T("repaired (or checked) and handed to the customer"))
		}
	}
	if v.BackAt.IsZero() && v.OverLawDays(m.today) { // once back, the case's flag says it
		w.item("!", tr.N("%d days at the service centre: over the law's 14 days (art. 8), the defect can count as significant",
			days, days))
	}
}

// ticketModel is where the service centre's ticket number is typed in
// after the intake.
type ticketModel = lineForm

// Messages of the ticket.
type (
	// ticketMsg: the lead types in the ticket of case id.
	ticketMsg struct{ id string }
	// ticketSubmitMsg: the ticket to record.
	ticketSubmitMsg struct{ id, ticket string }
	// ticketSetMsg: the store's answer.
	ticketSetMsg struct {
		id  string
		err error
	}
)

func newTicketModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, id, ticket string, width int) ticketModel {
	tr = staffText(tr)
	v := new(string)
	*v = ticket
	field := huh.NewInput().Title(tr.T("The service centre's ticket number of case %s", id)).CharLimit(flow.MaxTicketLen).
		Value(v).Validate(look.CheckIn(tr, flow.CheckGivenTicket))
	return newLineForm(tr, st, k, id, width, tr.T("Service centre ticket"),
		tr.T("The number the service centre gave the item; it goes on the case and its trail."), field, v,
		func(id, text string) tea.Msg { return ticketSubmitMsg{id: id, ticket: text} })
}

// ticketing records the ticket of a case.
func (m Model) ticketing(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ticketMsg:
		m.ticketFrom, m.screen = m.screen, screenTicket
		var ticket string
		if v := m.trail.d.Case; v != nil && v.Service != nil {
			ticket = v.Service.Ticket
		}
		m.ticket = newTicketModel(m.d.StaffText, m.d.Styles, m.d.Keys, msg.id, ticket, m.width)
		m.notice = ""
		return m, m.ticket.Init()
	case ticketSubmitMsg:
		s, by, now := m.d.Store, m.d.Lead, m.d.Now()
		return m, func() tea.Msg { return Msg{ticketSetMsg{id: msg.id, err: s.SetTicket(msg.id, msg.ticket, by, now)}} }
	case ticketSetMsg:
		tr := m.d.StaffText
		if msg.err != nil {
			m.logErr(msg.err, "record the ticket", "case", msg.id)
			m.notice = "! " + tr.T("the ticket was not recorded: %s", look.SayIn(tr, msg.err, "record the ticket"))
		} else {
			m.notice = tr.T("Ticket recorded on case %s", msg.id)
		}
		return m.goBack()
	}
	return m, nil
}
