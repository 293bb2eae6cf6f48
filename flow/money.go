package flow

import (
	"example.com/returnsdesk/flow/lang"

	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
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
	return moneyOf(s, whole, frac, currency)
}

// moneyOf is the amount of whole and frac (at most two digits), both
// checked to be ASCII digits, or an error naming s as it was written.
func moneyOf(s, whole, frac, currency string) (Money, error) {
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

// ParseTypedMoney reads an amount as a person types it at the till: a
// comma or a point before at most two decimals, and the thousands
// grouped by spaces or not ("19 999,00", "19999.00", "19 999",
// "19999,5"); a space between thousands may be a no-break or a thin space
// (U+00A0, U+2009, U+202F), as a pasted amount has. A form that could
// be read two ways is refused, saying why: a point and a comma both
// ("19.999,00", "1,999.00"), three digits after a point or comma
// ("19.999": thousands or kopiykas?), groups of other than three digits
// ("19 99,00"). The decide contract keeps ParseMoney.
func ParseTypedMoney(s, currency string) (Money, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Money{}, Errorf(EInvalid, "the amount is empty")
	}
	if strings.Contains(s, ".") && strings.Contains(s, ",") {
		return Money{}, Errorf(EInvalid, "%q has both a point and a comma: write 19 999,00 or 19999.00", s)
	}
	if strings.Count(s, ".")+strings.Count(s, ",") > 1 {
		return Money{}, Errorf(EInvalid, "%q: write thousands with a space (19 999,00)", s)
	}
	whole, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if hasFrac && len(frac) > 2 && allDigits(frac) {
		return Money{}, Errorf(EInvalid, "%q: at most 2 digits after the point or comma (19 999,00)", s)
	}
	if hasFrac && (len(frac) == 0 || !allDigits(frac)) {
		return Money{}, Errorf(EInvalid, "%q is not an amount such as 19 999,00", s)
	}
	digits, err := ungroup(s, whole)
	if err != nil {
		return Money{}, err
	}
	return moneyOf(s, digits, frac, currency)
}

// ungroup is the whole part of an amount without its thousands' spaces:
// digits, in groups of three after the first (of one to three) when
// spaced by one space each; s is the amount as typed, for the message.
func ungroup(s, whole string) (string, error) {
	groups := strings.FieldsFunc(whole, isSpaceOrGroup)
	spaces := strings.IndexFunc(whole, isSpaceOrGroup) >= 0
	bad := Errorf(EInvalid, "%q is not an amount such as 19 999,00", s)
	runs := strings.FieldsFunc(whole, func(r rune) bool { return !isSpaceOrGroup(r) })
	if len(groups) == 0 || len(runs) != len(groups)-1 {
		return "", bad // a space before the comma
	}
	for _, r := range runs {
		if utf8.RuneCountInString(r) != 1 {
			return "", Errorf(EInvalid, "%q has more than one space between digits", s)
		}
	}
	for i, g := range groups {
		if !allDigits(g) {
			return "", bad
		}
		if spaces && (i > 0 && len(g) != 3 || len(g) > 3) {
			return "", Errorf(EInvalid, "%q: thousands are grouped by three digits (19 999,00)", s)
		}
	}
	return strings.Join(groups, ""), nil
}

// isSpaceOrGroup reports whether r is a space that may group thousands:
// a space, a no-break space, a thin space or a narrow no-break space.
func isSpaceOrGroup(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f'
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

// In is the amount with its currency as p's language writes it:
// "19999.00 UAH", "19 999,00 грн".
func (m Money) In(p *lang.Printer) string { return p.Money(m.Minor, m.Currency) }
