package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

func newTestService(t *testing.T, c *flow.Case) (serviceModel, *flow.Case) {
	t.Helper()
	if c == nil {
		c = &flow.Case{ID: "T-1", Request: flow.Request{Claim: flow.ClaimDefect, Wants: flow.WantRefund}}
	}
	ctx := testScreen(t, "citrus", c)
	return started(t, newServiceModel(ctx)), ctx.c
}

func TestServiceConclusion(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.Msg
		want flow.Conclusion
	}{
		{"none brought is the default", []tea.Msg{kEnter}, flow.ConclusionNone},
		{"no defect found", []tea.Msg{kDown, kEnter}, flow.ConclusionNoDefect},
		{"significant defect", []tea.Msg{kDown, kDown, kDown, kEnter}, flow.ConclusionSignificantDefect},
		{"conditions violated is the last", []tea.Msg{kUp, kEnter}, flow.ConclusionConditionsViolated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := newTestService(t, nil)
			c.ServiceCentre = "unset"
			_, sent := drive(t, m, tt.keys...)
			requireAnswered(t, c, sent, flow.StepServiceCentre)
			if c.ServiceCentre != tt.want {
				t.Fatalf("conclusion %q, want %q", c.ServiceCentre, tt.want)
			}
		})
	}
}

func TestServiceShowsTheEarlierAnswerInWords(t *testing.T) {
	c := &flow.Case{ID: "T-1", Request: flow.Request{Claim: flow.ClaimDefect}, ServiceCentre: flow.ConclusionRepairable}
	m, _ := newTestService(t, c)
	v := plain(m.View())
	for _, want := range []string{"none brought", "no defect found", "> defect confirmed: it can be repaired",
		"significant defect"} {
		if !strings.Contains(v, want) {
			t.Errorf("the view does not say %q:\n%s", want, v)
		}
	}
	requireFits(t, v)
	_, sent := drive(t, m, kEnter)
	requireAnswered(t, c, sent, flow.StepServiceCentre)
	if c.ServiceCentre != flow.ConclusionRepairable {
		t.Fatalf("conclusion %q", c.ServiceCentre)
	}
}

func TestServiceBack(t *testing.T) {
	m, c := newTestService(t, nil)
	_, sent := drive(t, m, kDown, kEsc)
	requireSent(t, sent, goBackMsg{})
	if c.ServiceCentre != flow.ConclusionNone {
		t.Fatalf("going back wrote %q", c.ServiceCentre)
	}
}

func TestServiceGolden(t *testing.T) {
	goldenView(t, newServiceModel(testScreen(t, "citrus", nil)), "> no defect found", kDown)
}
