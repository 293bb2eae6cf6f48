package desk

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// formState is where one of the desk's forms stands after a message.
type formState int

const (
	formOpen formState = iota // still being filled in
	formDone                  // completed: read its values
	formLeft                  // left with esc, or aborted: go back
)

// runForm passes msg to a form of the desk: esc (back) leaves it, and after
// the form's own update its state is read (an embedded huh form sends no
// message of its own when it completes or aborts).
func runForm(f *huh.Form, back key.Binding, msg tea.Msg) (*huh.Form, formState, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, back) {
		return f, formLeft, nil
	}
	model, cmd := f.Update(msg)
	f = model.(*huh.Form)
	switch f.State {
	case huh.StateCompleted:
		return f, formDone, cmd
	case huh.StateAborted:
		return f, formLeft, cmd
	}
	return f, formOpen, cmd
}
