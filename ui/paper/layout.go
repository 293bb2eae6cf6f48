package paper

import "strings"

// Mark is printed before a failed item, in the column kept for it before
// every item, on paper and in the PDF alike: it needs no language.
const Mark = "!"

// The widths of the text form, in columns: an 80 mm receipt printer's two
// (a store setting chooses), and the A4 text file kept beside the PDF.
const (
	ReceiptNarrow = 42
	ReceiptWide   = 48
	Page          = 72
	// MinWidth is the narrowest text form: a narrower width is taken as it.
	MinWidth = 20
)

// part is what a block of the document is.
type part int

const (
	partTitle   part = iota // the title and number
	partRule                // the rule between sections
	partHeading             // a section's title
	partItem                // a row or a paragraph
	partSign                // a signer's line
	partNote                // the document's small print
)

// block is one part of the document in the order it is printed: Text and
// PDF both print the blocks of plan, so they say the same words in the
// same order.
type block struct {
	part part
	text string // the title, a heading, a signer, a note
	item Item
}

// plan is the document's blocks in print order: the title, then each
// section after a rule (its title, its items, then its small items), then
// after a last rule the signers' lines and the small print.
func plan(d Doc) []block {
	var bs []block
	if t := title(d); t != "" {
		bs = append(bs, block{part: partTitle, text: t})
	}
	for _, s := range d.Sections {
		if len(bs) > 0 {
			bs = append(bs, block{part: partRule})
		}
		if s.Title != "" {
			bs = append(bs, block{part: partHeading, text: s.Title})
		}
		for _, small := range []bool{false, true} {
			for _, it := range s.Items {
				if it.Small == small {
					bs = append(bs, block{part: partItem, item: it})
				}
			}
		}
	}
	if len(bs) > 0 && len(d.Signatures)+len(d.Small) > 0 {
		bs = append(bs, block{part: partRule})
	}
	for _, s := range d.Signatures {
		bs = append(bs, block{part: partSign, text: strings.Join(words(s), " ")})
	}
	for _, s := range d.Small {
		bs = append(bs, block{part: partNote, text: s})
	}
	return bs
}

// title is the document's title and number, the number held whole.
func title(d Doc) string {
	number := strings.Join(words(d.Number), "\u00a0")
	return strings.TrimSpace(d.Title + " " + number)
}

// grid is where an item's parts stand on a line: the mark's column, the
// label column, the gap, and the value column after it, in the units of
// its measures.
type grid struct {
	width  float64 // the whole line
	gutter float64 // the mark's column, before every item
	gap    float64 // between a label and its value; a value under its label is indented by it
	label  float64 // the label column
	// labelM and valueM measure a label and a value in their fonts.
	labelM, valueM measure
}

// newGrid makes the label column as wide as the document's widest label,
// but for labels so wide that the value would be left less than half the
// line, and labels of more than one line: those rows print their value
// under the label instead.
func newGrid(d Doc, width, gutter, gap float64, labelM, valueM measure) grid {
	g := grid{width: width, gutter: gutter, gap: gap, labelM: labelM, valueM: valueM}
	limit := width/2 - gutter - gap
	for _, s := range d.Sections {
		for _, it := range s.Items {
			if w := labelM(it.Label); w <= limit && !strings.Contains(it.Label, "\n") {
				g.label = max(g.label, w)
			}
		}
	}
	return g
}

// valueWidth is the width of the value column.
func (g grid) valueWidth() float64 { return g.width - g.gutter - g.label - g.gap }

// rowLines is an item laid out: its label's lines and its value's; beside
// says the value stands beside the label (its first line on the label's),
// else under it.
type rowLines struct {
	label, value []string
	beside       bool
}

// row lays an item out: a paragraph across the line after the mark's
// column; a row with its value beside its label when the label fits its
// column and no word of the value is wider than the value column, else
// with the value under the label, indented.
func (g grid) row(it Item) rowLines {
	inner := g.width - g.gutter
	if it.Label == "" {
		return rowLines{value: wrap(it.Value, inner, g.valueM)}
	}
	if !strings.Contains(it.Label, "\n") && g.labelM(it.Label) <= g.label && widest(it.Value, g.valueM) <= g.valueWidth() {
		return rowLines{label: []string{it.Label}, value: wrap(it.Value, g.valueWidth(), g.valueM), beside: true}
	}
	r := rowLines{label: wrap(it.Label, inner, g.labelM)}
	if strings.TrimSpace(it.Value) != "" {
		r.value = wrap(it.Value, inner-g.gap, g.valueM)
	}
	return r
}
