package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
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
		{"a_cyrillic_series_is_the_same_number", "КМ482913"},
		{"a_cyrillic_series_in_lower_case_is_the_same_number", "км 482-913"},
		{"one_letter_of_each_layout_is_the_same_number", "Кm482913"},
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

// TestMaskPassport_bookletKeptBeforeStillMatches: a booklet kept before
// Cyrillic series were taken was typed, and hashed, in Latin letters
// (type NUL number, upper case); typed now in Cyrillic letters it hashes
// alike and finds the case it is on. A Cyrillic letter without a Latin
// lookalike is a letter of its own.
func TestMaskPassport_bookletKeptBeforeStillMatches(t *testing.T) {
	s, _ := openTest(t)
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("booklet\x00AB123456"))
	before := hex.EncodeToString(m.Sum(nil))
	for _, typed := range []string{"AB123456", "АВ123456", "ав123456"} {
		if p := s.MaskPassport("booklet", typed, ""); p.Key != before || p.Last4 != "3456" || p.Type != "booklet" {
			t.Errorf("MaskPassport(%q) = %+v, want the key kept before (%s) and 3456", typed, p, before)
		}
	}
	if p := s.MaskPassport("booklet", "ЮЯ123456", ""); p.Key == before || p.Key == "" {
		t.Errorf("ЮЯ123456 hashes as AB123456: %+v", p)
	}

	c := newCase(t0, "olena", "R-1001", "356938035643809")
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "sale", Time: t0}))
	c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	must(t, c.Complete(flow.StepRequest))
	c.Documents = []flow.Document{flow.DocReceipt, flow.DocPassport}
	c.Passport = s.MaskPassport("booklet", "AB 123456", "Ivan Petrenko")
	must(t, c.Complete(flow.StepDocuments))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "documents", Time: t0}))
	day := flow.DateOf(t0.In(s.Location()))
	got, err := s.RepeatReturns(s.MaskPassport("booklet", "АВ 123456", "").Key, day.AddDays(-30))
	must(t, err)
	if len(got) != 1 || got[0].ID != c.ID {
		t.Errorf("the Cyrillic booklet finds %+v, want the case %s of the Latin one", got, c.ID)
	}
}
