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
	Serial  string       // the serial number or IMEI as the receipt gives it
	Outcome flow.Outcome // after any override; "" before the decision
	Amount  flow.Money   // the refund paid once refunded, else the price (for a refund, the refund due)
	Tender  flow.Tender  // the tender of the refund's last payment once paid, else the sale's
	Status  flow.Status
	Step    flow.Step // the step the kiosk shows now: where a draft resumes
	Flags   Flags
	// Due is the day a refund owed must be paid by, or the day an item at
	// the service centre is expected back; zero otherwise.
	Due flow.Date
	// Paid is what was paid so far of a refund still owed (in part
	// payments); zero otherwise.
	Paid flow.Money
	// Taken is what the customer paid at the till for a dearer replacement
	// in an exchange, in the tender Tender; zero otherwise.
	Taken flow.Money
}

// Owed is what a refund owed still owes: its amount (the refund due) less
// what was paid of it; nothing for a case in any other status.
func (s Summary) Owed() flow.Money {
	if !s.Status.Owed() {
		return flow.Money{Currency: s.Amount.Currency}
	}
	return flow.Owed(s.Amount, s.Paid)
}

// Flags mark what a shift lead should look at in a case: flow's flags
// (flow.Review decides them; each bit is one flow.Flag of the same name) and
// the store's own sign-off. The bits are kept in the day index: their
// places never change.
type Flags uint32

// The flags of a case.
const (
	FlagOverride       Flags = 1 << iota // flow.FlagOverride: a shift lead went against the engine's decision
	FlagEscalated                        // flow.FlagEscalated: the engine handed the case to a shift lead
	FlagRepeat                           // flow.FlagRepeat: the passport is on more cases in 30 days than the policy allows
	FlagNoReceipt                        // flow.FlagNoReceipt: a refund without the receipt
	FlagNameMismatch                     // flow.FlagNameMismatch: the passport's name does not match the purchase
	FlagRemote                           // flow.FlagRemote: sent by a delivery service
	FlagUsed                             // flow.FlagUsed: used equipment
	FlagWarnings                         // flow.FlagWarnings: the decision carries warnings to tell the customer
	FlagRefundPaid                       // flow.FlagRefundPaid: the refund was paid, in full or in part
	FlagPaidLate                         // flow.FlagPaidLate: a payment was made after the day it was due
	FlagCashRefund                       // flow.FlagCashRefund: a cash refund above the policy's threshold
	FlagSerialMismatch                   // flow.FlagSerialMismatch: the serial does not match the receipt
	FlagSamePerson                       // flow.FlagSamePerson: opened and decided by the same person
	FlagSignedOff                        // a shift lead signed the case off (SignOff) since it last changed
	FlagVoided                           // flow.FlagVoided: a shift lead closed the case without a decision
	FlagSaleCorrected                    // flow.FlagSaleCorrected: a shift lead corrected the imported sale
	FlagLongRepair                       // flow.FlagLongRepair: at the service centre longer than the law's 14 days
)

var flagNames = []string{"override", "escalated", "repeat", "no_receipt", "name_mismatch", "remote", "used",
	"warnings", "refund_paid", "paid_late", "cash_refund", "serial_mismatch", "same_person", "signed_off",
	"voided", "sale_corrected", "long_repair"}

// FlagOf is the bit of one of flow's flags; 0 for a name the store does not
// keep.
func FlagOf(f flow.Flag) Flags {
	for i, n := range flagNames {
		if n == string(f) {
			return 1 << i
		}
	}
	return 0
}

// FraudFlags are the bits of flow's fraud flags, together.
func FraudFlags() Flags {
	var out Flags
	for _, f := range flow.FraudFlags {
		out |= FlagOf(f)
	}
	return out
}

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

// Overdue reports whether a refund owed is past its due day on today, or an
// item at the service centre past the day it was expected back.
func (s Summary) Overdue(today flow.Date) bool {
	return (s.Status == flow.StatusRefundOwed || s.Status == flow.StatusServiceCentre) && flow.Overdue(s.Due, today)
}

// summaryVersion is the first byte of an encoded summary: 2 adds the serial
// at the end (version 4 of the schema rewrote every summary as 2); 3 adds
// what was paid of a refund still owed after it (a version 2 summary reads
// as nothing paid, which is what every case written before part payments
// has: no version 2 summary needs writing again); 4 adds what the customer
// paid for a dearer replacement after it (an earlier summary reads as
// nothing taken, as every case written before replacements has).
const summaryVersion = 4

// encode writes the summary as the days bucket keeps it: a version byte, then
// the fields in order, strings and numbers as varints. The ID and the day are
// in the key.
func (s *Summary) encode() []byte {
	b := make([]byte, 0, 112)
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
	b = binary.AppendUvarint(b, uint64(dayNum(s.Due)))
	b = binary.AppendUvarint(b, uint64(len(s.Serial)))
	b = append(b, s.Serial...)
	b = binary.AppendVarint(b, s.Paid.Minor)
	return binary.AppendVarint(b, s.Taken.Minor)
}

var errSummary = errors.New("a day summary is malformed")

// decodeSummary reads a summary back; a damaged one is an error, never a panic.
func decodeSummary(id string, day flow.Date, b []byte) (Summary, error) {
	s := Summary{ID: id, Day: day}
	r := byteReader{b: b}
	version := r.byte()
	if version < 1 || version > summaryVersion {
		return s, ErrDamaged.Wrap(fmt.Errorf("%w (case %s)", errSummary, id))
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
	if version >= 2 {
		s.Serial = r.str()
	}
	s.Paid.Currency = s.Amount.Currency
	if version >= 3 {
		s.Paid.Minor = r.varint()
	}
	s.Taken.Currency = s.Amount.Currency
	if version >= 4 {
		s.Taken.Minor = r.varint()
	}
	if r.bad || len(r.b) != 0 {
		return s, ErrDamaged.Wrap(fmt.Errorf("%w (case %s)", errSummary, id))
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
