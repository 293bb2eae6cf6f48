package flow

import (
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow/lang"
)

// What a shift lead looks at in a case: the flags of return fraud (docs/rules.md,
// "Who uses it"), and the other marks of a case worth a second look, each
// explained in words. The rules live here once; the store persists the bits
// in its day index, and the screens show the words.

// RepeatDays is the span of the repeat-returns flag: the cases with one
// passport filed in these many calendar days, up to and including the
// case's own day, count.
const RepeatDays = 30

// Defaults of the [fraud] table of a policy, when the policy leaves it out.
const (
	DefaultRepeatReturns       = 3          // more than 3 cases with one passport in 30 days is flagged
	DefaultCashRefundThreshold = "20000.00" // a cash refund above this, in the policy's currency, is flagged
)

// FraudTable is a policy's [fraud] table: the thresholds of the return-fraud
// flags. These are the store's own controls, not terms it gives the customer,
// so they quote no source. An absent key takes its default.
type FraudTable struct {
	// RepeatReturns: a passport on more than this many cases in RepeatDays
	// is flagged.
	RepeatReturns *int `toml:"repeat_returns"`
	// CashRefundThreshold: a refund paid in cash above this amount, in the
	// policy's currency, written as "20000.00", is flagged.
	CashRefundThreshold string `toml:"cash_refund_threshold"`
}

// FraudRules are the thresholds the fraud flags are judged by, with the
// defaults filled in.
type FraudRules struct {
	RepeatReturns       int   `json:"repeat_returns"`        // more than this many cases with one passport in RepeatDays
	CashRefundThreshold Money `json:"cash_refund_threshold"` // a cash refund above this
}

// Fraud is the policy's fraud thresholds, each the default where the policy
// does not set it. A policy that passed ParsePolicy has valid ones.
func (p *Policy) Fraud() FraudRules {
	r := FraudRules{RepeatReturns: DefaultRepeatReturns}
	r.CashRefundThreshold, _ = ParseMoney(DefaultCashRefundThreshold, p.Currency)
	if f := p.FraudTable; f != nil {
		if f.RepeatReturns != nil {
			r.RepeatReturns = *f.RepeatReturns
		}
		if f.CashRefundThreshold != "" {
			if m, err := ParseMoney(f.CashRefundThreshold, p.Currency); err == nil {
				r.CashRefundThreshold = m
			}
		}
	}
	return r
}

// checkFraud finds values out of range in the [fraud] table.
func (p *Policy) checkFraud(problemf func(key, format string, args ...any)) {
	f := p.FraudTable
	if f == nil {
		return
	}
	if n := f.RepeatReturns; n != nil && (*n < 1 || *n > 100) {
		problemf("fraud.repeat_returns", "%d is not a number of cases from 1 to 100", *n)
	}
	if f.CashRefundThreshold != "" {
		m, err := ParseMoney(f.CashRefundThreshold, p.Currency)
		switch {
		case err != nil:
			problemf("fraud.cash_refund_threshold", "%v", Said(err))
		case m.Minor <= 0:
			problemf("fraud.cash_refund_threshold", "the threshold must be more than zero")
		}
	}
}

// RepeatSince is the first day whose cases count toward the repeat-returns
// flag of a case filed on day: RepeatDays days, day itself included.
func RepeatSince(day Date) Date { return day.AddDays(-(RepeatDays - 1)) }

// SamePerson reports whether two staff names are one person, as the kiosk
// compares them: letter case and surrounding spaces do not count.
func SamePerson(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// Overdue reports whether something due on due is late on today: the day
// after due is the first day late. A zero due is never overdue.
func Overdue(due, today Date) bool { return !due.IsZero() && today.After(due) }

// RefundTender is the tender the case's refund is paid in when nobody says
// otherwise (RefundTenderFor its sale's); an exchange's difference, in the
// tender its replacement names.
func (c *Case) RefundTender() Tender {
	if r := c.Replacement; r != nil && r.Tender != "" && c.Outcome().Exchanges() {
		return r.Tender
	}
	return RefundTenderFor(c.Sale.Tender)
}

// RefundTenderFor is the tender a refund of a sale paid in sale is paid in
// when nobody says otherwise: the sale's, and cash where the receipt does
// not say.
func RefundTenderFor(sale Tender) Tender {
	if sale == "" {
		return DefaultTender
	}
	return sale
}

// Flag names one thing about a case a shift lead should look at. The names
// are stable: the store keeps them as bits and exports write them.
type Flag string

// The flags of return fraud (each explained on the case) and the other marks
// of a case.
const (
	// FlagRepeat: the same passport on more than the policy's number of cases
	// in RepeatDays.
	FlagRepeat Flag = "repeat"
	// FlagNoReceipt: a refund without the receipt.
	FlagNoReceipt Flag = "no_receipt"
	// FlagOverride: a shift lead went against the engine's decision
	// (Case.Overridden); deciding a case the engine escalated is not one.
	FlagOverride Flag = "override"
	// FlagCashRefund: a refund in cash above the policy's threshold.
	FlagCashRefund Flag = "cash_refund"
	// FlagSerialMismatch: the item's serial or IMEI does not match the receipt.
	FlagSerialMismatch Flag = "serial_mismatch"
	// FlagSamePerson: the case was opened and decided by the same person.
	FlagSamePerson Flag = "same_person"
	// FlagSaleCorrected: a shift lead corrected the sale the sales import
	// recorded.
	FlagSaleCorrected Flag = "sale_corrected"

	// FlagEscalated: the engine handed the case to a shift lead.
	FlagEscalated Flag = "escalated"
	// FlagNameMismatch: the passport's name does not match the purchase.
	FlagNameMismatch Flag = "name_mismatch"
	// FlagRemote: the item was sent by a delivery service.
	FlagRemote Flag = "remote"
	// FlagUsed: used equipment.
	FlagUsed Flag = "used"
	// FlagWarnings: the decision carries warnings to tell the customer.
	FlagWarnings Flag = "warnings"
	// FlagRefundPaid: the refund was paid out, in full or in part.
	FlagRefundPaid Flag = "refund_paid"
	// FlagPaidLate: the refund's last payment was made after the day it
	// was due.
	FlagPaidLate Flag = "paid_late"
	// FlagVoided: a shift lead closed the case without a decision.
	FlagVoided Flag = "voided"
	// FlagLongRepair: the item was at the service centre longer than the
	// law's LawRepairDays.
	FlagLongRepair Flag = "long_repair"
)

// FraudFlags are the flags of return fraud, in the order a shift lead's
// screen lists them.
var FraudFlags = []Flag{FlagRepeat, FlagNoReceipt, FlagOverride, FlagCashRefund, FlagSerialMismatch, FlagSamePerson,
	FlagSaleCorrected}

// Fraud reports whether the flag is one of return fraud.
func (f Flag) Fraud() bool { return oneOf(f, FraudFlags) }

// Words is the flag as a screen names it.
func (f Flag) Words() string {
	switch f {
	case FlagRepeat:
		return "repeat returns"
	case FlagNoReceipt:
		return "refund without a receipt"
	case FlagOverride:
		return "override"
	case FlagCashRefund:
		return "large cash refund"
	case FlagSerialMismatch:
		return "serial does not match"
	case FlagSamePerson:
		return "opened and decided by one person"
	case FlagSaleCorrected:
		return "imported sale corrected"
	case FlagEscalated:
		return "escalated"
	case FlagNameMismatch:
		return "name does not match"
	case FlagRemote:
		return "sent by delivery"
	case FlagUsed:
		return "used equipment"
	case FlagWarnings:
		return "warnings"
	case FlagRefundPaid:
		return "refund paid"
	case FlagPaidLate:
		return "refund paid late"
	case FlagVoided:
		return "voided"
	case FlagLongRepair:
		return "repair over 14 days"
	}
	return string(f)
}

func (f Flag) String() string { return string(f) }

// Listed reports whether a shift lead's screen lists the flag among the
// case's flags: every one but refund_paid, which is no flag but the payment
// itself, shown with the case's refund. (The store keeps its bit, and the
// exports write it, all the same.)
func (f Flag) Listed() bool { return f != FlagRefundPaid }

// Payment is one payment of a refund paid out: how much, in what tender,
// by whom, when and on which day of the store. A refund is paid in one
// payment or several (CheckPayment).
type Payment struct {
	Amount Money     `json:"amount"`
	Tender Tender    `json:"tender"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Day    Date      `json:"day"`
}

// Facts are what a case alone does not say but its flags need: the store
// finds them.
type Facts struct {
	// PassportReturns is the number of cases with the case's passport filed
	// from RepeatSince(its day) to its day, itself included; 0 when unknown.
	PassportReturns int
	// Payments are the payments of the case's refund so far, in the order
	// they were made.
	Payments []Payment
}

// Finding is one flag of a case with why, in words a shift lead reads:
// Explain in English, In in the lead's language.
type Finding struct {
	Flag    Flag
	Explain string
	// the explanation's English format and its arguments, kept to print it
	// in another language (In)
	format string
	args   []any
}

// In is the explanation in p's language: its format looked up, a date, an
// amount or a flow word among its arguments printed as p prints them.
func (f Finding) In(p *lang.Printer) string {
	if f.format == "" {
		return f.Explain
	}
	return p.T(f.format, argsIn(p, f.args)...)
}

// Review flags a case for a shift lead: return fraud by the thresholds r
// (a zero threshold is not judged), and the other marks of a case, each
// with why. They come in the order of FraudFlags, then the other marks.
func Review(c *Case, r FraudRules, f Facts) []Finding {
	var out []Finding
	add := func(flag Flag, format string, args ...any) {
		out = append(out, Finding{Flag: flag, Explain: fmt.Sprintf(format, args...), format: format, args: args})
	}
	refund := c.Refunds() // a refund, or a cheaper replacement's difference

	if r.RepeatReturns > 0 && c.Passport.Presented() && f.PassportReturns > r.RepeatReturns {
		var who any = word(lang.Key("this passport"))
		if c.Passport.Masked() != "" {
			who = message{lang.Key("the passport %s"), []any{maskedPassport(c.Passport)}}
		}
		add(FlagRepeat, lang.Key("%s is on %s in %s, this one included; the policy flags more than %d"),
			who, counted{lang.Key("%d cases"), f.PassportReturns}, counted{lang.Key("%d days"), RepeatDays},
			r.RepeatReturns)
	}
	if refund && !c.Has(DocReceipt) {
		proof := word(lang.Key("no proof of purchase"))
		if c.Has(DocPaymentProof) {
			proof = word(lang.Key("another payment proof only"))
		}
		add(FlagNoReceipt, lang.Key("refunded without the receipt (%s)"), proof)
	}
	if o := c.Override; o != nil && c.Overridden() {
		var engine any = word(lang.Key("no decision"))
		if c.Decision != nil {
			engine = InWords(c.Decision.Outcome)
		}
		add(FlagOverride, lang.Key("%s decided %s in place of the engine's %s: %q"), strings.TrimSpace(o.By),
			InWords(o.Outcome), engine, o.Reason)
	}
	if refund && r.CashRefundThreshold.Minor > 0 {
		amount := cashOfRefund(c, f.Payments)
		sameCurrency := amount.Currency == "" || r.CashRefundThreshold.Currency == "" ||
			strings.EqualFold(amount.Currency, r.CashRefundThreshold.Currency)
		if sameCurrency && amount.Minor > r.CashRefundThreshold.Minor {
			add(FlagCashRefund, lang.Key("a cash refund of %s, above the policy's %s"), amount, r.CashRefundThreshold)
		}
	}
	if c.Done.Has(StepInspection) && !c.Inspection.SerialMatches && c.Sale.HasSerial() {
		add(FlagSerialMismatch, lang.Key("the serial/IMEI %q does not match the receipt and warranty card (inspection)"),
			c.Sale.Serial)
	}
	if o := c.Override; o != nil && SamePerson(o.By, c.OpenedBy) {
		add(FlagSamePerson, lang.Key("%s opened the case and decided it too: nobody else looked at it"), c.OpenedBy)
	}
	if k := c.SaleCorrection; k != nil {
		add(FlagSaleCorrected, lang.Key("%s corrected the imported sale (%s): %q"), k.By, changesOf(k.Changes), k.Reason)
	}
	marks(c, f, add)
	return out
}

// marks adds the marks of a case that are not return fraud, each with why,
// after Review's fraud flags.
func marks(c *Case, f Facts, add func(flag Flag, format string, args ...any)) {
	if d := c.Decision; d != nil && d.Outcome == OutcomeEscalate {
		var reason any = reasonOf{d} // the store's words or the engine's, in the reader's language
		if d.Reason == "" {
			reason = word(lang.Key("the policy does not settle it"))
		}
		if o := c.Override; o != nil {
			add(FlagEscalated, lang.Key("the engine handed it to a shift lead: %s; %s decided %s: %q"), reason,
				strings.TrimSpace(o.By), InWords(o.Outcome), o.Reason)
		} else {
			add(FlagEscalated, lang.Key("the engine handed it to a shift lead: %s"), reason)
		}
	}
	if m := c.Passport.NameMatches; m != nil && !*m {
		add(FlagNameMismatch, lang.Key("the name on the passport does not match the purchase"))
	}
	if c.Request.Remote {
		add(FlagRemote, lang.Key("sent back by a delivery service, not brought in person"))
	}
	if c.Sale.Condition == ConditionUsed {
		add(FlagUsed, lang.Key("sold as used equipment"))
	}
	if d := c.Decision; d != nil && len(d.Warnings) > 0 {
		add(FlagWarnings, lang.Key("the customer was told of: %s"), list(d.Warnings))
	}
	if v := c.Voided; v != nil {
		add(FlagVoided, lang.Key("closed without a decision by %s: %q"), v.By, v.Reason)
	}
	longRepair(c, add)
	if len(f.Payments) > 0 {
		paid := paidWords(c, f.Payments)
		add(FlagRefundPaid, paid.format, paid.args...)
		last := f.Payments[len(f.Payments)-1]
		if due := c.RefundBy(); Overdue(due, last.Day) {
			add(FlagPaidLate, lang.Key("paid on %s, %s after it was due (%s)"), last.Day,
				counted{lang.Key("%d days"), last.Day.DaysSince(due)}, due)
		}
	}
}

// word is a message (lang.Key) as an argument of a finding's: its English
// in the explanation, p's in In.
// reasonOf is a decision's escalation reason as an argument: the English
// the decision keeps, or its words in a language (Decision.ReasonIn).
type reasonOf struct{ d *Decision }

func (r reasonOf) String() string { return r.d.Reason }

func (r reasonOf) In(p *lang.Printer) string { return r.d.ReasonIn(p) }

type word string

func (w word) String() string { return string(w) }

// In is the word in p's language.
func (w word) In(p *lang.Printer) string { return p.T(string(w)) }

// message is a message (lang.Key) with its arguments as an argument of a
// finding's: in English in the explanation, in p's language in In.
type message struct {
	format string
	args   []any
}

func (m message) String() string { return fmt.Sprintf(m.format, m.args...) }

// In is the message in p's language.
func (m message) In(p *lang.Printer) string { return p.T(m.format, argsIn(p, m.args)...) }

// counted is a number of things, a counted message (lang.Key, its English
// "other" form: "%d days") of n, as an argument of a finding's: "1 day",
// "5 days"; in In, p's plural form of n.
type counted struct {
	format string
	n      int
}

func (c counted) String() string { return c.In(lang.English()) }

// In is the number of things in p's language.
func (c counted) In(p *lang.Printer) string { return p.N(c.format, c.n, c.n) }

// maskedPassport is a passport as a finding names it: its type and last
// digits (Passport.Masked), the type in p's words in In.
type maskedPassport Passport

func (m maskedPassport) String() string { return Passport(m).Masked() }

// In is the passport in p's words.
func (m maskedPassport) In(p *lang.Printer) string { return Passport(m).MaskedIn(p) }

// cashOfRefund is what the case's refund pays in cash: its payments in
// cash, and what is still owed when the refund is paid in cash by default
// (a refund not paid yet is judged on what it will pay). Splitting a cash
// refund into payments does not hide it.
func cashOfRefund(c *Case, payments []Payment) Money {
	cash := Money{Currency: c.Sale.Price.Currency}
	for _, p := range payments {
		if p.Tender == TenderCash {
			cash.Minor += p.Amount.Minor
			cash.Currency = p.Amount.Currency
		}
	}
	if c.RefundTender() == TenderCash {
		cash.Minor += c.StillOwed(payments).Minor
	}
	return cash
}

// paidWords says what was paid of a refund: the one payment, or how many
// and the last; and what is still owed.
func paidWords(c *Case, payments []Payment) message {
	last := payments[len(payments)-1]
	text := message{lang.Key("%s paid in %s by %s on %s"), []any{last.Amount, InWords(last.Tender), last.By, last.Day}}
	if n := len(payments); n > 1 {
		text = message{lang.Key("%s paid in %s, the last %s in %s by %s on %s"), []any{Paid(payments),
			counted{lang.Key("%d payments"), n}, last.Amount, InWords(last.Tender), last.By, last.Day}}
	}
	if owed := c.StillOwed(payments); owed.Minor > 0 {
		text = message{lang.Key("%s; %s still owed"), []any{text, owed}}
	}
	return text
}
