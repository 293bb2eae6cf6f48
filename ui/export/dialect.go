package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"example.com/returnsdesk/store"
)

// Dialect is how a CSV export is written: for a spreadsheet in a Ukrainian
// locale, or as RFC 4180 and scripts read it. JSON has no dialect.
//
// Dates stay YYYY-MM-DD (and times RFC 3339) in both: Excel and
// LibreOffice read an ISO 8601 date as a date in every locale, where
// 20.11.2026 is a date only in a locale that writes dates so, and a script
// reads the same cell the same way.
type Dialect string

const (
	// DialectUK is for Excel or LibreOffice in a Ukrainian locale: UTF-8
	// with a byte order mark (without it Cyrillic shows as mojibake), ";"
	// between cells, money with a decimal comma and no thousands separator
	// (19999,00), so that a cell is a number.
	DialectUK Dialect = "uk"
	// DialectRFC4180 is RFC 4180 as encoding/csv writes it: "," between
	// cells, money with a decimal point (19999.00), no byte order mark.
	DialectRFC4180 Dialect = "rfc4180"
)

// Dialects are the CSV dialects, by their names.
var Dialects = []Dialect{DialectUK, DialectRFC4180}

// DialectFor is the CSV dialect of a store's language ("uk", "en"): a
// Ukrainian store's spreadsheet opens the uk dialect; any other, RFC 4180.
func DialectFor(language string) Dialect {
	if strings.EqualFold(strings.TrimSpace(language), "uk") {
		return DialectUK
	}
	return DialectRFC4180
}

// ParseDialect reads a dialect's name: uk or rfc4180.
func ParseDialect(s string) (Dialect, error) {
	d := Dialect(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Dialects {
		if d == known {
			return d, nil
		}
	}
	return "", fmt.Errorf("%q is not a CSV dialect: uk or rfc4180", s)
}

// bom is UTF-8's byte order mark, which a spreadsheet needs to read a CSV
// file as UTF-8.
const bom = "\ufeff"

// writer is a CSV writer of the dialect into b; the uk dialect's byte
// order mark is written first. Any other dialect, "" too, is RFC 4180.
func (d Dialect) writer(b *bytes.Buffer) *csv.Writer {
	w := csv.NewWriter(b)
	if d == DialectUK {
		b.WriteString(bom)
		w.Comma = ';'
	}
	return w
}

// money is an amount as exported (19999.00) written in the dialect: the uk
// dialect's decimal comma (19999,00).
func (d Dialect) money(amount string) string {
	if d == DialectUK {
		return strings.Replace(amount, ".", ",", 1)
	}
	return amount
}

// StoreDialect is the CSV dialect of a store's exports: DialectFor the
// store's language (a store set up before it had one is Ukrainian).
func StoreDialect(set store.Settings) Dialect { return DialectFor(string(set.Lang())) }
