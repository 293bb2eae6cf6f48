package flow

import (
	"fmt"
	"strings"
)

// Errors of a refund that breaks its rules.
var (
	// ErrRefundZero: a refund of nothing (an amount of 0, or a sale without
	// its price).
	ErrRefundZero = Errorf(EInvalid, "a refund must be more than zero")
	// ErrRefundTooLarge: a refund of more than was paid for the item.
	ErrRefundTooLarge = Errorf(EInvalid, "a refund cannot be more than was paid for the item")
	// ErrRefundNoLine: a sale with neither a receipt number nor a serial,
	// whose refund could be paid twice unseen.
	ErrRefundNoLine = Errorf(EInvalid,
		"a refund needs the receipt number (or the serial number) so that it cannot be paid twice")
)

// CheckRefund says what is wrong, if anything, with paying amount in tender
// as the refund of c: c was decided as a refund (or as an exchange for a
// cheaper replacement: Refunds); the amount is more than zero, in the
// sale's currency (any letter case) and not more than the refund due;
// the tender is one of Tenders; and the sale names its receipt number or the
// item's serial, so that a store can refuse to pay the same line twice.
func CheckRefund(c *Case, amount Money, tender Tender) error {
	if o := c.Outcome(); !c.Refunds() {
		return Errorf(EConflict, "the case was not decided as a refund (its outcome is %q)", o)
	}
	if err := CheckRefundAmount(amount, c.RefundDue()); err != nil {
		return err
	}
	if !oneOf(tender, Tenders) {
		return Errorf(EInvalid, "%q is not a tender", tender)
	}
	if strings.Trim(c.Sale.Receipt, " \t\x00") == "" && strings.Trim(c.Sale.Serial, " \t-\x00") == "" {
		return ErrRefundNoLine
	}
	return nil
}

// CheckRefundAmount says what is wrong, if anything, with refunding amount
// of an item for which price was paid: it is more than zero, in the price's
// currency (any letter case) and not more than the price.
func CheckRefundAmount(amount, price Money) error {
	if amount.Minor <= 0 {
		return ErrRefundZero
	}
	if cur := RefundCurrency(amount); price.Currency != "" && cur != price.Currency {
		return Errorf(EInvalid, "the refund is in %q but the item was paid in %s", amount.Currency, price.Currency)
	}
	if amount.Minor > price.Minor {
		return ErrRefundTooLarge.Wrap(fmt.Errorf("%s refunded, %s paid", amount.Amount(), price))
	}
	return nil
}

// RefundCurrency is the currency of a refund as it is kept: trimmed and
// upper-cased.
func RefundCurrency(amount Money) string { return strings.ToUpper(strings.TrimSpace(amount.Currency)) }

// CanSignOff reports whether a shift lead may sign off a case in status s:
// it has something to review, so it is neither a draft (open) nor an
// escalation still waiting for its decision.
func CanSignOff(s Status) bool {
	switch s {
	case "", StatusOpen, StatusEscalated:
		return false
	}
	return true
}

// A refund is paid in one payment or several (docs/rules.md, "Statuses"):
// the case stays a refund owed until what was paid comes to the refund due,
// the price paid for the item, and no payment may take more than is still
// owed.

// ErrPaidInFull: a payment towards a refund already paid in full.
var ErrPaidInFull = Errorf(EConflict, "the refund is paid in full: nothing is owed")

// ErrOverpayment: a payment of more than is still owed. An
// OverpaymentError carries it, with a message that names what is owed.
var ErrOverpayment = Errorf(EInvalid, "a payment cannot be more than is still owed")

// OverpaymentError is a payment refused for being more than is still owed:
// its message names the amount still owed, and errors.Is(err,
// ErrOverpayment) holds.
type OverpaymentError struct {
	Owed Money // what is still owed
}

func (e *OverpaymentError) Error() string {
	return fmt.Sprintf("only %s is still owed: a payment cannot be more", e.Owed)
}

// Unwrap is the message as a person reads it (flow.Message), then the
// sentinel.
func (e *OverpaymentError) Unwrap() []error {
	return []error{Errorf(EInvalid, "only %s is still owed: a payment cannot be more", e.Owed), ErrOverpayment}
}

// RefundDue is what the refund of a case decided as a refund comes to in
// all: the price paid for the item; for an exchange, the difference a
// cheaper replacement leaves (nothing for any other).
func (c *Case) RefundDue() Money {
	if c.Outcome().Exchanges() {
		d := c.Difference()
		return Money{Minor: max(-d.Minor, 0), Currency: d.Currency}
	}
	return c.Sale.Price
}

// Paid is what payments come to, in the currency of the first of them.
func Paid(payments []Payment) Money {
	var out Money
	for i, p := range payments {
		if i == 0 {
			out.Currency = RefundCurrency(p.Amount)
		}
		out.Minor += p.Amount.Minor
	}
	return out
}

// Owed is what is still owed of a refund due once paid is paid: never less
// than nothing, in due's currency.
func Owed(due, paid Money) Money {
	return Money{Minor: max(due.Minor-paid.Minor, 0), Currency: due.Currency}
}

// StillOwed is what is still owed of the case's refund after payments: the
// refund due less what was paid while the case is decided as a refund and
// not yet refunded; nothing for any other case, and nothing once the case
// is refunded or closed (settled: a refund settled before part payments
// were kept stays as it was recorded).
func (c *Case) StillOwed(payments []Payment) Money {
	switch {
	case !c.Refunds(), c.Status == StatusRefunded, c.Status == StatusExchanged, c.Status == StatusClosed:
		return Money{Currency: c.Sale.Price.Currency}
	}
	return Owed(c.RefundDue(), Paid(payments))
}

// CheckPayment says what is wrong, if anything, with paying amount in
// tender towards the refund of c after payments: CheckRefund's rules, and
// CheckPaymentAmount's against what was paid.
func CheckPayment(c *Case, payments []Payment, amount Money, tender Tender) error {
	if err := CheckRefund(c, amount, tender); err != nil {
		return err
	}
	return CheckPaymentAmount(amount, c.RefundDue(), Paid(payments))
}

// CheckPaymentAmount says what is wrong, if anything, with paying amount
// towards a refund due of which paid is paid: CheckRefundAmount's rules
// against the refund due, something must still be owed (ErrPaidInFull),
// and the amount is not more than is still owed (an OverpaymentError).
func CheckPaymentAmount(amount, due, paid Money) error {
	if err := CheckRefundAmount(amount, due); err != nil {
		return err
	}
	owed := Owed(due, paid)
	if owed.Minor == 0 {
		return ErrPaidInFull
	}
	if amount.Minor > owed.Minor {
		return &OverpaymentError{Owed: owed}
	}
	return nil
}
