package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// The service-centre step, asked for a defect only: what the service
// centre's act the customer brings concludes, if they bring one.

// conclusionWords are the conclusions in plain words, in flow's order.
var conclusionWords = map[flow.Conclusion]string{
	flow.ConclusionNone:                  "none brought: the customer has no service-centre act",
	flow.ConclusionNoDefect:              "no defect found",
	flow.ConclusionRepairable:            "defect confirmed: it can be repaired",
	flow.ConclusionSignificantDefect:     "significant defect: it cannot be repaired",
	flow.ConclusionConditionsNotViolated: "defect confirmed: operating conditions were not violated",
	flow.ConclusionConditionsViolated:    "operating conditions were violated (misuse, damage)",
}

// serviceModel is the service-centre step's screen.
type serviceModel struct {
	ctx  screenCtx
	v    *flow.Conclusion // the answer, on the heap for huh
	form *huh.Form
	sent bool
}

// newServiceModel is the service-centre screen with the case's answer; a
// new case starts at "none brought".
func newServiceModel(ctx screenCtx) serviceModel {
	v := new(flow.Conclusion)
	*v = ctx.c.ServiceCentre
	form := newStepForm(ctx, ctx.height, huh.NewGroup(
		huh.NewSelect[flow.Conclusion]().
			Title("What does the service centre's act conclude?").
			Options(wordOptions(flow.Conclusions, conclusionWords)...).
			Value(v),
	))
	return serviceModel{ctx: ctx, v: v, form: form}
}

// Init starts the form.
func (m serviceModel) Init() tea.Cmd { return m.form.Init() }

// keys is the key map with the screen's keys.
func (m serviceModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm, k.Up, k.Down) }

// typing reports whether the screen takes text.
func (m serviceModel) typing() bool { return true }

// dirty: answers on a step's screen are not saved until it is done.
func (m serviceModel) dirty() bool { return true }

// Update passes a key to the form; esc (or huh's abort) goes back.
func (m serviceModel) Update(msg tea.Msg) (serviceModel, tea.Cmd) {
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
		return m, sendCmd(conclusionEnteredMsg{conclusion: *m.v})
	}
	return m, cmd
}

// View draws the form.
func (m serviceModel) View() string {
	if m.sent {
		return m.ctx.st.OK.Render("✓ Service centre's conclusion recorded.")
	}
	return m.form.View()
}
