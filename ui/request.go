package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// The request step: what the customer says about the item (a return of goods
// of proper quality, or a defect), what they want for it, and how it came
// back.

// requestModel is the request step's screen.
type requestModel = choiceStep

// The words of each answer, with the one-line explanation a cashier can read
// out to tell the two claims apart.
var (
	claimWords = map[flow.Claim]string{
		flow.ClaimReturn: lang.Key("return: it works, but is not wanted (changed mind, shape, size, colour)"),
		flow.ClaimDefect: lang.Key("defect: it does not work, or is faulty"),
	}
	wantWords = map[flow.Want]string{
		flow.WantRefund:   lang.Key("refund: the money back"),
		flow.WantExchange: lang.Key("exchange: another item"),
	}
)

// newRequestModel is the request screen with the case's answers; a new case
// starts at a return, for a refund, brought in person.
func newRequestModel(ctx screenCtx) requestModel {
	v := new(flow.Request) // the answers, on the heap for huh
	*v = ctx.c.Request
	if v.Claim == "" {
		v.Claim = flow.ClaimReturn
	}
	if v.Wants == "" {
		v.Wants = flow.WantRefund
	}
	answer := func() tea.Msg { return requestEnteredMsg{request: *v} }
	tr := ctx.tr
	return newChoiceStep(ctx, tr.T("✓ Request recorded."), answer, huh.NewGroup(
		huh.NewSelect[flow.Claim]().Title(tr.T("What does the customer say about the item?")).
			Options(wordOptions(tr, flow.Claims, claimWords)...).Value(&v.Claim),
		huh.NewSelect[flow.Want]().Title(tr.T("What does the customer want?")).
			Options(wordOptions(tr, flow.Wants, wantWords)...).Value(&v.Wants),
		huh.NewSelect[bool]().Title(tr.T("How did the item come back?")).
			Options(huh.NewOption(tr.T("in person, at the till"), false),
				huh.NewOption(tr.T("by a delivery service (parcel)"), true)).
			Value(&v.Remote),
	))
}
