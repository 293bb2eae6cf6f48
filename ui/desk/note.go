package desk

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// noteModel is where a shift lead adds a note to a case: a remark, or a
// correction of a day that is closed. A note is a new audit event on the
// case's trail; nothing saved before changes (store.Record).
type noteModel struct {
	tr    *lang.Printer
	st    *look.Styles
	k     *look.KeyMap
	id    string
	form  *huh.Form
	text  *string
	sent  bool
	width int
}

// noteSubmitMsg: the note to record.
type noteSubmitMsg struct{ id, text string }

// notedMsg: the store's answer.
type notedMsg struct {
	id  string
	err error
}

func newNoteModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, id string, width int) noteModel {
	tr = staffText(tr)
	text := new(string)
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(tr.T("Note on case %s", id)).CharLimit(500).Value(text).Validate(func(s string) error {
			if len(strings.TrimSpace(s)) < 5 {
				return errors.New(tr.T("say what, in a few words"))
			}
			return nil
		}),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(width, 78))
	return noteModel{tr: tr, st: st, k: k, id: id, form: form, text: text, width: width}
}

// Init starts the form.
func (m noteModel) Init() tea.Cmd { return m.form.Init() }

// Update runs the form; esc goes back without a note.
func (m noteModel) Update(msg tea.Msg) (noteModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	var state formState
	var cmd tea.Cmd
	m.form, state, cmd = runForm(m.form, m.k.Back, msg)
	switch state {
	case formDone:
		m.sent = true
		return m, send(noteSubmitMsg{id: m.id, text: strings.TrimSpace(*m.text)})
	case formLeft:
		return m, send(backMsg{})
	}
	return m, cmd
}

// View is what a note is, wrapped to the screen (the form's own
// description would push the field below the form's height once wrapped),
// then the form.
func (m noteModel) View() string {
	what := look.Wrap(m.tr.T("A remark or a correction: it is added to the case's trail, and nothing before it changes."),
		min(m.width, 78), "")
	return m.st.Title.Render(m.tr.T("Add a note")) + "\n" + m.st.Dim.Render(strings.Join(what, "\n")) + "\n\n" +
		m.form.View()
}
