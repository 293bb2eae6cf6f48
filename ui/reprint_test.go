package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/paper"
	"example.com/returnsdesk/ui/printout"
)

// TestReprintFromHome: a cashier finds a closed case's acts by its receipt
// at home, prints the act again (on the trail), and an act file changed
// after it was written is refused, in words.
func TestReprintFromHome(t *testing.T) {
	r := newRoot(t, "citrus")
	set, _ := r.st.Settings()
	set.PrintCommand = "lp"
	must(t, r.st.SaveSettings(set, "Olena"))
	r.start()
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y")) // refunded at the till: the act and the payout slip
	r.requireView("act No. 1 written", "Payout slip")
	id := r.m.c.ID
	r.keys(kEnter)
	r.requireView("Home", "print an act again")
	r.keys(typed("p"))
	r.requireView("Print an act again", "act No., receipt, serial/IMEI or case id")
	r.keys(typed("r-1001"), kEnter)
	r.requireView("No. 2", "payout slip", "No. 1", "return act", "Phone X")
	r.printed = nil
	r.keys(kDown, kEnter)
	r.requireView("Act No. 1 sent to the printer again:", id+"-1.pdf")
	if len(r.printed) != 1 || !strings.HasSuffix(r.printed[0], id+"-1.pdf") {
		t.Errorf("printed %q", r.printed)
	}
	trail, _ := r.st.Trail(id)
	if last := trail[len(trail)-1]; last.Kind != store.EventAct || last.Detail != "return act No. 1 printed again" ||
		last.Staff != "Ivan" {
		t.Errorf("the trail ends with %+v", last)
	}

	must(t, os.WriteFile(filepath.Join(r.dir, "acts", id+"-1.txt"), []byte("RETURN ACT: 0.00 UAH"), 0o600))
	r.keys(kEnter)
	r.requireView("is not the act No. 1 kept", "changed after it was written")
	r.keys(kEsc) // back to the query, then home
	r.keys(kEsc)
	r.requireView("Home")
}

// TestReprintNothingFound: a query that names no kept act says so.
func TestReprintNothingFound(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("p"), typed("R-404"), kEnter)
	r.requireView(`No act is kept for "R-404".`)
}

// TestReprintFromTheDesk: the desk's case lists its acts at once; esc goes
// back to the case.
func TestReprintFromTheDesk(t *testing.T) {
	r, ids := seededDesk(t)
	for _, id := range ids {
		keepAct(t, r, id)
	}
	r.keys(typed("2"), kEnter)
	r.requireView("a acts")
	r.keys(typed("a"))
	r.requireView("Print an act again", "No. ", "return act")
	if strings.Contains(r.view(), "Find the acts of") {
		t.Errorf("the desk's reprint asks what to find:\n%s", r.view())
	}
	r.keys(kEsc)
	r.requireView("a acts", "Case ")
}

// keepAct keeps an act of case id, as the kiosk would have.
func keepAct(t *testing.T, r *rootT, id string) {
	t.Helper()
	k := printout.Keeper{Store: r.st, Dir: filepath.Join(r.dir, "acts")}
	_, err := k.Keep(id, flow.ActDecision, 0, "Ivan", r.now, func(n uint64) paper.Doc {
		c, err := r.st.Case(id)
		must(t, err)
		set, _ := r.st.Settings()
		return actDoc(lang.English(), set, c, nil, r.now.In(time.UTC), flow.ActDecision, n)
	})
	must(t, err)
}

func TestReprintGolden(t *testing.T) { reprintGolden(t, lang.EN) }

func TestReprintGoldenUK(t *testing.T) { reprintGolden(t, lang.UK) }

func reprintGolden(t *testing.T, l lang.Lang) {
	r, ids := seededDeskIn(t, l)
	names := make([]string, 0, len(ids))
	for name := range ids {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range append(names, names...) { // two acts each, numbered in the names' order
		keepAct(t, r, ids[name])
	}
	r.keys(typed("2"), kEnter, typed("a"))
	deskGolden(t, r, "Pixel 8")
}
