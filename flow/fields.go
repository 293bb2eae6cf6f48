package flow

import (
	"strconv"
	"strings"
	"time"
	"unicode"
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
// digits; a booklet two letters and 6 digits; a foreign passport 5 to 20
// letters and digits.
func CheckPassport(ptype, number string) error {
	n := NormalizePassport(number)
	switch ptype {
	case "id_card":
		if len(n) != 9 || !allDigits(n) {
			return Errorf(EInvalid, "an ID card number has 9 digits")
		}
	case "booklet":
		if len(n) != 8 || !allDigits(n[2:]) || !unicode.IsLetter(rune(n[0])) || !unicode.IsLetter(rune(n[1])) {
			return Errorf(EInvalid, "a passport booklet number is 2 letters and 6 digits, such as AB123456")
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

// NormalizePassport is a passport number as it is checked and hashed: upper
// case, without spaces (of any kind) or dashes, so that "km 482-913" and
// "KM482913" are the same number.
func NormalizePassport(number string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return unicode.ToUpper(r)
	}, number)
}

// Masked shows a passport by its type and last four characters only.
func (p Passport) Masked() string {
	if p.Last4 == "" {
		return ""
	}
	return p.Type + " ****" + p.Last4
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
