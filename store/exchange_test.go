package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	bolt "go.etcd.io/bbolt"
)

// exchangeCase is a case walked to an exchange of its 19 999,00 item for a
// replacement at price (minor), the difference in cash, settled as the
// kiosk settles it (flow's Settles): paid or taken at the till, or owed
// when the till lacks cash.
func exchangeCase(t *testing.T, s *Store, receipt string, price int64, tillHasCash bool) *flow.Case {
	t.Helper()
	c := newCase(t0, "olena", receipt, "490154203237518")
	walkToDecision(t, s, c, t0, "EX"+receipt[len(receipt)-6:])
	c.Request.Wants = flow.WantExchange
	p, err := flow.Builtin("generic")
	must(t, err)
	d, err := flow.Decide(c, p, t0)
	must(t, err)
	if c.Decision = &d; d.Outcome != flow.OutcomeExchange {
		t.Fatalf("the exchange is a %s", d.Outcome)
	}
	must(t, c.Complete(flow.StepDecision))
	c.TillHasCash = tillHasCash
	r := flow.Replacement{Model: "Phone X 256GB", Serial: "SN-REPL-" + receipt, Price: uahOf(price),
		Tender: flow.TenderCash, Given: t0, By: "olena"}
	must(t, flow.CheckReplacement(c, r))
	c.Replacement = &r
	if c.Refunds() {
		r.RefundBy = p.RefundDueFor(c, t0)
	}
	must(t, c.Complete(flow.StepReplacement))
	to, err := c.Settles()
	must(t, err)
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(to))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	return c
}

// checked runs the store's check and fails on any problem.
func checked(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatalf("check: %v", err)
	}
}

// TestExchangeDifferencePaidAtTill: a cheaper replacement with cash in the
// till has its difference refunded as the exchange is saved: one payment
// of the difference in the replacement's tender, the receipt line taken,
// the case exchanged, the day's report counting the refund; the store
// checks; a second payment is refused.
func TestExchangeDifferencePaidAtTill(t *testing.T) {
	s, _ := deskStore(t)
	c := exchangeCase(t, s, "R-EX0001", 1499900, true)
	d, err := s.Detail(c.ID)
	must(t, err)
	if d.Case.Status != flow.StatusExchanged || len(d.Payments) != 1 || d.Payments[0].Amount != uahOf(500000) ||
		d.Payments[0].Tender != flow.TenderCash || !d.Owed.IsZero() {
		t.Fatalf("the exchange paid at the till: status %s, payments %+v, owed %v", d.Case.Status, d.Payments, d.Owed)
	}
	if p, ok := d.Payout(1); !ok || p.Owed.Minor != 0 || p.Paid != uahOf(500000) {
		t.Errorf("its payout %+v", p)
	}
	if sum := summaryOf(t, s, c.ID); sum.Amount != uahOf(500000) || sum.Status != flow.StatusExchanged ||
		sum.Taken.Minor != 0 {
		t.Errorf("its summary %+v", sum)
	}
	rep, err := s.DayReport(flow.DateOf(t0), flow.DateOf(t0))
	must(t, err)
	if rep.RefundsPaid != 1 || len(rep.Refunds) != 1 || rep.Refunds[0].Amount != uahOf(500000) || rep.TakenN != 0 {
		t.Errorf("the day's report: %+v", rep)
	}
	checked(t, s)
	if _, err := s.RecordRefund(c.ID, uahOf(100), flow.TenderCash, "Maria", t0); !errors.Is(err, ErrAlreadyRefunded) {
		t.Errorf("a second payment of the difference: %v", err)
	}
	lc, err := s.LineCase(c.Sale, "")
	must(t, err)
	if lc == nil || lc.ID != c.ID {
		t.Errorf("the receipt line's case: %+v", lc)
	}
	checked(t, s)
}

// TestExchangeDifferenceOwed: a cheaper replacement while the till lacks
// cash owes its difference by the policy's day: in the desk's queue with
// the difference owed, paid in part, more than the rest refused, then the
// rest: the case is exchanged, each payment counted on the day it was
// paid. The store checks after each step.
func TestExchangeDifferenceOwed(t *testing.T) {
	s, _ := deskStore(t)
	c := exchangeCase(t, s, "R-EX0002", 1499900, false)
	day := flow.DateOf(t0)
	if c.Status != flow.StatusRefundOwed || c.RefundBy() != day.AddDays(7) {
		t.Fatalf("the exchange owed: %s by %v", c.Status, c.RefundBy())
	}
	sum := summaryOf(t, s, c.ID)
	if sum.Owed() != uahOf(500000) || sum.Due != day.AddDays(7) {
		t.Errorf("its summary owes %v by %v", sum.Owed(), sum.Due)
	}
	q, err := s.DeskQueues(day)
	must(t, err)
	if owed := q.Queue(flow.StatusRefundOwed); len(owed) != 1 || owed[0].ID != c.ID || q.Owed != uahOf(500000) {
		t.Errorf("the desk's queue: %+v, owed %v", owed, q.Owed)
	}
	checked(t, s)

	part, err := s.RecordRefund(c.ID, uahOf(200000), flow.TenderCash, "Maria", t0.Add(time.Hour))
	must(t, err)
	if part.Owed != uahOf(300000) || part.Case.Status != flow.StatusRefundOwed {
		t.Errorf("the part payment's payout: %+v", part)
	}
	checked(t, s)
	_, err = s.RecordRefund(c.ID, uahOf(300001), flow.TenderCash, "Maria", t0.Add(time.Hour))
	if !errors.Is(err, flow.ErrOverpayment) || !strings.Contains(flow.Message(err), "3000.00") {
		t.Errorf("more than the rest of the difference: %v", err)
	}
	next := t0.AddDate(0, 0, 1)
	rest, err := s.RecordRefund(c.ID, uahOf(300000), flow.TenderCard, "Maria", next)
	must(t, err)
	if rest.Owed.Minor != 0 || rest.Case.Status != flow.StatusExchanged || rest.N != 2 {
		t.Errorf("the rest's payout: %+v", rest)
	}
	checked(t, s)
	for _, want := range []struct {
		day  flow.Date
		paid int64
	}{{day, 200000}, {day.AddDays(1), 300000}} {
		rep, err := s.DayReport(want.day, want.day)
		must(t, err)
		if rep.RefundsPaid != 1 || rep.Refunds[0].Amount != uahOf(want.paid) {
			t.Errorf("%s's report: %+v", want.day, rep.Refunds)
		}
	}
	rep, err := s.DayReport(day, day.AddDays(1))
	must(t, err)
	if rep.Owed != 0 || rep.OwedAmount.Minor != 0 {
		t.Errorf("the day still owes %d (%v)", rep.Owed, rep.OwedAmount)
	}
}

// TestExchangeDearer: a dearer replacement is paid for by the customer:
// no refund, no payment, the receipt line not taken, the difference taken
// in the summary and the day's report. The same price takes nothing.
func TestExchangeDearer(t *testing.T) {
	s, _ := deskStore(t)
	c := exchangeCase(t, s, "R-EX0003", 2499900, true)
	same := exchangeCase(t, s, "R-EX0004", 1999900, true)
	for _, x := range []*flow.Case{c, same} {
		d, err := s.Detail(x.ID)
		must(t, err)
		if d.Case.Status != flow.StatusExchanged || len(d.Payments) != 0 {
			t.Errorf("%s: %s, payments %+v", x.Sale.Receipt, d.Case.Status, d.Payments)
		}
	}
	if sum := summaryOf(t, s, c.ID); sum.Taken != uahOf(500000) || sum.Tender != flow.TenderCash {
		t.Errorf("the dearer exchange's summary: %+v", sum)
	}
	if sum := summaryOf(t, s, same.ID); sum.Taken.Minor != 0 {
		t.Errorf("the same price took %v", sum.Taken)
	}
	rep, err := s.DayReport(flow.DateOf(t0), flow.DateOf(t0))
	must(t, err)
	if rep.TakenN != 1 || len(rep.Taken) != 1 || rep.Taken[0].Amount != uahOf(500000) || rep.RefundsPaid != 0 {
		t.Errorf("the day's report: taken %+v (%d), refunds %d", rep.Taken, rep.TakenN, rep.RefundsPaid)
	}
	checked(t, s)
	must(t, c.Move(flow.StatusClosed))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "act", Time: t0}))
	if sum := summaryOf(t, s, c.ID); sum.Taken != uahOf(500000) {
		t.Errorf("the closed exchange's summary lost what was taken: %+v", sum)
	}
	checked(t, s)
}

// TestExchangeStatusGuarded: a refund cannot be saved as exchanged, nor an
// exchange as refunded.
func TestExchangeStatusGuarded(t *testing.T) {
	s, _ := deskStore(t)
	r := newCase(t0, "olena", "R-EX0005", "")
	walkToDecision(t, s, r, t0, "EX000005")
	must(t, r.Complete(flow.StepDecision))
	must(t, r.Move(flow.StatusDecided))
	must(t, r.Move(flow.StatusExchanged))
	if err := s.SaveCase(r, Event{Staff: "olena", Kind: EventDecision, Time: t0}); err == nil ||
		!strings.Contains(flow.Message(err), "cannot be exchanged") {
		t.Errorf("a refund saved as exchanged: %v", err)
	}
	checked(t, s)
}

// TestExchangeReplacementChecked: an exchange's replacement is checked as
// the case settles: one without its model is refused, naming the field.
func TestExchangeReplacementChecked(t *testing.T) {
	s, _ := deskStore(t)
	c := newCase(t0, "olena", "R-EX0006", "490154203237518")
	walkToDecision(t, s, c, t0, "EX000006")
	c.Request.Wants = flow.WantExchange
	p, err := flow.Builtin("generic")
	must(t, err)
	d, err := flow.Decide(c, p, t0)
	must(t, err)
	c.Decision = &d
	must(t, c.Complete(flow.StepDecision))
	c.Replacement = &flow.Replacement{Serial: "SN-7", Price: uahOf(1999900)}
	must(t, c.Complete(flow.StepReplacement))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusExchanged))
	err = s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0})
	var fe *flow.FieldError
	if !errors.As(err, &fe) || fe.Field != "replacement.model" {
		t.Fatalf("an exchange without the replacement's model saved: %v", err)
	}
	checked(t, s)
}

// TestCheckKnowsTheDifference: the check holds an exchange's payments to
// its difference: a cheaper replacement exchanged with nothing paid, a
// payment of more than the difference, and a difference owed once paid in
// full are each a problem; the exchange as the store wrote it is none.
func TestCheckKnowsTheDifference(t *testing.T) {
	s, _ := deskStore(t)
	c := exchangeCase(t, s, "R-EX0007", 1499900, true)
	k, err := caseKey(c.ID)
	must(t, err)
	run := func(edit func(doc *caseDoc)) []problem {
		var p problems
		must(t, s.view(func(tx *bolt.Tx) error {
			bs, _, doc, err := caseInTx(tx, k)
			if err != nil {
				return err
			}
			doc.Case = new(*doc.Case)
			edit(&doc)
			checkCaseRefund(bs, k, doc, &p)
			return nil
		}))
		return p.list
	}
	if got := run(func(*caseDoc) {}); len(got) != 0 {
		t.Fatalf("the exchange as written: %v", got)
	}
	for name, edit := range map[string]func(doc *caseDoc){
		"exchanged with nothing paid": func(doc *caseDoc) { doc.Payments = nil },
		"more than the difference paid": func(doc *caseDoc) {
			doc.Payments = append(doc.Payments, doc.Payments[0])
		},
		"owed once paid in full": func(doc *caseDoc) { doc.Case.Status = flow.StatusRefundOwed },
	} {
		if got := run(edit); len(got) == 0 {
			t.Errorf("%s: no problem found", name)
		}
	}
}
