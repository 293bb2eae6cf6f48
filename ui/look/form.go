package look

import (
	"reflect"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow/lang"
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

// FormKeysIn is huh's keys without the filter of a select (the lists of
// the kiosk are short, and "/" and esc mean other things at the till), their
// help (the form's line "enter next • shift+tab back") in p's language.
func FormKeysIn(p *lang.Printer) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	helpIn(reflect.ValueOf(km).Elem(), p)
	return km
}

// formWords are the words of huh's key help, as FormKeysIn prints them.
var formWords = []string{lang.Key("next"), lang.Key("back"), lang.Key("submit"), lang.Key("select"),
	lang.Key("filter"), lang.Key("set filter"), lang.Key("clear filter"), lang.Key("complete"),
	lang.Key("new line"), lang.Key("open editor"), lang.Key("Yes"), lang.Key("No"), lang.Key("go to start"),
	lang.Key("go to end"), lang.Key("select all"), lang.Key("select none"), lang.Key("½ page up"),
	lang.Key("½ page down"), lang.Key("open"), lang.Key("close")}

// helpIn prints the help words of every key binding in v (a huh key map,
// its fields' structs within) in p's language: formWords, and the kiosk's
// own ("up", "toggle").
func helpIn(v reflect.Value, p *lang.Printer) {
	bindingType := reflect.TypeOf(key.Binding{})
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Struct:
			helpIn(f.Elem(), p)
		case f.Type() == bindingType && f.CanAddr():
			b := f.Addr().Interface().(*key.Binding)
			b.SetHelp(b.Help().Key, p.T(b.Help().Desc))
		case f.Kind() == reflect.Struct:
			helpIn(f, p)
		}
	}
}
