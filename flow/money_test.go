package flow_test

import (
	"testing"

	"example.com/returnsdesk/flow"
)

// TestParseMoney: amounts are whole minor units, never floats; a point or a
// comma takes at most two decimals.
func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		name, in, currency string
		minor              int64
		wantCurrency       string
	}{
		{"whole", "19999", "UAH", 1999900, "UAH"},
		{"two_decimals", "19999.00", "UAH", 1999900, "UAH"},
		{"one_decimal", "19999.5", "UAH", 1999950, "UAH"},
		{"kopiykas", "0.01", "UAH", 1, "UAH"},
		{"comma", "19999,99", "UAH", 1999999, "UAH"},
		{"spaces_around", " 1.05 ", " uah ", 105, "UAH"},
		{"zero", "0", "UAH", 0, "UAH"},
		{"no_currency", "10", "", 1000, ""},
		{"largest", "9999999999999.99", "UAH", 999999999999999, "UAH"},
		{"not_a_float", "0.29", "UAH", 29, "UAH"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := flow.ParseMoney(tc.in, tc.currency)
			if err != nil || m.Minor != tc.minor || m.Currency != tc.wantCurrency {
				t.Errorf("ParseMoney(%q, %q) = %+v, %v; want %d %s", tc.in, tc.currency, m, err, tc.minor, tc.wantCurrency)
			}
		})
	}
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"blank", "   "},
		{"words", "abc"},
		{"three_decimals", "1.234"},
		{"point_without_decimals", "1."},
		{"no_whole_part", ".5"},
		{"negative", "-1.00"},
		{"plus_sign", "+1"},
		{"exponent", "1e3"},
		{"thousands_separator", "1,000.00"},
		{"inner_space", "19 999"},
		{"two_points", "1.2.3"},
		{"non_ascii_digits", "١٢٣"},
		{"too_large", "99999999999999"},
	} {
		t.Run("rejects_"+tc.name, func(t *testing.T) {
			if m, err := flow.ParseMoney(tc.in, "UAH"); err == nil {
				t.Errorf("ParseMoney(%q) = %+v, want an error", tc.in, m)
			}
		})
	}
}

// TestMoneyWrites: an amount writes with two decimals and its currency.
func TestMoneyWrites(t *testing.T) {
	for _, tc := range []struct {
		m             flow.Money
		amount, whole string
	}{
		{flow.Money{Minor: 1999900, Currency: "UAH"}, "19999.00", "19999.00 UAH"},
		{flow.Money{Minor: 5}, "0.05", "0.05"},
		{flow.Money{Minor: -105, Currency: "UAH"}, "-1.05", "-1.05 UAH"},
		{flow.Money{}, "0.00", "0.00"},
	} {
		if tc.m.Amount() != tc.amount || tc.m.String() != tc.whole {
			t.Errorf("%+v writes %q and %q, want %q and %q", tc.m, tc.m.Amount(), tc.m.String(), tc.amount, tc.whole)
		}
	}
	if !(flow.Money{}).IsZero() || (flow.Money{Minor: 1}).IsZero() {
		t.Error("IsZero")
	}
	for _, s := range []string{"0", "1", "19999.5", "0,07", "123456.78"} {
		m, err := flow.ParseMoney(s, "UAH")
		if err != nil {
			t.Fatal(err)
		}
		back, err := flow.ParseMoney(m.Amount(), "UAH")
		if err != nil || back != m {
			t.Errorf("%q writes %q, which reads back as %+v, %v", s, m.Amount(), back, err)
		}
	}
}
