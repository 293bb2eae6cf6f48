package flow

import (
	"fmt"
	"strings"
)

// Errors of a refund that breaks its rules.
var (
	// ErrRefundZero: a refund of nothing, as when the sale's price is missing.
	ErrRefundZero = Errorf(EInvalid, "a refund must be more than zero: the sale's price is needed")
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
	if amount.Minor <= 0 {
		return ErrRefundZero
	}
	if !oneOf(tender, Tenders) {
		return Errorf(EInvalid, "%q is not a tender", tender)
	}
	price := c.Sale.Price
	if cur := RefundCurrency(amount); price.Currency != "" && cur != price.Currency {
		return Errorf(EInvalid, "the refund is in %q but the item was paid in %s", amount.Currency, price.Currency)
	}
	if amount.Minor > price.Minor {
		return ErrRefundTooLarge.Wrap(fmt.Errorf("%s refunded, %s paid", amount.Amount(), price))
	}
	if strings.Trim(c.Sale.Receipt, " \t\x00") == "" && strings.Trim(c.Sale.Serial, " \t-\x00") == "" {
		return ErrRefundNoLine
	}
	return nil
}

// RefundCurrency is the currency of a refund as it is kept: trimmed and
// upper-cased.
func RefundCurrency(amount Money) string { return strings.ToUpper(strings.TrimSpace(amount.Currency)) }

// CanSignOff reports whether a shift lead may sign a case off as it
// stands: it has something to review, so it is neither a draft (open) nor an
// escalation still waiting for its decision.
func CanSignOff(c *Case) bool {
	switch c.Status {
	case "", StatusOpen, StatusEscalated:
		return false
	}
	return true
}
