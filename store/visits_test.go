package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// visitItem is the next item of first's visit, its sale line recorded: a
// phone case without a serial, walked to its decision (rejected: signs of
// use), saved step by step.
func visitItem(t *testing.T, s *Store, first *flow.Case, at time.Time) *flow.Case {
	t.Helper()
	n := first.NextItem(NewCaseID(at), at, "olena", []flow.Sale{first.Sale})
	c := &n
	c.Sale.Model, c.Sale.Price = "Case for Phone X", flow.Money{Minor: 49900, Currency: "UAH"}
	c.Sale.Condition, c.Sale.Market = flow.ConditionNew, flow.MarketEU
	must(t, c.Complete(flow.StepSale))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "sale", Time: at}))
	c.Inspection = flow.CleanInspection()
	c.Inspection.SignsOfUse = true
	must(t, c.Complete(flow.StepInspection))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "inspection", Time: at}))
	p, err := flow.Builtin("generic")
	must(t, err)
	d, err := flow.Decide(c, p, at)
	must(t, err)
	if d.Outcome != flow.OutcomeReject {
		t.Fatalf("the case: %s, want reject: %v", d.Outcome, d.Explain)
	}
	c.Decision = &d
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusRejected))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: at}))
	return c
}

// TestVisitCases: a phone refunded and its case rejected in one visit are
// the visit's two cases, listed from either, in the order they were opened;
// each keeps its own decision, and its own receipt line; a case alone is a
// visit of one; the file checks clean after.
func TestVisitCases(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	phone := settled(t, s, "R-9001", "EE000001", flow.StatusRefunded)
	item := visitItem(t, s, phone, t0.Add(5*time.Minute))
	alone := settled(t, s, "R-9002", "EE000002", flow.StatusRefunded)

	for _, id := range []string{phone.ID, item.ID} {
		got, err := s.VisitCases(id)
		must(t, err)
		if len(got) != 2 || got[0].ID != phone.ID || got[1].ID != item.ID {
			t.Fatalf("the visit of %s: %v", id, idsOf(got))
		}
		if got[0].Outcome() != flow.OutcomeRefund || got[1].Outcome() != flow.OutcomeReject ||
			got[1].Visit != phone.ID || got[1].Sale.Serial != "" || got[1].Sale.Line != 2 {
			t.Errorf("the visit's cases: %+v / %+v", got[0], got[1])
		}
	}
	got, err := s.VisitCases(alone.ID)
	must(t, err)
	if len(got) != 1 || got[0].ID != alone.ID {
		t.Errorf("a case alone: %v", idsOf(got))
	}
	if _, err := s.VisitCases(NewCaseID(t0)); err == nil {
		t.Error("a visit that is no case is listed")
	}
	if lc, err := s.LineCase(phone.Sale, ""); err != nil || lc == nil || lc.ID != phone.ID || !lc.Refunded {
		t.Errorf("the phone's line: %+v, %v", lc, err)
	}
	if lc, err := s.LineCase(item.Sale, ""); err != nil || lc != nil {
		t.Errorf("the rejected case's line is held: %+v, %v", lc, err)
	}
}

// TestVisitRules: SaveCase keeps a visit to one receipt and names it by its
// first case; nothing refused is saved.
func TestVisitRules(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	phone := settled(t, s, "R-9101", "EE000101", flow.StatusRefunded)
	item := visitItem(t, s, phone, t0.Add(5*time.Minute))
	for _, tt := range []struct {
		name  string
		visit string
		edit  func(*flow.Case)
		msg   string
	}{
		{"another receipt", phone.ID, func(c *flow.Case) { c.Sale.Receipt = "R-9999" }, "an item of receipt R-9999 is another return"},
		{"a visit named by its second item", item.ID, func(*flow.Case) {}, "a visit is named by its first case"},
		{"a visit that is no case", NewCaseID(t0.Add(-time.Hour)), func(*flow.Case) {}, "is no case in this store"},
		{"a visit that is no case id", "visit-1", func(*flow.Case) {}, "is not a case id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase(t0.Add(10*time.Minute), "olena", "R-9101", "")
			c.Sale.Line = 3
			c.Visit = tt.visit
			tt.edit(c)
			err := s.SaveCase(c, Event{Staff: "olena"})
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("SaveCase: %v, want %q", err, tt.msg)
			}
			if _, err := s.Case(c.ID); err == nil {
				t.Error("the refused case was saved")
			}
		})
	}
}

// TestVisitCountsOnceForRepeats: the items of one visit are one return of
// the passport: two cases before and a visit of two items make 3, not 4,
// which generic does not flag.
func TestVisitCountsOnceForRepeats(t *testing.T) {
	s, _ := deskStore(t)
	closeAndCheck(t, s)
	settled(t, s, "R-9201", "EE000201", flow.StatusRefunded)
	settled(t, s, "R-9202", "EE000201", flow.StatusRefunded)
	phone := settled(t, s, "R-9203", "EE000201", flow.StatusRefunded)
	item := visitItem(t, s, phone, t0.Add(5*time.Minute))
	for _, c := range []*flow.Case{phone, item} {
		if sum := summaryOf(t, s, c.ID); sum.Flags.Has(FlagRepeat) {
			t.Errorf("%s flagged as a repeat return", c.Sale.Model)
		}
	}
	alone := newCase(t0.Add(10*time.Minute), "olena", "R-9204", "")
	walkToDecision(t, s, alone, t0.Add(10*time.Minute), "EE000201")
	if sum := summaryOf(t, s, alone.ID); !sum.Flags.Has(FlagRepeat) {
		t.Error("a fourth return is not flagged")
	}
}

// TestCheckFindsAVisitWithoutItsFirstCase: a visit's first case taken out
// of the file behind the program's back: check names the item whose visit
// is gone.
func TestCheckFindsAVisitWithoutItsFirstCase(t *testing.T) {
	s, path := deskStore(t)
	phone := settled(t, s, "R-9301", "EE000301", flow.StatusRefunded)
	item := visitItem(t, s, phone, t0.Add(5*time.Minute))
	must(t, s.Close())
	if _, err := CheckFile(path, CheckOptions{}); err != nil {
		t.Fatalf("check before: %v", err)
	}
	k, err := caseKey(phone.ID)
	must(t, err)
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error { return tx.Bucket(bucketCases).Delete(k) })
	_, err = CheckFile(edited, CheckOptions{})
	want := "case " + item.ID + ": its visit " + phone.ID + " is no case of this store"
	var ce *CheckError
	if !errors.As(err, &ce) || !slices.Contains(ce.Problems, want) {
		t.Fatalf("check: %v, want %q", err, want)
	}
}

func idsOf(cs []*flow.Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}
