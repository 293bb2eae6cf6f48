package flow

import "fmt"

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
	line := "this item"
	switch {
	case sale.Receipt != "" && sale.Line > 0:
		line = fmt.Sprintf("receipt %s line %d", sale.Receipt, sale.Line)
	case sale.Receipt != "":
		line = "receipt " + sale.Receipt
	case sale.Serial != "":
		line = "the item " + sale.Serial
	}
	switch {
	case other.Refunded:
		return Errorf(EConflict, "%s was refunded in case %s of %s: it cannot be refunded again", line, other.ID,
			other.Day)
	case UnderWay(other.Status):
		where := other.Status.Words()
		if other.Status == StatusOpen {
			where = "a draft at " + other.Step.Words()
		}
		return Errorf(EConflict, "%s is in case %s of %s (%s): resume that case from home instead", line, other.ID,
			other.Day, where)
	}
	return nil
}
