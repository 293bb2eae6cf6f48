package lang

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NBSP is the no-break space (U+00A0) that Ukrainian amounts are written
// with, as CLDR's uk locale writes them: between the groups of thousands
// and before the currency, so that a wrapped line never breaks an amount
// ("19 999,00 грн" stays whole on the screen and on paper).
const NBSP = "\u00a0"

// Money writes an amount of minor units (kopiykas, cents) in its currency
// as the printer's language writes money. English is the decide contract's
// form, flow.Money.String()'s: "19999.00 UAH" ("19999.00" with no
// currency). Ukrainian groups the thousands and writes the decimals after a
// comma, the hryvnia as "грн" and any other currency by its code, with no-break
// spaces (NBSP): "19 999,00 грн", "1 250,50 EUR".
func (p *Printer) Money(minor int64, currency string) string {
	sign := ""
	v := minor
	if v < 0 {
		sign, v = "-", -v
	}
	whole, cents := strconv.FormatInt(v/100, 10), fmt.Sprintf("%02d", v%100)
	if p.lang == EN {
		s := sign + whole + "." + cents
		if currency != "" {
			s += " " + currency
		}
		return s
	}
	s := sign + groups(whole, NBSP) + "," + cents
	if currency == "" {
		return s
	}
	return s + NBSP + p.Currency(currency)
}

// Currency is a currency's code as the printer's language names it beside
// an amount: the hryvnia is "грн" in Ukrainian; any other currency, and
// every currency in English, by its code.
func (p *Printer) Currency(code string) string {
	if p.lang != EN && code == "UAH" {
		return "грн"
	}
	return code
}

// groups writes a number's digits in groups of three, sep between them.
func groups(digits, sep string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Date writes a calendar day as the printer's language writes dates:
// "2026-11-21" in English (ISO 8601, the decide contract's form,
// flow.Date.String()'s), "21.11.2026" in Ukrainian (ДСТУ: day, month and
// year, each of its digits, after a point). The zero day is "".
func (p *Printer) Date(y int, m time.Month, d int) string {
	if y == 0 && m == 0 && d == 0 {
		return ""
	}
	if p.lang == EN {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	return fmt.Sprintf("%02d.%02d.%04d", d, m, y)
}
