package flow

import (
	"encoding/json"
	"fmt"
)

// Step is one screen of the kiosk's walk through a case.
type Step uint8

// The steps of docs/rules.md, "One case, step by step", in order.
const (
	StepSale Step = iota
	StepRequest
	StepDocuments
	StepInspection
	StepServiceCentre // only for a defect: the service centre's conclusion, if any
	StepDecision
	StepAct
	// StepReplacement, only for an exchange: the item given, after the
	// decision and before the act (AllSteps' order). Its number comes after
	// the act's so that the steps stored before it keep theirs.
	StepReplacement
	numSteps
)

var stepNames = [...]string{"sale", "request", "documents", "inspection", "service_centre", "decision", "act",
	"replacement"}

// AllSteps lists every step in order.
var AllSteps = []Step{StepSale, StepRequest, StepDocuments, StepInspection, StepServiceCentre, StepDecision,
	StepReplacement, StepAct}

func (s Step) String() string {
	if s < numSteps {
		return stepNames[s]
	}
	return fmt.Sprintf("step(%d)", s)
}

// ParseStep reads a step by its name.
func ParseStep(name string) (Step, error) {
	for i, n := range stepNames {
		if n == name {
			return Step(i), nil
		}
	}
	return 0, Errorf(EInvalid, "%q is not a step", name)
}

// MarshalText writes the step's name.
func (s Step) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a step's name.
func (s *Step) UnmarshalText(b []byte) error {
	p, err := ParseStep(string(b))
	*s = p
	return err
}

// StepSet is a set of steps.
type StepSet uint16

// Has reports whether s holds step.
func (s StepSet) Has(step Step) bool { return s&(1<<step) != 0 }

// With is s with step added.
func (s StepSet) With(step Step) StepSet { return s | 1<<step }

// Without is s with step removed.
func (s StepSet) Without(step Step) StepSet { return s &^ (1 << step) }

// MarshalJSON writes the set as a list of step names.
func (s StepSet) MarshalJSON() ([]byte, error) {
	names := []string{}
	for _, st := range AllSteps {
		if s.Has(st) {
			names = append(names, st.String())
		}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a list of step names.
func (s *StepSet) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	*s = 0
	for _, n := range names {
		st, err := ParseStep(n)
		if err != nil {
			return err
		}
		*s = s.With(st)
	}
	return nil
}

// Applies reports whether step is part of this case: the service centre's
// conclusion is asked only for a defect, and before the request is known the
// kiosk assumes it may be; the replacement only once the case is decided as
// an exchange.
func (c *Case) Applies(step Step) bool {
	switch step {
	case StepServiceCentre:
		return c.Request.Claim != ClaimReturn
	case StepReplacement:
		return c.Outcome().Exchanges()
	}
	return step < numSteps
}

// Steps lists the steps of this case in order.
func (c *Case) Steps() []Step {
	var out []Step
	for _, s := range AllSteps {
		if c.Applies(s) {
			out = append(out, s)
		}
	}
	return out
}

// Next is the first step of the case that is not complete, or StepAct when
// only the act is left. The kiosk resumes a case there.
func (c *Case) Next() Step {
	for _, s := range c.Steps() {
		if !c.Done.Has(s) {
			return s
		}
	}
	return StepAct
}

// Ready reports whether every step before step is complete, so the kiosk may
// show it. Going back is always allowed; going forward skips nothing.
func (c *Case) Ready(step Step) bool {
	for _, s := range c.Steps() {
		if s == step {
			return true
		}
		if !c.Done.Has(s) {
			return false
		}
	}
	return false
}

// Complete records that the answers of step are in, at now, and moves the case
// to the next step. Answers of later steps are kept. Completing an answer step
// drops the decision made before it, which was made on other answers: the
// decision step must be taken again.
func (c *Case) Complete(step Step) error {
	if !c.Applies(step) {
		return Errorf(EConflict, "the %s step does not apply to this case", step)
	}
	if !c.Ready(step) {
		return Errorf(EConflict, "the %s step comes before the %s step", c.Next(), step)
	}
	if step < StepDecision && c.Decision != nil {
		c.Decision = nil
		c.Override = nil
		c.Replacement = nil
		c.Done = c.Done.Without(StepDecision).Without(StepReplacement)
	}
	if step == StepDecision && c.Decision == nil {
		return Errorf(EConflict, "the decision step has no decision yet")
	}
	if !c.Sale.HasSerial() {
		// no serial to mismatch: its question is not asked (ChecklistFor),
		// and nothing counts it against the item
		c.Inspection.SerialMatches = true
	}
	c.Done = c.Done.With(step)
	c.Step = c.Next()
	return nil
}

// GoTo shows an earlier (or the current) step again without losing any
// answer; a step whose earlier steps are not complete cannot be shown yet.
func (c *Case) GoTo(step Step) error {
	if !c.Applies(step) {
		return Errorf(EConflict, "the %s step does not apply to this case", step)
	}
	if !c.Ready(step) {
		return Errorf(EConflict, "the %s step comes before the %s step", c.Next(), step)
	}
	c.Step = step
	return nil
}
