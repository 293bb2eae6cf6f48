package flow_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// day reads a YYYY-MM-DD date written in a test; a typo fails loudly.
func day(s string) flow.Date {
	d, err := flow.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// at is the clock at noon on the day s, in the store's time zone (UTC in
// tests): Decide must count days, not hours.
func at(s string) time.Time { return day(s).Time().Add(12 * time.Hour) }

// builtin loads a built-in policy or stops the test.
func builtin(t testing.TB, name string) *flow.Policy {
	t.Helper()
	p, err := flow.Builtin(name)
	if err != nil {
		t.Fatalf("built-in policy %s: %v", name, err)
	}
	return p
}

// parse reads a policy written inline in a test, or stops the test.
func parse(t testing.TB, text string) *flow.Policy {
	t.Helper()
	p, err := flow.ParsePolicy([]byte(text), "inline.toml")
	if err != nil {
		t.Fatalf("inline policy: %v", err)
	}
	return p
}

// icenterWindowTOML is iCenter's file with a 14-day window added, as a store
// would write it once a shift lead settles that the law's window applies. It
// reaches iCenter's proof-of-purchase and refund-payout clauses, which the
// built-in file never reaches: its returns of new goods all escalate and its
// warranty path asks for no document.
const icenterWindowTOML = `
[clauses.window]
days = 14
source = "Law No. 1023-XII, art. 9: 14 days, the day of purchase not counted."
`

// policyNamed is a built-in policy, or "icenter+window".
func policyNamed(t testing.TB, name string) *flow.Policy {
	t.Helper()
	if name == "icenter+window" {
		data, err := flow.BuiltinFile("icenter")
		if err != nil {
			t.Fatal(err)
		}
		return parse(t, string(data)+icenterWindowTOML)
	}
	return builtin(t, name)
}

// allDocs are every document a customer can bring.
var allDocs = []flow.Document{flow.DocReceipt, flow.DocPaymentProof, flow.DocWarrantyCard, flow.DocPassport}

// cleanReturn is a new phone sold on 2024-03-01 for 19999.00 UAH, brought
// back in person unused, complete and sealed, with every document, to a till
// that has cash.
func cleanReturn() flow.Case {
	return flow.Case{
		Sale: flow.Sale{
			Date: day("2024-03-01"), Receipt: "R-1001", Model: "Phone 15", Serial: "356938035643809",
			Price: flow.Money{Minor: 1999900, Currency: "UAH"}, Tender: flow.TenderCard,
			Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12,
		},
		Request:   flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund},
		Documents: slices.Clone(allDocs),
		Inspection: flow.Inspection{
			CallSeconds: 120, CompleteSet: true, PackagingIntact: true, LabelsIntact: true,
			SealsIntact: true, SerialMatches: true,
		},
		TillHasCash: true,
	}
}

// cleanDefect is cleanReturn claimed as faulty, with no service-centre
// conclusion yet.
func cleanDefect() flow.Case {
	c := cleanReturn()
	c.Request.Claim = flow.ClaimDefect
	return c
}

// usedDefect is a used phone sold with a 3-month contractual warranty,
// claimed as faulty.
func usedDefect() flow.Case {
	c := cleanDefect()
	c.Sale.Condition = flow.ConditionUsed
	c.Sale.WarrantyMonths = 3
	c.Sale.WarrantyContract = true
	return c
}

// want is what a decision must hold. Lists are compared exactly and in order
// (nil and empty are the same); a date written as "" must be unset.
type want struct {
	outcome   flow.Outcome
	clauses   []flow.ClauseID
	warnings  []flow.ClauseID
	missing   []flow.Document
	refundBy  string
	serviceBy string
	explain   string // a line of the explanation must contain this, when set
	reason    string // the escalation's reason must contain this, when set
}

// check compares a decision with what it must hold, and checks what every
// decision must hold whatever its outcome (docs/rules.md, "The decide contract").
func check(t *testing.T, got flow.Decision, w want) {
	t.Helper()
	if got.Outcome != w.outcome {
		t.Errorf("outcome %s, want %s\n%s", got.Outcome, w.outcome, explain(got))
	}
	if !slices.Equal(got.Clauses, w.clauses) {
		t.Errorf("clauses %v, want %v\n%s", got.Clauses, w.clauses, explain(got))
	}
	if !slices.Equal(got.Warnings, w.warnings) {
		t.Errorf("warnings %v, want %v\n%s", got.Warnings, w.warnings, explain(got))
	}
	if !slices.Equal(got.Missing, w.missing) {
		t.Errorf("missing %v, want %v\n%s", got.Missing, w.missing, explain(got))
	}
	if got.RefundBy.String() != w.refundBy {
		t.Errorf("refund_by %q, want %q", got.RefundBy, w.refundBy)
	}
	if got.ServiceBy.String() != w.serviceBy {
		t.Errorf("service_by %q, want %q", got.ServiceBy, w.serviceBy)
	}
	if w.explain != "" && !slices.ContainsFunc(got.Explain, func(l string) bool { return strings.Contains(l, w.explain) }) {
		t.Errorf("no explanation line contains %q\n%s", w.explain, explain(got))
	}
	if w.reason != "" && !strings.Contains(got.Reason, w.reason) {
		t.Errorf("reason %q does not contain %q", got.Reason, w.reason)
	}
	invariants(t, got)
}

// invariants are what the decide contract promises of every decision.
func invariants(t testing.TB, d flow.Decision) {
	t.Helper()
	if !slices.Contains(flow.Outcomes, d.Outcome) {
		t.Errorf("outcome %q is not one of the contract's", d.Outcome)
	}
	if (d.Outcome == flow.OutcomeRefund) != !d.RefundBy.IsZero() {
		t.Errorf("outcome %s with refund_by %q: refund_by is set exactly for a refund", d.Outcome, d.RefundBy)
	}
	if (d.Outcome == flow.OutcomeServiceCentre) != !d.ServiceBy.IsZero() {
		t.Errorf("outcome %s with service_by %q: service_by is set exactly for the service centre", d.Outcome, d.ServiceBy)
	}
	if (d.Outcome == flow.OutcomeNeedDocuments) != (len(d.Missing) > 0) {
		t.Errorf("outcome %s with missing %v: missing is listed exactly for need_documents", d.Outcome, d.Missing)
	}
	if len(d.Clauses) == 0 {
		t.Errorf("outcome %s names no clause that decided it", d.Outcome)
	}
	if d.Outcome == flow.OutcomeEscalate && d.Reason == "" {
		t.Errorf("an escalation without a reason")
	}
	if d.Clauses == nil || d.Missing == nil || d.Warnings == nil || d.Explain == nil {
		t.Errorf("a list is nil (JSON null): clauses %v missing %v warnings %v explain %v",
			d.Clauses == nil, d.Missing == nil, d.Warnings == nil, d.Explain == nil)
	}
	if len(d.Explain) == 0 {
		t.Errorf("a decision that explains nothing")
	}
	seen := map[flow.ClauseID]bool{}
	for _, id := range append(slices.Clone(d.Clauses), d.Warnings...) {
		if !slices.Contains(flow.ClauseIDs, id) {
			t.Errorf("%q is not a clause id", id)
		}
	}
	for _, id := range d.Warnings {
		if seen[id] {
			t.Errorf("warning %s listed twice", id)
		}
		seen[id] = true
	}
}

func explain(d flow.Decision) string {
	var b strings.Builder
	for _, l := range d.Explain {
		fmt.Fprintf(&b, "\t%s\n", l)
	}
	if d.Reason != "" {
		fmt.Fprintf(&b, "\treason: %s\n", d.Reason)
	}
	return b.String()
}

// decide runs the engine, failing the test on an error.
func decide(t *testing.T, c flow.Case, p *flow.Policy, today string) flow.Decision {
	t.Helper()
	d, err := flow.Decide(&c, p, at(today))
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	return d
}

// ids is shorthand for a list of clause ids.
func ids(xs ...flow.ClauseID) []flow.ClauseID { return xs }

// docs is shorthand for a list of documents.
func docs(xs ...flow.Document) []flow.Document { return xs }

// without is docs minus some.
func without(drop ...flow.Document) []flow.Document {
	var out []flow.Document
	for _, d := range allDocs {
		if !slices.Contains(drop, d) {
			out = append(out, d)
		}
	}
	return out
}
