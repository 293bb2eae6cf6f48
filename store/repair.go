package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store/atomicfile"
)

// RepairFile is a shift lead's explicit mending of a store that check
// rejects, when no good backup is at hand. The kiosk must not hold the
// file. A file whose pages are damaged is refused: bbolt's own structure is
// not a repair's to mend. Otherwise the store is copied, record by record,
// into a new file (bbolt's Compact: a clean freelist, no page of the old
// file written again), and there, in one transaction, the repair:
//   - drops every record check finds fault with: a case, a staff account, a
//     till, the settings, each named; and a trusted record whose last event
//     is a broken link, which the kiosk's reads would refuse;
//   - accepts every broken link of the chain, by its seq (the events stay:
//     they are the evidence);
//   - builds every index again from the cases kept (receipts, serials,
//     passports, statuses, by_staff, days, refund_lines, payments, acts,
//     record_events);
//   - appends one repair event, in the lead's name, listing what it dropped
//     and what it accepted (Event.Repair); check reads it: a dropped record's
//     events and an accepted link are no problem after it.
//
// It commits only when check then passes in that same transaction; when
// problems remain that dropping cannot mend, nothing is changed and they
// are returned: restore a backup. Then the old file is kept beside the
// store (returnsdesk.db.before-repair-TIME, a link to it) and the new one
// takes its place, in one rename.

// RepairNote is what a repair event records.
type RepairNote struct {
	// Dropped are the records removed: "case:ID", "staff:NAME", "till:NAME",
	// "settings".
	Dropped []string `json:"dropped,omitempty"`
	// Accepted are the broken links of the chain it took as they are.
	Accepted []uint64 `json:"accepted,omitempty"`
	// Kept is the copy of the file before the repair.
	Kept string `json:"kept,omitempty"`
}

// RepairReport is what Repair did.
type RepairReport struct {
	RepairNote
	Nothing bool   // the store passed its check: nothing was repaired
	Seq     uint64 // the repair event
}

// repairRounds bounds the checks a repair runs to find what to drop: each
// round drops what the one before still found fault with.
const repairRounds = 10

// RepairFile mends the store file at path as the comment above says, for
// the shift lead lead who gives pin. opts name its keys (and a logger).
func RepairFile(path string, opts Options, lead, pin string, now time.Time) (RepairReport, error) {
	var out RepairReport
	// the pages first, by plain reads, before bbolt is handed the file
	if rep, err := checkFile(path, CheckOptions{structure: true}); err != nil && !rep.metaOnly {
		var ce *CheckError
		if !errors.As(err, &ce) {
			return out, err // no store, another process holds it
		}
		return out, refine(ErrDamaged, err, "the store file's pages are damaged, which a repair cannot mend: "+
			"restore a backup")
	}
	ro := opts
	ro.ReadOnly = true
	src, err := Open(path, ro)
	if err != nil {
		return out, err
	}
	defer src.Close()
	if lead, err = src.repairLead(lead, pin); err != nil {
		return out, err
	}
	if _, err := src.check(CheckOptions{}); err == nil {
		_ = os.Remove(VerdictFile(path))
		out.Nothing = true
		return out, nil
	}
	tmp := path + ".repairing"
	defer os.Remove(tmp)
	if err := compactInto(tmp, src); err != nil {
		return out, err
	}
	_ = src.Close()
	if out, err = repairCopy(tmp, path, opts, lead, now); err != nil {
		return out, err
	}
	if out.Kept, err = keepAndReplace(path, tmp, now); err != nil {
		return out, err
	}
	_ = os.Remove(VerdictFile(path))
	src.log.Warn("store repaired", "by", lead, "dropped", out.Dropped, "accepted", out.Accepted, "kept", out.Kept)
	return out, nil
}

// compactInto copies the store, record by record, into a new bbolt file.
func compactInto(tmp string, src *Store) error {
	_ = os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return failed("cannot write the repaired store file", err)
	}
	// inside a view of src's, so that a damaged page met on the way is an
	// error (run's recover), not a crash
	err = src.view(func(*bolt.Tx) error { return bolt.Compact(dst, src.db, 4<<20) })
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failed("cannot write the repaired store file", err)
	}
	return nil
}

// repairCopy plans and applies the repair on the copy at tmp of the store
// at path, whose keys it uses.
func repairCopy(tmp, path string, opts Options, lead string, now time.Time) (RepairReport, error) {
	var out RepairReport
	if opts.KeyFile == "" {
		opts.KeyFile = DefaultKeyFile(path)
	}
	if opts.AuditKeyFile == "" {
		opts.AuditKeyFile = DefaultAuditKeyFile(path)
	}
	opts.ReadOnly = false
	s, err := Open(tmp, opts)
	if err != nil {
		return out, err
	}
	defer s.Close()
	note, err := s.repairPlan(lead, now)
	if err != nil {
		return out, err
	}
	note.Kept = keptName(path, now)
	err = s.run(modeWrite, func(tx *bolt.Tx) error {
		seq, problems, err := applyRepair(tx, note, lead, now)
		if err != nil {
			return err
		}
		if problems != nil {
			return problems
		}
		out.Seq = seq
		return nil
	})
	out.RepairNote = note
	if err != nil {
		return out, err
	}
	return out, s.Close()
}

// keptName is where the file before a repair is kept.
func keptName(path string, now time.Time) string {
	return path + ".before-repair-" + now.UTC().Format("20060102-150405")
}

// keepAndReplace keeps the store file at path as it was (a link beside
// it), then puts the repaired file tmp in its place in one rename: a crash
// leaves one or the other there, never none.
func keepAndReplace(path, tmp string, now time.Time) (string, error) {
	kept := keptName(path, now)
	if err := os.Link(path, kept); err != nil {
		return "", failed("cannot keep the store file before the repair", err)
	}
	if err := atomicfile.Replace(tmp, path); err != nil {
		return "", failed("cannot put the repaired store file in place", err)
	}
	return kept, nil
}

// repairLead checks that lead is an active shift lead whose account is
// sound and whose PIN is pin. Nothing is written: a login event would be a
// write to a rejected store.
func (s *Store) repairLead(lead, pin string) (string, error) {
	var rec *staffRecord
	err := s.view(func(tx *bolt.Tx) (err error) {
		_, rec, err = getStaff(tx, normStaff(lead))
		return err
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return "", ErrBadLogin
	case err != nil:
		return "", err
	case bcrypt.CompareHashAndPassword(rec.PINHash, []byte(pin)) != nil:
		return "", ErrBadLogin
	case rec.Role != flow.RoleLead || !rec.DeactivatedAt.IsZero():
		return "", refine(ErrNotLead, nil, "only an active shift lead repairs the store")
	}
	return rec.Name, nil
}

// repairPlan finds what to drop and which links to accept: it runs the
// repair in transactions it rolls back, each round dropping what check
// still finds fault with, until check passes or a round finds nothing new.
func (s *Store) repairPlan(lead string, now time.Time) (RepairNote, error) {
	var note RepairNote
	for range repairRounds {
		var problems *CheckError
		err := s.run(modeExclusive, func(tx *bolt.Tx) error {
			_, p, err := applyRepair(tx, note, lead, now)
			problems = p
			return err
		})
		if err != nil {
			return note, err
		}
		if problems == nil {
			return note, nil
		}
		if !note.take(problems.said) {
			return note, refine(ErrDamaged, problems, "the repair cannot mend what check finds: restore a backup "+
				"(%s)", problems.said[0])
		}
	}
	return note, flow.Errorf(flow.EUnavailable, "the repair did not converge: restore a backup")
}

// take adds to the note the records and links the problems name, and
// reports whether it found any new.
func (n *RepairNote) take(said []problem) bool {
	added := false
	for _, pr := range said {
		drop, accept, ok := repairOf(pr)
		switch {
		case !ok:
		case drop != "" && !slices.Contains(n.Dropped, drop):
			n.Dropped, added = append(n.Dropped, drop), true
		case drop == "" && !slices.Contains(n.Accepted, accept):
			n.Accepted, added = append(n.Accepted, accept), true
		}
	}
	slices.Sort(n.Dropped)
	slices.Sort(n.Accepted)
	return added
}

// repairOf is what mends a problem check found: the record to drop, or
// the link to accept; ok is false for a problem of an index, which the
// repair builds again anyway, or of something it cannot mend.
func repairOf(pr problem) (drop string, accept uint64, ok bool) {
	arg := func(i int) string {
		if i < len(pr.args) {
			return fmt.Sprint(pr.args[i])
		}
		return ""
	}
	switch f := pr.format; {
	case f == "audit event %d: its case %s is missing":
		return "case:" + arg(1), 0, true
	case strings.HasPrefix(f, "audit event %d: "):
		seq, _ := pr.args[0].(uint64)
		return "", seq, seq > 0
	case f == "case %s: it is stored under the id of case %s":
		return "case:" + arg(1), 0, true
	case strings.HasPrefix(f, "case %s: "):
		return "case:" + arg(0), 0, true
	case strings.HasPrefix(f, "staff %s: "):
		return "staff:" + arg(0), 0, true
	case strings.HasPrefix(f, "till %s: "):
		return "till:" + arg(0), 0, true
	case strings.HasPrefix(f, "the settings"):
		return "settings", 0, true
	}
	return "", 0, false
}

// applyRepair drops the note's records in tx, builds the indexes again,
// appends the repair event and checks the result. It returns the event's
// seq and the problems check still finds (nil when it passes).
func applyRepair(tx *bolt.Tx, note RepairNote, lead string, now time.Time) (uint64, *CheckError, error) {
	if err := createBuckets(tx, allBuckets); err != nil {
		return 0, nil, err
	}
	bs, err := openBuckets(tx)
	if err != nil {
		return 0, nil, err
	}
	dropBrokenRecords(bs, &note)
	for _, key := range note.Dropped {
		if err := dropRecord(bs, key); err != nil {
			return 0, nil, err
		}
	}
	if err := rebuildIndexes(tx, bs); err != nil {
		return 0, nil, err
	}
	ev, err := appendEvent(tx, Event{Time: now, Staff: lead, Kind: EventRepair, Repair: &note,
		Words: Said("the store repaired: %d records dropped, %d broken links accepted; the file before it kept as %s",
			len(note.Dropped), len(note.Accepted), note.Kept)})
	if err != nil {
		return 0, nil, err
	}
	if err := rebuildRecordEvents(tx); err != nil {
		return 0, nil, err
	}
	var p problems
	rep := Report{}
	checkContents(tx, &rep, CheckOptions{}, &p)
	if len(p.list) > 0 {
		ce, _ := p.err().(*CheckError)
		return ev.Seq, ce, nil
	}
	return ev.Seq, nil, nil
}

// dropBrokenRecords adds to the note each trusted record whose last event
// is a link it accepts: the kiosk's reads, which verify that event, would
// refuse it.
func dropBrokenRecords(bs *buckets, note *RepairNote) {
	_ = bs.recordEvents.ForEach(func(k, v []byte) error {
		if len(v) == 8 && slices.Contains(note.Accepted, binary.BigEndian.Uint64(v)) &&
			!slices.Contains(note.Dropped, string(k)) {
			note.Dropped = append(note.Dropped, string(k))
		}
		return nil
	})
	slices.Sort(note.Dropped)
}

// dropRecord removes the record key names.
func dropRecord(bs *buckets, key string) error {
	kind, name, _ := strings.Cut(key, ":")
	switch kind {
	case "case":
		id, err := caseKey(name)
		if err != nil {
			return nil // not a case id: nothing is stored under it
		}
		return bs.cases.Delete(id)
	case "staff":
		return bs.staff.Delete([]byte(name))
	case "till":
		return bs.tills.Delete([]byte(name))
	case "settings":
		return bs.settings.Delete(keySettings)
	}
	return nil
}

// rebuildIndexes empties every index of the cases and builds it again from
// the cases there are: what a dropped case left, and any entry changed
// outside the program, goes.
func rebuildIndexes(tx *bolt.Tx, bs *buckets) error {
	actsSeq := bs.acts.Sequence()
	for _, name := range [][]byte{bucketReceipts, bucketSerials, bucketPassports, bucketStatuses, bucketByStaff,
		bucketDays, bucketRefundLines, bucketPayments, bucketActs} {
		if err := tx.DeleteBucket(name); err != nil {
			return err
		}
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		b.FillPercent = fillPercent[string(name)]
	}
	bs, err := openBuckets(tx)
	if err != nil {
		return err
	}
	if err := bs.acts.SetSequence(actsSeq); err != nil {
		return err
	}
	var ids [][]byte
	_ = bs.cases.ForEach(func(k, _ []byte) error { ids = append(ids, copyBytes(k)); return nil })
	for _, id := range ids {
		if err := indexCase(bs, id); err != nil {
			return err
		}
	}
	return nil
}

// indexCase writes a case's index entries, day summary, refunded line,
// payments and acts. A case that does not read is left to check.
func indexCase(bs *buckets, id []byte) error {
	rec, doc, err := getCase(bs, id)
	if err != nil || rec == nil {
		return nil
	}
	entries, err := indexEntries(bs, doc.Case, rec.day, id)
	if err != nil {
		return nil
	}
	for _, e := range entries { // an empty value, not nil: check reads them in this same transaction
		if err := e.bucket.Put(e.key, []byte{}); err != nil {
			return err
		}
	}
	sum := summarize(doc, rec.day)
	if err := bs.days.Put(dayIDKey(rec.day, id), sum.encode()); err != nil {
		return err
	}
	if len(doc.Payments) > 0 {
		if line, err := refundLineKey(doc.Case.Sale); err == nil {
			if err := bs.refundLines.Put(line, id); err != nil {
				return err
			}
		}
	}
	for i, p := range doc.Payments {
		if err := bs.payments.Put(paymentKey(p.Day, id, i+1), p.indexValue()); err != nil {
			return err
		}
	}
	for _, a := range doc.Acts {
		if err := bs.acts.Put(seqKey(a.N), id); err != nil {
			return err
		}
	}
	return nil
}

// rebuildRecordEvents builds the record_events index again from the chain,
// a repair's dropped records taken out. An event that does not read is a
// link the repair accepts; it names no record.
func rebuildRecordEvents(tx *bolt.Tx) error {
	if err := tx.DeleteBucket(bucketRecordEvents); err != nil {
		return err
	}
	if err := createBuckets(tx, [][]byte{bucketRecordEvents}); err != nil {
		return err
	}
	return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
		if ev, err := decodeEvent(k, v); err == nil {
			return noteRecordEvent(tx, ev)
		}
		return nil
	})
}
