package flow_test

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestErrorsInUkrainian: flow's errors print in Ukrainian, a date and an
// amount among their arguments as Ukrainian writes them, a flow word (a
// status, a step) in its Ukrainian words, and an error inside another's
// message in Ukrainian too; Message stays the English the code writes
// (the decide contract's).
func TestErrorsInUkrainian(t *testing.T) {
	today := flow.Date{Year: 2026, Month: 11, Day: 21}
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	tests := []struct {
		name   string
		err    func() error
		en, uk string
	}{
		{"a date argument", func() error { _, err := flow.CheckSaleDate("2026-12-01", today); return err },
			"the sale date 2026-12-01 is after today (2026-11-21)",
			"дата продажу 01.12.2026 пізніше за сьогодні (21.11.2026)"},
		{"an amount argument", func() error { return &flow.OverpaymentError{Owed: uah(1999900)} },
			"only 19999.00 UAH is still owed: a payment cannot be more",
			"лишилося повернути лише 19\u00a0999,00\u00a0грн: виплата не може бути більшою"},
		{"a month's name", func() error { _, err := flow.ParseDate("2026-02-30"); return err },
			`"2026-02-30" is not a date: February 2026 has 28 days`,
			`"2026-02-30" — не дата: лютий 2026 року закінчується 28-м числом`},
		{"statuses", func() error { c := &flow.Case{Status: flow.StatusRefunded}; return c.Move(flow.StatusOpen) },
			"a case that is refunded cannot become open",
			"справа зі станом «кошти повернуто» не може перейти в стан «відкрито»"},
		{"an item and a date", func() error {
			return flow.CheckLineFree(flow.Sale{Receipt: "R-1001", Line: 2},
				&flow.LineCase{ID: "01K", Day: flow.Date{Year: 2026, Month: 11, Day: 2}, Refunded: true})
		},
			"receipt R-1001 line 2 was refunded in case 01K of 2026-11-02: it cannot be refunded again",
			"чек R-1001 рядок 2: кошти вже повернуто у справі 01K від 02.11.2026; повторно повернути не можна"},
		{"an error in another's message", func() error {
			return flow.Errorf(flow.EInvalid, "idle minutes: %s", flow.Said(flow.CheckIdleMinutes(0)))
		},
			"idle minutes: 0 is not a number of minutes from 1 to 480",
			"хвилини бездіяльності: 0 — не кількість хвилин від 1 до 480"},
		{"a field's error", func() error { return flow.CheckReason("") },
			"reason: give a reason", "укажіть причину"},
		{"the changes of an imported sale", func() error {
			imported := flow.Sale{Date: today, Receipt: "R-4001", Price: uah(4199900), Tender: flow.TenderCard}
			typed := imported
			typed.Price, typed.Tender = uah(4599900), flow.TenderCash
			return flow.CheckAgainstImport(&imported, &flow.Case{Sale: typed})
		},
			"the sale differs from the sales import (price 41999.00 UAH -> 45999.00 UAH; tender card -> cash): " +
				"the import is what was sold; look the receipt up to take it as it is, or have a shift lead correct it, " +
				"with a reason",
			"продаж відрізняється від імпорту продажів (ціна 41\u00a0999,00\u00a0грн -> 45\u00a0999,00\u00a0грн; " +
				"спосіб оплати картка -> готівка): імпорт — це те, що продано; знайдіть чек, щоб узяти продаж як є, " +
				"або попросіть старшого зміни виправити його з поясненням причини"},
		{"a policy file's line", func() error {
			_, err := flow.ParsePolicy([]byte("name = \"x\"\ncurrency = \"UAH\"\n[clauses.window]\nsource = \"law\"\ndays = 0\n"), "p.toml")
			return err
		},
			"p.toml: line 5: clauses.window.days: 0 is not a number of days from 1 to 365",
			"p.toml: рядок 5: clauses.window.days: 0 — не кількість днів від 1 до 365"},
	}
	uk := lang.For(lang.UK)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil {
				t.Fatal("no error")
			}
			if got := flow.MessageIn(uk, err); got != tt.uk {
				t.Errorf("in Ukrainian:\n got %q\nwant %q", got, tt.uk)
			}
			en := flow.Message(err)
			if _, ok := err.(*flow.FieldError); ok {
				en = err.Error() // Message of a field's error names the field
			}
			if en != tt.en {
				t.Errorf("Message:\n got %q\nwant %q", en, tt.en)
			}
			if got := flow.MessageIn(lang.English(), err); !strings.Contains(tt.en, got) {
				t.Errorf("in English: %q, not the message %q", got, tt.en)
			}
		})
	}
}
