package flow

import (
	"strings"
	"unicode"
)

// ParsePhone reads a customer's phone as a cashier types it: digits, with
// spaces, dashes, dots, brackets and a leading + as they come. A Ukrainian
// number is 10 digits from 0 (067 123 45 67) or 12 from 380; another
// country's 8 to 15 after a +. It returns the digits with their +
// ("+380671234567"), or an error naming the field.
func ParsePhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	plus := strings.HasPrefix(s, "+")
	var digits strings.Builder
	for i, r := range s {
		switch {
		case unicode.IsDigit(r) && r < 128:
			digits.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || (r == '+' && i == 0):
		default:
			return "", fieldErr("phone", "%q is not a phone number: digits only, as 067 123 45 67", s)
		}
	}
	d := digits.String()
	switch {
	case !plus && len(d) == 10 && d[0] == '0':
		return "+38" + d, nil
	case len(d) == 12 && strings.HasPrefix(d, "380"):
		return "+" + d, nil
	case plus && len(d) >= 8 && len(d) <= 15:
		return "+" + d, nil
	}
	return "", fieldErr("phone", "%q is not a phone number: 10 digits from 0, as 067 123 45 67, or + and the country code", s)
}

// MaskPhone is a phone as an export shows it: its last two digits only
// ("+38*******67"), "" for none.
func MaskPhone(p string) string {
	if len(p) <= 4 {
		return p
	}
	head := p[:3]
	return head + strings.Repeat("*", len(p)-5) + p[len(p)-2:]
}

// CheckPhone checks a phone as typed into an optional field: empty, or a
// phone ParsePhone reads.
func CheckPhone(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := ParsePhone(s)
	return err
}

// PhoneWords is a phone as the act prints it: a Ukrainian number grouped
// as it is read out ("+380 67 123 45 67"), another as kept.
func PhoneWords(p string) string {
	if len(p) != 13 || !strings.HasPrefix(p, "+380") {
		return p
	}
	return p[:4] + " " + p[4:6] + " " + p[6:9] + " " + p[9:11] + " " + p[11:]
}
