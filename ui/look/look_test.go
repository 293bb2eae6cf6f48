package look_test

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"example.com/returnsdesk/ui/look"
)

func TestFit(t *testing.T) {
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"short stays", "refund", 10, "refund"},
		{"exact stays", "refund", 6, "refund"},
		{"long is cut with an ellipsis", "refund owed", 6, "refun…"},
		{"cyrillic counts columns", "повернення", 5, "пове…"},
		{"no width leaves it", "refund", 0, "refund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := look.Fit(tt.in, tt.width); got != tt.want {
				t.Errorf("Fit(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapIndentsLaterLines(t *testing.T) {
	got := look.Wrap("the till lacks cash: refund by Friday", 16, "  ")
	want := []string{"the till lacks", "  cash: refund", "  by Friday"}
	if len(got) != len(want) {
		t.Fatalf("Wrap = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestWrapKeepsAnAmountWhole: a no-break space holds an amount on one line.
func TestWrapKeepsAnAmountWhole(t *testing.T) {
	got := look.Wrap("кошти до виплати: 19\u00a0999,00\u00a0грн до 27.11.2026", 24, "  ")
	want := []string{"кошти до виплати:", "  19\u00a0999,00\u00a0грн до", "  27.11.2026"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
}

// TestYesNoKeys: a question's answer works in either case, and nothing else
// answers it.
func TestYesNoKeys(t *testing.T) {
	k := look.DefaultKeys()
	for _, r := range []rune{'y', 'Y'} {
		if !key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}, k.Yes) {
			t.Errorf("%c is not yes", r)
		}
	}
	if key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}}, k.Yes) {
		t.Error("n is yes")
	}
}

// TestFormThemeDrawsWithTheStylesRenderer: a form's theme colours follow
// the terminal its styles were made for (an SSH session's own), not the
// process's.
func TestFormThemeDrawsWithTheStylesRenderer(t *testing.T) {
	for _, tt := range []struct {
		name    string
		profile termenv.Profile
		colour  bool
	}{{"a colour terminal", termenv.ANSI, true}, {"a dumb terminal", termenv.Ascii, false}} {
		t.Run(tt.name, func(t *testing.T) {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(tt.profile)
			st := look.NewStyles(r)
			for _, theme := range []*huh.Theme{st.FormTheme(), st.StepTheme()} {
				out := theme.Focused.Title.Render("Name")
				if got := strings.Contains(out, "\x1b["); got != tt.colour {
					t.Errorf("the focused title %q: colour %v, want %v", out, got, tt.colour)
				}
			}
		})
	}
}
