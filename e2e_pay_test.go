package main

// End-to-end: a refund owed paid in parts at the shift lead's desk, with
// the real binary in tmux. The lead pays part of a refund owed, sees the
// rest owed in the queue, pays the rest; each payment leaves its payout
// slip in the data folder, and the store checks.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestE2EDeskPaysInParts(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	tm.firstRun()
	tm.loginHome()

	// a refund of 4999.00 the till has no cash for: owed
	tm.typeSale(sale{date: daysAgo(t, 2), receipt: "R-4001", model: "Xiaomi Redmi 13", price: "4999.00", months: "12"})
	tm.request()
	tm.documents()
	tm.press("Enter")
	tm.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	tm.press("Enter")
	tm.waitFor("Виплатити 4\u00a0999,00\u00a0грн з каси зараз?")
	tm.press("n")
	s := tm.waitFor("Акт повернення складено", "кошти до повернення")
	if strings.Contains(s, "Акт виплати") {
		t.Errorf("a refund owed has a payout slip at the till:\n%s", s)
	}
	id := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	tm.press("Enter")
	tm.waitFor("Головна")

	// the desk: 100.00 of it, in cash
	tm.press("d")
	tm.waitFor("Повернення ", "до виплати")
	tm.press("2")
	tm.press("Tab")
	tm.waitFor("[Refunds owed (1)]", "Still owed: 4999.00 UAH in 1 refund", "4999.00")
	tm.press("p")
	tm.waitFor("Mark a refund paid", "Owed 4999.00 UAH", "This pays the refund in full.")
	tm.waitFocus("Paid in")
	tm.enterTo("Amount paid, in UAH")
	tm.press("C-u")
	tm.typeText("100.00")
	tm.waitFor("This leaves 4899.00 UAH still owed.")
	tm.press("Enter")
	tm.waitFor("✓ Paid 100.00 UAH in cash by "+leadName+" (payment 1)",
		"Still owed: 4899.00 UAH of 4999.00 UAH (100.00 UAH paid so far)",
		"Payout slip: acts/"+id[1]+"-payout-1.txt")
	tm.press("Enter")

	// the rest still owed, in the queue; the form offers it
	tm.waitFor("[Refunds owed (1)]", "Still owed: 4899.00 UAH in 1 refund (100.00 UAH of them paid so far)",
		"100.00   4899.00")
	tm.press("p")
	tm.waitFor("Owed 4899.00 UAH", "100.00 UAH paid of 4999.00 UAH", "> 4899.00")
	tm.waitFocus("Paid in")
	tm.enterTo("Amount paid, in UAH")
	tm.press("Enter")
	tm.waitFor("✓ Paid 4899.00 UAH in cash by "+leadName+" (payment 2)", "The refund is paid in full: 4999.00 UAH",
		"Payout slip: acts/"+id[1]+"-payout-2.txt")
	tm.press("Enter")
	tm.waitFor("[Refunds owed (0)]")
	tm.press("3")
	tm.waitFor("Виплачені повернення за видом оплати (2)", "готівка       2     4\u00a0999,00\u00a0грн", "Ще до виплати: 0 повернень")

	// the slips, one a payment, for the customer to sign, in the store's language (Ukrainian)
	for n, want := range map[string][]string{
		"1": {"(виплата № 1)", "Виплачено зараз: 100,00 грн, спосіб повернення: готівка", "Залишок боргу: 4 899,00 грн, до"},
		"2": {"(виплата № 2)", "Виплачено зараз: 4 899,00 грн, спосіб повернення: готівка",
			"Виплачено всього: 4 999,00 грн за 2 виплати", "Залишок боргу: немає: кошти повернуто повністю"},
	} {
		b, err := os.ReadFile(filepath.Join(data, "acts", id[1]+"-payout-"+n+".txt"))
		if err != nil {
			t.Fatalf("no payout slip %s: %v", n, err)
		}
		slip := strings.ReplaceAll(squeezed(string(b)), "\u00a0", " ")
		for _, w := range append(want, "Номер звернення: "+id[1], "Чек: R-4001", "Модель: Xiaomi Redmi 13",
			"Виплатив: "+leadName, "Підпис покупця (отримано", "Підпис працівника ("+leadName+")") {
			if !strings.Contains(slip, w) {
				t.Errorf("payout slip %s does not say %q:\n%s", n, w, b)
			}
		}
	}

	tm.press("Escape") // the close, then the table, then home
	tm.waitFor("Повернення ", "кошти пове…")
	tm.press("Escape")
	tm.waitFor("Головна")
	tm.press("C-c")
	tm.waitFor("EXITED 0")
	if out, err := exec.Command(binary(t), "check", "--data", data).CombinedOutput(); err != nil {
		t.Errorf("check after the payments: %v\n%s", err, out)
	}
}
