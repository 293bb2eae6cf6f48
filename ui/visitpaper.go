package ui

import (
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/paper"
)

// visitSections are the act's sections of a visit's items (store.VisitCases,
// in the order they were opened), in tc's language (the customer's): one
// section each, titled by its place in the visit and its model, with its
// sale line, its decision and what it pays. A visit of one item gets none:
// the act says it already. The act of a visit's case adds them after its
// own decision, so that one act lists every item with its decision.
func visitSections(tc *lang.Printer, cases []*flow.Case) []paper.Section {
	if len(cases) < 2 {
		return nil
	}
	out := make([]paper.Section, 0, len(cases))
	for i, c := range cases {
		out = append(out, paper.Section{
			Title: tc.T("ITEM %d OF %d: %s", i+1, len(cases), look.OrDash(c.Sale.Model)),
			Items: visitItems(tc, c),
		})
	}
	return out
}

// visitOfAct are the cases of c's visit as the store holds them, c as it
// is at hand; nil for a case alone, or when the store cannot say (the act
// is written all the same: it names its own item).
func visitOfAct(st *store.Store, c *flow.Case) []*flow.Case {
	if st == nil {
		return nil
	}
	cases, err := st.VisitCases(c.ID)
	if err != nil || len(cases) < 2 {
		return nil
	}
	for i, x := range cases {
		if x.ID == c.ID {
			cases[i] = c
		}
	}
	return cases
}

// withVisit adds the sections of a visit's items to its act, after the
// act's own decision, before what the customer does next: the act of the
// visit's last item lists every item with its decision.
func withVisit(d *paper.Doc, tc *lang.Printer, cases []*flow.Case) {
	secs := visitSections(tc, cases)
	if len(secs) == 0 {
		return
	}
	at := len(d.Sections)
	for i, s := range d.Sections {
		if s.Title == tc.T("DECISION") {
			at = i + 1
		}
	}
	d.Sections = append(d.Sections[:at:at], append(secs, d.Sections[at:]...)...)
}

// visitItems are one item's lines in a visit's act.
func visitItems(tc *lang.Printer, c *flow.Case) []paper.Item {
	s := c.Sale
	receipt := look.OrDash(s.Receipt)
	if s.Line > 0 {
		receipt += tc.T(", line %d", s.Line)
	}
	serial := s.Serial
	if !s.HasSerial() {
		serial = tc.T("none: the item has no serial")
	}
	items := []paper.Item{
		paper.Row(tc.T("Case"), c.ID),
		paper.Row(tc.T("Receipt"), receipt),
		paper.Row(tc.T("Serial/IMEI"), serial),
		paper.Row(tc.T("Price"), s.Price.In(tc)),
	}
	out := c.Outcome()
	decided := paper.Row(tc.T("Outcome"), look.OrDash(strings.ToUpper(out.WordsIn(tc))))
	decided.Failed = out == flow.OutcomeReject
	items = append(items, decided)
	if d := c.Decision; d != nil && len(d.Clauses) > 0 {
		items = append(items, paper.Item{Value: tc.T("Clauses: %s", flow.ClauseList(d.Clauses)), Small: true})
	}
	if o := c.Override; o != nil {
		items = append(items, paper.Text(tc.T("Decided by shift lead %s: %s", o.By, o.Reason)))
	}
	if out == flow.OutcomeRefund {
		items = append(items, paper.Row(tc.T("Amount"), tc.T("%s, in %s", c.RefundDue().In(tc), look.OrDash(c.RefundTender().WordsIn(tc)))))
		if by := c.RefundBy(); !by.IsZero() {
			items = append(items, paper.Row(tc.T("Refund by"), by.In(tc)))
		}
	}
	if by := c.ServiceBy(); !by.IsZero() {
		items = append(items, paper.Row(tc.T("Back from the service centre by"), by.In(tc)))
	}
	return append(items, paper.Row(tc.T("Status"), c.Status.WordsIn(tc)))
}
