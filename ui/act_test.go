package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/printout"
	"example.com/returnsdesk/ui/printout/printouttest"
)

// TestActInTheStoresLanguage: a Ukrainian store's kiosk decides in
// Ukrainian (the explanation the cashier reads aloud) and writes the act
// the customer signs in Ukrainian: its title, labels and words, the amount
// as 19 999,00 грн, the days as dd.mm.yyyy, the clauses by their ids.
func TestActInTheStoresLanguage(t *testing.T) {
	r := newRoot(t, "citrus")
	r.speaks(lang.UK)
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter)
	r.requireView("П О В Е Р Н Е Н Н Я", "день 10 із 14: у межах строку повернення")
	r.keys(kEnter, typed("n")) // the till has no cash: the refund is owed
	r.requireView("Кошти до повернення: телефон покупця", "до 27.11.2026")
	r.keys(typed("067 12"), kEnter)
	r.requireView("не номер телефону")
	r.keys(typed("3 45 67"), kEnter)
	r.requireView("складено")
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), r.m.c.ID))
	for _, want := range []string{"АКТ ПОВЕРНЕННЯ ТОВАРУ №\u00a01", "Магазин Test store", "Номер звернення " + r.m.c.ID,
		"20.11.2026 10:00, працівник: Ivan", "10.11.2026", "19\u00a0999,00\u00a0грн, спосіб оплати: готівка",
		"повернення товару; бажає: повернення коштів", "Документи чек, гарантійний талон",
		"Сліди використання: подряпини, сколи, потертості? ні", "Рішення ПОВЕРНЕННЯ КОШТІВ",
		"Пункти правил: window, refund-payout", "1. день 10 із 14: у межах строку повернення",
		"у касі бракує готівки: повернення коштів 19\u00a0999,00\u00a0грн до 27.11.2026",
		"Сума повернення 19\u00a0999,00\u00a0грн", "Повернути до 27.11.2026", "Статус кошти до повернення",
		"ЩО ДАЛІ Магазин поверне вам 19\u00a0999,00\u00a0грн (спосіб: готівка) до 27.11.2026.",
		"ПОКУПЕЦЬ Телефон +380 67 123 45 67", "Покупець: ___", "Касир (Ivan): ___"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act lacks %q:\n%s", want, act)
		}
	}
	for _, english := range []string{"RETURN ACT", "Store", "Case ", "Date", "Price", "Outcome", "Clauses",
		"Amount", "Refund by", "Status", "Customer", "Cashier", "UAH", "2026-11", " yes", " no ", "refund owed",
		"within the return window", "WHAT NEXT"} {
		if strings.Contains(act, english) {
			t.Errorf("the Ukrainian act says %q:\n%s", english, act)
		}
	}
}

// TestPayoutSlipInTheStoresLanguage: the slip of a refund paid at the till
// of a Ukrainian store is in Ukrainian.
func TestPayoutSlipInTheStoresLanguage(t *testing.T) {
	r := newRoot(t, "citrus")
	r.speaks(lang.UK)
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("складено", "Акт виплати: ")
	data, err := os.ReadFile(filepath.Join(r.dir, "acts", r.m.c.ID+"-payout-1.txt"))
	must(t, err)
	lines := string(data)
	slip := flat(data)
	for _, want := range []string{"АКТ ВИПЛАТИ КОШТІВ ЗА ПОВЕРНЕНИЙ ТОВАР (виплата № 1) №\u00a02", "Магазин Test store",
		"R-1001 від 10.11.2026", "До повернення 19\u00a0999,00\u00a0грн (сплачена ціна)",
		"Виплачено зараз 19\u00a0999,00\u00a0грн, спосіб повернення: готівка", "19\u00a0999,00\u00a0грн за 1 виплату",
		"немає: кошти повернуто повністю", "20.11.2026 10:00", "Покупець (отримав 19\u00a0999,00\u00a0грн): ___",
		"Працівник (Ivan): ___"} {
		if !strings.Contains(slip, want) {
			t.Errorf("the slip lacks %q:\n%s", want, slip)
		}
	}
	for _, english := range []string{"PAYOUT", "Store:", "Paid", "owed", "UAH", "2026-11", "Customer", "Staff"} {
		if strings.Contains(slip, english) {
			t.Errorf("the Ukrainian slip says %q:\n%s", english, slip)
		}
	}
	for i, l := range strings.Split(lines, "\n") {
		if n := len([]rune(l)); n > printout.FileWidth {
			t.Errorf("line %d is %d wide: %q", i+1, n, l)
		}
	}
}
