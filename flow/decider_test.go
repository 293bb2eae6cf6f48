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

func TestUnderWay(t *testing.T) {
	want := map[flow.Status]bool{flow.StatusOpen: true, flow.StatusWaitingDocuments: true, flow.StatusEscalated: true,
		flow.StatusDecided: true, flow.StatusRefundOwed: true, flow.StatusServiceCentre: true}
	for _, s := range flow.Statuses {
		if flow.UnderWay(s) != want[s] {
			t.Errorf("UnderWay(%s) = %v", s, !want[s])
		}
	}
}
