package paper_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"example.com/returnsdesk/ui/paper"
)

var update = flag.Bool("update", false, "write the golden files of testdata/")

// golden compares got with testdata/name (go test ./ui/paper/ -update
// writes it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./ui/paper/ -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestTextGolden: the sample acts in both languages at the receipt
// printers' widths and the A4 file's.
func TestTextGolden(t *testing.T) {
	for _, doc := range []struct {
		name string
		doc  paper.Doc
	}{{"uk", sampleUK()}, {"en", sampleEN()}} {
		for _, width := range []int{paper.ReceiptNarrow, paper.ReceiptWide, paper.Page} {
			name := doc.name + "-" + itoa(width)
			t.Run(name, func(t *testing.T) {
				got := doc.doc.Text(width)
				checkWidth(t, got, width)
				golden(t, name+".txt", got)
			})
		}
	}
}

// checkWidth fails on a line wider than width, in display columns.
func checkWidth(t *testing.T, text string, width int) {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d columns wide, more than %d: %q", i+1, w, width, l)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
