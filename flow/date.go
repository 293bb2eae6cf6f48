package flow

import (
	"example.com/returnsdesk/flow/lang"

	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day in the store's time zone. Return windows, warranty
// periods and refund deadlines are counted in whole days, never in hours, so
// the engine works on dates and leaves clocks to its callers.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the calendar day of t in t's own location. Callers convert the
// clock to the store's time zone first: DateOf(now.In(storeZone)).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a date written as YYYY-MM-DD, as the decide contract
// and the store write it. A date so written that is no real day says which
// part is wrong: "February 2026 has 28 days", "month 13 does not exist".
// A date a person types is read by ParseTypedDate.
func ParseDate(s string) (Date, error) {
	if !isISODate(s) {
		return Date{}, Errorf(EInvalid, "%q is not a date written as YYYY-MM-DD", s)
	}
	return realDate(s, s[:4], s[5:7], s[8:])
}

// ParseTypedDate reads a date as a person types it at the till: the
// Ukrainian way, 21.11.2026 (or 1.2.2026: the day and the month may have
// one digit), or 2026-11-21. Spaces around it do not count. A date so
// written that is no real day says which part is wrong, as ParseDate does.
func ParseTypedDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if isISODate(s) {
		return realDate(s, s[:4], s[5:7], s[8:])
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 || !digitsOf(parts[0], 1, 2) || !digitsOf(parts[1], 1, 2) || !digitsOf(parts[2], 4, 4) {
		return Date{}, Errorf(EInvalid, "%q is not a date written as 21.11.2026 (or 2026-11-21)", s)
	}
	return realDate(s, parts[2], parts[1], parts[0])
}

// isISODate reports whether s has the shape YYYY-MM-DD.
func isISODate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:])
}

// digitsOf reports whether s is lo to hi ASCII digits.
func digitsOf(s string, lo, hi int) bool { return len(s) >= lo && len(s) <= hi && allDigits(s) }

// realDate is the day of year, month and day, written as digits, or what
// is wrong with it, naming s as it was written.
func realDate(s, year, month, day string) (Date, error) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if m < 1 || m > 12 {
		return Date{}, Errorf(EInvalid, "%q is not a date: month %d does not exist", s, m)
	}
	if d < 1 {
		return Date{}, Errorf(EInvalid, "%q is not a date: day 0 does not exist", s)
	}
	if last := (Date{y, time.Month(m), 1}).AddMonths(1).AddDays(-1).Day; d > last {
		return Date{}, Errorf(EInvalid, "%q is not a date: %s %d has %d days", s, monthOf(m), y, last)
	}
	return Date{y, time.Month(m), d}, nil
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Time is midnight UTC of the date: a fixed point to count days from.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays is the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths is the same day n months later; a day the month lacks becomes the
// month's last day (31 January + 1 month = 28 or 29 February), as warranty
// periods are counted.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := d.Day
	if day > last {
		day = last
	}
	return Date{first.Year(), first.Month(), day}
}

// DaysSince counts the whole days from earlier to d: the day after earlier is
// day 1, which is how the law counts a return window (the day of purchase is
// not counted).
func (d Date) DaysSince(earlier Date) int {
	// Unix seconds, not time.Sub: a Duration saturates at about 292 years.
	return int((d.Time().Unix() - earlier.Time().Unix()) / (24 * 60 * 60))
}

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.Time().After(o.Time()) }

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddBusinessDays is the date n business days after d, skipping Saturdays and
// Sundays.
func (d Date) AddBusinessDays(n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

// BusinessDaysUntil counts the business days (Saturdays and Sundays
// skipped) after d up to and including later: 0 when later is d or the
// weekend after it; negative, counted the same way, when later is before d.
func (d Date) BusinessDaysUntil(later Date) int {
	if later.Before(d) {
		return -later.BusinessDaysUntil(d)
	}
	n := 0
	for x := d; x.Before(later); {
		x = x.AddDays(1)
		if wd := x.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written as YYYY-MM-DD; an empty text is no date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// In is the date as p's language writes it: "2026-11-21", "21.11.2026".
func (d Date) In(p *lang.Printer) string { return p.Date(d.Year, d.Month, d.Day) }

// monthOf is a month as an error's argument: its English name in the
// message ("February"), p's in In.
type monthOf time.Month

func (m monthOf) String() string { return time.Month(m).String() }

// In is the month's name in p's language.
func (m monthOf) In(p *lang.Printer) string { return p.T(monthNames[m-1]) }

// monthNames are the months' names, January first.
var monthNames = [...]string{lang.Key("January"), lang.Key("February"), lang.Key("March"), lang.Key("April"),
	lang.Key("May"), lang.Key("June"), lang.Key("July"), lang.Key("August"), lang.Key("September"),
	lang.Key("October"), lang.Key("November"), lang.Key("December")}
