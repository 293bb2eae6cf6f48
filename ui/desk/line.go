package desk

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// lineForm is a form of one line of text about a case: a note, the service
// centre's ticket. Its title and what it is, wrapped to the screen (a
// field's own description would push the field below the form's height
// once wrapped), then the field; enter sends the text trimmed (submit),
// esc goes back without it.
type lineForm struct {
	tr     *lang.Printer
	st     *look.Styles
	k      *look.KeyMap
	id     string
	title  string // the screen's title
	what   string // what the line is, for the lead
	form   *huh.Form
	value  *string
	submit func(id, text string) tea.Msg
	sent   bool
	width  int
}

// newLineForm is the form of field, whose value is value, about case id.
func newLineForm(tr *lang.Printer, st *look.Styles, k *look.KeyMap, id string, width int, title, what string,
	field *huh.Input, value *string, submit func(id, text string) tea.Msg) lineForm {
	form := huh.NewForm(huh.NewGroup(field)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).
		WithShowHelp(true).WithWidth(min(width, 78))
	return lineForm{tr: tr, st: st, k: k, id: id, title: title, what: what, form: form, value: value, submit: submit,
		width: width}
}

// Init starts the form.
func (m lineForm) Init() tea.Cmd { return m.form.Init() }

// Update runs the form; esc goes back without the line.
func (m lineForm) Update(msg tea.Msg) (lineForm, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	var state formState
	var cmd tea.Cmd
	m.form, state, cmd = runForm(m.form, m.k.Back, msg)
	switch state {
	case formDone:
		m.sent = true
		return m, send(m.submit(m.id, strings.TrimSpace(*m.value)))
	case formLeft:
		return m, send(backMsg{})
	}
	return m, cmd
}

// View is the title and what the line is, then the form.
func (m lineForm) View() string {
	what := look.Wrap(m.what, min(m.width, 78), "")
	return m.st.Title.Render(m.title) + "\n" + m.st.Dim.Render(strings.Join(what, "\n")) + "\n\n" + m.form.View()
}
