package ui

import (
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// The case screens in Ukrainian: the staff member's words, and the
// customer's, in a Ukrainian store, at 80x24 as the English goldens.

// ukScreen is testScreen with Ukrainian printers, of the cashier and of
// the customer.
func ukScreen(t *testing.T, policy string, c *flow.Case) screenCtx {
	t.Helper()
	ctx := testScreen(t, policy, c)
	ctx.tr, ctx.tc = lang.For(lang.UK), lang.For(lang.UK)
	return ctx
}

func TestSaleGoldenUK(t *testing.T) {
	t.Run("search", func(t *testing.T) {
		goldenView(t, newSaleModel(ukScreen(t, "generic", nil)), "tab  ввести продаж")
	})
	t.Run("found", func(t *testing.T) {
		goldenView(t, newSaleModel(ukScreen(t, "generic", nil)), "взяти цей продаж",
			typed("R-1001"), kEnter, salesFoundMsg{query: "R-1001", sales: []flow.Sale{foundSale}})
	})
	t.Run("typed", func(t *testing.T) {
		m := started(t, newSaleModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, kTab)
		goldenAfter(t, m, "Дата продажу")
	})
	t.Run("a date that does not exist", func(t *testing.T) {
		m := started(t, newSaleModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, kTab, typed("30.02.2026"), kEnter)
		goldenAfter(t, m, "лютий 2026")
	})
	t.Run("an amount of three decimals", func(t *testing.T) {
		m := started(t, newSaleModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, kTab, typed("10.11.2026"), kEnter, typed("R-1001"), kEnter, typed("Phone X"), kEnter,
			typed("CH-20-0042"), kEnter, typed("19 999,001"), kEnter)
		goldenAfter(t, m, "не більше 2 цифр")
	})
	t.Run("picked from a receipt of two lines", func(t *testing.T) {
		second := foundSale
		second.Line, second.Model, second.Serial = 2, "Charger 20W", "CH-20-0042"
		m := started(t, newSaleModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, typed("R-1001"), kEnter)
		m, _ = drive(t, m, salesFoundMsg{query: "R-1001", sales: []flow.Sale{foundSale, second}})
		goldenAfter(t, m, "жоден із цих")
	})
}

func TestRequestGoldenUK(t *testing.T) {
	goldenView(t, newRequestModel(ukScreen(t, "generic", nil)), "службою доставки", kDown)
}

func TestDocumentsGoldenUK(t *testing.T) {
	t.Run("documents", func(t *testing.T) {
		goldenView(t, newDocumentsModel(ukScreen(t, "generic", nil)), "паспорт", typed("x"))
	})
	t.Run("passport", func(t *testing.T) {
		m := started(t, newDocumentsModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, join(typed("x"), tickPassport, kEnter, typed("1234"), kEnter)...)
		goldenAfter(t, m, "Номер паспорта")
	})
	t.Run("recorded", func(t *testing.T) {
		m := started(t, newDocumentsModel(ukScreen(t, "generic", nil)))
		m, _ = drive(t, m, repeatReturnsMsg{count: 2, dates: []flow.Date{{Year: 2026, Month: 11, Day: 2},
			{Year: 2026, Month: 11, Day: 9}}})
		goldenAfter(t, m, "повернуто 2 товари")
	})
}

func TestServiceGoldenUK(t *testing.T) {
	goldenView(t, newServiceModel(ukScreen(t, "citrus", nil)), "> недоліку не виявлено", kDown)
}

func TestDecisionGoldenUK(t *testing.T) {
	t.Run("refund", func(t *testing.T) {
		goldenView(t, newDecisionModel(ukScreen(t, "generic", decidedCaseIn(t, lang.UK, "generic", nil))), "enter  підтвердити")
	})
	t.Run("escalate", func(t *testing.T) {
		c := decidedCaseIn(t, lang.UK, "icenter", nil)
		goldenView(t, newDecisionModel(ukScreen(t, "icenter", c)), "покликати старшого зміни")
	})
	t.Run("reject", func(t *testing.T) {
		c := decidedCaseIn(t, lang.UK, "citrus", func(c *flow.Case) {
			c.Inspection.SignsOfUse, c.Inspection.PackagingIntact, c.Inspection.SealsIntact = true, false, false
			c.Request.Remote = true
		})
		goldenView(t, newDecisionModel(ukScreen(t, "citrus", c)), "enter  підтвердити")
	})
}

func TestInspectGoldenUK(t *testing.T) {
	t.Run("generic", func(t *testing.T) {
		goldenView(t, newInspectModel(ukScreen(t, "generic", phoneCase("generic"))), "4:59_", typed("1"), typed("2"), typed("4:59"))
	})
	t.Run("bad call counter", func(t *testing.T) {
		goldenView(t, newInspectModel(ukScreen(t, "generic", phoneCase("generic"))), "4:5_", typed("1"), typed("2"), typed("4:5"), kEnter)
	})
	t.Run("citrus", func(t *testing.T) {
		goldenView(t, newInspectModel(ukScreen(t, "citrus", phoneCase("citrus"))), "коли все перевірено")
	})
}

func TestApproveGoldenUK(t *testing.T) {
	t.Run("form", func(t *testing.T) {
		goldenView(t, approveScreen(t, lang.UK), "Старший зміни")
	})
	t.Run("refused", func(t *testing.T) {
		goldenView(t, refusedApprove(t, lang.UK), "не старший зміни")
	})
}

func TestActGoldenUK(t *testing.T) {
	t.Run("refund", func(t *testing.T) {
		goldenAfter(t, actScreen(t, lang.UK, true), "enter: готово")
	})
	t.Run("refund owed", func(t *testing.T) {
		goldenAfter(t, actScreen(t, lang.UK, false), "enter: готово")
	})
}

// TestSaleFormShowsTheDayAsTyped: a sale filled in again (a resumed case,
// a visit's next item) shows its day as a Ukrainian cashier types it.
func TestSaleFormShowsTheDayAsTyped(t *testing.T) {
	c := &flow.Case{ID: "T-1", Policy: "citrus", Sale: flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 28}, Receipt: "R-7"}}
	if got := newSaleModel(ukScreen(t, "citrus", c)).v.date; got != "28.11.2026" {
		t.Errorf("the day shows as %q", got)
	}
	if got := newSaleModel(testScreen(t, "citrus", c)).v.date; got != "2026-11-28" {
		t.Errorf("in English the day shows as %q", got)
	}
}
