package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// The request step: what the customer says about the item (a return of goods
// of proper quality, or a defect), what they want for it, and how it came
// back.

// requestValues are the request form's answers, on the heap for huh.
type requestValues struct {
	claim  flow.Claim
	wants  flow.Want
	remote bool
}

// requestModel is the request step's screen.
type requestModel struct {
	ctx  screenCtx
	v    *requestValues
	form *huh.Form
	sent bool
}

// The words of each answer, with the one-line explanation a cashier can read
// out to tell the two claims apart.
var (
	claimWords = map[flow.Claim]string{
		flow.ClaimReturn: "return: it works, but is not wanted (changed mind, shape, size, colour)",
		flow.ClaimDefect: "defect: it does not work, or is faulty",
	}
	wantWords = map[flow.Want]string{
		flow.WantRefund:   "refund: the money back",
		flow.WantExchange: "exchange: another item",
	}
)

// newRequestModel is the request screen with the case's answers; a new case
// starts at a return, for a refund, brought in person.
func newRequestModel(ctx screenCtx) requestModel {
	r := ctx.c.Request
	v := &requestValues{claim: r.Claim, wants: r.Wants, remote: r.Remote}
	if v.claim == "" {
		v.claim = flow.ClaimReturn
	}
	if v.wants == "" {
		v.wants = flow.WantRefund
	}
	form := newStepForm(ctx, ctx.height, huh.NewGroup(
		huh.NewSelect[flow.Claim]().Title("What does the customer say about the item?").
			Options(wordOptions(flow.Claims, claimWords)...).Value(&v.claim),
		huh.NewSelect[flow.Want]().Title("What does the customer want?").
			Options(wordOptions(flow.Wants, wantWords)...).Value(&v.wants),
		huh.NewSelect[bool]().Title("How did the item come back?").
			Options(huh.NewOption("in person, at the till", false),
				huh.NewOption("by a delivery service (parcel)", true)).
			Value(&v.remote),
	))
	return requestModel{ctx: ctx, v: v, form: form}
}

// Init starts the form.
func (m requestModel) Init() tea.Cmd { return m.form.Init() }

// keys is the key map with the screen's keys.
func (m requestModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm, k.Up, k.Down) }

// typing reports whether the screen takes text.
func (m requestModel) typing() bool { return true }

// dirty: answers on a step's screen are not saved until it is done.
func (m requestModel) dirty() bool { return true }

// Update passes a key to the form; esc (or huh's abort) goes back.
func (m requestModel) Update(msg tea.Msg) (requestModel, tea.Cmd) {
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
		return m, sendCmd(requestEnteredMsg{request: flow.Request{Claim: m.v.claim, Wants: m.v.wants, Remote: m.v.remote}})
	}
	return m, cmd
}

// View draws the form, or the answers once they are sent.
func (m requestModel) View() string {
	if m.sent {
		return m.ctx.st.OK.Render("✓ Request recorded.")
	}
	return m.form.View()
}
