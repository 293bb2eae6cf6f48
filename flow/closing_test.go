package flow

import (
	"strings"
	"testing"
	"time"
)

func TestParseClosingTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		err  string
	}{
		{"", 21 * 60, ""},
		{"21:00", 21 * 60, ""},
		{" 08:30 ", 8*60 + 30, ""},
		{"00:00", 0, ""},
		{"23:59", 23*60 + 59, ""},
		{"24:00", 0, "the hour 24"},
		{"20:60", 0, "the minute 60"},
		{"9:00", 0, "HH:MM"},
		{"21.00", 0, "HH:MM"},
		{"21:00pm", 0, "HH:MM"},
		{"evening", 0, "HH:MM"},
	} {
		got, err := ParseClosingTime(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%q: %d, %v; want %d", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) ||
			!strings.HasPrefix(err.Error(), "closing_time")):
			t.Errorf("%q: %v, want %q", tc.in, err, tc.err)
		}
	}
}

func TestEarlyClose(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 20, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct {
		now     time.Time
		closing string
		want    string
	}{
		{at(8, 42), "21:00", "it is 08:42, before the store's closing time (21:00)"},
		{at(20, 59), "", "before the store's closing time (21:00)"},
		{at(21, 0), "21:00", ""},
		{at(23, 10), "21:00", ""},
		{at(18, 0), "18:00", ""},
		{at(17, 0), "bad", "(21:00)"},
	} {
		got := EarlyClose(tc.now, tc.closing)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s closing %q: %q, want %q", tc.now.Format("15:04"), tc.closing, got, tc.want)
		}
	}
}

func TestFilingDay(t *testing.T) {
	d := Date{Year: 2026, Month: 11, Day: 20}
	closed := map[Date]bool{d: true, d.AddDays(1): true}
	is := func(x Date) bool { return closed[x] }
	if got := FilingDay(d, is); got != d.AddDays(2) {
		t.Errorf("after two closed days: %s", got)
	}
	if got := FilingDay(d.AddDays(3), is); got != d.AddDays(3) {
		t.Errorf("an open day: %s", got)
	}
}
