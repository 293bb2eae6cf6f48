package store

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// owedCase is a refund owed of price (minor units, UAH) on receipt line 1
// of receipt, due in a week.
func owedCase(t *testing.T, s *Store, receipt string, price int64, passport string) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "")
	c.Sale.Price = flow.Money{Minor: price, Currency: "UAH"}
	walkToDecision(t, s, c, t0, passport)
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	c.TillHasCash = false
	c.Decision.RefundBy = flow.DateOf(t0).AddDays(7)
	must(t, c.Move(flow.StatusRefundOwed))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	return c
}

func uahOf(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }

// TestPartPayments: 100.00 of a 4999.00 refund owed leaves 4899.00 owed,
// in the case, its summary, the queue and the day's report; a payment of
// more than that is refused with the amount in words; another case of the
// same receipt line is refused while this one is still owed; the rest the
// next day makes it refunded, and each payment counts on the day it was
// paid. The store checks on cleanup.
func TestPartPayments(t *testing.T) {
	s, _ := deskStore(t)
	c := owedCase(t, s, "R-9001", 499900, "PA000001")
	twin := owedCase(t, s, "r-9001", 499900, "PA000002") // the same line typed again
	day, next := flow.DateOf(t0), flow.DateOf(t0).AddDays(1)

	first, err := s.RecordRefund(c.ID, uahOf(10000), flow.TenderCash, "Maria", t0.Add(time.Hour))
	must(t, err)
	if first.N != 1 || first.Paid != uahOf(10000) || first.Owed != uahOf(489900) || first.Payment.By != "Maria" ||
		first.Case.Status != flow.StatusRefundOwed {
		t.Errorf("the first payment's payout %+v", first)
	}
	sum := summaryOf(t, s, c.ID)
	if sum.Status != flow.StatusRefundOwed || sum.Owed() != uahOf(489900) || sum.Paid != uahOf(10000) ||
		!sum.Flags.Has(FlagRefundPaid) || sum.Due != day.AddDays(7) {
		t.Errorf("the summary after a part: %+v (owed %s)", sum, sum.Owed())
	}
	q, err := s.DeskQueues(day)
	must(t, err)
	if len(q.Queue(flow.StatusRefundOwed)) != 2 || q.Owed != uahOf(489900+499900) || q.Paid != uahOf(10000) {
		t.Errorf("the queue of refunds owed: owed %s, paid %s, %d cases", q.Owed, q.Paid, len(q.Queue(flow.StatusRefundOwed)))
	}
	r, err := s.DayReport(day, day)
	must(t, err)
	if r.Owed != 2 || r.OwedAmount != uahOf(489900+499900) || r.OwedPaid != uahOf(10000) || r.RefundsPaid != 1 ||
		len(r.Refunds) != 1 || r.Refunds[0] != (TenderSum{Tender: flow.TenderCash, N: 1, Amount: uahOf(10000)}) {
		t.Errorf("the day's report after a part: %+v", r)
	}
	trail, _ := s.Trail(c.ID)
	if last := trail[len(trail)-1]; last.Kind != EventRefundPaid || last.Status != flow.StatusRefundOwed ||
		last.Detail != "refund of 100.00 UAH paid in cash (payment 1); 4899.00 UAH still owed" {
		t.Errorf("the part's event %+v", last)
	}

	// more than is still owed, and another case of the line
	_, err = s.RecordRefund(c.ID, uahOf(489901), flow.TenderCash, "Maria", t0.Add(2*time.Hour))
	if !errors.Is(err, flow.ErrOverpayment) || flow.Message(err) != "only 4899.00 UAH is still owed: a payment cannot be more" {
		t.Errorf("a payment above what is owed: %v (%q)", err, flow.Message(err))
	}
	_, err = s.RecordRefund(twin.ID, uahOf(100), flow.TenderCash, "Maria", t0.Add(2*time.Hour))
	if !errors.Is(err, ErrAlreadyRefunded) || !strings.Contains(flow.Message(err), "in case "+c.ID) {
		t.Errorf("another case of the line: %v", err)
	}

	// the rest, the next day, by card
	rest, err := s.RecordRefund(c.ID, uahOf(489900), flow.TenderCard, "Maria", t0.AddDate(0, 0, 1))
	must(t, err)
	if rest.N != 2 || rest.Paid != uahOf(499900) || !rest.Owed.IsZero() || rest.Case.Status != flow.StatusRefunded ||
		rest.Payment.Day != next {
		t.Errorf("the rest's payout %+v", rest)
	}
	d, err := s.Detail(c.ID)
	must(t, err)
	if len(d.Payments) != 2 || d.Paid() != uahOf(499900) || !d.Owed.IsZero() || d.Summary.Status != flow.StatusRefunded ||
		d.Summary.Amount != uahOf(499900) || d.Summary.Tender != flow.TenderCard {
		t.Errorf("the case paid in full: %+v", d)
	}
	if p, ok := d.Payout(1); !ok || p.N != 1 || p.Owed != first.Owed || p.Paid != first.Paid {
		t.Errorf("the first payout read back: %+v", p)
	}
	for _, tc := range []struct {
		day  flow.Date
		want []TenderSum
		owed int
	}{
		{day, []TenderSum{{Tender: flow.TenderCash, N: 1, Amount: uahOf(10000)}}, 1},
		{next, []TenderSum{{Tender: flow.TenderCard, N: 1, Amount: uahOf(489900)}}, 0},
	} {
		r, err := s.DayReport(tc.day, next)
		must(t, err)
		if len(r.Refunds) != len(tc.want) || r.Refunds[0] != tc.want[0] || r.Owed != tc.owed {
			t.Errorf("the report of %s: %+v, owed %d", tc.day, r.Refunds, r.Owed)
		}
	}
	if _, err := s.RecordRefund(c.ID, uahOf(1), flow.TenderCash, "Maria", t0.AddDate(0, 0, 1)); !errors.Is(err, ErrAlreadyRefunded) {
		t.Errorf("a payment of a refund paid in full: %v", err)
	}
	if _, err := s.RecordRefund(twin.ID, uahOf(100), flow.TenderCash, "Maria", t0.AddDate(0, 0, 1)); !errors.Is(err, ErrAlreadyRefunded) {
		t.Errorf("another case of the line, once it is paid: %v", err)
	}
}

// TestPartThenSavedRefunded: a refund owed paid in part and then saved as
// refunded (the kiosk pays at the till) pays what is still owed.
func TestPartThenSavedRefunded(t *testing.T) {
	s, _ := deskStore(t)
	c := owedCase(t, s, "R-9002", 499900, "PA000003")
	must(t, errOf(s.RecordRefund(c.ID, uahOf(100000), flow.TenderCard, "Maria", t0)))
	c, err := s.Case(c.ID)
	must(t, err)
	must(t, c.Move(flow.StatusRefunded))
	must(t, s.SaveCase(c, Event{Staff: "olena", Time: t0.Add(time.Hour)}))
	d, err := s.Detail(c.ID)
	must(t, err)
	if len(d.Payments) != 2 || d.Payments[1].Amount != uahOf(399900) || d.Payments[1].Tender != flow.TenderCash {
		t.Errorf("the rest paid at the save: %+v", d.Payments)
	}
	if last := d.Trail[len(d.Trail)-1]; last.Detail != "refund of 3999.00 UAH paid in cash (payment 2): paid in full" {
		t.Errorf("its event %+v", last)
	}
}

// TestPaymentOnAClosedDay: a payment made after its day was closed is
// taken, and counts on the next day, as a case opened then would; the
// closed day's report stays as it was.
func TestPaymentOnAClosedDay(t *testing.T) {
	s, _ := deskStore(t)
	c := owedCase(t, s, "R-9003", 499900, "PA000004")
	closing, err := s.CloseDay(flow.DateOf(t0), "Maria", t0.Add(3*time.Hour))
	must(t, err)
	p, err := s.RecordRefund(c.ID, uahOf(100), flow.TenderCash, "Maria", t0.Add(4*time.Hour))
	must(t, err)
	next := flow.DateOf(t0).AddDays(1)
	if p.Payment.Day != next {
		t.Errorf("a payment after the close counts on %s, not %s", p.Payment.Day, next)
	}
	r, err := s.DayReport(next, next)
	must(t, err)
	if r.RefundsPaid != 1 {
		t.Errorf("the next day's report: %+v", r)
	}
	if c, _ := s.DayClosing(flow.DateOf(t0)); c == nil || c.Report.RefundsPaid != closing.Report.RefundsPaid {
		t.Errorf("the closed day's report changed: %+v", c)
	}
}

// makeV5 turns the closed store at path into what the code before part
// payments wrote: each case's payment as its one "refund" (with a note
// event carrying the case's hash, as a save would have), version 2
// summaries, no payments bucket, version 5. The cases named in refunded
// were refunded for what was paid of them, as that code did.
func makeV5(t *testing.T, path string, refunded ...string) {
	t.Helper()
	unkeyChain(t, path)
	editRaw(t, path, func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		must(t, err)
		var ids [][]byte
		must(t, bs.cases.ForEach(func(k, _ []byte) error { ids = append(ids, copyBytes(k)); return nil }))
		for _, k := range ids {
			rec, oldDoc, err := getCase(bs, k)
			must(t, err)
			doc := oldDoc
			doc.Case = new(*oldDoc.Case)
			if len(doc.Payments) > 1 {
				t.Fatal("a version 5 case has one refund at most")
			}
			if slices.Contains(refunded, doc.Case.ID) {
				doc.Case.Status = flow.StatusRefunded
			}
			seq, err := nextSeq(tx)
			must(t, err)
			doc.Events = append(doc.Events, seq)
			_, err = writeCase(bs, k, rec.day, doc, oldDoc.Case) // its indexes and summary
			must(t, err)
			if len(doc.Payments) == 1 {
				doc.Refund, doc.Payments = &doc.Payments[0], nil
			}
			raw, _ := json.Marshal(doc)
			must(t, bs.cases.Put(k, encodeCase(rec.day, raw)))
			_, err = appendEvent(tx, Event{Time: t0, Staff: "system", CaseID: doc.Case.ID, Kind: EventNote,
				Status: statusOf(doc.Case), RecordHash: recordHash(raw), Detail: "as version 5 wrote it"})
			must(t, err)
			v := bs.days.Get(dayIDKey(rec.day, k))
			if v[len(v)-2] != 0 || v[len(v)-1] != 0 { // paid, then taken
				t.Fatal("a version 5 summary has nothing paid of a refund owed, and no replacement")
			}
			must(t, bs.days.Put(dayIDKey(rec.day, k), append([]byte{2}, v[1:len(v)-2]...)))
		}
		must(t, tx.DeleteBucket(bucketPayments))
		return putVersion(tx, 5)
	})
}

// TestOldRefundsRead: a store written before part payments (each refund
// one "refund" in its case) is migrated and checks: its refunds read as one
// payment each, counted on the day they were paid; a case refunded for
// less than the price then stays refunded; a refund owed there is paid in
// parts after; the store checks before and after.
func TestOldRefundsRead(t *testing.T) {
	s, path := deskStore(t)
	full := settled(t, s, "R-9101", "PB000001", flow.StatusRefunded)
	owed := owedCase(t, s, "R-9102", 499900, "PB000002")
	short := owedCase(t, s, "R-9103", 499900, "PB000003")
	must(t, errOf(s.RecordRefund(short.ID, uahOf(10000), flow.TenderCard, "Maria", t0.AddDate(0, 0, 2))))
	must(t, s.Close())
	makeV5(t, path, short.ID)
	if _, err := CheckFile(path, CheckOptions{}); err == nil || !strings.Contains(err.Error(), "schema version 5") {
		t.Fatalf("the version 5 store's check: %v", err)
	}
	s, err := Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s)
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatalf("check after the migration: %v", err)
	}
	d, err := s.Detail(full.ID)
	must(t, err)
	if len(d.Payments) != 1 || d.Payments[0].Amount != full.Sale.Price || d.Payments[0].Tender != flow.TenderCash ||
		d.Summary.Status != flow.StatusRefunded || !d.Owed.IsZero() {
		t.Errorf("an old refund read: %+v", d)
	}
	// refunded for less than the price, as version 5 allowed: it stays so
	d, err = s.Detail(short.ID)
	must(t, err)
	if d.Summary.Status != flow.StatusRefunded || d.Paid() != uahOf(10000) || !d.Owed.IsZero() ||
		d.Summary.Amount != uahOf(10000) {
		t.Errorf("an old short refund read: %+v", d)
	}
	r, err := s.DayReport(flow.DateOf(t0).AddDays(2), flow.DateOf(t0))
	must(t, err)
	if len(r.Refunds) != 1 || r.Refunds[0] != (TenderSum{Tender: flow.TenderCard, N: 1, Amount: uahOf(10000)}) {
		t.Errorf("an old refund is not counted on the day it was paid: %+v", r.Refunds)
	}
	// a sign-off writes the case again, now with its payments
	must(t, s.SignOff(full.ID, "Maria", t0.Add(time.Hour)))
	must(t, errOf(s.RecordRefund(owed.ID, uahOf(10000), flow.TenderCash, "Maria", t0.Add(time.Hour))))
	if sum := summaryOf(t, s, owed.ID); sum.Owed() != uahOf(489900) {
		t.Errorf("an old refund owed, paid in part: %+v", sum)
	}
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Errorf("check after the old cases were written again: %v", err)
	}
}
