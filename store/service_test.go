package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// atService is a case walked to a decision for the service centre, sent
// there on t0 with its intake, expected back 14 days later.
func atService(t *testing.T, s *Store, receipt, ticket string) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "")
	walkToDecision(t, s, c, t0, "SC000001")
	c.Decision = &flow.Decision{Outcome: flow.OutcomeServiceCentre, Clauses: []flow.ClauseID{flow.ClauseWarrantyRepair},
		ServiceBy: flow.DateOf(t0).AddDays(14)}
	must(t, c.SendToService(flow.Intake{Fault: "не вмикається", Accessories: "none", Ticket: ticket}, "olena", t0,
		flow.DateOf(t0)))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "service_intake", Time: t0}))
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusServiceCentre))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	return c
}

// TestServiceVisitStored: the intake, a ticket typed in later and the
// return are kept on the case, the expected day in the index, a repair
// over the law's 14 days flagged in the day's summary; check passes on the
// file (openTest's cleanup).
func TestServiceVisitStored(t *testing.T) {
	s, _ := deskStore(t)
	c := atService(t, s, "R-9001", "")
	got, err := s.Case(c.ID)
	must(t, err)
	if v := got.Service; v == nil || v.Fault != "не вмикається" || v.SentBy != "olena" || v.Ticket != "" ||
		v.Due != flow.DateOf(t0).AddDays(14) {
		t.Fatalf("stored visit %+v", got.Service)
	}
	at, err := s.ByStatus(flow.StatusServiceCentre)
	must(t, err)
	if len(at) != 1 || at[0].Due != flow.DateOf(t0).AddDays(14) {
		t.Fatalf("at the service centre: %+v", at)
	}

	for _, tc := range []struct {
		ticket, by, want string
	}{
		{"", "olena", "ticket"},
		{"SC 1", "olena", "only letters"},
		{"SC-1", "nobody", "no staff member"},
	} {
		if err := s.SetTicket(c.ID, tc.ticket, tc.by, t0.Add(time.Hour)); err == nil ||
			!strings.Contains(flow.Message(err), tc.want) {
			t.Errorf("ticket %q by %s: %v", tc.ticket, tc.by, err)
		}
	}
	till := s.At("till-2")
	must(t, till.Claim(c.ID))
	if err := s.SetTicket(c.ID, "SC-1", "Maria", t0); !errors.Is(err, ErrBusy) {
		t.Errorf("a ticket set on a case open at another till: %v", err)
	}
	till.Release()
	must(t, s.SetTicket(c.ID, " SC-2024/117 ", "Maria", t0.Add(2*time.Hour)))
	got, err = s.Case(c.ID)
	must(t, err)
	if v := got.Service; v.Ticket != "SC-2024/117" || v.TicketBy != "Maria" || v.Fault != "не вмикається" {
		t.Fatalf("after the ticket %+v", v)
	}
	trail, err := s.Trail(c.ID)
	must(t, err)
	if last := trail[len(trail)-1]; last.Step != "service_ticket" || last.Staff != "Maria" ||
		!strings.Contains(last.Detail, "SC-2024/117") {
		t.Errorf("the trail ends with %+v", last)
	}

	// back after 20 days, with a conclusion: flagged, over the law's days
	back := t0.AddDate(0, 0, 20)
	must(t, got.BackFromService(false, "olena", back, flow.DateOf(back)))
	must(t, got.Move(flow.StatusOpen))
	got.Done = got.Done.Without(flow.StepDecision)
	got.Decision = nil
	must(t, got.GoTo(flow.StepDecision))
	must(t, s.SaveCase(got, Event{Staff: "olena", Step: "service_centre", Time: back}))
	got.Concluded(flow.ConclusionSignificantDefect, "olena", back)
	must(t, s.SaveCase(got, Event{Staff: "olena", Step: "service_centre", Time: back}))
	if sum := summaryOf(t, s, c.ID); !sum.Flags.Has(FlagLongRepair) {
		t.Errorf("a repair of 20 days is not flagged: %s", sum.Flags)
	}
	d, err := s.Detail(c.ID)
	must(t, err)
	if v := d.Case.Service; v.BackBy != "olena" || v.Conclusion != flow.ConclusionSignificantDefect || v.Days(v.BackDay) != 20 {
		t.Errorf("back %+v", v)
	}
	if err := s.SetTicket(c.ID, "SC-3", "Maria", back); err == nil {
		t.Error("a ticket set on an item back from the service centre")
	}

	// on time: not flagged
	quick := atService(t, s, "R-9002", "SC-9")
	quick.Service.BackAt, quick.Service.BackBy, quick.Service.BackDay = t0.AddDate(0, 0, 14), "olena",
		flow.DateOf(t0).AddDays(14)
	quick.Service.Repaired = true
	must(t, quick.Move(flow.StatusClosed))
	must(t, s.SaveCase(quick, Event{Staff: "olena", Step: "act", Time: t0.AddDate(0, 0, 14)}))
	if sum := summaryOf(t, s, quick.ID); sum.Flags.Has(FlagLongRepair) {
		t.Errorf("a repair of 14 days is flagged: %s", sum.Flags)
	}
}
