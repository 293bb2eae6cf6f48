package ui

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/ui/export"
)

// TestExportCommand: `returnsdesk export` writes the bytes the desk writes,
// as CSV with a header row or as JSON, for any day; the summary too.
func TestExportCommand(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(typed("e"), typed("c"))
	r.requireView("✓ exported 7 cases")
	fromScreen, err := os.ReadFile(filepath.Join(r.dir, "exports", "returns-2026-11-20.csv"))
	must(t, err)

	// beside the running kiosk: a plain refusal
	code, out, errs := run(t, "", "export", "--data", r.dir, "--day", "2026-11-20")
	if code != ExitFail || out != "" || !strings.Contains(errs, "another process holds the store file") ||
		!strings.Contains(errs, "export from the shift lead's desk") {
		t.Errorf("beside the kiosk: exit %d %q %q", code, out, errs)
	}
	must(t, r.st.Close())

	code, out, errs = run(t, "", "export", "--data", r.dir, "--day", "2026-11-20", "--format", "csv")
	if code != ExitOK || out != string(fromScreen) {
		t.Fatalf("csv: exit %d %s\n%s\nthe desk wrote:\n%s", code, errs, out, fromScreen)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	must(t, err)
	if len(rows) != 8 || rows[0][0] != "case_id" || rows[2][0] != ids["owed"] {
		t.Errorf("rows %v", rows)
	}

	dest := filepath.Join(t.TempDir(), "day.json")
	code, out, errs = run(t, "", "export", "--data", r.dir, "--day", "2026-11-10", "--format", "json", "-o", dest)
	if code != ExitOK || out != "" || !strings.Contains(errs, "1 case of 2026-11-10 written to "+dest) {
		t.Fatalf("json to a file: exit %d %q %q", code, out, errs)
	}
	data, err := os.ReadFile(dest)
	must(t, err)
	var objs []map[string]any
	must(t, json.Unmarshal(data, &objs))
	if len(objs) != 1 || objs[0]["case_id"] != ids["early_owed"] || objs[0]["status"] != "refund_owed" ||
		objs[0]["refund_due"] != "2026-11-17" || objs[0]["passport"] != "id_card ****6789" {
		t.Errorf("json %v", objs)
	}

	code, out, _ = run(t, "", "export", "--data", r.dir, "--day", "2026-11-20", "--summary", "--format", "json")
	var sum map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &sum) != nil || sum["cases"] != 7.0 || sum["closed"] != false ||
		sum["owed_amount"] != "19999.00" {
		t.Errorf("summary: exit %d %s", code, out)
	}
	code, out, _ = run(t, "", "export", "--data", r.dir, "--day", "2026-11-19")
	if code != ExitOK || out != strings.Join(export.Columns, ",")+"\n" {
		t.Errorf("an empty day: exit %d %q", code, out)
	}

	for _, bad := range [][]string{{"--format", "xlsx"}, {"--day", "20.11.2026"}, {"extra"}} {
		code, _, errs := run(t, "", append([]string{"export", "--data", r.dir}, bad...)...)
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
