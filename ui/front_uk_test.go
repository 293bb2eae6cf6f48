package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// The front screens in Ukrainian, at 80x24 as the English goldens: the
// login, home, the first run past its language page, the staff form and
// the void form, each checked for English left on it (checkSpeaks).

// rootGolden compares the kiosk's whole screen, once it shows every one of
// want, with the golden file of the test.
func rootGolden(t *testing.T, r *rootT, want ...string) {
	t.Helper()
	r.requireView(want...)
	viewGolden(t, r.view())
}

// viewGolden compares the kiosk's whole screen, 80x24, with the golden
// file of the test.
func viewGolden(t *testing.T, view string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != 24 {
		t.Errorf("the screen has %d rows, not 24", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("row %d is %d columns wide: %q", i+1, w, l)
		}
	}
	checkSpeaks(t, view)
	teatest.RequireEqualOutput(t, []byte(view))
}

// ukRoot is newRoot's store, set up with the policy, speaking Ukrainian.
func ukRoot(t *testing.T, policy string) *rootT {
	t.Helper()
	r := newRoot(t, policy)
	r.speaks(lang.UK)
	return r
}

// draftAtHome leaves a draft of Ivan's at the inspection and logs him out.
func draftAtHome(r *rootT) {
	r.t.Helper()
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // back past the sale: home, the draft kept
	r.requireView("Головна", "Відкриті справи (1)")
	r.keys(typed("l"))
	r.requireView("Вхід")
}

// TestLoginGoldenUK is the login screen of a Ukrainian store, as a program
// draws it.
func TestLoginGoldenUK(t *testing.T) {
	r := ukRoot(t, "citrus")
	// the login as r.start left it, its staff listed: a program that started
	// it again would race its own load of the list
	tm := teatest.NewTestModel(t, rootProgram{r.m}, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "Petro") },
		teatest.WithDuration(5*time.Second))
	must(t, tm.Quit())
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(rootProgram).m
	viewGolden(t, plain(final.View()))
}

// TestHomeGoldenUK is a cashier's home with an open case, and a shift
// lead's: the keys as the Ukrainian layout labels them.
func TestHomeGoldenUK(t *testing.T) {
	t.Run("cashier", func(t *testing.T) {
		r := ukRoot(t, "citrus")
		r.login("Ivan", "1111")
		walkToDecision(r, "2026-11-10")
		r.keys(kEsc, kEsc, kEsc, kEsc) // back past the first step: home
		rootGolden(t, r, "Головна", "т  почати нове повернення", "Ваші справи сьогодні (1)")
	})
	t.Run("lead", func(t *testing.T) {
		r := ukRoot(t, "citrus")
		draftAtHome(r)
		r.login("Olena", "123456")
		rootGolden(t, r, "Головна", "в  пульт старшого зміни", "ч скасовує справу без рішення")
	})
}

// TestSetupGoldenUK is each page of the first run after its language page,
// in Ukrainian, the language chosen.
func TestSetupGoldenUK(t *testing.T) { setupGoldens(t, lang.UK) }

// setupGoldens are the first run's pages in l, chosen on its first page.
func setupGoldens(t *testing.T, l lang.Lang) {
	t.Setenv("TZ", "Europe/Kyiv") // the machine's zone, filled in
	tr := lang.For(l)
	chosen := func(t *testing.T) *rootT {
		r := newRoot(t, "")
		if l == lang.EN {
			r.keys(kDown)
		}
		r.keys(kEnter)
		return r
	}
	t.Run("store", func(t *testing.T) {
		rootGolden(t, chosen(t), tr.T("Store name"), "> Europe/Kyiv")
	})
	t.Run("policy file", func(t *testing.T) {
		r := chosen(t)
		r.keys(typed("Kyiv Central"), kEnter, kDown, kDown, kDown, kEnter, kEnter)
		rootGolden(t, r, tr.T("Policy file"))
	})
	t.Run("first shift lead", func(t *testing.T) {
		r := chosen(t)
		r.keys(typed("Kyiv Central"), kEnter, kEnter, kEnter)
		rootGolden(t, r, tr.T("The first shift lead"))
	})
	t.Run("two PINs", func(t *testing.T) {
		r := chosen(t)
		r.keys(typed("Kyiv Central"), kEnter, kEnter, kEnter)
		r.keys(typed("Olena"), kEnter, typed("123456"), kEnter, typed("432198"), kEnter)
		rootGolden(t, r, tr.T("the two PINs differ"))
	})
	t.Run("four digits for the lead", func(t *testing.T) {
		r := chosen(t)
		r.keys(typed("Kyiv Central"), kEnter, kEnter, kEnter)
		r.keys(typed("Olena"), kEnter, typed("1234"), kEnter)
		rootGolden(t, r, flow.MessageIn(tr, flow.ErrLeadPIN))
	})
}

// TestStaffGoldenUK is the form where a shift lead adds a staff member, and
// a refused PIN's error beside its field.
func TestStaffGoldenUK(t *testing.T) { staffGoldens(t, lang.UK) }

// staffGoldens are the staff form's goldens at a store speaking l.
func staffGoldens(t *testing.T, l lang.Lang) {
	tr := lang.For(l)
	open := func(t *testing.T) *rootT {
		r := newRoot(t, "citrus")
		if l != lang.EN {
			r.speaks(l)
		}
		r.login("Olena", "123456")
		r.keys(typed("s"), typed("a"))
		return r
	}
	t.Run("form", func(t *testing.T) {
		rootGolden(t, open(t), tr.T("Add a staff member"), "> "+tr.T("the store's"))
	})
	t.Run("two PINs", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("4321"), kEnter, typed("4322"), kEnter)
		rootGolden(t, r, "! "+tr.T("the two PINs differ"))
	})
	t.Run("short PIN", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("12"), kEnter)
		rootGolden(t, r, "! "+flow.MessageIn(tr, flow.ErrPIN))
	})
	t.Run("four digits for a lead", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kDown, kEnter, kEnter, typed("1234"), kEnter)
		rootGolden(t, r, "! "+flow.MessageIn(tr, flow.ErrLeadPIN))
	})
	t.Run("four digits for a cashier", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("1234"), kEnter)
		r.requireView(tr.T("PIN again"))
		if strings.Contains(r.view(), flow.MessageIn(tr, flow.ErrPIN)) {
			t.Errorf("a cashier's four digits were refused:\n%s", r.view())
		}
	})
}

// TestVoidGoldenUK is the form where a shift lead voids a draft.
func TestVoidGoldenUK(t *testing.T) {
	r := ukRoot(t, "citrus")
	draftAtHome(r)
	r.login("Olena", "123456")
	r.keys(typed("x"))
	r.requireView("Скасувати справу", "Причина (іде в журнал аудиту)")
	// the case's id differs from run to run
	viewGolden(t, strings.ReplaceAll(r.view(), r.m.void.sum.ID, strings.Repeat("0", len(r.m.void.sum.ID))))
}

// TestFirstRunAtAnEnglishTill: the first run's pages after the language
// are in the till's own language, whichever the store's is to be.
func TestFirstRunAtAnEnglishTill(t *testing.T) {
	r := newRoot(t, "")
	r.m = NewModel(Deps{Store: r.st, DataDir: r.dir, Now: func() time.Time { return r.now }, Terminal: "till-2",
		Language: lang.EN})
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	r.run(r.m.Init())
	r.keys(kEnter) // Ukrainian, the store's
	r.requireView("Welcome to Returns Desk", "Store name", "generic: General electronics store")
}
