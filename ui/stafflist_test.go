package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// staffListRoot is newRoot's store speaking l, its staff in every state:
// Petro locked until a lead unlocks him, Ivan locked for 5 minutes, Marta
// (her screens in English) deactivated; Olena, a lead, at the staff list.
func staffListRoot(t *testing.T, l lang.Lang) *rootT {
	r := newRoot(t, "citrus")
	if l != lang.EN {
		r.speaks(l)
	}
	must(t, r.st.AddStaffMember(store.StaffMember{Name: "Marta", Role: flow.RoleCashier, Language: lang.EN}, "4321",
		"Olena"))
	must(t, r.st.Deactivate("Marta", "Olena"))
	for range 3 {
		lockOut(r, "Petro")
		r.now = r.now.Add(20 * time.Minute)
	}
	lockOut(r, "Ivan") // until 11:05
	r.login("Olena", "123456")
	r.keys(typed("s"))
	return r
}

// TestStaffListShowsEachState: active, locked for a while, locked until a
// lead unlocks, deactivated; and the keys the one at the cursor allows.
func TestStaffListShowsEachState(t *testing.T) {
	r := staffListRoot(t, lang.EN)
	r.requireView("Staff", "Name", "State",
		"> Ivan         cashier        the store's            locked until 11:05",
		"  Marta        cashier        English                deactivated",
		"  Olena        shift lead     the store's            active",
		"  Petro        shift lead     the store's            locked until a lead unlocks",
		"a add staff · p reset the PIN · u unlock · x deactivate")
	r.keys(kDown)
	r.requireView("> Marta", "a add staff · r reactivate")
	if strings.Contains(r.view(), "p reset the PIN") {
		t.Errorf("a deactivated account's PIN can be reset:\n%s", r.view())
	}
}

// TestStaffListGolden is the staff list at 80x24, every state in it.
func TestStaffListGolden(t *testing.T) {
	rootGolden(t, staffListRoot(t, lang.EN), "locked until 11:05")
}

// TestStaffListGoldenUK is the staff list in Ukrainian, the keys on the
// Ukrainian layout.
func TestStaffListGoldenUK(t *testing.T) {
	tr := lang.For(lang.UK)
	rootGolden(t, staffListRoot(t, lang.UK), tr.T("Staff"), tr.T("locked until %s", "11:05"),
		tr.T("locked until a lead unlocks"), tr.T("deactivated"), "ф "+tr.T("add staff"))
}

// TestStaffListAsksGoldenUK is the question before a deactivation, in
// Ukrainian.
func TestStaffListAsksGoldenUK(t *testing.T) {
	tr := lang.For(lang.UK)
	r := staffListRoot(t, lang.UK)
	r.keys(typed("x"))
	rootGolden(t, r, tr.T("Deactivate %s? Their cases and history stay.", "Ivan"), "н  "+tr.T("yes"))
}

// TestStaffPINGoldenUK is the form of a new PIN, in Ukrainian, a lead's
// PIN too short.
func TestStaffPINGoldenUK(t *testing.T) {
	tr := lang.For(lang.UK)
	r := staffListRoot(t, lang.UK)
	r.keys(kDown, kDown, kDown, typed("p"), typed("1234"), kEnter)
	rootGolden(t, r, tr.T("A new PIN for %s", "Petro"), "! "+flow.MessageIn(tr, flow.ErrLeadPIN))
}

// TestStaffListResetsAPIN: a new PIN by the rule of the role, twice; the
// cashier logs in with it.
func TestStaffListResetsAPIN(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Olena", "123456")
	r.keys(typed("s"))
	r.requireView("> Ivan")
	r.keys(kDown, kDown, typed("p")) // Petro, a lead: 6 digits at least
	r.requireView("A new PIN for Petro")
	r.keys(typed("1234"), kEnter)
	r.requireView("! " + flow.MessageIn(lang.English(), flow.ErrLeadPIN))
	r.keys(kEsc)
	r.requireView("Staff", "> Ivan")
	r.keys(typed("p"), typed("2222"), kEnter, typed("2223"), kEnter)
	r.requireView("! the two PINs differ")
	r.keys(kEsc, typed("p"), typed("2222"), kEnter, typed("2222"), kEnter)
	r.requireView("Ivan has a new PIN", "Staff")
	r.keys(kEsc, typed("l"))
	r.login("Ivan", "1111")
	r.requireView("Log in", "wrong name or PIN")
	r.login("Ivan", "2222")
	r.requireView("Ivan (cashier)")
}

// TestStaffListUnlocks: Ivan locked by wrong PINs, a lead unlocks him from
// the list, on the trail, and he logs in.
func TestStaffListUnlocks(t *testing.T) {
	r := newRoot(t, "citrus")
	lockOut(r, "Ivan")
	r.requireView("Ivan is locked until 10:05:00")
	r.login("Olena", "123456")
	r.keys(typed("s"))
	r.requireView("> Ivan         cashier        the store's            locked until 10:05", "u unlock")
	r.keys(typed("u"))
	r.requireView("Ivan is unlocked", "> Ivan         cashier        the store's            active")
	if strings.Contains(r.view(), "u unlock") {
		t.Errorf("an active account offers to unlock:\n%s", r.view())
	}
	requireTrail(t, r.st, "Olena", "unlocked Ivan")
	r.keys(kEsc, typed("l"))
	r.login("Ivan", "1111")
	r.requireView("Ivan (cashier)")
}

// TestStaffListDeactivates: asked first, a lead deactivates Ivan; his
// login is refused, his case stays on home and at the desk; reactivated,
// he logs in again. A lead cannot deactivate their own account.
func TestStaffListDeactivates(t *testing.T) {
	r := newRoot(t, "citrus")
	r.seed(seedCase{n: 1, at: "2026-11-20 09:00", staff: "Ivan", receipt: "R-1901", model: "Galaxy A55",
		price: 1299900, tender: flow.TenderCash})
	r.login("Olena", "123456")
	r.keys(typed("s"), typed("x"))
	r.requireView("Deactivate Ivan? Their cases and history stay.", "y  yes    n  no")
	r.keys(typed("n"))
	r.requireView("> Ivan         cashier        the store's            active")
	r.keys(typed("x"), typed("y"))
	r.requireView("Ivan is deactivated: their cases and history stay",
		"> Ivan         cashier        the store's            deactivated")
	requireTrail(t, r.st, "Olena", "deactivated Ivan")

	r.keys(kDown, typed("x"), typed("y")) // Olena herself
	r.requireView("! a shift lead cannot deactivate their own account: another shift lead can")

	r.keys(kEsc)
	r.requireView("Home", "Galaxy A55")
	r.keys(typed("d"))
	r.requireView("Galaxy A55", "Ivan")
	r.keys(kEsc)
	r.requireView("Home")
	r.keys(typed("l"))
	r.login("Ivan", "1111")
	r.requireView("Log in", "Ivan's account is deactivated: a shift lead can reactivate it")

	r.login("Olena", "123456")
	r.keys(typed("s"), typed("r"))
	r.requireView("Ivan can log in again")
	r.keys(kEsc, typed("l"))
	r.login("Ivan", "1111")
	r.requireView("Ivan (cashier)")
}

// TestStaffListScrolls: a long list keeps the cursor's row on the screen.
func TestStaffListScrolls(t *testing.T) {
	r := newRoot(t, "citrus")
	for i := range 30 {
		must(t, r.st.AddStaff(fmt.Sprintf("Zoya %02d", i), flow.RoleCashier, "4321", "Olena"))
	}
	r.login("Olena", "123456")
	r.keys(typed("s"))
	r.requireView("> Ivan", "… and")
	for range 32 {
		r.keys(kDown)
	}
	r.requireView("> Zoya 29")
	if n := len(strings.Split(r.view(), "\n")); n != 24 {
		t.Errorf("the screen has %d rows:\n%s", n, r.view())
	}
}

// TestStaffListUK: a deactivated cashier's login refused in Ukrainian.
func TestStaffListUK(t *testing.T) {
	r := newRoot(t, "citrus")
	r.speaks(lang.UK)
	must(t, r.st.Deactivate("Ivan", "Olena"))
	r.login("Ivan", "1111")
	r.requireView("обліковий запис Ivan вимкнено: увімкнути його знову може старший зміни")
}

// requireTrail fails unless the audit trail has an event of staff's in
// words.
func requireTrail(t *testing.T, st *store.Store, staff, words string) {
	t.Helper()
	evs, err := st.Events(0, 1000)
	must(t, err)
	for _, e := range evs {
		if e.Staff == staff && e.Words != nil && e.Words.English() == words {
			return
		}
	}
	t.Errorf("the trail has no event of %s: %q", staff, words)
}
