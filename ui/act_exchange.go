package ui

import (
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/paper"
)

// The act's section of an exchange: the item returned and the item given,
// each with its serial and price, the day the replacement's warranty
// starts (the day it was given: a replaced item's warranty runs anew from
// the exchange), and what the price difference came to: paid by the
// customer at the till, refunded, or a refund owed by its day.

// exchangeSection is the act's section of c's exchange in tc's language
// (the customer's), its day in loc; false when c gave no replacement.
func exchangeSection(tc *lang.Printer, c *flow.Case, loc *time.Location) (paper.Section, bool) {
	r := c.Replacement
	if r == nil || !c.Outcome().Exchanges() {
		return paper.Section{}, false
	}
	serial := r.Serial
	if r.NoSerial || serial == "" {
		serial = tc.T("none (an accessory)")
	}
	given := r.Given
	if given.IsZero() {
		given = c.Opened
	}
	day := flow.DateOf(given.In(loc))
	items := []paper.Item{
		paper.Row(tc.T("Item returned"), look.OrDash(c.Sale.Model)),
		paper.Row(tc.T("Serial/IMEI"), look.OrDash(c.Sale.Serial)),
		paper.Row(tc.T("Price"), c.Sale.Price.In(tc)),
		paper.Row(tc.T("Item given"), r.Model),
		paper.Row(tc.T("Serial/IMEI"), serial),
		paper.Row(tc.T("Price"), r.Price.In(tc)),
		paper.Row(tc.T("Warranty from"), tc.T("%s, the day of the exchange", day.In(tc))),
		differenceItem(tc, c),
	}
	return paper.Section{Title: tc.T("EXCHANGE"), Items: items}, true
}

// differenceItem is the act's line of what the price difference came to.
func differenceItem(tc *lang.Printer, c *flow.Case) paper.Item {
	r, d := c.Replacement, c.Difference()
	switch {
	case d.Minor > 0:
		return paper.Row(tc.T("To pay"), tc.T("%s, the price difference, paid by the customer at the till in %s",
			d.In(tc), r.Tender.WordsIn(tc)))
	case d.Minor < 0 && c.Status == flow.StatusRefundOwed:
		return paper.Row(tc.T("To refund"), tc.T("%s, the price difference, in %s, by %s",
			c.RefundDue().In(tc), r.Tender.WordsIn(tc), c.RefundBy().In(tc)))
	case d.Minor < 0:
		return paper.Row(tc.T("Refunded"), tc.T("%s, the price difference, in %s", c.RefundDue().In(tc),
			r.Tender.WordsIn(tc)))
	}
	return paper.Row(tc.T("Difference"), tc.T("none: the same price"))
}
