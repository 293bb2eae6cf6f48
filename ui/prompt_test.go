package ui

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// TestPromptAnswers: each prompt's keys send their answer, close it, or go
// on to the root, as the questions asked over a screen always did.
func TestPromptAnswers(t *testing.T) {
	st, k := look.DefaultStyles(), look.DefaultKeys()
	price := flow.Money{Minor: 1999900, Currency: "UAH"}
	quit, cash, back := quitPrompt(&st, &k), cashPrompt(&st, &k, price, 7), backPrompt(&st, &k, "C-1")
	out := backPromptFor(&st, &k, "C-1", true)
	ctrlC, esc := tea.KeyMsg{Type: tea.KeyCtrlC}, tea.KeyMsg{Type: tea.KeyEsc}
	tests := []struct {
		name       string
		p          prompt
		key        tea.KeyMsg
		send       tea.Msg
		closes, ok bool
	}{
		{"quit/y leaves", quit, typed("y"), quitMsg{}, false, true},
		{"quit/Y leaves", quit, typed("Y"), quitMsg{}, false, true},
		{"quit/any other key stays", quit, typed("x"), nil, true, true},
		{"quit/ctrl+c again stays", quit, ctrlC, nil, true, true},
		{"cash/y pays now", cash, typed("y"), cashAnswerMsg{hasCash: true}, false, true},
		{"cash/N owes it", cash, typed("N"), cashAnswerMsg{hasCash: false}, false, true},
		{"cash/esc goes back to the decision", cash, esc, reopenDecisionMsg{}, true, true},
		{"cash/another key is ignored", cash, typed("x"), nil, false, true},
		{"cash/ctrl+c goes to the root", cash, ctrlC, nil, false, false},
		{"back/r repaired", back, typed("r"), backFromServiceMsg{repaired: true}, false, true},
		{"back/C a conclusion", back, typed("C"), backFromServiceMsg{repaired: false}, false, true},
		{"back/esc not now", back, esc, nil, true, true},
		{"back/ctrl+c goes to the root", back, ctrlC, nil, false, false},
		{"back/t is no answer of an item back", back, typed("t"), nil, false, true},
		{"out/t the ticket", out, typed("t"), ticketFormMsg{}, false, true},
		{"out/c a conclusion", out, typed("c"), backFromServiceMsg{repaired: false}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd, closes, ok := tt.p.answer(tt.key)
			var sent tea.Msg
			if cmd != nil {
				sent = cmd()
			}
			if !reflect.DeepEqual(sent, tt.send) || closes != tt.closes || ok != tt.ok {
				t.Fatalf("sent %#v, closes %v, ok %v; want %#v, %v, %v", sent, closes, ok, tt.send, tt.closes, tt.ok)
			}
		})
	}
	if !back.leavesCase || cash.leavesCase {
		t.Error("only the question of an item back puts its case away unanswered")
	}
}

// TestAPromptAnswersOnce: while an answer is on its way, another key (a
// key repeat, keys sent in one burst over SSH) answers nothing more; the
// quit key still goes on to the root.
func TestAPromptAnswersOnce(t *testing.T) {
	st, k := look.DefaultStyles(), look.DefaultKeys()
	cash := cashPrompt(&st, &k, flow.Money{Minor: 1999900, Currency: "UAH"}, 7)
	if cmd, _, ok := cash.answer(typed("y")); !ok || cmd == nil {
		t.Fatal("y did not answer")
	}
	for _, key := range []tea.KeyMsg{typed("y"), typed("n"), {Type: tea.KeyEsc}} {
		if cmd, closes, ok := cash.answer(key); cmd != nil || closes || !ok {
			t.Errorf("%s after the answer: cmd %v, closes %v, ok %v", key, cmd != nil, closes, ok)
		}
	}
	if _, _, ok := cash.answer(tea.KeyMsg{Type: tea.KeyCtrlC}); ok {
		t.Error("ctrl+c after the answer does not go on to the root")
	}
}
