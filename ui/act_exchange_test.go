package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/paper"
	"example.com/returnsdesk/ui/printout/printouttest"
	tea "github.com/charmbracelet/bubbletea"
)

// exchangedWith is the exchange case of l given a replacement at minor,
// in cash, on 21.11.2026, settled as status.
func exchangedWith(t *testing.T, l lang.Lang, minor int64, noSerial bool, status flow.Status) *flow.Case {
	t.Helper()
	c := exchangeCase(t, l)
	c.Opened = time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC)
	c.Replacement = &flow.Replacement{Model: "Phone X 64GB", Serial: "356938035643809", NoSerial: noSerial,
		Price: flow.Money{Minor: minor, Currency: "UAH"}, Tender: flow.TenderCash,
		Given: time.Date(2026, time.November, 21, 22, 30, 0, 0, time.UTC), By: "Ivan",
		RefundBy: flow.Date{Year: 2026, Month: time.November, Day: 27}}
	if noSerial {
		c.Replacement.Serial = ""
	}
	c.Status = status
	return c
}

// itemsOf is a section's items as "label: value" lines.
func itemsOf(s paper.Section) string {
	var b strings.Builder
	for _, it := range s.Items {
		if it.Label != "" {
			b.WriteString(it.Label + ": ")
		}
		b.WriteString(it.Value + "\n")
	}
	return b.String()
}

// TestExchangeSection: the act's section names both items with their
// serials and prices, the day the replacement's warranty starts (the day
// given, in the store's zone: Kyiv's 22.11.2026 for 22:30 UTC on the
// 21st), and the difference each way, in English and in Ukrainian.
func TestExchangeSection(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	must(t, err)
	tests := []struct {
		name     string
		l        lang.Lang
		minor    int64
		noSerial bool
		status   flow.Status
		want     []string
	}{
		{"dearer", lang.EN, 2499900, false, flow.StatusExchanged, []string{"EXCHANGE",
			"Item returned: Phone X 128GB", "Serial/IMEI: 490154203237518", "Price: 19999.00 UAH",
			"Item given: Phone X 64GB", "Serial/IMEI: 356938035643809", "Price: 24999.00 UAH",
			"Warranty from: 2026-11-22, the day of the exchange",
			"To pay: 5000.00 UAH, the price difference, paid by the customer at the till in cash"}},
		{"cheaper, paid", lang.EN, 1499900, false, flow.StatusExchanged, []string{
			"Refunded: 5000.00 UAH, the price difference, in cash"}},
		{"cheaper, owed", lang.EN, 1499900, false, flow.StatusRefundOwed, []string{
			"To refund: 5000.00 UAH, the price difference, in cash, by 2026-11-27"}},
		{"an accessory at the same price", lang.EN, 1999900, true, flow.StatusExchanged, []string{
			"Serial/IMEI: none (an accessory)", "Difference: none: the same price"}},
		{"dearer", lang.UK, 2499900, false, flow.StatusExchanged, []string{"ОБМІН",
			"Повернений товар: Phone X 128GB", "Ціна: 19\u00a0999,00\u00a0грн", "Товар на заміну: Phone X 64GB",
			"Серійний №/IMEI: 356938035643809", "Гарантія з: 22.11.2026, день обміну",
			"До сплати: 5\u00a0000,00\u00a0грн — різниця в ціні, покупець доплачує на касі (готівка)"}},
		{"cheaper, owed", lang.UK, 1499900, false, flow.StatusRefundOwed, []string{
			"До повернення: 5\u00a0000,00\u00a0грн — різниця в ціні (готівка), до 27.11.2026"}},
		{"an accessory at the same price", lang.UK, 1999900, true, flow.StatusExchanged, []string{
			"Серійний №/IMEI: немає (аксесуар)", "Різниця: немає: ціна та сама"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.l)+"/"+tt.name, func(t *testing.T) {
			c := exchangedWith(t, tt.l, tt.minor, tt.noSerial, tt.status)
			sec, ok := exchangeSection(lang.For(tt.l), c, kyiv)
			if !ok {
				t.Fatal("no section for an exchange")
			}
			got := sec.Title + "\n" + itemsOf(sec)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the section lacks %q:\n%s", w, got)
				}
			}
			if tt.l == lang.UK {
				checkSpeaks(t, got)
			}
		})
	}
	refund := decidedCase(t, "generic", nil)
	if _, ok := exchangeSection(lang.English(), refund, kyiv); ok {
		t.Error("a refund has an exchange section")
	}
	if _, ok := exchangeSection(lang.English(), exchangeCase(t, lang.EN), kyiv); ok {
		t.Error("an exchange without its replacement has a section")
	}
}

// walkToExchange walks a case (a cash sale at 19999.00) to its decision
// as an exchange the customer asked for.
func walkToExchange(r *rootT, saleDate string) {
	r.t.Helper()
	r.keys(typed("n"))
	r.keys(saleKeys(saleDate, "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView(r.at(flow.StepRequest))
	r.keys(kEnter, kDown, kEnter, kEnter) // return, exchange, in person
	r.requireView(r.at(flow.StepDocuments))
	r.keys(kDown, kDown, typed("x"), kEnter) // the receipt is ticked already; the warranty card
	r.requireView(r.at(flow.StepInspection))
	r.keys(kEnter)
}

// TestExchangeCheaperAtTheTill: an exchange for a cheaper replacement in
// the kiosk: the decision, the replacement's form, the till's cash for
// the difference, the act naming both items with the difference refunded,
// the payout slip of the difference, the case closed with one payment;
// the store checks.
func TestExchangeCheaperAtTheTill(t *testing.T) {
	r := newRoot(t, "generic")
	r.login("Ivan", "1111")
	walkToExchange(r, "2026-11-10")
	r.requireView("E X C H A N G E")
	r.keys(kEnter)
	r.requireView(r.at(flow.StepReplacement), "In exchange for Phone X (19999.00 UAH)")
	r.keys(join(replace("Phone X Lite"), kEnter, replace("356938035643809"), replace("14999.00"))...)
	r.requireView("The store refunds the difference of 5000.00 UAH.")
	r.keys(kEnter) // in cash, the sale's tender
	r.requireView("Pay the refund of 5000.00 UAH from the till now?")
	r.keys(typed("y"))
	r.requireView("Return act No. 1 written", "Payout slip:")
	id := r.m.c.ID
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), id))
	for _, want := range []string{"EXCHANGE Item returned Phone X Serial/IMEI 490154203237518 Price 19999.00 UAH",
		"Item given Phone X Lite Serial/IMEI 356938035643809 Price 14999.00 UAH",
		"Warranty from 2026-11-20, the day of the exchange", "Refunded 5000.00 UAH, the price difference, in cash"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act lacks %q:\n%s", want, act)
		}
	}
	slip := flat([]byte(readAct(t, r.dir, id+"-payout-1.txt")))
	for _, want := range []string{"5000.00 UAH (the price difference of the exchange)", "5000.00 UAH, in cash",
		"nothing: the refund is paid in full"} {
		if !strings.Contains(slip, want) {
			t.Errorf("the slip lacks %q:\n%s", want, slip)
		}
	}
	r.keys(kEnter, typed("l"))
	r.login("Olena", "123456") // the desk's case: what was given, and the difference refunded
	r.keys(typed("d"), kEnter)
	r.requireView("Phone X Lite (356938035643809), 14999.00 UAH, given by Ivan",
		"the difference of 5000.00 UAH is refunded", "5000.00 UAH paid in cash by Ivan")
	d, err := r.st.Detail(id)
	must(t, err)
	if d.Case.Status != flow.StatusClosed || d.Case.Replacement == nil || d.Case.Replacement.By != "Ivan" ||
		len(d.Payments) != 1 || d.Payments[0].Amount.Minor != 500000 {
		t.Fatalf("the case: %s, %+v, payments %+v", d.Case.Status, d.Case.Replacement, d.Payments)
	}
	trail, err := r.st.Trail(id)
	must(t, err)
	said := ""
	for _, ev := range trail {
		if ev.Kind == store.EventDecision {
			said = ev.DetailIn(lang.For(lang.UK))
		}
	}
	if want := "обміняно на Phone X Lite (356938035643809, 14\u00a0999,00\u00a0грн): покупцеві повертають " +
		"різницю 5\u00a0000,00\u00a0грн (готівка)"; said != want {
		t.Errorf("the decision's event says %q, want %q", said, want)
	}
	if _, err := r.st.Check(store.CheckOptions{}); err != nil {
		t.Fatalf("check: %v", err)
	}
}

// TestExchangeDifferenceOwedUK: in a Ukrainian store, a cheaper
// replacement while the till lacks cash: the difference is owed by the
// policy's day, said on the act in Ukrainian; no slip yet; esc at the
// till's question goes back to the replacement as typed.
func TestExchangeDifferenceOwedUK(t *testing.T) {
	r := newRoot(t, "generic")
	r.speaks(lang.UK)
	r.login("Ivan", "1111")
	walkToExchange(r, "2026-11-10")
	r.keys(kEnter)
	r.requireView("Замість Phone X")
	r.keys(replacementKeys("Phone X Lite", "356938035643809", "14 999,00")...)
	r.requireView("5\u00a0000,00\u00a0грн")
	r.keys(kEsc)
	r.requireView(r.at(flow.StepReplacement), "> Phone X Lite", "> 14999.00")
	r.keys(kEnter, kEnter, kEnter, kEnter, kEnter)
	r.keys(typed("т")) // no, on the Ukrainian layout
	r.requireView("Кошти до повернення: телефон покупця")
	r.keys(kEnter) // no phone
	r.requireView("Акт повернення товару № 1 складено")
	if strings.Contains(r.view(), "payout") {
		t.Errorf("a slip for a difference owed:\n%s", r.view())
	}
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), r.m.c.ID))
	for _, want := range []string{"ОБМІН", "Товар на заміну Phone X Lite", "До повернення",
		"5\u00a0000,00\u00a0грн — різниця в ціні (готівка), до 27.11.2026", "кошти до повернення"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act lacks %q:\n%s", want, act)
		}
	}
	id := r.m.c.ID
	c, err := r.st.Case(id)
	must(t, err)
	if c.Status != flow.StatusRefundOwed || c.RefundBy().String() != "2026-11-27" {
		t.Fatalf("the case is %s by %v", c.Status, c.RefundBy())
	}
	// a shift lead pays the difference at the desk: its slip, the case exchanged
	r.keys(kEnter, typed("l"))
	r.login("Olena", "123456")
	r.keys(typed("d"), typed("2"), kTab, typed("p"))
	r.requireView("5\u00a0000,00")
	r.keys(kEnter, kEnter)
	r.requireView(id+"-payout-1.pdf", "✓ Виплачено 5\u00a0000,00\u00a0грн (готівка)")
	slip := flat([]byte(readAct(t, r.dir, payoutFile(id, 1))))
	if !strings.Contains(slip, "5\u00a0000,00\u00a0грн (різниця в ціні під час обміну)") {
		t.Errorf("the slip:\n%s", slip)
	}
	if c, err = r.st.Case(id); err != nil || c.Status != flow.StatusExchanged {
		t.Fatalf("after the payment the case is %s (%v)", c.Status, err)
	}
	if _, err := r.st.Check(store.CheckOptions{}); err != nil {
		t.Fatalf("check: %v", err)
	}
}

func payoutFile(id string, n int) string { return fmt.Sprintf("%s-payout-%d.txt", id, n) }

// TestExchangeDearer: a dearer replacement: no question of the till's
// cash; the act says what the customer pays at the till; the day's close
// at the desk counts the difference taken, and no refund.
func TestExchangeDearer(t *testing.T) {
	r := newRoot(t, "generic")
	r.login("Ivan", "1111")
	walkToExchange(r, "2026-11-10")
	r.keys(kEnter)
	r.keys(replacementKeys("Phone X Pro", "356938035643809", "24999.00")...)
	r.requireView("Return act No. 1 written")
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), r.m.c.ID))
	if !strings.Contains(act, "To pay 5000.00 UAH, the price difference, paid by the customer at the till in cash") {
		t.Errorf("the act:\n%s", act)
	}
	r.keys(kEnter, typed("l"))
	r.login("Olena", "123456")
	r.keys(typed("d"), typed("3"))
	r.requireView("Price differences taken in exchanges: 1 · cash 5000.00 UAH", "Refunds paid by tender (0)")
}

func readAct(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "acts", name))
	must(t, err)
	return string(data)
}

// TestExchangeRefusedKeepsTheReplacement: the exchange's settling save is
// refused (the receipt line was refunded at another till meanwhile, so its
// difference cannot be): the refusal is shown, and the replacement's form
// comes back as it was typed, its decision kept, nothing claimed saved.
func TestExchangeRefusedKeepsTheReplacement(t *testing.T) {
	r := newRoot(t, "generic")
	r.login("Ivan", "1111")
	walkToExchange(r, "2026-11-10")
	r.keys(kEnter)
	r.keys(replacementKeys("Phone X Lite", "356938035643809", "14999.00")...)
	r.requireView("Pay the refund of 5000.00 UAH from the till now?")
	paid := r.seed(seedCase{n: 9, at: "2026-11-20 09:30", staff: "Olena", receipt: "R-1001", model: "Phone X",
		price: 1999900, tender: flow.TenderCash, d: refund(deskDay), status: flow.StatusClosed})
	r.keys(typed("y"))
	r.requireView("not saved", "already refunded", paid, r.at(flow.StepReplacement), "> Phone X Lite",
		"> 356938035643809", "> 14999.00")
	if strings.Contains(r.view(), "Return act written") {
		t.Fatalf("the act claimed:\n%s", r.view())
	}
	stored, err := r.st.Case(r.m.c.ID)
	must(t, err)
	if stored.Status != flow.StatusOpen || stored.Replacement != nil || r.m.c.Decision == nil {
		t.Fatalf("stored %s with %+v; the decision at hand %v", stored.Status, stored.Replacement, r.m.c.Decision)
	}
	r.keys(kEsc) // back to the decision, whose keys work
	r.requireView("E X C H A N G E")
}

// TestExchangeByDeliveryOwesTheDifference: an item sent by a delivery
// service exchanged for a cheaper one: no question of the till's cash,
// the difference owed by the policy's day, no payout slip.
func TestExchangeByDeliveryOwesTheDifference(t *testing.T) {
	r := newRoot(t, "generic")
	r.login("Ivan", "1111")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView(r.at(flow.StepRequest))
	r.keys(kEnter, kDown, kEnter, kDown, kEnter) // return, exchange, by a delivery service
	r.requireView(r.at(flow.StepDocuments))
	r.keys(kDown, kDown, typed("x"), kEnter)
	r.requireView(r.at(flow.StepInspection))
	r.keys(kEnter)
	r.requireView("E X C H A N G E")
	r.keys(kEnter)
	r.keys(replacementKeys("Phone X Lite", "356938035643809", "14999.00")...)
	r.keys(kEnter) // no phone
	r.requireView("Return act No. 1 written", "EXCHANGE, refund owed")
	if strings.Contains(r.view(), "Payout slip") {
		t.Errorf("a slip for a difference owed:\n%s", r.view())
	}
	c, err := r.st.Case(r.m.c.ID)
	must(t, err)
	if c.Status != flow.StatusRefundOwed || c.RefundBy().String() != "2026-11-27" || c.RefundDue().Minor != 500000 {
		t.Fatalf("the case is %s, %v by %v", c.Status, c.RefundDue(), c.RefundBy())
	}
}

// TestLeadDecidesOtherwiseAfterAReplacement: a shift lead decides an
// escalated case as an exchange, the replacement is typed, then the
// cashier goes back and the lead decides a refund instead: the refund is
// paid and the case keeps no replacement.
func TestLeadDecidesOtherwiseAfterAReplacement(t *testing.T) {
	r := newRoot(t, "icenter") // a return of new goods: the text is silent, a lead decides
	r.login("Olena", "123456")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-7", "iPhone 15", "490154203237518", "41999.00")...)
	r.keys(kEnter, kEnter, kEnter, kEnter, kEnter) // return, refund, in person; the receipt; inspection
	r.requireView("a shift lead decides")
	r.keys(kEnter)
	lead := func(outcome ...tea.Msg) {
		r.requireView("A shift lead decides", "Shift lead")
		r.keys(kClear, typed("Petro"), kEnter, typed("567890"), kEnter)
		r.keys(outcome...)
		r.keys(kEnter, typed("art. 9 gives 14 days"), kEnter)
	}
	lead() // exchange, the first answer
	r.keys(join(replace("iPhone 15 Lite"), kEnter, replace("356938035643809"), replace("31999.00"), kEnter)...)
	r.requireView("Pay the refund of 10000.00 UAH from the till now?")
	r.keys(kEsc)
	r.requireView(r.at(flow.StepReplacement), "> iPhone 15 Lite")
	r.keys(kEsc)
	r.requireView("a shift lead decides")
	r.keys(kEnter)
	lead(kUp) // a refund
	r.requireView("Pay the refund of 41999.00 UAH from the till now?")
	r.keys(typed("y"))
	r.requireView("act No. ", "REFUND")
	c, err := r.st.Case(r.m.c.ID)
	must(t, err)
	if c.Outcome() != flow.OutcomeRefund || c.Replacement != nil || c.Done.Has(flow.StepReplacement) {
		t.Fatalf("the case: %s, replacement %+v, done %v", c.Outcome(), c.Replacement, c.Done)
	}
	d, err := r.st.Detail(c.ID)
	must(t, err)
	if len(d.Payments) != 1 || d.Payments[0].Amount.Minor != 4199900 {
		t.Fatalf("payments %+v", d.Payments)
	}
}
