package printout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/paper"
	"example.com/returnsdesk/ui/printout"
)

var now = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// keeperFor is a store with one open case, and a keeper of paper width
// into a folder of its own that records what it prints.
func keeperFor(t *testing.T, width int) (printout.Keeper, string, *[]string) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "returnsdesk.db"), store.Options{Terminal: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c := &flow.Case{ID: store.NewCaseID(now), Policy: "generic", Opened: now, OpenedBy: "Olena", Status: flow.StatusOpen}
	if err := s.SaveCase(c, store.Event{Staff: "Olena", Step: "sale"}); err != nil {
		t.Fatal(err)
	}
	var printed []string
	k := printout.Keeper{Store: s, Dir: filepath.Join(t.TempDir(), "acts"), Width: width, Command: "lp",
		Print: func(cmd, file string) error { printed = append(printed, filepath.Base(file)); return nil }}
	return k, c.ID, &printed
}

func doc(n uint64) paper.Doc {
	d := paper.Doc{Title: "RETURN ACT", Number: "No. " + string(rune('0'+n))}
	d.Add("SALE", paper.Row("Price", "19 999,00 грн"))
	d.Signatures = []string{"Customer"}
	return d
}

// TestKeepOnA4: an A4 store keeps the PDF and the text, prints the PDF,
// numbers the act, and a reprint prints the same file again, on the trail.
func TestKeepOnA4(t *testing.T) {
	k, id, printed := keeperFor(t, 0)
	kept, err := k.Keep(id, flow.ActDecision, 0, "Olena", now, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := id + "-1.pdf"
	if kept.Act.N != 1 || len(kept.Files) != 2 || filepath.Base(kept.File()) != want || !kept.Printed ||
		strings.Join(*printed, ",") != want {
		t.Fatalf("kept %+v, printed %v", kept, *printed)
	}
	pdf, _ := os.ReadFile(kept.File())
	if !strings.HasPrefix(string(pdf), "%PDF") || !kept.Act.Files[0].Matches(pdf) {
		t.Errorf("the PDF is not the one kept")
	}
	again, err := k.Reprint(id, kept.Act, "Olena", now)
	if err != nil || !again.Printed || len(*printed) != 2 || (*printed)[1] != want {
		t.Fatalf("reprint %+v, %v, printed %v", again, err, *printed)
	}
	trail, _ := k.Store.Trail(id)
	if last := trail[len(trail)-1]; last.Kind != store.EventAct || !strings.Contains(last.Detail, "No. 1 printed again") {
		t.Errorf("the trail ends with %+v", last)
	}
}

// TestKeepOnAReceiptPrinter: a 42-column store prints the text, 42 wide.
func TestKeepOnAReceiptPrinter(t *testing.T) {
	k, id, printed := keeperFor(t, flow.Paper42)
	kept, err := k.Keep(id, flow.ActDecision, 0, "Olena", now, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Files) != 1 || filepath.Base(kept.File()) != id+"-1.txt" || (*printed)[0] != id+"-1.txt" {
		t.Fatalf("kept %+v, printed %v", kept, *printed)
	}
	text, _ := os.ReadFile(kept.File())
	for _, l := range strings.Split(string(text), "\n") {
		if n := len([]rune(l)); n > 42 {
			t.Errorf("a line of %d: %q", n, l)
		}
	}
}

// TestReprintRefusesAChangedFile: an act file edited after it was kept, or
// gone, is not printed again.
func TestReprintRefusesAChangedFile(t *testing.T) {
	k, id, printed := keeperFor(t, flow.Paper48)
	kept, err := k.Keep(id, flow.ActDecision, 0, "Olena", now, doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kept.File(), []byte("RETURN ACT\nPrice 29 999,00 грн\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Reprint(id, kept.Act, "Olena", now); flow.ErrorCode(err) != flow.EConflict ||
		!strings.Contains(flow.Message(err), "changed after it was written") {
		t.Errorf("reprinted an edited act: %v", err)
	}
	_ = os.Remove(kept.File())
	if _, err := k.Reprint(id, kept.Act, "Olena", now); flow.ErrorCode(err) != flow.ENotFound {
		t.Errorf("reprinted a missing act: %v", err)
	}
	if len(*printed) != 1 {
		t.Errorf("printed %v", *printed)
	}
}
