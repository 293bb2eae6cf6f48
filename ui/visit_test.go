package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/printout/printouttest"
)

// The receipt R-2001 of the visit tests: a phone and its case, imported.
var (
	visitPhone = flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 15}, Receipt: "R-2001", Line: 1, Model: "Galaxy S24",
		Serial: "490154203237518", Price: flow.Money{Minor: 2599900, Currency: "UAH"}, Tender: flow.TenderCard,
		Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12}
	visitCase = flow.Sale{Date: visitPhone.Date, Receipt: "R-2001", Line: 2, Model: "Чохол Galaxy S24",
		Price: flow.Money{Minor: 49900, Currency: "UAH"}, Tender: flow.TenderCard, Condition: flow.ConditionNew,
		Market: flow.MarketEU}
)

// visitRoot is a kiosk on a store that imported R-2001, Ivan logged in.
func visitRoot(t *testing.T, l lang.Lang) *rootT {
	t.Helper()
	r := newRoot(t, "generic")
	if _, err := r.st.ImportSales([]flow.Sale{visitPhone, visitCase}, "pos.csv", "Olena", r.now); err != nil {
		t.Fatal(err)
	}
	if l != lang.EN {
		r.speaks(l)
	}
	r.login("Ivan", "1111")
	return r
}

// phoneRefunded walks the phone of R-2001 to its refund, paid by card, to
// the act screen.
func phoneRefunded(r *rootT) {
	r.t.Helper()
	r.keys(typed("n"), typed("R-2001"), kEnter)
	r.requireView("Galaxy S24", "Чохол Galaxy S24")
	r.keys(kEnter)                                                                        // the phone's line
	r.keys(kEnter)                                                                        // the sale found, whole
	r.keys(kEnter, kEnter, kEnter)                                                        // return, refund, in person
	r.keys(kDown, kDown, typed("x"), kDown, typed("x"))                                   // the warranty card and the passport
	r.keys(kEnter, kEnter, typed("123456789"), kEnter, typed("Petrenko"), kEnter, kEnter) // an ID card, its number, the name
	r.requireView(r.at(flow.StepInspection))
	r.keys(kEnter)
	r.requireView(r.at(flow.StepDecision))
	r.keys(kEnter)
	r.requireView(r.m.staffText.T("Both the customer and the cashier sign the printed act."), "R-2001")
}

// TestVisitOfTwoItems: a phone and its case returned in one visit: the
// case, without a serial, takes the receipt's other line, the request, the
// documents and the passport of the phone, and goes from its line to its
// own inspection; the phone is refunded, the case rejected; the visit's two
// cases are in the store, each with its act; the store checks clean.
func TestVisitOfTwoItems(t *testing.T) {
	r := visitRoot(t, lang.EN)
	phoneRefunded(r)
	r.requireView("a: another item of receipt R-2001 (its own inspection and decision)")
	phoneID := r.m.c.ID
	r.keys(typed("a"))
	r.requireView("Item 2 of receipt R-2001", "Sale found under R-2001: fill in what it does not say",
		"receipt R-2001 line 2", "empty when the item has none")
	r.keys(kEnter, kEnter, kEnter, kEnter, kEnter) // model, no serial, new, no warranty stated, EU
	r.requireView(r.at(flow.StepInspection), "The item has no serial/IMEI")
	if strings.Contains(r.view(), "Serial/IMEI matches") {
		t.Fatalf("the case's inspection asks its serial:\n%s", r.view())
	}
	r.keys(typed("1"), kEnter) // signs of use
	r.requireView("R E J E C T")
	r.keys(kEnter)
	r.requireView("Return act No. ", "REJECT, closed")
	caseID := r.m.c.ID

	cases, err := r.st.VisitCases(caseID)
	must(t, err)
	if len(cases) != 2 || cases[0].ID != phoneID || cases[1].ID != caseID {
		t.Fatalf("the visit: %v", idsOf(cases))
	}
	phone, item := cases[0], cases[1]
	if phone.Outcome() != flow.OutcomeRefund || phone.Status != flow.StatusClosed ||
		item.Outcome() != flow.OutcomeReject || item.Status != flow.StatusClosed {
		t.Errorf("outcomes: %s %s / %s %s", phone.Outcome(), phone.Status, item.Outcome(), item.Status)
	}
	if item.Visit != phone.ID || item.Sale != visitCase || item.Request != phone.Request ||
		item.Passport.Key != phone.Passport.Key || !item.Has(flow.DocPassport) || !item.Inspection.SerialMatches {
		t.Errorf("the case: %+v", item)
	}
	dir := filepath.Join(r.dir, "acts")
	phoneAct, act := flat(printouttest.LastAct(t, dir, phone.ID)), flat(printouttest.LastAct(t, dir, item.ID))
	if strings.Contains(phoneAct, "ITEM 1 OF") {
		t.Errorf("the phone's act, of the visit's first item, lists a visit:\n%s", phoneAct)
	}
	// the act of the visit's last item lists both, each with its decision
	for _, want := range []string{"Serial/IMEI none: the item has no serial", "ITEM 1 OF 2: Galaxy S24",
		"Receipt R-2001, line 1 Serial/IMEI 490154203237518", "Outcome REFUND", "ITEM 2 OF 2: Чохол Galaxy S24",
		"Receipt R-2001, line 2 Serial/IMEI none: the item has no serial", "! Outcome REJECT"} {
		if !strings.Contains(act, want) {
			t.Errorf("the case's act does not say %q:\n%s", want, act)
		}
	}
	if strings.Contains(act, "Serial/IMEI matches") {
		t.Errorf("the case's act lists a serial check:\n%s", act)
	}
	refunds, err := r.st.Trail(phone.ID)
	must(t, err)
	paid := 0
	for _, ev := range refunds {
		if ev.Kind == store.EventRefundPaid {
			paid++
		}
	}
	if paid != 1 {
		t.Errorf("the phone's refund paid %d times", paid)
	}
	r.requireView("another item of receipt R-2001")
	r.keys(typed("a"))
	r.requireView("Every line of R-2001 found is in this visit")
	r.keys(kEsc, kEsc)
	r.requireView("Home")
	must(t, r.st.Close())
	if _, err := store.CheckFile(filepath.Join(r.dir, store.FileName), store.CheckOptions{}); err != nil {
		t.Fatalf("check: %v", err)
	}
}

// TestVisitTypedFromThePaperReceipt: a receipt not imported: the next item
// is typed, its day, receipt and tender kept, on the receipt's next line.
func TestVisitTypedFromThePaperReceipt(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("Return act No. ", "REFUND, closed")
	first := r.m.c.ID
	r.keys(typed("a"))
	r.requireView("Item 2 of receipt R-1001", "No sale found under R-1001")
	// the day and the receipt are the first item's; a model, no serial, a price
	r.keys(kEnter, kEnter, typed("Charger 20W"), kEnter, kEnter, typed("899"), kEnter, kEnter, kEnter, kEnter, kEnter)
	r.requireView(r.at(flow.StepInspection), "The item has no serial/IMEI")
	r.keys(kEnter)
	r.requireView("R E F U N D")
	r.keys(kEnter, typed("y"))
	r.requireView("Return act No. ", "REFUND, closed")
	cases, err := r.st.VisitCases(first)
	must(t, err)
	if len(cases) != 2 {
		t.Fatalf("the visit: %v", idsOf(cases))
	}
	c := cases[1]
	if c.Sale.Receipt != "R-1001" || c.Sale.Line != 2 || c.Sale.Date != cases[0].Sale.Date || c.Sale.Serial != "" ||
		c.Sale.Model != "Charger 20W" || c.Sale.Price.Minor != 89900 || c.Visit != first {
		t.Fatalf("the charger's sale: %+v", c.Sale)
	}
	if lc, err := r.st.LineCase(c.Sale, ""); err != nil || lc == nil || lc.ID != c.ID || !lc.Refunded {
		t.Errorf("the charger's line: %+v %v", lc, err)
	}
}

func TestVisitGolden(t *testing.T)   { visitGolden(t, lang.EN) }
func TestVisitGoldenUK(t *testing.T) { visitGolden(t, lang.UK) }

// visitGolden: the act screen that offers another item of the receipt, the
// next item's sale line, found among the receipt's lines the visit has not
// taken, and its inspection, which asks no serial.
func visitGolden(t *testing.T, l lang.Lang) {
	screen := testScreen
	if l == lang.UK {
		screen = ukScreen
	}
	t.Run("act", func(t *testing.T) {
		a := actScreen(t, l, true)
		a.c.Done = a.c.Done.With(flow.StepSale)
		goldenAfter(t, a, "R-1001 (")
	})
	first := &flow.Case{ID: "T-1", Policy: "generic", Sale: visitPhone, Done: flow.StepSet(0).With(flow.StepSale),
		Request: flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}, Documents: []flow.Document{flow.DocReceipt}}
	next := first.NextItem("T-2", time.Date(2026, 11, 20, 10, 5, 0, 0, kyiv), "Ivan", []flow.Sale{visitPhone})
	t.Run("next item", func(t *testing.T) {
		ctx := screen(t, "generic", &next)
		ctx.visit = []flow.Sale{visitPhone}
		goldenView(t, newSaleModel(ctx), "Galaxy S24", salesFoundMsg{query: "R-2001", sales: []flow.Sale{visitPhone, visitCase}})
	})
	t.Run("its inspection", func(t *testing.T) {
		c := next
		c.Sale = visitCase
		goldenView(t, newInspectModel(screen(t, "generic", &c)), "IMEI")
	})
}

func idsOf(cs []*flow.Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}
