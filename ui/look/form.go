package look

import (
	"example.com/returnsdesk/flow"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// FormTheme is the huh theme of every form: the 16 ANSI colours (no
// adaptive colour, so no query of the terminal's background), and an error
// that reads as one without colour: "! message" beside the field.
func FormTheme() *huh.Theme {
	t := huh.ThemeBase16()
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.SetString(" !")
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.SetString("! ")
	t.Blurred.ErrorIndicator = t.Focused.ErrorIndicator
	t.Blurred.ErrorMessage = t.Focused.ErrorMessage
	return t
}

// StepTheme is FormTheme with the fields one under the other, no blank line
// between them, so that a whole case step fits in 21 rows.
func StepTheme() *huh.Theme {
	t := FormTheme()
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
	return t
}

// FormKeys is huh's keys without the filter of a select: the lists of the
// kiosk are short, and "/" and esc mean other things at the till.
func FormKeys() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	return km
}

// TenderOptions are the tenders, in flow's order and words, as a form offers
// them.
func TenderOptions() []huh.Option[flow.Tender] {
	opts := make([]huh.Option[flow.Tender], len(flow.Tenders))
	for i, t := range flow.Tenders {
		opts[i] = huh.NewOption(t.Words(), t)
	}
	return opts
}
