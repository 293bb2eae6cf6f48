package main

// End-to-end: the shift lead's desk, with the real binary in tmux. A
// cashier's refund with the till short of cash; the cashier is refused the
// desk; the lead sees the refund owed, marks it paid, signs it off, closes
// the day and exports it; the command line exports the same rows, and the
// chain head written on the close checks.

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const (
	cashierName = "Marta Shevchenko"
	cashierPIN  = "1357"
)

// addCashier adds a cashier from the lead's home screen, through the staff
// list, and goes home again.
func (tm *term) addCashier(name, pin string) {
	tm.t.Helper()
	tm.press("s")
	tm.waitFor("Працівники", "Стан")
	tm.press("a")
	tm.waitFor("Додати працівника")
	tm.waitFocus("Ім'я")
	tm.typeText(name)
	tm.enterTo("Роль")
	tm.waitFor("> касир")
	tm.enterTo("Мова екранів працівника")
	tm.waitFor("> мова магазину")
	tm.enterTo("PIN-код")
	tm.typeText(pin)
	tm.enterTo("PIN-код ще раз")
	tm.typeText(pin)
	tm.press("Enter")
	tm.waitFor(name+" тепер може увійти", name)
	tm.press("Escape")
	tm.waitFor("Головна")
}

func TestE2EDesk(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	tm.firstRun()
	tm.loginHome()
	tm.waitFor("в  пульт старшого зміни")
	tm.addCashier(cashierName, cashierPIN)
	tm.press("l")

	// the cashier: the desk is refused; a refund with the till short of cash
	tm.login(cashierName, cashierPIN)
	s := tm.waitFor("Головна", cashierName+" (касир)")
	if strings.Contains(s, "пульт старшого зміни") {
		t.Errorf("a cashier's home offers the desk:\n%s", s)
	}
	tm.press("d")
	tm.waitFor("! пульт старшого зміни — лише для старших зміни", "Головна")
	tm.typeSale(sale{date: daysAgo(t, 3), receipt: "R-3001", model: "Samsung Galaxy A55", price: "19999.00", months: "12"})
	tm.request()
	tm.documents()
	tm.press("Enter")
	tm.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	tm.press("Enter")
	tm.waitFor("Виплатити 19\u00a0999,00\u00a0грн з каси зараз?")
	tm.press("n")
	tm.waitFor("Кошти до повернення: телефон покупця")
	tm.press("Enter") // no phone
	s = tm.waitFor("складено", "кошти до повернення")
	id := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	tm.press("Enter")
	tm.waitFor("Головна")
	tm.press("l")

	// the lead: the desk, the refund owed, paid, signed off
	tm.loginHome()
	tm.press("d")
	today := storeToday(t).Format("2006-01-02")
	tm.waitFor("Повернення ", ukDate(t, today)+" (сьогодні) · 1 справа · відкрито", "Marta Sh…", "Samsung Gala…", "до виплати")
	tm.press("2")
	tm.waitFor("[Старшому зміни (0)]", "До виплати (1)")
	tm.press("Tab")
	tm.waitFor("[До виплати (1)]", "ще 7 днів", "19\u00a0999,00")
	tm.press("p")
	tm.waitFor("Позначити виплату коштів", "19\u00a0999,00\u00a0грн до ")
	tm.waitFocus("Спосіб виплати")
	tm.enterTo("Виплачена сума, грн")
	tm.press("Enter")
	tm.waitFor("грн виплачено (готівка), виплатив(ла) "+leadName, // the header's news, wrapped
		"Кошти виплачено повністю: 19\u00a0999,00\u00a0грн", "Акт виплати: acts/"+id[1]+"-payout-1.pdf")
	tm.press("Enter")
	tm.waitFor("[До виплати (0)]")
	tm.press("1")
	tm.waitFor("кошти пове…", "1 із 1")
	tm.press("s")
	tm.waitFor("підписав(ла) "+leadName, "кошти пове… ✓")

	// the day close: the report, then the close and its chain head
	tm.press("3")
	tm.waitFor("Закриття дня", "ВІДКРИТО: звіт на цю хвилину", "Виплачені повернення за видом оплати (1)",
		"готівка       1    19\u00a0999,00\u00a0грн")
	tm.press("c")
	tm.waitFor("Закрити "+ukDate(t, today)+"?", "н  закрити день") // with a warning before the closing time
	tm.press("y")
	s = tm.waitFor("ЗАКРИТО: "+leadName, "Голова ланцюга аудиту на закритті")
	anchor := regexp.MustCompile(`\b\d+:[0-9a-f]{64}\b`).FindString(s)
	if anchor == "" {
		t.Fatalf("no chain head on the close:\n%s", s)
	}

	// the export from the screen
	tm.press("1")
	tm.waitFor("ЗАКРИТО (" + leadName + "), без змін")
	tm.press("e")
	tm.waitFor("с CSV · о JSON")
	tm.press("c")
	tm.waitFor("✓ експортовано 1 справу в")
	fromScreen, err := os.ReadFile(filepath.Join(data, "exports", "returns-"+today+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(fromScreen, []byte("\ufeff")))) // the uk dialect
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("the export: %v\n%s", err, fromScreen)
	}
	row := map[string]string{}
	for i, name := range rows[0] {
		row[name] = rows[1][i]
	}
	for name, want := range map[string]string{"case_id": id[1], "day": today, "cashier": cashierName,
		"receipt": "R-3001", "model": "Samsung Galaxy A55", "outcome": "refund", "status": "refunded",
		"price": "19999,00", "currency": "UAH", "refund_amount": "19999,00", "refund_tender": "cash",
		"refund_paid_by": leadName, "signed_off_by": leadName, "flags": "refund_paid;signed_off"} {
		if row[name] != want {
			t.Errorf("the export's %s is %q, want %q", name, row[name], want)
		}
	}
	if !slices.Contains(rows[0], "passport") {
		t.Errorf("the export has no passport column: %v", rows[0])
	}

	// leave the kiosk; the command line exports the same rows and the chain
	// head written on the close checks
	tm.press("Escape")
	tm.waitFor("Головна")
	tm.press("C-c")
	tm.waitFor("EXITED 0")
	out, err := exec.Command(binary(t), "export", "--data", data, "--day", today, "--format", "csv").Output()
	if err != nil {
		t.Fatalf("returnsdesk export: %v", err)
	}
	if !bytes.Equal(out, fromScreen) {
		t.Errorf("the command's export differs from the desk's:\n%s\nthe desk's:\n%s", out, fromScreen)
	}
	if out, err := exec.Command(binary(t), "check", "--data", data, "--anchor", anchor).CombinedOutput(); err != nil {
		t.Errorf("check with the close's chain head: %v\n%s", err, out)
	}
}
