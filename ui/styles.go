package ui

import "github.com/charmbracelet/lipgloss"

// Styles is every style of the kiosk. Colour only ever repeats what the words
// already say: a kiosk screen may be monochrome (NO_COLOR), so an outcome is
// written out, an error starts with "!", a done step with "✓".
type Styles struct {
	Title    lipgloss.Style
	Header   lipgloss.Style // the top bar: store, staff, case
	Footer   lipgloss.Style // the help line
	Label    lipgloss.Style
	Value    lipgloss.Style
	Dim      lipgloss.Style
	Error    lipgloss.Style
	Warning  lipgloss.Style
	OK       lipgloss.Style
	Selected lipgloss.Style
	Box      lipgloss.Style
	Outcome  map[string]lipgloss.Style // by outcome name
}

// DefaultStyles is the kiosk's look.
func DefaultStyles() Styles {
	border := lipgloss.NormalBorder()
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true),
		Header:   lipgloss.NewStyle().Bold(true).Reverse(true).Padding(0, 1),
		Footer:   lipgloss.NewStyle().Faint(true),
		Label:    lipgloss.NewStyle().Bold(true),
		Value:    lipgloss.NewStyle(),
		Dim:      lipgloss.NewStyle().Faint(true),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("9")),
		Warning:  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("11")),
		OK:       lipgloss.NewStyle().Foreground(lipgloss.Color("10")),
		Selected: lipgloss.NewStyle().Reverse(true),
		Box:      lipgloss.NewStyle().Border(border).Padding(0, 1),
		Outcome: map[string]lipgloss.Style{
			"refund":          lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("10")),
			"exchange":        lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("10")),
			"replace_similar": lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("10")),
			"reject":          lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("9")),
			"need_documents":  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("11")),
			"service_centre":  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("12")),
			"escalate":        lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("11")),
		},
	}
}
