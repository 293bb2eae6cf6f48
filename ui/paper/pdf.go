package paper

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The A4 page, in millimetres and points.
const (
	pageWidth  = 210.0
	pageHeight = 297.0
	pageSide   = 20.0 // the left and right margins
	pageTop    = 18.0
	pageBottom = 20.0
	pageFoot   = 10.0 // the page's number, from the bottom edge

	pdfGutter = 5.0 // the mark's column, before every item
	pdfGap    = 4.0 // between a label and its value

	sizeTitle   = 14.0
	sizeHeading = 11.0
	sizeBody    = 10.0
	sizeSmall   = 7.5

	font = "go" // Go Regular and Go Bold: every Ukrainian letter, № and «»
)

// made is the date every PDF says it was made on, so that the same Doc
// gives the same bytes (a kept document's hash); the day a document was
// written is in its words.
var made = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// pdfText is a piece of text on a line of the page.
type pdfText struct {
	x      float64 // from the left margin
	s      string
	bold   bool
	size   float64
	centre bool // centred on the line
}

// pdfLine is one line of the page: its texts, a rule across it, or a line
// to sign on after its text.
type pdfLine struct {
	before float64 // space above it, not at the top of a page
	height float64
	texts  []pdfText
	rule   bool
	sign   bool
}

// PDF is the document as an A4 PDF, in Go's fonts (embedded): the words of
// Text in the same order, the title centred and bold, a thin rule between
// sections, failed items marked with Mark and their label bold, small print
// smaller, a line to sign on for each signer; a document longer than a page
// has its number and the page's at the foot of each. The same Doc gives the
// same bytes.
func (d Doc) PDF() ([]byte, error) {
	f, err := newPDF(d)
	if err != nil {
		return nil, err
	}
	lines := pdfLayout(f, d)
	pages := paginate(lines, pageHeight-pageTop-pageBottom)
	for i, page := range pages {
		f.AddPage()
		drawPage(f, page)
		if len(pages) > 1 {
			drawFoot(f, d, i+1, len(pages))
		}
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("the PDF of %q: %w", title(d), err)
	}
	return b.Bytes(), nil
}

// newPDF is an empty A4 document with the fonts loaded and its dates,
// producer and catalogue order fixed.
func newPDF(d Doc) (*fpdf.Fpdf, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(pageSide, pageTop, pageSide)
	f.SetAutoPageBreak(false, pageBottom)
	f.SetCellMargin(0)
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.SetCatalogSort(true)
	f.SetProducer("Returns Desk", false)
	f.SetCreator("Returns Desk", false)
	f.SetTitle(strings.ReplaceAll(title(d), "\u00a0", " "), true)
	f.AddUTF8FontFromBytes(font, "", goregular.TTF)
	f.AddUTF8FontFromBytes(font, "B", gobold.TTF)
	f.SetFont(font, "", sizeBody)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("the PDF's fonts: %w", err)
	}
	return f, nil
}

// fontMeasure measures text in the font of that weight and size, in mm.
func fontMeasure(f *fpdf.Fpdf, bold bool, size float64) measure {
	style := ""
	if bold {
		style = "B"
	}
	return func(s string) float64 {
		f.SetFont(font, style, size)
		return f.GetStringWidth(s)
	}
}

// lineHeight is the height of a line of text of size points, in mm.
func lineHeight(size float64) float64 { return size * 0.5 }

// pdfLayout lays the blocks of plan out as the lines of the page, before
// any page is added (measuring selects fonts).
func pdfLayout(f *fpdf.Fpdf, d Doc) []pdfLine {
	const width = pageWidth - 2*pageSide
	body := newGrid(d, width, pdfGutter, pdfGap, fontMeasure(f, true, sizeBody), fontMeasure(f, false, sizeBody))
	small := body
	small.labelM, small.valueM = fontMeasure(f, true, sizeSmall), fontMeasure(f, false, sizeSmall)
	var lines []pdfLine
	texts := func(s string, bold bool, size, before float64, centre bool) {
		for i, l := range wrap(s, width, fontMeasure(f, bold, size)) {
			ln := pdfLine{height: lineHeight(size), texts: []pdfText{{s: l, bold: bold, size: size, centre: centre}}}
			if i == 0 {
				ln.before = before
			}
			lines = append(lines, ln)
		}
	}
	for _, bl := range plan(d) {
		switch bl.part {
		case partTitle:
			texts(bl.text, true, sizeTitle, 0, true)
		case partRule:
			lines = append(lines, pdfLine{before: 1, height: 3, rule: true})
		case partHeading:
			texts(bl.text, true, sizeHeading, 0, false)
		case partItem:
			g, size := body, sizeBody
			if bl.item.Small {
				g, size = small, sizeSmall
			}
			lines = append(lines, pdfItem(g, bl.item, size)...)
		case partSign:
			lines = append(lines, pdfSign(bl.text))
		case partNote:
			texts(bl.text, false, sizeSmall, 2, false)
		}
	}
	return lines
}

// pdfItem is an item's lines: the mark, then a paragraph, or a label (bold
// when failed) and its value beside or under it.
func pdfItem(g grid, it Item, size float64) []pdfLine {
	r := g.row(it)
	var lines []pdfLine
	add := func(t pdfText) {
		t.size = size
		lines = append(lines, pdfLine{height: lineHeight(size), texts: []pdfText{t}})
	}
	valueX := g.gutter
	switch {
	case r.beside:
		valueX += g.label + g.gap
	case it.Label != "":
		valueX += g.gap
	}
	if !r.beside {
		for _, l := range r.label {
			add(pdfText{x: g.gutter, s: l, bold: it.Failed})
		}
	}
	for _, l := range r.value {
		add(pdfText{x: valueX, s: l})
	}
	if r.beside {
		lines[0].texts = append([]pdfText{{x: g.gutter, s: r.label[0], bold: it.Failed, size: size}}, lines[0].texts...)
	}
	if it.Failed {
		lines[0].texts = append([]pdfText{{s: Mark, bold: true, size: size}}, lines[0].texts...)
	}
	return lines
}

// pdfSign is a signer's line: space to sign above it, the signer, and a
// line to sign on to the right margin.
func pdfSign(signer string) pdfLine {
	s := signer + ":"
	return pdfLine{before: 12, height: lineHeight(sizeBody) + 1, sign: true,
		texts: []pdfText{{s: s, size: sizeBody}}}
}

// paginate puts the lines on pages of the given height: a line that would
// pass the page's foot starts the next page, without its space above.
func paginate(lines []pdfLine, height float64) [][]pdfLine {
	var pages [][]pdfLine
	var page []pdfLine
	y := 0.0
	for _, l := range lines {
		if len(page) > 0 && y+l.before+l.height > height {
			pages = append(pages, page)
			page, y = nil, 0
		}
		if len(page) == 0 {
			l.before = 0
		}
		page = append(page, l)
		y += l.before + l.height
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}
	return pages
}

// drawPage draws a page's lines from the top margin down.
func drawPage(f *fpdf.Fpdf, lines []pdfLine) {
	const width = pageWidth - 2*pageSide
	y := pageTop
	f.SetLineWidth(0.2)
	for _, l := range lines {
		y += l.before
		end := pageSide
		for _, t := range l.texts {
			style := ""
			if t.bold {
				style = "B"
			}
			f.SetFont(font, style, t.size)
			align, w := "L", f.GetStringWidth(t.s)
			if t.centre {
				align, w = "C", width
			}
			f.SetXY(pageSide+t.x, y)
			f.CellFormat(w, l.height, t.s, "", 0, align, false, 0, "")
			end = pageSide + t.x + w
		}
		if l.rule {
			f.Line(pageSide, y+l.height/2, pageSide+width, y+l.height/2)
		}
		if l.sign {
			f.Line(end+2, y+l.height-1, pageSide+width, y+l.height-1)
		}
		y += l.height
	}
}

// drawFoot writes the document's number and the page's at the foot.
func drawFoot(f *fpdf.Fpdf, d Doc, page, pages int) {
	foot := strings.TrimSpace(strings.Join(words(d.Number), "\u00a0") + "   " + fmt.Sprintf("%d/%d", page, pages))
	f.SetFont(font, "", sizeSmall)
	f.SetXY(pageSide, pageHeight-pageFoot-lineHeight(sizeSmall))
	f.CellFormat(pageWidth-2*pageSide, lineHeight(sizeSmall), foot, "", 0, "C", false, 0, "")
}
