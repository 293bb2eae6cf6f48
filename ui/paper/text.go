package paper

import (
	"strings"
)

// The text form's columns: the mark's column before every item, and the gap
// between a label and its value (a value under its label is indented by it).
const (
	textGutter = 2
	textGap    = 2
	// signSpace is the blank lines above a signer's line, to sign in.
	signSpace = 2
	// signMin is the shortest line to sign on.
	signMin = 12
)

// Text is the document as plain UTF-8 text width columns wide (42 or 48 for
// a receipt printer, 72 for a file kept beside the PDF; MinWidth at
// least): the title centred, a rule between sections, each label's value in
// a column as wide as the widest label needs, wrapped inside it (under the
// label, indented, where the label column would leave the value less than
// half the line), Mark before a failed item, a line to sign for each signer,
// the small print last. No line is wider than width, in display columns; an
// amount ("19 999,00 грн", held by its no-break spaces) is never broken.
func (d Doc) Text(width int) string {
	width = max(width, MinWidth)
	w := float64(width)
	g := newGrid(d, w, textGutter, textGap, columns, columns)
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	for _, bl := range plan(d) {
		switch bl.part {
		case partTitle:
			for _, l := range wrap(bl.text, w, columns) {
				line(pad("", (width-int(columns(l)))/2) + l)
			}
		case partRule:
			line(strings.Repeat("-", width))
		case partHeading:
			for _, l := range wrap(bl.text, w, columns) {
				line(l)
			}
		case partItem:
			textItem(g, bl.item, line)
		case partSign:
			b.WriteString(strings.Repeat("\n", signSpace))
			textSign(bl.text, width, line)
		case partNote:
			line("")
			for _, l := range wrap(bl.text, w, columns) {
				line(l)
			}
		}
	}
	return b.String()
}

// textItem writes an item's lines: the mark's column, then a paragraph, or
// a label and its value.
func textItem(g grid, it Item, line func(string)) {
	gutter := pad("", textGutter)
	first := gutter
	if it.Failed {
		first = pad(Mark, textGutter)
	}
	r := g.row(it)
	lead := func(i int) string {
		if i == 0 {
			return first
		}
		return gutter
	}
	if !r.beside {
		indent := pad("", textGap) // a value under its label
		if it.Label == "" {
			indent = "" // a paragraph
		}
		n := 0
		for _, l := range r.label {
			line(lead(n) + l)
			n++
		}
		for _, l := range r.value {
			line(lead(n) + indent + l)
			n++
		}
		return
	}
	for i, l := range r.value {
		label := pad("", int(g.label)+textGap)
		if i == 0 {
			label = pad(r.label[0], int(g.label)+textGap)
		}
		line(lead(i) + label + l)
	}
}

// textSign writes a signer's line: "Customer: ________" to the end of the
// line, or, for a signer too long for it, the signer and a whole line
// under.
func textSign(signer string, width int, line func(string)) {
	s := signer + ":"
	if n := width - int(columns(s)) - 1; n >= signMin {
		line(s + " " + strings.Repeat("_", n))
		return
	}
	for _, l := range wrap(s, float64(width), columns) {
		line(l)
	}
	line("")
	line(strings.Repeat("_", width))
}

// pad is s with spaces after it to n columns.
func pad(s string, n int) string {
	if w := int(columns(s)); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
