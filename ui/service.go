package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// The service-centre step, asked for a defect only: what the service
// centre's act the customer brings concludes, if they bring one.

// conclusionWords are the conclusions in plain words, in flow's order.
var conclusionWords = map[flow.Conclusion]string{
	flow.ConclusionNone:                  lang.Key("none brought: the customer has no service-centre act"),
	flow.ConclusionNoDefect:              lang.Key("no defect found"),
	flow.ConclusionRepairable:            lang.Key("defect confirmed: it can be repaired"),
	flow.ConclusionSignificantDefect:     lang.Key("significant defect: it cannot be repaired"),
	flow.ConclusionConditionsNotViolated: lang.Key("defect confirmed: operating conditions were not violated"),
	flow.ConclusionConditionsViolated:    lang.Key("operating conditions were violated (misuse, damage)"),
}

// serviceModel is the service-centre step's screen.
type serviceModel = choiceStep

// newServiceModel is the service-centre screen with the case's answer; a
// new case starts at "none brought".
func newServiceModel(ctx screenCtx) serviceModel {
	v := new(flow.Conclusion)
	*v = ctx.c.ServiceCentre
	answer := func() tea.Msg { return conclusionEnteredMsg{conclusion: *v} }
	tr := ctx.tr
	return newChoiceStep(ctx, tr.T("✓ Service centre's conclusion recorded."), answer, huh.NewGroup(
		huh.NewSelect[flow.Conclusion]().
			Title(tr.T("What does the service centre's act conclude?")).
			Options(wordOptions(tr, flow.Conclusions, conclusionWords)...).
			Value(v),
	))
}
