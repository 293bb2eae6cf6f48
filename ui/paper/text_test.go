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

// TestTextAtEveryWidth: at every width from the narrowest on, the samples'
// lines fit the width, their amounts are whole, and they say the same words
// in the same order as at any other width.
func TestTextAtEveryWidth(t *testing.T) {
	amounts := []string{"19\u00a0999,00\u00a0грн", "0,00\u00a0грн", "UAH\u00a019,999.00", "UAH\u00a00.00", "№\u00a017"}
	for _, d := range []paper.Doc{sampleUK(), sampleEN()} {
		words := strings.Join(textWords(d.Text(paper.Page)), " ")
		for width := paper.MinWidth; width <= 120; width++ {
			text := d.Text(width)
			checkWidth(t, text, width)
			for _, a := range amounts {
				if strings.Contains(words, strings.Join(strings.Fields(a), " ")) && !strings.Contains(text, a) {
					t.Errorf("width %d: %q is broken", width, a)
				}
			}
			got, want := strings.Join(textWords(text), " "), words
			if width < 30 { // a word wider than the line (the case's id) is cut
				got, want = strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(want, " ", "")
			}
			if got != want {
				t.Fatalf("width %d says\n%s\nwant\n%s", width, got, want)
			}
		}
	}
	if got := (paper.Doc{}).Text(10); got != "" {
		t.Errorf("an empty document reads %q", got)
	}
	if got := sampleUK().Text(1); got != sampleUK().Text(paper.MinWidth) {
		t.Error("a width below MinWidth is not taken as it")
	}
}

// TestTextLineBreaks: a line break in a value, a label or a signer's name
// never reaches the printer inside a column: the value's lines stay in the
// value column, the label goes above its value.
func TestTextLineBreaks(t *testing.T) {
	d := paper.Doc{Title: "АКТ"}
	d.Add("", paper.Row("Адреса", "вул. Євгена Коновальця, 36\nм. Київ"), paper.Row("Два\nрядки", "так"))
	d.Signatures = []string{"Покупець\n(підпис)"}
	want := "" +
		"                   АКТ\n" +
		"------------------------------------------\n" +
		"  Адреса  вул. Євгена Коновальця, 36\n" +
		"          м. Київ\n" +
		"  Два\n" +
		"  рядки\n" +
		"    так\n" +
		"------------------------------------------\n" +
		"\n\n" +
		"Покупець (підпис): _______________________\n"
	if got := d.Text(paper.ReceiptNarrow); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
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
