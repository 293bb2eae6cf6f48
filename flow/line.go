package flow

import "example.com/returnsdesk/flow/lang"

// LineCase is another case about the same receipt line (or, for a sale
// typed without a receipt number, the same serial): what the sale step
// needs to know to say whether a new case may take the line.
type LineCase struct {
	ID     string
	Day    Date // the day it is filed under
	Status Status
	Step   Step // where a draft stands
	// Refunded: a refund of the line was paid (in full or in part) in that
	// case.
	Refunded bool
}

// CheckLineFree says why a sale line cannot start another case, if it
// cannot: one receipt line is refunded at most once (docs/rules.md,
// "Settled questions"), so a line whose refund was paid is done; and a line
// with a case still under way is worked in that case, not in a second one.
// A line whose earlier case ended otherwise (rejected, exchanged, voided,
// back from the service centre) may come back.
func CheckLineFree(sale Sale, other *LineCase) error {
	if other == nil {
		return nil
	}
	line := itemOf(sale)
	switch {
	case other.Refunded:
		return Errorf(EConflict, "%s was refunded in case %s of %s: it cannot be refunded again", line, other.ID,
			other.Day)
	case UnderWay(other.Status):
		return Errorf(EConflict, "%s is in case %s of %s (%s): resume that case from home instead", line, other.ID,
			other.Day, whereIs{other.Status, other.Step})
	}
	return nil
}

// itemOf names a sale's item in an error ("receipt 123 line 2"), in
// English in the message, in p's language in In.
func itemOf(sale Sale) item { return item{sale.Receipt, sale.Line, sale.Serial} }

type item struct {
	receipt string
	line    int
	serial  string
}

func (it item) String() string { return it.In(lang.English()) }

// In names the item in p's language.
func (it item) In(p *lang.Printer) string {
	switch {
	case it.receipt != "" && it.line > 0:
		return p.T("receipt %s line %d", it.receipt, it.line)
	case it.receipt != "":
		return p.T("receipt %s", it.receipt)
	case it.serial != "":
		return p.T("the item %s", it.serial)
	}
	return p.T("this item")
}

// whereIs is where a case under way stands, in an error: its status, or
// the step a draft is at.
type whereIs struct {
	status Status
	step   Step
}

func (w whereIs) String() string {
	if w.status == StatusOpen {
		return "a draft at " + w.step.Words()
	}
	return w.status.Words()
}

// In is where the case stands in p's words.
func (w whereIs) In(p *lang.Printer) string {
	if w.status == StatusOpen {
		return p.T("a draft at %s", w.step.WordsIn(p))
	}
	return w.status.WordsIn(p)
}
