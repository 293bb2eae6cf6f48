package flow

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in integer minor units (kopiykas, cents) with its
// currency. Money is never a float: a refund must match to the last kopiyka.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
}

// maxMinor keeps amounts far from overflow: ten trillion in major units.
const maxMinor = int64(1e15)

// ParseMoney reads a price written as "19999", "19999.5" or "19999.00"
// (a point or a comma before at most two decimals) in the given currency.
func ParseMoney(s, currency string) (Money, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Money{}, Errorf(EInvalid, "the amount is empty")
	}
	whole, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if whole == "" || !allDigits(whole) || (hasFrac && (len(frac) == 0 || len(frac) > 2 || !allDigits(frac))) {
		return Money{}, Errorf(EInvalid, "%q is not an amount such as 19999.00", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if len(whole) > 13 {
		return Money{}, Errorf(EInvalid, "%q is too large an amount", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := w*100 + f
	if m > maxMinor {
		return Money{}, Errorf(EInvalid, "%q is too large an amount", s)
	}
	return Money{Minor: m, Currency: strings.ToUpper(strings.TrimSpace(currency))}, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether no amount was set.
func (m Money) IsZero() bool { return m.Minor == 0 }

// Amount writes the amount with two decimals and no currency: "19999.00".
func (m Money) Amount() string {
	sign := ""
	v := m.Minor
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// String writes the amount with its currency: "19999.00 UAH".
func (m Money) String() string {
	if m.Currency == "" {
		return m.Amount()
	}
	return m.Amount() + " " + m.Currency
}
