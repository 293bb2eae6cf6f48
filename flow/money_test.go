package flow_test

import (
	"strings"
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

// TestParseTypedMoney: an amount typed at the till takes a comma or a
// point before its kopiykas and spaces (a no-break or thin one too)
// between its thousands; a form that reads two ways is refused, saying
// why.
func TestParseTypedMoney(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		minor    int64
	}{
		{"ukrainian", "19 999,00", 1999900},
		{"point", "19999.00", 1999900},
		{"comma", "19999,00", 1999900},
		{"grouped_whole", "19 999", 1999900},
		{"one_decimal_comma", "19999,5", 1999950},
		{"one_decimal_point", "19999.5", 1999950},
		{"whole", "19999", 1999900},
		{"no_break_space", "19\u00a0999,00", 1999900},
		{"narrow_no_break_space", "19\u202f999,00", 1999900},
		{"thin_space", "19\u2009999,00", 1999900},
		{"millions", "1 299 999,99", 129999999},
		{"grouped_point", "1 299.50", 129950},
		{"small", "5,00", 500},
		{"kopiyka", "0,01", 1},
		{"spaces_around", "  19 999,00 ", 1999900},
		{"zero", "0", 0},
		{"largest", "9 999 999 999 999,99", 999999999999999},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := flow.ParseTypedMoney(tc.in, " uah")
			if err != nil || m.Minor != tc.minor || m.Currency != "UAH" {
				t.Errorf("ParseTypedMoney(%q) = %+v, %v; want %d UAH", tc.in, m, err, tc.minor)
			}
		})
	}
	for _, tc := range []struct{ name, in, says string }{
		{"point_and_comma", "19.999,00", `"19.999,00" has both a point and a comma`},
		{"comma_and_point", "1,999.00", `"1,999.00" has both a point and a comma`},
		{"groups_of_two", "19 99,00", `"19 99,00": thousands are grouped by three digits`},
		{"first_group_of_four", "1999 999", `"1999 999": thousands are grouped by three digits`},
		{"point_thousands", "1.999", `"1.999": at most 2 digits after the point or comma`},
		{"comma_thousands", "19,999", `"19,999": at most 2 digits after the point or comma`},
		{"points_between_thousands", "1.999.999", `"1.999.999": write thousands with a space`},
		{"commas_between_thousands", "1,999,999", `"1,999,999": write thousands with a space`},
		{"two_spaces", "19  999", `"19  999" has more than one space between digits`},
		{"space_before_comma", "19 999 ,00", `"19 999 ,00" is not an amount such as 19 999,00`},
		{"space_in_kopiykas", "19999, 50", `"19999, 50" is not an amount such as 19 999,00`},
		{"no_kopiykas", "19999,", `"19999," is not an amount such as 19 999,00`},
		{"no_whole_part", ",50", `",50" is not an amount such as 19 999,00`},
		{"negative", "-19 999,00", `"-19 999,00" is not an amount such as 19 999,00`},
		{"currency_typed", "19 999 грн", `"19 999 грн" is not an amount such as 19 999,00`},
		{"words", "abc", `"abc" is not an amount such as 19 999,00`},
		{"non_ascii_digits", "١٢٣", `"١٢٣" is not an amount such as 19 999,00`},
		{"empty", "  ", "the amount is empty"},
		{"too_large", "99 999 999 999 999", `"99 999 999 999 999" is too large an amount`},
	} {
		t.Run("refuses_"+tc.name, func(t *testing.T) {
			m, err := flow.ParseTypedMoney(tc.in, "UAH")
			if err == nil || !strings.HasPrefix(err.Error(), tc.says) {
				t.Errorf("ParseTypedMoney(%q) = %+v, %v; want %q", tc.in, m, err, tc.says)
			}
		})
	}
}
