package export_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"example.com/returnsdesk/ui/export"
)

// TestCSVCellsAreNotFormulas: typed text that a spreadsheet would run is
// written as text.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	e := export.Case{Model: "=HYPERLINK(\"x\")", Receipt: "-12", OverrideReason: "+1", Cashier: "@me", Serial: "42"}
	row := e.CSVRow()
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
