package flow_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestStepsApply: the service-centre step is asked only for a defect, and
// before the request is known the kiosk keeps it in.
func TestStepsApply(t *testing.T) {
	all := slices.DeleteFunc(slices.Clone(flow.AllSteps), func(s flow.Step) bool { return s == flow.StepReplacement })
	noSC := []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepDecision, flow.StepAct}
	for _, tc := range []struct {
		name  string
		claim flow.Claim
		want  []flow.Step
	}{
		{"defect_asks_the_service_centre", flow.ClaimDefect, all},
		{"return_skips_the_service_centre", flow.ClaimReturn, noSC},
		{"unknown_claim_keeps_it", "", all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := flow.Case{Request: flow.Request{Claim: tc.claim}}
			if got := c.Steps(); !slices.Equal(got, tc.want) {
				t.Errorf("steps %v, want %v", got, tc.want)
			}
			if c.Applies(flow.StepServiceCentre) != (tc.claim != flow.ClaimReturn) {
				t.Errorf("Applies(service_centre) = %v", c.Applies(flow.StepServiceCentre))
			}
		})
	}
}

// walk completes steps in order, deciding when it reaches the decision.
func walk(t *testing.T, c *flow.Case, steps ...flow.Step) {
	t.Helper()
	for _, s := range steps {
		if s == flow.StepDecision && c.Decision == nil {
			d := decide(t, *c, builtin(t, "citrus"), "2024-03-15")
			c.Decision = &d
		}
		if err := c.Complete(s); err != nil {
			t.Fatalf("Complete(%s): %v", s, err)
		}
	}
}

// TestStepsWalk: Next is the first step not complete; Complete moves the
// kiosk there; the act is last.
func TestStepsWalk(t *testing.T) {
	t.Run("return_walks_in_order", func(t *testing.T) {
		c := cleanReturn()
		c.Done, c.Step = 0, flow.StepSale
		if c.Next() != flow.StepSale {
			t.Fatalf("a fresh case resumes at %s, want sale", c.Next())
		}
		for _, want := range []flow.Step{flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepDecision, flow.StepAct, flow.StepAct} {
			walk(t, &c, c.Next())
			if c.Step != want || c.Next() != want {
				t.Fatalf("after completing, the kiosk shows %s and resumes at %s, want %s", c.Step, c.Next(), want)
			}
		}
		if !c.Done.Has(flow.StepAct) || c.Done.Has(flow.StepServiceCentre) {
			t.Errorf("done %v", c.Done)
		}
	})
	t.Run("defect_walks_through_the_service_centre", func(t *testing.T) {
		c := cleanDefect()
		walk(t, &c, flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection)
		if c.Step != flow.StepServiceCentre {
			t.Fatalf("after inspection the kiosk shows %s, want service_centre", c.Step)
		}
		walk(t, &c, flow.StepServiceCentre, flow.StepDecision)
		if c.Step != flow.StepAct {
			t.Errorf("after the decision the kiosk shows %s, want act", c.Step)
		}
	})
}

// TestStepsRefuse: a step out of order, a step that does not apply and a
// decision step without a decision are errors that leave the case as it was.
func TestStepsRefuse(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*flow.Case)
		do    func(*flow.Case) error
		msg   string
	}{
		{"complete_skipping_a_step", nil, func(c *flow.Case) error { return c.Complete(flow.StepInspection) },
			"the sale step comes before the inspection step"},
		{"goto_a_later_step", nil, func(c *flow.Case) error { return c.GoTo(flow.StepDocuments) },
			"the sale step comes before the documents step"},
		{"complete_service_centre_for_a_return", func(c *flow.Case) { c.Request.Claim = flow.ClaimReturn },
			func(c *flow.Case) error { return c.Complete(flow.StepServiceCentre) }, "does not apply"},
		{"goto_service_centre_for_a_return", func(c *flow.Case) { c.Request.Claim = flow.ClaimReturn },
			func(c *flow.Case) error { return c.GoTo(flow.StepServiceCentre) }, "does not apply"},
		{"decision_without_a_decision", func(c *flow.Case) {
			c.Request.Claim = flow.ClaimReturn
			c.Done = c.Done.With(flow.StepSale).With(flow.StepRequest).With(flow.StepDocuments).With(flow.StepInspection)
		}, func(c *flow.Case) error { return c.Complete(flow.StepDecision) }, "no decision yet"},
		{"act_before_the_decision", func(c *flow.Case) {
			c.Request.Claim = flow.ClaimReturn
			c.Done = c.Done.With(flow.StepSale).With(flow.StepRequest).With(flow.StepDocuments).With(flow.StepInspection)
		}, func(c *flow.Case) error { return c.Complete(flow.StepAct) }, "the decision step comes before the act step"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := flow.Case{}
			if tc.setup != nil {
				tc.setup(&c)
			}
			before := mustJSON(t, c)
			err := tc.do(&c)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want one saying %q", err, tc.msg)
			}
			if after := mustJSON(t, c); after != before {
				t.Errorf("a refused step changed the case:\n%s\n%s", before, after)
			}
		})
	}
}

// TestStepsGoBack: going back keeps every answer; completing an earlier step
// again drops the decision (it was made on other answers) and the kiosk
// resumes at the decision; the act step keeps it.
func TestStepsGoBack(t *testing.T) {
	decided := func(t *testing.T) flow.Case {
		c := cleanReturn()
		walk(t, &c, flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepDecision)
		c.Override = &flow.Override{Outcome: flow.OutcomeReject, Reason: "customer agreed", By: "lead"}
		return c
	}
	t.Run("goto_keeps_later_answers", func(t *testing.T) {
		c := decided(t)
		done := c.Done
		if err := c.GoTo(flow.StepRequest); err != nil {
			t.Fatal(err)
		}
		if c.Step != flow.StepRequest || c.Done != done || c.Decision == nil || c.Override == nil {
			t.Errorf("step %s done %v decision %v override %v", c.Step, c.Done, c.Decision != nil, c.Override != nil)
		}
		if c.Next() != flow.StepAct {
			t.Errorf("the case resumes at %s, want act", c.Next())
		}
	})
	t.Run("goto_the_current_step", func(t *testing.T) {
		c := decided(t)
		if err := c.GoTo(flow.StepAct); err != nil || c.Step != flow.StepAct {
			t.Errorf("GoTo(act): %v, step %s", err, c.Step)
		}
	})
	t.Run("completing_an_earlier_step_drops_the_decision", func(t *testing.T) {
		for _, s := range []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection} {
			c := decided(t)
			if err := c.GoTo(s); err != nil {
				t.Fatal(err)
			}
			if err := c.Complete(s); err != nil {
				t.Fatal(err)
			}
			if c.Decision != nil || c.Override != nil || c.Done.Has(flow.StepDecision) {
				t.Errorf("%s: decision %v override %v done %v", s, c.Decision != nil, c.Override != nil, c.Done)
			}
			for _, kept := range []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection} {
				if !c.Done.Has(kept) {
					t.Errorf("%s: the %s answers were lost", s, kept)
				}
			}
			if c.Step != flow.StepDecision {
				t.Errorf("%s: the kiosk shows %s, want decision", s, c.Step)
			}
			if c.Sale.Receipt != "R-1001" || c.Inspection.CallSeconds != 120 {
				t.Errorf("%s: answers changed", s)
			}
		}
	})
	t.Run("completing_the_act_keeps_the_decision", func(t *testing.T) {
		c := decided(t)
		walk(t, &c, flow.StepAct)
		if c.Decision == nil || c.Override == nil {
			t.Errorf("the act dropped the decision")
		}
	})
	t.Run("claim_changed_to_return_skips_the_service_centre", func(t *testing.T) {
		c := cleanDefect()
		walk(t, &c, flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection)
		if c.Next() != flow.StepServiceCentre {
			t.Fatalf("resumes at %s", c.Next())
		}
		if err := c.GoTo(flow.StepRequest); err != nil {
			t.Fatal(err)
		}
		c.Request.Claim = flow.ClaimReturn
		walk(t, &c, flow.StepRequest)
		if c.Step != flow.StepDecision {
			t.Errorf("the kiosk shows %s, want decision", c.Step)
		}
	})
	t.Run("ready", func(t *testing.T) {
		c := cleanReturn()
		walk(t, &c, flow.StepSale, flow.StepRequest)
		for s, want := range map[flow.Step]bool{flow.StepSale: true, flow.StepRequest: true, flow.StepDocuments: true,
			flow.StepInspection: false, flow.StepServiceCentre: false, flow.StepDecision: false, flow.StepAct: false} {
			if c.Ready(s) != want {
				t.Errorf("Ready(%s) = %v, want %v", s, !want, want)
			}
		}
	})
}

// TestStepNames: steps read and write by name; a case survives JSON.
func TestStepNames(t *testing.T) {
	for _, s := range flow.AllSteps {
		b, _ := s.MarshalText()
		var back flow.Step
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%s: read back %s, %v", s, back, err)
		}
	}
	if _, err := flow.ParseStep("payment"); err == nil {
		t.Error("ParseStep(payment) succeeded")
	}
	if got := flow.Step(42).String(); got != "step(42)" {
		t.Errorf("Step(42) is %q", got)
	}
	var set flow.StepSet
	if err := json.Unmarshal([]byte(`["sale","lunch"]`), &set); err == nil {
		t.Error("a set with an unknown step was read")
	}

	c := cleanDefect()
	walk(t, &c, flow.StepSale, flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepServiceCentre, flow.StepDecision)
	c.Status = flow.StatusDecided
	b := mustJSON(t, c)
	var back flow.Case
	if err := json.Unmarshal([]byte(b), &back); err != nil {
		t.Fatal(err)
	}
	if again := mustJSON(t, back); again != b {
		t.Errorf("a case does not survive JSON:\n%s\n%s", b, again)
	}
	if !strings.Contains(b, `"done":["sale","request","documents","inspection","service_centre","decision"]`) {
		t.Errorf("done is not written as step names: %s", b)
	}
}
