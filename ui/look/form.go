package look

import (
	"reflect"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
)

// FormTheme is the huh theme of every form, drawn by the styles' renderer
// (each SSH session's own): the 16 ANSI colours (no adaptive colour, so no
// query of the terminal's background), and an error that reads as one
// without colour: "! message" beside the field.
func (st *Styles) FormTheme() *huh.Theme {
	t := huh.ThemeBase16()
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.SetString(" !")
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.SetString("! ")
	t.Blurred.ErrorIndicator = t.Focused.ErrorIndicator
	t.Blurred.ErrorMessage = t.Focused.ErrorMessage
	if st.r != nil {
		drawWith(reflect.ValueOf(t).Elem(), st.r)
	}
	return t
}

// StepTheme is FormTheme with the fields one under the other, no blank line
// between them, so that a whole case step fits in 21 rows.
func (st *Styles) StepTheme() *huh.Theme {
	t := st.FormTheme()
	t.FieldSeparator = st.Plain.SetString("\n")
	return t
}

// drawWith sets every lipgloss style in v (a huh theme, field by field, the
// styles of its parts within) to draw with r: huh builds its themes on the
// process's global renderer, and a session's form must draw for the
// session's terminal.
func drawWith(v reflect.Value, r *lipgloss.Renderer) {
	styleType := reflect.TypeOf(lipgloss.Style{})
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case !f.CanSet():
		case f.Type() == styleType:
			f.Set(reflect.ValueOf(f.Interface().(lipgloss.Style).Renderer(r)))
		case f.Kind() == reflect.Struct:
			drawWith(f, r)
		}
	}
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
