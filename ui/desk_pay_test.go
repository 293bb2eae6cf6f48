package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// TestDeskPaysInParts: a lead pays 100.00 of a 19999.00 refund owed: the
// form offers the rest, says what a part leaves, and the payment shows what
// is left and its slip; the queue, the case and the close count what is
// still owed; more than that is refused beside the field; the rest pays it
// in full, with a second slip.
func TestDeskPaysInParts(t *testing.T) {
	r, ids := seededDesk(t)
	id := ids["owed"]
	r.keys(typed("2"), kTab, kDown, typed("p")) // the refund owed today
	r.requireView("Mark a refund paid", "Owed 19999.00 UAH by 2026-11-27: 7 days left", "19999.00",
		"This pays the refund in full.")
	r.keys(kEnter, kClear, typed("100.00")) // cash; a part
	r.requireView("This leaves 19899.00 UAH still owed.")
	r.keys(kEnter)
	r.requireView("✓ Paid 100.00 UAH in cash by Olena (payment 1)",
		"Still owed: 19899.00 UAH of 19999.00 UAH (100.00 UAH paid so far)",
		"Payout slip: acts/"+id+"-payout-1.pdf in the data folder", "The customer and you sign the printed slip.",
		"Refund of 100.00 UAH paid in cash by Olena; 19899.00 UAH still owed")
	r.keys(kEnter)
	r.requireView("[Refunds owed (2)]", "Still owed: 31899.00 UAH in 2 refunds (100.00 UAH of them paid so far)",
		"PAID      OWED", "2026-11-27 7 days left", "100.00  19899.00", "-  12000.00")

	// the case and the close count what is still owed
	r.keys(kDown, kEnter)
	r.requireView("Case "+id+" · refund owed",
		"Refund    19899.00 UAH still owed by 2026-11-27: 7 days left · 100.00 UAH paid", "of 19999.00 UAH",
		"1. 100.00 UAH in cash by Olena at 2026-11-20 10:00")
	r.keys(kEsc, typed("3"))
	r.requireView("Refunds paid by tender (2)", "cash          2     25100.00 UAH",
		"Still owed: 1 refund, 19899.00 UAH (100.00 UAH of them paid so far)")

	// more than is still owed is refused beside the field; the rest pays it
	r.keys(typed("2"), typed("p")) // the queue keeps its tab and row
	r.requireView("Owed 19899.00 UAH by 2026-11-27: 7 days left · 100.00 UAH paid of 19999.00 UAH", "19899.00")
	r.keys(join(kEnter, replace("19899.01"))...)
	r.requireView("only 19899.00 UAH is still owed: a payment cannot be more")
	r.keys(join(kClear, typed("19899.00"), kEnter)...)
	r.requireView("✓ Paid 19899.00 UAH in cash by Olena (payment 2)", "The refund is paid in full: 19999.00 UAH",
		"Payout slip: acts/"+id+"-payout-2.pdf")
	r.keys(kEnter)
	r.requireView("[Refunds owed (1)]", "Still owed: 12000.00 UAH in 1 refund")
	d, err := r.st.Detail(id)
	must(t, err)
	if d.Summary.Status != flow.StatusRefunded || len(d.Payments) != 2 || d.Paid().Minor != 1999900 {
		t.Fatalf("paid in two parts: %s, %+v", d.Summary.Status, d.Payments)
	}
	for n, want := range map[string][]string{"1": {"(payment 1)", "Paid now 100.00 UAH, in cash",
		"Still owed 19899.00 UAH, due by 2026-11-27"}, "2": {"(payment 2)", "Paid now 19899.00 UAH, in cash",
		"Paid so far 19999.00 UAH in 2 payments", "Still owed nothing"}} {
		data, err := os.ReadFile(filepath.Join(r.dir, "acts", id+"-payout-"+n+".txt"))
		must(t, err)
		for _, w := range append(want, "Store Test store", "Receipt R-2002", "Paid by Olena",
			"Customer (received") {
			if !strings.Contains(flat(data), w) {
				t.Errorf("slip %s lacks %q:\n%s", n, w, data)
			}
		}
	}
}

// TestDeskPayGolden: the form for the rest of a refund paid in part, with
// a part typed.
func TestDeskPayGolden(t *testing.T) {
	r, ids := seededDesk(t)
	must(t, errOf(r.st.RecordRefund(ids["owed"], flow.Money{Minor: 10000, Currency: "UAH"}, flow.TenderCard, "Olena", r.now)))
	deskGolden(t, r, "This leaves", typed("2"), kTab, kDown, typed("p"), kEnter, kClear, typed("5000.00"))
}

// TestDeskPaidGolden: a part paid: what it left owed and its slip.
func TestDeskPaidGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "enter: back", typed("2"), kTab, kDown, typed("p"), kEnter, kClear, typed("100.00"), kEnter)
}

// errOf is the error of a call that also returns a payout.
func errOf(_ store.Payout, err error) error { return err }
