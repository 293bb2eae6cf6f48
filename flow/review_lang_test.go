package flow_test

import (
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestFindingsInUkrainian: every flag's why in a Ukrainian lead's words,
// the words nested in it (a passport's type, a tender, an outcome, a
// number of days or payments, an amount, a day) in Ukrainian too; and in
// English, In says what Explain says.
func TestFindingsInUkrainian(t *testing.T) {
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	paid := func(minor int64, tender flow.Tender, by, on string) flow.Payment {
		return flow.Payment{Amount: uah(minor), Tender: tender, By: by, Day: day(on)}
	}
	no := false
	for _, tc := range []struct {
		name string
		flag flow.Flag
		set  func(c *flow.Case, f *flow.Facts)
		want string
	}{
		{"repeat_passport", flow.FlagRepeat, func(c *flow.Case, f *flow.Facts) { f.PassportReturns = 4 },
			"паспорт ID-картка ****4321 — 4 справи за 30 днів, разом із цією; правила позначають, коли їх понад 3"},
		{"repeat_passport_unmasked", flow.FlagRepeat, func(c *flow.Case, f *flow.Facts) {
			c.Passport.Last4, f.PassportReturns = "", 21
		}, "цей паспорт — 21 справа за 30 днів, разом із цією; правила позначають, коли їх понад 3"},
		{"no_receipt", flow.FlagNoReceipt, func(c *flow.Case, f *flow.Facts) {
			c.Documents = []flow.Document{flow.DocPassport}
		}, "кошти повернуто без чека (немає документа про покупку)"},
		{"no_receipt_payment_proof", flow.FlagNoReceipt, func(c *flow.Case, f *flow.Facts) {
			c.Documents = []flow.Document{flow.DocPaymentProof, flow.DocPassport}
		}, "кошти повернуто без чека (лише інший платіжний документ)"},
		{"override", flow.FlagOverride, func(c *flow.Case, f *flow.Facts) {
			c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "обмін на іншу модель", By: "Petro"}
		}, `Petro вирішив(ла): обмін, а система — повернення коштів; причина: "обмін на іншу модель"`},
		{"override_without_a_decision", flow.FlagOverride, func(c *flow.Case, f *flow.Facts) {
			c.Decision = nil
			c.Override = &flow.Override{Outcome: flow.OutcomeRefund, Reason: "постійний покупець", By: "Petro"}
		}, `Petro вирішив(ла): повернення коштів, а система — без рішення; причина: "постійний покупець"`},
		{"cash_above_the_threshold", flow.FlagCashRefund, func(c *flow.Case, f *flow.Facts) {
			c.Status = flow.StatusRefunded
			f.Payments = []flow.Payment{paid(2500000, flow.TenderCash, "Olena", "2024-03-05")}
		}, "повернення готівкою на 25\u00a0000,00\u00a0грн, понад поріг правил 20\u00a0000,00\u00a0грн"},
		{"serial_mismatch", flow.FlagSerialMismatch, func(c *flow.Case, f *flow.Facts) {
			c.Inspection.SerialMatches = false
		}, `серійний номер/IMEI "356938035643809" не збігається з чеком і гарантійним талоном (огляд)`},
		{"same_person", flow.FlagSamePerson, func(c *flow.Case, f *flow.Facts) {
			c.Override = &flow.Override{Outcome: flow.OutcomeRefund, Reason: "постійний покупець", By: "Ivan"}
		}, "Ivan відкрив(ла) справу й сам(а) її вирішив(ла): ніхто інший її не переглядав"},
		{"sale_corrected", flow.FlagSaleCorrected, func(c *flow.Case, f *flow.Facts) {
			c.SaleCorrection = &flow.SaleCorrection{By: "Petro", Reason: "ціна зі знижкою",
				Changes: []string{"price 41999.00 UAH -> 45999.00 UAH", "tender cash -> card"}}
		}, "Petro виправив(ла) імпортований продаж (ціна 41\u00a0999,00\u00a0грн -> 45\u00a0999,00\u00a0грн; " +
			"спосіб оплати готівка -> картка): \"ціна зі знижкою\""},
		{"escalated", flow.FlagEscalated, func(c *flow.Case, f *flow.Facts) {
			c.Decision = &flow.Decision{Outcome: flow.OutcomeEscalate}
		}, "система передала справу старшому зміни: правила цього не визначають"},
		{"escalated_and_decided", flow.FlagEscalated, func(c *flow.Case, f *flow.Facts) {
			c.Decision = &flow.Decision{Outcome: flow.OutcomeEscalate}
			c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "14 днів за законом", By: "Petro"}
		}, "система передала справу старшому зміни: правила цього не визначають; Petro вирішив(ла): обмін; " +
			"причина: \"14 днів за законом\""},
		{"name_mismatch", flow.FlagNameMismatch, func(c *flow.Case, f *flow.Facts) { c.Passport.NameMatches = &no }, "ім'я в паспорті не збігається з покупкою"},
		{"remote", flow.FlagRemote, func(c *flow.Case, f *flow.Facts) { c.Request.Remote = true }, "надіслано службою доставки, а не принесено особисто"},
		{"used", flow.FlagUsed, func(c *flow.Case, f *flow.Facts) { c.Sale.Condition = flow.ConditionUsed }, "продано як вживаний товар"},
		{"warnings", flow.FlagWarnings, func(c *flow.Case, f *flow.Facts) {
			c.Decision.Warnings = []flow.ClauseID{flow.ClauseReturnShipping, flow.ClauseWarrantyExclusions}
		}, "покупцю сказано про: return-shipping, warranty-exclusions"},
		{"voided", flow.FlagVoided, func(c *flow.Case, f *flow.Facts) {
			c.Voided = &flow.Voided{By: "Petro", Reason: "відкрито помилково"}
		}, `Petro закрив(ла) справу без рішення: "відкрито помилково"`},
		{"paid_in_one", flow.FlagRefundPaid, func(c *flow.Case, f *flow.Facts) {
			c.Status = flow.StatusRefunded
			f.Payments = []flow.Payment{paid(1999900, flow.TenderCard, "Olena", "2024-03-05")}
		}, "19\u00a0999,00\u00a0грн виплачено (картка), виплатив(ла) Olena 05.03.2024"},
		{"paid_in_parts", flow.FlagRefundPaid, func(c *flow.Case, f *flow.Facts) {
			c.Status = flow.StatusRefundOwed
			f.Payments = []flow.Payment{paid(10000, flow.TenderCash, "Olena", "2024-03-05"),
				paid(1000000, flow.TenderTransfer, "Petro", "2024-03-06")}
		}, "10\u00a0100,00\u00a0грн виплачено за 2 платежі, остання виплата — 10\u00a0000,00\u00a0грн (банківський переказ), " +
			"виплатив(ла) Petro 06.03.2024; ще до виплати 9\u00a0899,00\u00a0грн"},
		{"paid_in_five_parts", flow.FlagRefundPaid, func(c *flow.Case, f *flow.Facts) {
			c.Status = flow.StatusRefunded
			for _, on := range []string{"2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08"} {
				f.Payments = append(f.Payments, paid(400000, flow.TenderCash, "Olena", on))
			}
			f.Payments = append(f.Payments, paid(399900, flow.TenderCard, "Petro", "2024-03-09"))
		}, "19\u00a0999,00\u00a0грн виплачено за 5 платежів, остання виплата — 3\u00a0999,00\u00a0грн (картка), " +
			"виплатив(ла) Petro 09.03.2024"},
		{"paid_a_day_late", flow.FlagPaidLate, func(c *flow.Case, f *flow.Facts) {
			c.Decision.RefundBy, c.Status = day("2024-03-12"), flow.StatusRefunded
			f.Payments = []flow.Payment{paid(1999900, flow.TenderCash, "Olena", "2024-03-13")}
		}, "виплачено 13.03.2024, через 1 день після строку (12.03.2024)"},
		{"paid_five_days_late", flow.FlagPaidLate, func(c *flow.Case, f *flow.Facts) {
			c.Decision.RefundBy, c.Status = day("2024-03-12"), flow.StatusRefunded
			f.Payments = []flow.Payment{paid(1999900, flow.TenderCash, "Olena", "2024-03-17")}
		}, "виплачено 17.03.2024, через 5 днів після строку (12.03.2024)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := reviewed(t)
			var f flow.Facts
			tc.set(&c, &f)
			var got *flow.Finding
			for _, x := range flow.Review(&c, builtin(t, "generic").Fraud(), f) {
				if x.Flag == tc.flag {
					got = &x
				}
			}
			if got == nil {
				t.Fatalf("not flagged %s", tc.flag)
			}
			if uk := got.In(lang.For(lang.UK)); uk != tc.want {
				t.Errorf("in Ukrainian:\n got %q\nwant %q", uk, tc.want)
			}
			if en := got.In(lang.English()); en != got.Explain {
				t.Errorf("in English %q, explained %q", en, got.Explain)
			}
		})
	}
}
