package flow

import (
	"strings"
	"time"
)

// An exchange gives the customer another item for the one returned: the
// replacement. What was given is recorded on the case (its model, its
// serial or IMEI unless it has none, its price), and the price difference
// settles the money: a dearer replacement is paid for by the customer at
// the till, a cheaper one has its difference refunded like any refund (a
// tender, the till's cash, owed by the policy's day when the till lacks it
// or the item came by delivery). The replacement's warranty runs from the
// day it is given.

// Replacement is the item given in an exchange.
type Replacement struct {
	Model string `json:"model"`
	// Serial is the replacement's serial number or IMEI; empty only for an
	// item that has none (NoSerial: an accessory such as a case or a cable).
	Serial   string `json:"serial,omitempty"`
	NoSerial bool   `json:"no_serial,omitempty"`
	Price    Money  `json:"price"` // the replacement's price
	// Tender is how the price difference is paid: by the customer for a
	// dearer replacement, to the customer for a cheaper one; empty when
	// the prices are the same.
	Tender Tender    `json:"tender,omitempty"`
	Given  time.Time `json:"given,omitzero"` // when it was given to the customer
	By     string    `json:"by,omitempty"`   // who gave it
	// RefundBy is, for a cheaper replacement, the day its difference must
	// be refunded by (the day given when paid at the till).
	RefundBy Date `json:"refund_by,omitzero"`
}

// Exchanges reports whether the outcome gives the customer another item:
// an exchange, or a similar device in place of one that cannot be repaired.
func (o Outcome) Exchanges() bool { return o == OutcomeExchange || o == OutcomeReplaceSimilar }

// Difference is the replacement's price less the price paid for the item
// returned: more than zero when the customer pays the difference, less
// when the store refunds it, zero with no replacement or at the same price.
// It is in the sale's currency.
func (c *Case) Difference() Money {
	out := Money{Currency: c.Sale.Price.Currency}
	if r := c.Replacement; r != nil {
		out.Minor = r.Price.Minor - c.Sale.Price.Minor
	}
	return out
}

// CustomerPays is what the customer pays at the till for a dearer
// replacement: the difference when it is more than zero, else nothing.
func (c *Case) CustomerPays() Money {
	d := c.Difference()
	if !c.Outcome().Exchanges() || d.Minor < 0 {
		d.Minor = 0
	}
	return d
}

// Refunds reports whether the case pays the customer money back: a refund,
// or an exchange for a cheaper replacement (its difference).
func (c *Case) Refunds() bool {
	o := c.Outcome()
	return o == OutcomeRefund || o.Exchanges() && c.Difference().Minor < 0
}

// RefundedStatus is the status a case that refunds (Refunds) is in once
// its refund is paid in full: refunded, or for an exchange, exchanged.
func (c *Case) RefundedStatus() Status {
	if c.Outcome().Exchanges() {
		return StatusExchanged
	}
	return StatusRefunded
}

// Settles is the status the case's confirmed outcome leads to once the
// remedy is given (Settled): for an exchange whose difference the store
// refunds, a refund owed when it is not paid as it is confirmed
// (RefundPaidNow: the till lacks the cash, or the item came by delivery).
func (c *Case) Settles() (Status, error) {
	if c.Outcome().Exchanges() && c.Refunds() && !c.RefundPaidNow() {
		return StatusRefundOwed, nil
	}
	return Settled(c.Outcome(), c.RefundPaidNow())
}

// CheckStatus says what is wrong, if anything, with the case's status for
// its outcome: a refund owed is owed by a case that refunds, refunded is a
// refund's, exchanged an exchange's; and an exchange's replacement, when
// it has one, is one CheckReplacement takes.
func (c *Case) CheckStatus() error {
	if r := c.Replacement; r != nil && c.Outcome().Exchanges() {
		if err := CheckReplacement(c, *r); err != nil {
			return err
		}
	}
	switch o := c.Outcome(); c.Status {
	case StatusRefundOwed:
		if !c.Refunds() {
			return Errorf(EConflict, "a case decided as %s owes no refund", o)
		}
	case StatusRefunded:
		if o != OutcomeRefund {
			return Errorf(EConflict, "a case decided as %s cannot be refunded", o)
		}
	case StatusExchanged:
		if !o.Exchanges() {
			return Errorf(EConflict, "a case decided as %s cannot be exchanged", o)
		}
	}
	return nil
}

// CheckReplacement says what is wrong, if anything, with giving r in
// exchange for the item of c, naming the field: c is decided as an
// exchange; r has a model, a serial or IMEI (CheckSerial) unless it has
// none, which is then left empty, not the returned item's own; a price
// more than zero in the sale's currency; and, when the prices differ, the
// tender the difference is paid in.
func CheckReplacement(c *Case, r Replacement) error {
	if o := c.Outcome(); !o.Exchanges() {
		return Errorf(EConflict, "the case was not decided as an exchange (its outcome is %q)", o)
	}
	if err := CheckModel(r.Model); err != nil {
		return fieldOf("replacement.model", err)
	}
	if err := CheckReplacementSerial(r.Serial, r.NoSerial, c.Sale.Serial); err != nil {
		return fieldOf("replacement.serial", err)
	}
	if r.Price.Minor <= 0 {
		return fieldErr("replacement.price", "the price must be more than zero")
	}
	if cur := c.Sale.Price.Currency; cur != "" && RefundCurrency(r.Price) != cur {
		return fieldErr("replacement.price", "the replacement is priced in %q but the item was paid in %s",
			r.Price.Currency, cur)
	}
	if r.Price.Minor != c.Sale.Price.Minor && !oneOf(r.Tender, Tenders) {
		return fieldErr("replacement.tender", "say how the price difference is paid")
	}
	return nil
}

// CheckReplacementSerial checks the replacement's serial or IMEI as it is
// typed: CheckSerial's rules, and not the serial of the item returned
// (returned); for an item without one (none: an accessory), that it is
// left empty.
func CheckReplacementSerial(serial string, none bool, returned string) error {
	s := strings.TrimSpace(serial)
	if none {
		if s != "" {
			return Errorf(EInvalid, "the replacement has no serial number: leave it empty")
		}
		return nil
	}
	if err := CheckSerial(s); err != nil {
		return err
	}
	if returned != "" && strings.EqualFold(s, strings.TrimSpace(returned)) {
		return Errorf(EInvalid, "this is the returned item's serial: enter the replacement's")
	}
	return nil
}

// validateReplacement checks the shape of a replacement a case holds, for
// Validate: a price not negative, a tender Tenders knows.
func validateReplacement(r *Replacement) error {
	if r == nil {
		return nil
	}
	if r.Price.Minor < 0 {
		return fieldErr("replacement.price", "a price cannot be negative")
	}
	if r.Tender != "" && !oneOf(r.Tender, Tenders) {
		return fieldErr("replacement.tender", "%q is not one of %s", r.Tender, list(Tenders))
	}
	return nil
}

// DueDifference sets the day a cheaper replacement's difference is
// refunded by (Replacement.RefundBy): the claim's day when it is paid as it
// is confirmed, else within the policy's payout days, as a refund's
// (RefundDueFor); none for an exchange that refunds nothing. now is the
// visit's moment, in the store's time zone.
func (p *Policy) DueDifference(c *Case, now time.Time) {
	if r := c.Replacement; r != nil && c.Outcome().Exchanges() {
		r.RefundBy = Date{}
		if c.Refunds() {
			r.RefundBy = p.RefundDueFor(c, now)
		}
	}
}
