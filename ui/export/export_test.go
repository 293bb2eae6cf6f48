package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

// TestCSVCellsAreNotFormulas: typed text that a spreadsheet would run is
// written as text.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	e := export.Case{Model: "=HYPERLINK(\"x\")", Receipt: "-12", OverrideReason: "+1", Cashier: "@me", Serial: "42"}
	row := e.CSVRow(export.DialectRFC4180)
	for name, want := range map[string]string{"model": `'=HYPERLINK("x")`, "receipt": "'-12", "override_reason": "'+1",
		"cashier": "'@me", "serial": "42"} {
		if got := row[slices.Index(export.Columns, name)]; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestLinksNoTerminal: the exporters are an adapter of the store, usable by
// a command without a terminal: they link no bubbletea, huh or lipgloss.
func TestLinksNoTerminal(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "example.com/returnsdesk/ui/export").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/charmbracelet/") {
			t.Errorf("ui/export links %s", dep)
		}
	}
}

// TestCasePayments: a refund paid in parts exports each payment, what was
// paid in all, its tenders, the last payment's payer and time, and what is
// still owed; in CSV the payments are one cell.
func TestCasePayments(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	c := &flow.Case{ID: "01JD3X0000000000000000000A", Status: flow.StatusRefundOwed, Opened: time.Date(2026, 11, 20, 9, 0, 0, 0, kyiv),
		Sale:     flow.Sale{Receipt: "R-1", Price: uah(499900), Tender: flow.TenderCash},
		Decision: &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: flow.Date{Year: 2026, Month: 11, Day: 27}}}
	paid := []flow.Payment{
		{Amount: uah(10000), Tender: flow.TenderCash, By: "Olena", At: time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv),
			Day: flow.Date{Year: 2026, Month: 11, Day: 20}},
		{Amount: uah(20000), Tender: flow.TenderCard, By: "Petro", At: time.Date(2026, 11, 21, 11, 30, 0, 0, kyiv),
			Day: flow.Date{Year: 2026, Month: 11, Day: 21}},
	}
	d := store.CaseDetail{Case: c, Summary: store.Summary{Status: c.Status}, Payments: paid, Owed: c.StillOwed(paid)}
	data, err := export.CasesOf([]store.CaseDetail{d}, "csv", export.DialectRFC4180, kyiv)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v\n%s", err, data)
	}
	for name, want := range map[string]string{"refund_amount": "300.00", "refund_tender": "cash;card",
		"refund_paid_by": "Petro", "refund_paid_at": "2026-11-21T11:30:00+02:00", "refund_owed": "4699.00",
		"payments": "100.00 cash by Olena at 2026-11-20T10:00:00+02:00;200.00 card by Petro at 2026-11-21T11:30:00+02:00"} {
		if got := rows[1][slices.Index(rows[0], name)]; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	data, err = export.CasesOf([]store.CaseDetail{d}, "json", "", kyiv)
	if err != nil {
		t.Fatal(err)
	}
	var objs []export.Case
	if err := json.Unmarshal(data, &objs); err != nil || len(objs) != 1 || len(objs[0].Payments) != 2 ||
		objs[0].Payments[1] != (export.Payment{Amount: "200.00", Tender: "card", By: "Petro",
			At: "2026-11-21T11:30:00+02:00", Day: "2026-11-21"}) {
		t.Errorf("json: %v %+v\n%s", err, objs, data)
	}
}
