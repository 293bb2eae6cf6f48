package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// A visit: the customer returns several items of one receipt (a phone and
// its case). After the act of one item, the act screen's a takes another
// line of the same receipt into a new case of the visit (flow.Case.NextItem):
// its sale line is looked up among the receipt's imported lines not yet in
// the visit (or typed), the request, the documents and the passport are the
// first item's, and it gets its own inspection and decision.

type (
	// anotherItemMsg: the cashier takes another item of the receipt.
	anotherItemMsg struct{}
	// visitLoadedMsg: the visit's cases so far, from the store.
	visitLoadedMsg struct {
		cases []*flow.Case
		err   error
	}
)

// visitMsg handles the messages of a visit. ok is false for any other
// message.
func (m *Model) visitMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case anotherItemMsg:
		if m.c == nil {
			return m, nil, true
		}
		if err := m.c.CanAddItem(); err != nil {
			m.notice = "! " + look.SayIn(m.staffText, err, "take another item")
			return m, nil, true
		}
		s, id := m.d.Store, m.c.ID
		return m, func() tea.Msg {
			cases, err := s.VisitCases(id)
			return visitLoadedMsg{cases: cases, err: err}
		}, true
	case visitLoadedMsg:
		model, cmd := m.nextItem(msg)
		return model, cmd, true
	}
	return m, nil, false
}

// nextItem opens the next item of the visit at its sale step, from the
// case at hand and the visit's cases in the store.
func (m *Model) nextItem(msg visitLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil || m.c == nil {
		m.d.Log.Error("read the visit", "err", msg.err)
		m.notice = "! " + look.SayIn(m.staffText, msg.err, "take another item")
		return m, nil
	}
	sales := make([]flow.Sale, 0, len(msg.cases))
	for _, c := range msg.cases {
		sales = append(sales, c.Sale)
	}
	now := m.d.Now()
	next := m.c.NextItem(m.d.Store.NewCaseID(now), now, m.user.Name, sales)
	m.c, m.visit, m.status = &next, sales, ""
	m.notice = m.staffText.T("Item %d of receipt %s: its own sale line, inspection and decision", len(sales)+1,
		next.Sale.Receipt)
	return m.openStep()
}
