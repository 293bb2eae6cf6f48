// Package paper is what the kiosk prints and keeps for a customer to sign:
// the return act, the service centre's intake act, a payout slip, a shift
// lead's decision act. A Doc is its content, already in the reader's
// language; Text lays it out for a receipt printer or a file (42, 48 or 72
// columns), PDF for an A4 printer. The two say the same words in the same
// order, so a PDF read back as text holds the text form's words. It links
// no terminal package and knows no case: the kiosk and the desk fill a Doc.
package paper

// Doc is one document: its title and number, its sections in order, and
// the lines its signers sign.
type Doc struct {
	Title  string // "RETURN ACT", in the reader's language
	Number string // the document's number in the store, as printed ("№ 17"); "" before it is numbered
	// Sections are the body, in order.
	Sections []Section
	// Signatures are the signers, each a line to sign ("Customer",
	// "Cashier (Ivan)"), in order.
	Signatures []string
	// Small is small print at the foot: the policy's clause ids and such.
	Small []string
}

// Section is a titled part of a document ("" for none): its items in order.
type Section struct {
	Title string
	Items []Item
}

// Item is one line of a section: a label and its value in two columns, or,
// without a label, a paragraph of text.
type Item struct {
	Label string
	Value string
	// Failed marks a check the item did not pass: it is printed marked, so
	// the customer sees it first.
	Failed bool
	// Small is small print: a clause id, a detail for the record.
	Small bool
}

// Row is a labelled item.
func Row(label, value string) Item { return Item{Label: label, Value: value} }

// Text is an item of text without a label.
func Text(s string) Item { return Item{Value: s} }

// Add appends items to the section titled title, a new one at the end when
// the last section has another title.
func (d *Doc) Add(title string, items ...Item) {
	if n := len(d.Sections); n > 0 && d.Sections[n-1].Title == title {
		d.Sections[n-1].Items = append(d.Sections[n-1].Items, items...)
		return
	}
	d.Sections = append(d.Sections, Section{Title: title, Items: items})
}
