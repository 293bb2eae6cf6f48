package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// The shift lead's side of the store: the facts a case's fraud flags are
// judged on, a lead's sign-off of a case, and the day close, after which what
// the day settled is read-only (corrections are notes: Record).

// ErrDayClosed is returned by a save of a case filed under a day that is
// closed, unless the case was still under way at the save (open, waiting for
// documents, escalated, a refund owed, at the service centre: its later life
// is new events, such as the payment of the refund it owes); by a new case on
// a closed day; and by a sign-off of a closed day's case. A correction is a
// note (Record with EventNote).
var ErrDayClosed = errors.New("the day is closed: read-only; add a note to correct a case")

// Errors of sign-offs and day closes.
var (
	// ErrNotLead is returned when someone who is not a shift lead signs off
	// a case or closes a day.
	ErrNotLead = errors.New("only a shift lead may do this")
	// ErrSignedOff is returned for a second sign-off of an unchanged case.
	ErrSignedOff = errors.New("signed off already")
	// ErrNotReviewable is returned by SignOff for a case with nothing to
	// review yet: a draft, or an escalation still waiting for its decision.
	ErrNotReviewable = errors.New("not decided yet: nothing to sign off")
)

// fraudFacts is what a case's fraud flags were judged on when it was saved:
// the policy's thresholds then, and the passport's cases in flow.RepeatDays.
// They are kept in the case (and so hashed on its audit event), so that a
// flag can be neither cleared unseen nor explained differently later.
type fraudFacts struct {
	Rules           flow.FraudRules `json:"rules"`
	PassportReturns int             `json:"passport_returns,omitempty"`
}

// SignOff is a shift lead's sign-off of a case: reviewed, by whom, when.
type SignOff struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// payment is a refund record as flow sees it.
func (r *refundRecord) payment() *flow.Payment {
	if r == nil {
		return nil
	}
	return &flow.Payment{Amount: r.Amount, Tender: r.Tender, By: r.By, Day: r.Day}
}

// review is flow's flags of a stored case. A case saved before its facts
// were kept is judged on no thresholds: no repeat or cash flag.
func (d caseDoc) review() []flow.Finding {
	var rules flow.FraudRules
	facts := flow.Facts{Refund: d.Refund.payment()}
	if d.Fraud != nil {
		rules, facts.PassportReturns = d.Fraud.Rules, d.Fraud.PassportReturns
	}
	return flow.Review(d.Case, rules, facts)
}

// rulesCache is the fraud thresholds of the settings last read: settings
// change seldom, and a save should not parse the policy's TOML each time.
type rulesCache struct {
	settings []byte
	rules    flow.FraudRules
}

// fraudRulesTx is the fraud thresholds of the store's policy in tx: its own
// text, else the built-in it names; flow's defaults when there are no
// settings yet or the policy cannot be read.
func (s *Store) fraudRulesTx(tx *bolt.Tx) flow.FraudRules {
	var raw []byte
	if b := tx.Bucket(bucketSettings); b != nil {
		raw = b.Get(keySettings)
	}
	if c := s.rules.Load(); c != nil && bytes.Equal(c.settings, raw) {
		return c.rules
	}
	p := &flow.Policy{Currency: "UAH"}
	var set Settings
	if raw != nil && json.Unmarshal(raw, &set) == nil {
		var pol *flow.Policy
		var err error
		if strings.TrimSpace(set.PolicyText) != "" {
			pol, err = flow.ParsePolicy([]byte(set.PolicyText), set.PolicyName)
		} else {
			pol, err = flow.Builtin(set.PolicyName)
		}
		if err == nil {
			p = pol
		}
	}
	rules := p.Fraud()
	s.rules.Store(&rulesCache{settings: copyBytes(raw), rules: rules})
	return rules
}

// fraudFactsTx finds the facts of a case's fraud flags in tx: the store's
// thresholds, and how many cases carry its passport from
// flow.RepeatSince(day) to the case itself (those filed before it, and it).
func (s *Store) fraudFactsTx(tx *bolt.Tx, bs *buckets, c *flow.Case, day flow.Date, id []byte) *fraudFacts {
	f := &fraudFacts{Rules: s.fraudRulesTx(tx)}
	mac, err := hex.DecodeString(c.Passport.Key)
	if err != nil || len(mac) != sha256.Size {
		return f
	}
	f.PassportReturns = 1
	last := dayNum(day)
	cur := bs.passports.Cursor()
	for k, _ := cur.Seek(appendDay(append([]byte{}, mac...), flow.RepeatSince(day))); k != nil && bytes.HasPrefix(k, mac); k, _ = cur.Next() {
		d, other, err := tailDayID(k)
		if err != nil || dayNum(d) > last {
			break
		}
		if bytes.Compare(other, id) < 0 {
			f.PassportReturns++
		}
	}
	return f
}

// dayOpen says whether the day's cases may change: ErrDayClosed once the
// day is closed.
func dayOpen(bs *buckets, day flow.Date) error {
	if bs.closedDays.Get(appendDay(nil, day)) != nil {
		return fmt.Errorf("%s: %w", day, ErrDayClosed)
	}
	return nil
}

// leadTx checks that name is a shift lead's account.
func leadTx(tx *bolt.Tx, name string) error {
	_, rec, err := getStaff(tx, normStaff(name))
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%s: %w", name, ErrNotLead)
	}
	if err != nil {
		return err
	}
	if rec.Role != RoleLead {
		return fmt.Errorf("%s is a %s: %w", rec.Name, rec.Role, ErrNotLead)
	}
	return nil
}

// SignOff records that a shift lead (by) reviewed a case as it stands, in
// one transaction: the sign-off in the case, its day summary's flag, and a
// sign_off event. A later save of the case clears it: the lead signs the
// changed case again. A draft, an escalation still waiting, a case of a
// closed day and a case signed off already are refused.
func (s *Store) SignOff(caseID, by string, now time.Time) error {
	id, err := caseKey(caseID)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if err := leadTx(tx, by); err != nil {
			return err
		}
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		rec, doc, err := existingCase(bs, id)
		if err != nil {
			return err
		}
		if err := dayOpen(bs, rec.day); err != nil {
			return fmt.Errorf("case %s: %w", caseID, err)
		}
		switch st := statusOf(doc.Case); st {
		case flow.StatusOpen, flow.StatusEscalated:
			return fmt.Errorf("case %s: the case is %s: %w", caseID, st, ErrNotReviewable)
		}
		if so := doc.SignOff; so != nil {
			return fmt.Errorf("case %s: %w by %s at %s", caseID, ErrSignedOff, so.By,
				so.At.In(s.Location()).Format("15:04"))
		}
		seq, err := nextSeq(tx)
		if err != nil {
			return err
		}
		doc.SignOff = &SignOff{By: normStaff(by), At: now.UTC()}
		doc.Events = append(doc.Events, seq)
		raw, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		if err := bs.cases.Put(id, encodeCase(rec.day, raw)); err != nil {
			return err
		}
		sum := summarize(doc, rec.day)
		if err := bs.days.Put(dayIDKey(rec.day, id), sum.encode()); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: normStaff(by), Terminal: s.opts.Terminal, CaseID: caseID,
			Kind: EventSignOff, Status: statusOf(doc.Case), RecordHash: recordHash(raw),
			Detail: "signed off: " + sum.Flags.String()})
		return err
	})
	if err == nil {
		s.log.Info("case signed off", "case", caseID, "by", by)
	}
	return err
}

// Closing is a day's close as the closed_days bucket keeps it.
type Closing struct {
	Day flow.Date `json:"day"`
	By  string    `json:"by"`
	At  time.Time `json:"at"`
	// Anchor is the audit chain's head at the close, just before the close's
	// own event: written down off the machine, `returnsdesk check --anchor`
	// proves the history up to it unchanged.
	Anchor Anchor `json:"anchor"`
	// Seq is the close's own audit event.
	Seq    uint64    `json:"seq"`
	Report DayReport `json:"report"`
}

// MarshalJSON writes the anchor as SEQ:HASH.
func (a Anchor) MarshalJSON() ([]byte, error) { return json.Marshal(a.String()) }

// UnmarshalJSON reads an anchor written as SEQ:HASH.
func (a *Anchor) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	x, err := ParseAnchor(s)
	if err != nil {
		return err
	}
	*a = x
	return nil
}

// CloseDay closes a business day, in one transaction: its report as it
// stands (Report), the audit chain's head at the close (the anchor), the
// close in the closed_days bucket and a day_close event that carries both.
// From then on what the day settled is read-only: SaveCase and RecordRefund
// refuse its settled cases and new ones with ErrDayClosed (its cases still
// under way go on: a refund owed is paid, a draft resumed), SignOff refuses
// all of them, and corrections are notes. Only a
// shift lead closes a day; a day is closed once, and never before it
// begins.
func (s *Store) CloseDay(day flow.Date, by string, now time.Time) (Closing, error) {
	var out Closing
	today := s.Today(now)
	if day.IsZero() {
		return out, errors.New("name the day to close")
	}
	if day.After(today) {
		return out, fmt.Errorf("%s has not begun: a day is closed once it is over or at its end", day)
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := leadTx(tx, by); err != nil {
			return err
		}
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		key := appendDay(nil, day)
		if v := bs.closedDays.Get(key); v != nil {
			var was Closing
			_ = json.Unmarshal(v, &was)
			return fmt.Errorf("%s was closed by %s at %s", day, was.By,
				was.At.In(s.Location()).Format("2006-01-02 15:04"))
		}
		sums, err := daySummaries(tx, day, s.Location())
		if err != nil {
			return err
		}
		seq, hash, err := chainHead(tx)
		if err != nil {
			return err
		}
		out = Closing{Day: day, By: normStaff(by), At: now.UTC(), Seq: seq + 1,
			Anchor: Anchor{Seq: seq, Hash: hex.EncodeToString(hash)}, Report: NewDayReport(day, sums, today)}
		val, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if err := bs.closedDays.Put(key, val); err != nil {
			return err
		}
		r := out.Report
		_, err = appendEvent(tx, Event{Time: now, Staff: out.By, Terminal: s.opts.Terminal, Kind: EventDayClose,
			Day: day.String(), Anchor: out.Anchor.String(), RecordHash: recordHash(val),
			Detail: fmt.Sprintf("day %s closed: %d cases, %d refunds paid, %d owed, %d escalated, %d flagged, %d signed off; chain head %s",
				day, r.Cases, r.RefundsPaid, r.Owed, r.Escalated, r.Flagged, r.SignedOff, out.Anchor)})
		return err
	})
	if err != nil {
		return Closing{}, err
	}
	s.log.Info("day closed", "day", day.String(), "by", by, "anchor", out.Anchor.String())
	return out, nil
}

// DayClosing is the close of a day, or nil while it is open.
func (s *Store) DayClosing(day flow.Date) (*Closing, error) {
	var out *Closing
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketClosedDays)
		if err != nil {
			return err
		}
		v := b.Get(appendDay(nil, day))
		if v == nil {
			return nil
		}
		out = &Closing{}
		if err := json.Unmarshal(v, out); err != nil {
			return fmt.Errorf("%w: the close of %s cannot be read: %v", ErrDamaged, day, err)
		}
		return nil
	})
	return out, err
}

// DayReport is the report of a day as it stands: what Closing keeps at the
// close. today says which refunds owed are overdue.
func (s *Store) DayReport(day, today flow.Date) (DayReport, error) {
	sums, err := s.Day(day)
	if err != nil {
		return DayReport{}, err
	}
	return NewDayReport(day, sums, today), nil
}

// daySummaries lists the summaries of a day in tx, as Day does.
func daySummaries(tx *bolt.Tx, day flow.Date, loc *time.Location) ([]Summary, error) {
	prefix := appendDay(nil, day)
	var out []Summary
	c := tx.Bucket(bucketDays).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != dayLen+idLen {
			return nil, fmt.Errorf("%w: a day key of %d bytes", ErrDamaged, len(k))
		}
		sum, err := decodeSummary(caseID(k[dayLen:]), day, v)
		if err != nil {
			return nil, err
		}
		sum.Time = sum.Time.In(loc)
		out = append(out, sum)
	}
	return out, nil
}

// CaseDetail is one case whole, for the shift lead's screen and exports:
// the case, its line of the day index, its flags with why, the refund paid,
// the sign-off, and (from Detail) its trail.
type CaseDetail struct {
	Case     *flow.Case
	Summary  Summary
	Findings []flow.Finding
	Refund   *flow.Payment // the refund paid, if any
	RefundAt time.Time     // when it was paid
	SignOff  *SignOff
	Trail    []Event // every event of the case, in order (Detail only)
}

// detailOf is the detail of a stored case in tx.
func detailOf(rec *caseRecord, doc caseDoc, id []byte, loc *time.Location) CaseDetail {
	sum := summarize(doc, rec.day)
	sum.Time = sum.Time.In(loc)
	d := CaseDetail{Case: doc.Case, Summary: sum, Findings: doc.review(), Refund: doc.Refund.payment(),
		SignOff: doc.SignOff}
	if doc.Refund != nil {
		d.RefundAt = doc.Refund.At.In(loc)
	}
	return d
}

// Detail reads one case whole with its trail: the one case decoded.
func (s *Store) Detail(caseID string) (CaseDetail, error) {
	id, err := caseKey(caseID)
	if err != nil {
		return CaseDetail{}, err
	}
	var out CaseDetail
	loc := s.Location()
	err = s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		rec, doc, err := existingCase(bs, id)
		if err != nil {
			return err
		}
		out = detailOf(rec, doc, id, loc)
		for _, seq := range doc.Events {
			ev, err := readEvent(bs.audit, seqKey(seq))
			if err != nil {
				return err
			}
			out.Trail = append(out.Trail, ev)
		}
		return nil
	})
	return out, err
}

// DayDetails reads every case of a day whole, in the order they were opened,
// without their trails: for an export, which needs what the day index does
// not hold (the masked passport, the override's reason).
func (s *Store) DayDetails(day flow.Date) ([]CaseDetail, error) {
	prefix := appendDay(nil, day)
	var out []CaseDetail
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		c := bs.days.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) != dayLen+idLen {
				return fmt.Errorf("%w: a day key of %d bytes", ErrDamaged, len(k))
			}
			id := k[dayLen:]
			rec, doc, err := getCase(bs, id)
			if err != nil {
				return err
			}
			if rec == nil {
				return fmt.Errorf("%w: the day index names case %s, which is missing", ErrDamaged, caseID(id))
			}
			out = append(out, detailOf(rec, doc, id, loc))
		}
		return nil
	})
	return out, err
}

// checkClosedDays checks every closed day against the audit trail: the close
// is as its day_close event wrote it, no day_close event lacks its close, and
// the chain head it recorded is still in the chain with the same hash.
func checkClosedDays(bs *buckets, written map[string]lastWrite, p *problems) {
	closes := 0
	_ = bs.closedDays.ForEach(func(k, v []byte) error {
		closes++
		var c Closing
		if len(k) != dayLen || json.Unmarshal(v, &c) != nil || !bytes.Equal(appendDay(nil, c.Day), k) {
			p.add("closed_days: the close under %x cannot be read", k)
			return nil
		}
		w, ok := written["day:"+c.Day.String()]
		if !ok || w.hash != recordHash(v) {
			p.add("the close of %s is not as its day_close event (%d) left it: changed outside the program", c.Day, w.seq)
		}
		if c.Anchor.Seq > 0 {
			at := bs.audit.Get(seqKey(c.Anchor.Seq))
			if len(at) < sha256.Size || hex.EncodeToString(at[:sha256.Size]) != c.Anchor.Hash {
				p.add("the close of %s recorded the chain head %s, which the chain no longer holds: the history "+
					"before the close was rewritten", c.Day, c.Anchor)
			}
		}
		return nil
	})
	n := 0
	for k := range written {
		if strings.HasPrefix(k, "day:") {
			n++
		}
	}
	if n != closes {
		p.add("closed_days: %d closes, but the audit trail closed %d days", closes, n)
	}
}
