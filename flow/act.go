package flow

import "example.com/returnsdesk/flow/lang"

// ActKind is which of a case's documents an act is. Every act a case gets
// is kept, numbered in the store, never written over (docs/rules.md, "The
// acts").
type ActKind string

// The documents of a case.
const (
	// ActDecision is the act of the decision the customer and the cashier
	// sign: a refund, an exchange, a rejection, documents to bring.
	ActDecision ActKind = "decision"
	// ActIntake is the act of taking the item for the service centre: what
	// the customer says is wrong, what was handed over, when it is due.
	ActIntake ActKind = "intake"
	// ActLeadDecision is the act of a shift lead's decision in place of the
	// engine's: the lead signs it too.
	ActLeadDecision ActKind = "lead_decision"
	// ActPayout is the slip of one payment of a refund.
	ActPayout ActKind = "payout"
)

// ActKinds lists the kinds of act.
var ActKinds = []ActKind{ActDecision, ActIntake, ActLeadDecision, ActPayout}

// ActFor is the kind of act a decided case gets: the intake act when the
// item goes to the service centre, the lead's decision act when a shift
// lead decided it, else the act of the decision.
func ActFor(c *Case) ActKind {
	switch {
	case c.Outcome() == OutcomeServiceCentre && c.Status == StatusServiceCentre:
		return ActIntake
	case c.Override != nil:
		return ActLeadDecision
	}
	return ActDecision
}

// Valid reports whether k is one of ActKinds.
func (k ActKind) Valid() bool { return oneOf(k, ActKinds) }

// WordsIn is the act's kind in p's language ("акт приймання на ремонт").
func (k ActKind) WordsIn(p *lang.Printer) string {
	switch k {
	case ActDecision:
		return p.T("return act")
	case ActIntake:
		return p.T("service centre intake act")
	case ActLeadDecision:
		return p.T("shift lead's decision act")
	case ActPayout:
		return p.T("payout slip")
	}
	return string(k)
}
