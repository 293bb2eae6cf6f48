package flow_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// TestAddMonths: a warranty of n months ends on the same day n months on; a
// day the month lacks becomes its last day.
func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"jan_31_plus_1_is_feb_29_in_a_leap_year", "2024-01-31", 1, "2024-02-29"},
		{"jan_31_plus_1_is_feb_28_otherwise", "2023-01-31", 1, "2023-02-28"},
		{"jan_30_plus_1_clamps_too", "2024-01-30", 1, "2024-02-29"},
		{"jan_29_plus_1_fits", "2023-01-29", 1, "2023-02-28"},
		{"mar_31_plus_1_is_apr_30", "2024-03-31", 1, "2024-04-30"},
		{"feb_29_plus_12_is_feb_28", "2024-02-29", 12, "2025-02-28"},
		{"feb_29_plus_48_is_feb_29", "2024-02-29", 48, "2028-02-29"},
		{"dec_15_plus_1_crosses_the_year", "2024-12-15", 1, "2025-01-15"},
		{"jan_31_plus_13", "2024-01-31", 13, "2025-02-28"},
		{"aug_31_plus_36", "2024-08-31", 36, "2027-08-31"},
		{"may_31_plus_120", "2024-05-31", 120, "2034-05-31"},
		{"plus_0_is_the_same_day", "2024-03-01", 0, "2024-03-01"},
		{"mar_31_minus_1_is_feb_29", "2024-03-31", -1, "2024-02-29"},
		{"jan_15_minus_1_crosses_the_year", "2024-01-15", -1, "2023-12-15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := day(tc.from).AddMonths(tc.n).String(); got != tc.want {
				t.Errorf("%s + %d months = %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

// TestAddBusinessDays: business days skip Saturday and Sunday.
func TestAddBusinessDays(t *testing.T) {
	for _, tc := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"friday_plus_1_is_monday", "2024-03-15", 1, "2024-03-18"},
		{"saturday_plus_1_is_monday", "2024-03-16", 1, "2024-03-18"},
		{"sunday_plus_1_is_monday", "2024-03-17", 1, "2024-03-18"},
		{"monday_plus_1_is_tuesday", "2024-03-18", 1, "2024-03-19"},
		{"monday_plus_5_is_monday", "2024-03-18", 5, "2024-03-25"},
		{"thursday_plus_2_is_monday", "2024-03-14", 2, "2024-03-18"},
		{"friday_plus_30", "2024-03-15", 30, "2024-04-26"},
		{"friday_plus_31", "2024-03-15", 31, "2024-04-29"},
		{"leap_day_plus_31", "2024-02-29", 31, "2024-04-12"},
		{"saturday_plus_30", "2024-06-01", 30, "2024-07-12"},
		{"across_the_year", "2024-12-31", 3, "2025-01-03"},
		{"plus_0_is_the_same_day", "2024-03-16", 0, "2024-03-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := day(tc.from).AddBusinessDays(tc.n).String(); got != tc.want {
				t.Errorf("%s + %d business days = %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

// TestDaysSince: the day after the sale is day 1; the sale day is day 0.
func TestDaysSince(t *testing.T) {
	for _, tc := range []struct {
		name, sale, today string
		want              int
	}{
		{"sale_day_is_day_0", "2024-03-01", "2024-03-01", 0},
		{"next_day_is_day_1", "2024-03-01", "2024-03-02", 1},
		{"mar_15_is_day_14", "2024-03-01", "2024-03-15", 14},
		{"mar_16_is_day_15", "2024-03-01", "2024-03-16", 15},
		{"mar_31_is_day_30", "2024-03-01", "2024-03-31", 30},
		{"across_the_leap_day", "2024-02-28", "2024-03-01", 2},
		{"across_feb_28_otherwise", "2023-02-28", "2023-03-01", 1},
		{"a_leap_year", "2024-01-01", "2025-01-01", 366},
		{"a_common_year", "2023-01-01", "2024-01-01", 365},
		{"across_a_dst_change_in_europe", "2024-03-30", "2024-04-01", 2},
		{"before_is_negative", "2024-03-02", "2024-03-01", -1},
		{"a_long_life", "0001-01-01", "9999-12-31", 3652058},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := day(tc.today).DaysSince(day(tc.sale)); got != tc.want {
				t.Errorf("%s since %s = %d, want %d", tc.today, tc.sale, got, tc.want)
			}
		})
	}
}

// TestDates: dates read and write as YYYY-MM-DD, in JSON too; the empty date
// is no date; DateOf takes the day in the clock's own zone.
func TestDates(t *testing.T) {
	for _, bad := range []string{"", "2024-02-30", "2023-02-29", "2024-13-01", "2024-3-1", "01.03.2024", "2024-03-01T00:00:00Z", "tomorrow"} {
		if _, err := flow.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
	d := day("2024-02-29")
	if d.String() != "2024-02-29" || d.Weekday() != time.Thursday || d.IsZero() {
		t.Errorf("%v %s %v", d, d.Weekday(), d.IsZero())
	}
	if (flow.Date{}).String() != "" || !(flow.Date{}).IsZero() {
		t.Error("the zero date is not empty")
	}
	if !d.Before(day("2024-03-01")) || d.After(day("2024-03-01")) || d.Before(d) || d.After(d) {
		t.Error("Before/After")
	}
	if got := d.AddDays(1).String(); got != "2024-03-01" {
		t.Errorf("AddDays(1) = %s", got)
	}
	if got := d.AddDays(-29).String(); got != "2024-01-31" {
		t.Errorf("AddDays(-29) = %s", got)
	}

	var v struct {
		D flow.Date `json:"d"`
		E flow.Date `json:"e"`
	}
	if err := json.Unmarshal([]byte(`{"d":"2024-02-29","e":""}`), &v); err != nil || v.D != d || !v.E.IsZero() {
		t.Errorf("unmarshal: %v %+v", err, v)
	}
	if err := json.Unmarshal([]byte(`{"d":"2024-02-30"}`), &v); err == nil {
		t.Error("unmarshalled 2024-02-30")
	}
	if b, _ := json.Marshal(v.D); string(b) != `"2024-02-29"` {
		t.Errorf("marshal: %s", b)
	}

	kyiv := time.FixedZone("EET", 2*60*60)
	late := time.Date(2024, 3, 15, 23, 30, 0, 0, time.UTC)
	if got := flow.DateOf(late).String(); got != "2024-03-15" {
		t.Errorf("DateOf in UTC = %s", got)
	}
	if got := flow.DateOf(late.In(kyiv)).String(); got != "2024-03-16" {
		t.Errorf("DateOf in Kyiv = %s", got)
	}
}

// TestParseDateSaysWhatIsWrong: a date that is not a real day says which
// part is wrong; one not written as YYYY-MM-DD says so.
func TestParseDateSaysWhatIsWrong(t *testing.T) {
	for in, want := range map[string]string{
		"2026-02-30":           `"2026-02-30" is not a date: February 2026 has 28 days`,
		"2024-02-30":           `"2024-02-30" is not a date: February 2024 has 29 days`,
		"2023-02-29":           `"2023-02-29" is not a date: February 2023 has 28 days`,
		"2024-04-31":           `"2024-04-31" is not a date: April 2024 has 30 days`,
		"2024-13-01":           `"2024-13-01" is not a date: month 13 does not exist`,
		"2024-00-10":           `"2024-00-10" is not a date: month 0 does not exist`,
		"2024-03-00":           `"2024-03-00" is not a date: day 0 does not exist`,
		"2026-13-40":           `"2026-13-40" is not a date: month 13 does not exist`,
		"2024-3-1":             `"2024-3-1" is not a date written as YYYY-MM-DD`,
		"01.03.2024":           `"01.03.2024" is not a date written as YYYY-MM-DD`,
		"2024-03-01T00:00:00Z": `"2024-03-01T00:00:00Z" is not a date written as YYYY-MM-DD`,
		"+024-03-01":           `"+024-03-01" is not a date written as YYYY-MM-DD`,
		"":                     `"" is not a date written as YYYY-MM-DD`,
	} {
		_, err := flow.ParseDate(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseDate(%q): %v, want %q", in, err, want)
		}
	}
	if d, err := flow.ParseDate("2024-02-29"); err != nil || d != (flow.Date{Year: 2024, Month: time.February, Day: 29}) {
		t.Errorf("2024-02-29: %v %v", d, err)
	}
}

// TestParseTypedDate: a date typed at the till reads as 21.11.2026 (the
// day and month of one digit too) or 2026-11-21; one that is no real day
// says which part is wrong, one written otherwise says how to write it.
func TestParseTypedDate(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"ukrainian", "21.11.2026", "2026-11-21"},
		{"ukrainian_one_digit_day_and_month", "1.2.2026", "2026-02-01"},
		{"ukrainian_one_digit_day", "5.11.2026", "2026-11-05"},
		{"ukrainian_leading_zeros", "01.02.2026", "2026-02-01"},
		{"iso", "2026-11-21", "2026-11-21"},
		{"spaces_around", " 21.11.2026 ", "2026-11-21"},
		{"leap_day", "29.02.2024", "2024-02-29"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := flow.ParseTypedDate(tc.in)
			if err != nil || d.String() != tc.want {
				t.Errorf("ParseTypedDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
			}
		})
	}
	for _, tc := range []struct{ name, in, want string }{
		{"february_has_28_days", "30.02.2026", `"30.02.2026" is not a date: February 2026 has 28 days`},
		{"february_2023_has_28_days", "29.2.2023", `"29.2.2023" is not a date: February 2023 has 28 days`},
		{"april_has_30_days", "31.04.2024", `"31.04.2024" is not a date: April 2024 has 30 days`},
		{"month_13", "01.13.2026", `"01.13.2026" is not a date: month 13 does not exist`},
		{"day_0", "0.11.2026", `"0.11.2026" is not a date: day 0 does not exist`},
		{"iso_not_a_day", "2026-02-30", `"2026-02-30" is not a date: February 2026 has 28 days`},
		{"two_digit_year", "21.11.26", `"21.11.26" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"three_digit_day", "021.11.2026", `"021.11.2026" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"slashes", "21/11/2026", `"21/11/2026" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"iso_short", "2026-1-2", `"2026-1-2" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"year_first_with_points", "2026.11.21", `"2026.11.21" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"trailing_point", "21.11.2026.", `"21.11.2026." is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"sign", "+1.11.2026", `"+1.11.2026" is not a date written as 21.11.2026 (or 2026-11-21)`},
		{"empty", "", `"" is not a date written as 21.11.2026 (or 2026-11-21)`},
	} {
		t.Run("refuses_"+tc.name, func(t *testing.T) {
			_, err := flow.ParseTypedDate(tc.in)
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseTypedDate(%q): %v, want %q", tc.in, err, tc.want)
			}
		})
	}
}

// TestCheckSaleDate: a sale date, typed as 20.11.2026 or 2026-11-20, is a
// real day from 1990 on, not after today.
func TestCheckSaleDate(t *testing.T) {
	today := day("2026-11-20")
	for in, want := range map[string]string{
		"2026-11-20": "",
		"1990-01-01": "",
		"1989-12-31": "the sale date 1989-12-31 is before 1990",
		"0000-01-01": "the sale date 0000-01-01 is before 1990",
		"2026-11-21": "the sale date 2026-11-21 is after today (2026-11-20)",
		"2026-02-30": "February 2026 has 28 days",
		"20.11.2026": "",
		"1.1.1990":   "",
		"31.12.1989": "the sale date 1989-12-31 is before 1990",
		"21.11.2026": "the sale date 2026-11-21 is after today (2026-11-20)",
		"30.02.2026": "February 2026 has 28 days",
	} {
		_, err := flow.CheckSaleDate(in, today)
		if (err == nil) != (want == "") || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("CheckSaleDate(%q): %v, want %q", in, err, want)
		}
	}
}

// TestMinSec: a call counter reads as minutes and seconds.
func TestMinSec(t *testing.T) {
	for s, want := range map[int]string{0: "0:00", 59: "0:59", 120: "2:00", 300: "5:00", 301: "5:01", 3600: "60:00"} {
		if got := flow.MinSec(s); got != want {
			t.Errorf("MinSec(%d) = %q, want %q", s, got, want)
		}
	}
}
