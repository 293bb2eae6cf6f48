package flow_test

import (
	"testing"

	"example.com/returnsdesk/flow"
)

// TestWordsCoverEveryValue: every outcome, status and document has words a
// person reads, none of them the raw value with an underscore.
func TestWordsCoverEveryValue(t *testing.T) {
	var words []string
	for _, o := range flow.Outcomes {
		words = append(words, o.Words())
	}
	for _, s := range flow.Statuses {
		words = append(words, s.Words())
	}
	for _, d := range flow.Documents {
		words = append(words, d.Words())
	}
	for _, st := range flow.AllSteps {
		words = append(words, st.Words(), st.Title())
	}
	for _, c := range flow.Conclusions {
		words = append(words, c.Words())
	}
	for _, tn := range flow.Tenders {
		words = append(words, tn.Words())
	}
	for _, w := range words {
		if w == "" {
			t.Error("a value has no words")
		}
		for _, r := range w {
			if r == '_' {
				t.Errorf("%q: an underscore is not a word", w)
			}
		}
	}
	if got := flow.StepServiceCentre.Title(); got != "Service centre" {
		t.Errorf("the service centre's title = %q", got)
	}
	if got := flow.DocumentWords([]flow.Document{flow.DocReceipt, flow.DocWarrantyCard}); got != "receipt, warranty card" {
		t.Errorf("DocumentWords = %q", got)
	}
}
