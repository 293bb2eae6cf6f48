package desk

import (
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The desk's words are the lead's language (Deps.StaffText): its dates,
// its money and its short forms, and the padding of columns whose words
// may be Cyrillic (measured in cells, not bytes).

// staffText is p, or English where there is none (older callers).
func staffText(p *lang.Printer) *lang.Printer {
	if p == nil {
		return lang.English()
	}
	return p
}

// amountIn is an amount without its currency as tr writes money.
func amountIn(tr *lang.Printer, m flow.Money) string { return tr.Money(m.Minor, "") }

// weekdays are the days' short names, Sunday first (time.Weekday's order).
var weekdays = [...]string{lang.Key("Sun"), lang.Key("Mon"), lang.Key("Tue"), lang.Key("Wed"), lang.Key("Thu"),
	lang.Key("Fri"), lang.Key("Sat")}

// dayIn is a day with its weekday: "Fri 2026-11-20", "пт 20.11.2026".
func dayIn(tr *lang.Printer, d flow.Date) string {
	return tr.T(weekdays[d.Weekday()]) + " " + d.In(tr)
}

// pad is s cut or padded with spaces to width cells.
func pad(s string, width int) string {
	s = look.Fit(s, width)
	for w := lipgloss.Width(s); w < width; w++ {
		s += " "
	}
	return s
}
