package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

// cleanItem is the inspection of a new, complete item.
var cleanItem = flow.Inspection{CompleteSet: true, PackagingIntact: true, LabelsIntact: true, SealsIntact: true,
	SerialMatches: true}

// phoneCase is a new case about a phone sold with its IMEI: its
// inspection asks whether the serial matches.
func phoneCase(policy string) *flow.Case {
	return &flow.Case{ID: "T-1", Policy: policy, TillHasCash: true, Sale: flow.Sale{Serial: foundSale.Serial}}
}

// newTestInspect is the inspection of c, of a phone (phoneCase) for nil.
func newTestInspect(t *testing.T, policy string, c *flow.Case) (inspectModel, *flow.Case) {
	t.Helper()
	if c == nil {
		c = phoneCase(policy)
	}
	ctx := testScreen(t, policy, c)
	return started(t, newInspectModel(ctx)), ctx.c
}

// lineOf is the line of the view that asks question.
func lineOf(t *testing.T, view, question string) string {
	t.Helper()
	for _, l := range strings.Split(plain(view), "\n") {
		if strings.Contains(l, question) {
			return l
		}
	}
	t.Fatalf("no line asks %q:\n%s", question, plain(view))
	return ""
}

func TestInspectCleanItemTakesOneKey(t *testing.T) {
	for _, policy := range []string{"generic", "icenter", "citrus"} {
		t.Run(policy, func(t *testing.T) {
			m, c := newTestInspect(t, policy, nil)
			_, sent := drive(t, m, kEnter)
			requireAnswered(t, c, sent, flow.StepInspection)
			if c.Inspection != cleanItem {
				t.Fatalf("inspection %+v, want %+v", c.Inspection, cleanItem)
			}
		})
	}
}

func TestInspectAnswers(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.Msg
		want func(*flow.Inspection)
	}{
		{"1 switches the signs of use", []tea.Msg{typed("1")}, func(in *flow.Inspection) { in.SignsOfUse = true }},
		{"a key twice switches back", []tea.Msg{typed("1"), typed("1")}, func(*flow.Inspection) {}},
		{"4 switches the complete set", []tea.Msg{typed("4")}, func(in *flow.Inspection) { in.CompleteSet = false }},
		{"b is the eleventh line", []tea.Msg{typed("b")}, func(in *flow.Inspection) { in.UnauthorisedOpening = true }},
		{"down and space", []tea.Msg{kDown, kDown, kSpace}, func(in *flow.Inspection) { in.SoftwareModified = true }},
		{"j and k move too", []tea.Msg{typed("j"), typed("j"), typed("j"), typed("k"), kSpace},
			func(in *flow.Inspection) { in.SoftwareModified = true }},
		{"the call counter in minutes and seconds", []tea.Msg{typed("2"), typed("4:59"), kEnter},
			func(in *flow.Inspection) { in.CallSeconds = 299 }},
		{"the call counter in seconds", []tea.Msg{kDown, typed("301"), kEnter},
			func(in *flow.Inspection) { in.CallSeconds = 301 }},
		{"the counter keeps its digits while letters switch lines", []tea.Msg{typed("2"), typed("1:3"), typed("a"), typed("2"), typed("1:30"), kEnter},
			func(in *flow.Inspection) { in.CallSeconds = 90; in.MechanicalDamage = true }},
		{"backspace on the counter", []tea.Msg{typed("2"), typed("1:300"), kBack, kEnter},
			func(in *flow.Inspection) { in.CallSeconds = 90 }},
		{"enter ends the counter: digits answer lines again", []tea.Msg{typed("2"), typed("130"), kEnter, typed("5")},
			func(in *flow.Inspection) { in.CallSeconds = 130; in.PackagingIntact = false }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := newTestInspect(t, "generic", nil)
			m, sent := drive(t, m, tt.keys...)
			requireSent(t, sent)
			_, sent = drive(t, m, kEnter)
			requireAnswered(t, c, sent, flow.StepInspection)
			want := cleanItem
			tt.want(&want)
			if c.Inspection != want {
				t.Fatalf("inspection %+v, want %+v", c.Inspection, want)
			}
		})
	}
}

func TestInspectLinesSayTheirKeyAnswerAndClauses(t *testing.T) {
	m, _ := newTestInspect(t, "generic", nil)
	m, _ = drive(t, m, typed("1"), typed("4"))
	v := m.View()
	for _, tt := range []struct{ question, want string }{
		{"Signs of use", "1  !yes"},
		{"Signs of use", "[unused]"},
		{"Call counter", "2  0:00"},
		{"Call counter", "[call-counter]"},
		{"Software changed", "3  no"},
		{"Complete set", "4  !no"},
		{"Warranty seals intact?", "7  yes"},
		{"Warranty seals intact?", "[warranty-exclusions]"},
		{"unauthorised opening", "b  no"},
	} {
		if l := lineOf(t, v, tt.question); !strings.Contains(l, tt.want) {
			t.Errorf("the line of %q does not say %q: %q", tt.question, tt.want, l)
		}
	}
	requireFits(t, v)
}

func TestInspectBadCallCounter(t *testing.T) {
	m, c := newTestInspect(t, "generic", nil)
	m, sent := drive(t, m, typed("1"), typed("2"), typed("4:5"), kEnter)
	requireSent(t, sent)
	v := plain(m.View())
	if !strings.Contains(v, `! "4:5" is not a time such as 4:59`) || !strings.Contains(lineOf(t, v, "Call counter"), "4:5_") {
		t.Fatalf("view:\n%s", v)
	}
	if !m.in.SignsOfUse || c.Inspection != (flow.Inspection{}) {
		t.Fatalf("answers lost or written early: %+v, case %+v", *m.in, c.Inspection)
	}
	requireFits(t, v)
	// leaving the line keeps the message and the digits; fixing clears it
	m, _ = drive(t, m, kDown)
	if v := plain(m.View()); !strings.Contains(v, `! "4:5" is not a time`) {
		t.Fatalf("the message went when the cursor left:\n%s", v)
	}
	m, sent = drive(t, m, kUp, typed("4:59"), kEnter)
	requireSent(t, sent)
	m, sent = drive(t, m, kEnter)
	requireAnswered(t, c, sent, flow.StepInspection)
	if c.Inspection.CallSeconds != 299 || !c.Inspection.SignsOfUse {
		t.Fatalf("inspection %+v", c.Inspection)
	}
}

func TestInspectShowsTheEarlierAnswers(t *testing.T) {
	earlier := cleanItem
	earlier.SignsOfUse, earlier.CallSeconds, earlier.LiquidDamage = true, 125, true
	c := &flow.Case{ID: "T-1", Inspection: earlier, Done: flow.StepSet(0).With(flow.StepInspection)}
	m, _ := newTestInspect(t, "generic", c)
	if l := lineOf(t, m.View(), "Call counter"); !strings.Contains(l, "2:05") {
		t.Fatalf("the counter line: %q", l)
	}
	_, sent := drive(t, m, kEnter)
	requireAnswered(t, c, sent, flow.StepInspection)
	if c.Inspection != earlier {
		t.Fatalf("inspection %+v, want %+v", c.Inspection, earlier)
	}
}

func TestInspectChecklistFollowsThePolicy(t *testing.T) {
	m, _ := newTestInspect(t, "icenter", nil)
	v := plain(m.View())
	if strings.Contains(v, "Call counter") || !strings.Contains(v, "Warranty seals intact?") {
		t.Fatalf("the iCenter checklist:\n%s", v)
	}
	for i, ch := range testScreen(t, "citrus", nil).p.Checklist() {
		m, _ := newTestInspect(t, "citrus", nil)
		if l := lineOf(t, m.View(), ch.Question); !strings.HasPrefix(strings.TrimLeft(l, "> "), inspectKeys[i:i+1]+" ") {
			t.Errorf("line %d does not start with its key: %q", i, l)
		}
		requireFits(t, m.View())
	}
}

func TestInspectBack(t *testing.T) {
	m, c := newTestInspect(t, "generic", nil)
	_, sent := drive(t, m, typed("1"), kEsc)
	requireSent(t, sent, goBackMsg{})
	if c.Inspection != (flow.Inspection{}) {
		t.Fatalf("going back wrote %+v", c.Inspection)
	}
}

func TestInspectGolden(t *testing.T) {
	t.Run("generic", func(t *testing.T) {
		goldenView(t, newInspectModel(testScreen(t, "generic", phoneCase("generic"))), "4:5_", typed("1"), typed("2"), typed("4:5"), kEnter)
	})
	t.Run("citrus", func(t *testing.T) {
		goldenView(t, newInspectModel(testScreen(t, "citrus", phoneCase("citrus"))), "enter when done")
	})
}
