package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

func newTestRequest(t *testing.T, c *flow.Case) (requestModel, *flow.Case) {
	t.Helper()
	ctx := testScreen(t, "generic", c)
	return started(t, newRequestModel(ctx)), ctx.c
}

func TestRequestAnswers(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.Msg
		want flow.Request
	}{
		{"a new case starts at a return for a refund in person", keysOf(kEnter, 3),
			flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}},
		{"a defect for an exchange", []tea.Msg{kDown, kEnter, kDown, kEnter, kEnter},
			flow.Request{Claim: flow.ClaimDefect, Wants: flow.WantExchange}},
		{"sent by a delivery service", []tea.Msg{kEnter, kEnter, kDown, kEnter},
			flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund, Remote: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := newTestRequest(t, nil)
			_, sent := drive(t, m, tt.keys...)
			requireAnswered(t, c, sent, flow.StepRequest)
			if c.Request != tt.want {
				t.Fatalf("request %+v, want %+v", c.Request, tt.want)
			}
		})
	}
}

func TestRequestShowsTheEarlierAnswers(t *testing.T) {
	earlier := flow.Request{Claim: flow.ClaimDefect, Wants: flow.WantExchange, Remote: true}
	m, c := newTestRequest(t, &flow.Case{ID: "T-1", Request: earlier})
	_, sent := drive(t, m, keysOf(kEnter, 3)...)
	requireAnswered(t, c, sent, flow.StepRequest)
	if c.Request != earlier {
		t.Fatalf("request %+v, want %+v as before", c.Request, earlier)
	}
}

func TestRequestExplainsEachClaim(t *testing.T) {
	m, _ := newTestRequest(t, nil)
	v := plain(m.View())
	for _, want := range []string{"return: it works, but is not wanted", "defect: it does not work", "refund", "exchange",
		"in person", "by a delivery service"} {
		if !strings.Contains(v, want) {
			t.Errorf("the view does not say %q:\n%s", want, v)
		}
	}
	requireFits(t, v)
}

func TestRequestBack(t *testing.T) {
	for name, k := range map[string]tea.Msg{"esc": kEsc, "huh's abort": kCtrlC} {
		t.Run(name, func(t *testing.T) {
			m, c := newTestRequest(t, nil)
			_, sent := drive(t, m, kDown, kEnter, k)
			requireSent(t, sent, goBackMsg{})
			if c.Request != (flow.Request{}) {
				t.Fatalf("going back wrote %+v", c.Request)
			}
		})
	}
}

func TestRequestGolden(t *testing.T) {
	goldenView(t, newRequestModel(testScreen(t, "generic", nil)), "by a delivery service", kDown)
}
