package flow

import (
	"fmt"

	"slices"
	"strings"
	"time"

	"example.com/returnsdesk/flow/lang"
)

// Imported sales are the truth (docs/rules.md, "Sales from the point of
// sale"): what the sales import recorded of a receipt line is shown at the
// till, not typed over. Only a shift lead corrects it, with a reason; the
// correction is on the case and on the audit trail, and flags the case.

// SaleCorrection is a shift lead's correction of a sale the sales import
// recorded: who, when, why, and what changed, in words.
type SaleCorrection struct {
	By      string    `json:"by"`
	Reason  string    `json:"reason"`
	At      time.Time `json:"at"`
	Changes []string  `json:"changes"` // "price 41999.00 UAH -> 45999.00 UAH", in ImportDiff's order
}

// ImportDiff lists, in words, how sale differs from imported on the fields
// the import is the truth of: the date, the receipt number and line, the
// price, the tender and the serial. A field the import left empty is not
// compared, nor a line the sale does not state (0). Receipt numbers and
// serials compare as their indexes keep them (case, spaces and dashes
// aside).
func ImportDiff(imported, sale Sale) []string {
	var out []string
	add := func(field, was, is string) {
		out = append(out, fmt.Sprintf("%s %s -> %s", field, orNone(was), orNone(is)))
	}
	if !imported.Date.IsZero() && imported.Date != sale.Date {
		add("date", imported.Date.String(), sale.Date.String())
	}
	if imported.Receipt != "" && NormText(imported.Receipt) != NormText(sale.Receipt) {
		add("receipt", imported.Receipt, sale.Receipt)
	}
	if imported.Line > 0 && sale.Line > 0 && imported.Line != sale.Line {
		add("line", fmt.Sprint(imported.Line), fmt.Sprint(sale.Line))
	}
	if !imported.Price.IsZero() && (imported.Price.Minor != sale.Price.Minor ||
		!strings.EqualFold(imported.Price.Currency, sale.Price.Currency)) {
		add("price", imported.Price.String(), sale.Price.String())
	}
	if imported.Tender != "" && imported.Tender != sale.Tender {
		add("tender", string(imported.Tender), string(sale.Tender))
	}
	if imported.Serial != "" && NormSerial(imported.Serial) != NormSerial(sale.Serial) {
		add("serial", imported.Serial, sale.Serial)
	}
	return out
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

// CheckAgainstImport says what is wrong, if anything, with the sale of c
// against imported, the sales import's record of its receipt line (nil:
// the line is not imported, and the sale stays as typed): a sale that
// differs from it needs a shift lead's correction of exactly those
// differences, with a reason.
func CheckAgainstImport(imported *Sale, c *Case) error {
	if imported == nil {
		return nil
	}
	diff := ImportDiff(*imported, c.Sale)
	if len(diff) == 0 {
		return nil
	}
	corr := c.SaleCorrection
	if corr == nil {
		return Errorf(EForbidden, "the sale differs from the sales import (%s): the import is what was sold; "+
			"look the receipt up to take it as it is, or have a shift lead correct it, with a reason",
			changesOf(diff))
	}
	if !slices.Equal(corr.Changes, diff) {
		return Errorf(EConflict, "the sale differs from the sales import (%s), but %s's correction says %s: "+
			"correct it again", changesOf(diff), corr.By, changesOf(corr.Changes))
	}
	return CheckReason(corr.Reason)
}

// NormText is a receipt number as the store's indexes keep it: upper-cased,
// trimmed, without NUL bytes.
func NormText(s string) string {
	return strings.ToUpper(strings.TrimSpace(strings.ReplaceAll(s, "\x00", "")))
}

// NormSerial is a serial number or IMEI as the store's indexes keep it:
// upper-cased, without spaces, tabs, dashes or NUL bytes.
func NormSerial(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', 0:
			return -1
		}
		return r
	}, strings.ToUpper(s))
}

// changesOf are ImportDiff's changes as an error's argument: as they are
// in the message; in In, each field's name and its values (a day, an
// amount, a tender, "(none)") as p writes them.
type changesOf []string

func (c changesOf) String() string { return strings.Join(c, "; ") }

// In is the changes in p's language.
func (c changesOf) In(p *lang.Printer) string {
	out := make([]string, len(c))
	for i, ch := range c {
		field, rest, _ := strings.Cut(ch, " ")
		was, is, ok := strings.Cut(rest, " -> ")
		w, known := diffFields[field]
		if !ok || !known {
			out[i] = ch
			continue
		}
		out[i] = p.T(w) + " " + changedIn(p, field, was) + " -> " + changedIn(p, field, is)
	}
	return strings.Join(out, "; ")
}

// ChangesIn is ImportDiff's changes (a SaleCorrection's) in p's language,
// separated by "; ".
func ChangesIn(p *lang.Printer, changes []string) string { return changesOf(changes).In(p) }

// changedIn is a value of ImportDiff's field as p writes it.
func changedIn(p *lang.Printer, field, v string) string {
	if v == orNone("") {
		return p.T("(none)")
	}
	switch field {
	case "date":
		if d, err := ParseDate(v); err == nil {
			return d.In(p)
		}
	case "price":
		amount, currency, _ := strings.Cut(v, " ")
		if m, err := ParseMoney(amount, currency); err == nil {
			return m.In(p)
		}
	case "tender":
		if slices.Contains(Tenders, Tender(v)) {
			return Tender(v).WordsIn(p)
		}
	}
	return v
}

// diffFields are the words of ImportDiff's fields.
var diffFields = map[string]string{"date": lang.Key("date"), "receipt": lang.Key("receipt"),
	"line": lang.Key("line"), "price": lang.Key("price"), "tender": lang.Key("tender"),
	"serial": lang.Key("serial")}
