package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

// TestARefusedSaveLeavesTheCaseAsSaved: a save the store refuses (here the
// second till's refund of a receipt line the first till has just paid)
// never freezes the kiosk and never claims what did not happen: the
// header stops saying "saving…", the whole refusal is on screen, the keys
// work, and the case at hand is the case as the store holds it.
func TestARefusedSaveLeavesTheCaseAsSaved(t *testing.T) {
	r := newRoot(t, "citrus")
	r.startOn(r.st.At("till1"))
	other := &rootT{t: t, st: r.st, dir: r.dir, now: r.now}
	other.startOn(r.st.At("till2"))
	r.login("Ivan", "1111")
	other.login("Petro", "5678")
	for _, till := range []*rootT{r, other} {
		walkToDecision(till, "2026-11-10")
		till.keys(kEnter, kEnter)
		till.requireView("Pay the refund of 19999.00 UAH from the till now?")
	}
	r.keys(typed("y"))
	r.requireView("Return act written")
	other.keys(typed("y"))
	v := other.view()
	if strings.Contains(v, "saving…") {
		t.Fatalf("the header still says saving:\n%s", v)
	}
	first, _ := r.st.ByReceipt("R-1001")
	var paid string
	for _, s := range first {
		if s.Status == flow.StatusClosed {
			paid = s.ID
		}
	}
	other.requireView("not saved", "already refunded", paid, "R E F U N D")
	other.keys(kEsc) // the keys work: back to the inspection
	other.requireView("[Inspection]")
	other.keys(tea.KeyMsg{Type: tea.KeyCtrlL})
	other.login("Petro", "5678")
	if v := other.view(); strings.Contains(v, "Return act written") {
		t.Fatalf("after a login the kiosk claims an act:\n%s", v)
	}
	other.requireView("[Inspection]")
	c := other.m.c
	stored, err := r.st.Case(c.ID)
	must(t, err)
	if c.Status != stored.Status || stored.Status != flow.StatusOpen || c.Done.Has(flow.StepDecision) {
		t.Fatalf("the case at hand is %s (steps done %v), the store holds %s", c.Status, c.Done, stored.Status)
	}
}

// TestALeadVoidsADraft: a draft that cannot go on is closed by a shift
// lead from home with a reason, which goes on the trail; a cashier is not
// offered it.
func TestALeadVoidsADraft(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // back past the sale: home, the draft kept
	r.requireView("Home", "Open cases (1)")
	if strings.Contains(r.view(), "voids") {
		t.Fatalf("a cashier is offered to void:\n%s", r.view())
	}
	r.keys(typed("x"))
	r.requireView("Home")
	r.keys(typed("l"))
	r.login("Olena", "1234")
	r.requireView("Open cases (1): enter resumes, x voids a case without a decision")
	r.keys(typed("x"))
	r.requireView("Void case", "Reason")
	r.keys(kEnter)
	r.requireView("give a reason")
	r.keys(typed("the receipt line was refunded at another till"), kEnter)
	r.requireView("Home", "voided", "Open cases (0)")
	open, err := r.st.ByStatus(flow.StatusOpen)
	must(t, err)
	if len(open) != 0 {
		t.Fatalf("still open: %+v", open)
	}
	sums, _ := r.st.ByReceipt("R-1001")
	trail, err := r.st.Trail(sums[0].ID)
	must(t, err)
	last := trail[len(trail)-1]
	if last.Staff != "Olena" || !strings.Contains(last.Detail, "refunded at another till") {
		t.Fatalf("the trail ends with %+v", last)
	}
}
