package flow

import (
	"fmt"
	"strings"
	"time"
)

// DefaultClosingTime is when a store closes, where its settings do not say.
const DefaultClosingTime = "21:00"

// ParseClosingTime reads a store's closing time, written HH:MM on a
// 24-hour clock ("21:00"; empty: DefaultClosingTime), as minutes after
// midnight. An error names the part that is wrong.
func ParseClosingTime(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = DefaultClosingTime
	}
	var h, m int
	var rest string
	if n, _ := fmt.Sscanf(s, "%d:%d%s", &h, &m, &rest); n < 2 || rest != "" || len(s) != 5 || s[2] != ':' {
		return 0, fieldErr("closing_time", "%q is not a time written HH:MM, such as 21:00", s)
	}
	switch {
	case h > 23:
		return 0, fieldErr("closing_time", "%q: the hour %d is not 00 to 23", s, h)
	case m > 59:
		return 0, fieldErr("closing_time", "%q: the minute %d is not 00 to 59", s, m)
	}
	return h*60 + m, nil
}

// EarlyClose says, when closing the day at now (in the store's time zone)
// comes before the store's closing time on that day, how early it is, in
// words a shift lead reads before confirming; "" when it is not early. A
// closing time that cannot be read is taken as DefaultClosingTime.
func EarlyClose(now time.Time, closing string) string {
	at, err := ParseClosingTime(closing)
	if err != nil {
		at, _ = ParseClosingTime(DefaultClosingTime)
	}
	if now.Hour()*60+now.Minute() >= at {
		return ""
	}
	return fmt.Sprintf("it is %s, before the store's closing time (%02d:%02d)", now.Format("15:04"), at/60, at%60)
}

// FilingDay is the day a case opened on day is filed under, and a payment
// made on it counted on (docs/rules.md, "Days and their close"): that day,
// or once it is closed, the first day after it that is not.
func FilingDay(day Date, closed func(Date) bool) Date {
	for closed(day) {
		day = day.AddDays(1)
	}
	return day
}
