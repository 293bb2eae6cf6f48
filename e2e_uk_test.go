package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/flow/lang/langtest"
)

// A return in Ukrainian from the first screen to the act, typed as a
// Ukrainian cashier types it: the Cyrillic layout on for every key (т for
// n, н for y, ч for x, в for d), the lead's name in Cyrillic and in lower
// case at the login, the sale's date as 21.11.2026 and its price as
// 19 999,00. Every screen on the way is checked for English left on it.

// ukWords are this test's own data that its screens show as typed: the
// model (and as the desk cuts it), the receipt, the time zones (the one typed, the machine's), the policy's file name and the IMEI's
// letters; the data folder's path and the case's id are added as found.
var ukWords = strings.Fields(`Samsung Galaxy Gala A55 R-1001 Europe Kyiv Etc UTC citrus generic icenter iCenter Apple IMEI`)

// ukTerm is a kiosk in tmux whose every screen waited for is checked for
// English.
type ukTerm struct {
	*term
	allowed []string
}

// see waits for want and checks the screen for English left on it.
func (u *ukTerm) see(want ...string) string {
	u.t.Helper()
	s := u.waitFor(want...)
	u.speaks(s)
	return s
}

// speaks fails the test for each Latin word on the screen that neither the
// Ukrainian message files nor the test's data hold.
func (u *ukTerm) speaks(screen string) {
	u.t.Helper()
	found, err := langtest.Foreign(screen, lang.UK, u.allowed)
	if err != nil {
		u.t.Fatal(err)
	}
	for _, f := range found {
		u.t.Errorf("English on a Ukrainian screen: %s\n%s", f, screen)
	}
}

func TestE2EUkrainianReturn(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	allowed := append([]string{}, ukWords...)
	for _, part := range strings.FieldsFunc(data, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		for i := range part { // a path cut short on screen ("…nReturn2581975867/001/acts")
			allowed = append(allowed, part[i:])
		}
	}
	for _, id := range flow.ClauseIDs {
		allowed = append(allowed, string(id))
	}
	allowed = append(allowed, "acts", "txt", "pdf")
	u := &ukTerm{term: startKiosk(t, data), allowed: allowed}
	const lead, pin = "Олена Коваль", "482193"

	// the first run: Ukrainian first
	// the language page asks in both languages: its own two lines aside
	page := u.waitFor("Мова / Language", "> українська")
	var rows []string
	for _, row := range strings.Split(page, "\n") {
		if !strings.Contains(row, " / ") {
			rows = append(rows, row)
		}
	}
	u.speaks(strings.Join(rows, "\n"))
	u.enterTo("Назва магазину")
	u.typeText("Цитрус Океан Плаза")
	u.enterTo("Правила повернення")
	u.press("Down", "Down")
	u.see("> citrus")
	u.enterTo("Часовий пояс")
	u.press("C-u")
	u.typeText("Europe/Kyiv")
	u.enterTo("Ім'я")
	u.typeText(lead)
	u.enterTo("PIN-код")
	u.typeText(pin)
	u.enterTo("PIN-код ще раз")
	u.typeText(pin)
	u.press("Enter")
	u.see("Вхід", "Цитрус Океан Плаза")

	// the login, the name in lower case
	u.login(strings.ToLower(lead), pin)
	u.see("Головна", "т  почати нове повернення", lead+" (старший зміни)")

	// т: a new return
	u.press("т")
	s := u.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	u.allowed = append(u.allowed, strings.TrimPrefix(caseLine(s), "Справа …")) // the case's short id
	u.speaks(s)
	u.typeText("R-1001")
	u.press("Enter")
	u.waitFocus("Дата продажу")
	u.see("За R-1001 продажу не знайдено")
	sold := storeToday(t).AddDate(0, 0, -4)
	u.typeText(sold.Format("02.01.2006"))
	u.enterTo("Номер чека")
	u.enterTo("Модель")
	u.typeText("Samsung Galaxy A55")
	u.enterTo("Серійний номер або IMEI")
	u.typeText(imei)
	u.enterTo("Ціна, грн")
	u.typeText("19 999,00")
	u.enterTo("Спосіб оплати")
	u.enterTo("Продано як")
	u.enterTo("Гарантія, місяців")
	u.typeText("12")
	u.enterTo("Ринок, для якого виготовлено пристрій")
	u.speaks(u.screen())
	u.press("Enter")

	// the request as it starts: a return, a refund, in person
	u.waitFocus("Що покупець каже про товар?")
	u.see("✓Продаж", "[Вимога]")
	u.press("Enter", "Enter", "Enter")

	// the documents: о moves down (j), ч ticks (x)
	u.see("[Документи]", "Які документи пред'явив покупець?", "[•] чек")
	u.press("о", "о", "ч")
	u.see("[•] чек", "[•] гарантійний талон")
	u.press("Enter")

	// the inspection: a clean item
	u.see("[Огляд]", "Огляд: клавіша рядка перемикає")
	u.press("Enter")

	// the decision, read aloud in Ukrainian
	s = u.see("П О В Е Р Н Е Н Н Я", "[Рішення]", "день 4 із 14: у межах строку повернення")
	if !strings.Contains(s, "19\u00a0999,00\u00a0грн") {
		t.Errorf("the decision does not print the amount as 19 999,00 грн:\n%s", s)
	}
	u.press("Enter")
	u.see("Виплатити 19\u00a0999,00\u00a0грн з каси зараз?", "н  так: виплачено зараз готівкою")
	u.press("н") // y on the Ukrainian layout

	// the act screen
	s = u.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито")
	id := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	for i := range id[1] {
		u.allowed = append(u.allowed, id[1][i:], id[1][i:]+"-payout-1", id[1][i:]+"-1")
	}
	u.speaks(s)
	u.press("Enter")
	u.see("Головна", "Справа "+id[1]+": закрито", "Ваші справи сьогодні (1)")

	// в: the shift lead's desk, its day table in Ukrainian
	u.press("в")
	u.see("Повернення", "(сьогодні)", "Samsung Gala")
	u.press("Escape")
	u.see("Головна")

	// the act the customer signs, in Ukrainian
	act := squeezed(readAct(t, data, id[1]))
	for _, want := range []string{"АКТ ПОВЕРНЕННЯ ТОВАРУ", "Магазин Цитрус Океан Плаза", "Модель Samsung Galaxy A55",
		"Дата " + sold.Format("02.01.2006"), "Ціна 19 999,00 грн", "Рішення ПОВЕРНЕННЯ КОШТІВ",
		"Касир (" + lead + "):"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act does not say %q:\n%s", want, act)
		}
	}
	if found, _ := langtest.Foreign(act, lang.UK, append(u.allowed, filepath.Base(data))); len(found) > 0 {
		t.Errorf("English in the Ukrainian act: %q", found)
	}
}
