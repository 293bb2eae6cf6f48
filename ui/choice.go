package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/ui/look"
)

// choiceStep is a case step that is one form of choices and nothing else
// (the request, the service centre's conclusion): it asks, and once the form
// completes it sends the done-message that carries the answers. esc (or
// huh's abort) goes back.
type choiceStep struct {
	ctx    screenCtx
	form   *huh.Form
	sent   bool
	answer func() tea.Msg // the done-message, read from the form's values
	done   string         // shown once the answers are sent
}

// newChoiceStep is a step of the groups, sized to the screen.
func newChoiceStep(ctx screenCtx, done string, answer func() tea.Msg, groups ...*huh.Group) choiceStep {
	return choiceStep{ctx: ctx, form: newStepForm(ctx, ctx.height, groups...), answer: answer, done: done}
}

// Init starts the form.
func (m choiceStep) Init() tea.Cmd { return m.form.Init() }

// keys is the key map with the screen's keys.
func (m choiceStep) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm, k.Up, k.Down) }

// typing reports whether the screen takes text.
func (m choiceStep) typing() bool { return formTyping(m.form) }

// dirty: answers on a step's screen are not saved until it is done.
func (m choiceStep) dirty() bool { return true }

// Update passes a key to the form.
func (m choiceStep) Update(msg tea.Msg) (choiceStep, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.ctx.width, m.ctx.height = ws.Width, screenRows(ws.Height)
		sizeStepForm(m.form, m.ctx.width, m.ctx.height)
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		return m, sendCmd(goBackMsg{})
	}
	out, cmd := updateForm(m.form, nil, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m, sendCmd(goBackMsg{})
	case formCompleted:
		m.sent = true
		return m, sendCmd(m.answer())
	}
	return m, cmd
}

// View draws the form, or a line once the answers are sent.
func (m choiceStep) View() string {
	if m.sent {
		return m.ctx.st.OK.Render(m.done)
	}
	return m.form.View()
}
