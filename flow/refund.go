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
// as the refund of c: c was decided as a refund; the amount is more than
// zero, in the sale's currency (any letter case) and not more than was paid;
// the tender is one of Tenders; and the sale names its receipt number or the
// item's serial, so that a store can refuse to pay the same line twice.
func CheckRefund(c *Case, amount Money, tender Tender) error {
	if o := c.Outcome(); o != OutcomeRefund {
		return Errorf(EConflict, "the case was not decided as a refund (its outcome is %q)", o)
	}
	if err := CheckRefundAmount(amount, c.Sale.Price); err != nil {
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
