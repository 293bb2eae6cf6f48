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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.NormalizePassport(tt.in); got != tt.want {
				t.Errorf("NormalizePassport(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
