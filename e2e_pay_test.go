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
	tm.waitFor("Кошти до повернення: телефон покупця")
	tm.press("Enter") // no phone
	s := tm.waitFor("складено", "кошти до повернення")
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
	tm.waitFor("[До виплати (1)]", "Ще до виплати: 4\u00a0999,00\u00a0грн, 1 повернення", "4\u00a0999,00")
	tm.press("p")
	tm.waitFor("Позначити виплату коштів", "4\u00a0999,00\u00a0грн до ", "Це повна виплата коштів.")
	tm.waitFocus("Спосіб виплати")
	tm.enterTo("Виплачена сума, грн")
	tm.press("C-u")
	tm.typeText("100.00")
	tm.waitFor("Після цього ще треба виплатити 4\u00a0899,00\u00a0грн.")
	tm.press("Enter")
	tm.waitFor("✓ Виплачено 100,00\u00a0грн (готівка), виплатив(ла) "+leadName+" (виплата № 1)",
		"Ще до виплати: 4\u00a0899,00\u00a0грн із 4\u00a0999,00\u00a0грн (уже виплачено 100,00\u00a0грн)",
		"Акт виплати: acts/"+id[1]+"-payout-1.pdf")
	tm.press("Enter")

	// the rest still owed, in the queue; the form offers it
	tm.waitFor("[До виплати (1)]", "Ще до виплати: 4\u00a0899,00\u00a0грн, 1 повернення (з них уже виплачено 100,00\u00a0грн)",
		"100,00  4\u00a0899,00")
	tm.press("p")
	tm.waitFor("4\u00a0899,00\u00a0грн до ", "виплачено 100,00\u00a0грн із 4\u00a0999,00\u00a0грн", "> 4\u00a0899,00")
	tm.waitFocus("Спосіб виплати")
	tm.enterTo("Виплачена сума, грн")
	tm.press("Enter")
	tm.waitFor("✓ Виплачено 4\u00a0899,00\u00a0грн (готівка), виплатив(ла) "+leadName+" (виплата № 2)",
		"Кошти виплачено повністю: 4\u00a0999,00\u00a0грн", "Акт виплати: acts/"+id[1]+"-payout-2.pdf")
	tm.press("Enter")
	tm.waitFor("[До виплати (0)]")
	tm.press("3")
	tm.waitFor("Виплачені повернення за видом оплати (2)", "готівка       2     4\u00a0999,00\u00a0грн", "Ще до виплати: 0 повернень")

	// the slips, one a payment, for the customer to sign, in the store's language (Ukrainian)
	for n, want := range map[string][]string{
		"1": {"(виплата № 1)", "Виплачено зараз 100,00 грн, спосіб повернення: готівка", "Залишок боргу 4 899,00 грн, до"},
		"2": {"(виплата № 2)", "Виплачено зараз 4 899,00 грн, спосіб повернення: готівка",
			"Виплачено всього 4 999,00 грн за 2 виплати", "Залишок боргу немає: кошти повернуто повністю"},
	} {
		b, err := os.ReadFile(filepath.Join(data, "acts", id[1]+"-payout-"+n+".txt"))
		if err != nil {
			t.Fatalf("no payout slip %s: %v", n, err)
		}
		slip := strings.ReplaceAll(squeezed(string(b)), "\u00a0", " ")
		for _, w := range append(want, "Номер звернення "+id[1], "Чек R-4001", "Модель Xiaomi Redmi 13",
			"Виплатив "+leadName, "Покупець (отримав", "Працівник ("+leadName+"):") {
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
