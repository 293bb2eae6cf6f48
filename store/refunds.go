package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"example.com/returnsdesk/flow"
	bolt "go.etcd.io/bbolt"
)

// A refund is paid in one payment or several (flow.CheckPayment): each is
// kept in the case, in order, with an index entry under the day it was
// paid (the payments bucket), so that a day's report counts the money that
// left the tills that day. The receipt line's refund_lines entry is taken
// by the case's first payment: its later payments go on, another case's
// are refused.

// refundRecord is one payment of a refund, as the case keeps it.
type refundRecord struct {
	Amount flow.Money  `json:"amount"`
	Tender flow.Tender `json:"tender"`
	By     string      `json:"by"`
	At     time.Time   `json:"at"`
	Day    flow.Date   `json:"day"` // the day it was paid, in the store's time zone
}

// payment is a payment to record with a save: RecordRefund's arguments.
type payment struct {
	amount flow.Money
	tender flow.Tender
	by     string
	now    time.Time
}

// flowPayment is the record as flow sees it.
func (r refundRecord) flowPayment() flow.Payment {
	return flow.Payment{Amount: r.Amount, Tender: r.Tender, By: r.By, At: r.At, Day: r.Day}
}

// flowPayments are the records as flow sees them.
func flowPayments(recs []refundRecord) []flow.Payment {
	var out []flow.Payment
	for _, r := range recs {
		out = append(out, r.flowPayment())
	}
	return out
}

// Payout is one payment of a refund, for the slip the customer signs when
// the money leaves the till: the case, which payment it is, the payment,
// and where the refund stands after it.
type Payout struct {
	Case    *flow.Case
	N       int          // the payment's number in the case, from 1
	Payment flow.Payment // its At in the store's time zone
	Paid    flow.Money   // paid so far, this payment included
	Owed    flow.Money   // still owed after it
}

// payoutOf is payment n (from 1) of payments, towards c's refund.
func payoutOf(c *flow.Case, payments []flow.Payment, n int) Payout {
	paid := flow.Paid(payments[:n])
	return Payout{Case: c, N: n, Payment: payments[n-1], Paid: paid, Owed: flow.Owed(c.RefundDue(), paid)}
}

// Payout is payment n (from 1) of the case's refund, as its slip shows it;
// false when the case has no such payment.
func (d CaseDetail) Payout(n int) (Payout, bool) {
	if n < 1 || n > len(d.Payments) {
		return Payout{}, false
	}
	return payoutOf(d.Case, d.Payments, n), true
}

// payRefundTx checks a payment towards c's refund after the payments made
// (paid): flow.CheckPayment, and that no other case's refund took the
// receipt line. The payment counts on the day it is made or, once that day
// is closed, on the next day that is not (as a new case is filed). It takes the line for the case at its first payment,
// indexes the payment under its day, and returns its record. from is the
// case's stored status.
func (s *Store) payRefundTx(bs *buckets, id []byte, c *flow.Case, from flow.Status, paid []refundRecord,
	pay *payment) (refundRecord, error) {
	if from == flow.StatusRefunded || from == flow.StatusExchanged || from == flow.StatusClosed {
		return refundRecord{}, aboutCase(ErrAlreadyRefunded, c.ID)
	}
	if err := flow.CheckPayment(c, flowPayments(paid), pay.amount, pay.tender); err != nil {
		return refundRecord{}, err
	}
	day := filingDay(bs, s.Today(pay.now)) // after today's close, the money counts on the next day

	line, err := refundLineKey(c.Sale)
	if err != nil {
		return refundRecord{}, err
	}
	switch other := bs.refundLines.Get(line); {
	case other == nil:
		if err := bs.refundLines.Put(line, id); err != nil {
			return refundRecord{}, err
		}
	case !bytes.Equal(other, id):
		return refundRecord{}, refine(ErrAlreadyRefunded, caseDetail(c.ID), "this receipt line was already refunded, in case %s (receipt %s, line %d)",
			caseIDOf(other), c.Sale.Receipt, c.Sale.Line)
	}
	rec := refundRecord{Amount: flow.Money{Minor: pay.amount.Minor, Currency: flow.RefundCurrency(pay.amount)},
		Tender: pay.tender, By: pay.by, At: pay.now.UTC(), Day: day}
	if err := bs.payments.Put(paymentKey(day, id, len(paid)+1), rec.indexValue()); err != nil {
		return refundRecord{}, err
	}
	return rec, nil
}

// RecordRefund records a payment towards the refund of a case decided as a
// refund (decided, or a refund owed), or of an exchange's difference, in
// one transaction: the payment added to the case's, the case a refund owed
// while anything is still owed and refunded (an exchange: exchanged) once
// the payments come to the refund due, its indexes, the payment's
// entry under the day it is paid, and a refund_paid event. It refuses more
// than is still owed (flow.CheckPayment: the message names it), a currency
// other than the sale's, and a payment of a receipt line another case's
// refund took: two terminals cannot pay
// the same line twice, as the check runs inside the write transaction. It
// returns the payment for its slip.
func (s *Store) RecordRefund(caseID string, amount flow.Money, tender flow.Tender, by string, now time.Time) (Payout, error) {
	id, err := caseKey(caseID)
	if err != nil {
		return Payout{}, err
	}
	var out Payout
	amount.Currency = flow.RefundCurrency(amount)
	err = s.update(func(tx *bolt.Tx) error {
		bs, _, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		c := doc.Case
		switch st := statusOf(c); st {
		case flow.StatusRefunded, flow.StatusExchanged, flow.StatusClosed:
			return aboutCase(ErrAlreadyRefunded, caseID)
		case flow.StatusDecided, flow.StatusRefundOwed:
		default:
			return caseErrorf(flow.EConflict, caseID, "the case is %s: there is no refund to pay", st)
		}
		paid := flow.Paid(flowPayments(doc.Payments))
		paid.Minor += amount.Minor
		owed := flow.Owed(c.RefundDue(), paid)
		c.Status = flow.StatusRefundOwed
		if owed.Minor == 0 {
			c.Status = c.RefundedStatus() // an exchange's difference paid: exchanged
		}
		doc, err = s.saveCaseTx(tx, bs, id, c, Event{Time: now, Staff: by, Kind: EventRefundPaid,
			Outcome: string(flow.OutcomeRefund), Words: paymentWords(amount, tender, len(doc.Payments)+1, owed)},
			&payment{amount: amount, tender: tender, by: by, now: now})
		if err != nil {
			return err
		}
		out = payoutOf(doc.Case, doc.payments(s.Location()), len(doc.Payments))
		return nil
	})
	if err != nil {
		return Payout{}, err
	}
	s.log.Info("refund paid", "case", caseID, "amount", amount.String(), "tender", string(tender), "by", by,
		"payment", out.N, "owed", out.Owed.String())
	return out, nil
}

// paymentWords are a refund_paid event's words: payment n of amount in
// tender, and what is still owed after it.
func paymentWords(amount flow.Money, tender flow.Tender, n int, owed flow.Money) *EventWords {
	switch {
	case owed.Minor > 0:
		return Said("refund of %s paid in %s (payment %d); %s still owed", amount, tender, n, owed)
	case n > 1:
		return Said("refund of %s paid in %s (payment %d): paid in full", amount, tender, n)
	}
	return Said("refund of %s paid in %s", amount, tender)
}

// payments are the case's payments as flow sees them, their times in loc.
func (d caseDoc) payments(loc *time.Location) []flow.Payment {
	out := flowPayments(d.Payments)
	for i := range out {
		out[i].At = out[i].At.In(loc)
	}
	return out
}

// caseIDOf is the case id a refund line points to, or "?" when damaged.
func caseIDOf(v []byte) string {
	if len(v) != idLen {
		return "?"
	}
	return caseID(v)
}

// refundLineKey names the receipt line a refund pays for: RECEIPT 0x00
// line(4), or 0x01 SERIAL for a sale typed without a receipt number.
func refundLineKey(s flow.Sale) ([]byte, error) {
	if r := normText(s.Receipt); r != "" {
		k := append([]byte(r), 0)
		return binary.BigEndian.AppendUint32(k, uint32(s.Line)), nil
	}
	if ser := normSerial(s.Serial); ser != "" {
		return append([]byte{1}, ser...), nil
	}
	return nil, flow.ErrRefundNoLine
}

// paymentKeyLen is the length of a payments key: day(4) id(16) n(4).
const paymentKeyLen = dayLen + idLen + 4

// paymentKey is day(4) id(16) n(4): the key of a case's payment n (from 1)
// in the payments bucket, under the day it was paid.
func paymentKey(day flow.Date, id []byte, n int) []byte {
	return binary.BigEndian.AppendUint32(dayIDKey(day, id), uint32(n))
}

// DayPayment is one payment of a refund made on a day, as the payments
// index keeps it: which case, which of its payments, how much, in what
// tender.
type DayPayment struct {
	CaseID string
	N      int
	Amount flow.Money
	Tender flow.Tender
}

// indexValue is the payment as the payments index keeps it: 0x01, then
// the tender and the currency as length-prefixed strings, then the amount
// as a varint.
func (r refundRecord) indexValue() []byte {
	b := []byte{1}
	for _, str := range []string{string(r.Tender), r.Amount.Currency} {
		b = binary.AppendUvarint(b, uint64(len(str)))
		b = append(b, str...)
	}
	return binary.AppendVarint(b, r.Amount.Minor)
}

var errPaymentEntry = errors.New("a payments entry is malformed")

// decodeDayPayment reads a payments entry back; a damaged one is an error.
func decodeDayPayment(k, v []byte) (DayPayment, error) {
	r := byteReader{b: v}
	if len(k) != paymentKeyLen || r.byte() != 1 {
		return DayPayment{}, ErrDamaged.Wrap(errPaymentEntry)
	}
	p := DayPayment{CaseID: caseID(k[dayLen : dayLen+idLen]), N: int(binary.BigEndian.Uint32(k[dayLen+idLen:]))}
	p.Tender, p.Amount.Currency = flow.Tender(r.str()), r.str()
	p.Amount.Minor = r.varint()
	if r.bad || len(r.b) != 0 {
		return DayPayment{}, ErrDamaged.Wrap(fmt.Errorf("%w (case %s)", errPaymentEntry, p.CaseID))
	}
	return p, nil
}

// dayPaymentsTx lists the payments made on a day, in the order of their
// cases.
func dayPaymentsTx(tx *bolt.Tx, day flow.Date) ([]DayPayment, error) {
	b, err := bucket(tx, bucketPayments)
	if err != nil {
		return nil, err
	}
	prefix := appendDay(nil, day)
	var out []DayPayment
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		p, err := decodeDayPayment(k, v)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// withPayment is paid with rec after it, in a new slice.
func withPayment(paid []refundRecord, rec refundRecord) []refundRecord {
	return append(slices.Clip(paid), rec)
}
