package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// deskViewStore is a desk store with a day of cases in several states: a
// refund owed (overdue a week on), a refund paid, a draft, and a case
// waiting for documents.
func deskViewStore(t *testing.T) (*Store, map[string]*flow.Case) {
	t.Helper()
	s, _ := deskStore(t)
	cases := map[string]*flow.Case{
		"owed": settled(t, s, "R-8001", "AA000001", flow.StatusRefundOwed),
		"paid": settled(t, s, "R-8002", "AA000002", flow.StatusRefunded),
	}
	draft := newCase(t0.Add(time.Minute), "olena", "R-8003", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))
	cases["draft"] = draft
	docs := newCase(t0.Add(2*time.Minute), "olena", "R-8004", "")
	must(t, docs.Move(flow.StatusWaitingDocuments))
	must(t, s.SaveCase(docs, Event{Staff: "olena"}))
	cases["docs"] = docs
	must(t, s.SignOff(cases["paid"].ID, "Maria", t0.Add(time.Hour)))
	return s, cases
}

// TestDeskDay: one read gives what Day, DayClosing and DayReport give, open
// and closed.
func TestDeskDay(t *testing.T) {
	s, _ := deskViewStore(t)
	day := s.Today(t0)
	later := day.AddDays(10)
	for _, when := range []string{"open", "closed"} {
		t.Run("the_"+when+"_day_reads_whole", func(t *testing.T) {
			if when == "closed" {
				_, err := s.CloseDay(day, "Maria", t0.Add(2*time.Hour))
				must(t, err)
			}
			got, err := s.DeskDay(day, later)
			must(t, err)
			sums, err := s.Day(day)
			must(t, err)
			closing, err := s.DayClosing(day)
			must(t, err)
			report, err := s.DayReport(day, later)
			must(t, err)
			want := DeskDayView{Day: day, Cases: sums, Closing: closing, Report: report}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("DeskDay:\n%+v\nwant\n%+v", got, want)
			}
			if len(got.Cases) != 4 || got.Report.Cases != 4 || got.Report.Overdue != 1 || got.Report.SignedOff != 1 {
				t.Errorf("%d cases, report %+v", len(got.Cases), got.Report)
			}
			if (got.Closing != nil) != (when == "closed") {
				t.Errorf("closing %+v on the %s day", got.Closing, when)
			}
		})
	}
	t.Run("a_day_without_cases_is_empty", func(t *testing.T) {
		got, err := s.DeskDay(day.AddDays(-1), day)
		must(t, err)
		if len(got.Cases) != 0 || got.Closing != nil || got.Report.Cases != 0 {
			t.Errorf("DeskDay of an empty day: %+v", got)
		}
	})
}

// TestDeskQueues: one read gives every queue as ByStatus lists it, and
// counts what is overdue.
func TestDeskQueues(t *testing.T) {
	s, cases := deskViewStore(t)
	today := s.Today(t0)
	tests := []struct {
		name    string
		today   flow.Date
		overdue int
	}{
		{"nothing_is_overdue_on_the_day", today, 0},
		{"the_refund_owed_is_overdue_a_fortnight_on", today.AddDays(14), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.DeskQueues(tt.today)
			must(t, err)
			for _, st := range DeskQueueStatuses {
				want, err := s.ByStatus(st)
				must(t, err)
				if !reflect.DeepEqual(got.Queue(st), want) {
					t.Errorf("queue %s: %+v, want %+v", st, got.Queue(st), want)
				}
			}
			if got.Overdue != tt.overdue {
				t.Errorf("overdue %d, want %d", got.Overdue, tt.overdue)
			}
		})
	}
	got, err := s.DeskQueues(today)
	must(t, err)
	if q := got.Queue(flow.StatusRefundOwed); len(q) != 1 || q[0].ID != cases["owed"].ID {
		t.Errorf("refunds owed: %+v", q)
	}
	if q := got.Queue(flow.StatusWaitingDocuments); len(q) != 1 || q[0].ID != cases["docs"].ID {
		t.Errorf("waiting for documents: %+v", q)
	}
}

// TestDeskCase: one read gives what Detail and DayClosing give.
func TestDeskCase(t *testing.T) {
	s, cases := deskViewStore(t)
	day := s.Today(t0)
	check := func(t *testing.T, id string, closed bool) {
		t.Helper()
		got, err := s.DeskCase(id)
		must(t, err)
		d, err := s.Detail(id)
		must(t, err)
		closing, err := s.DayClosing(d.Summary.Day)
		must(t, err)
		if !reflect.DeepEqual(got, DeskCaseView{Detail: d, Closing: closing}) {
			t.Errorf("DeskCase:\n%+v\nwant\n%+v", got, DeskCaseView{Detail: d, Closing: closing})
		}
		if (got.Closing != nil) != closed || len(got.Detail.Trail) == 0 {
			t.Errorf("closing %+v, %d events", got.Closing, len(got.Detail.Trail))
		}
	}
	t.Run("a_case_of_an_open_day", func(t *testing.T) { check(t, cases["paid"].ID, false) })
	_, err := s.CloseDay(day, "Maria", t0.Add(2*time.Hour))
	must(t, err)
	t.Run("a_case_of_a_closed_day_has_its_close", func(t *testing.T) { check(t, cases["owed"].ID, true) })
	t.Run("a_missing_case_is_not_found", func(t *testing.T) {
		if _, err := s.DeskCase(NewCaseID(t0)); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeskCase of a missing case: %v", err)
		}
	})
}

// TestHome: one read gives what ByStatus over flow.Resumable and ByStaff
// give.
func TestHome(t *testing.T) {
	s, cases := deskViewStore(t)
	day := s.Today(t0)
	v, err := s.Home("olena", day)
	must(t, err)
	var open []Summary
	for _, st := range flow.Resumable {
		list, err := s.ByStatus(st)
		must(t, err)
		open = append(open, list...)
	}
	today, err := s.ByStaff("olena", day)
	must(t, err)
	if !reflect.DeepEqual(v.Open, open) || !reflect.DeepEqual(v.Today, today) {
		t.Fatalf("Home = %+v\nwant open %+v\ntoday %+v", v, open, today)
	}
	ids := map[string]bool{}
	for _, sum := range v.Open {
		ids[sum.ID] = true
	}
	if !ids[cases["draft"].ID] || !ids[cases["docs"].ID] || ids[cases["owed"].ID] {
		t.Errorf("open cases %v: want the draft and the one waiting for documents, not the refund owed", ids)
	}
	if len(v.Today) == 0 {
		t.Error("no cases of the day for olena")
	}
	if v, err := s.Home("", day); err != nil || v.Today != nil {
		t.Errorf("Home of nobody: %+v, %v", v, err)
	}
}
