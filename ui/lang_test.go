package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// TestSessionLangs: the customer's language is the store's, whatever the
// till and the person; the staff's is the person's preference, else the
// till's, else the store's ("" as a store set up before it: Ukrainian).
func TestSessionLangs(t *testing.T) {
	en, uk := &store.StaffMember{Language: lang.EN}, &store.StaffMember{Language: lang.UK}
	none := &store.StaffMember{}
	for _, tt := range []struct {
		name            string
		store, till     lang.Lang
		user            *store.StaffMember
		customer, staff lang.Lang
	}{
		{"an_old_store_is_ukrainian", "", "", nil, lang.UK, lang.UK},
		{"the_store_alone", lang.UK, "", none, lang.UK, lang.UK},
		{"an_english_till_before_the_login", lang.UK, lang.EN, nil, lang.UK, lang.EN},
		{"an_english_till_a_person_of_no_preference", lang.UK, lang.EN, none, lang.UK, lang.EN},
		{"a_person_who_prefers_english_at_a_ukrainian_till", lang.UK, "", en, lang.UK, lang.EN},
		{"the_person_before_the_till", lang.UK, lang.EN, uk, lang.UK, lang.UK},
		{"an_english_store_its_customers_too", lang.EN, "", none, lang.EN, lang.EN},
		{"an_english_store_a_ukrainian_till", lang.EN, lang.UK, nil, lang.EN, lang.UK},
		{"an_english_store_a_person_who_prefers_ukrainian", lang.EN, "", uk, lang.EN, lang.UK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, s := sessionLangs(store.Settings{Language: tt.store}, tt.till, tt.user)
			if c != tt.customer || s != tt.staff {
				t.Fatalf("customer %q, staff %q; want %q, %q", c, s, tt.customer, tt.staff)
			}
		})
	}
}

// langsOf are the languages of the kiosk's two printers.
func langsOf(m *Model) [2]lang.Lang { return [2]lang.Lang{m.customerText.Lang(), m.staffText.Lang()} }

// TestKioskTakesTheLanguages: a kiosk at an English till of a Ukrainian
// store holds the store's printer for the customer and the till's for its
// staff; a person who prefers Ukrainian has theirs from the login to the
// logout; a store switched to English holds from the next login.
func TestKioskTakesTheLanguages(t *testing.T) {
	r := newRoot(t, "citrus") // Olena, Petro, Ivan: no language of their own
	r.speaks(lang.UK)
	must(t, r.st.AddStaffMember(store.StaffMember{Name: "Marta", Role: flow.RoleCashier, Language: lang.UK}, "4321", "Olena"))
	r.m = NewModel(Deps{Store: r.st, DataDir: r.dir, Now: func() time.Time { return r.now }, Terminal: "till-2",
		Language: lang.EN})
	want := func(when string, customer, staff lang.Lang) {
		t.Helper()
		if got := langsOf(r.m); got != [2]lang.Lang{customer, staff} {
			t.Fatalf("%s: customer %q, staff %q; want %q, %q", when, got[0], got[1], customer, staff)
		}
	}
	want("made", lang.UK, lang.EN)
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	r.run(r.m.Init())
	want("started", lang.UK, lang.EN)
	r.login("Marta", "4321")
	r.requireView("Marta (касир)")
	want("Marta logged in", lang.UK, lang.UK)
	r.keys(typed("l"))
	r.requireView("Log in")
	want("Marta logged out", lang.UK, lang.EN)

	set, err := r.st.Settings()
	must(t, err)
	set.Language = lang.EN
	must(t, r.st.SaveSettings(set, "Olena"))
	want("before the next login", lang.UK, lang.EN)
	r.login("Ivan", "1111")
	r.requireView("Ivan (cashier)")
	want("Ivan logged in", lang.EN, lang.EN)
	r.keys(tea.KeyMsg{Type: tea.KeyCtrlL})
	r.login("Marta", "4321")
	want("Marta after the lock", lang.EN, lang.UK)
}

// TestFirstRunInEnglish: the language asked first is saved with the
// store's settings, and the kiosk takes it.
func TestFirstRunInEnglish(t *testing.T) {
	r := newRoot(t, "")
	r.requireView("Мова / Language", "> українська", "English")
	r.keys(kDown, kEnter)
	r.requireView("Welcome to Returns Desk", "Store name") // the pages after it in the language chosen
	if v := r.view(); !strings.HasPrefix(strings.TrimSpace(v), "Returns Desk") {
		t.Errorf("the header is not in the language chosen:\n%s", v)
	}
	r.keys(typed("Kyiv Central"), kEnter, kEnter, kClear, typed("Europe/Kyiv"), kEnter)
	r.requireView("The first shift lead")
	r.keys(typed("Olena"), kEnter, typed("123456"), kEnter, typed("123456"), kEnter)
	r.requireView("Log in", "Kyiv Central")
	set, err := r.st.Settings()
	if err != nil || set.Language != lang.EN || set.PolicyName != "generic" {
		t.Fatalf("settings %+v, %v", set, err)
	}
	if got := langsOf(r.m); got != [2]lang.Lang{lang.EN, lang.EN} {
		t.Fatalf("the kiosk holds %q", got)
	}
}

// TestLeadAddsAStaffMemberInEnglish: the staff form's language is kept on
// the account.
func TestLeadAddsAStaffMemberInEnglish(t *testing.T) {
	r := newRoot(t, "citrus")
	r.speaks(lang.UK)
	r.login("Olena", "123456")
	r.keys(typed("s"), typed("a"))
	r.requireView("Додати працівника", "Мова екранів працівника", "мова магазину", "українська", "англійська (English)")
	r.keys(typed("Marta"), kEnter, kEnter, kDown, kDown, kEnter, typed("4321"), kEnter, typed("4321"), kEnter)
	r.requireView("Marta тепер може увійти")
	r.keys(kEsc)
	m, err := r.st.Staff("Marta")
	if err != nil || m.Language != lang.EN || m.Role != flow.RoleCashier {
		t.Fatalf("Marta: %+v %v", m, err)
	}
	r.keys(typed("l"))
	r.login("Marta", "4321")
	if got := langsOf(r.m); got != [2]lang.Lang{lang.UK, lang.EN} {
		t.Fatalf("Marta's kiosk holds %q", got)
	}
}

// TestCyrillicKeysOnAChoice: on a select or a multi-select the letters are
// keys, and the Ukrainian layout's mean the same (о for j, ч for x); in a
// text field they stay text.
func TestCyrillicKeysOnAChoice(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("т")) // n: a new return
	r.keys(saleKeys("2026-11-10", "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView(r.at(flow.StepRequest))
	r.keys(kEnter, kEnter, kEnter)
	r.requireView(r.at(flow.StepDocuments), "[•] receipt", "[ ] warranty card")
	r.keys(typed("о"), typed("о"), typed("ч")) // j, j, x
	r.requireView("[•] receipt", "[•] warranty card")
}
