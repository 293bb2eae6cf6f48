package store

import (
	"errors"
	"strings"
	"testing"
	"time"

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

// TestALineTypedWithoutItsNumberIsTheImportsLine: a sale typed from the
// paper receipt names no line; of a receipt the import has one line of, it
// is that line, so that looking the receipt up later finds it refunded and
// the refund of the line is refused; of a receipt the import has several
// lines of, it is refused: the cashier looks it up to say which.
func TestALineTypedWithoutItsNumberIsTheImportsLine(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	one := newCase(t0, "olena", "R-7001", "490154203237518").Sale
	two := newCase(t0, "olena", "R-7002", "").Sale
	two2 := two
	two2.Line, two2.Serial = 2, "356938035643809"
	if _, err := s.ImportSales([]flow.Sale{one, two, two2}, "pos.csv", "Maria", t0); err != nil {
		t.Fatal(err)
	}
	typed := settledAs(t, s, "R-7001", 0, flow.StatusRefunded)
	if c, _ := s.Case(typed.ID); c.Sale.Line != 1 {
		t.Errorf("the typed sale is kept as line %d, not the import's only line", c.Sale.Line)
	}
	if lc, err := s.LineCase(one, ""); err != nil || lc == nil || lc.ID != typed.ID || !lc.Refunded {
		t.Errorf("the imported line, looked up: %+v, %v", lc, err)
	}
	looked := newCase(t0.Add(time.Minute), "olena", "R-7001", "490154203237518")
	walkToDecision(t, s, looked, t0, "ZZ000002")
	must(t, looked.Complete(flow.StepDecision))
	must(t, looked.Move(flow.StatusDecided))
	must(t, looked.Move(flow.StatusRefunded))
	if err := s.SaveCase(looked, Event{Staff: "olena", Kind: EventDecision}); !errors.Is(err, ErrAlreadyRefunded) {
		t.Errorf("the line refunded twice: %v", err)
	}

	several := newCase(t0, "olena", "R-7002", "")
	several.Sale.Line = 0
	if err := s.SaveCase(several, Event{Staff: "olena"}); err == nil || !strings.Contains(flow.Message(err), "look it up") {
		t.Errorf("a receipt of two imported lines, typed without its line: %v", err)
	}
}

// settledAs is settled's case of receipt at line, typed: no serial.
func settledAs(t *testing.T, s *Store, receipt string, line int, to flow.Status) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "490154203237518")
	c.Sale.Line = line
	walkToDecision(t, s, c, t0, "ZZ000001")
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(to))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	return c
}
