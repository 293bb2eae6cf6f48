package flow_test

import (
	"encoding/json"
	"testing"

	"example.com/returnsdesk/flow"
)

// BenchmarkDecide decides a typical clean return under citrus: day 14,
// unused, every document, a refund at the till.
func BenchmarkDecide(b *testing.B) {
	p := builtin(b, "citrus")
	c := cleanReturn()
	now := at("2024-03-15")
	b.ReportAllocs()
	for b.Loop() {
		d, err := flow.Decide(&c, p, now)
		if err != nil || d.Outcome != flow.OutcomeRefund {
			b.Fatalf("%s, %v", d.Outcome, err)
		}
	}
}

// BenchmarkDecideContract runs docs/rules.md's example ("The decide contract") through the whole decide
// contract: ParseInput, Decide, json.Marshal.
func BenchmarkDecideContract(b *testing.B) {
	p := builtin(b, "citrus")
	data := []byte(domainExample)
	b.ReportAllocs()
	for b.Loop() {
		in, err := flow.ParseInput(data, fixedNow)
		if err != nil {
			b.Fatal(err)
		}
		d, err := flow.Decide(&in.Case, p, in.Today.Time())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}
