package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

var kyiv = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		panic(err)
	}
	return loc
}()

// exportCase is one decided case as the export tests file it.
type exportCase struct {
	at       string // "2006-01-02 15:04", in Kyiv
	receipt  string
	price    int64
	passport bool
	d        *flow.Decision
	status   flow.Status
}

// storeForExport makes a data folder whose Kyiv store holds the cases, each
// filed as the kiosk leaves a decided case, and returns it with their ids.
func storeForExport(t *testing.T, cases ...exportCase) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text, _ := flow.BuiltinFile("citrus")
	if err := s.SaveSettings(store.Settings{StoreName: "Test", PolicyName: "citrus", PolicyText: string(text),
		TimeZone: "Europe/Kyiv"}, "setup"); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ec := range cases {
		at, err := time.ParseInLocation("2006-01-02 15:04", ec.at, kyiv)
		if err != nil {
			t.Fatal(err)
		}
		c := &flow.Case{ID: store.NewCaseID(at), Policy: "citrus", Opened: at, OpenedBy: "Ivan",
			Sale: flow.Sale{Date: flow.DateOf(at).AddDays(-5), Receipt: ec.receipt, Model: "Galaxy A55",
				Price: flow.Money{Minor: ec.price, Currency: "UAH"}, Tender: flow.TenderCash, Condition: flow.ConditionNew},
			Request:   flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund},
			Documents: []flow.Document{flow.DocReceipt},
			Step:      flow.StepAct, Decision: ec.d, Status: ec.status, TillHasCash: ec.status != flow.StatusRefundOwed}
		for _, st := range []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepDecision} {
			c.Done = c.Done.With(st)
		}
		if ec.passport {
			c.Documents = append(c.Documents, flow.DocPassport)
			c.Passport = s.MaskPassport("id_card", "123456789", "Ivan Petrenko")
		}
		if err := s.SaveCase(c, store.Event{Staff: "Ivan", Kind: store.EventDecision, Time: at}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	return dir, ids
}

func refund(due flow.Date) *flow.Decision {
	return &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: due, Clauses: []flow.ClauseID{flow.ClauseWindow,
		flow.ClauseRefundPayout}, Explain: []string{"day 5 of 14: within the return window"}}
}

// exported is what export.Day, which the shift lead's desk calls too, makes of
// the store in dir.
func exported(t *testing.T, dir string, req export.Request) []byte {
	t.Helper()
	s, err := store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	today := s.Today(time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)) // run's clock
	res, err := export.Day(s, req, today, s.Location())
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

// TestExportCommand: `returnsdesk export` writes the bytes the desk writes,
// as CSV with a header row (in the uk dialect, the store's language's, or
// RFC 4180) or as JSON, for any day; the summary too.
func TestExportCommand(t *testing.T) {
	day := flow.Date{Year: 2026, Month: time.November, Day: 20}
	dir, ids := storeForExport(t,
		exportCase{at: "2026-11-10 12:00", receipt: "R-1901", price: 1200000, passport: true,
			d: refund(day.AddDays(-3)), status: flow.StatusRefundOwed},
		exportCase{at: "2026-11-20 09:00", receipt: "R-2001", price: 2500000, d: refund(day), status: flow.StatusRefunded},
		exportCase{at: "2026-11-20 09:10", receipt: "R-2002", price: 1999900, d: refund(day.AddDays(7)),
			status: flow.StatusRefundOwed},
		exportCase{at: "2026-11-20 09:20", receipt: "R-2003", price: 900000, d: &flow.Decision{Outcome: flow.OutcomeExchange},
			status: flow.StatusExchanged})

	// beside the running kiosk: a plain refusal
	kiosk, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "export", "--data", dir, "--day", "2026-11-20")
	if code != ExitFail || out != "" || !strings.Contains(errs, "another process holds the store file") ||
		!strings.Contains(errs, "export from the shift lead's desk") {
		t.Errorf("beside the kiosk: exit %d %q %q", code, out, errs)
	}
	if err := kiosk.Close(); err != nil {
		t.Fatal(err)
	}

	want := exported(t, dir, export.Request{Day: day, Format: "csv", Dialect: export.DialectUK})
	code, out, errs = run(t, "", "export", "--data", dir, "--day", "2026-11-20", "--format", "csv")
	if code != ExitOK || out != string(want) || !strings.HasPrefix(out, "\ufeffcase_id;day;") {
		t.Fatalf("csv: exit %d %s\n%s\nthe desk writes:\n%s", code, errs, out, want)
	}
	want = exported(t, dir, export.Request{Day: day, Format: "csv", Dialect: export.DialectRFC4180})
	code, out, errs = run(t, "", "export", "--data", dir, "--day", "2026-11-20", "--csv-dialect", "rfc4180")
	if code != ExitOK || out != string(want) {
		t.Fatalf("csv, rfc4180: exit %d %s\n%s\nwant:\n%s", code, errs, out, want)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "case_id" || rows[2][0] != ids[2] {
		t.Errorf("rows %v", rows)
	}

	dest := filepath.Join(t.TempDir(), "day.json")
	code, out, errs = run(t, "", "export", "--data", dir, "--day", "2026-11-10", "--format", "json", "-o", dest)
	if code != ExitOK || out != "" || !strings.Contains(errs, "1 case of 2026-11-10 written to "+dest) {
		t.Fatalf("json to a file: exit %d %q %q", code, out, errs)
	}
	data, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal(data, &objs); err != nil {
		t.Fatal(err)
	}
	if len(objs) != 1 || objs[0]["case_id"] != ids[0] || objs[0]["status"] != "refund_owed" ||
		objs[0]["refund_due"] != "2026-11-17" || objs[0]["passport"] != "id_card ****6789" {
		t.Errorf("json %v", objs)
	}

	code, out, _ = run(t, "", "export", "--data", dir, "--day", "2026-11-20", "--summary", "--format", "json")
	var sum map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &sum) != nil || sum["cases"] != 3.0 || sum["closed"] != false ||
		sum["owed_amount"] != "19999.00" {
		t.Errorf("summary: exit %d %s", code, out)
	}
	code, out, _ = run(t, "", "export", "--data", dir, "--day", "2026-11-19")
	if code != ExitOK || out != "\ufeff"+strings.Join(export.Columns, ";")+"\n" {
		t.Errorf("an empty day: exit %d %q", code, out)
	}
	code, out, _ = run(t, "", "export", "--data", dir, "--day", "2026-11-19", "--csv-dialect", "RFC4180")
	if code != ExitOK || out != strings.Join(export.Columns, ",")+"\n" {
		t.Errorf("an empty day, rfc4180: exit %d %q", code, out)
	}

	for _, bad := range [][]string{{"--format", "xlsx"}, {"--day", "20.11.2026"}, {"extra"}, {"--csv-dialect", "excel"}} {
		code, _, errs := run(t, "", append([]string{"export", "--data", dir}, bad...)...)
		if code != ExitUsage || errs == "" {
			t.Errorf("%v: exit %d %q", bad, code, errs)
		}
	}
	if code, _, errs := run(t, "", "export", "--data", t.TempDir()); code != ExitFail || !strings.Contains(errs, "no store file") {
		t.Errorf("no store: exit %d %q", code, errs)
	}
	code, out, _ = run(t, "", "export", "--help")
	if code != ExitOK || !bytes.Contains([]byte(out), []byte("CSV columns: case_id,day,opened")) {
		t.Errorf("help: %s", out)
	}
}
