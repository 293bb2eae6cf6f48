package look_test

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/ui/look"
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestLatinLayout(t *testing.T) {
	for cyr, lat := range map[string]string{"т": "n", "в": "d", "н": "y", "Н": "Y", "Т": "N", "і": "s", "ф": "a",
		"я": "z", "д": "l", "с": "c", "у": "e", "о": "j", "л": "k", "х": "[", "ї": "]", "є": "'", "ю": ".", "б": ","} {
		if got := string(look.Latin(runes(cyr)).Runes); got != lat {
			t.Errorf("%s: %q, want %q", cyr, got, lat)
		}
	}
	for _, k := range []tea.KeyMsg{runes("n"), runes("7"), runes("тт"), {Type: tea.KeyEnter}, {Type: tea.KeyRunes, Runes: []rune("т"), Paste: true}} {
		if got := look.Latin(k); got.String() != k.String() {
			t.Errorf("%q became %q", k, got)
		}
	}
	keys := look.DefaultKeys()
	for cyr, b := range map[string]key.Binding{"т": keys.Home.New, "в": keys.Home.Desk, "д": keys.Home.Logout,
		"н": keys.Yes, "Т": keys.No} {
		if !key.Matches(look.Latin(runes(cyr)), b) {
			t.Errorf("%s does not press %v", cyr, b.Keys())
		}
	}
}
