package store

import (
	"encoding/binary"
	"fmt"
	"time"

	"example.com/returnsdesk/flow"
	bolt "go.etcd.io/bbolt"
)

// refundRecord is a refund paid out.
type refundRecord struct {
	Amount flow.Money  `json:"amount"`
	Tender flow.Tender `json:"tender"`
	By     string      `json:"by"`
	At     time.Time   `json:"at"`
	Day    flow.Date   `json:"day"` // the day it was paid, in the store's time zone
}

// payment is a refund to record with a save: RecordRefund's arguments.
type payment struct {
	amount flow.Money
	tender flow.Tender
	by     string
	now    time.Time
}

func (r *refundRecord) detail() string {
	return fmt.Sprintf("refund of %s paid in %s", r.Amount, r.Tender)
}

// payRefundTx checks a refund (flow.CheckRefund, and that its receipt line
// was not refunded before) and records its receipt line; the caller
// stores the record once its event has a seq. from is the case's stored
// status; c is the case being saved.
func (s *Store) payRefundTx(bs *buckets, id []byte, c *flow.Case, from flow.Status, pay *payment) (*refundRecord, error) {
	if from == flow.StatusRefunded || from == flow.StatusClosed {
		return nil, aboutCase(ErrAlreadyRefunded, c.ID)
	}
	if err := flow.CheckRefund(c, pay.amount, pay.tender); err != nil {
		return nil, err
	}
	cur := flow.RefundCurrency(pay.amount)
	line, err := refundLineKey(c.Sale)
	if err != nil {
		return nil, err
	}
	if other := bs.refundLines.Get(line); other != nil {
		return nil, refine(ErrAlreadyRefunded, caseDetail(c.ID), "%s, in case %s (receipt %s, line %d)",
			ErrAlreadyRefunded.Message, caseIDOf(other), c.Sale.Receipt, c.Sale.Line)
	}
	if err := bs.refundLines.Put(line, id); err != nil {
		return nil, err
	}
	return &refundRecord{Amount: flow.Money{Minor: pay.amount.Minor, Currency: cur}, Tender: pay.tender,
		By: pay.by, At: pay.now.UTC(), Day: s.Today(pay.now)}, nil
}

// RecordRefund records a refund paid out for a case decided as a refund
// (decided, or a refund owed), in one transaction: the refund, the case moved
// to refunded, its indexes and a refund_paid event. It refuses more than the
// price of the case's item, a currency other than the sale's, and a second
// refund of the same receipt line from any case: two terminals cannot pay
// the same line twice, as the check runs inside the write transaction.
func (s *Store) RecordRefund(caseID string, amount flow.Money, tender flow.Tender, by string, now time.Time) error {
	id, err := caseKey(caseID)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		bs, _, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		c := doc.Case
		if st := statusOf(c); !flow.CanMove(st, flow.StatusRefunded) {
			if st == flow.StatusRefunded || st == flow.StatusClosed {
				return aboutCase(ErrAlreadyRefunded, caseID)
			}
			return caseErrorf(flow.EConflict, caseID, "the case is %s: there is no refund to pay", st)
		}
		c.Status = flow.StatusRefunded
		pay := &payment{amount: amount, tender: tender, by: by, now: now}
		amount.Currency = flow.RefundCurrency(amount)
		return s.saveCaseTx(tx, bs, id, c, Event{Time: now, Staff: by, Kind: EventRefundPaid,
			Outcome: string(flow.OutcomeRefund), Detail: fmt.Sprintf("refund of %s paid in %s", amount, tender)}, pay)
	})
	if err == nil {
		s.log.Info("refund paid", "case", caseID, "amount", amount.String(), "tender", string(tender), "by", by)
	}
	return err
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

// payment is a refund record as flow sees it.
func (r *refundRecord) payment() *flow.Payment {
	if r == nil {
		return nil
	}
	return &flow.Payment{Amount: r.Amount, Tender: r.Tender, By: r.By, Day: r.Day}
}
