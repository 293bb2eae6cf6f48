package store

import (
	"bytes"
	"compress/flate"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// Errors of cases and refunds, for errors.Is.
var (
	// ErrCaseClosed is returned by SaveCase for a closed case: corrections
	// are new events (Record), never edits.
	ErrCaseClosed = errors.New("the case is closed: add a note instead of changing it")
	// ErrRefundTooLarge is returned by RecordRefund for more than was paid
	// for the item.
	ErrRefundTooLarge = errors.New("a refund cannot be more than was paid for the item")
	// ErrAlreadyRefunded is returned by RecordRefund for a receipt line that
	// was refunded before, in this case or another.
	ErrAlreadyRefunded = errors.New("this receipt line was already refunded")
)

// NewCaseID is a new case id: see the package's NewCaseID.
func (s *Store) NewCaseID(now time.Time) string { return NewCaseID(now) }

// NewCaseID is a new case id: a ULID, which sorts by the time it was made and
// is unique across terminals without asking anyone.
func NewCaseID(now time.Time) string {
	id, err := ulid.New(ulid.Timestamp(now), ulid.DefaultEntropy())
	if err != nil { // the monotonic source ran out within one millisecond
		id = ulid.MustNew(ulid.Timestamp(now), rand.Reader)
	}
	return id.String()
}

// The first byte of a stored case says how its JSON is kept.
const (
	casePlain    = 1 // as is (read, never written since flate)
	caseDeflated = 2 // compressed with flate, which more than halves it
)

// maxCaseJSON bounds what a damaged compressed case may inflate to.
const maxCaseJSON = 4 << 20

// caseRecord is a case as stored: the day it is filed under, and its
// document's JSON.
type caseRecord struct {
	day flow.Date
	raw []byte // caseDoc JSON, uncompressed and copied out of the transaction
}

// caseDoc is what the cases bucket keeps of a case: the case, the refund
// paid for it and the seqs of its audit events (its trail), hashed together
// on the case's last audit event. Keeping the trail here rather than in an
// index of its own saves a commit the pages of one more tree.
type caseDoc struct {
	Case   *flow.Case    `json:"case"`
	Refund *refundRecord `json:"refund,omitempty"`
	// Fraud is what the case's fraud flags were judged on at its last save
	// (desk.go); nil on a case saved before schema version 4.
	Fraud *fraudFacts `json:"fraud,omitempty"`
	// SignOff is a shift lead's sign-off of the case as it stands; a later
	// save clears it.
	SignOff *SignOff `json:"sign_off,omitempty"`
	Events  []uint64 `json:"events"`
}

// flate writers are big to make: they are kept for reuse.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

var inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}

// encodeCase is the stored form of a case document: 0x02, the day, then the
// JSON compressed (a whole case is 1.3 KB of JSON, three to a 4 KB page
// only just not; compressed, five fit).
func encodeCase(day flow.Date, raw []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(1 + dayLen + len(raw)*2/3)
	buf.WriteByte(caseDeflated)
	buf.Write(appendDay(nil, day))
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	_, _ = w.Write(raw) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	deflaters.Put(w)
	return buf.Bytes()
}

func decodeCaseRecord(v []byte) (caseRecord, error) {
	if len(v) < 1+dayLen || (v[0] != casePlain && v[0] != caseDeflated) {
		return caseRecord{}, fmt.Errorf("%w: a stored case is malformed", ErrDamaged)
	}
	rec := caseRecord{day: dayOf(binary.BigEndian.Uint32(v[1:]))}
	if v[0] == casePlain {
		rec.raw = copyBytes(v[1+dayLen:])
		return rec, nil
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	_ = r.(flate.Resetter).Reset(bytes.NewReader(v[1+dayLen:]), nil)
	raw, err := io.ReadAll(io.LimitReader(r, maxCaseJSON+1))
	if err != nil || len(raw) > maxCaseJSON {
		return caseRecord{}, fmt.Errorf("%w: a stored case cannot be decompressed", ErrDamaged)
	}
	rec.raw = raw
	return rec, nil
}

// decode reads the case document; json.Unmarshal copies every byte it keeps,
// so the result outlives the transaction.
func (r caseRecord) decode(id string) (caseDoc, error) {
	var d caseDoc
	if err := json.Unmarshal(r.raw, &d); err != nil || d.Case == nil {
		return d, fmt.Errorf("%w: case %s cannot be read: %v", ErrDamaged, id, err)
	}
	return d, nil
}

// getCase reads a case in tx; a nil record when there is none.
func getCase(bs *buckets, id []byte) (*caseRecord, caseDoc, error) {
	v := bs.cases.Get(id)
	if v == nil {
		return nil, caseDoc{}, nil
	}
	rec, err := decodeCaseRecord(v)
	if err != nil {
		return nil, caseDoc{}, err
	}
	doc, err := rec.decode(caseID(id))
	if err != nil {
		return nil, caseDoc{}, err
	}
	return &rec, doc, nil
}

// existingCase is getCase for a case that must be there: a missing one is
// ErrNotFound, named by its id.
func existingCase(bs *buckets, id []byte) (*caseRecord, caseDoc, error) {
	rec, doc, err := getCase(bs, id)
	if err == nil && rec == nil {
		err = fmt.Errorf("case %s: %w", caseID(id), ErrNotFound)
	}
	return rec, doc, err
}

// statusOf is a case's status; a case that never set one is open.
func statusOf(c *flow.Case) flow.Status {
	if c.Status == "" {
		return flow.StatusOpen
	}
	return c.Status
}

// dueOf is the day the statuses index sorts a case by: the refund-by day of
// a refund owed, the expected return from the service centre.
func dueOf(c *flow.Case) flow.Date {
	switch statusOf(c) {
	case flow.StatusRefundOwed:
		return c.RefundBy()
	case flow.StatusServiceCentre:
		if c.Decision != nil {
			return c.Decision.ServiceBy
		}
	}
	return flow.Date{}
}

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
			return nil, errors.New("the passport's key is not one this store made: fill the passport with MaskPassport")
		}
		out = append(out, indexEntry{bs.passports, passportIndexKey(mac, day, id)})
	}
	if st := statusOf(c); indexedStatus(st) {
		out = append(out, indexEntry{bs.statuses, statusKey(st, dueOf(c), day, id)})
	}
	if name := normStaff(c.OpenedBy); name != "" {
		out = append(out, indexEntry{bs.byStaff, textKey(name, day, id)})
	}
	return out, nil
}

// refundRecord is a refund paid out.
type refundRecord struct {
	Amount flow.Money  `json:"amount"`
	Tender flow.Tender `json:"tender"`
	By     string      `json:"by"`
	At     time.Time   `json:"at"`
	Day    flow.Date   `json:"day"` // the day it was paid, in the store's time zone
}

// summarize is the day index's line for a case, its flags as flow.Review
// finds them on the facts the case was last saved with, and its sign-off.
func summarize(doc caseDoc, day flow.Date) Summary {
	c := doc.Case
	s := Summary{
		ID: c.ID, Time: c.Opened.UTC(), Day: day, Staff: normStaff(c.OpenedBy), Model: c.Sale.Model,
		Receipt: c.Sale.Receipt, Serial: c.Sale.Serial, Outcome: c.Outcome(), Amount: c.Sale.Price,
		Tender: c.Sale.Tender, Status: statusOf(c), Step: c.Step, Due: dueOf(c),
	}
	if r := doc.Refund; r != nil {
		s.Amount, s.Tender = r.Amount, r.Tender
	}
	for _, f := range doc.review() {
		s.Flags |= FlagOf(f.Flag)
	}
	if doc.SignOff != nil {
		s.Flags |= FlagSignedOff
	}
	return s
}

// SaveCase saves a case as it stands after a step, in one transaction: the
// case, every index entry that changed (an old receipt, serial or status
// entry is removed), its day summary, and ev appended to the audit trail.
// When it returns nil the step is on disk.
//
// The status may move only along flow's transitions (several moves at once
// are fine); a closed case, a settled case filed under a closed day, and a
// new case on a closed day (ErrDayClosed) are not changed (add a note with
// Record), while a closed day's cases still under way go on; a case is
// closed only from the status it was settled in. A case that becomes
// refunded here has its refund recorded as RecordRefund does, for the item's
// price in the sale's tender (cash when unknown), with the same checks, and a
// refund_paid event after ev. The case is filed under the day it was opened,
// in the store's time zone, and stays there.
//
// ev needs Staff; the store fills Seq, CaseID, Status, the case's hash and,
// when unset, Time (now), Terminal (Options.Terminal), Kind (EventStep), and
// for decision and override events the outcome and clauses.
func (s *Store) SaveCase(c *flow.Case, ev Event) error {
	if c == nil {
		return errors.New("no case to save")
	}
	id, err := caseKey(c.ID)
	if err != nil {
		return err
	}
	if c.Opened.IsZero() {
		return errors.New("the case has no opening time")
	}
	if err := c.Validate(flow.Date{}); err != nil {
		return err
	}
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	err = s.update(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		return s.saveCaseTx(tx, bs, id, c, ev, nil)
	})
	if err != nil {
		return err
	}
	s.log.Debug("case saved", "case", c.ID, "step", c.Step.String(), "status", string(statusOf(c)),
		"staff", ev.Staff)
	return nil
}

// payment is a refund to record with a save: RecordRefund's arguments.
type payment struct {
	amount flow.Money
	tender flow.Tender
	by     string
	now    time.Time
}

// reachable reports whether a case may go from one status to another by
// one or more of flow's moves.
func reachable(from, to flow.Status) bool {
	seen := map[flow.Status]bool{from: true}
	next := []flow.Status{from}
	for len(next) > 0 {
		cur := next[0]
		next = next[1:]
		for _, st := range flow.Statuses {
			if !seen[st] && flow.CanMove(cur, st) {
				if st == to {
					return true
				}
				seen[st] = true
				next = append(next, st)
			}
		}
	}
	return false
}

// saveCaseTx is SaveCase inside tx. pay is RecordRefund's payment, which ev
// records; without it a move to refunded pays the price in the sale's tender.
func (s *Store) saveCaseTx(tx *bolt.Tx, bs *buckets, id []byte, c *flow.Case, ev Event, pay *payment) error {
	old, oldDoc, err := getCase(bs, id)
	if err != nil {
		return err
	}
	oldCase := oldDoc.Case
	from, to := flow.StatusOpen, statusOf(c)
	var day flow.Date
	if old == nil {
		day = s.Today(c.Opened)
	} else {
		day, from = old.day, statusOf(oldCase)
		if from == flow.StatusClosed {
			return fmt.Errorf("case %s: %w", c.ID, ErrCaseClosed)
		}
	}
	if err := dayOpen(bs, day); err != nil && (old == nil || !indexedStatus(from)) {
		return fmt.Errorf("case %s: %w", c.ID, err)
	}
	switch {
	case from == to:
	case to == flow.StatusClosed && !flow.CanMove(from, to):
		return fmt.Errorf("case %s is %s: it is closed only once it is settled (refunded, exchanged, rejected, "+
			"back from the service centre)", c.ID, from)
	case !reachable(from, to):
		return fmt.Errorf("case %s: a case that is %s cannot become %s", c.ID, from, to)
	}

	// a refund paid with this save
	rec := oldDoc.Refund
	autoPaid := false
	if to == flow.StatusRefunded && from != flow.StatusRefunded {
		if pay == nil {
			tender := c.Sale.Tender
			if tender == "" {
				tender = flow.TenderCash
			}
			pay = &payment{amount: c.Sale.Price, tender: tender, by: ev.Staff, now: ev.Time}
			autoPaid = true
		}
		if rec != nil {
			return fmt.Errorf("%w (case %s)", ErrAlreadyRefunded, c.ID)
		}
		if rec, err = s.payRefundTx(bs, id, c, from, pay); err != nil {
			return err
		}
	} else if pay != nil {
		return fmt.Errorf("case %s is %s: there is no refund to pay", c.ID, from)
	}

	// the events this save appends, listed in the case before its hash
	seq, err := nextSeq(tx)
	if err != nil {
		return err
	}
	events := append(oldDoc.Events, seq)
	if autoPaid {
		events = append(events, seq+1)
	}
	doc := caseDoc{Case: c, Refund: rec, Fraud: s.fraudFactsTx(tx, bs, c, day, id), Events: events}
	raw, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	newEntries, err := indexEntries(bs, c, day, id)
	if err != nil {
		return err
	}
	var oldEntries []indexEntry
	if oldCase != nil {
		if oldEntries, err = indexEntries(bs, oldCase, day, id); err != nil {
			oldEntries = nil // a key the store did not make was never indexed
		}
	}
	if err := applyIndex(oldEntries, newEntries); err != nil {
		return err
	}
	sum := summarize(doc, day)
	if err := bs.days.Put(dayIDKey(day, id), sum.encode()); err != nil {
		return err
	}
	if err := bs.cases.Put(id, encodeCase(day, raw)); err != nil {
		return err
	}

	fill := func(ev Event) Event {
		ev.CaseID, ev.Status, ev.RecordHash, ev.Subject = c.ID, to, recordHash(raw), ""
		if ev.Kind == "" {
			ev.Kind = EventStep
		}
		if ev.Terminal == "" {
			ev.Terminal = s.opts.Terminal
		}
		if ev.Outcome == "" && (ev.Kind == EventDecision || ev.Kind == EventOverride) {
			ev.Outcome = string(c.Outcome())
			if c.Decision != nil && ev.Clauses == nil {
				for _, cl := range c.Decision.Clauses {
					ev.Clauses = append(ev.Clauses, string(cl))
				}
			}
			if ev.Detail == "" && ev.Kind == EventOverride && c.Override != nil {
				ev.Detail = c.Override.Reason
			}
		}
		return ev
	}
	if _, err := appendEvent(tx, fill(ev)); err != nil {
		return err
	}
	if autoPaid {
		_, err = appendEvent(tx, fill(Event{Time: pay.now, Staff: pay.by, Terminal: ev.Terminal,
			Kind: EventRefundPaid, Outcome: string(flow.OutcomeRefund), Detail: rec.detail()}))
	}
	return err
}

func (r *refundRecord) detail() string {
	return fmt.Sprintf("refund of %s paid in %s", r.Amount, r.Tender)
}

// payRefundTx checks a refund and records its receipt line; the caller
// stores the record once its event has a seq. from is the case's stored
// status; c is the case being saved.
func (s *Store) payRefundTx(bs *buckets, id []byte, c *flow.Case, from flow.Status, pay *payment) (*refundRecord, error) {
	if o := c.Outcome(); o != flow.OutcomeRefund {
		return nil, fmt.Errorf("case %s was not decided as a refund (its outcome is %q)", c.ID, o)
	}
	if from == flow.StatusRefunded || from == flow.StatusClosed {
		return nil, fmt.Errorf("%w (case %s)", ErrAlreadyRefunded, c.ID)
	}
	if pay.amount.Minor <= 0 {
		return nil, errors.New("a refund must be more than zero: the sale's price is needed")
	}
	okTender := false
	for _, t := range flow.Tenders {
		okTender = okTender || t == pay.tender
	}
	if !okTender {
		return nil, fmt.Errorf("%q is not a tender", pay.tender)
	}
	price := c.Sale.Price
	cur := strings.ToUpper(strings.TrimSpace(pay.amount.Currency))
	if price.Currency != "" && cur != price.Currency {
		return nil, fmt.Errorf("the refund is in %q but the item was paid in %s", pay.amount.Currency, price.Currency)
	}
	if pay.amount.Minor > price.Minor {
		return nil, fmt.Errorf("%w: %s refunded, %s paid", ErrRefundTooLarge, pay.amount.Amount(), price)
	}
	line, err := refundLineKey(c.Sale)
	if err != nil {
		return nil, err
	}
	if other := bs.refundLines.Get(line); other != nil {
		return nil, fmt.Errorf("%w (receipt %s, line %d, in case %s)", ErrAlreadyRefunded, c.Sale.Receipt,
			c.Sale.Line, caseIDOf(other))
	}
	if err := bs.refundLines.Put(line, id); err != nil {
		return nil, err
	}
	return &refundRecord{Amount: flow.Money{Minor: pay.amount.Minor, Currency: cur}, Tender: pay.tender,
		By: pay.by, At: pay.now.UTC(), Day: s.Today(pay.now)}, nil
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

// Case reads a whole case.
func (s *Store) Case(id string) (*flow.Case, error) {
	k, err := caseKey(id)
	if err != nil {
		return nil, err
	}
	var c *flow.Case
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCases).Get(k)
		if v == nil {
			return fmt.Errorf("case %s: %w", id, ErrNotFound)
		}
		rec, err := decodeCaseRecord(v)
		if err != nil {
			return err
		}
		doc, err := rec.decode(id)
		c = doc.Case
		return err
	})
	return c, err
}

// Day lists the cases filed under one business day, in the order they were
// opened, from the day index alone.
func (s *Store) Day(day flow.Date) ([]Summary, error) {
	prefix := appendDay(nil, day)
	var out []Summary
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketDays).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != dayLen+idLen {
				return fmt.Errorf("%w: a day key of %d bytes", ErrDamaged, len(k))
			}
			sum, err := decodeSummary(caseID(k[dayLen:]), day, v)
			if err != nil {
				return err
			}
			sum.Time = sum.Time.In(loc)
			out = append(out, sum)
		}
		return nil
	})
	return out, err
}

// fromIndex lists the summaries of the index entries under prefix in
// bucket name, in key order, keeping those whose day passes keep.
func (s *Store) fromIndex(name, prefix []byte, keep func(flow.Date) bool) ([]Summary, error) {
	var out []Summary
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		days := tx.Bucket(bucketDays)
		c := tx.Bucket(name).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			day, id, err := tailDayID(k)
			if err != nil {
				return err
			}
			if keep != nil && !keep(day) {
				continue
			}
			v := days.Get(dayIDKey(day, id))
			if v == nil {
				return fmt.Errorf("%w: the %s index names case %s, which has no day summary", ErrDamaged, name,
					caseID(id))
			}
			sum, err := decodeSummary(caseID(id), day, v)
			if err != nil {
				return err
			}
			sum.Time = sum.Time.In(loc)
			out = append(out, sum)
		}
		return nil
	})
	return out, err
}

// ByStatus lists the cases in a status that still needs someone: open
// drafts, waiting for documents, escalated, decided, refunds owed (earliest
// due first) and items at the service centre (earliest expected first).
// Final statuses (refunded, exchanged, rejected, closed) are listed by day.
func (s *Store) ByStatus(st flow.Status) ([]Summary, error) {
	if !indexedStatus(st) {
		return nil, fmt.Errorf("%s cases are not indexed by status: list them by day", st)
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
		return nil, errors.New("not a passport key: use the Key of MaskPassport")
	}
	return s.fromIndex(bucketPassports, mac, func(d flow.Date) bool { return !d.Before(since) })
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
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		_, doc, err := existingCase(bs, id)
		if err != nil {
			return err
		}
		c := doc.Case
		if st := statusOf(c); st != flow.StatusDecided && st != flow.StatusRefundOwed {
			if st == flow.StatusRefunded || st == flow.StatusClosed {
				return fmt.Errorf("%w (case %s)", ErrAlreadyRefunded, caseID)
			}
			return fmt.Errorf("case %s is %s: there is no refund to pay", caseID, st)
		}
		c.Status = flow.StatusRefunded
		pay := &payment{amount: amount, tender: tender, by: by, now: now}
		amount.Currency = strings.ToUpper(strings.TrimSpace(amount.Currency))
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
