package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// decidedCase is a return of foundSale under the policy, changed by edit,
// with the engine's decision on the test day.
func decidedCase(t *testing.T, policy string, edit func(*flow.Case)) *flow.Case {
	t.Helper()
	return decidedCaseIn(t, lang.EN, policy, edit)
}

// decidedCaseIn is decidedCase decided in l, as a store speaking l decides.
func decidedCaseIn(t *testing.T, l lang.Lang, policy string, edit func(*flow.Case)) *flow.Case {
	t.Helper()
	c := &flow.Case{ID: "T-1", Policy: policy, Sale: foundSale, TillHasCash: true,
		Request:    flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund},
		Documents:  []flow.Document{flow.DocReceipt, flow.DocWarrantyCard, flow.DocPassport},
		Inspection: cleanItem}
	if edit != nil {
		edit(c)
	}
	p, err := flow.Builtin(policy)
	if err != nil {
		t.Fatal(err)
	}
	d, err := flow.DecideIn(lang.For(l), c, p, time.Date(2026, time.November, 20, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	c.Decision = &d
	return c
}

func newTestDecision(t *testing.T, policy string, c *flow.Case) decisionModel {
	t.Helper()
	return started(t, newDecisionModel(testScreen(t, policy, c)))
}

func TestDecisionOutcomes(t *testing.T) {
	tests := []struct {
		name   string
		policy string
		edit   func(*flow.Case)
		want   []string
		sends  tea.Msg
	}{
		{"refund today", "generic", nil,
			[]string{"R E F U N D", "19999.00 UAH: pay it today", " 1. day 15 of 30: within the return window",
				"Decided by: window, refund-payout"}, decisionConfirmedMsg{}},
		{"refund owed", "generic", func(c *flow.Case) { c.TillHasCash = false },
			[]string{"R E F U N D", "pay it by 2026-11-27 (the till lacks cash)"}, decisionConfirmedMsg{}},
		{"reject, every failed clause", "generic", func(c *flow.Case) { c.Inspection.SignsOfUse, c.Inspection.CallSeconds = true, 400 },
			[]string{"R E J E C T", "signs of use", "calls 6:40: more than the 5:00 allowed", "Decided by: unused, call-counter"},
			decisionConfirmedMsg{}},
		{"documents needed", "citrus", func(c *flow.Case) {
			c.Sale.Date = flow.Date{Year: 2026, Month: time.November, Day: 10}
			c.Documents = []flow.Document{flow.DocReceipt}
		},
			[]string{"D O C U M E N T S   N E E D E D", "brings: warranty card", "! Still to bring: warranty card"},
			decisionConfirmedMsg{}},
		{"escalated to a shift lead", "icenter", nil,
			[]string{"E S C A L A T E", "a shift lead decides:", "enter  call a shift lead"}, leadNeededMsg{}},
		{"service centre with a return date", "icenter", func(c *flow.Case) {
			c.Sale.Date = flow.Date{Year: 2026, Month: time.March, Day: 2}
			c.Request.Claim = flow.ClaimDefect
		}, []string{"S E R V I C E   C E N T R E", "back by 20", "! no-loaner: "}, decisionConfirmedMsg{}},
		{"the customer told of the shipping", "generic", func(c *flow.Case) { c.Request.Remote = true },
			[]string{"pay it by 2026-11-27 (sent by delivery, not at the till)", "Tell the customer:",
				`! return-shipping: "Note that the buyer pays for the return shipping."`},
			decisionConfirmedMsg{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := decidedCase(t, tt.policy, tt.edit)
			m := newTestDecision(t, tt.policy, c)
			v := plain(m.View())
			for _, want := range tt.want {
				if !strings.Contains(v, want) {
					t.Errorf("the view does not say %q:\n%s", want, v)
				}
			}
			requireFits(t, v)
			m, sent := drive(t, m, kEnter)
			requireSent(t, sent, tt.sends)
			_, sent = drive(t, m, kEnter)
			requireSent(t, sent) // once
		})
	}
}

func TestDecisionBack(t *testing.T) {
	m := newTestDecision(t, "generic", decidedCase(t, "generic", nil))
	_, sent := drive(t, m, kEsc)
	requireSent(t, sent, goBackMsg{})
}

func TestDecisionScrollsALongExplanation(t *testing.T) {
	c := decidedCase(t, "generic", nil)
	for i := 1; i <= 30; i++ {
		c.Decision.Explain = append(c.Decision.Explain, fmt.Sprintf("check number %d of a long explanation", i))
	}
	m := newTestDecision(t, "generic", c)
	v := plain(m.View())
	requireFits(t, v)
	if !strings.Contains(v, "↑/↓  more (0%)") || strings.Contains(v, "check number 30 ") {
		t.Fatalf("view:\n%s", v)
	}
	m, sent := drive(t, m, kDown, tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgDown})
	requireSent(t, sent)
	v = plain(m.View())
	requireFits(t, v)
	if !strings.Contains(v, "check number 30 ") || !strings.Contains(v, "R E F U N D") {
		t.Fatalf("scrolled to the end, the view:\n%s", v)
	}
}

func TestShortQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One sentence. Another.", "One sentence."},
		{"a b c d e f g h i j k l m n o p", "a b c d e f g…"},
	}
	for _, tt := range tests {
		if got := shortQuote(tt.in, 15); got != tt.want {
			t.Errorf("shortQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecisionGolden(t *testing.T) {
	t.Run("refund", func(t *testing.T) {
		goldenView(t, newDecisionModel(testScreen(t, "generic", decidedCase(t, "generic", nil))), "enter  confirm")
	})
	t.Run("escalate", func(t *testing.T) {
		goldenView(t, newDecisionModel(testScreen(t, "icenter", decidedCase(t, "icenter", nil))), "call a shift lead")
	})
	t.Run("reject", func(t *testing.T) {
		c := decidedCase(t, "citrus", func(c *flow.Case) {
			c.Inspection.SignsOfUse, c.Inspection.PackagingIntact, c.Inspection.SealsIntact = true, false, false
			c.Request.Remote = true
		})
		goldenView(t, newDecisionModel(testScreen(t, "citrus", c)), "enter  confirm")
	})
}
