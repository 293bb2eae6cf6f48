package desk

import (
	"strings"
	"testing"

	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// TestPayTakesTypedAmounts: the amount paid is typed as at the till,
// 19 999,00 or 19999.00; the screen says what it leaves owed, and the
// payment sent is that amount.
func TestPayTakesTypedAmounts(t *testing.T) {
	st, keys := look.DefaultStyles(), look.DefaultKeys()
	sum := store.Summary{ID: "C1", Status: flow.StatusRefundOwed, Amount: flow.Money{Minor: 2000000, Currency: "UAH"}}
	for _, typed := range []string{"19 999,00", "19\u00a0999,00", "19999.00", "19999,0"} {
		t.Run(typed, func(t *testing.T) {
			m := newPayModel(nil, &st, &keys, sum, benchDay, 80)
			m.v.amount = typed
			if v := m.View(); !strings.Contains(v, "This leaves 1.00 UAH still owed.") {
				t.Errorf("%q: the screen does not say what is left:\n%s", typed, v)
			}
			m.form.State = huh.StateCompleted
			_, cmd := m.Update(blinkLikeMsg{})
			if cmd == nil {
				t.Fatal("nothing sent")
			}
			msg, _ := cmd().(Msg)
			if sub, ok := msg.msg.(paySubmitMsg); !ok || sub.amount.Minor != 1999900 {
				t.Errorf("%q sent %#v, want 19999.00 UAH", typed, msg.msg)
			}
		})
	}
	m := newPayModel(nil, &st, &keys, sum, benchDay, 80)
	m.v.amount = "19.999,00"
	if v := m.View(); strings.Contains(v, "still owed.") {
		t.Errorf("an amount that reads two ways says what it leaves:\n%s", v)
	}
}
