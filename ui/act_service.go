package ui

import (
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/paper"
)

// serviceSection is the intake of an item sent to the service centre, as
// the act prints it for the customer to sign (in tc, the customer's
// language; times in loc): the fault as the customer describes it, the
// accessories handed over, the visible condition, the service centre's
// ticket, when and by whom the item was sent and the day it is expected
// back; once back, when, by whom and with what conclusion. ok is false for
// a case with no intake.
func serviceSection(tc *lang.Printer, c *flow.Case, loc *time.Location) (paper.Section, bool) {
	v := c.Service
	if v == nil || v.SentAt.IsZero() {
		return paper.Section{}, false
	}
	at := func(t time.Time) string {
		t = t.In(loc)
		return tc.Date(t.Year(), t.Month(), t.Day()) + " " + t.Format("15:04")
	}
	none := func(s, otherwise string) string {
		if s == "" {
			return otherwise
		}
		return s
	}
	sec := paper.Section{Title: tc.T("SERVICE CENTRE INTAKE"), Items: []paper.Item{
		paper.Text(tc.T("The fault as the customer describes it; the service centre checks it.")),
		paper.Row(tc.T("Fault"), v.Fault),
		paper.Row(tc.T("Accessories"), none(v.Accessories, tc.T("not listed"))),
		paper.Row(tc.T("Visible condition"), none(v.Condition, tc.T("not described"))),
		paper.Row(tc.T("Ticket"), none(v.Ticket, tc.T("to be given by the service centre"))),
		paper.Row(tc.T("Sent"), tc.T("%s by %s", at(v.SentAt), v.SentBy)),
	}}
	if !v.Due.IsZero() {
		sec.Items = append(sec.Items, paper.Row(tc.T("Expected back by"), v.Due.In(tc)))
	}
	if !v.BackAt.IsZero() {
		sec.Items = append(sec.Items, paper.Row(tc.T("Back"), tc.N("%s by %s, after %d days", v.Days(v.BackDay),
			at(v.BackAt), v.BackBy, v.Days(v.BackDay))))
		if v.Conclusion != "" {
			sec.Items = append(sec.Items, paper.Row(tc.T("Service centre conclusion"), tc.T(conclusionWords[v.Conclusion])))
		}
	}
	return sec, true
}

// service adds the service centre's intake after the decision, if the
// case has one.
func (a *actDocWriter) service(c *flow.Case) {
	if sec, ok := serviceSection(a.tr, c, a.loc); ok {
		a.d.Sections = append(a.d.Sections, sec)
	}
}
