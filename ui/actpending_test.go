package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
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

// TestFailedIntakeActIsOfferedAgainFromHome: the service centre's intake
// act cannot be written: the case is saved at the service centre, its act
// due; resumed from home it opens on its act, not on the question whether
// the item is back, and enter writes the act. Then, act kept, the case
// resumes to that question, as any item at the service centre does.
func TestFailedIntakeActIsOfferedAgainFromHome(t *testing.T) {
	inEachLang(t, func(t *testing.T, r *rootT, l lang.Lang) {
		tr := lang.For(l)
		r.login("Ivan", "1111")
		blocker := filepath.Join(r.dir, "acts")
		must(t, os.WriteFile(blocker, []byte("not a folder"), 0o600))
		toIntake(r)
		typeIntake(r, "не заряджається", "кабель", "подряпина", "")
		r.requireView(tr.T("The act is not written yet: the case is saved."))
		id := r.m.c.ID
		c, err := r.st.Case(id)
		must(t, err)
		if c.Status != flow.StatusServiceCentre || !c.ActPending {
			t.Fatalf("saved as %s, act pending %v", c.Status, c.ActPending)
		}
		r.keys(kEsc)
		r.requireView(tr.T("Open cases (%d): %s resumes", 1, "enter"))

		must(t, os.Remove(blocker))
		r.keys(kEnter) // resume it
		r.requireView(tr.T("The act is not written yet: the case is saved."))
		if strings.Contains(r.view(), tr.T("not back yet: type in the service centre's ticket number")) {
			t.Fatalf("the case resumed to the question whether it is back:\n%s", r.view())
		}
		if l == lang.UK {
			checkSpeaks(t, r.view())
		}
		r.keys(kEnter)
		r.requireView(tr.T("Both the customer and the cashier sign the printed act."))
		c, err = r.st.Case(id)
		must(t, err)
		if c.Status != flow.StatusServiceCentre || c.ActPending {
			t.Errorf("after the act: %s, act pending %v", c.Status, c.ActPending)
		}
		r.keys(kEnter) // home
		r.keys(kEnter) // resume it: the item is not back yet
		r.requireView(tr.T("not back yet: type in the service centre's ticket number"))
	})
}

// pendingIntakeAct is the act screen a case at the service centre whose
// intake act was not kept opens on when resumed, in l's words.
func pendingIntakeAct(t *testing.T, l lang.Lang) actModel {
	t.Helper()
	r := newRoot(t, "citrus")
	r.speaks(l)
	r.login("Ivan", "1111")
	c, _, _ := intakeActCase(t, l)
	c.ActPending = true
	r.m.c = c
	return r.m.actScreen("")
}

// TestPendingIntakeActGolden: the intake act not written yet, with enter to
// write it.
func TestPendingIntakeActGolden(t *testing.T) {
	goldenAfter(t, pendingIntakeAct(t, lang.EN), "enter: write and print the act")
}

func TestPendingIntakeActGoldenUK(t *testing.T) {
	goldenAfter(t, pendingIntakeAct(t, lang.UK), lang.For(lang.UK).T("%s: write and print the act · %s: home", "enter", "esc"))
}
