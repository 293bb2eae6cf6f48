package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	bolt "go.etcd.io/bbolt"
)

// Day lists the cases filed under one business day, in the order they were
// opened, from the day index alone.
func (s *Store) Day(day flow.Date) ([]Summary, error) {
	var out []Summary
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = daySummaries(tx, day, loc)
		return err
	})
	return out, err
}

// dayOpen says whether the day's cases may change: ErrDayClosed once the
// day is closed, naming the day, with the case (caseID, if any) as detail.
func dayOpen(bs *buckets, day flow.Date, caseID string) error {
	if bs.closedDays.Get(appendDay(nil, day)) != nil {
		var detail error
		if caseID != "" {
			detail = caseDetail(caseID)
		}
		return refine(ErrDayClosed, detail, "%s: the day is closed: what it settled is read-only; a shift lead "+
			"can reopen the day, with a reason", day)
	}
	return nil
}

// filingDay is the day a case opened on day is filed under: that day, or
// when it is closed, the first day after it that is not.
func filingDay(bs *buckets, day flow.Date) flow.Date {
	return flow.FilingDay(day, func(d flow.Date) bool { return bs.closedDays.Get(appendDay(nil, d)) != nil })
}

// FilingDay is the day a case opened at now is filed under, and so counted
// in: today, or once today is closed, the first day after it that is not.
func (s *Store) FilingDay(now time.Time) (flow.Date, error) {
	day := s.Today(now)
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err == nil {
			day = filingDay(bs, day)
		}
		return err
	})
	return day, err
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
// refuse its settled cases with ErrDayClosed (its cases still under way go
// on: a refund owed is paid, a draft resumed; a settled case is closed once
// its act is signed), new cases go to the next day (FilingDay), SignOff
// refuses all of them, and corrections are notes. Only a shift lead closes
// a day; a day is closed once (until ReopenDay), and never before it begins.
func (s *Store) CloseDay(day flow.Date, by string, now time.Time) (Closing, error) {
	var out Closing
	today := s.Today(now)
	if day.IsZero() {
		return out, flow.Errorf(flow.EInvalid, "name the day to close")
	}
	if day.After(today) {
		return out, flow.Errorf(flow.EInvalid, "%s has not begun: a day is closed once it is over or at its end", day)
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
			return flow.Errorf(flow.EConflict, "%s was closed by %s at %s", day, was.By, when(was.At.In(s.Location())))
		}
		_, report, err := dayReportTx(tx, day, today, s.Location())
		if err != nil {
			return err
		}
		seq, hash, err := chainHead(tx)
		if err != nil {
			return err
		}
		out = Closing{Day: day, By: normStaff(by), At: now.UTC(), Seq: seq + 1,
			Anchor: Anchor{Seq: seq, Hash: hex.EncodeToString(hash)}, Report: report}
		val, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if err := bs.closedDays.Put(key, val); err != nil {
			return err
		}
		r := out.Report
		_, err = appendEvent(tx, Event{Time: now, Staff: out.By, Terminal: s.terminal, Kind: EventDayClose,
			Day: day.String(), Anchor: out.Anchor.String(), RecordHash: recordHash(val),
			Words: Said("day %s closed: %d cases, %d refunds paid, %d owed, %d escalated, %d flagged, %d signed off; chain head %s",
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
		var err error
		out, err = closingTx(tx, day)
		return err
	})
	return out, err
}

// closingTx reads the close of a day in tx, or nil while it is open.
func closingTx(tx *bolt.Tx, day flow.Date) (*Closing, error) {
	b, err := bucket(tx, bucketClosedDays)
	if err != nil {
		return nil, err
	}
	v := b.Get(appendDay(nil, day))
	if v == nil {
		return nil, nil
	}
	out := &Closing{}
	if err := json.Unmarshal(v, out); err != nil {
		return nil, ErrDamaged.Wrap(fmt.Errorf("the close of %s cannot be read: %v", day, err))
	}
	return out, nil
}

// DayReport is the report of a day as it stands: what Closing keeps at the
// close. today says which refunds owed are overdue.
func (s *Store) DayReport(day, today flow.Date) (DayReport, error) {
	var out DayReport
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		_, out, err = dayReportTx(tx, day, today, loc)
		return err
	})
	return out, err
}

// dayReportTx reads a day's summaries and the payments made on it in tx,
// and reports them.
func dayReportTx(tx *bolt.Tx, day, today flow.Date, loc *time.Location) ([]Summary, DayReport, error) {
	sums, err := daySummaries(tx, day, loc)
	if err != nil {
		return nil, DayReport{}, err
	}
	paid, err := dayPaymentsTx(tx, day)
	if err != nil {
		return nil, DayReport{}, err
	}
	return sums, NewDayReport(day, sums, paid, today), nil
}

// daySummaries lists the summaries of a day in tx, as Day does.
func daySummaries(tx *bolt.Tx, day flow.Date, loc *time.Location) ([]Summary, error) {
	prefix := appendDay(nil, day)
	var out []Summary
	c := tx.Bucket(bucketDays).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != dayLen+idLen {
			return nil, ErrDamaged.Wrap(fmt.Errorf("a day key of %d bytes", len(k)))
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

// ReopenDay reopens a closed day, as shift lead by does at now for reason,
// in one transaction: the close is set aside (its anchor stays proven by
// the chain, which is never rewritten), and a day_reopen event names the
// day, the reason and the close it set aside. The day's cases may change
// again, and its next close records a new chain head.
func (s *Store) ReopenDay(day flow.Date, reason, by string, now time.Time) error {
	if err := flow.CheckReason(reason); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := leadTx(tx, by); err != nil {
			return err
		}
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		was, err := closingTx(tx, day)
		if err != nil {
			return err
		}
		if was == nil {
			return flow.Errorf(flow.EConflict, "%s is not closed", day)
		}
		if err := bs.closedDays.Delete(appendDay(nil, day)); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: normStaff(by), Terminal: s.terminal, Kind: EventDayReopen,
			Day: day.String(), Words: Said("day %s reopened: %s; its close by %s at %s (chain head %s) set aside",
				day, strings.TrimSpace(reason), was.By, when(was.At.In(s.Location())), was.Anchor)})
		return err
	})
	if err == nil {
		s.log.Info("day reopened", "day", day.String(), "by", by)
	}
	return err
}

// when is a moment as an error's argument: 2026-11-21 21:05 in the
// message, the day as p writes it in In (21.11.2026 21:05).
type when time.Time

func (w when) String() string { return time.Time(w).Format("2006-01-02 15:04") }

// In is the moment as p writes a day, with its hour and minute.
func (w when) In(p *lang.Printer) string {
	t := time.Time(w)
	return flow.DateOf(t).In(p) + " " + t.Format("15:04")
}
