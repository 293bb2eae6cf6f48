// Package look is what every screen of the kiosk and the desk is drawn
// with: the styles, built from the terminal's renderer (each SSH session
// has its own); the one key map, which the help shows; the huh form theme;
// and the text helpers that fit a line to the screen.
package look

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
	// Plain is an unstyled style of the same renderer, for sizing
	// (MaxHeight, Width) without a colour of its own.
	Plain lipgloss.Style

	r *lipgloss.Renderer // draws them all, and the forms' themes
}

// NewStyles is the kiosk's look on the terminal r draws to.
func NewStyles(r *lipgloss.Renderer) Styles {
	border := lipgloss.NormalBorder()
	bold := func(colour string) lipgloss.Style { return r.NewStyle().Bold(true).Foreground(lipgloss.Color(colour)) }
	return Styles{
		Title:    r.NewStyle().Bold(true),
		Header:   r.NewStyle().Bold(true).Reverse(true).Padding(0, 1),
		Footer:   r.NewStyle().Faint(true),
		Label:    r.NewStyle().Bold(true),
		Value:    r.NewStyle(),
		Dim:      r.NewStyle().Faint(true),
		Error:    bold("9"),
		Warning:  bold("11"),
		OK:       r.NewStyle().Foreground(lipgloss.Color("10")),
		Selected: r.NewStyle().Reverse(true),
		Box:      r.NewStyle().Border(border).Padding(0, 1),
		Outcome: map[string]lipgloss.Style{
			"refund":          bold("10"),
			"exchange":        bold("10"),
			"replace_similar": bold("10"),
			"reject":          bold("9"),
			"need_documents":  bold("11"),
			"service_centre":  bold("12"),
			"escalate":        bold("11"),
		},
		Plain: r.NewStyle(),
		r:     r,
	}
}

// DefaultStyles is the look on the process's own terminal.
func DefaultStyles() Styles { return NewStyles(lipgloss.DefaultRenderer()) }
