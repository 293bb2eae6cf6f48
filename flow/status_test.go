package flow_test

import (
	"fmt"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// sensibleMoves are the status changes a case makes in its life, each with
// the reason it happens. Every other change is an error.
var sensibleMoves = []struct {
	from, to flow.Status
	why      string
}{
	{flow.StatusOpen, flow.StatusWaitingDocuments, "the customer must bring a document"},
	{flow.StatusOpen, flow.StatusEscalated, "the engine escalates"},
	{flow.StatusOpen, flow.StatusDecided, "the cashier confirms the decision"},
	{flow.StatusWaitingDocuments, flow.StatusOpen, "the document is brought: the case is walked again"},
	{flow.StatusWaitingDocuments, flow.StatusEscalated, "the documents lead to an escalation"},
	{flow.StatusWaitingDocuments, flow.StatusDecided, "the document is brought and the decision confirmed"},
	{flow.StatusEscalated, flow.StatusDecided, "a shift lead decides"},
	{flow.StatusEscalated, flow.StatusOpen, "a shift lead sends the case back to be corrected"},
	{flow.StatusDecided, flow.StatusRefunded, "refund paid at the till"},
	{flow.StatusDecided, flow.StatusRefundOwed, "the till lacks cash"},
	{flow.StatusDecided, flow.StatusExchanged, "exchange or similar device given"},
	{flow.StatusDecided, flow.StatusRejected, "rejection confirmed"},
	{flow.StatusDecided, flow.StatusServiceCentre, "the item goes to the service centre"},
	{flow.StatusRefundOwed, flow.StatusRefunded, "the owed refund is paid"},
	{flow.StatusRefundOwed, flow.StatusExchanged, "an exchange's difference owed is paid"},
	{flow.StatusRefunded, flow.StatusClosed, "the act is signed"},
	{flow.StatusExchanged, flow.StatusClosed, "the act is signed"},
	{flow.StatusRejected, flow.StatusClosed, "the act is signed"},
	{flow.StatusServiceCentre, flow.StatusOpen, "the item is back with a conclusion: decide again"},
	{flow.StatusServiceCentre, flow.StatusClosed, "repaired and handed back"},
	{flow.StatusOpen, flow.StatusClosed, "the customer withdraws the request"},
	{flow.StatusWaitingDocuments, flow.StatusClosed, "the customer never brings the documents"},
	{flow.StatusEscalated, flow.StatusClosed, "the customer withdraws while a lead decides"},
}

// TestStatusMoves: every sensible move succeeds, and every other pair of
// statuses (a closed case reopened, an owed refund closed unpaid, a refund
// before a decision, a status to itself...) is an error that leaves the
// status as it was.
func TestStatusMoves(t *testing.T) {
	sensible := map[[2]flow.Status]string{}
	for _, m := range sensibleMoves {
		sensible[[2]flow.Status{m.from, m.to}] = m.why
	}
	for _, from := range flow.Statuses {
		for _, to := range flow.Statuses {
			why, ok := sensible[[2]flow.Status{from, to}]
			name := fmt.Sprintf("%s_to_%s", from, to)
			if ok {
				name += "_succeeds"
			} else {
				name += "_is_an_error"
			}
			t.Run(name, func(t *testing.T) {
				c := flow.Case{Status: from}
				err := c.Move(to)
				switch {
				case ok && err != nil:
					t.Errorf("%s (%s): %v", name, why, err)
				case ok && c.Status != to:
					t.Errorf("status %s after the move, want %s", c.Status, to)
				case !ok && err == nil:
					t.Errorf("moved from %s to %s", from, to)
				case !ok && c.Status != from:
					t.Errorf("a refused move changed the status to %s", c.Status)
				case !ok && !strings.Contains(err.Error(), string(from)) && !strings.Contains(err.Error(), string(to)):
					t.Errorf("error %q names neither status", err)
				}
				if flow.CanMove(from, to) != ok {
					t.Errorf("CanMove(%s, %s) = %v", from, to, !ok)
				}
			})
		}
	}
	t.Run("a_new_case_is_open", func(t *testing.T) {
		var c flow.Case
		if err := c.Move(flow.StatusDecided); err != nil || c.Status != flow.StatusDecided {
			t.Errorf("Move: %v, status %s", err, c.Status)
		}
		c = flow.Case{}
		if err := c.Move(flow.StatusRefunded); err == nil {
			t.Error("a new case was refunded before any decision")
		}
	})
}

// TestSettled: a confirmed outcome leads to the status of its remedy, and
// that status is one a decided case may move to.
func TestSettled(t *testing.T) {
	for _, tc := range []struct {
		outcome flow.Outcome
		cash    bool
		want    flow.Status
	}{
		{flow.OutcomeRefund, true, flow.StatusRefunded},
		{flow.OutcomeRefund, false, flow.StatusRefundOwed},
		{flow.OutcomeExchange, true, flow.StatusExchanged},
		{flow.OutcomeReplaceSimilar, false, flow.StatusExchanged},
		{flow.OutcomeReject, true, flow.StatusRejected},
		{flow.OutcomeServiceCentre, true, flow.StatusServiceCentre},
		{flow.OutcomeNeedDocuments, true, ""},
		{flow.OutcomeEscalate, true, ""},
	} {
		t.Run(fmt.Sprintf("%s_cash_%v", tc.outcome, tc.cash), func(t *testing.T) {
			got, err := flow.Settled(tc.outcome, tc.cash)
			if tc.want == "" {
				if err == nil {
					t.Errorf("%s settled as %s, want an error", tc.outcome, got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Settled = %s, %v; want %s", got, err, tc.want)
			}
			if !flow.CanMove(flow.StatusDecided, got) {
				t.Errorf("a decided case cannot become %s", got)
			}
		})
	}
	for _, s := range flow.Statuses {
		if s.Owed() != (s == flow.StatusRefundOwed) || s.String() != string(s) {
			t.Errorf("%s: Owed %v", s, s.Owed())
		}
	}
}

// TestCaseLife: a refund owed is decided, owed, paid and closed; the
// override's outcome stands over the engine's.
func TestCaseLife(t *testing.T) {
	c := cleanReturn()
	c.TillHasCash = false
	d := decide(t, c, builtin(t, "citrus"), "2024-03-15")
	c.Decision = &d
	if c.Outcome() != flow.OutcomeRefund {
		t.Fatalf("outcome %s", c.Outcome())
	}
	settled, err := flow.Settled(c.Outcome(), c.TillHasCash)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []flow.Status{flow.StatusDecided, settled, flow.StatusRefunded, flow.StatusClosed} {
		if err := c.Move(s); err != nil {
			t.Fatalf("Move(%s): %v", s, err)
		}
	}
	c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "customer chose", By: "lead"}
	if c.Outcome() != flow.OutcomeExchange {
		t.Errorf("the override does not stand: %s", c.Outcome())
	}
	if (&flow.Case{}).Outcome() != "" {
		t.Errorf("an undecided case has an outcome")
	}
}
