package flow_test

import (
	"errors"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

func TestCheckRefund(t *testing.T) {
	base := reviewed(t)
	price := base.Sale.Price
	money := func(minor int64, cur string) flow.Money { return flow.Money{Minor: minor, Currency: cur} }
	tests := []struct {
		name   string
		change func(c *flow.Case)
		amount flow.Money
		tender flow.Tender
		is     error  // the sentinel, when there is one
		want   string // part of the message; "" for a valid refund
	}{
		{name: "the_price_in_the_sale's_tender_is_valid", amount: price, tender: flow.TenderCard},
		{name: "less_than_the_price_is_valid", amount: money(price.Minor-1, price.Currency), tender: flow.TenderCash},
		{name: "the_currency_in_lower_case_is_the_same", amount: money(price.Minor, " uah "), tender: flow.TenderCash},
		{name: "zero_is_no_refund", amount: money(0, price.Currency), tender: flow.TenderCash, is: flow.ErrRefundZero,
			want: "more than zero"},
		{name: "a_negative_amount_is_no_refund", amount: money(-100, price.Currency), tender: flow.TenderCash,
			is: flow.ErrRefundZero, want: "more than zero"},
		{name: "more_than_was_paid_is_refused", amount: money(price.Minor+1, price.Currency), tender: flow.TenderCash,
			is: flow.ErrRefundTooLarge, want: "more than was paid"},
		{name: "another_currency_is_refused", amount: money(100, "EUR"), tender: flow.TenderCash,
			want: `the refund is in "EUR"`},
		{name: "an_unknown_tender_is_refused", amount: price, tender: "bitcoin", want: `"bitcoin" is not a tender`},
		{name: "a_case_not_decided_as_a_refund_is_refused", amount: price, tender: flow.TenderCash,
			change: func(c *flow.Case) { c.Decision = nil }, want: "not decided as a refund"},
		{name: "a_serial_alone_is_enough", amount: price, tender: flow.TenderCash,
			change: func(c *flow.Case) { c.Sale.Receipt = ""; c.Sale.Serial = "SN-1" }},
		{name: "a_receipt_alone_is_enough", amount: price, tender: flow.TenderCash,
			change: func(c *flow.Case) { c.Sale.Receipt = "R-1"; c.Sale.Serial = "" }},
		{name: "needs_receipt_or_serial", amount: price, tender: flow.TenderCash, is: flow.ErrRefundNoLine,
			change: func(c *flow.Case) { c.Sale.Receipt = " "; c.Sale.Serial = " - " }, want: "receipt number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			if tt.change != nil {
				tt.change(&c)
			}
			err := flow.CheckRefund(&c, tt.amount, tt.tender)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("CheckRefund: %v", err)
			case tt.want == "":
				return
			case err == nil || !strings.Contains(flow.Message(err), tt.want):
				t.Fatalf("CheckRefund: %v (message %q), want %q", err, flow.Message(err), tt.want)
			case tt.is != nil && !errors.Is(err, tt.is):
				t.Errorf("CheckRefund: %v is not %v", err, tt.is)
			}
		})
	}
}

// TestCheckPayment: a refund is paid in one payment or several, each more
// than zero and not more than is still owed; once paid in full, nothing
// more.
func TestCheckPayment(t *testing.T) {
	base := reviewed(t) // 19999.00 UAH
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	paid := func(minors ...int64) []flow.Payment {
		var out []flow.Payment
		for _, m := range minors {
			out = append(out, flow.Payment{Amount: uah(m), Tender: flow.TenderCash})
		}
		return out
	}
	tests := []struct {
		name     string
		payments []flow.Payment
		amount   flow.Money
		is       error  // the sentinel, when there is one
		want     string // part of the message; "" for a payment that is fine
	}{
		{name: "nothing_paid_the_whole_refund", amount: uah(1999900)},
		{name: "nothing_paid_a_part", amount: uah(10000)},
		{name: "after_a_part_the_rest", payments: paid(10000), amount: uah(1989900)},
		{name: "after_two_parts_a_third", payments: paid(10000, 20000), amount: uah(1)},
		{name: "after_a_part_one_kopiyka_more_than_the_rest", payments: paid(10000), amount: uah(1989901),
			is: flow.ErrOverpayment, want: "only 19899.00 UAH is still owed: a payment cannot be more"},
		{name: "after_a_part_the_whole_price", payments: paid(10000), amount: uah(1999900),
			is: flow.ErrOverpayment, want: "only 19899.00 UAH is still owed"},
		{name: "paid_in_full_nothing_more", payments: paid(1999900), amount: uah(1), is: flow.ErrPaidInFull,
			want: "paid in full"},
		{name: "more_than_the_price_at_once", amount: uah(1999901), is: flow.ErrRefundTooLarge,
			want: "more than was paid"},
		{name: "zero_is_no_payment", payments: paid(10000), amount: uah(0), is: flow.ErrRefundZero,
			want: "more than zero"},
		{name: "another_currency", payments: paid(10000), amount: flow.Money{Minor: 100, Currency: "EUR"},
			want: `the refund is in "EUR"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			err := flow.CheckPayment(&c, tt.payments, tt.amount, flow.TenderCash)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("CheckPayment: %v", err)
			case tt.want == "":
				return
			case err == nil || !strings.Contains(flow.Message(err), tt.want):
				t.Fatalf("CheckPayment: %v (message %q), want %q", err, flow.Message(err), tt.want)
			case tt.is != nil && !errors.Is(err, tt.is):
				t.Errorf("CheckPayment: %v is not %v", err, tt.is)
			}
		})
	}
	c := base
	c.Decision = nil
	if err := flow.CheckPayment(&c, nil, uah(100), flow.TenderCash); err == nil ||
		!strings.Contains(flow.Message(err), "not decided as a refund") {
		t.Errorf("a payment towards a case that is not a refund: %v", err)
	}
}

// TestStillOwed: what is owed is the price less what was paid, while the
// refund is not settled; nothing once it is, or when there is no refund.
func TestStillOwed(t *testing.T) {
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	part := []flow.Payment{{Amount: uah(10000), Tender: flow.TenderCash}}
	tests := []struct {
		name     string
		status   flow.Status
		outcome  flow.Outcome
		payments []flow.Payment
		want     int64
	}{
		{"owed_nothing_paid_is_the_price", flow.StatusRefundOwed, flow.OutcomeRefund, nil, 1999900},
		{"owed_after_a_part_is_the_rest", flow.StatusRefundOwed, flow.OutcomeRefund, part, 1989900},
		{"decided_after_a_part_is_the_rest", flow.StatusDecided, flow.OutcomeRefund, part, 1989900},
		{"paid_more_than_the_price_is_nothing", flow.StatusRefundOwed, flow.OutcomeRefund,
			[]flow.Payment{{Amount: uah(2000000)}}, 0},
		{"refunded_is_settled", flow.StatusRefunded, flow.OutcomeRefund, part, 0},
		{"closed_is_settled", flow.StatusClosed, flow.OutcomeRefund, part, 0},
		{"an_exchange_owes_no_refund", flow.StatusExchanged, flow.OutcomeExchange, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := reviewed(t)
			c.Status, c.Decision.Outcome = tt.status, tt.outcome
			if got := c.StillOwed(tt.payments); got != uah(tt.want) {
				t.Errorf("StillOwed = %v, want %v", got, uah(tt.want))
			}
		})
	}
	if got := flow.Paid(append(part, flow.Payment{Amount: flow.Money{Minor: 5, Currency: " uah"}})); got != uah(10005) {
		t.Errorf("Paid = %v", got)
	}
	if got := flow.Owed(uah(100), uah(250)); got != uah(0) {
		t.Errorf("Owed of an amount paid over = %v", got)
	}
}

func TestRefundTender(t *testing.T) {
	tests := []struct {
		name string
		sale flow.Tender
		want flow.Tender
	}{
		{"the_sale's_tender_is_the_refund's", flow.TenderCard, flow.TenderCard},
		{"no_tender_on_the_receipt_is_cash", "", flow.TenderCash},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := flow.Case{Sale: flow.Sale{Tender: tt.sale}}
			if got := c.RefundTender(); got != tt.want {
				t.Errorf("RefundTender = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCanSignOff(t *testing.T) {
	tests := []struct {
		name   string
		status flow.Status
		ok     bool
	}{
		{"a_draft_is_not_reviewable", flow.StatusOpen, false},
		{"no_status_is_a_draft", "", false},
		{"an_escalation_waiting_is_not_reviewable", flow.StatusEscalated, false},
		{"a_decided_case_is_reviewable", flow.StatusDecided, true},
		{"a_refund_owed_is_reviewable", flow.StatusRefundOwed, true},
		{"a_refunded_case_is_reviewable", flow.StatusRefunded, true},
		{"a_case_waiting_for_documents_is_reviewable", flow.StatusWaitingDocuments, true},
		{"a_closed_case_is_reviewable", flow.StatusClosed, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.CanSignOff(tt.status); got != tt.ok {
				t.Errorf("CanSignOff(%q) = %v, want %v", tt.status, got, tt.ok)
			}
		})
	}
}

func TestNormalizePassport(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces_go", "KM 482 913", "KM482913"},
		{"dashes_go", "KM-482-913", "KM482913"},
		{"lower_case_is_upper_case", "km482913", "KM482913"},
		{"tabs_and_no_break_spaces_go", "\tkm\u00a0482913 ", "KM482913"},
		{"digits_stay", "123456789", "123456789"},
		{"cyrillic_series_is_its_latin_lookalike", "АВ123456", "AB123456"},
		{"cyrillic_lower_case_too", "ав 123456", "AB123456"},
		{"every_lookalike", "АВЕІКМНОРСТХ", "ABEIKMHOPCTX"},
		{"every_lookalike_in_lower_case", "авеікмнорстх", "ABEIKMHOPCTX"},
		{"mixed_layouts_are_one_number", "Кm-482913", "KM482913"},
		{"no_lookalike_stays_cyrillic", "бгджзилпуфцчшщюяєїґ", "БГДЖЗИЛПУФЦЧШЩЮЯЄЇҐ"},
		{"a_series_half_lookalike", "СЮ123456", "CЮ123456"},
		{"pasted_dashes_go", "KM–482‑913", "KM482913"},
		{"thin_spaces_go", "KM 482 913", "KM482913"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.NormalizePassport(tt.in); got != tt.want {
				t.Errorf("NormalizePassport(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCheckPassport: an ID card has 9 digits; a booklet a series of two
// letters, Cyrillic or their Latin lookalikes, and 6 digits; a foreign
// passport 5 to 20 letters and digits, counted as letters, not bytes.
func TestCheckPassport(t *testing.T) {
	for _, tt := range []struct{ name, ptype, number, says string }{
		{"id_card", "id_card", "123456789", ""},
		{"id_card_spaced", "id_card", "123 456 789", ""},
		{"id_card_8_digits", "id_card", "12345678", "an ID card number has 9 digits"},
		{"id_card_letters", "id_card", "AB1234567", "an ID card number has 9 digits"},
		{"booklet_latin", "booklet", "AB123456", ""},
		{"booklet_cyrillic", "booklet", "АВ123456", ""},
		{"booklet_cyrillic_lower_case", "booklet", "ав123456", ""},
		{"booklet_cyrillic_spaced", "booklet", "АВ 123456", ""},
		{"booklet_cyrillic_no_lookalike", "booklet", "ЮЯ123456", ""},
		{"booklet_ukrainian_letters", "booklet", "ЄЇ123456", ""},
		{"booklet_cyrillic_7_digits", "booklet", "АВ1234567", "2 letters and 6 digits, such as АВ123456"},
		{"booklet_cyrillic_5_digits", "booklet", "АВ12345", "2 letters and 6 digits"},
		{"booklet_one_letter", "booklet", "А1234567", "2 letters and 6 digits"},
		{"booklet_digit_series", "booklet", "12345678", "2 letters and 6 digits"},
		{"booklet_greek_series", "booklet", "ΑΒ123456", "2 letters and 6 digits"},
		{"booklet_letter_among_digits", "booklet", "АВ12З456", "2 letters and 6 digits"},
		{"foreign", "foreign", "X1234567", ""},
		{"foreign_cyrillic_counts_letters", "foreign", "ЮЯ12", "5 to 20 characters"},
		{"foreign_cyrillic", "foreign", "ЮЯ123", ""},
		{"foreign_sign", "foreign", "X1234+67", "only letters and digits"},
		{"unknown_type", "driving_licence", "123456789", "is not a passport type"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := flow.CheckPassport(tt.ptype, tt.number)
			if (err == nil) != (tt.says == "") || err != nil && !strings.Contains(err.Error(), tt.says) {
				t.Errorf("CheckPassport(%q, %q) = %v, want %q", tt.ptype, tt.number, err, tt.says)
			}
		})
	}
}
