package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// deskStore is a test store with a shift lead (Maria) and a cashier (olena,
// who opens the cases).
func deskStore(t *testing.T) (*Store, string) {
	t.Helper()
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("olena", flow.RoleCashier, "1111", "Maria"))
	return s, path
}

// settled is a case walked to a refund, settled as status to (refunded pays
// it in cash at the till; refund_owed owes it a week).
func settled(t *testing.T, s *Store, receipt, passport string, to flow.Status) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "")
	walkToDecision(t, s, c, t0, passport)
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	if to == flow.StatusRefundOwed {
		c.TillHasCash = false
		c.Decision.RefundBy = flow.DateOf(t0).AddDays(7)
	}
	must(t, c.Move(to))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	return c
}

func summaryOf(t *testing.T, s *Store, id string) Summary {
	t.Helper()
	d, err := s.Detail(id)
	must(t, err)
	sums, err := s.Day(d.Summary.Day)
	must(t, err)
	for _, x := range sums {
		if x.ID == id {
			return x
		}
	}
	t.Fatalf("case %s is not in its day's index", id)
	return Summary{}
}

func TestSignOff(t *testing.T) {
	s, _ := deskStore(t)
	c := settled(t, s, "R-5001", "AA000001", flow.StatusRefundOwed)

	if err := s.SignOff(c.ID, "olena", t0); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier signed off: %v", err)
	}
	if err := s.SignOff(c.ID, "nobody", t0); !errors.Is(err, ErrNotLead) {
		t.Errorf("a stranger signed off: %v", err)
	}
	must(t, s.SignOff(c.ID, "Maria", t0.Add(time.Hour)))
	if sum := summaryOf(t, s, c.ID); !sum.Flags.Has(FlagSignedOff) {
		t.Errorf("the summary does not say signed off: %s", sum.Flags)
	}
	d, err := s.Detail(c.ID)
	must(t, err)
	if d.SignOff == nil || d.SignOff.By != "Maria" || !d.SignOff.At.Equal(t0.Add(time.Hour)) {
		t.Errorf("sign-off %+v", d.SignOff)
	}
	if last := d.Trail[len(d.Trail)-1]; last.Kind != EventSignOff || last.Staff != "Maria" || last.CaseID != c.ID {
		t.Errorf("the trail ends with %+v", last)
	}
	if err := s.SignOff(c.ID, "Maria", t0); !errors.Is(err, ErrSignedOff) || !strings.Contains(err.Error(), "signed off already by Maria at 15:30") {
		t.Errorf("a second sign-off: %v", err)
	}

	// paying the refund changes the case: the lead signs it again
	must(t, errOf(s.RecordRefund(c.ID, c.Sale.Price, flow.TenderCash, "Maria", t0.Add(2*time.Hour))))
	if sum := summaryOf(t, s, c.ID); sum.Flags.Has(FlagSignedOff) || !sum.Flags.Has(FlagRefundPaid) {
		t.Errorf("after the payment: %s", sum.Flags)
	}
	must(t, s.SignOff(c.ID, "Maria", t0.Add(3*time.Hour)))

	draft := newCase(t0, "olena", "R-5002", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))
	if err := s.SignOff(draft.ID, "Maria", t0); !errors.Is(err, ErrNotReviewable) {
		t.Errorf("a draft signed off: %v", err)
	}
}

func TestCloseDay(t *testing.T) {
	s, path := deskStore(t)
	day := flow.DateOf(t0)
	paid := settled(t, s, "R-6001", "BB000001", flow.StatusRefunded)
	owed := settled(t, s, "R-6002", "BB000002", flow.StatusRefundOwed)
	draft := newCase(t0, "olena", "R-6003", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena", Time: t0}))
	must(t, s.SignOff(paid.ID, "Maria", t0))

	if _, err := s.CloseDay(day, "olena", t0); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier closed the day: %v", err)
	}
	if _, err := s.CloseDay(day.AddDays(1), "Maria", t0); err == nil {
		t.Error("tomorrow was closed today")
	}
	if c, err := s.DayClosing(day); err != nil || c != nil {
		t.Fatalf("an open day's close: %+v, %v", c, err)
	}
	headSeq, headHash, err := s.Head()
	must(t, err)
	closing, err := s.CloseDay(day, "Maria", t0.Add(4*time.Hour))
	must(t, err)
	if closing.Anchor != (Anchor{Seq: headSeq, Hash: headHash}) || closing.Seq != headSeq+1 || closing.By != "Maria" {
		t.Errorf("the close %+v, want the anchor %d:%s", closing, headSeq, headHash)
	}
	r := closing.Report
	if r.Cases != 3 || r.RefundsPaid != 1 || r.Owed != 1 || r.OwedAmount.Minor != 1999900 || r.Drafts != 1 ||
		r.SignedOff != 1 || len(r.Refunds) != 1 || r.Refunds[0].Tender != flow.TenderCash || r.Refunds[0].N != 1 {
		t.Errorf("the report %+v", r)
	}
	if got, err := s.DayClosing(day); err != nil || got == nil || got.Anchor != closing.Anchor || got.Report.Cases != 3 {
		t.Errorf("the close read back: %+v, %v", got, err)
	}
	evs, err := s.Events(headSeq, 10)
	must(t, err)
	if len(evs) != 1 || evs[0].Kind != EventDayClose || evs[0].Day != "2024-03-15" || evs[0].Anchor != closing.Anchor.String() ||
		!strings.Contains(evs[0].Detail, "3 cases") {
		t.Errorf("the close's event %+v", evs)
	}
	if _, err := s.CloseDay(day, "Maria", t0.Add(5*time.Hour)); err == nil || !strings.Contains(err.Error(), "was closed by Maria") {
		t.Errorf("a second close: %v", err)
	}

	// the day is read-only: what it settled and sign-offs are refused; new
	// cases go to the next day; its cases still under way go on
	if err := s.SaveCase(paid, Event{Staff: "olena"}); !errors.Is(err, ErrDayClosed) || !strings.Contains(err.Error(), "2024-03-15") {
		t.Errorf("a save of a settled case on a closed day: %v", err)
	}
	if err := s.SignOff(owed.ID, "Maria", t0); !errors.Is(err, ErrDayClosed) {
		t.Errorf("a sign-off on a closed day: %v", err)
	}
	late := newCase(t0.Add(5*time.Hour), "olena", "R-6004", "")
	must(t, s.SaveCase(late, Event{Staff: "olena"}))
	if sum := summaryOf(t, s, late.ID); sum.Day != day.AddDays(1) {
		t.Errorf("a case opened after the close is filed under %s, not the next day", sum.Day)
	}
	if fd, err := s.FilingDay(t0.Add(5 * time.Hour)); err != nil || fd != day.AddDays(1) {
		t.Errorf("the filing day after the close: %s, %v", fd, err)
	}
	draft.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	if err := s.SaveCase(draft, Event{Staff: "olena", Time: t0.AddDate(0, 0, 1)}); err != nil {
		t.Errorf("a draft of a closed day resumed the next day: %v", err)
	}
	if _, err := s.RecordRefund(owed.ID, owed.Sale.Price, flow.TenderCash, "Maria", t0.AddDate(0, 0, 1)); err != nil {
		t.Errorf("a refund owed by a closed day, paid the next day: %v", err)
	}
	if _, err := s.RecordRefund(owed.ID, owed.Sale.Price, flow.TenderCash, "Maria", t0.AddDate(0, 0, 1)); !errors.Is(err, ErrAlreadyRefunded) {
		t.Errorf("the same refund paid twice: %v", err)
	}
	if c, _ := s.DayClosing(day); c == nil || c.Report.Owed != 1 {
		t.Errorf("the close's report changed after the close: %+v", c)
	}
	// a correction is a note
	if _, err := s.Record(Event{Staff: "Maria", CaseID: owed.ID, Detail: "refund paid in cash on the 16th, receipt 77"}); err != nil {
		t.Errorf("a note on a closed day: %v", err)
	}
	// the next day is open
	next := newCase(t0.AddDate(0, 0, 1), "olena", "R-6005", "")
	must(t, s.SaveCase(next, Event{Staff: "olena"}))

	must(t, s.Close())
	if _, err := CheckFile(path, CheckOptions{Anchors: []Anchor{closing.Anchor}}); err != nil {
		t.Errorf("check with the close's anchor: %v", err)
	}
	s2, err := Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s2)
}

// TestDeskTampering: what the desk stores cannot be changed unseen: a close,
// a flag cleared in the day index.
func TestDeskTampering(t *testing.T) {
	s, path := deskStore(t)
	c := settled(t, s, "R-7001", "CC000001", flow.StatusRefundOwed)
	must(t, s.SignOff(c.ID, "Maria", t0))
	_, err := s.CloseDay(flow.DateOf(t0), "Maria", t0.Add(time.Hour))
	must(t, err)
	must(t, s.Close())
	orig := copyFile(t, path)
	for _, tc := range []struct {
		name  string
		edit  func(tx *bolt.Tx) error
		names string
	}{
		{"clear_a_flag", func(tx *bolt.Tx) error {
			days := tx.Bucket(bucketDays)
			k, v := days.Cursor().First()
			sum, err := decodeSummary(caseID(k[dayLen:]), flow.DateOf(t0), v)
			must(t, err)
			sum.Flags &^= FlagSignedOff
			return days.Put(k, sum.encode())
		}, "its day summary does not match the case"},
		{"reopen_a_day", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketClosedDays).Delete(appendDay(nil, flow.DateOf(t0)))
		}, "closed_days: 0 closes, but the audit trail closed 1 days"},
		{"edit_a_close", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketClosedDays)
			k, v := b.Cursor().First()
			return b.Put(k, bytes.Replace(copyBytes(v), []byte(`"by":"Maria"`), []byte(`"by":"Petro"`), 1))
		}, "the close of 2024-03-15 is not as its day_close event"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := copyFile(t, orig)
			editRaw(t, p, tc.edit)
			_, err := CheckFile(p, CheckOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.names) {
				var ce *CheckError
				errors.As(err, &ce)
				t.Errorf("check: %v, want it to name %q (all: %v)", err, tc.names, ce)
			}
		})
	}
}

// TestFlagsKept: the fraud flags are judged at the save, kept in the day
// index and explained the same from the case, at the cash threshold and one
// step above it.
func TestFlagsKept(t *testing.T) {
	s, _ := deskStore(t)
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	for _, tc := range []struct {
		name    string
		price   int64
		flagged bool
	}{{"cash_20000.01_flagged", 2000001, true}, {"cash_20000.00_not", 2000000, false}} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCase(t0, "olena", "R-8"+tc.name, "")
			c.Sale.Price = uah(tc.price)
			walkToDecision(t, s, c, t0, "DD"+tc.name[6:12])
			must(t, c.Complete(flow.StepDecision))
			must(t, c.Move(flow.StatusDecided))
			must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
			must(t, errOf(s.RecordRefund(c.ID, uah(tc.price), flow.TenderCash, "Maria", t0)))
			sum := summaryOf(t, s, c.ID)
			if got := sum.Flags.Has(FlagCashRefund); got != tc.flagged {
				t.Errorf("cash_refund %v, want %v (%s)", got, tc.flagged, sum.Flags)
			}
			d, err := s.Detail(c.ID)
			must(t, err)
			var flags Flags
			for _, f := range d.Findings {
				flags |= FlagOf(f.Flag)
			}
			if flags != sum.Flags&^FlagSignedOff {
				t.Errorf("the case explains %s, the index says %s", flags, sum.Flags)
			}
		})
	}
	// a policy with a lower threshold flags the next save
	text, _ := flow.BuiltinFile("generic")
	must(t, s.SaveSettings(Settings{StoreName: "Test store", PolicyName: "generic", TimeZone: "Europe/Kyiv",
		PolicyText: strings.Replace(string(text), `cash_refund_threshold = "20000.00"`, `cash_refund_threshold = "100.00"`, 1)}, "Maria"))
	c := settled(t, s, "R-8003", "DD000003", flow.StatusRefunded)
	if sum := summaryOf(t, s, c.ID); !sum.Flags.Has(FlagCashRefund) {
		t.Errorf("a refund of 19999.00 above a threshold of 100.00: %s", sum.Flags)
	}
}

func TestDayReportCounts(t *testing.T) {
	day := flow.DateOf(t0)
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	sums := []Summary{
		{Outcome: flow.OutcomeRefund, Status: flow.StatusClosed, Amount: uah(100), Tender: flow.TenderCash,
			Flags: FlagRefundPaid | FlagCashRefund | FlagSignedOff},
		{Outcome: flow.OutcomeRefund, Status: flow.StatusRefunded, Amount: uah(250), Tender: flow.TenderCard,
			Flags: FlagRefundPaid | FlagOverride},
		{Outcome: flow.OutcomeRefund, Status: flow.StatusRefunded, Amount: uah(50), Tender: flow.TenderCash,
			Flags: FlagRefundPaid},
		{Outcome: flow.OutcomeRefund, Status: flow.StatusRefundOwed, Amount: uah(700), Due: day.AddDays(-1)},
		{Outcome: flow.OutcomeRefund, Status: flow.StatusRefundOwed, Amount: uah(400), Paid: uah(150),
			Due: day.AddDays(3), Flags: FlagRefundPaid},
		{Outcome: flow.OutcomeEscalate, Status: flow.StatusEscalated, Flags: FlagEscalated},
		{Status: flow.StatusOpen},
	}
	// the payments made on the day: the three refunds paid, the part, and
	// the part of a case of another day
	paid := []DayPayment{{Amount: uah(100), Tender: flow.TenderCash}, {Amount: uah(250), Tender: flow.TenderCard},
		{Amount: uah(50), Tender: flow.TenderCash}, {Amount: uah(150), Tender: flow.TenderCard},
		{Amount: uah(30), Tender: flow.TenderCash}}
	r := NewDayReport(day, sums, paid, day)
	want := map[string]int{"refund": 5, "escalate": 1, "": 1, "exchange": 0}
	for _, c := range r.ByOutcome {
		if n, ok := want[c.Name]; ok && c.N != n {
			t.Errorf("outcome %q: %d, want %d", c.Name, c.N, n)
		}
	}
	if len(r.Refunds) != 2 || r.Refunds[0].Tender != flow.TenderCash || r.Refunds[0].Amount != uah(180) ||
		r.Refunds[0].N != 3 || r.Refunds[1].Amount != uah(400) || r.Refunds[1].N != 2 {
		t.Errorf("refunds by tender %+v", r.Refunds)
	}
	// still owed: 700 and the 250 left of 400
	if r.Owed != 2 || r.Overdue != 1 || r.OwedAmount != uah(950) || r.OwedPaid != uah(150) || r.Escalated != 1 ||
		r.Waiting != 1 || r.Overrides != 1 || r.Flagged != 2 || r.SignedOff != 1 || r.Drafts != 1 || r.RefundsPaid != 5 {
		t.Errorf("report %+v", r)
	}
}

// leadDecided is a case the engine escalated, decided by a shift lead: a
// lead's decision, saved as the kiosk saves it.
func leadDecided(t *testing.T, s *Store, receipt, passport string) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "")
	walkToDecision(t, s, c, t0, passport)
	c.Decision = &flow.Decision{Outcome: flow.OutcomeEscalate, Reason: "the text is silent",
		Clauses: []flow.ClauseID{flow.ClauseWindow}}
	must(t, c.Move(flow.StatusEscalated))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "the law's 14 days", By: "Maria", At: t0}
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusExchanged))
	must(t, s.SaveCase(c, Event{Staff: "Maria", Kind: EventLeadDecision, Time: t0}))
	return c
}

// TestLeadDecisionIsNoOverride: a shift lead deciding a case the engine
// escalated makes a lead's decision: its event says who and why, the day
// index does not flag it an override and the day's report does not count it
// as one; a lead going against the engine does both. A summary an older
// binary wrote with the override bit on a lead's decision still checks.
func TestLeadDecisionIsNoOverride(t *testing.T) {
	s, path := deskStore(t)
	lead := leadDecided(t, s, "R-9001", "EE000001")
	sum := summaryOf(t, s, lead.ID)
	if sum.Flags.Has(FlagOverride) || !sum.Flags.Has(FlagEscalated) {
		t.Errorf("a lead's decision of an escalated case: flags %s, want escalated and no override", sum.Flags)
	}
	d, err := s.Detail(lead.ID)
	must(t, err)
	last := d.Trail[len(d.Trail)-1]
	if last.Kind != EventLeadDecision || last.Staff != "Maria" || last.Outcome != "exchange" ||
		last.Detail != "the law's 14 days" {
		t.Errorf("the lead's decision's event %+v", last)
	}

	over := newCase(t0, "olena", "R-9002", "")
	walkToDecision(t, s, over, t0, "EE000002") // the engine refunds it
	over.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "a scratch from the display", By: "Maria", At: t0}
	must(t, over.Complete(flow.StepDecision))
	must(t, over.Move(flow.StatusDecided))
	must(t, over.Move(flow.StatusExchanged))
	must(t, s.SaveCase(over, Event{Staff: "Maria", Kind: EventOverride, Time: t0}))
	if sum := summaryOf(t, s, over.ID); !sum.Flags.Has(FlagOverride) {
		t.Errorf("an override: flags %s, want override", sum.Flags)
	}
	sums, err := s.Day(flow.DateOf(t0))
	must(t, err)
	if r := NewDayReport(flow.DateOf(t0), sums, nil, flow.DateOf(t0)); r.Overrides != 1 || r.Escalated != 1 {
		t.Errorf("report: %d overrides, %d escalated; want 1 and 1", r.Overrides, r.Escalated)
	}
	must(t, s.Close())

	editRaw(t, path, func(tx *bolt.Tx) error { // as a binary that counted it an override wrote it
		days := tx.Bucket(bucketDays)
		cur := days.Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if caseID(k[dayLen:]) != lead.ID {
				continue
			}
			old, err := decodeSummary(lead.ID, flow.DateOf(t0), v)
			must(t, err)
			old.Flags |= FlagOverride
			return days.Put(copyBytes(k), old.encode())
		}
		t.Fatal("no summary of the lead's decision")
		return nil
	})
	if _, err := CheckFile(path, CheckOptions{}); err != nil {
		t.Errorf("check of a summary with the old override bit: %v", err)
	}
}
