package look

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow/lang"
)

// TestKeysIn: the help in Ukrainian shows a letter key as the Ukrainian
// layout labels it, in Ukrainian words; the keys bound stay the same.
func TestKeysIn(t *testing.T) {
	uk, en := KeysIn(lang.For(lang.UK)), DefaultKeys()
	if h := uk.Home.New.Help(); h.Key != "т" || h.Desc != "нове повернення" {
		t.Errorf("new return in Ukrainian: %+v", h)
	}
	if h := uk.Up.Help(); h.Key != "↑/л" {
		t.Errorf("up in Ukrainian: %+v", h)
	}
	if h := en.Home.New.Help(); h.Key != "n" || h.Desc != "new return" {
		t.Errorf("new return in English: %+v", h)
	}
	n := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")}
	if !key.Matches(n, uk.Home.New) || !key.Matches(Latin(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("т")}), uk.Home.New) {
		t.Error("the Ukrainian key map binds other keys")
	}
	if uk.Printer().Lang() != lang.UK || en.Printer().Lang() != lang.EN || (KeyMap{}).Printer() == nil {
		t.Error("a key map's printer")
	}
	if km := FormKeysIn(lang.For(lang.UK)); km.Input.Next.Help().Desc != "далі" || km.Select.Filter.Enabled() {
		t.Errorf("huh's keys in Ukrainian: %+v", km.Input.Next.Help())
	}
}

func TestOnLayout(t *testing.T) {
	for help, want := range map[string]string{"n": "т", "↑/k": "↑/л", "1-9,a-z": "1-9,ф-я", "enter": "enter",
		"?/f1": "?/f1", "ctrl+e": "ctrl+e", "pgup": "pgup"} {
		if got := OnLayout(help); got != want {
			t.Errorf("OnLayout(%q) = %q, want %q", help, got, want)
		}
	}
}

// TestFullHelpOnce: the help lists a key once, though a screen names a key
// every screen has (enter, space).
func TestFullHelpOnce(t *testing.T) {
	k := DefaultKeys()
	k = k.With(k.Confirm, k.Toggle, k.Home.New)
	seen := map[string]int{}
	for _, col := range k.FullHelp() {
		for _, b := range col {
			seen[b.Help().Key]++
		}
	}
	for h, n := range seen {
		if n > 1 {
			t.Errorf("%q is listed %d times", h, n)
		}
	}
	if seen["n"] != 1 || seen["esc"] != 1 || seen["ctrl+c"] != 1 {
		t.Errorf("the help lists %v", seen)
	}
}
