package store

import (
	"testing"

	"example.com/returnsdesk/flow"
)

// TestMaskPassport_oneNumberOneKey: a passport number typed with other
// spacing, dashes or letter case is the same number, so it hashes to the
// same key (and finds the same repeat returns); the number is normalised
// once, by flow.NormalizePassport, as the form checks it.
func TestMaskPassport_oneNumberOneKey(t *testing.T) {
	s, _ := openTest(t)
	want := s.MaskPassport("booklet", "KM482913", "Olena Kovalenko")
	if want.Key == "" || want.Last4 != "2913" {
		t.Fatalf("MaskPassport: %+v", want)
	}
	tests := []struct{ name, typed string }{
		{"lower_case_is_the_same_number", "km482913"},
		{"spaces_are_the_same_number", "KM 482 913"},
		{"dashes_are_the_same_number", "KM-482-913"},
		{"spaces_around_are_the_same_number", "  km 482913\t"},
		{"a_no_break_space_is_the_same_number", "KM\u00a0482913"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.MaskPassport("booklet", tt.typed, "Olena Kovalenko")
			if got.Key != want.Key || got.Last4 != want.Last4 {
				t.Errorf("MaskPassport(%q) = %+v, want the key and last 4 of %q", tt.typed, got, "KM482913")
			}
			if err := flow.CheckPassport("booklet", tt.typed); err != nil {
				t.Errorf("CheckPassport(%q): %v, though it hashes as a good number", tt.typed, err)
			}
		})
	}
	if other := s.MaskPassport("booklet", "KM482914", ""); other.Key == want.Key {
		t.Error("another number has the same key")
	}
}
