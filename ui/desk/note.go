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
type noteModel = lineForm

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
	field := huh.NewInput().Title(tr.T("Note on case %s", id)).CharLimit(500).Value(text).Validate(func(s string) error {
		if len(strings.TrimSpace(s)) < 5 {
			return errors.New(tr.T("say what, in a few words"))
		}
		return nil
	})
	return newLineForm(tr, st, k, id, width, tr.T("Add a note"),
		tr.T("A remark or a correction: it is added to the case's trail, and nothing before it changes."), field, text,
		func(id, text string) tea.Msg { return noteSubmitMsg{id: id, text: text} })
}
