package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// An exchange's way from its decision to its act: the decision confirmed
// (by the cashier, or a shift lead's), the replacement step asks what the
// customer takes; then, for a cheaper replacement paid in cash at the
// till, whether the till has the cash for the difference; then the case is
// settled as any decision is (settle), in one save with the replacement:
// exchanged, or a refund owed of the difference, by the policy's day.

// askReplacement completes the decision in the case at hand, not yet
// saved, and shows the replacement step.
func (m *Model) askReplacement() (tea.Model, tea.Cmd) {
	if err := m.c.Complete(flow.StepDecision); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	return m.openStep()
}

// replaced takes the replacement typed: given now by the person at the
// till; a cheaper one in cash from the till asks whether the till has the
// difference, then the exchange is settled.
func (m *Model) replaced(r flow.Replacement) (tea.Model, tea.Cmd) {
	r.Given, r.By = m.d.Now().UTC(), m.user.Name
	m.c.Replacement = &r
	if err := m.c.Complete(flow.StepReplacement); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	if m.c.Refunds() && m.c.RefundFromTill() {
		m.asks = append(m.asks, cashPrompt(&m.st, &m.keys, m.c.RefundDue(), m.policy.PayoutDays()))
		return m, nil
	}
	return m.settle()
}

// backToReplacement shows an exchange's replacement again, as it was
// typed, when the cashier goes back from the question of the till's cash.
func (m *Model) backToReplacement() {
	if c := m.c; c != nil && c.Outcome().Exchanges() && c.Done.Has(flow.StepReplacement) {
		_ = c.GoTo(flow.StepReplacement)
	}
}

// exchangeWords are what the settling event of an exchange says of its
// replacement and the difference, after a shift lead's reason; nil for
// any other case (the event keeps its detail).
func exchangeWords(c *flow.Case) *store.EventWords {
	r := c.Replacement
	if r == nil || !c.Outcome().Exchanges() {
		return nil
	}
	serial := r.Serial
	if r.NoSerial || serial == "" {
		serial = "-"
	}
	var w *store.EventWords
	switch d := c.Difference(); {
	case d.Minor > 0:
		w = store.Said("exchanged for %s (%s, %s): the customer paid the difference of %s in %s", r.Model, serial,
			r.Price, d, r.Tender)
	case d.Minor < 0:
		w = store.Said("exchanged for %s (%s, %s): the difference of %s is refunded in %s", r.Model, serial,
			r.Price, c.RefundDue(), r.Tender)
	default:
		w = store.Said("exchanged for %s (%s) at the same price", r.Model, serial)
	}
	if o := c.Override; o != nil && o.Reason != "" {
		return store.Joined("; ", store.Said("shift lead's reason: %s", o.Reason), w)
	}
	return w
}
