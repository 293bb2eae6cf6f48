package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow/lang"
)

// TestTooSmallATerminal: below 80x24 the kiosk says what it needs instead
// of cutting the screen's lines; what was typed stays, and the screen comes
// back whole at 80x24.
func TestTooSmallATerminal(t *testing.T) {
	for _, size := range []tea.WindowSizeMsg{{Width: 79, Height: 24}, {Width: 80, Height: 23}, {Width: 40, Height: 10}} {
		r := newRoot(t, "citrus")
		r.login("Ivan", "1111")
		r.keys(typed("n"), typed("R-10"))
		r.send(size)
		v := r.view()
		if !strings.Contains(strings.Join(strings.Fields(v), " "), "needs a terminal of at least 80×24") ||
			strings.Contains(v, "R-10") {
			t.Errorf("%dx%d:\n%s", size.Width, size.Height, v)
		}
		for i, row := range strings.Split(v, "\n") {
			if len([]rune(row)) > size.Width || i >= size.Height {
				t.Errorf("%dx%d: row %d does not fit: %q", size.Width, size.Height, i+1, row)
			}
		}
		r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		r.requireView("> R-10")
	}
}

func TestTooSmallATerminalUK(t *testing.T) {
	r := newRoot(t, "citrus")
	r.speaks(lang.UK)
	r.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	v := strings.Join(strings.Fields(r.view()), " ")
	if !strings.Contains(v, "Кіоску потрібен термінал щонайменше 80×24, а цей — 70×20") {
		t.Errorf("%s", v)
	}
	requireUkrainian(t, r.view())
}

// TestHelpInAForm: ? shows the keys on every screen, in a form's field too
// (no date, receipt, serial or price has one), and what was typed stays; in
// free text, a reason, it is a character.
func TestHelpInAForm(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("n"), typed("R-10"), kEnter) // nothing found: the form
	r.requireView("Sale date")
	r.keys(typed("?"))
	r.requireView("Keys", "Any key closes this help.")
	r.keys(typed("x"))
	r.requireView("Sale date", "> R-10")
	if strings.Contains(r.view(), "?") && strings.Contains(r.view(), "> ?") {
		t.Errorf("? was typed into the field:\n%s", r.view())
	}

	draft := newRoot(t, "citrus")
	draft.login("Ivan", "1111")
	walkToDecision(draft, "2026-11-10")
	draft.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // home, the draft kept
	draft.keys(typed("l"))
	draft.login("Olena", "123456")
	draft.keys(typed("x"))
	draft.requireView("Reason (on the audit trail)")
	draft.keys(kEnter, typed("wrong receipt?")) // withdrawn; the reason
	draft.requireView("> wrong receipt?")
}
