package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestVoidCase: a shift lead closes a draft that cannot go on, with a
// reason, on the trail; a cashier cannot, nor can anyone void a case with a
// decision given, nor one open at another till.
func TestVoidCase(t *testing.T) {
	s, _ := deskStore(t)
	draft := newCase(t0, "olena", "R-7001", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))

	if err := s.VoidCase(draft.ID, "the customer withdrew", "olena", t0); flow.ErrorCode(err) != flow.EForbidden {
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

// TestEndCase: the cashier who opened a case closes it as withdrawn; another
// cashier may not; abandoned waits the store's days; each on the trail with
// its words.
func TestEndCase(t *testing.T) {
	s, _ := deskStore(t)
	withdrawn := newCase(t0, "olena", "R-7101", "")
	must(t, s.SaveCase(withdrawn, Event{Staff: "olena"}))
	must(t, s.AddStaff("Taras", flow.RoleCashier, "4444", "Maria"))
	if err := s.EndCase(withdrawn.ID, flow.EndWithdrawn, "changed their mind", "Taras", t0); flow.ErrorCode(err) != flow.EForbidden {
		t.Errorf("another cashier ended the case: %v", err)
	}
	must(t, s.EndCase(withdrawn.ID, flow.EndWithdrawn, "changed their mind", "Olena", t0.Add(time.Minute)))
	c, err := s.Case(withdrawn.ID)
	must(t, err)
	if c.Status != flow.StatusClosed || c.Voided == nil || c.Voided.Kind != flow.EndWithdrawn || !flow.SamePerson(c.Voided.By, "Olena") {
		t.Fatalf("ended as %s %+v", c.Status, c.Voided)
	}
	trail, err := s.Trail(withdrawn.ID)
	must(t, err)
	last := trail[len(trail)-1]
	if last.Detail != "withdrawn by the customer: changed their mind" ||
		last.DetailIn(lang.For(lang.UK)) != "покупець відмовився від вимоги: changed their mind" {
		t.Errorf("the trail says %q / %q", last.Detail, last.DetailIn(lang.For(lang.UK)))
	}

	gone := newCase(t0, "olena", "R-7102", "")
	must(t, s.SaveCase(gone, Event{Staff: "olena"}))
	if err := s.EndCase(gone.ID, flow.EndAbandoned, "never came back", "Olena", t0.AddDate(0, 0, 13)); err == nil ||
		!strings.Contains(flow.Message(err), "counts as abandoned from") {
		t.Errorf("abandoned after 13 days: %v", err)
	}
	set, err := s.Settings()
	must(t, err)
	set.AbandonDays = 10
	must(t, s.SaveSettings(set, "Maria"))
	must(t, s.EndCase(gone.ID, flow.EndAbandoned, "never came back", "Olena", t0.AddDate(0, 0, 10)))
	day := flow.DateOf(t0)
	if r, err := s.DayReport(day, day); err != nil || r.Ended != 2 || r.Drafts != 0 {
		t.Errorf("the day's report: %d ended, %d drafts, %v", r.Ended, r.Drafts, err)
	}
	closeAndCheck(t, s)
}
