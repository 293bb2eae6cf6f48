package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// TestVoidCase: a shift lead closes a draft that cannot go on, with a
// reason, on the trail; a cashier cannot, nor can anyone void a case with a
// decision given, nor one open at another till.
func TestVoidCase(t *testing.T) {
	s, _ := deskStore(t)
	draft := newCase(t0, "olena", "R-7001", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))

	if err := s.VoidCase(draft.ID, "the customer withdrew", "olena", t0); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier voided a draft: %v", err)
	}
	if err := s.VoidCase(draft.ID, " ", "Maria", t0); err == nil || !strings.Contains(flow.Message(err), "reason") {
		t.Errorf("voided without a reason: %v", err)
	}
	till := s.At("till-2")
	must(t, till.Claim(draft.ID))
	if err := s.VoidCase(draft.ID, "the customer withdrew", "Maria", t0); !errors.Is(err, ErrBusy) {
		t.Errorf("voided a case open at another till: %v", err)
	}
	till.Release()

	must(t, s.VoidCase(draft.ID, "the customer withdrew", "Maria", t0.Add(time.Hour)))
	c, err := s.Case(draft.ID)
	must(t, err)
	if c.Status != flow.StatusClosed || c.Voided == nil || c.Voided.By != "Maria" || c.Voided.Reason != "the customer withdrew" {
		t.Fatalf("voided case %s %+v", c.Status, c.Voided)
	}
	if sum := summaryOf(t, s, draft.ID); !sum.Flags.Has(FlagVoided) || sum.Status != flow.StatusClosed {
		t.Errorf("summary %s %s", sum.Status, sum.Flags)
	}
	trail, err := s.Trail(draft.ID)
	must(t, err)
	if last := trail[len(trail)-1]; last.Kind != EventVoid || last.Staff != "Maria" || !strings.Contains(last.Detail, "withdrew") {
		t.Errorf("the trail ends with %+v", last)
	}
	if open, _ := s.ByStatus(flow.StatusOpen); len(open) != 0 {
		t.Errorf("still listed as open: %+v", open)
	}

	paid := settled(t, s, "R-7002", "CC000001", flow.StatusRefunded)
	if err := s.VoidCase(paid.ID, "no", "Maria", t0); err == nil || !strings.Contains(flow.Message(err), "without a decision") {
		t.Errorf("voided a refunded case: %v", err)
	}
	closeAndCheck(t, s)
}
