package store

import (
	"crypto/rand"
	"encoding/json"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
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
		err = aboutCase(ErrNotFound, caseID(id))
	}
	return rec, doc, err
}

// caseInTx opens the buckets of tx and reads a case that must be there
// (existingCase).
func caseInTx(tx *bolt.Tx, id []byte) (*buckets, *caseRecord, caseDoc, error) {
	bs, err := openBuckets(tx)
	if err != nil {
		return nil, nil, caseDoc{}, err
	}
	rec, doc, err := existingCase(bs, id)
	return bs, rec, doc, err
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
		return c.ServiceBy()
	}
	return flow.Date{}
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
	summarizeExchange(&s, c)
	if n := len(doc.Payments); n > 0 {
		paid := flowPayments(doc.Payments)
		s.Tender = paid[n-1].Tender
		if c.StillOwed(paid).Minor > 0 {
			s.Paid = flow.Paid(paid)
		} else {
			s.Amount = flow.Paid(paid)
		}
	}
	s.Paid.Currency, s.Taken.Currency = s.Amount.Currency, s.Amount.Currency
	for _, f := range doc.review() {
		s.Flags |= FlagOf(f.Flag)
	}
	if doc.SignOff != nil {
		s.Flags |= FlagSignedOff
	}
	return s
}

// summarizeExchange puts an exchange's price difference in its summary:
// the difference a cheaper replacement refunds is its amount (the refund
// due), and the difference the customer paid for a dearer one, once the
// exchange is settled, is taken; either in the tender the replacement
// names.
func summarizeExchange(s *Summary, c *flow.Case) {
	r := c.Replacement
	if r == nil || !c.Outcome().Exchanges() || c.Difference().Minor == 0 {
		return
	}
	s.Tender = r.Tender
	if c.Refunds() {
		s.Amount = c.RefundDue()
		return
	}
	if st := statusOf(c); st == flow.StatusExchanged || st == flow.StatusClosed {
		s.Taken = c.CustomerPays()
	}
}

// SaveCase saves a case as it stands after a step, in one transaction: the
// case, every index entry that changed (an old receipt, serial or status
// entry is removed), its day summary, and ev appended to the audit trail.
// When it returns nil the step is on disk.
//
// The status may move only along flow's transitions (several moves at once
// are fine); a closed case and a settled case filed under a closed day
// (ErrDayClosed) are not changed (add a note with Record), but for its
// close once its act is signed, while a closed day's cases still under way
// go on; a case is closed only from the status it was settled in. A new
// case is filed under the day it was opened, or when that day is closed,
// the first day after it that is not (FilingDay). A case that becomes
// refunded here has the rest of its refund paid as RecordRefund pays it (the
// price, less any payments made before, in the sale's tender: cash when
// unknown), with the same checks, and a refund_paid event after ev. The case
// stays under the day it was filed under.
//
// ev needs Staff; the store fills Seq, CaseID, Status, the case's hash and,
// when unset, Time (now), Terminal (Options.Terminal), Kind (EventStep), and
// for decision, override and lead's decision events the outcome and clauses.
func (s *Store) SaveCase(c *flow.Case, ev Event) error {
	if c == nil {
		return flow.Errorf(flow.EInvalid, "no case to save")
	}
	id, err := caseKey(c.ID)
	if err != nil {
		return err
	}
	if c.Opened.IsZero() {
		return flow.Errorf(flow.EInvalid, "the case has no opening time")
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
		_, err = s.saveCaseTx(tx, bs, id, c, ev, nil)
		return err
	})
	if err != nil {
		return err
	}
	s.log.Debug("case saved", "case", c.ID, "step", c.Step.String(), "status", string(statusOf(c)),
		"staff", ev.Staff)
	return nil
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

// saveCaseTx is SaveCase inside tx, and returns the document written. pay
// is RecordRefund's payment, which ev records; without it a move to
// refunded pays what is still owed in the sale's tender.
func (s *Store) saveCaseTx(tx *bolt.Tx, bs *buckets, id []byte, c *flow.Case, ev Event, pay *payment) (caseDoc, error) {
	old, oldDoc, err := getCase(bs, id)
	if err != nil {
		return caseDoc{}, err
	}
	day, from, err := s.checkMove(bs, old, oldDoc.Case, c)
	if err != nil {
		return caseDoc{}, err
	}
	if err := checkSaleTx(tx, c, oldDoc.Case); err != nil {
		return caseDoc{}, err
	}
	if err := checkVisitTx(bs, c, oldDoc.Case); err != nil {
		return caseDoc{}, err
	}
	to := statusOf(c)
	payments, autoPay, err := s.refundWithSave(bs, id, c, from, oldDoc.Payments, ev, pay)
	if err != nil {
		return caseDoc{}, err
	}
	// the events this save appends, listed in the case before its hash
	seq, err := nextSeq(tx)
	if err != nil {
		return caseDoc{}, err
	}
	events := append(oldDoc.Events, seq)
	if autoPay != nil {
		events = append(events, seq+1)
	}
	fraud, err := s.fraudFactsTx(tx, bs, c, day, id)
	if err != nil {
		return caseDoc{}, err
	}
	doc := caseDoc{Case: c, Payments: payments, Fraud: fraud, Acts: oldDoc.Acts, Events: events}
	raw, err := writeCase(bs, id, day, doc, oldDoc.Case)
	if err != nil {
		return caseDoc{}, err
	}
	fill := func(ev Event) Event { return s.caseEvent(ev, c, to, raw) }
	if _, err := appendEvent(tx, fill(ev)); err != nil {
		return caseDoc{}, err
	}
	if autoPay != nil {
		n := len(payments)
		_, err = appendEvent(tx, fill(Event{Time: autoPay.now, Staff: autoPay.by, Terminal: ev.Terminal,
			Kind: EventRefundPaid, Outcome: string(flow.OutcomeRefund),
			Words: paymentWords(payments[n-1].Amount, payments[n-1].Tender, n, flow.Money{})}))
	}
	return doc, err
}

// checkMove checks that a save may take a case from its stored status
// (old, nil for a new case) to c's, and returns the day it is filed under
// and the status it is moved from.
func (s *Store) checkMove(bs *buckets, old *caseRecord, oldCase, c *flow.Case) (flow.Date, flow.Status, error) {
	from, to := flow.StatusOpen, statusOf(c)
	var day flow.Date
	if old == nil {
		day = filingDay(bs, s.Today(c.Opened))
	} else {
		day, from = old.day, statusOf(oldCase)
		if from == flow.StatusClosed {
			return day, from, aboutCase(ErrCaseClosed, c.ID)
		}
	}
	// a closed day's settled cases stay as they are, but for the close that
	// follows the signed act; its cases under way go on
	if err := dayOpen(bs, day, c.ID); err != nil && !flow.UnderWay(from) &&
		!(to == flow.StatusClosed && flow.CanMove(from, to)) {
		return day, from, err
	}
	switch {
	case from == to:
	case to == flow.StatusClosed && !flow.CanMove(from, to):
		return day, from, caseErrorf(flow.EConflict, c.ID, "the case is %s: it is closed only once it is settled "+
			"(refunded, exchanged, rejected, back from the service centre)", from)
	case !reachable(from, to):
		return day, from, caseErrorf(flow.EConflict, c.ID, "a case that is %s cannot become %s", from, to)
	default:
		if err := c.CheckStatus(); err != nil { // a refund exchanged, an exchange refunded
			return day, from, err
		}
	}
	return day, from, nil
}

// refundWithSave is the payments a save leaves in the case: those made
// before (paid), and one more when the save pays: as pay says (RecordRefund),
// or, without pay, when it moves the case to refunded (an exchange that
// refunds a difference: to exchanged), for what is still owed in the
// refund's tender. autoPay is that payment when the save made it
// up, which a refund_paid event after the save's own records.
func (s *Store) refundWithSave(bs *buckets, id []byte, c *flow.Case, from flow.Status, paid []refundRecord, ev Event,
	pay *payment) (_ []refundRecord, autoPay *payment, err error) {
	switch {
	case pay != nil:
	case c.Refunds() && statusOf(c) == c.RefundedStatus() && from != statusOf(c):
		owed := flow.Owed(c.RefundDue(), flow.Paid(flowPayments(paid)))
		pay = &payment{amount: owed, tender: c.RefundTender(), by: ev.Staff, now: ev.Time}
		autoPay = pay
	default:
		return paid, nil, nil
	}
	rec, err := s.payRefundTx(bs, id, c, from, paid, pay)
	if err != nil {
		return nil, nil, err
	}
	return withPayment(paid, rec), autoPay, nil
}

// writeCase stores a case document with its index entries (those of the
// case as it was, oldCase, that changed are replaced) and its day summary,
// and returns the document's JSON, whose hash its event carries.
func writeCase(bs *buckets, id []byte, day flow.Date, doc caseDoc, oldCase *flow.Case) ([]byte, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	newEntries, err := indexEntries(bs, doc.Case, day, id)
	if err != nil {
		return nil, err
	}
	var oldEntries []indexEntry
	if oldCase != nil {
		if oldEntries, err = indexEntries(bs, oldCase, day, id); err != nil {
			oldEntries = nil // a key the store did not make was never indexed
		}
	}
	if err := applyIndex(oldEntries, newEntries); err != nil {
		return nil, err
	}
	sum := summarize(doc, day)
	if err := bs.days.Put(dayIDKey(day, id), sum.encode()); err != nil {
		return nil, err
	}
	return raw, bs.cases.Put(id, encodeCase(day, raw))
}

// caseEvent is ev as a save of c (now status to, stored as raw) appends it:
// about the case, with its hash, and for decision, override and lead's
// decision events the outcome, the clauses and the lead's reason.
func (s *Store) caseEvent(ev Event, c *flow.Case, to flow.Status, raw []byte) Event {
	ev.CaseID, ev.Status, ev.RecordHash, ev.Subject = c.ID, to, recordHash(raw), ""
	if ev.Kind == "" {
		ev.Kind = EventStep
	}
	if ev.Terminal == "" {
		ev.Terminal = s.terminal
	}
	if ev.Outcome != "" || (ev.Kind != EventDecision && ev.Kind != EventOverride && ev.Kind != EventLeadDecision) {
		return ev
	}
	ev.Outcome = string(c.Outcome())
	if c.Decision != nil && ev.Clauses == nil {
		for _, cl := range c.Decision.Clauses {
			ev.Clauses = append(ev.Clauses, string(cl))
		}
	}
	if ev.Detail == "" && ev.Words == nil && (ev.Kind == EventOverride || ev.Kind == EventLeadDecision) && c.Override != nil {
		ev.Detail = c.Override.Reason
	}
	return ev
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
			return aboutCase(ErrNotFound, id)
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
