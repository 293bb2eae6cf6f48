package flow

import (
	"strings"
	"testing"
)

func TestCheckAgainstImport(t *testing.T) {
	imp := Sale{Date: Date{Year: 2026, Month: 11, Day: 10}, Receipt: "R-1001", Line: 1, Model: "Phone X",
		Serial: "490154203237518", Price: Money{Minor: 4199900, Currency: "UAH"}, Tender: TenderCard}
	with := func(edit func(*Sale)) Sale { s := imp; edit(&s); return s }
	for _, tc := range []struct {
		name string
		sale Sale
		corr *SaleCorrection
		want string // "" for accepted
	}{
		{"as imported", imp, nil, ""},
		{"written otherwise, the same line", with(func(s *Sale) { s.Receipt, s.Serial = " r-1001", "4901-5420-3237-518" }), nil, ""},
		{"the model is not the import's truth", with(func(s *Sale) { s.Model = "Phone X 128GB" }), nil, ""},
		{"a line not stated", with(func(s *Sale) { s.Line = 0 }), nil, ""},
		{"the price typed over", with(func(s *Sale) { s.Price.Minor = 4599900 }), nil,
			"differs from the sales import (price 41999.00 UAH -> 45999.00 UAH): the import is what was sold; look the receipt up"},
		{"the tender and date", with(func(s *Sale) { s.Tender = TenderCash; s.Date.Day = 11 }), nil,
			"date 2026-11-10 -> 2026-11-11; tender card -> cash"},
		{"the serial", with(func(s *Sale) { s.Serial = "" }), nil, "serial 490154203237518 -> (none)"},
		{"corrected by a lead", with(func(s *Sale) { s.Price.Minor = 4599900 }),
			&SaleCorrection{By: "Olena", Reason: "the POS rang the wrong price", Changes: []string{"price 41999.00 UAH -> 45999.00 UAH"}}, ""},
		{"a correction of something else", with(func(s *Sale) { s.Price.Minor = 4599900 }),
			&SaleCorrection{By: "Olena", Reason: "x", Changes: []string{"tender card -> cash"}}, "Olena's correction says tender card -> cash: correct it again"},
		{"a correction without a reason", with(func(s *Sale) { s.Price.Minor = 4599900 }),
			&SaleCorrection{By: "Olena", Changes: []string{"price 41999.00 UAH -> 45999.00 UAH"}}, "give a reason"},
	} {
		c := &Case{Sale: tc.sale, SaleCorrection: tc.corr}
		err := CheckAgainstImport(&imp, c)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(Message(err), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if err := CheckAgainstImport(nil, &Case{Sale: Sale{Price: Money{Minor: 1}}}); err != nil {
		t.Errorf("a typed sale, not imported: %v", err)
	}
}
