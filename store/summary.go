package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
)

// Summary is one line of a list of cases: what a shift lead scans, read from
// the index alone without decoding the case.
type Summary struct {
	ID      string
	Time    time.Time // when the case was opened, in the store's time zone
	Day     flow.Date // the business day it is filed under
	Staff   string    // who opened it
	Model   string
	Receipt string
	Outcome flow.Outcome // after any override; "" before the decision
	Amount  flow.Money   // the refund paid once paid, else the price
	Tender  flow.Tender  // the refund's tender once paid, else the sale's
	Status  flow.Status
	Step    flow.Step // the step the kiosk shows now: where a draft resumes
	Flags   Flags
	// Due is the day a refund owed must be paid by, or the day an item at
	// the service centre is expected back; zero otherwise.
	Due flow.Date
}

// Flags mark what a shift lead should look at in a case.
type Flags uint16

// The flags of a case.
const (
	FlagOverride     Flags = 1 << iota // a shift lead decided in place of the engine
	FlagEscalated                      // the engine handed the case to a shift lead
	FlagRepeat                         // the same passport was on a case opened earlier
	FlagNoReceipt                      // no receipt presented
	FlagNameMismatch                   // the passport's name does not match the purchase
	FlagRemote                         // sent by a delivery service
	FlagUsed                           // used equipment
	FlagWarnings                       // the decision carries warnings to tell the customer
	FlagRefundPaid                     // the refund was paid out
	FlagPaidLate                       // the refund was paid after the day it was due
)

var flagNames = []string{"override", "escalated", "repeat", "no_receipt", "name_mismatch", "remote", "used",
	"warnings", "refund_paid", "paid_late"}

// Has reports whether every flag of x is set in f.
func (f Flags) Has(x Flags) bool { return f&x == x }

// Names lists the flags set, by name.
func (f Flags) Names() []string {
	var out []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

func (f Flags) String() string { return strings.Join(f.Names(), ",") }

// Overdue reports whether a refund owed is past its due day on today.
func (s Summary) Overdue(today flow.Date) bool {
	return s.Status == flow.StatusRefundOwed && !s.Due.IsZero() && today.After(s.Due)
}

// summaryVersion is the first byte of an encoded summary.
const summaryVersion = 1

// encode writes the summary as the days bucket keeps it: a version byte, then
// the fields in order, strings and numbers as varints. The ID and the day are
// in the key.
func (s *Summary) encode() []byte {
	b := make([]byte, 0, 96)
	b = append(b, summaryVersion)
	b = binary.AppendVarint(b, s.Time.UnixNano())
	for _, str := range []string{s.Staff, s.Model, s.Receipt, string(s.Outcome), s.Amount.Currency,
		string(s.Tender), string(s.Status)} {
		b = binary.AppendUvarint(b, uint64(len(str)))
		b = append(b, str...)
	}
	b = binary.AppendVarint(b, s.Amount.Minor)
	b = append(b, byte(s.Step))
	b = binary.AppendUvarint(b, uint64(s.Flags))
	return binary.AppendUvarint(b, uint64(dayNum(s.Due)))
}

var errSummary = errors.New("a day summary is malformed")

// decodeSummary reads a summary back; a damaged one is an error, never a panic.
func decodeSummary(id string, day flow.Date, b []byte) (Summary, error) {
	s := Summary{ID: id, Day: day}
	r := byteReader{b: b}
	if r.byte() != summaryVersion {
		return s, fmt.Errorf("%w: %w (case %s)", ErrDamaged, errSummary, id)
	}
	s.Time = time.Unix(0, r.varint()).UTC()
	var strs [7]string
	for i := range strs {
		strs[i] = r.str()
	}
	s.Staff, s.Model, s.Receipt = strs[0], strs[1], strs[2]
	s.Outcome, s.Amount.Currency, s.Tender, s.Status = flow.Outcome(strs[3]), strs[4], flow.Tender(strs[5]),
		flow.Status(strs[6])
	s.Amount.Minor = r.varint()
	s.Step = flow.Step(r.byte())
	s.Flags = Flags(r.uvarint())
	s.Due = dayOf(uint32(r.uvarint()))
	if r.bad || len(r.b) != 0 {
		return s, fmt.Errorf("%w: %w (case %s)", ErrDamaged, errSummary, id)
	}
	return s, nil
}

// byteReader reads varints and strings, remembering a short read instead of
// panicking.
type byteReader struct {
	b   []byte
	bad bool
}

func (r *byteReader) byte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *byteReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *byteReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *byteReader) str() string {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
