package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// LineCase finds another case than except about the receipt line of sale
// (its receipt number and line; for a sale without a receipt number, its
// serial) that keeps a new case from taking the line: the one whose refund
// of the line was paid, else one still under way. nil when there is none.
// The sale step asks it before saving (flow.CheckLineFree says why); the
// refund's own check inside its write transaction stays the final guard.
func (s *Store) LineCase(sale flow.Sale, except string) (*flow.LineCase, error) {
	var out *flow.LineCase
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		if sale, _, err = importedSaleTx(tx, sale); err != nil { // a line typed without its number
			return err
		}
		if line, err := refundLineKey(sale); err == nil {
			if v := bs.refundLines.Get(line); len(v) == idLen && caseID(v) != except {
				lc, err := lineCaseOf(bs, v, true)
				if lc != nil {
					out = &lc.LineCase
				}
				return err
			}
		}
		out, err = openCaseOnLine(bs, sale, except)
		return err
	})
	return out, err
}

// openCaseOnLine is a case still under way about sale's line, other than
// except, found through the receipt (or serial) index.
func openCaseOnLine(bs *buckets, sale flow.Sale, except string) (*flow.LineCase, error) {
	index, prefix := bs.receipts, textPrefix(normText(sale.Receipt))
	if normText(sale.Receipt) == "" {
		if normSerial(sale.Serial) == "" {
			return nil, nil
		}
		index, prefix = bs.serials, textPrefix(normSerial(sale.Serial))
	}
	c := index.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		_, id, err := tailDayID(k)
		if err != nil {
			return nil, err
		}
		if caseID(id) == except {
			continue
		}
		lc, err := lineCaseOf(bs, id, false)
		if err != nil {
			return nil, err
		}
		if lc == nil || !flow.UnderWay(lc.Status) || !sameLine(lc.sale, sale) {
			continue
		}
		return &lc.LineCase, nil
	}
	return nil, nil
}

// lineCase is a flow.LineCase with the sale it is about.
type lineCase struct {
	flow.LineCase
	sale flow.Sale
}

// lineCaseOf reads case id as a line case; refunded says its refund of the
// line was paid.
func lineCaseOf(bs *buckets, id []byte, refunded bool) (*lineCase, error) {
	rec, doc, err := getCase(bs, id)
	if err != nil || rec == nil {
		return nil, err
	}
	c := doc.Case
	return &lineCase{LineCase: flow.LineCase{ID: c.ID, Day: rec.day, Status: statusOf(c), Step: c.Step,
		Refunded: refunded}, sale: c.Sale}, nil
}

// sameLine reports whether two sales are of one receipt line: the same
// receipt number and line, or with no receipt number, the same serial.
func sameLine(a, b flow.Sale) bool {
	ka, errA := refundLineKey(a)
	kb, errB := refundLineKey(b)
	return errA == nil && errB == nil && bytes.Equal(ka, kb)
}
