package ui

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// TestAnImportedSaleIsTheTruth: a sale found in the sales import is shown,
// not typed over; typed over from the paper form it is refused; a shift
// lead's PIN and reason correct it, which is on the trail and flags the
// case.
func TestAnImportedSaleIsTheTruth(t *testing.T) {
	r := newRoot(t, "citrus")
	imp := flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 10}, Receipt: "R-1001", Line: 1, Model: "Phone X",
		Serial: "490154203237518", Price: flow.Money{Minor: 4199900, Currency: "UAH"}, Tender: flow.TenderCard,
		Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12}
	if _, err := r.st.ImportSales([]flow.Sale{imp}, "pos.csv", "Olena", r.now); err != nil {
		t.Fatal(err)
	}
	r.login("Ivan", "1111")

	// typed from the paper receipt, at another price: refused
	r.keys(typed("n"), kCtrlT)
	r.keys(join(replace("2026-11-10"), replace("R-1001"), replace("Phone X"), replace("490154203237518"),
		replace("45999.00"), kEnter, kEnter, replace("12"), kEnter)...)
	r.requireView("not saved", "differs from the sales import", "price 41999.00 UAH ->", "45999.00 UAH; tender card",
		"to take it as it is", "have a shift lead correct it")
	r.keys(kEsc)
	r.requireView("Home")

	// looked up: shown, one key to use it; e asks a shift lead
	r.keys(typed("n"), typed("R-1001"), kEnter)
	r.requireView("Sale found in the sales import", "41999.00 UAH", "e  a shift lead corrects it")
	r.keys(typed("e"))
	r.requireView("A shift lead corrects the imported sale", "Shift lead", "PIN", "Reason for the correction")
	r.keys(typed("Olena"), kEnter, typed("9999"), kEnter, typed("the POS rang the wrong price"), kEnter)
	r.requireView("! ")
	r.keys(kClear, typed("Olena"), kEnter, kClear, typed("123456"), kEnter, kClear, typed("the POS rang the wrong price"), kEnter)
	r.requireView("Shift lead Olena corrects the imported sale", "Price in UAH")
	r.keys(join(kEnter, kEnter, kEnter, kEnter, replace("45999.00"), kEnter, kEnter, kEnter, kEnter)...)
	r.requireView("[Request]")
	c, err := r.st.Case(r.m.c.ID)
	must(t, err)
	if c.Sale.Price.Minor != 4599900 || c.SaleCorrection == nil || c.SaleCorrection.By != "Olena" ||
		c.Imported == nil || c.Imported.Price.Minor != 4199900 {
		t.Fatalf("sale %+v, correction %+v, imported %+v", c.Sale, c.SaleCorrection, c.Imported)
	}
	trail, err := r.st.Trail(c.ID)
	must(t, err)
	if d := trail[len(trail)-1].Detail; !strings.Contains(d, "corrected by shift lead Olena (the POS rang the wrong price): price 41999.00 UAH -> 45999.00 UAH") {
		t.Fatalf("the trail says %q", d)
	}
	d, err := r.st.Detail(c.ID)
	must(t, err)
	if !d.Summary.Flags.Has(store.FlagSaleCorrected) {
		t.Fatalf("not flagged: %s", d.Summary.Flags)
	}
}
