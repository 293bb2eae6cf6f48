package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// Records the kiosk trusts (the settings, each staff account, each till)
// are each hashed on the last audit event that wrote them (RecordHash).
// The record_events index names that event for each record ("settings",
// "staff:NAME", "till:NAME" -> seq), kept by appendEvent itself, so that a
// record is verified as it is read: a record changed outside the program
// no longer matches its event, and is refused by name, never used, and
// never written over by an ordinary write that would hash it again.

// ErrTampered is a record that does not match the audit trail.
var ErrTampered = flow.Errorf(flow.EConflict, "a record does not match the audit trail: run returnsdesk check")

// recordKey is the record_events key of the record an event wrote, and
// whether it wrote one: the settings, a staff account (its staff and login
// events), a till (added, changed or removed: a removal has no hash).
func recordKey(ev Event) (string, bool) {
	switch {
	case ev.Kind == EventTill:
		return "till:" + ev.Subject, true
	case ev.RecordHash == "":
		return "", false
	case ev.Kind == EventSettings:
		return "settings", true
	case ev.Kind == EventStaff || ev.Kind == EventLogin:
		return "staff:" + ev.Subject, true
	}
	return "", false
}

// noteRecordEvent keeps, in tx, that ev (as stored) is the last event of
// the record it wrote. Before schema version 8 there is no index to keep.
func noteRecordEvent(tx *bolt.Tx, ev Event) error {
	b := tx.Bucket(bucketRecordEvents)
	if b != nil && ev.Kind == EventRepair && ev.Repair != nil {
		for _, key := range ev.Repair.Dropped { // a dropped record is no longer there to verify
			if err := b.Delete([]byte(key)); err != nil {
				return err
			}
		}
		return nil
	}
	key, ok := recordKey(ev)
	if b == nil || !ok {
		return nil
	}
	if ev.Kind == EventTill && ev.RecordHash == "" { // removed: no record left to verify
		return b.Delete([]byte(key))
	}
	return b.Put([]byte(key), seqKey(ev.Seq))
}

// verifyRecord checks raw, the stored record of key, against the last
// event that wrote it; refused says what a person reads when it does not
// match.
func verifyRecord(tx *bolt.Tx, key string, raw []byte, refused func() error) error {
	b := tx.Bucket(bucketRecordEvents)
	if b == nil {
		return nil // a store not migrated yet (read-only): check verifies it
	}
	seq := b.Get([]byte(key))
	if len(seq) != 8 {
		return refused()
	}
	ev, err := verifiedEvent(tx, seq)
	if err != nil {
		return refused()
	}
	if k, _ := recordKey(ev); k != key || ev.RecordHash != recordHash(raw) {
		return refused()
	}
	return nil
}

// verifiedEvent is event seq (its key) as stored, read and its link
// verified (verifyEvent): the event a trusted record is verified against.
func verifiedEvent(tx *bolt.Tx, seq []byte) (Event, error) {
	v := tx.Bucket(bucketAudit).Get(seq)
	if v == nil {
		return Event{}, fmt.Errorf("the event is missing")
	}
	ev, err := decodeEvent(seq, v)
	if err != nil {
		return ev, err
	}
	return ev, verifyEvent(tx, keyingOf(tx), seq, v)
}

// staffTampered is the refusal of staff account name's record.
func staffTampered(name string) func() error {
	return func() error {
		return refine(ErrTampered, nil, "the staff record of %s does not match the audit trail: run returnsdesk check", name)
	}
}

// tillTampered is the refusal of till name's record.
func tillTampered(name string) func() error {
	return func() error {
		return refine(ErrTampered, nil, "the record of till %s does not match the audit trail: run returnsdesk check",
			printable(name))
	}
}

// settingsTampered is the refusal of the settings record.
func settingsTampered() error {
	return refine(ErrTampered, nil, "the store's settings do not match the audit trail: run returnsdesk check")
}

// staffUnreadable is the refusal of staff account name's record when it
// cannot be decoded (detail says why).
func staffUnreadable(name string, detail error) error {
	return refine(ErrDamaged, detail, "the staff record of %s cannot be read: run returnsdesk check", printable(name))
}

// tillUnreadable is the refusal of till name's record when it cannot be
// decoded.
func tillUnreadable(name string, detail error) error {
	return refine(ErrDamaged, detail, "the record of till %s cannot be read: run returnsdesk check", printable(name))
}

// settingsUnreadable is the refusal of the settings record when it cannot
// be decoded.
func settingsUnreadable(detail error) error {
	return refine(ErrDamaged, detail, "the store's settings cannot be read: run returnsdesk check")
}

// migrateRecordEvents is migration 7 -> 8: the record_events index, from
// the chain's events, each record's last.
func migrateRecordEvents(tx *bolt.Tx, _ time.Time) error {
	if err := createBuckets(tx, [][]byte{bucketRecordEvents}); err != nil {
		return err
	}
	return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
		ev, err := decodeEvent(k, v)
		if err != nil {
			return err
		}
		return noteRecordEvent(tx, ev)
	})
}
