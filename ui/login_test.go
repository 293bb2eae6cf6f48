package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The login's list of names: picked with the arrows, or typed in any
// letter case, which filters it.

// manyStaff are 40 cashiers of a large store, as its lead added them.
var manyStaff = func() []string {
	first := strings.Fields("Андрій Богдана Василь Галина Дмитро Євгенія Зоряна Ігор Катерина Любомир")
	last := strings.Fields("Коваль Бондаренко Шевчук Ткаченко")
	var out []string
	for _, l := range last {
		for _, f := range first {
			out = append(out, f+" "+l)
		}
	}
	return out
}()

// withStaff adds names as cashiers and opens the login again, which lists
// them.
func (r *rootT) withStaff(names ...string) {
	r.t.Helper()
	for _, n := range names {
		must(r.t, r.st.AddStaff(n, flow.RoleCashier, "4321", "Olena"))
	}
	r.start()
}

// TestLoginPicksByArrows: the active staff listed by name, the cursor on
// the first; ↑/↓ move it and enter takes the name at it for the PIN.
func TestLoginPicksByArrows(t *testing.T) {
	r := newRoot(t, "citrus")
	r.requireView("┃ Name", "> Ivan", "  Olena", "  Petro", "↑/↓ choose a name • enter next")
	r.keys(kDown, kDown, kDown, kUp) // the cursor stops at the last
	r.requireView("> Olena")
	r.keys(kEnter)
	r.requireView("  Name", "  > Olena", "┃ PIN", "enter log in • esc another name")
	if strings.Contains(r.view(), "Petro") {
		t.Errorf("the PIN's step still lists the names:\n%s", r.view())
	}
	r.keys(typed("123456"), kEnter)
	r.requireView("Olena (shift lead)")
}

// TestLoginPicksByTyping: what is typed filters the list in any letter
// case, a name starting with it first; enter takes the best.
func TestLoginPicksByTyping(t *testing.T) {
	r := newRoot(t, "citrus")
	r.withStaff("Lena Petrenko", "Alena")
	r.keys(typed("PE"))
	v := r.view()
	if !strings.Contains(v, "> Petro") || !strings.Contains(v, "Lena Petrenko") || strings.Contains(v, "Ivan") {
		t.Fatalf("PE typed: Petro first, then Lena Petrenko, nobody else:\n%s", v)
	}
	r.keys(kBack, kBack, typed("lena"))
	r.requireView("> Lena Petrenko", "  Alena", "  Olena") // a name starting with it, then those holding it
	r.keys(kDown, kEnter, typed("4321"), kEnter)
	r.requireView("Alena (cashier)")
}

// TestLoginTypedLettersAreText: j and k typed are letters of a name, not
// the list's keys; on a Ukrainian till о and л (j and k on the layout) are
// too, and a Cyrillic name is found in lower case from any word of it.
func TestLoginTypedLettersAreText(t *testing.T) {
	r := newRoot(t, "citrus")
	r.keys(typed("k"))
	r.requireView("┃ > k", "no name on the list matches: enter goes on with the name as typed")

	r = ukRoot(t, "citrus")
	r.withStaff("Олена Коваль", "Оксана Лисенко")
	r.keys(typed("о"))
	r.requireView("┃ > о", "> Оксана Лисенко", "  Олена Коваль")
	r.keys(typed("л"))
	r.requireView("> Олена Коваль")
	if strings.Contains(r.view(), "Оксана") {
		t.Errorf("ол typed still lists Оксана Лисенко:\n%s", r.view())
	}
	r.keys(kClear, typed("ков"), kEnter)
	r.requireView("  > Олена Коваль", "┃ PIN-код")
	r.keys(typed("4321"), kEnter)
	r.requireView("Олена Коваль (касир)")
}

// TestLoginUnlistedName: a deactivated account is not listed; its name
// typed goes on to the PIN as typed, and the store refuses it.
func TestLoginUnlistedName(t *testing.T) {
	r := newRoot(t, "citrus")
	must(t, r.st.Deactivate("Ivan", "Olena"))
	r.start()
	if strings.Contains(r.view(), "Ivan") {
		t.Fatalf("a deactivated account is listed:\n%s", r.view())
	}
	r.keys(typed("ivan"))
	r.requireView("no name on the list matches")
	r.keys(kEnter)
	r.requireView("  > ivan", "┃ PIN")
	r.keys(typed("1111"), kEnter)
	r.requireView("Ivan's account is deactivated", "┃ Name")
}

// TestLoginBackFromPIN: esc at the PIN goes back to the names, what was
// typed kept.
func TestLoginBackFromPIN(t *testing.T) {
	r := newRoot(t, "citrus")
	r.keys(typed("pet"), kEnter, typed("12"), kEsc)
	r.requireView("┃ > pet", "> Petro")
	r.keys(kEsc) // clears what is typed
	r.requireView("┃ > ", "> Ivan", "  Olena")
	r.keys(kDown, kDown, kEnter, typed("567890"), kEnter)
	r.requireView("Petro (shift lead)")
}

// TestLoginRefusedKeepsTheName: after a wrong PIN the cursor is on the
// name just tried, so the PIN is all there is to type again; after a lock
// it is on the person the screen locked on.
func TestLoginRefusedKeepsTheName(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Petro", "0000")
	r.requireView("! wrong name or PIN", "> Petro")
	r.keys(kEnter, typed("567890"), kEnter)
	r.requireView("Petro (shift lead)")
	r.keys(tea.KeyMsg{Type: tea.KeyCtrlL})
	r.requireView("locked", "> Petro")
}

// TestLoginLongList: 40 names and more fit 80x24: the list scrolls with
// the cursor and says how many more there are; the page keys move a
// screenful.
func TestLoginLongList(t *testing.T) {
	r := newRoot(t, "citrus")
	r.withStaff(manyStaff...)
	requireRows(t, r.view())
	r.requireView("> Ivan", "    Василь Коваль", "… and 30 more") // 43 names, 13 shown, in the alphabet's order
	for range 20 {
		r.keys(kDown)
	}
	r.requireView("    Богдана Коваль", "> Дмитро Коваль", "… and 22 more")
	requireRows(t, r.view())
	r.keys(kUp) // the list moves no more than it must
	r.requireView("    Богдана Коваль", "> Дмитро Бондаренко")
	r.keys(pgDown, pgDown, pgDown)
	r.requireView("> Любомир Шевчук")
	if strings.Contains(r.view(), "… and") {
		t.Errorf("the list at its end says there are more:\n%s", r.view())
	}
	requireRows(t, r.view())
	r.keys(pgUp, pgUp, pgUp, pgUp)
	r.requireView("> Ivan")
	r.keys(typed("шевч"))
	r.requireView("> Андрій Шевчук", "    Любомир Шевчук") // ten names: no more
}

var (
	pgUp   = tea.KeyMsg{Type: tea.KeyPgUp}
	pgDown = tea.KeyMsg{Type: tea.KeyPgDown}
)

// requireRows fails unless the screen is 24 rows.
func requireRows(t *testing.T, view string) {
	t.Helper()
	if n := len(strings.Split(view, "\n")); n != 24 {
		t.Fatalf("the screen has %d rows, not 24:\n%s", n, view)
	}
}

// TestLoginNothingToTake: with no list (not loaded) and nothing typed,
// enter asks for the name.
func TestLoginNothingToTake(t *testing.T) {
	st := look.DefaultStyles()
	l := newLoginModel(&st, lang.English(), 80, 21)
	l.Init()
	l, _ = l.Update(kEnter)
	if v := plain(l.View()); !strings.Contains(v, "! enter your name") || !strings.Contains(v, "loading the staff…") {
		t.Fatalf("enter with nothing to take:\n%s", v)
	}
	l, _ = l.Update(typed("Ivan")) // typed before the list came: taken as typed
	l, _ = l.Update(kEnter)
	if l.picked != "Ivan" || l.pin == nil {
		t.Fatalf("the name typed before the list came: %q", l.picked)
	}
}

// TestLoginListGolden is the login of a store of 43 at 80x24, the cursor
// moved down past the first screenful.
func TestLoginListGolden(t *testing.T) { loginListGolden(t, lang.EN) }

// TestLoginListGoldenUK is TestLoginListGolden at a Ukrainian store.
func TestLoginListGoldenUK(t *testing.T) { loginListGolden(t, lang.UK) }

func loginListGolden(t *testing.T, l lang.Lang) {
	r := loginRoot(t, l)
	r.keys(keysOf(kDown, 20)...)
	rootGolden(t, r, "> Дмитро Коваль")
}

// TestLoginTypedGolden is the list filtered by what is typed: names
// starting with it first, then those with a word starting with it.
func TestLoginTypedGolden(t *testing.T) { loginTypedGolden(t, lang.EN) }

// TestLoginTypedGoldenUK is TestLoginTypedGolden at a Ukrainian store.
func TestLoginTypedGoldenUK(t *testing.T) { loginTypedGolden(t, lang.UK) }

func loginTypedGolden(t *testing.T, l lang.Lang) {
	r := loginRoot(t, l)
	r.withStaff("Ковальчук Марія")
	r.keys(typed("ков"))
	rootGolden(t, r, "> Ковальчук Марія", "Андрій Коваль")
}

// TestLoginNoMatchGolden is a name typed that the list does not hold.
func TestLoginNoMatchGolden(t *testing.T) { loginNoMatchGolden(t, lang.EN) }

// TestLoginNoMatchGoldenUK is TestLoginNoMatchGolden at a Ukrainian store.
func TestLoginNoMatchGoldenUK(t *testing.T) { loginNoMatchGolden(t, lang.UK) }

func loginNoMatchGolden(t *testing.T, l lang.Lang) {
	r := loginRoot(t, l)
	r.keys(typed("Тарас"))
	rootGolden(t, r, "┃ > Тарас")
}

// TestLoginPINGolden is the PIN's step, the name taken from the list.
func TestLoginPINGolden(t *testing.T) { loginPINGolden(t, lang.EN) }

// TestLoginPINGoldenUK is TestLoginPINGolden at a Ukrainian store.
func TestLoginPINGoldenUK(t *testing.T) { loginPINGolden(t, lang.UK) }

func loginPINGolden(t *testing.T, l lang.Lang) {
	r := loginRoot(t, l)
	r.keys(typed("богдана ш"), kEnter, typed("43"))
	rootGolden(t, r, "> Богдана Шевчук", "> **")
}

// loginRoot is a store of 43 speaking l, at its login.
func loginRoot(t *testing.T, l lang.Lang) *rootT {
	r := newRoot(t, "citrus")
	if l != lang.EN {
		r.speaks(l)
	}
	r.withStaff(manyStaff...)
	return r
}
