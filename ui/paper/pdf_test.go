package paper_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"example.com/returnsdesk/ui/paper"
)

// ukrainian is every letter of the Ukrainian alphabet, both cases, the
// apostrophe, and the signs an act prints.
const ukrainian = "АаБбВвГгҐґДдЕеЄєЖжЗз ИиІіЇїЙйКкЛлМмНн ОоПпРрСсТтУуФфХхЦц ЧчШшЩщЬьЮюЯя ’ № «»"

// needPdftotext is the path of poppler's pdftotext; where it is missing the
// test is skipped, but not in CI, which installs it (.ci/run).
func needPdftotext(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("RETURNSDESK_CI") != "" {
			t.Fatal("pdftotext is not installed: .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	return path
}

// pdfText is the PDF read back by pdftotext with the mode's flag (-raw:
// the order it was written in; -layout: the order on the page).
func pdfText(t *testing.T, pdf []byte, mode string) string {
	t.Helper()
	tool := needPdftotext(t)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", mode, file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", mode, err, out)
	}
	return string(out)
}

// textWords is the words of a text, its rules and lines to sign on left
// out.
func textWords(s string) []string {
	var ws []string
	for _, w := range strings.Fields(s) {
		if strings.Trim(w, "-_") != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// samePDF fails unless the PDF holds the words of the text form, in the
// same order, read back in both of pdftotext's orders.
func samePDF(t *testing.T, d paper.Doc) string {
	t.Helper()
	pdf, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	want := textWords(d.Text(paper.Page))
	var raw string
	for _, mode := range []string{"-raw", "-layout"} {
		got := pdfText(t, pdf, mode)
		if mode == "-raw" {
			raw = got
		}
		if g := textWords(got); strings.Join(g, " ") != strings.Join(want, " ") {
			t.Errorf("pdftotext %s reads\n%q\nwant the text form's words\n%q", mode, g, want)
		}
	}
	return raw
}

// TestPDFSaysWhatTheTextSays: each sample's PDF reads back as its text's
// words in the same order, Ґ Є І Ї № «» among them.
func TestPDFSaysWhatTheTextSays(t *testing.T) {
	t.Run("uk", func(t *testing.T) {
		raw := samePDF(t, sampleUK())
		for _, s := range []string{"Ґ", "Є", "І", "Ї", "№", "«", "»", "19\u00a0999,00\u00a0грн"} {
			if !strings.Contains(raw, s) && !strings.Contains(raw, strings.ReplaceAll(s, "\u00a0", " ")) {
				t.Errorf("the PDF lacks %q", s)
			}
		}
	})
	t.Run("en", func(t *testing.T) { samePDF(t, sampleEN()) })
	t.Run("line breaks", func(t *testing.T) {
		d := paper.Doc{Title: "АКТ"}
		d.Add("", paper.Row("Адреса", "вул. Євгена Коновальця, 36\nм. Київ"), paper.Row("Два\nрядки", "так"))
		d.Signatures = []string{"Покупець\n(підпис)"}
		samePDF(t, d)
	})
}

// TestPDFRendersUkrainian: every Ukrainian letter has a glyph in both fonts
// (none drawn as a missing-glyph box), and reads back as itself.
func TestPDFRendersUkrainian(t *testing.T) {
	for name, ttf := range map[string][]byte{"Go Regular": goregular.TTF, "Go Bold": gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, r := range ukrainian {
			if r == ' ' {
				continue
			}
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("%s has no glyph for %q (%v)", name, r, err)
			}
		}
	}
	d := paper.Doc{Title: ukrainian, Number: "№ 1"}
	d.Add(ukrainian, paper.Row(ukrainian, ukrainian), paper.Item{Label: ukrainian, Value: ukrainian, Failed: true},
		paper.Item{Value: ukrainian, Small: true})
	d.Signatures = []string{ukrainian}
	d.Small = []string{ukrainian}
	samePDF(t, d)
}

// TestPDFSameBytes: the same Doc gives the same PDF, byte for byte (a kept
// document's hash).
func TestPDFSameBytes(t *testing.T) {
	first, err := sampleUK().PDF()
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		again, err := sampleUK().PDF()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("the same document gave two different PDFs")
		}
	}
	other := sampleUK()
	other.Number = "№ 18"
	if b, _ := other.PDF(); bytes.Equal(first, b) {
		t.Error("two documents gave the same PDF")
	}
}

// TestPDFPages: a document longer than a page goes on over pages, each with
// the document's number and its own at the foot, and no word lost.
func TestPDFPages(t *testing.T) {
	d := sampleUK()
	for range 12 {
		d.Sections = append(d.Sections, sampleUK().Sections[2])
	}
	pdf, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	raw := pdfText(t, pdf, "-raw")
	pages := strings.Split(strings.TrimRight(raw, "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d page(s), want more than one", len(pages))
	}
	var got []string
	for i, p := range pages {
		ws := textWords(p)
		foot := []string{"№", "17", itoa(i+1) + "/" + itoa(len(pages))}
		if n := len(ws); n < 3 || strings.Join(ws[n-3:], " ") != strings.Join(foot, " ") {
			t.Errorf("page %d ends %q, want its foot %q", i+1, ws[max(0, len(ws)-3):], foot)
			continue
		}
		got = append(got, ws[:len(ws)-3]...)
	}
	if want := textWords(d.Text(paper.Page)); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the pages read\n%q\nwant\n%q", got, want)
	}
}
