package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// The shift lead's side of the store: the facts a case's fraud flags are
// judged on, a lead's sign-off of a case, and a case read whole. The day
// close, after which what the day settled is read-only (corrections are
// notes: Record), is in days.go.

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

// review is flow's flags of a stored case. A case saved before its facts
// were kept is judged on no thresholds: no repeat or cash flag.
func (d caseDoc) review() []flow.Finding {
	var rules flow.FraudRules
	facts := flow.Facts{Payments: flowPayments(d.Payments)}
	if d.Fraud != nil {
		rules, facts.PassportReturns = d.Fraud.Rules, d.Fraud.PassportReturns
	}
	return flow.Review(d.Case, rules, facts)
}

// fraudFactsTx finds the facts of a case's fraud flags in tx: the store's
// thresholds, and how many cases carry its passport from
// flow.RepeatSince(day) to the case itself (those filed before it, and it).
// Settings that cannot be trusted refuse it (fraudRulesTx).
func (s *Store) fraudFactsTx(tx *bolt.Tx, bs *buckets, c *flow.Case, day flow.Date, id []byte) (*fraudFacts, error) {
	rules, err := s.fraudRulesTx(tx)
	if err != nil {
		return nil, err
	}
	f := &fraudFacts{Rules: rules}
	mac, err := hex.DecodeString(c.Passport.Key)
	if err != nil || len(mac) != sha256.Size {
		return f, nil
	}
	f.PassportReturns = 1
	visits := map[string]bool{c.VisitID(): true} // the items of one visit are one return
	last := dayNum(day)
	cur := bs.passports.Cursor()
	for k, _ := cur.Seek(appendDay(append([]byte{}, mac...), flow.RepeatSince(day))); k != nil && bytes.HasPrefix(k, mac); k, _ = cur.Next() {
		d, other, err := tailDayID(k)
		if err != nil || dayNum(d) > last {
			break
		}
		if bytes.Compare(other, id) >= 0 {
			continue
		}
		if v := visitOf(bs, other); v == "" || !visits[v] {
			visits[v] = v != ""
			f.PassportReturns++
		}
	}
	return f, nil
}

// leadTx checks that name is a shift lead's account.
func leadTx(tx *bolt.Tx, name string) error {
	_, rec, err := getStaff(tx, normStaff(name))
	if errors.Is(err, ErrNotFound) {
		return refine(ErrNotLead, nil, "there is no staff member called %s: only a shift lead may do this", name)
	}
	if err != nil {
		return err
	}
	if rec.Role != flow.RoleLead {
		return refine(ErrNotLead, nil, "%s is a %s: only a shift lead may do this", rec.Name, rec.Role)
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
		bs, rec, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		if err := dayOpen(bs, rec.day, caseID); err != nil {
			return err
		}
		if !flow.CanSignOff(doc.Case.Status) {
			return refine(ErrNotReviewable, caseDetail(caseID), "the case is %s: not decided yet: nothing to sign off",
				statusOf(doc.Case))
		}
		if so := doc.SignOff; so != nil {
			return refine(ErrSignedOff, caseDetail(caseID), "signed off already by %s at %s", so.By,
				so.At.In(s.Location()).Format("15:04"))
		}
		doc.SignOff = &SignOff{By: normStaff(by), At: now.UTC()}
		raw, err := putWithNextEvent(tx, bs, id, rec, &doc)
		if err != nil {
			return err
		}
		sum := summarize(doc, rec.day)
		if err := bs.days.Put(dayIDKey(rec.day, id), sum.encode()); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: normStaff(by), Terminal: s.terminal, CaseID: caseID,
			Kind: EventSignOff, Status: statusOf(doc.Case), RecordHash: recordHash(raw),
			Words: Said("signed off: %s", sum.Flags)})
		return err
	})
	if err == nil {
		s.log.Info("case signed off", "case", caseID, "by", by)
	}
	return err
}

// CaseDetail is one case whole, for the shift lead's screen and exports:
// the case, its line of the day index, its flags with why, the payments of
// its refund and what it still owes, the sign-off, and (from Detail) its
// trail.
type CaseDetail struct {
	Case     *flow.Case
	Summary  Summary
	Findings []flow.Finding
	Payments []flow.Payment // the payments of its refund, in order; their times in the store's zone
	Owed     flow.Money     // what is still owed of its refund (flow's StillOwed)
	SignOff  *SignOff
	Trail    []Event // every event of the case, in order (Detail only)
}

// Paid is what the payments of the case's refund come to.
func (d CaseDetail) Paid() flow.Money { return flow.Paid(d.Payments) }

// detailOf is the detail of a stored case in tx.
func detailOf(rec *caseRecord, doc caseDoc, id []byte, loc *time.Location) CaseDetail {
	sum := summarize(doc, rec.day)
	sum.Time = sum.Time.In(loc)
	payments := doc.payments(loc)
	return CaseDetail{Case: doc.Case, Summary: sum, Findings: doc.review(), Payments: payments,
		Owed: doc.Case.StillOwed(payments), SignOff: doc.SignOff}
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
		out, _, err = detailTx(tx, id, loc)
		return err
	})
	return out, err
}

// detailTx reads one case whole with its trail in tx, and the day it is
// filed under.
func detailTx(tx *bolt.Tx, id []byte, loc *time.Location) (CaseDetail, flow.Date, error) {
	bs, rec, doc, err := caseInTx(tx, id)
	if err != nil {
		return CaseDetail{}, flow.Date{}, err
	}
	out := detailOf(rec, doc, id, loc)
	for _, seq := range doc.Events {
		ev, err := readEvent(bs.audit, seqKey(seq))
		if err != nil {
			return CaseDetail{}, flow.Date{}, err
		}
		out.Trail = append(out.Trail, ev)
	}
	return out, rec.day, nil
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
				return ErrDamaged.Wrap(fmt.Errorf("a day key of %d bytes", len(k)))
			}
			id := k[dayLen:]
			rec, doc, err := getCase(bs, id)
			if err != nil {
				return err
			}
			if rec == nil {
				return ErrDamaged.Wrap(fmt.Errorf("the day index names case %s, which is missing", caseID(id)))
			}
			out = append(out, detailOf(rec, doc, id, loc))
		}
		return nil
	})
	return out, err
}

// VoidCase is EndCase as a shift lead sets a case aside.
func (s *Store) VoidCase(caseID, reason, by string, now time.Time) error {
	return s.EndCase(caseID, flow.EndVoided, reason, by, now)
}

// EndCase closes a case without a decision (flow.Case.End): the customer
// withdrew, never came back, or a shift lead set it aside. A shift lead
// ends any such case, the one who opened it their own as withdrawn or
// abandoned (abandoned only the store's AbandonDays after its opening). The
// case is claimed while it is written: a case open at another till is
// refused.
func (s *Store) EndCase(caseID string, kind flow.EndKind, reason, by string, now time.Time) error {
	unknown := func() error {
		return refine(ErrNotLead, nil, "there is no staff member called %s: only a shift lead may do this", by)
	}
	err := s.changeCase(caseID, by, unknown, func(tx *bolt.Tx, c *flow.Case, rec *staffRecord) (Event, error) {
		set, err := settingsTx(tx)
		if err != nil {
			return Event{}, err
		}
		if err := c.End(kind, rec.Name, rec.Role, reason, now, set.AbandonDays); err != nil {
			return Event{}, err
		}
		return Event{Time: now, Staff: rec.Name, Kind: EventVoid, Words: endWords(kind, c.Voided.Reason)}, nil
	})
	if err == nil {
		s.log.Info("case ended without a decision", "case", caseID, "kind", kind, "by", by)
	}
	return err
}

// changeCase is a staff member's change of a stored case outside its walk
// at a till (ending it, its service centre's ticket): the case claimed, a
// case open at another till refused; then in one transaction the staff
// member read (unknown says why one not on the staff may not), change
// applied to the case as stored, and the case saved with the event change
// returns.
func (s *Store) changeCase(caseID, by string, unknown func() error,
	change func(tx *bolt.Tx, c *flow.Case, rec *staffRecord) (Event, error)) error {
	id, err := caseKey(caseID)
	if err != nil {
		return err
	}
	if err := s.Claim(caseID); err != nil { // open at another till
		return err
	}
	defer s.Release()
	return s.update(func(tx *bolt.Tx) error {
		_, rec, err := getStaff(tx, normStaff(by))
		if errors.Is(err, ErrNotFound) {
			return unknown()
		}
		if err != nil {
			return err
		}
		bs, _, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		ev, err := change(tx, doc.Case, rec)
		if err != nil {
			return err
		}
		_, err = s.saveCaseTx(tx, bs, id, doc.Case, ev, nil)
		return err
	})
}

// endWords are the trail's words for a case ended without a decision.
func endWords(kind flow.EndKind, reason string) *EventWords {
	switch kind {
	case flow.EndWithdrawn:
		return Said("withdrawn by the customer: %s", reason)
	case flow.EndAbandoned:
		return Said("abandoned: the customer never came back: %s", reason)
	}
	return Said("voided: %s", reason)
}
