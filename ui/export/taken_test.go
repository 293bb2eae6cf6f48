package export_test

import (
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

// TestSummaryTaken: the price differences customers paid for dearer
// replacements are in the day's summary, by tender, in CSV and JSON; a day
// without them exports as it did.
func TestSummaryTaken(t *testing.T) {
	r := store.DayReport{Day: flow.Date{Year: 2026, Month: 11, Day: 20}, Cases: 1, TakenN: 1,
		Taken: []store.TenderSum{{Tender: flow.TenderCard, N: 1, Amount: flow.Money{Minor: 500000, Currency: "UAH"}}}}
	csv, err := export.SummaryOf(r, nil, "csv", export.DialectRFC4180, time.UTC)
	if err != nil || !strings.Contains(string(csv), "differences_taken,card,1,5000.00,UAH\n") {
		t.Errorf("the CSV summary (%v):\n%s", err, csv)
	}
	js, err := export.SummaryOf(r, nil, "json", export.DialectRFC4180, time.UTC)
	if err != nil || !strings.Contains(string(js), `"differences_taken": [`) || !strings.Contains(string(js), `"amount": "5000.00"`) {
		t.Errorf("the JSON summary (%v):\n%s", err, js)
	}
	r.Taken, r.TakenN = nil, 0
	csv, _ = export.SummaryOf(r, nil, "csv", export.DialectRFC4180, time.UTC)
	js, _ = export.SummaryOf(r, nil, "json", export.DialectRFC4180, time.UTC)
	if strings.Contains(string(csv), "differences_taken") || strings.Contains(string(js), "differences_taken") {
		t.Errorf("a day without differences exports them:\n%s\n%s", csv, js)
	}
}
