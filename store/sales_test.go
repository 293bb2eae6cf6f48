package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

var salesToday = flow.Date{Year: 2026, Month: 11, Day: 20}

// TestSalesCSVDialects: a sales file as a Ukrainian spreadsheet or
// accounting program writes it (a byte order mark, ";", DD.MM.YYYY, a
// decimal comma) is read as the same sales as one in RFC 4180 (",",
// YYYY-MM-DD, a decimal point), and so is a mix of the two forms.
func TestSalesCSVDialects(t *testing.T) {
	rfc4180 := "receipt,line,date,model,serial,price,tender,warranty_months\n" +
		"R-2001,1,2026-11-15,Смартфон Galaxy S24,490154203237518,25999.00,card,12\n" +
		"R-2001,2,2026-11-05,\"Case; black, slim\",,499.00,card,\n"
	uk := "\ufeffreceipt;line;date;model;serial;price;tender;warranty_months\r\n" +
		"R-2001;1;15.11.2026;Смартфон Galaxy S24;490154203237518;25999,00;card;12\r\n" +
		"R-2001;2;5.11.2026;\"Case; black, slim\";;499,00;card;\r\n"
	mixed := "\ufeffreceipt;line;date;model;serial;price;tender;warranty_months\n" +
		"R-2001;1;2026-11-15;Смартфон Galaxy S24;490154203237518;25999.00;card;12\n" +
		"R-2001;2;05.11.2026;\"Case; black, slim\";;499;card;\n"
	want, err := ParseSalesCSV(strings.NewReader(rfc4180), salesToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 2 || want[0].Date != (flow.Date{Year: 2026, Month: 11, Day: 15}) || want[0].Price.Minor != 2599900 ||
		want[1].Model != "Case; black, slim" || want[1].Date.Day != 5 {
		t.Fatalf("rfc4180: %+v", want)
	}
	for name, file := range map[string]string{"uk": uk, "mixed": mixed, "rfc4180 with a BOM": "\ufeff" + rfc4180} {
		got, err := ParseSalesCSV(strings.NewReader(file), salesToday)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v\n%+v\nwant %+v", name, err, got, want)
		}
	}
}

// TestSalesCSVBadCell: a bad cell of a file in either dialect names its
// line and its column, and nothing is read; every check of a cell holds in
// both.
func TestSalesCSVBadCell(t *testing.T) {
	ukHeader := "\ufeffreceipt;line;date;model;price\n"
	ukRow := func(date, price string) string { return "R-1;1;" + date + ";Galaxy A55;" + price + "\n" }
	good := ukRow("15.11.2026", "19999,00")
	for _, tc := range []struct {
		name, file   string
		line         int
		column, says string
	}{
		{"a price of words", ukHeader + good + ukRow("15.11.2026", "дев'ять"), 3, "price", "not an amount"},
		{"a price of three decimals", ukHeader + ukRow("15.11.2026", "19999,000"), 2, "price", "at most 2 digits after the point or comma"},
		{"a zero price", ukHeader + ukRow("15.11.2026", "0,00"), 2, "price", "more than zero"},
		{"a day that does not exist", ukHeader + good + ukRow("31.02.2026", "1,00"), 3, "date",
			`"31.02.2026" is not a date: February 2026 has 28 days`},
		{"a two-digit year", ukHeader + ukRow("15.11.26", "1,00"), 2, "date",
			`"15.11.26" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"a month 13", ukHeader + ukRow("15.13.2026", "1,00"), 2, "date", `"15.13.2026" is not a date: month 13 does not exist`},
		{"a sale after today", ukHeader + ukRow("21.11.2026", "1,00"), 2, "date", "after today (2026-11-20)"},
		{"a sale before 1990", ukHeader + ukRow("31.12.1989", "1,00"), 2, "date", "before 1990"},
		{"a US date", ukHeader + ukRow("11/15/2026", "1,00"), 2, "date", `"11/15/2026" is not a date`},
		{"a row short of a cell", ukHeader + good + "R-2;1;15.11.2026;Galaxy A55\n", 3, "", "4 fields, the header has 5"},
		{"a receipt line twice", ukHeader + good + good, 3, "line", "also on line 2"},
		{"an unknown column", "\ufeffreceipt;date;model;price;колір\n" + good, 1, "колір", "unknown column"},
		{"a column missing", "\ufeffreceipt;date;model\n", 1, "price", "lacks this column"},
		{"a price with a comma, unquoted, in RFC 4180", "receipt,line,date,model,price\nR-1,1,2026-11-15,Galaxy,19999,00\n",
			2, "", "6 fields, the header has 5"},
		{"a cell in Windows-1251", ukHeader + good + "R-2;1;15.11.2026;\xd7\xee\xf5\xee\xeb;1,00\n", 3, "model",
			`not UTF-8 text: save the file as "CSV UTF-8"`},
		{"a header in Windows-1251", "receipt;date;model;price;\xea\xee\xeb\xb3\xf0\n" + good, 1, "", "not UTF-8"},
		{"a bad date in RFC 4180", "receipt,line,date,model,price\nR-1,1,2026-11-31,Galaxy,19999.00\n", 2, "date",
			`"2026-11-31" is not a date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sales, err := ParseSalesCSV(strings.NewReader(tc.file), salesToday)
			var se *SalesError
			if !errors.As(err, &se) || sales != nil {
				t.Fatalf("%v, %d sales", err, len(sales))
			}
			if se.Line != tc.line || se.Column != tc.column || !strings.Contains(se.Msg, tc.says) {
				t.Errorf("line %d, column %q: %s; want line %d, column %q: ...%s", se.Line, se.Column, se.Msg,
					tc.line, tc.column, tc.says)
			}
		})
	}
}
