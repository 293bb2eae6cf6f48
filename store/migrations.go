package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// schemaV1 lists the buckets of schema version 1.
var schemaV1 = [][]byte{bucketMeta, bucketSettings, bucketStaff, bucketCases, bucketDays, bucketReceipts,
	bucketSerials, bucketPassports, bucketStatuses, bucketByStaff, bucketAudit, bucketTrail, bucketRefundLines}

// schemaVersion is the version this binary writes: len(migrations).
var schemaVersion = uint64(len(migrations))

// migrations take the schema from version i to i+1. They run in order at
// Open, each in its own transaction, and never run on a read-only store.
var migrations = []func(tx *bolt.Tx, now time.Time) error{
	// 0 -> 1: the first schema.
	func(tx *bolt.Tx, now time.Time) error {
		if err := createBuckets(tx, schemaV1); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyApp, appName)
	},
	// 1 -> 2: sales imported from the point of sale.
	func(tx *bolt.Tx, now time.Time) error {
		return createBuckets(tx, [][]byte{bucketSales, bucketSaleSerials})
	},
	// 2 -> 3: each case lists its own events; the trail bucket goes. Each
	// case changed so gets a note, which carries its new hash: the chain is
	// only ever appended to.
	migrateTrailIntoCases,
	// 3 -> 4: the shift lead's desk: closed days, and day summaries with the
	// serial and flow's flags. Only the summaries (an index, hashed nowhere)
	// are rewritten; the cases and the chain stay as they are.
	migrateDesk,
	// 4 -> 5: the tills the kiosk serves over SSH. Only a new, empty bucket:
	// nothing stored before is read or written again.
	func(tx *bolt.Tx, now time.Time) error {
		return createBuckets(tx, [][]byte{bucketTills})
	},
	// 5 -> 6: refunds paid in parts, indexed by the day each was paid. Only
	// the new index is written; the cases stay as they are (a case's one
	// refund is read as its one payment).
	migratePayments,
	// 6 -> 7: the acts kept as numbered documents. Only a new, empty index:
	// the acts written before it stay files, unnumbered.
	func(tx *bolt.Tx, now time.Time) error {
		return createBuckets(tx, [][]byte{bucketActs})
	},
	// 7 -> 8: each trusted record's last event, read from the chain once;
	// from then on every record is verified against it when read.
	migrateRecordEvents,
	// 8 -> 9: the audit chain keyed (store/chainkey.go): the events before
	// it sealed, each one after it linked under the audit key.
	migrateKeyChain,
	// 9 -> 10: the imported sales on the chain: sale_imports, and one event
	// whose manifest covers every sale already stored.
	migrateSaleImports,
}

func createBuckets(tx *bolt.Tx, names [][]byte) error {
	for _, name := range names {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// trailKey is id(16) seq(8): the key of version 2's trail bucket.
func trailKey(id []byte, seq uint64) []byte {
	k := make([]byte, 0, idLen+8)
	k = append(k, id...)
	return binary.BigEndian.AppendUint64(k, seq)
}

// migrateTrailIntoCases is migration 2 -> 3.
func migrateTrailIntoCases(tx *bolt.Tx, now time.Time) error {
	trail := tx.Bucket(bucketTrail)
	if trail == nil {
		return nil
	}
	byCase := map[string][]uint64{}
	var order []string
	err := trail.ForEach(func(k, _ []byte) error {
		if len(k) != idLen+8 {
			return ErrDamaged.Wrap(fmt.Errorf("a trail key of %d bytes", len(k)))
		}
		id := string(k[:idLen])
		if byCase[id] == nil {
			order = append(order, id)
		}
		byCase[id] = append(byCase[id], binary.BigEndian.Uint64(k[idLen:]))
		return nil
	})
	if err != nil {
		return err
	}
	cases := tx.Bucket(bucketCases)
	for _, id := range order {
		v := cases.Get([]byte(id))
		if v == nil {
			continue
		}
		rec, err := decodeCaseRecord(v)
		if err != nil {
			return err
		}
		doc, err := rec.decode(caseID([]byte(id)))
		if err != nil {
			return err
		}
		seq, err := nextSeq(tx)
		if err != nil {
			return err
		}
		doc.Events = append(byCase[id], seq)
		raw, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		if err := cases.Put([]byte(id), encodeCase(rec.day, raw)); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: "system", CaseID: doc.Case.ID, Kind: EventNote,
			Status: statusOf(doc.Case), RecordHash: recordHash(raw),
			Words: Said("schema version 3: the case lists its own events")})
		if err != nil {
			return err
		}
	}
	return tx.DeleteBucket(bucketTrail)
}

// migrateDesk is migration 3 -> 4: the closed_days bucket, and every day
// summary written again from its case (version 2 summaries: the serial, and
// the flags flow.Review finds; a case saved before has no facts for the
// repeat and cash flags, which its next save finds).
func migrateDesk(tx *bolt.Tx, now time.Time) error {
	if err := createBuckets(tx, [][]byte{bucketClosedDays}); err != nil {
		return err
	}
	days := tx.Bucket(bucketDays)
	days.FillPercent = appendFill
	c := tx.Bucket(bucketCases).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		rec, err := decodeCaseRecord(v)
		if err != nil {
			return err
		}
		doc, err := rec.decode(caseID(k))
		if err != nil {
			return err
		}
		sum := summarize(doc, rec.day)
		if err := days.Put(dayIDKey(rec.day, k), sum.encode()); err != nil {
			return err
		}
	}
	return nil
}

// migratePayments is migration 5 -> 6: the payments bucket, with an entry
// for the refund of every case refunded before, under the day it was paid.
// The refunded cases are those the refund_lines bucket names.
func migratePayments(tx *bolt.Tx, now time.Time) error {
	if err := createBuckets(tx, [][]byte{bucketPayments}); err != nil {
		return err
	}
	payments, cases := tx.Bucket(bucketPayments), tx.Bucket(bucketCases)
	return tx.Bucket(bucketRefundLines).ForEach(func(_, id []byte) error {
		id = copyBytes(id)
		v := cases.Get(id)
		if v == nil {
			return ErrDamaged.Wrap(fmt.Errorf("a refunded receipt line names case %s, which is missing", caseIDOf(id)))
		}
		rec, err := decodeCaseRecord(v)
		if err != nil {
			return err
		}
		doc, err := rec.decode(caseID(id))
		if err != nil {
			return err
		}
		for i, p := range doc.Payments {
			if err := payments.Put(paymentKey(p.Day, id, i+1), p.indexValue()); err != nil {
				return err
			}
		}
		return nil
	})
}

// migrate runs the migrations from version `from` on, in tx.
func migrate(tx *bolt.Tx, from uint64, now time.Time) error {
	for v := from; v < schemaVersion; v++ {
		if err := migrations[v](tx, now); err != nil {
			return fmt.Errorf("migration to schema version %d: %w", v+1, err)
		}
		if err := putVersion(tx, v+1); err != nil {
			return err
		}
	}
	return nil
}
