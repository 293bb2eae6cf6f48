package store

import (
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// TestLineCase: the case that keeps a receipt line from a new case is the
// one that refunded it, else one still under way on that line; another
// line of the receipt, a rejected case and the case itself do not count.
func TestLineCase(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	paid := settled(t, s, "R-8001", "DD000001", flow.StatusRefunded)
	lc, err := s.LineCase(paid.Sale, "")
	must(t, err)
	if lc == nil || lc.ID != paid.ID || !lc.Refunded || lc.Day != flow.DateOf(t0) {
		t.Fatalf("the refunded line: %+v", lc)
	}
	if lc, _ := s.LineCase(paid.Sale, paid.ID); lc != nil {
		t.Errorf("the case itself holds its line: %+v", lc)
	}
	other := paid.Sale
	other.Line = 2
	if lc, _ := s.LineCase(other, ""); lc != nil {
		t.Errorf("another line of the receipt is held: %+v", lc)
	}

	draft := newCase(t0.Add(time.Minute), "olena", "r-8002 ", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))
	sale := draft.Sale
	sale.Receipt = "R-8002"
	lc, err = s.LineCase(sale, "")
	must(t, err)
	if lc == nil || lc.ID != draft.ID || lc.Refunded || lc.Status != flow.StatusOpen || lc.Step != flow.StepRequest {
		t.Fatalf("the draft's line: %+v", lc)
	}
	must(t, s.VoidCase(draft.ID, "opened twice", "Maria", t0.Add(time.Hour)))
	if lc, _ := s.LineCase(sale, ""); lc != nil {
		t.Errorf("a voided case holds its line: %+v", lc)
	}

	typed := newCase(t0.Add(2*time.Minute), "olena", "", "356938035643809")
	must(t, s.SaveCase(typed, Event{Staff: "olena"}))
	if lc, _ := s.LineCase(flow.Sale{Serial: "356938035643809"}, ""); lc == nil || lc.ID != typed.ID {
		t.Errorf("a sale without a receipt, by its serial: %+v", lc)
	}
}
