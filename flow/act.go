package flow

import (
	"fmt"

	"example.com/returnsdesk/flow/lang"
)

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

// The papers a store prints its acts on: an A4 printer (the PDF), or an
// 80 mm receipt printer of 42 or 48 columns (the text form).
const (
	PaperA4 = 0
	Paper42 = 42
	Paper48 = 48
)

// ParsePaper reads a store's paper setting: "a4", "42" or "48".
func ParsePaper(s string) (int, error) {
	switch s {
	case "a4", "A4":
		return PaperA4, nil
	case "42":
		return Paper42, nil
	case "48":
		return Paper48, nil
	}
	return 0, Errorf(EInvalid, "%q is not a paper: a4, 42 or 48 (columns of a receipt printer)", s)
}

// CheckPaper checks a stored paper setting.
func CheckPaper(width int) error {
	if width != PaperA4 && width != Paper42 && width != Paper48 {
		return Errorf(EInvalid, "%d is not a paper: 0 (A4), 42 or 48 columns", width)
	}
	return nil
}

// PaperName is a paper setting as the settings show it: "a4", "42", "48".
func PaperName(width int) string {
	if width == PaperA4 {
		return "a4"
	}
	return fmt.Sprint(width)
}
