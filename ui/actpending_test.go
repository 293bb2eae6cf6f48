package ui

import (
	"os"
	"path/filepath"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestFailedActIsOfferedAgainFromHome: the act cannot be written (its
// folder cannot be made): the case is saved, refunded, its act due; home
// lists it, and resuming it writes the act and closes the case.
func TestFailedActIsOfferedAgainFromHome(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	blocker := filepath.Join(r.dir, "acts")
	must(t, os.WriteFile(blocker, []byte("not a folder"), 0o600))
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y")) // paid at the till
	r.requireView("the act could not be written", "The act is not written yet: the case is saved.")
	id := r.m.c.ID
	c, err := r.st.Case(id)
	must(t, err)
	if c.Status != flow.StatusRefunded || !c.ActPending {
		t.Fatalf("saved as %s, act pending %v", c.Status, c.ActPending)
	}
	r.keys(kEsc)
	r.requireView("Home", "Open cases (1)")

	must(t, os.Remove(blocker))
	r.keys(kEnter) // resume it
	r.requireView("The act is not written yet")
	r.keys(kEnter)
	r.requireView("act No. 1 written", "REFUND, closed", "Payout slip")
	c, err = r.st.Case(id)
	must(t, err)
	if c.Status != flow.StatusClosed || c.ActPending {
		t.Errorf("after the act: %s, act pending %v", c.Status, c.ActPending)
	}
	r.keys(kEnter)
	r.requireView("Home", "Open cases (0)")
}
