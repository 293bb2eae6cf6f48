package ui

import (
	"testing"

	"example.com/returnsdesk/flow"
)

// owedCase is a case whose refund is owed by 27.11.2026.
func owedCase() *flow.Case {
	return &flow.Case{ID: "T-1", Policy: "citrus", Status: flow.StatusRefundOwed,
		Decision: &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: flow.Date{Year: 2026, Month: 11, Day: 27}}}
}

func TestPhoneGolden(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newPhoneModel(testScreen(t, "citrus", owedCase())), "Customer's phone")
	})
	t.Run("not a phone", func(t *testing.T) {
		m := started(t, newPhoneModel(testScreen(t, "citrus", owedCase())))
		m, _ = drive(t, m, typed("067 12"), kEnter)
		goldenAfter(t, m, "is not a phone number")
	})
}

func TestPhoneGoldenUK(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newPhoneModel(ukScreen(t, "citrus", owedCase())), "Телефон покупця")
	})
	t.Run("not a phone", func(t *testing.T) {
		m := started(t, newPhoneModel(ukScreen(t, "citrus", owedCase())))
		m, _ = drive(t, m, typed("067 12"), kEnter)
		goldenAfter(t, m, "не номер телефону")
	})
}

// TestPhoneSendsWhatWasTyped: enter sends the phone typed, esc none.
func TestPhoneSendsWhatWasTyped(t *testing.T) {
	m := started(t, newPhoneModel(testScreen(t, "citrus", owedCase())))
	_, sent := drive(t, m, typed("+380 67 123 45 67"), kEnter)
	requireSent(t, sent, phoneDoneMsg{phone: "+380 67 123 45 67"})
	m = started(t, newPhoneModel(testScreen(t, "citrus", owedCase())))
	_, sent = drive(t, m, typed("067"), kEsc)
	requireSent(t, sent, phoneDoneMsg{})
}
