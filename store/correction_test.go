package store

import (
	"errors"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestASaleIsHeldToTheImport: a case about an imported receipt line keeps
// the import's date, receipt, line, price, tender and serial; a save that
// types over them is refused, unless a shift lead corrected exactly those,
// with a reason, which flags the case. A typed sale of a line not imported
// stays as typed.
func TestASaleIsHeldToTheImport(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	c := newCase(t0, "olena", "R-4001", "490154203237518")
	imp := c.Sale
	if _, err := s.ImportSales([]flow.Sale{imp}, "pos.csv", "Maria", t0); err != nil {
		t.Fatal(err)
	}
	c.Sale.Price.Minor = 4599900
	err := s.SaveCase(c, Event{Staff: "olena"})
	if flow.ErrorCode(err) != flow.EForbidden || !strings.Contains(flow.Message(err), "price 19999.00 UAH -> 45999.00 UAH") {
		t.Fatalf("a price typed over the import: %v", err)
	}
	c.Sale.Line = 0 // a line not stated is the receipt's only line
	if err := s.SaveCase(c, Event{Staff: "olena"}); flow.ErrorCode(err) != flow.EForbidden {
		t.Fatalf("a price typed over, the line not stated: %v", err)
	}
	c.Sale.Line = 1
	c.SaleCorrection = &flow.SaleCorrection{By: "olena", Reason: "I say so", At: t0,
		Changes: flow.ImportDiff(imp, c.Sale)}
	if err := s.SaveCase(c, Event{Staff: "olena"}); !errors.Is(err, ErrNotLead) {
		t.Fatalf("a cashier's correction: %v", err)
	}
	c.SaleCorrection.By, c.SaleCorrection.Reason = "Maria", "the POS rang the wrong price"
	must(t, s.SaveCase(c, Event{Staff: "olena"}))
	if sum := summaryOf(t, s, c.ID); !sum.Flags.Has(FlagSaleCorrected) {
		t.Errorf("a corrected sale is not flagged: %s", sum.Flags)
	}
	// later steps save the case unchanged in its sale: no new check
	c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	must(t, c.Complete(flow.StepRequest))
	must(t, s.SaveCase(c, Event{Staff: "olena"}))

	typed := newCase(t0, "olena", "R-4002", "")
	typed.Sale.Price.Minor = 123400
	must(t, s.SaveCase(typed, Event{Staff: "olena"}))
}
