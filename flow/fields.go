package flow

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"example.com/returnsdesk/flow/lang"
)

// The checks of single fields, shared by the kiosk's forms and the decide
// contract, so a rule is written once. Each returns a message fit to show
// beside the field.

// CheckSerial checks a serial number or IMEI. A 15-digit number is an IMEI
// and must carry its Luhn check digit; anything else must be 3 to 40 letters,
// digits, dashes or slashes (what a barcode scanner types).
func CheckSerial(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EInvalid, "enter the serial number or IMEI")
	}
	if len(s) == 15 && allDigits(s) {
		if !LuhnValid(s) {
			return Errorf(EInvalid, "%s is not a valid IMEI: its check digit is wrong", s)
		}
		return nil
	}
	if len(s) < 3 || len(s) > 40 {
		return Errorf(EInvalid, "a serial number has 3 to 40 characters")
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '/' {
			return Errorf(EInvalid, "a serial number has only letters, digits, - and /")
		}
	}
	return nil
}

// CheckSerialIfAny checks the serial number or IMEI of a sale line that may
// have none: empty is an item without one (an accessory: a case, a cable),
// anything else is checked as CheckSerial checks it.
func CheckSerialIfAny(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return CheckSerial(s)
}

// LuhnValid reports whether a string of digits ends in its Luhn check digit,
// as an IMEI does.
func LuhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if d < 0 || d > 9 {
			return false
		}
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// CheckReceipt checks a receipt number: 1 to 40 letters, digits, dashes,
// slashes or dots.
func CheckReceipt(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EInvalid, "enter the receipt number")
	}
	if len(s) > 40 {
		return Errorf(EInvalid, "a receipt number has at most 40 characters")
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '/' && r != '.' {
			return Errorf(EInvalid, "a receipt number has only letters, digits, -, / and .")
		}
	}
	return nil
}

// EarliestSale is the first day a sale may be dated: an earlier date is a
// typing error, not a receipt the store wrote.
var EarliestSale = Date{1990, time.January, 1}

// CheckSaleDate reads a sale date as a person types it (ParseTypedDate:
// 21.11.2026 or 2026-11-21): a real day, from EarliestSale on, not after
// today.
func CheckSaleDate(s string, today Date) (Date, error) {
	d, err := ParseTypedDate(s)
	if err != nil {
		return Date{}, err
	}
	if err := checkSaleDay(d); err != nil {
		return Date{}, err
	}
	if d.After(today) {
		return Date{}, Errorf(EInvalid, "the sale date %s is after today (%s)", d, today)
	}
	return d, nil
}

// checkSaleDay refuses a sale dated before EarliestSale.
func checkSaleDay(d Date) error {
	if d.Before(EarliestSale) {
		return Errorf(EInvalid, "the sale date %s is before %d: not a date a receipt of the store has", d, EarliestSale.Year)
	}
	return nil
}

// CheckPrice reads a price as a person types it (ParseTypedMoney:
// 19 999,00 or 19999.00): more than zero.
func CheckPrice(s, currency string) (Money, error) {
	m, err := ParseTypedMoney(s, currency)
	if err != nil {
		return Money{}, err
	}
	if m.Minor == 0 {
		return Money{}, Errorf(EInvalid, "the price must be more than zero")
	}
	return m, nil
}

// CheckWarrantyMonths reads a warranty period in months, 0 to 120 (0 when
// the receipt does not say).
func CheckWarrantyMonths(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 120 {
		return 0, Errorf(EInvalid, "%q is not a number of months from 0 to 120", s)
	}
	return n, nil
}

// ParseMinSec reads a call counter written as minutes:seconds ("4:59") or as
// seconds ("299").
func ParseMinSec(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	bad := Errorf(EInvalid, "%q is not a time such as 4:59 (minutes:seconds) or 299 (seconds)", s)
	m, sec, hasColon := strings.Cut(s, ":")
	if !hasColon {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || !allDigits(s) {
			return 0, bad
		}
		return n, nil
	}
	mi, err1 := strconv.Atoi(m)
	se, err2 := strconv.Atoi(sec)
	if err1 != nil || err2 != nil || !allDigits(m) || !allDigits(sec) || len(sec) != 2 || se > 59 || mi > 100000 {
		return 0, bad
	}
	return mi*60 + se, nil
}

// PassportTypes are the passports a customer can show: the ID card, the
// old booklet, a foreign passport.
var PassportTypes = []string{"id_card", "booklet", "foreign"}

// CheckPassport checks a passport number for its type: an ID card has 9
// digits; a booklet two letters (its series, Cyrillic as printed, АВ, or
// their Latin lookalikes, AB) and 6 digits; a foreign passport 5 to 20
// letters and digits. The number is checked as NormalizePassport writes
// it.
func CheckPassport(ptype, number string) error {
	n := []rune(NormalizePassport(number))
	switch ptype {
	case "id_card":
		if len(n) != 9 || !allDigits(string(n)) {
			return Errorf(EInvalid, "an ID card number has 9 digits")
		}
	case "booklet":
		if len(n) != 8 || !allDigits(string(n[2:])) || !seriesLetter(n[0]) || !seriesLetter(n[1]) {
			return Errorf(EInvalid, "a passport booklet number is 2 letters and 6 digits, such as АВ123456")
		}
	case "foreign":
		if len(n) < 5 || len(n) > 20 {
			return Errorf(EInvalid, "a foreign passport number has 5 to 20 characters")
		}
		for _, r := range n {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return Errorf(EInvalid, "a passport number has only letters and digits")
			}
		}
	default:
		return Errorf(EInvalid, "%q is not a passport type: %s", ptype, strings.Join(PassportTypes, ", "))
	}
	return nil
}

// seriesLetter reports whether r may be a letter of a booklet's series:
// a Latin or a Cyrillic capital.
func seriesLetter(r rune) bool {
	return unicode.IsUpper(r) && (unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Cyrillic, r))
}

// NormalizePassport is a passport number as it is checked, kept (its last
// 4) and hashed, the one way every part of the kiosk writes it: upper
// case, without spaces (of any kind) or dashes, and the Cyrillic letters
// that look like Latin ones (А В Е І К М Н О Р С Т Х) written as those,
// so that "km 482-913", "KM482913" and "КМ482913" are the same number,
// whichever keyboard layout the cashier typed it on, and a booklet kept
// before in Latin letters still matches. A Cyrillic letter without a
// Latin lookalike (Б, Д, Ж...) stays a Cyrillic capital.
func NormalizePassport(number string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || isDash(r) {
			return -1
		}
		r = unicode.ToUpper(r)
		r, _ = latinLookalike(r)
		return r
	}, number)
}

// isDash reports whether r is a hyphen or a dash, as typed or pasted.
func isDash(r rune) bool { return r == '-' || r >= '\u2010' && r <= '\u2014' || r == '\u2212' }

// latinLookalike is the Latin capital a Cyrillic capital looks like (А is
// A, В is B, ..., Х is X), if it looks like one (NormalizePassport).
func latinLookalike(r rune) (rune, bool) {
	const cyrillic, latin = "АВЕІКМНОРСТХ", "ABEIKMHOPCTX"
	if i := strings.IndexRune(cyrillic, r); i >= 0 {
		return rune(latin[utf8.RuneCountInString(cyrillic[:i])]), true
	}
	return r, false
}

// Masked shows a passport by its type and last four characters only.
func (p Passport) Masked() string { return p.MaskedIn(lang.English()) }

// MaskedIn is Masked with the passport's type in tr's language ("ID-картка
// ****6789"); the English is the type's name ("id_card ****6789").
func (p Passport) MaskedIn(tr *lang.Printer) string {
	if p.Last4 == "" {
		return ""
	}
	t := p.Type
	switch p.Type {
	case "id_card":
		t = tr.T("id_card")
	case "booklet":
		t = tr.T("booklet")
	case "foreign":
		t = tr.T("foreign")
	}
	return t + " ****" + p.Last4
}

// IsIMEI reports whether s is an IMEI: 15 digits ending in their Luhn check
// digit. A scanned code that is one is a serial, not a receipt number.
func IsIMEI(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 15 && allDigits(s) && LuhnValid(s)
}

// CheckModel checks an item's model as the receipt names it: 1 to 80
// printable characters.
func CheckModel(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EInvalid, "enter the model, as the receipt names it")
	}
	if len([]rune(s)) > 80 {
		return Errorf(EInvalid, "a model has at most 80 characters")
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return Errorf(EInvalid, "a model has only printable characters")
		}
	}
	return nil
}

// CheckPersonName checks a name as a passport writes it: 2 to 100 letters,
// with spaces, hyphens, apostrophes and dots between them.
func CheckPersonName(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EInvalid, "enter the name as the passport writes it")
	}
	n := len([]rune(s))
	if n < 2 || n > 100 {
		return Errorf(EInvalid, "a name has 2 to 100 characters")
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -.'’ʼ", r) {
			return Errorf(EInvalid, "a name has only letters, spaces, -, ' and .")
		}
	}
	return nil
}
