package flow_test

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// decideIn runs the engine in a language, failing the test on an error.
func decideIn(t *testing.T, l lang.Lang, c flow.Case, p *flow.Policy, today string) flow.Decision {
	t.Helper()
	d, err := flow.DecideIn(lang.For(l), &c, p, at(today))
	if err != nil {
		t.Fatalf("DecideIn %s: %v", l, err)
	}
	return d
}

// hasLine reports whether some line of the explanation contains s.
func hasLine(d flow.Decision, s string) bool {
	for _, l := range d.Explain {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestUkrainianCountsDays: a line that counts days says them in the plural
// form the number takes in Ukrainian (1 день, 2 дні, 5 днів, 21 день), and
// in English (1 day, 21 days).
func TestUkrainianCountsDays(t *testing.T) {
	for n, words := range map[int][2]string{
		1: {"1 день", "1 day"}, 2: {"2 дні", "2 days"}, 4: {"4 дні", "4 days"}, 5: {"5 днів", "5 days"},
		11: {"11 днів", "11 days"}, 14: {"14 днів", "14 days"}, 21: {"21 день", "21 days"}, 22: {"22 дні", "22 days"},
	} {
		p := builtin(t, "generic")
		p.StoreServiceDays = n
		uk := decideIn(t, lang.UK, cleanDefect(), p, "2024-06-03")
		if want := "строк магазину — " + words[0]; !hasLine(uk, want) {
			t.Errorf("the store's term of %d days: no line says %q:\n%s", n, want, explain(uk))
		}
		en := decideIn(t, lang.EN, cleanDefect(), p, "2024-06-03")
		if want := "the store's term of " + words[1]; !hasLine(en, want) {
			t.Errorf("the store's term of %d days: no line says %q:\n%s", n, want, explain(en))
		}
	}
	for n, words := range map[int]string{1: "строк — 1 день", 2: "строк — 2 дні", 5: "строк — 5 днів", 7: "строк — 7 днів"} {
		p := builtin(t, "generic")
		p.Clauses.RefundPayout.DaysWithoutCash = n
		c := cleanReturn()
		c.TillHasCash = false
		if d := decideIn(t, lang.UK, c, p, "2024-03-15"); !hasLine(d, words) {
			t.Errorf("a refund within %d days: no line says %q:\n%s", n, words, explain(d))
		}
	}
}

// TestUkrainianMoneyAndDates: the amounts and days in a Ukrainian line are
// written as Ukrainian writes them, and English ones as the decide contract
// does, as Money and Date write them.
func TestUkrainianMoneyAndDates(t *testing.T) {
	c := cleanReturn()
	c.TillHasCash = false
	uk := decideIn(t, lang.UK, c, builtin(t, "generic"), "2024-03-15")
	if want := "повернення коштів 19" + lang.NBSP + "999,00" + lang.NBSP + "грн до 22.03.2024"; !hasLine(uk, want) {
		t.Errorf("no line says %q:\n%s", want, explain(uk))
	}
	en := decideIn(t, lang.EN, c, builtin(t, "generic"), "2024-03-15")
	if want := "refund 19999.00 UAH by 2024-03-22 (within 7 days)"; !hasLine(en, want) {
		t.Errorf("no line says %q:\n%s", want, explain(en))
	}
	for _, m := range []flow.Money{{Minor: 1999900, Currency: "UAH"}, {Minor: 5, Currency: "EUR"}, {Minor: -490000, Currency: "UAH"},
		{Minor: 123456789, Currency: "UAH"}, {Minor: 1999900}} {
		if got := lang.English().Money(m.Minor, m.Currency); got != m.String() {
			t.Errorf("English writes %v as %q, Money as %q", m, got, m.String())
		}
	}
	for _, d := range []flow.Date{day("2026-11-21"), day("1990-01-01"), {}} {
		if got := lang.English().Date(d.Year, d.Month, d.Day); got != d.String() {
			t.Errorf("English writes %v as %q, Date as %q", d, got, d.String())
		}
	}
}

// TestDecideIsEnglish: Decide explains in English, as DecideIn does with
// the English printer.
func TestDecideIsEnglish(t *testing.T) {
	c := cleanReturn()
	p := builtin(t, "citrus")
	d, err := flow.Decide(&c, p, at("2024-03-15"))
	if err != nil {
		t.Fatal(err)
	}
	en := decideIn(t, lang.EN, c, p, "2024-03-15")
	if strings.Join(d.Explain, "\n") != strings.Join(en.Explain, "\n") {
		t.Errorf("Decide:\n%s\nDecideIn English:\n%s", explain(d), explain(en))
	}
}
