package ui

import (
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// TestAfterAnEarlyCloseTheKioskGoesOn: a close before the store's closing
// time is warned of; after it, a cashier's new return is taken to its act,
// filed under the next day, which the screen says; a lead reopens the day
// with a reason, on the trail.
func TestAfterAnEarlyCloseTheKioskGoesOn(t *testing.T) {
	r := newRoot(t, "citrus")
	r.now = time.Date(2026, 11, 20, 8, 42, 0, 0, kyiv)
	r.login("Olena", "123456")
	r.keys(typed("d"), typed("3"), typed("c"))
	r.requireView("It is 08:42, before the store's closing time (21:00)", "go to the report of 2026-11-21")
	r.keys(typed("y"))
	r.requireView("CLOSED by Olena at 08:42")
	r.keys(kEsc, kEsc)
	r.requireView("Home", "2026-11-20 is closed: returns taken now go to the report of 2026-11-21.")
	r.keys(typed("l"))

	r.login("Ivan", "1111")
	r.requireView("2026-11-20 is closed: returns taken now go to the report of 2026-11-21.")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("act No. ", "REFUND, closed")
	id := r.m.c.ID
	d, err := r.st.Detail(id)
	must(t, err)
	if d.Summary.Day != (flow.Date{Year: 2026, Month: 11, Day: 21}) || d.Summary.Status != flow.StatusClosed {
		t.Fatalf("the late return is filed under %s as %s", d.Summary.Day, d.Summary.Status)
	}
	r.keys(kEnter)
	r.requireView("Your cases today (1)", "refund")
	r.keys(typed("l"))

	r.login("Olena", "123456")
	r.keys(typed("d"), typed("3"))
	r.requireView("CLOSED by Olena", "o reopen")
	r.keys(typed("o"))
	r.requireView("Reopen 2026-11-20?", "enter reopen the day")
	r.keys(kEnter)
	r.requireView("give a reason")
	r.keys(typed("closed by mistake in the morning"), kEnter)
	r.requireView("Day 2026-11-20 reopened by Olena", "OPEN: the report as it stands")
	if c, _ := r.st.DayClosing(deskDay); c != nil {
		t.Fatalf("still closed: %+v", c)
	}
	evs, err := r.st.Events(0, 1000)
	must(t, err)
	last := evs[len(evs)-1]
	if last.Kind != store.EventDayReopen || last.Staff != "Olena" || !strings.Contains(last.Detail, "by mistake") {
		t.Fatalf("the trail ends with %+v", last)
	}
}
