package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// TestReopenDay: a shift lead reopens a closed day with a reason, on the
// trail; its cases may change again, new cases are filed under it again,
// and it closes again with a new chain head; check passes throughout.
func TestReopenDay(t *testing.T) {
	s, path := deskStore(t)
	day := flow.DateOf(t0)
	paid := settled(t, s, "R-9001", "EE000001", flow.StatusRefunded)
	first, err := s.CloseDay(day, "Maria", t0.Add(time.Hour))
	must(t, err)

	if err := s.ReopenDay(day, "a refund was keyed in error", "olena", t0); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier reopened the day: %v", err)
	}
	if err := s.ReopenDay(day, "", "Maria", t0); err == nil || !strings.Contains(flow.Message(err), "reason") {
		t.Errorf("reopened without a reason: %v", err)
	}
	if err := s.ReopenDay(day.AddDays(1), "why not", "Maria", t0); err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("reopened a day that is open: %v", err)
	}
	must(t, s.ReopenDay(day, "a refund was keyed in error", "Maria", t0.Add(2*time.Hour)))
	if c, _ := s.DayClosing(day); c != nil {
		t.Fatalf("still closed: %+v", c)
	}
	if fd, _ := s.FilingDay(t0.Add(2 * time.Hour)); fd != day {
		t.Errorf("new cases go to %s, not the reopened day", fd)
	}
	must(t, s.SignOff(paid.ID, "Maria", t0.Add(2*time.Hour)))
	evs, err := s.Events(first.Seq, 10)
	must(t, err)
	if len(evs) < 1 || evs[0].Kind != EventDayReopen || evs[0].Day != day.String() || evs[0].Staff != "Maria" ||
		!strings.Contains(evs[0].Detail, "keyed in error") || !strings.Contains(evs[0].Detail, first.Anchor.String()) {
		t.Errorf("the reopen's event: %+v", evs)
	}
	if _, err := s.Check(CheckOptions{Anchors: []Anchor{first.Anchor}}); err != nil {
		t.Errorf("check after the reopen: %v", err)
	}
	second, err := s.CloseDay(day, "Maria", t0.Add(3*time.Hour))
	must(t, err)
	if second.Anchor == first.Anchor || second.Report.SignedOff != 1 {
		t.Errorf("the second close %+v after the first %+v", second, first)
	}
	must(t, s.Close())
	if _, err := CheckFile(path, CheckOptions{Anchors: []Anchor{first.Anchor, second.Anchor}}); err != nil {
		t.Errorf("check with both closes' anchors: %v", err)
	}
}
