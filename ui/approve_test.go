package ui

import (
	"path/filepath"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/payout"
)

// The shift lead's form and the act screen at 80x24, in English and in
// Ukrainian (the ...UK goldens, in uk_screens_test.go).

// approveScreen is the shift lead's form at the till for an escalated
// iCenter return (new goods: the text is silent) that Olena opened, its
// words in l.
func approveScreen(t *testing.T, l lang.Lang) approveModel {
	t.Helper()
	c := decidedCaseIn(t, l, "icenter", nil)
	c.OpenedBy, c.Status = "Olena", flow.StatusEscalated
	st, keys := look.DefaultStyles(), look.KeysIn(lang.For(l))
	testScreen(t, "icenter", c) // the colour profile
	return newApproveModel(&st, &keys, c, 80)
}

// refusedApprove is the form again after a cashier (Ivan) came to decide
// the escalated case Olena opened, in a store speaking l.
func refusedApprove(t *testing.T, l lang.Lang) approveModel {
	t.Helper()
	r := newRoot(t, "icenter")
	r.speaks(l)
	r.login("Olena", "123456")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-7", "iPhone 15", "490154203237518", "41999.00")...)
	r.keys(kEnter, kEnter, kEnter) // return, refund, in person
	r.keys(kEnter)                 // the receipt is ticked already
	r.keys(kEnter)                 // inspection
	r.keys(kEnter)                 // a shift lead decides
	r.keys(typed("Ivan"), kEnter, typed("1111"), kEnter, kEnter, typed("the law gives 14 days"), kEnter)
	if r.m.approve.errMsg == "" {
		t.Fatalf("no refusal:\n%s", r.view())
	}
	return r.m.approve
}

// actScreen is the act screen of a generic refund in a store speaking l:
// paid at the till (its payout slip printed) and closed, or owed (the till
// had no cash) and printed by hand. The files are at fixed paths, so the
// screen compares.
func actScreen(t *testing.T, l lang.Lang, paid bool) actModel {
	t.Helper()
	r := newRoot(t, "generic")
	if paid {
		set, err := r.st.Settings()
		must(t, err)
		set.PrintCommand = "lp"
		must(t, r.st.SaveSettings(set, "Olena"))
	}
	r.speaks(l)
	r.login("Ivan", "1111")
	c := decidedCaseIn(t, l, "generic", func(c *flow.Case) { c.TillHasCash = paid })
	c.OpenedBy, c.Status = "Ivan", flow.StatusRefundOwed
	if paid {
		c.Status = flow.StatusClosed
	}
	r.m.c = c
	dir := filepath.Join("/var/lib/returnsdesk", "acts")
	a := r.m.actScreen(filepath.Join(dir, c.ID+"-17.pdf"))
	a.n = 17
	a.printed = r.m.printWords(nil)
	if paid {
		a.slip = r.m.slipWords(actWrittenMsg{slip: payout.Written{N: 18, File: filepath.Join(dir, c.ID+"-payout-1.pdf"), Printed: true}})
	}
	return a
}

func TestApproveGolden(t *testing.T) {
	t.Run("form", func(t *testing.T) {
		goldenView(t, approveScreen(t, lang.EN), "Shift lead")
	})
	t.Run("refused", func(t *testing.T) {
		goldenView(t, refusedApprove(t, lang.EN), "is not a shift lead")
	})
}

func TestActGolden(t *testing.T) {
	t.Run("refund", func(t *testing.T) {
		goldenAfter(t, actScreen(t, lang.EN, true), "enter: done")
	})
	t.Run("refund owed", func(t *testing.T) {
		goldenAfter(t, actScreen(t, lang.EN, false), "enter: done")
	})
}
