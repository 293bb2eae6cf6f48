package flow_test

import (
	"testing"

	"example.com/returnsdesk/flow"
)

func TestCheckDecider(t *testing.T) {
	c := flow.Case{OpenedBy: "Olena"}
	for lead, ok := range map[string]bool{"Petro": true, "Olena": false, "olena ": false} {
		if err := c.CheckDecider(lead); (err == nil) != ok {
			t.Errorf("CheckDecider(%q) = %v", lead, err)
		}
	}
}

func TestRefundFromTill(t *testing.T) {
	for tender, want := range map[flow.Tender]bool{flow.TenderCash: true, "": true, flow.TenderCard: false,
		flow.TenderTransfer: false, flow.TenderCredit: false} {
		c := flow.Case{Sale: flow.Sale{Tender: tender}}
		if got := c.RefundFromTill(); got != want {
			t.Errorf("tender %q: RefundFromTill = %v", tender, got)
		}
	}
}

// TestRemoteRefundIsNotAtTheTill: a return sent by a delivery service is
// never refunded from the till nor paid as it is confirmed: it is owed,
// within the payout days.
func TestRemoteRefundIsNotAtTheTill(t *testing.T) {
	for _, tc := range []struct {
		name              string
		tender            flow.Tender
		remote, cash      bool
		fromTill, paidNow bool
	}{
		{"in_person_cash_in_the_till", flow.TenderCash, false, true, true, true},
		{"in_person_no_cash", flow.TenderCash, false, false, true, false},
		{"in_person_card", flow.TenderCard, false, true, false, true},
		{"remote_cash_sale", flow.TenderCash, true, true, false, false},
		{"remote_card_sale", flow.TenderCard, true, true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := flow.Case{Sale: flow.Sale{Tender: tc.tender}, Request: flow.Request{Remote: tc.remote}, TillHasCash: tc.cash}
			if got := c.RefundFromTill(); got != tc.fromTill {
				t.Errorf("RefundFromTill %v, want %v", got, tc.fromTill)
			}
			if got := c.RefundPaidNow(); got != tc.paidNow {
				t.Errorf("RefundPaidNow %v, want %v", got, tc.paidNow)
			}
		})
	}
}

func TestUnderWay(t *testing.T) {
	want := map[flow.Status]bool{flow.StatusOpen: true, flow.StatusWaitingDocuments: true, flow.StatusEscalated: true,
		flow.StatusDecided: true, flow.StatusRefundOwed: true, flow.StatusServiceCentre: true}
	for _, s := range flow.Statuses {
		if flow.UnderWay(s) != want[s] {
			t.Errorf("UnderWay(%s) = %v", s, !want[s])
		}
	}
}
