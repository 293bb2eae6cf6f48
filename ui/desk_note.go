package ui

import (
	"errors"
	"strings"

	"example.com/returnsdesk/ui/look"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// deskNoteModel is where a shift lead adds a note to a case: a remark, or a
// correction of a day that is closed. A note is a new audit event on the
// case's trail; nothing saved before changes (store.Record).
type deskNoteModel struct {
	st   *look.Styles
	id   string
	form *huh.Form
	text *string
	sent bool
}

// deskNoteSubmitMsg: the note to record.
type deskNoteSubmitMsg struct{ id, text string }

// deskNotedMsg: the store's answer.
type deskNotedMsg struct {
	id  string
	err error
}

func newDeskNoteModel(st *look.Styles, id string, width int) deskNoteModel {
	text := new(string)
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Note on case " + id).
			Description("A remark or a correction: it is added to the case's trail, and nothing before it changes.").
			CharLimit(500).Value(text).Validate(func(s string) error {
			if len(strings.TrimSpace(s)) < 5 {
				return errors.New("say what, in a few words")
			}
			return nil
		}),
	)).WithTheme(look.FormTheme()).WithShowHelp(true).WithWidth(min(width, 78))
	return deskNoteModel{st: st, id: id, form: form, text: text}
}

// Init starts the form.
func (m deskNoteModel) Init() tea.Cmd { return m.form.Init() }

// Update runs the form; esc goes back without a note.
func (m deskNoteModel) Update(msg tea.Msg) (deskNoteModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		return m, sendCmd(deskBackMsg{})
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	switch m.form.State {
	case huh.StateCompleted:
		m.sent = true
		return m, sendCmd(deskNoteSubmitMsg{id: m.id, text: strings.TrimSpace(*m.text)})
	case huh.StateAborted:
		return m, sendCmd(deskBackMsg{})
	}
	return m, cmd
}

// View is the form.
func (m deskNoteModel) View() string {
	return m.st.Title.Render("Add a note") + "\n\n" + m.form.View()
}
