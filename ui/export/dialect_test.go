package export_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

// aDay is two cases of one day: a cash refund owed, paid in part in two
// tenders, its model in Cyrillic and its receipt typed as a formula; and an
// exchange with a passport.
func aDay(t *testing.T) ([]store.CaseDetail, *time.Location) {
	t.Helper()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	day := flow.Date{Year: 2026, Month: 11, Day: 20}
	owed := &flow.Case{ID: "01JD3X0000000000000000000A", Status: flow.StatusRefundOwed, OpenedBy: "Олена",
		Opened: time.Date(2026, 11, 20, 9, 0, 0, 0, kyiv), Request: flow.Request{Claim: "return", Wants: "refund"},
		Sale: flow.Sale{Receipt: "=R-1", Line: 2, Model: "Смартфон Galaxy A55", Serial: "490154203237518",
			Price: uah(1999900), Tender: flow.TenderCash},
		Decision: &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: day.AddDays(7)}}
	paid := []flow.Payment{
		{Amount: uah(10000), Tender: flow.TenderCash, By: "Olena", At: time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv), Day: day},
		{Amount: uah(20050), Tender: flow.TenderCard, By: "Petro", At: time.Date(2026, 11, 20, 11, 30, 0, 0, kyiv), Day: day},
	}
	exchanged := &flow.Case{ID: "01JD3X0000000000000000000B", Status: flow.StatusExchanged, OpenedBy: "Ivan",
		Opened: time.Date(2026, 11, 20, 12, 15, 0, 0, kyiv), Request: flow.Request{Claim: "defect", Wants: "exchange"},
		Sale:     flow.Sale{Receipt: "R-2", Line: 1, Model: "Case; black, \"slim\"", Price: uah(49900), Tender: flow.TenderCard},
		Passport: flow.Passport{Type: "booklet", Last4: "3456", Name: "Petrenko"},
		Decision: &flow.Decision{Outcome: flow.OutcomeExchange}}
	return []store.CaseDetail{
		{Case: owed, Summary: store.Summary{Day: day, Status: owed.Status}, Payments: paid, Owed: owed.StillOwed(paid),
			Findings: []flow.Finding{{Flag: flow.FlagCashRefund}}},
		{Case: exchanged, Summary: store.Summary{Day: day, Status: exchanged.Status}},
	}, kyiv
}

const (
	header = "case_id,day,opened,cashier,receipt,line,model,serial,claim,wants,outcome,status,price,currency," +
		"sale_tender,refund_due,refund_amount,refund_tender,refund_paid_by,refund_paid_at,passport,flags,override_by," +
		"override_reason,signed_off_by,signed_off_at,refund_owed,payments,phone\n"
	rfc4180Day = header +
		"01JD3X0000000000000000000A,2026-11-20,2026-11-20T09:00:00+02:00,Олена,'=R-1,2,Смартфон Galaxy A55," +
		"490154203237518,return,refund,refund,refund_owed,19999.00,UAH,cash,2026-11-27,300.50,cash;card,Petro," +
		"2026-11-20T11:30:00+02:00,,cash_refund,,,,,19698.50," +
		"100.00 cash by Olena at 2026-11-20T10:00:00+02:00;200.50 card by Petro at 2026-11-20T11:30:00+02:00,\n" +
		"01JD3X0000000000000000000B,2026-11-20,2026-11-20T12:15:00+02:00,Ivan,R-2,1,\"Case; black, \"\"slim\"\"\",," +
		"defect,exchange,exchange,exchanged,499.00,UAH,card,,,,,,booklet ****3456,,,,,,,,\n"
	ukDay = "\ufeff" + "case_id;day;opened;cashier;receipt;line;model;serial;claim;wants;outcome;status;price;currency;" +
		"sale_tender;refund_due;refund_amount;refund_tender;refund_paid_by;refund_paid_at;passport;flags;override_by;" +
		"override_reason;signed_off_by;signed_off_at;refund_owed;payments;phone\n" +
		"01JD3X0000000000000000000A;2026-11-20;2026-11-20T09:00:00+02:00;Олена;'=R-1;2;Смартфон Galaxy A55;" +
		"490154203237518;return;refund;refund;refund_owed;19999,00;UAH;cash;2026-11-27;300,50;\"cash;card\";Petro;" +
		"2026-11-20T11:30:00+02:00;;cash_refund;;;;;19698,50;" +
		"\"100,00 cash by Olena at 2026-11-20T10:00:00+02:00;200,50 card by Petro at 2026-11-20T11:30:00+02:00\";\n" +
		"01JD3X0000000000000000000B;2026-11-20;2026-11-20T12:15:00+02:00;Ivan;R-2;1;\"Case; black, \"\"slim\"\"\";;" +
		"defect;exchange;exchange;exchanged;499,00;UAH;card;;;;;;booklet ****3456;;;;;;;;\n"
)

// TestCSVDialects: a day's cases in each dialect, byte for byte: RFC 4180
// as the export always wrote it; uk with a byte order mark, ";" between
// cells, money with a decimal comma and no thousands separator, dates and
// times as in RFC 4180, a formula still made text.
func TestCSVDialects(t *testing.T) {
	details, kyiv := aDay(t)
	for _, tc := range []struct {
		d    export.Dialect
		want string
	}{{export.DialectRFC4180, rfc4180Day}, {"", rfc4180Day}, {export.DialectUK, ukDay}} {
		got, err := export.CasesOf(details, "csv", tc.d, kyiv)
		if err != nil || string(got) != tc.want {
			t.Errorf("dialect %q: %v\n%s\nwant\n%s", tc.d, err, got, tc.want)
		}
	}
	for _, d := range []export.Dialect{export.DialectUK, export.DialectRFC4180} {
		got, err := export.CasesOf(details, "json", d, kyiv)
		want, _ := export.CasesOf(details, "json", "", kyiv)
		if err != nil || string(got) != string(want) || strings.Contains(string(got), "19999,00") {
			t.Errorf("json in dialect %q: %v\n%s", d, err, got)
		}
	}
}

// TestSummaryDialects: the day's summary in the uk dialect is the RFC 4180
// one with ";" between cells and a decimal comma, after a byte order mark.
func TestSummaryDialects(t *testing.T) {
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	r := store.DayReport{Day: flow.Date{Year: 2026, Month: 11, Day: 20}, Cases: 2, Owed: 1,
		OwedAmount: uah(1969850), OwedPaid: uah(30050), RefundsPaid: 2,
		Refunds: []store.TenderSum{{Tender: flow.TenderCash, N: 1, Amount: uah(10000)}}}
	rfc, err := export.SummaryOf(r, nil, "csv", export.DialectRFC4180, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	uk, err := export.SummaryOf(r, nil, "csv", export.DialectUK, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"section,name,count,amount,currency\n", "refunds_paid,cash,1,100.00,UAH\n",
		"owed,refunds,1,19698.50,UAH\n", "owed,paid_so_far,,300.50,UAH\n"} {
		if !strings.Contains(string(rfc), want) {
			t.Errorf("rfc4180 lacks %q:\n%s", want, rfc)
		}
	}
	ukWant := "\ufeff" + strings.NewReplacer(",", ";", ".", ",").Replace(string(rfc))
	if string(uk) != ukWant {
		t.Errorf("uk:\n%s\nwant\n%s", uk, ukWant)
	}
}

// TestDialectFor: a Ukrainian store exports the uk dialect; any other
// language, RFC 4180. A dialect's name is read in any case; another name
// is refused.
func TestDialectFor(t *testing.T) {
	for l, want := range map[string]export.Dialect{"uk": export.DialectUK, "UK": export.DialectUK,
		"en": export.DialectRFC4180, "": export.DialectRFC4180, "pl": export.DialectRFC4180} {
		if got := export.DialectFor(l); got != want {
			t.Errorf("DialectFor(%q) = %q, want %q", l, got, want)
		}
	}
	if got := export.StoreDialect(store.Settings{}); got != export.DialectUK {
		t.Errorf("a store's dialect: %q", got)
	}
	for name, want := range map[string]export.Dialect{"uk": export.DialectUK, " RFC4180 ": export.DialectRFC4180} {
		if got, err := export.ParseDialect(name); err != nil || got != want {
			t.Errorf("ParseDialect(%q) = %q, %v", name, got, err)
		}
	}
	if _, err := export.ParseDialect("excel"); err == nil || !strings.Contains(err.Error(), "uk or rfc4180") {
		t.Errorf("excel: %v", err)
	}
}

// readUK is a Python script that reads a CSV file as a Ukrainian
// spreadsheet's import would be told to (encoding utf-8-sig, delimiter ";")
// and prints its rows as JSON.
const readUK = `import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    json.dump(list(csv.reader(f, delimiter=";")), sys.stdout, ensure_ascii=False)
`

// TestUKDialectReadByPython: the uk CSV of a day, read by Python's csv
// module in the uk dialect, is the day's JSON export cell by cell: the
// header is the JSON's keys (no byte order mark left in the first), and each
// cell its object's value, money with a decimal comma, a list joined with
// ";", a formula made text.
func TestUKDialectReadByPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	details, kyiv := aDay(t)
	data, err := export.CasesOf(details, "csv", export.DialectUK, kyiv)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "day.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", readUK, file).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var rows [][]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	js, err := export.CasesOf(details, "json", "", kyiv)
	if err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal(js, &objs); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(objs)+1 || !slices.Equal(rows[0], export.Columns) {
		t.Fatalf("%d rows for %d objects, header %q", len(rows), len(objs), rows[0])
	}
	for i, obj := range objs {
		for j, name := range rows[0] {
			if want := ukCell(name, obj[name]); rows[i+1][j] != want {
				t.Errorf("case %d, %s: Python reads %q, the JSON says %q", i, name, rows[i+1][j], want)
			}
		}
	}
}

// ukCell is the cell the uk dialect writes for a JSON value of a column.
func ukCell(column string, v any) string {
	comma := func(s string) string { return strings.Replace(s, ".", ",", 1) }
	var s string
	switch x := v.(type) {
	case string:
		s = x
		if slices.Contains([]string{"price", "refund_amount", "refund_owed"}, column) {
			s = comma(x)
		}
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		var cells []string
		for _, c := range x {
			if p, ok := c.(map[string]any); ok {
				c = comma(p["amount"].(string)) + " " + p["tender"].(string) + " by " + p["by"].(string) + " at " +
					p["at"].(string)
			}
			cells = append(cells, c.(string))
		}
		s = strings.Join(cells, ";")
	}
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		s = "'" + s
	}
	return s
}

func TestStoreDialect(t *testing.T) {
	for l, want := range map[string]export.Dialect{"": export.DialectUK, "uk": export.DialectUK, "en": export.DialectRFC4180} {
		if got := export.StoreDialect(store.Settings{Language: lang.Lang(l)}); got != want {
			t.Errorf("a store in %q: %v, want %v", l, got, want)
		}
	}
}
