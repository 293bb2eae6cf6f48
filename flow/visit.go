package flow

import (
	"slices"
	"strings"
	"time"
)

// A visit is a customer returning several items of one receipt at once (a
// phone and its case): the sale's receipt, the request, the documents and
// the passport are given once; each item is a case of its own, inspected
// and decided on its own, and the visit's cases name its first (Visit).

// VisitID is the id of the visit the case is part of: its first case's id,
// which is the case's own for a case alone or the visit's first.
func (c *Case) VisitID() string {
	if c.Visit != "" {
		return c.Visit
	}
	return c.ID
}

// CanAddItem says why no other item of the case's receipt can join its
// visit, if it cannot: the sale names no receipt to take the other line
// from, or the case's own sale is not recorded yet.
func (c *Case) CanAddItem() error {
	if !c.Done.Has(StepSale) {
		return Errorf(EConflict, "the sale of this item is not recorded yet")
	}
	if strings.TrimSpace(c.Sale.Receipt) == "" {
		return Errorf(EConflict, "the sale names no receipt: another item is another return")
	}
	return nil
}

// NextItem is a new case, id, opened at now by by, for another item of c's
// receipt in c's visit: the sale's day, receipt and tender, the request, the
// documents and the passport as c has them, the last three complete, so
// that after the item's own sale line it goes to its inspection. lines are
// the sales of the visit's items so far: a line typed from the paper receipt
// takes the next free number (NextLine).
func (c *Case) NextItem(id string, now time.Time, by string, lines []Sale) Case {
	n := Case{
		ID: id, Policy: c.Policy, Opened: now, OpenedBy: by, Status: StatusOpen, Step: StepSale,
		Visit:       c.VisitID(),
		Sale:        Sale{Date: c.Sale.Date, Receipt: c.Sale.Receipt, Line: NextLine(lines), Tender: c.Sale.Tender},
		Request:     c.Request,
		Documents:   slices.Clone(c.Documents),
		Passport:    c.Passport,
		TillHasCash: true,
		Done:        StepSet(0).With(StepRequest).With(StepDocuments),
	}
	if p := c.Passport.NameMatches; p != nil {
		v := *p
		n.Passport.NameMatches = &v
	}
	return n
}

// NextLine is the receipt line an item typed from the paper receipt takes
// in a visit whose items so far were sold on lines: one after the highest
// (a line 0, the receipt's only or unknown line, counts as 1).
func NextLine(lines []Sale) int {
	top := 0
	for _, s := range lines {
		top = max(top, s.Line, 1)
	}
	return top + 1
}

// CheckVisit says why c cannot be an item of the visit whose first case is
// first, if it cannot: the visit is named by its first case, which is no
// other visit's item; and every item of a visit is on its receipt.
func CheckVisit(first, c *Case) error {
	switch {
	case c.Visit == c.ID:
		return Errorf(EInvalid, "case %s names itself as its visit: a visit is named by its first case", c.ID)
	case first.Visit != "":
		return Errorf(EInvalid, "case %s is an item of visit %s: a visit is named by its first case, %s", first.ID,
			first.Visit, first.Visit)
	case NormText(c.Sale.Receipt) != NormText(first.Sale.Receipt):
		return Errorf(EInvalid, "the items of visit %s are on receipt %s: an item of receipt %s is another return",
			first.ID, first.Sale.Receipt, c.Sale.Receipt)
	}
	return nil
}
