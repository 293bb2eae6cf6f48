package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	bolt "go.etcd.io/bbolt"
)

// indexEntry is one key a case puts in an index bucket.
type indexEntry struct {
	bucket *bolt.Bucket
	key    []byte
}

// indexEntries is every index key of a case (the day summary aside).
func indexEntries(bs *buckets, c *flow.Case, day flow.Date, id []byte) ([]indexEntry, error) {
	var out []indexEntry
	if r := normText(c.Sale.Receipt); r != "" {
		out = append(out, indexEntry{bs.receipts, textKey(r, day, id)})
	}
	if sn := normSerial(c.Sale.Serial); sn != "" {
		out = append(out, indexEntry{bs.serials, textKey(sn, day, id)})
	}
	if c.Passport.Key != "" {
		mac, err := hex.DecodeString(c.Passport.Key)
		if err != nil || len(mac) != sha256.Size {
			return nil, flow.Errorf(flow.EInvalid, "the passport's key is not one this store made: fill the passport with MaskPassport")
		}
		out = append(out, indexEntry{bs.passports, passportIndexKey(mac, day, id)})
	}
	if st := statusOf(c); flow.UnderWay(st) {
		out = append(out, indexEntry{bs.statuses, statusKey(st, dueOf(c), day, id)})
	}
	if name := normStaff(c.OpenedBy); name != "" {
		out = append(out, indexEntry{bs.byStaff, textKey(name, day, id)})
	}
	return out, nil
}

// applyIndex deletes the entries of old that are not in new and puts those
// of new that are not in old: a step that changes no indexed field writes no
// index page.
func applyIndex(old, new []indexEntry) error {
	same := func(a, b indexEntry) bool { return a.bucket == b.bucket && bytes.Equal(a.key, b.key) }
	for _, o := range old {
		found := false
		for _, n := range new {
			found = found || same(o, n)
		}
		if !found {
			if err := o.bucket.Delete(o.key); err != nil {
				return err
			}
		}
	}
	for _, n := range new {
		found := false
		for _, o := range old {
			found = found || same(o, n)
		}
		if !found {
			if err := n.bucket.Put(n.key, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// fromIndex lists the summaries of the index entries under prefix in
// bucket name, in key order, keeping those whose day passes keep.
func (s *Store) fromIndex(name, prefix []byte, keep func(flow.Date) bool) ([]Summary, error) {
	var out []Summary
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = fromIndexTx(tx, name, prefix, keep, loc)
		return err
	})
	return out, err
}

// fromIndexTx is fromIndex in tx, with the times in loc.
func fromIndexTx(tx *bolt.Tx, name, prefix []byte, keep func(flow.Date) bool, loc *time.Location) ([]Summary, error) {
	var out []Summary
	days := tx.Bucket(bucketDays)
	c := tx.Bucket(name).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		day, id, err := tailDayID(k)
		if err != nil {
			return nil, err
		}
		if keep != nil && !keep(day) {
			continue
		}
		v := days.Get(dayIDKey(day, id))
		if v == nil {
			return nil, ErrDamaged.Wrap(fmt.Errorf("the %s index names case %s, which has no day summary", name,
				caseID(id)))
		}
		sum, err := decodeSummary(caseID(id), day, v)
		if err != nil {
			return nil, err
		}
		sum.Time = sum.Time.In(loc)
		out = append(out, sum)
	}
	return out, nil
}

// ByStatus lists the cases in a status that still needs someone: open
// drafts, waiting for documents, escalated, decided, refunds owed (earliest
// due first) and items at the service centre (earliest expected first).
// Final statuses (refunded, exchanged, rejected, closed) are listed by day.
func (s *Store) ByStatus(st flow.Status) ([]Summary, error) {
	if !flow.UnderWay(st) {
		return nil, flow.Errorf(flow.EInvalid, "%s cases are not indexed by status: list them by day", st)
	}
	return s.fromIndex(bucketStatuses, textPrefix(string(st)), nil)
}

// ByReceipt lists the cases about one receipt, oldest first.
func (s *Store) ByReceipt(receipt string) ([]Summary, error) {
	r := normText(receipt)
	if r == "" {
		return nil, nil
	}
	return s.fromIndex(bucketReceipts, textPrefix(r), nil)
}

// BySerial lists the cases about one serial number or IMEI, oldest first.
func (s *Store) BySerial(serial string) ([]Summary, error) {
	sn := normSerial(serial)
	if sn == "" {
		return nil, nil
	}
	return s.fromIndex(bucketSerials, textPrefix(sn), nil)
}

// ByStaff lists the cases a staff member opened on one day.
func (s *Store) ByStaff(name string, day flow.Date) ([]Summary, error) {
	n := normStaff(name)
	if n == "" {
		return nil, nil
	}
	return s.fromIndex(bucketByStaff, appendDay(textPrefix(n), day), nil)
}

// RepeatReturns lists the cases with the same passport (its Key from
// MaskPassport) filed on or after since, oldest first.
func (s *Store) RepeatReturns(passportKey string, since flow.Date) ([]Summary, error) {
	mac, err := hex.DecodeString(strings.TrimSpace(passportKey))
	if err != nil || len(mac) != sha256.Size {
		return nil, flow.Errorf(flow.EInvalid, "not a passport key: use the Key of MaskPassport")
	}
	return s.fromIndex(bucketPassports, mac, func(d flow.Date) bool { return !d.Before(since) })
}

// textKey is TEXT 0x00 day(4) id(16): the key of the receipts, serials and
// by_staff indexes.
func textKey(text string, day flow.Date, id []byte) []byte {
	k := make([]byte, 0, len(text)+1+dayLen+idLen)
	k = append(k, text...)
	k = append(k, 0)
	return append(appendDay(k, day), id...)
}

// textPrefix is TEXT 0x00: every entry of one receipt, serial or staff member.
func textPrefix(text string) []byte { return append([]byte(text), 0) }

// statusKey is STATUS 0x00 due(4) day(4) id(16).
func statusKey(s flow.Status, due, day flow.Date, id []byte) []byte {
	k := make([]byte, 0, len(s)+1+2*dayLen+idLen)
	k = append(k, s...)
	k = append(k, 0)
	k = appendDay(k, due)
	return append(appendDay(k, day), id...)
}

// passportKey is hmac(32) day(4) id(16).
func passportIndexKey(mac []byte, day flow.Date, id []byte) []byte {
	k := make([]byte, 0, len(mac)+dayLen+idLen)
	k = append(k, mac...)
	return append(appendDay(k, day), id...)
}

// tailDayID reads the day(4) id(16) that ends every index key.
func tailDayID(k []byte) (flow.Date, []byte, error) {
	if len(k) < dayLen+idLen {
		return flow.Date{}, nil, ErrDamaged.Wrap(fmt.Errorf("an index key of %d bytes is too short", len(k)))
	}
	t := k[len(k)-dayLen-idLen:]
	return dayOf(binary.BigEndian.Uint32(t[:dayLen])), t[dayLen:], nil
}

// normText is a receipt number or a name as the indexes keep it: trimmed,
// upper-cased, without NUL bytes.
func normText(s string) string { return flow.NormText(s) }

// normSerial is a serial number or IMEI as the index keeps it: upper-cased,
// without spaces, dashes or NUL bytes (flow.NormSerial).
func normSerial(s string) string { return flow.NormSerial(s) }
