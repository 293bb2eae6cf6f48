package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

// TestARefusedSaveLeavesTheCaseAsSaved: a save the store refuses (here a
// refund of a receipt line another till refunded after this case passed
// its sale step) never freezes the kiosk and never claims what did not
// happen: the header stops saying "saving…", the whole refusal is on
// screen, the keys work, and the case at hand is the case as the store
// holds it.
func TestARefusedSaveLeavesTheCaseAsSaved(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Petro", "567890")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter)
	r.requireView("Pay the refund of 19999.00 UAH from the till now?")
	paid := r.seed(seedCase{n: 9, at: "2026-11-20 09:30", staff: "Ivan", receipt: "R-1001", model: "Phone X",
		price: 1999900, tender: flow.TenderCash, d: refund(deskDay), status: flow.StatusClosed})
	r.keys(typed("y"))
	v := r.view()
	if strings.Contains(v, "saving…") {
		t.Fatalf("the header still says saving:\n%s", v)
	}
	r.requireView("not saved", "already refunded", paid, "R E F U N D")
	r.keys(kEsc) // the keys work: back to the inspection
	r.requireView("[Inspection]")
	r.keys(tea.KeyMsg{Type: tea.KeyCtrlL})
	r.login("Petro", "567890")
	if v := r.view(); strings.Contains(v, "act No. ") {
		t.Fatalf("after a login the kiosk claims an act:\n%s", v)
	}
	r.requireView("[Inspection]")
	c := r.m.c
	stored, err := r.st.Case(c.ID)
	must(t, err)
	if c.Status != stored.Status || stored.Status != flow.StatusOpen || c.Done.Has(flow.StepDecision) {
		t.Fatalf("the case at hand is %s (steps done %v), the store holds %s", c.Status, c.Done, stored.Status)
	}
}

// TestALeadVoidsADraft: a draft that cannot go on is closed by a shift
// lead from home with a reason, set aside, which goes on the trail; another
// cashier is not offered it; the cashier who opened a draft closes it as
// the customer's withdrawal.
func TestALeadVoidsADraft(t *testing.T) {
	r := newRoot(t, "citrus")
	must(t, r.st.AddStaff("Marta", flow.RoleCashier, "2222", "Olena"))
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc)                                                      // back past the sale: home, the draft kept
	r.requireView("Home", "Open cases (1): enter resumes, x voids a case without a decision") // his own
	r.keys(typed("l"))
	r.login("Marta", "2222")
	r.requireView("Home", "Open cases (1)")
	if strings.Contains(r.view(), "voids") {
		t.Fatalf("another cashier is offered to void:\n%s", r.view())
	}
	r.keys(typed("x"))
	r.requireView("Home")
	r.keys(typed("l"))
	r.login("Olena", "123456")
	r.requireView("Open cases (1): enter resumes, x voids a case without a decision")
	r.keys(typed("x"))
	r.requireView("Void case", "How did it end?", "set aside by a shift lead", "Reason")
	r.keys(kDown, kDown, kEnter, kEnter) // set aside; no reason
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
	if last.Staff != "Olena" || last.Detail != "voided: the receipt line was refunded at another till" {
		t.Fatalf("the trail ends with %+v", last)
	}

	r.keys(typed("l"))
	r.login("Ivan", "1111")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1002", "Phone X", "490154203237518", "19999.00")...)
	r.requireView(r.at(flow.StepRequest))
	r.keys(kEsc, kEsc)
	r.requireView("Home", "Open cases (1)")
	r.keys(typed("x"))
	r.requireView("How did it end?", "the customer withdrew")
	if strings.Contains(r.view(), "set aside") {
		t.Errorf("a cashier is offered to set a case aside:\n%s", r.view())
	}
	r.keys(kEnter, typed("changed their mind"), kEnter)
	r.requireView("Home", "voided", "Open cases (0)")
	sums, _ = r.st.ByReceipt("R-1002")
	c, err := r.st.Case(sums[0].ID)
	must(t, err)
	if c.Voided == nil || c.Voided.Kind != flow.EndWithdrawn || c.Voided.By != "Ivan" {
		t.Fatalf("ended as %+v", c.Voided)
	}
}

// TestTheSaleStepRefusesALineTaken: a receipt line refunded at one till is
// said at the sale step of the next case about it, with the refunding case
// and its day, before any refund is offered; a line in a draft elsewhere
// sends the cashier to that draft.
func TestTheSaleStepRefusesALineTaken(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("act No. ", "REFUND, closed")
	first := r.m.c.ID
	r.keys(kEnter)
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView("was refunded in case", first, "2026-11-20", "cannot be refunded again", "Sale date")
	if strings.Contains(r.view(), "[Request]") {
		t.Fatalf("the case went on:\n%s", r.view())
	}
	if n, _ := r.st.ByReceipt("R-1001"); len(n) != 1 {
		t.Fatalf("%d cases of R-1001 saved", len(n))
	}
	r.keys(kEsc) // the way out: home, nothing saved
	r.requireView("Home", "Open cases (0)")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1002", "Phone X", "490154203237518", "19999.00")...)
	r.requireView("[Request]")
	draft := r.m.c.ID
	r.keys(kEsc, kEsc, kEsc) // home: the draft of R-1002 stays
	r.requireView("Home")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1002", "Phone X", "490154203237518", "19999.00")...)
	r.requireView("is in case", draft, "a draft at request", "resume that case from home")
}

// TestTheKeysWorkOnTheUkrainianLayout: with the Ukrainian layout on, the
// keys arrive as Cyrillic letters (т for n, в for d, н for y); they do what
// their keys do, while a name typed in a field stays as typed.
func TestTheKeysWorkOnTheUkrainianLayout(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Olena", "123456")
	r.keys(typed("т")) // n: a new return
	r.requireView("Receipt number or serial/IMEI")
	r.keys(typed("Р-1"))
	r.requireView("Р-1") // text is text
	r.keys(kEsc, kEsc)
	r.requireView("Home")
	r.keys(typed("в")) // d: the desk
	r.requireView("Returns of")
	r.keys(kEsc)
	r.requireView("Home")
	r.keys(typed("д")) // l: log out
	r.requireView("Log in")
	r.keys(typed("Олена"))
	r.requireView("Олена")
}
