package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// EventKind says what an audit event records.
type EventKind string

// The kinds of audit event.
const (
	EventStep     EventKind = "step"     // a step of a case was saved
	EventDecision EventKind = "decision" // the cashier confirmed the engine's decision
	EventOverride EventKind = "override" // a shift lead went against the engine's decision (flow's Case.Overridden)
	// EventLeadDecision: a shift lead decided a case the engine escalated.
	// (Before it, such a decision was recorded as an override event.)
	EventLeadDecision EventKind = "lead_decision"
	EventRefundPaid   EventKind = "refund_paid" // a refund was paid out (RecordRefund)
	EventNote         EventKind = "note"        // a remark or a correction about a case; never an edit
	EventSettings     EventKind = "settings"    // the store's settings changed
	EventStaff        EventKind = "staff"       // a staff account was added or changed
	EventLogin        EventKind = "login"       // a login, a wrong PIN, a lockout
	EventSignOff      EventKind = "sign_off"    // a shift lead reviewed a case (SignOff)
	EventDayClose     EventKind = "day_close"   // a shift lead closed a day (CloseDay): its cases are read-only
	EventDayReopen    EventKind = "day_reopen"  // a shift lead reopened a closed day (ReopenDay), with a reason
	EventTill         EventKind = "till"        // a till was added (AddTill) or removed (RemoveTill)
	EventAct          EventKind = "act"         // a document of a case was kept (KeepAct) or printed again (Reprinted)
	EventVoid         EventKind = "void"        // a shift lead closed a case without a decision (VoidCase)
	EventRepair       EventKind = "repair"      // a shift lead repaired a store check rejects (Repair)
	// EventSales: sales were imported (ImportSales), or put on the chain as
	// they stood by migration 8 -> 9; its record hash is the import's
	// manifest's (saleimports.go). (Before it, an import was a note.)
	EventSales EventKind = "sales"
)

func (k EventKind) String() string { return string(k) }

// Event is one entry of the audit trail: who did what, when, from which
// terminal, to which case, with the decision and its clauses. Events are
// only ever appended; each one's hash covers the hash of the one before
// (Prev) and its own JSON, so an edited, deleted or reordered event breaks
// the chain at that point.
type Event struct {
	Seq      uint64      `json:"seq"`  // 1, 2, 3...: the event's place in the chain
	Time     time.Time   `json:"time"` // when it happened
	Staff    string      `json:"staff"`
	Terminal string      `json:"terminal,omitempty"`
	CaseID   string      `json:"case,omitempty"`
	Kind     EventKind   `json:"kind"`
	Step     string      `json:"step,omitempty"`    // the step saved, for EventStep
	Status   flow.Status `json:"status,omitempty"`  // the case's status after the event
	Outcome  string      `json:"outcome,omitempty"` // the decision (a flow.Outcome), for decision and override events
	Clauses  []string    `json:"clauses,omitempty"` // the clause ids that decided it
	Detail   string      `json:"detail,omitempty"`  // words for a person: a reason, an amount, what changed
	// Words are Detail as a message, to print in a person's language
	// (DetailIn); appendEvent writes Detail from them. An event written
	// before them, or whose detail is a person's own words, has none.
	Words *EventWords `json:"words,omitempty"`
	// Subject is the staff account a staff or login event changed, or the
	// till a till event added or removed.
	Subject string `json:"subject,omitempty"`
	// Day is the day a day_close event closed, YYYY-MM-DD.
	Day string `json:"day,omitempty"`
	// Anchor is the chain's head (SEQ:HASH) at a day close, just before its
	// own event.
	Anchor string `json:"anchor,omitempty"`
	// RecordHash is the SHA-256 (hex) of the record this event wrote: the
	// case, the staff account, the settings or the till. A record must match
	// the last event that wrote it, so records cannot be edited unseen
	// either. A till's removal has none: the till has no record after it.
	RecordHash string `json:"record_hash,omitempty"`
	// Repair is what a repair event dropped and accepted.
	Repair *RepairNote `json:"repair,omitempty"`
	Prev   string      `json:"-"` // the hash of the event before, hex; zeros for the first
	Hash   string      `json:"-"` // SHA-256 of Prev's 32 bytes then the event's stored JSON, hex
}

// genesis is the Prev of the first event.
var genesis = make([]byte, sha256.Size)

// maxDetail bounds an event's free text.
const maxDetail = 4000

// chainHead reads meta/head: the last event's seq and hash.
func chainHead(tx *bolt.Tx) (uint64, []byte, error) {
	h := tx.Bucket(bucketMeta).Get(keyHead)
	if h == nil {
		return 0, genesis, nil
	}
	if len(h) != 8+sha256.Size {
		return 0, nil, ErrDamaged.Wrap(fmt.Errorf("meta/head is %d bytes", len(h)))
	}
	return binary.BigEndian.Uint64(h), copyBytes(h[8:]), nil
}

// appendEvent adds ev to the chain in tx: it numbers it, links it to the
// head, stores it and moves the head. It returns the event as stored. An
// event about a case must be listed in the case's Events by the caller,
// before the case's hash is taken: nextSeq says which number it will get.
func appendEvent(tx *bolt.Tx, ev Event) (Event, error) {
	if strings.TrimSpace(ev.Staff) == "" {
		return ev, flow.Errorf(flow.EInvalid, "an audit event needs the staff member who did it")
	}
	if ev.Kind == "" {
		return ev, flow.Errorf(flow.EInvalid, "an audit event needs its kind")
	}
	if ev.Words != nil {
		ev.Detail = ev.Words.English()
	}
	if len(ev.Detail) > maxDetail {
		return ev, flow.Errorf(flow.EInvalid, "the event's detail is longer than %d bytes", maxDetail)
	}
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	ev.Time = ev.Time.UTC()
	seq, prev, err := chainHead(tx)
	if err != nil {
		return ev, err
	}
	ev.Seq = seq + 1
	ev.Prev = hex.EncodeToString(prev)
	body, err := json.Marshal(ev)
	if err != nil {
		return ev, err
	}
	sum, err := keyingOf(tx).link(prev, body)
	if err != nil {
		return ev, err
	}
	ev.Hash = hex.EncodeToString(sum)
	audit, err := bucket(tx, bucketAudit)
	if err != nil {
		return ev, err
	}
	val := make([]byte, 0, sha256.Size+len(body))
	val = append(append(val, sum...), body...)
	if err := audit.Put(seqKey(ev.Seq), val); err != nil {
		return ev, err
	}
	if err := noteRecordEvent(tx, ev); err != nil {
		return ev, err
	}
	head := binary.BigEndian.AppendUint64(make([]byte, 0, 8+sha256.Size), ev.Seq)
	return ev, tx.Bucket(bucketMeta).Put(keyHead, append(head, sum...))
}

// chainHash is an event's hash: SHA-256 of the hash before it, then its JSON.
// The link is in the hash, not in the stored JSON, which keeps each event 75
// bytes shorter.
func chainHash(prev, body []byte) []byte {
	h := sha256.New()
	h.Write(prev)
	h.Write(body)
	return h.Sum(nil)
}

// readEvent reads event seq from the audit bucket with the hash before it.
func readEvent(audit *bolt.Bucket, k []byte) (Event, error) {
	v := audit.Get(k)
	if v == nil {
		return Event{}, ErrDamaged.Wrap(fmt.Errorf("audit event %x is missing", k))
	}
	ev, err := decodeEvent(k, v)
	if err != nil {
		return ev, err
	}
	ev.Prev = hex.EncodeToString(genesis)
	if seq := binary.BigEndian.Uint64(k); seq > 1 {
		if pv := audit.Get(seqKey(seq - 1)); len(pv) >= sha256.Size {
			ev.Prev = hex.EncodeToString(pv[:sha256.Size])
		}
	}
	return ev, nil
}

// nextSeq is the number the next event appended in tx will get.
func nextSeq(tx *bolt.Tx) (uint64, error) {
	seq, _, err := chainHead(tx)
	return seq + 1, err
}

// putWithNextEvent lists the event about to be appended on the case (its
// sequence number is the chain's next) and writes the case again. It
// returns the case as written, whose hash the event then carries.
func putWithNextEvent(tx *bolt.Tx, bs *buckets, id []byte, rec *caseRecord, doc *caseDoc) ([]byte, error) {
	seq, err := nextSeq(tx)
	if err != nil {
		return nil, err
	}
	doc.Events = append(doc.Events, seq)
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return raw, bs.cases.Put(id, encodeCase(rec.day, raw))
}

// decodeEvent reads a stored event without its Prev. It does not check the
// chain: Check does.
func decodeEvent(k, v []byte) (Event, error) {
	var ev Event
	if len(k) != 8 || len(v) < sha256.Size {
		return ev, ErrDamaged.Wrap(fmt.Errorf("audit event %x is malformed", k))
	}
	if err := json.Unmarshal(v[sha256.Size:], &ev); err != nil {
		return ev, ErrDamaged.Wrap(fmt.Errorf("audit event %d cannot be read: %v", binary.BigEndian.Uint64(k), err))
	}
	ev.Hash = hex.EncodeToString(v[:sha256.Size])
	return ev, nil
}

// Record appends an event that changes no case: a remark or a correction
// about a case (Kind EventNote), never an edit of what was saved. A case it
// names must exist.
func (s *Store) Record(ev Event) (Event, error) {
	if ev.Kind == "" {
		ev.Kind = EventNote
	}
	if ev.Terminal == "" {
		ev.Terminal = s.terminal
	}
	ev.RecordHash, ev.Subject = "", ""
	var out Event
	err := s.update(func(tx *bolt.Tx) error {
		if ev.CaseID != "" {
			id, err := caseKey(ev.CaseID)
			if err != nil {
				return err
			}
			bs, rec, doc, err := caseInTx(tx, id)
			if err != nil {
				return err
			}
			// the case lists the note among its events; nothing else of it changes
			raw, err := putWithNextEvent(tx, bs, id, rec, &doc)
			if err != nil {
				return err
			}
			ev.RecordHash = recordHash(raw)
		}
		var err error
		out, err = appendEvent(tx, ev)
		return err
	})
	return out, err
}

// Trail is every event of a case, in order.
func (s *Store) Trail(caseID string) ([]Event, error) {
	id, err := caseKey(caseID)
	if err != nil {
		return nil, err
	}
	var out []Event
	err = s.view(func(tx *bolt.Tx) error {
		bs, _, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		for _, seq := range doc.Events {
			ev, err := readEvent(bs.audit, seqKey(seq))
			if err != nil {
				return err
			}
			out = append(out, ev)
		}
		return nil
	})
	return out, err
}

// Events is up to limit events after seq `after`, in order: the whole trail
// of the store, a page at a time.
func (s *Store) Events(after uint64, limit int) ([]Event, error) {
	var out []Event
	err := s.view(func(tx *bolt.Tx) error {
		audit := tx.Bucket(bucketAudit)
		c := audit.Cursor()
		for k, _ := c.Seek(seqKey(after + 1)); k != nil && len(out) < limit; k, _ = c.Next() {
			ev, err := readEvent(audit, k)
			if err != nil {
				return err
			}
			out = append(out, ev)
		}
		return nil
	})
	return out, err
}

// Head is the last event of the chain: its seq and hash (hex). Written down
// outside the store (the day's report, a printed act), it anchors the chain:
// `returnsdesk check --anchor SEQ:HASH` proves the history up to it unchanged.
func (s *Store) Head() (uint64, string, error) {
	var seq uint64
	var hash []byte
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		seq, hash, err = chainHead(tx)
		return err
	})
	return seq, hex.EncodeToString(hash), err
}

// recordHash is the hex SHA-256 of a stored record.
func recordHash(v []byte) string {
	h := sha256.Sum256(v)
	return hex.EncodeToString(h[:])
}
