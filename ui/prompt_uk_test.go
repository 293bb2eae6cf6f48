package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/teatest"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// TestPromptsGoldenUK: the root's questions over a screen in Ukrainian,
// their keys as the Ukrainian layout has them and the amount as Ukrainian
// writes it.
func TestPromptsGoldenUK(t *testing.T) { promptGoldens(t, lang.UK) }

// promptGoldens are the root's questions with their keys and words in l.
func promptGoldens(t *testing.T, l lang.Lang) {
	st, k := look.DefaultStyles(), look.KeysIn(lang.For(l))
	price := flow.Money{Minor: 1999900, Currency: "UAH"}
	for name, p := range map[string]prompt{
		"leave": quitPrompt(&st, &k),
		"cash":  cashPrompt(&st, &k, price, 7),
		"back":  backPrompt(&st, &k, "01KAB3D7Q0R8VD4W6X20123456"),
		// an item not back yet: its ticket may be typed in
		"back_or_ticket": backPromptFor(&st, &k, "01KAB3D7Q0R8VD4W6X20123456", true),
	} {
		t.Run(name, func(t *testing.T) {
			view := plain(p.text)
			checkSpeaks(t, view)
			teatest.RequireEqualOutput(t, []byte(view))
		})
	}
}
