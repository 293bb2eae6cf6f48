package main

// End-to-end: the service-centre loop with the real binary in tmux, at a
// Ukrainian store. A defect within citrus's window without a service
// centre's act goes to the service centre: the intake is typed (the fault,
// the accessories, the condition; the ticket left for later) and goes on
// the act; the lead types the ticket in at the desk; the item comes back
// with the service centre's conclusion and the engine decides again: a
// refund, whose act says when the item came back and with what.

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"example.com/returnsdesk/ui/printout/printouttest"
)

func TestE2EServiceCentreLoop(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	tm.firstRun()
	tm.loginHome()
	tm.typeSale(sale{date: daysAgo(t, 4), receipt: "R-2101", model: "Xiaomi Redmi Note 13", price: "8999.00",
		months: "12"})

	// a defect, for a refund, in person
	tm.waitFocus("Що покупець каже про товар?")
	tm.press("Down")
	tm.waitFor("> недолік: не працює або несправний")
	tm.enterTo("Чого хоче покупець?")
	tm.enterTo("Як повернули товар?")
	tm.press("Enter")
	tm.waitFor("✓Вимога", "[Документи]")
	tm.documents()
	tm.press("Enter") // a clean item
	tm.waitFor("[Сервісний центр]", "Який висновок в акті сервісного центру?")
	tm.press("Enter") // none brought
	tm.waitFor("С Е Р В І С Н И Й   Ц Е Н Т Р", "товар іде до сервісного центру")
	tm.press("Enter")

	// the intake: nothing goes on without the fault
	tm.waitFor("Товар іде до сервісного центру: приймання")
	tm.waitFocus("Несправність зі слів покупця")
	tm.press("Enter")
	tm.waitFor("опишіть несправність словами покупця")
	tm.typeText("не заряджається, гасне екран")
	tm.enterTo("Комплектація, що передана (або «немає»)")
	tm.typeText("зарядний пристрій, кабель")
	tm.enterTo("Зовнішній стан: подряпини, вм'ятини, тріщини")
	tm.typeText("подряпина на задній кришці")
	tm.enterTo("Номер квитанції сервісного центру (порожньо: введуть пізніше)")
	tm.press("Enter") // the ticket comes with the courier
	tm.waitFocus("Телефон покупця, щоб зателефонувати, коли товар повернеться (необов’язково)")
	tm.typeText("067 12")
	tm.press("Enter")
	tm.waitFor("не номер телефону")
	tm.typeText("3 45 67")
	tm.press("Enter")
	s := tm.waitFor("складено", "у сервісному центрі")
	id := regexp.MustCompile(`Справа (\w+): `).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	act := squeezed(readAct(t, data, id[1]))
	for _, want := range []string{"АКТ ПРИЙМАННЯ ТОВАРУ ДО СЕРВІСНОГО ЦЕНТРУ", "ПРИЙМАННЯ ДО СЕРВІСНОГО ЦЕНТРУ", "Несправність не заряджається, гасне екран",
		"Комплектація зарядний пристрій, кабель", "Зовнішній стан подряпина на задній кришці",
		"Квитанція видасть сервісний центр", "працівник: " + leadName, "Повернеться до ", "Телефон +380 67 123 45 67"} {
		if !strings.Contains(act, want) {
			t.Errorf("the intake act does not say %q:\n%s", want, act)
		}
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Відкриті справи (1)")

	// the lead types the ticket in at the desk
	tm.press("d")
	tm.waitFor("Повернення")
	tm.press("2")
	tm.waitFor("У СЦ (1)")
	tm.press("Tab", "Tab", "Tab")
	tm.waitFor("[У СЦ (1)]", "Xiaomi")
	tm.press("Enter")
	tm.waitFor("несправність: не заряджається, гасне екран", "номера квитанції ще немає")
	tm.press("t")
	tm.waitFor("Номер квитанції сервісного центру у справі " + id[1])
	tm.typeText("2026-117")
	tm.press("Enter")
	tm.waitFor("Квитанцію записано у справі "+id[1], "квитанція 2026-117, увів(ела) "+leadName)
	tm.press("Escape") // back to the queue the case was opened from
	tm.waitFor("[У СЦ (1)]")
	tm.press("Escape", "Escape")
	tm.waitFor("Головна", "Відкриті справи (1)")

	// back, with the service centre's conclusion: decided again
	tm.press("Enter")
	tm.waitFor("товар у сервісному центрі. Він повернувся?", "висновок сервісного центру є", "ввести номер квитанції")
	tm.press("c")
	tm.waitFor("[Сервісний центр]", "Який висновок в акті сервісного центру?")
	tm.press("Down", "Down", "Down", "Down")
	tm.waitFor("> недолік підтверджено: умови експлуатації не порушено")
	tm.press("Enter")
	tm.waitFor("П О В Е Р Н Е Н Н Я", "Підстави: sc-act, refund-payout")
	tm.press("Enter")
	tm.waitFor("з каси зараз?")
	tm.press("y")
	tm.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито")
	act = squeezed(readAct(t, data, id[1]))
	for _, want := range []string{"АКТ ПОВЕРНЕННЯ ТОВАРУ", "ПОВЕРНЕННЯ КОШТІВ", "ПРИЙМАННЯ ДО СЕРВІСНОГО ЦЕНТРУ",
		"Квитанція 2026-117", "Повернуто ", "через 0 днів",
		"Висновок сервісного центру недолік підтверджено: умови експлуатації не порушено"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act after the return does not say %q:\n%s", want, act)
		}
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Відкриті справи (0)")

	// the three acts kept (the intake, the decision, the payout slip), each printed again from home
	tm.press("з") // p on the Ukrainian layout
	tm.waitFor("Надрукувати акт ще раз", "Знайти акти за")
	tm.typeText(id[1])
	tm.press("Enter")
	tm.waitFor("№ 3", "акт виплати коштів", "№ 2", "акт повернення товару", "№ 1", "акт приймання товару до сервісного центру")
	for _, n := range []string{"3", "2", "1"} {
		tm.press("Enter")
		tm.waitFor("Команду друку не налаштовано: надрукуйте акт № " + n + " вручну")
		tm.press("Down")
	}
	tm.press("Escape", "Escape")
	tm.waitFor("Головна")
	if files := printouttest.ActFiles(filepath.Join(data, "acts"), id[1]); len(files) != 2 { // the intake act and the decision's
		t.Errorf("the case's act files: %v", files)
	}
}
