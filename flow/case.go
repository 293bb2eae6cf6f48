package flow

import (
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow/lang"
)

// Claim is what the customer says about the item.
type Claim string

// The two claims of docs/rules.md, "One case, step by step".
const (
	// ClaimReturn is goods of proper quality the customer no longer wants
	// (changed mind, shape, size, colour...).
	ClaimReturn Claim = "return"
	// ClaimDefect is goods that do not work or are faulty.
	ClaimDefect Claim = "defect"
)

// Want is the remedy the customer asks for.
type Want string

// The two remedies a customer can ask for.
const (
	WantRefund   Want = "refund"
	WantExchange Want = "exchange"
)

// Condition says whether the item was sold new or used.
type Condition string

// The conditions an item can be sold in.
const (
	ConditionNew  Condition = "new"
	ConditionUsed Condition = "used"
)

// Market is the market a device was made for; iCenter's service terms differ
// for Asian-market devices.
type Market string

// The markets the policies name.
const (
	MarketUS   Market = "us"
	MarketEU   Market = "eu"
	MarketAsia Market = "asia"
)

// Tender is how the customer paid, and how a refund is paid back.
type Tender string

// The tenders a till takes.
const (
	TenderCash     Tender = "cash"
	TenderCard     Tender = "card"
	TenderTransfer Tender = "transfer"
	TenderCredit   Tender = "credit"
)

// Document is a paper the customer presents.
type Document string

// The documents of docs/rules.md, "The decide contract", by their input names.
const (
	DocReceipt      Document = "receipt"
	DocPaymentProof Document = "payment_proof"
	DocWarrantyCard Document = "warranty_card"
	DocPassport     Document = "passport"
)

// Conclusion is what a service centre's act says about the item.
type Conclusion string

// The service-centre conclusions of the decide contract; ConclusionNone means
// the customer brought none.
const (
	ConclusionNone                  Conclusion = ""
	ConclusionNoDefect              Conclusion = "no_defect"
	ConclusionRepairable            Conclusion = "repairable"
	ConclusionSignificantDefect     Conclusion = "significant_defect"
	ConclusionConditionsNotViolated Conclusion = "conditions_not_violated"
	ConclusionConditionsViolated    Conclusion = "conditions_violated"
)

// The values each enumerated field accepts, in the order a form offers them.
var (
	Claims      = []Claim{ClaimReturn, ClaimDefect}
	Wants       = []Want{WantRefund, WantExchange}
	Conditions  = []Condition{ConditionNew, ConditionUsed}
	Markets     = []Market{MarketEU, MarketUS, MarketAsia}
	Tenders     = []Tender{TenderCash, TenderCard, TenderTransfer, TenderCredit}
	Documents   = []Document{DocReceipt, DocPaymentProof, DocWarrantyCard, DocPassport}
	Conclusions = []Conclusion{ConclusionNone, ConclusionNoDefect, ConclusionRepairable,
		ConclusionSignificantDefect, ConclusionConditionsNotViolated, ConclusionConditionsViolated}
)

func oneOf[T ~string](v T, allowed []T) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

// Sale is the purchase as the receipt (or the POS) records it.
type Sale struct {
	Date             Date      `json:"date"`
	Receipt          string    `json:"receipt,omitempty"`
	Line             int       `json:"line,omitempty"` // receipt line, 1-based; 0 when the receipt has one item or is unknown
	Model            string    `json:"model,omitempty"`
	Serial           string    `json:"serial,omitempty"` // serial number or IMEI
	Price            Money     `json:"price"`
	Tender           Tender    `json:"tender,omitempty"`
	Condition        Condition `json:"condition,omitempty"`
	Market           Market    `json:"market,omitempty"`
	WarrantyMonths   int       `json:"warranty_months,omitempty"`
	WarrantyContract bool      `json:"warranty_contract,omitempty"` // a contractual warranty obligation (used equipment)
}

// HasSerial reports whether the sale names the item's serial number or
// IMEI. An accessory (a case, a cable) has none: its sale line leaves it
// empty, and nothing of the case asks about it.
func (s Sale) HasSerial() bool { return strings.Trim(s.Serial, " \t-\x00") != "" }

// Request is what the customer asks for and how the item came back.
type Request struct {
	Claim  Claim `json:"claim"`
	Wants  Want  `json:"wants"`
	Remote bool  `json:"remote,omitempty"` // sent by a delivery service rather than brought in person
}

// Passport is what the kiosk keeps of a passport: never the number itself
// (docs/rules.md, "Privacy"), only its type, its last four characters and a keyed
// hash that finds repeat returns by the same person.
type Passport struct {
	Type  string `json:"type,omitempty"`  // "id_card", "booklet", "foreign"
	Last4 string `json:"last4,omitempty"` // the last four characters of the number
	Key   string `json:"key,omitempty"`   // HMAC-SHA-256 of type and number, hex, under the store's secret
	Name  string `json:"name,omitempty"`  // the name on the passport
	// NameMatches is whether the name matches the purchase; nil when the
	// purchase names nobody.
	NameMatches *bool `json:"name_matches,omitempty"`
}

// Presented reports whether a passport was checked.
func (p Passport) Presented() bool { return p.Key != "" || p.Last4 != "" }

// Inspection is what the cashier found on the item.
type Inspection struct {
	SignsOfUse          bool `json:"signs_of_use"`
	CallSeconds         int  `json:"call_seconds"`
	SoftwareModified    bool `json:"software_modified"`
	CompleteSet         bool `json:"complete_set"`
	PackagingIntact     bool `json:"packaging_intact"`
	LabelsIntact        bool `json:"labels_intact"`
	SealsIntact         bool `json:"seals_intact"`
	SerialMatches       bool `json:"serial_matches"`
	LiquidDamage        bool `json:"liquid_damage"`
	MechanicalDamage    bool `json:"mechanical_damage"`
	UnauthorisedOpening bool `json:"unauthorised_opening"`
}

// Override is a shift lead's decision in place of the engine's, always with a
// reason: a lead's decision of a case the engine escalated, or an override
// proper, a lead going against the outcome the engine decided (Overridden).
// The case keeps both under "override", as it always has.
type Override struct {
	Outcome  Outcome   `json:"outcome"`
	Reason   string    `json:"reason"`
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	RefundBy Date      `json:"refund_by,omitzero"` // for a refund: the day it must be paid by
	// ServiceBy is, for the service centre, the day the item is expected
	// back (Policy.ServiceDue).
	ServiceBy Date `json:"service_by,omitzero"`
}

// Case is one customer's request about one item, from the first key to the
// signed act.
type Case struct {
	ID       string    `json:"id"`
	Policy   string    `json:"policy"`
	Opened   time.Time `json:"opened"`
	OpenedBy string    `json:"opened_by"`
	Status   Status    `json:"status"`
	Step     Step      `json:"step"` // the step the kiosk shows now
	Done     StepSet   `json:"done"` // the steps whose answers are complete

	// Visit is the id of the first case of the customer's visit, when this
	// case is another item of that visit's receipt (VisitID); empty for a
	// case alone, and for the visit's first.
	Visit string `json:"visit,omitempty"`

	Sale Sale `json:"sale"`
	// Imported is the sale as the sales import recorded it, when the
	// cashier found it there; SaleCorrection is a shift lead's correction
	// of it (CheckAgainstImport).
	Imported       *Sale           `json:"imported_sale,omitempty"`
	SaleCorrection *SaleCorrection `json:"sale_correction,omitempty"`
	Request        Request         `json:"request"`
	Documents      []Document      `json:"documents,omitempty"`
	Passport       Passport        `json:"passport"`
	Inspection     Inspection      `json:"inspection"`
	ServiceCentre  Conclusion      `json:"service_centre,omitempty"`
	TillHasCash    bool            `json:"till_has_cash"`
	// ActPending: the case's decision is settled and its act not yet
	// kept (a full disk, the power cut between): home offers it again,
	// and keeping the act clears it (store.KeepAct).
	ActPending bool `json:"act_pending,omitempty"`
	// Service is the item's stay at the service centre: its intake, its
	// ticket and its return (ServiceVisit); nil until it is sent there.
	Service *ServiceVisit `json:"service,omitempty"`
	// Phone is the customer's phone, to call them when a refund owed is
	// ready or the item is back from the service centre: optional, and
	// dropped when the case is settled (Move), so it is kept no longer
	// than the case needs it.
	Phone string `json:"phone,omitempty"`

	Decision *Decision `json:"decision,omitempty"`
	Override *Override `json:"override,omitempty"`
	Voided   *Voided   `json:"voided,omitempty"` // closed without a decision
	// Replacement is the item given in an exchange (flow/replacement.go).
	Replacement *Replacement `json:"replacement,omitempty"`
}

// ClaimDay is the day the customer made the claim: the day the case was
// opened, in now's location (pass the clock in the store's time zone). The
// window, the warranty period and the refund-by day are judged on it, also
// when the item comes back from the service centre weeks later
// (docs/rules.md, "Settled questions"). A case with no opening time (the
// decide contract's, without "claimed"), or opened after now, claims on
// now's day.
func (c *Case) ClaimDay(now time.Time) Date {
	today := DateOf(now)
	if c.Opened.IsZero() {
		return today
	}
	if d := DateOf(c.Opened.In(now.Location())); !d.After(today) {
		return d
	}
	return today
}

// Has reports whether the customer presented document d.
func (c *Case) Has(d Document) bool {
	for _, x := range c.Documents {
		if x == d {
			return true
		}
	}
	return false
}

// RefundBy is the day the case's refund must be paid by, after any
// override, or an exchange's difference refund; zero when there is no
// refund.
func (c *Case) RefundBy() Date {
	if r := c.Replacement; r != nil && c.Outcome().Exchanges() {
		return r.RefundBy // a cheaper replacement's difference
	}
	if c.Override != nil {
		return c.Override.RefundBy
	}
	if c.Decision != nil {
		return c.Decision.RefundBy
	}
	return Date{}
}

// Overridden reports whether a shift lead went against the engine: decided
// the case in place of an outcome the engine gave (anything but escalate), or
// with no decision of the engine's at all. A lead deciding a case the engine
// escalated makes a lead's decision, not an override (docs/rules.md,
// "Settled questions").
func (c *Case) Overridden() bool {
	return c.Override != nil && (c.Decision == nil || c.Decision.Outcome != OutcomeEscalate)
}

// ServiceBy is the day the item is expected back from the service centre,
// after any lead's decision or override; zero when it is not going there.
func (c *Case) ServiceBy() Date {
	if c.Override != nil {
		return c.Override.ServiceBy
	}
	if c.Decision != nil {
		return c.Decision.ServiceBy
	}
	return Date{}
}

// Outcome is the decision's result, after any override.
func (c *Case) Outcome() Outcome {
	if c.Override != nil {
		return c.Override.Outcome
	}
	if c.Decision != nil {
		return c.Decision.Outcome
	}
	return ""
}

// Validate checks the answers a case holds so far and names the first field
// that is wrong. today is the day of the visit.
func (c *Case) Validate(today Date) error {
	s := c.Sale
	if s.Condition != "" && !oneOf(s.Condition, Conditions) {
		return fieldErr("sale.condition", "%q is not one of %s", s.Condition, list(Conditions))
	}
	if s.Market != "" && !oneOf(s.Market, Markets) {
		return fieldErr("sale.market", "%q is not one of %s", s.Market, list(Markets))
	}
	if s.Tender != "" && !oneOf(s.Tender, Tenders) {
		return fieldErr("sale.tender", "%q is not one of %s", s.Tender, list(Tenders))
	}
	if s.WarrantyMonths < 0 || s.WarrantyMonths > 120 {
		return fieldErr("sale.warranty_months", "%d is not a number of months from 0 to 120", s.WarrantyMonths)
	}
	if s.Price.Minor < 0 {
		return fieldErr("sale.price", "a price cannot be negative")
	}
	if !s.Date.IsZero() {
		if err := checkSaleDay(s.Date); err != nil {
			return fieldOf("sale.date", err)
		}
	}
	if !s.Date.IsZero() && !today.IsZero() && today.Before(s.Date) {
		return fieldErr("today", "the visit (%s) is before the sale (%s)", today, s.Date)
	}
	r := c.Request
	if r.Claim != "" && !oneOf(r.Claim, Claims) {
		return fieldErr("claim", "%q is not one of %s", r.Claim, list(Claims))
	}
	if r.Wants != "" && !oneOf(r.Wants, Wants) {
		return fieldErr("wants", "%q is not one of %s", r.Wants, list(Wants))
	}
	for _, d := range c.Documents {
		if !oneOf(d, Documents) {
			return fieldErr("documents", "%q is not one of %s", d, list(Documents))
		}
	}
	if c.Inspection.CallSeconds < 0 {
		return fieldErr("inspection.call_seconds", "a call counter cannot be negative")
	}
	if !oneOf(c.ServiceCentre, Conclusions) {
		return fieldErr("service_centre", "%q is not one of %s", c.ServiceCentre, list(Conclusions[1:]))
	}
	return validateReplacement(c.Replacement)
}

// FieldError is bad input, named by the field it is in, in words a cashier or
// a script author can act on.
type FieldError struct {
	Field string
	Msg   string
	// the message's English format and arguments, to print it in another
	// language (In)
	format string
	args   []any
	cause  error // the error it is (fieldOf), when it is another's message
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// In is the message, without its field's name, in p's language: a field
// on screen shows it beside the field.
func (e *FieldError) In(p *lang.Printer) string {
	if e.cause != nil {
		return MessageIn(p, e.cause)
	}
	if e.format == "" {
		return e.Msg
	}
	return p.T(e.format, argsIn(p, e.args)...)
}

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

// fieldOf is err, a flow error, as the error of a field.
func fieldOf(field string, err error) error {
	return &FieldError{Field: field, Msg: Message(err), cause: err}
}

func list[T ~string](vs []T) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		s += string(v)
	}
	return s
}

// CheckDecider says why a shift lead may not decide this case in place of
// the engine: nobody decides a case they opened.
func (c *Case) CheckDecider(lead string) error {
	if SamePerson(lead, c.OpenedBy) {
		return Errorf(EForbidden, "%s opened this case: another shift lead decides it", c.OpenedBy)
	}
	return nil
}

// AwaitsLead reports whether the case waits for a shift lead's decision: it
// is escalated, and the engine's decision that escalated it is on it.
func (c *Case) AwaitsLead() bool { return c.Status == StatusEscalated && c.Decision != nil }

// RefundFromTill reports whether the case's refund is paid in cash from the
// till (the sale was paid in cash, or the receipt does not say, and the
// customer is there: the item was not sent by a delivery service), so that
// whether the till has the cash decides when it is paid.
func (c *Case) RefundFromTill() bool {
	return !c.Request.Remote && c.RefundTender() == TenderCash
}

// RefundPaidNow reports whether the case's refund is paid as it is
// confirmed: to the customer at the till, with the cash there. A return sent
// by a delivery service is not: its refund is owed, within the policy's
// payout days, until a shift lead records it paid.
func (c *Case) RefundPaidNow() bool { return c.TillHasCash && !c.Request.Remote }
