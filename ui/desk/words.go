package desk

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
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

// keyOf is a key as the person's layout labels it, as its help shows it
// ("т" for n on the Ukrainian layout): the desk's own lines name keys so.
func keyOf(b key.Binding) string { return b.Help().Key }

// timeIn is a moment to the minute as tr writes it: "2026-11-20 09:10",
// "20.11.2026 09:10".
func timeIn(tr *lang.Printer, t time.Time) string {
	return tr.Date(t.Year(), t.Month(), t.Day()) + " " + t.Format("15:04")
}

// shortTimeIn is a moment without its year, for a column: "11-20 09:10",
// "20.11 09:10"; seconds where asked.
func shortTimeIn(tr *lang.Printer, t time.Time, seconds bool) string {
	layout := "01-02 15:04"
	if tr.Lang() != lang.EN {
		layout = "02.01 15:04"
	}
	if seconds {
		layout += ":05"
	}
	return t.Format(layout)
}

// currencyIn is a currency's code as tr names it beside an amount ("грн"),
// or a dash for none.
func currencyIn(tr *lang.Printer, currency string) string { return look.OrDash(tr.Currency(currency)) }

// tenderOptions are the tenders, in flow's order, in tr's words.
func tenderOptions(tr *lang.Printer) []huh.Option[flow.Tender] {
	opts := make([]huh.Option[flow.Tender], len(flow.Tenders))
	for i, t := range flow.Tenders {
		opts[i] = huh.NewOption(t.WordsIn(tr), t)
	}
	return opts
}
