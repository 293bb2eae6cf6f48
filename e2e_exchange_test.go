package main

// End-to-end: an exchange with a price difference, with the real binary in
// tmux, in a Ukrainian store. A cashier exchanges a phone bought for
// 19 999,00 грн in cash for a cheaper one at 14 999,00: the replacement's
// form says the store refunds 5 000,00 грн, the till lacks the cash, so the
// difference is owed by the policy's day; the act names both items and the
// day the replacement's warranty starts; a shift lead pays the difference
// at the desk, with its payout slip, and the store checks.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const replacementIMEI = "356938035643809" // another phone's: 15 digits, Luhn check digit right

func TestE2EExchangeWithDifference(t *testing.T) {
	t.Parallel()
	needTmux(t)
	dir := moneyStore(t, "Exchange store")
	tm := startKiosk(t, dir)
	tm.waitFor("Каса повернень · Exchange store", "Вхід")
	tm.loginAs(cashierName, cashierPIN)

	tm.typeSale(sale{date: daysAgo(t, 3), receipt: "R-5001", model: "Samsung Galaxy A55", price: "19999.00",
		months: "12"})
	tm.waitFocus("Що покупець каже про товар?")
	tm.enterTo("Чого хоче покупець?")
	tm.press("Down")
	tm.waitFor("> обмін: інший товар")
	tm.enterTo("Як повернули товар?")
	tm.press("Enter")
	tm.waitFor("✓Вимога", "[Документи]")
	tm.documents()
	tm.press("Enter") // a clean item
	tm.waitFor("О Б М І Н", "[Рішення]")
	tm.press("Enter")

	// the replacement: a cheaper phone, the difference refunded
	tm.waitFor("[Заміна]", "Замість Samsung Galaxy A55 (19\u00a0999,00\u00a0грн) покупець отримує:")
	tm.waitFocus("Модель товару на заміну")
	tm.typeText("Samsung Galaxy A35")
	tm.enterTo("Чи є в нього серійний номер або IMEI?")
	tm.enterTo("Його серійний номер або IMEI")
	tm.typeText(replacementIMEI)
	tm.enterTo("Його ціна, грн")
	tm.typeText("14 999,00")
	tm.waitFor("Магазин повертає різницю 5\u00a0000,00\u00a0грн.")
	tm.enterTo("Різницю сплачено")
	tm.waitFor("готівка") // the sale's tender
	tm.press("Enter")
	tm.waitFor("Виплатити 5\u00a0000,00\u00a0грн з каси зараз?")
	tm.press("n") // the till lacks the cash: the difference is owed
	tm.waitFor("Кошти до повернення: телефон покупця")
	tm.press("Enter") // no phone
	s := tm.waitFor("Акт повернення товару № 1 складено", "ОБМІН, кошти до повернення")
	id := regexp.MustCompile(`Справа (\w+): ОБМІН`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	if strings.Contains(s, "payout") {
		t.Errorf("a payout slip for a difference owed:\n%s", s)
	}
	due := storeToday(t).AddDate(0, 0, 7).Format("02.01.2006")
	act := squeezed(readAct(t, dir, id[1]))
	for _, want := range []string{"ОБМІН Повернений товар Samsung Galaxy A55 Серійний №/IMEI " + imei +
		" Ціна 19 999,00 грн Товар на заміну Samsung Galaxy A35 Серійний №/IMEI " + replacementIMEI +
		" Ціна 14 999,00 грн", "Гарантія з " + storeToday(t).Format("02.01.2006") + ", день обміну",
		"До повернення 5 000,00 грн — різниця в ціні (готівка), до " + due} {
		if !strings.Contains(act, want) {
			t.Errorf("the act does not say %q:\n%s", want, act)
		}
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Справа "+id[1]+": кошти до повернення")
	tm.press("l")

	// the shift lead pays the difference owed at the desk
	tm.loginAs(leadName, leadPIN)
	tm.press("d")
	tm.press("2")
	tm.press("Tab")
	tm.waitFor("[До виплати (1)]", "Samsung Ga", "5\u00a0000,00")
	tm.press("p")
	tm.waitFor("Позначити виплату коштів", "5\u00a0000,00")
	tm.press("Enter") // cash, the replacement's tender
	tm.press("Enter") // the rest still owed
	tm.waitFor("✓ Виплачено 5\u00a0000,00\u00a0грн (готівка)", id[1]+"-payout-1.pdf")
	slip, err := os.ReadFile(filepath.Join(dir, "acts", id[1]+"-payout-1.txt"))
	if err != nil || !strings.Contains(string(slip), "5\u00a0000,00\u00a0грн (різниця в ціні під час обміну)") {
		t.Errorf("the difference's payout slip: %v\n%s", err, slip)
	}
	backOffice(t, "check", "--data", dir) // exits 0: the store checks, the payments of the difference among it
	rows := ofReceipt(exported(t, dir, storeToday(t).Format("2006-01-02")), "R-5001")
	if len(rows) != 1 || rows[0]["status"] != "exchanged" || rows[0]["refund_amount"] != "5000.00" {
		t.Errorf("the exchange exported: %v", rows)
	}
}
