package flow_test

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// domainExample is the decide contract's example input, as docs/rules.md, "The decide contract", writes
// it.
const domainExample = `{"policy": "citrus", "today": "2024-03-15",
 "sale": {"date": "2024-03-01", "receipt": "R-1001", "price": "19999.00", "currency": "UAH",
          "condition": "new", "market": "eu", "warranty_months": 12, "warranty_contract": false},
 "claim": "return", "wants": "refund", "remote": false, "till_has_cash": true,
 "documents": ["receipt", "payment_proof", "warranty_card", "passport"],
 "inspection": {"signs_of_use": false, "call_seconds": 120, "software_modified": false, "complete_set": true,
                "packaging_intact": true, "labels_intact": true, "seals_intact": true, "serial_matches": true,
                "liquid_damage": false, "mechanical_damage": false, "unauthorised_opening": false},
 "service_centre": ""}`

// fixedNow is the clock for inputs that give no today.
var fixedNow = at("2024-03-15")

// decideJSON runs the decide contract as the command does: parse, pick the
// policy the input names, decide on the input's day, marshal.
func decideJSON(t *testing.T, input string) map[string]any {
	t.Helper()
	in, err := flow.ParseInput([]byte(input), fixedNow)
	if err != nil {
		t.Fatalf("ParseInput: %v", err)
	}
	d, err := flow.Decide(&in.Case, builtin(t, in.Policy), in.Today.Time())
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("the output is not JSON: %v\n%s", err, out)
	}
	return m
}

// TestDecideContractExample: docs/rules.md's example input ("The decide contract") gives exactly the
// example output's outcome, refund_by and clauses, with empty lists (never
// null) for missing and warnings.
func TestDecideContractExample(t *testing.T) {
	m := decideJSON(t, domainExample)
	if got := m["outcome"]; got != "refund" {
		t.Errorf("outcome %v, want refund", got)
	}
	if got := m["refund_by"]; got != "2024-03-15" {
		t.Errorf("refund_by %v, want 2024-03-15", got)
	}
	if got := strs(m["clauses"]); !slices.Equal(got, []string{"window", "refund-payout"}) {
		t.Errorf("clauses %v, want [window refund-payout]", got)
	}
	for _, k := range []string{"missing", "warnings"} {
		if l, ok := m[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s is %#v, want []", k, m[k])
		}
	}
	if ex := strs(m["explain"]); len(ex) == 0 || ex[0] != "day 14 of 14: within the return window" {
		t.Errorf("explain %q, want it to open with %q", ex, "day 14 of 14: within the return window")
	}
	keys := slices.Sorted(maps.Keys(m))
	if want := []string{"clauses", "explain", "missing", "outcome", "refund_by", "warnings"}; !slices.Equal(keys, want) {
		t.Errorf("output keys %v, want %v", keys, want)
	}
}

// TestDecideContractOutputs: the other outcomes through the same path, with
// the fields each must carry (and refund_by only for a refund).
func TestDecideContractOutputs(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		want        map[string]any
		absent      []string
	}{
		{"citrus_no_cash_refund_by_plus_7",
			`{"policy":"citrus","today":"2024-03-15","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund",
			  "documents":["receipt","warranty_card"],
			  "inspection":{"complete_set":true,"packaging_intact":true,"labels_intact":true,"seals_intact":true}}`,
			map[string]any{"outcome": "refund", "refund_by": "2024-03-22", "clauses": []string{"window", "refund-payout"}}, nil},
		{"citrus_missing_card",
			`{"policy":"citrus","today":"2024-03-15","sale":{"date":"2024-03-01"},"claim":"return","wants":"exchange",
			  "documents":["receipt"],
			  "inspection":{"complete_set":true,"packaging_intact":true,"labels_intact":true,"seals_intact":true}}`,
			map[string]any{"outcome": "need_documents", "missing": []string{"warranty_card"}, "clauses": []string{"warranty-card"}},
			[]string{"refund_by"}},
		{"citrus_reject_lists_every_failed_clause",
			`{"policy":"citrus","today":"2024-03-16","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund",
			  "documents":["receipt","warranty_card"],
			  "inspection":{"signs_of_use":true,"call_seconds":301,"complete_set":true,"packaging_intact":true,
			                "labels_intact":true,"seals_intact":true}}`,
			map[string]any{"outcome": "reject", "clauses": []string{"window", "unused", "call-counter"}},
			[]string{"refund_by"}},
		{"icenter_service_by_and_warnings",
			`{"policy":"icenter","today":"2024-03-15","sale":{"date":"2024-03-01","market":"eu","warranty_months":12},
			  "claim":"defect","wants":"refund",
			  "inspection":{"seals_intact":true,"serial_matches":true,"liquid_damage":true}}`,
			map[string]any{"outcome": "service_centre", "clauses": []string{"warranty-repair"},
				"warnings": []string{"no-loaner", "warranty-exclusions"}, "service_by": "2024-04-29"},
			[]string{"refund_by"}},
		// Back from the SC on day 29 of a claim made on day 10: decided on the
		// claim's day, not sent to the SC again.
		{"citrus_claimed_back_from_the_service_centre",
			`{"policy":"citrus","today":"2024-03-30","claimed":"2024-03-11","sale":{"date":"2024-03-01"},
			  "claim":"defect","wants":"refund","till_has_cash":false,"documents":["receipt","warranty_card"],
			  "service_centre":"conditions_not_violated"}`,
			map[string]any{"outcome": "refund", "refund_by": "2024-03-18", "clauses": []string{"sc-act", "refund-payout"}},
			[]string{"service_by"}},
		// generic's service centre sets the term: the store's default of 14
		// days stands for it.
		{"generic_service_by_the_store's_term",
			`{"policy":"generic","today":"2024-06-03","sale":{"date":"2024-03-01","warranty_months":12},
			  "claim":"defect","wants":"refund"}`,
			map[string]any{"outcome": "service_centre", "clauses": []string{"warranty-repair"}, "service_by": "2024-06-17"},
			[]string{"refund_by"}},
		{"icenter_escalate_gives_reason",
			`{"policy":"icenter","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`,
			map[string]any{"outcome": "escalate", "clauses": []string{"window"}},
			[]string{"refund_by"}},
		{"icenter_used_significant_defect_replace_similar",
			`{"policy":"icenter","today":"2024-03-15","sale":{"date":"2024-03-01","condition":"used","warranty_months":3,
			  "warranty_contract":true},"claim":"defect","wants":"refund","service_centre":"significant_defect"}`,
			map[string]any{"outcome": "replace_similar", "clauses": []string{"used-warranty"}},
			[]string{"refund_by"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := decideJSON(t, tc.input)
			for k, w := range tc.want {
				got := m[k]
				if ws, ok := w.([]string); ok {
					if !slices.Equal(strs(got), ws) {
						t.Errorf("%s %v, want %v", k, got, ws)
					}
				} else if got != w {
					t.Errorf("%s %v, want %v", k, got, w)
				}
			}
			for _, k := range tc.absent {
				if v, ok := m[k]; ok {
					t.Errorf("%s is %v, want it absent", k, v)
				}
			}
			if r, _ := m["reason"].(string); m["outcome"] == "escalate" && r == "" {
				t.Errorf("an escalation without a reason")
			}
		})
	}
}

// TestParseInputReads: the fields land where they belong; absent fields are
// unknown or false; null is absent; today defaults to the day of now.
func TestParseInputReads(t *testing.T) {
	in, err := flow.ParseInput([]byte(domainExample), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	want := flow.Input{Policy: "citrus", Today: day("2024-03-15"), Claimed: day("2024-03-15"), Case: flow.Case{
		Opened: day("2024-03-15").Time(),
		Sale: flow.Sale{Date: day("2024-03-01"), Receipt: "R-1001", Price: flow.Money{Minor: 1999900, Currency: "UAH"},
			Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12},
		Request:   flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund},
		Documents: slices.Clone(allDocs),
		Inspection: flow.Inspection{CallSeconds: 120, CompleteSet: true, PackagingIntact: true, LabelsIntact: true,
			SealsIntact: true, SerialMatches: true},
		TillHasCash: true,
	}}
	if g, w := mustJSON(t, in), mustJSON(t, want); g != w {
		t.Errorf("ParseInput read\n%s\nwant\n%s", g, w)
	}

	in, err = flow.ParseInput([]byte(`{"sale":{"date":"2024-03-01","price":null},"claim":"defect","wants":"exchange",
		"documents":["receipt","receipt"],"inspection":null,"today":null}`), at("2024-03-10"))
	if err != nil {
		t.Fatal(err)
	}
	if in.Today != day("2024-03-10") || in.Claimed != in.Today || in.Policy != "" || in.Case.TillHasCash || in.Case.Inspection != (flow.Inspection{}) ||
		!slices.Equal(in.Case.Documents, docs(flow.DocReceipt)) {
		t.Errorf("defaults: %+v", in)
	}
	// a currency without a price is still the sale's, to be checked against the policy's
	in, err = flow.ParseInput([]byte(`{"sale":{"date":"2024-03-01","currency":"usd"},"claim":"return","wants":"refund"}`), fixedNow)
	if err != nil || in.Case.Sale.Price != (flow.Money{Currency: "USD"}) {
		t.Errorf("a currency without a price: %+v, %v", in.Case.Sale.Price, err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParseInputErrors: bad input is never guessed at; every error is a
// *FieldError naming the field.
func TestParseInputErrors(t *testing.T) {
	const (
		sale = `"sale":{"date":"2024-03-01"}`
		rest = `"claim":"return","wants":"refund"`
	)
	for _, tc := range []struct {
		name, input, field, msg string
	}{
		{"malformed_json", `{"claim": "return",`, "input", "malformed JSON"},
		{"malformed_json_names_line", "{\n\"claim\": \"return\",\n,}", "input", "line 3"},
		{"empty_input", ``, "input", "no JSON"},
		{"two_values", `{} {}`, "input", "more than one"},
		{"a_key_twice", `{` + sale + `,` + rest + `,"claim":"defect"}`, "claim", "appears twice"},
		{"a_sale_key_twice", `{"sale":{"date":"2024-03-01","price":"1.00","price":"19999.00"},` + rest + `}`, "sale.price",
			"appears twice"},
		{"an_inspection_key_twice", `{` + sale + `,` + rest + `,"inspection":{"call_seconds":1,"call_seconds":999}}`,
			"inspection.call_seconds", "appears twice"},
		{"the_empty_key_twice", `{"sale":{"":1,"":2},` + rest + `}`, `sale.""`, "appears twice"},
		{"a_key_twice_after_an_array", `{"documents":["receipt",{"a":1}],` + sale + `,` + rest + `,"documents":[]}`, "documents",
			"appears twice"},
		{"not_an_object", `["return"]`, "input", "object"},
		{"null", `null`, "input", "object"},
		{"unknown_field", `{` + sale + `,` + rest + `,"colour":"red"}`, "colour", "unknown field"},
		{"empty_key", `{"":""}`, `""`, "unknown field"},
		{"empty_sale_key", `{"sale":{"date":"2024-03-01","":1},` + rest + `}`, `sale.""`, "unknown field"},
		{"unknown_sale_field", `{"sale":{"date":"2024-03-01","colour":"red"},` + rest + `}`, "sale.colour", "unknown field"},
		{"unknown_inspection_field", `{` + sale + `,` + rest + `,"inspection":{"scratches":true}}`, "inspection.scratches", "unknown field"},
		{"unknown_claim", `{` + sale + `,"claim":"swap","wants":"refund"}`, "claim", `"swap" is not one of return, defect`},
		{"unknown_wants", `{` + sale + `,"claim":"return","wants":"money"}`, "wants", "not one of"},
		{"unknown_condition", `{"sale":{"date":"2024-03-01","condition":"refurbished"},` + rest + `}`, "sale.condition", "not one of"},
		{"unknown_market", `{"sale":{"date":"2024-03-01","market":"cn"},` + rest + `}`, "sale.market", "not one of"},
		{"unknown_tender", `{"sale":{"date":"2024-03-01","tender":"crypto"},` + rest + `}`, "sale.tender", "not one of"},
		{"unknown_conclusion", `{` + sale + `,` + rest + `,"service_centre":"broken"}`, "service_centre", "not one of"},
		{"unknown_document", `{` + sale + `,` + rest + `,"documents":["receipt","selfie"]}`, "documents[1]", "not one of"},
		{"documents_not_a_list", `{` + sale + `,` + rest + `,"documents":"receipt"}`, "documents", "list"},
		{"bad_sale_date", `{"sale":{"date":"2024-02-30"},` + rest + `}`, "sale.date", "February 2024 has 29 days"},
		{"sale_date_month_13", `{"sale":{"date":"2024-13-01"},` + rest + `}`, "sale.date", "month 13 does not exist"},
		{"sale_date_before_1990", `{"sale":{"date":"0000-01-01"},` + rest + `}`, "sale.date", "before 1990"},
		{"sale_date_1989", `{"sale":{"date":"1989-12-31"},` + rest + `}`, "sale.date", "before 1990"},
		{"sale_date_written_dmy", `{"sale":{"date":"01.03.2024"},` + rest + `}`, "sale.date", "YYYY-MM-DD"},
		{"sale_date_a_number", `{"sale":{"date":20240301},` + rest + `}`, "sale.date", "string"},
		{"bad_today", `{"today":"tomorrow",` + sale + `,` + rest + `}`, "today", "YYYY-MM-DD"},
		{"visit_before_sale", `{"today":"2024-02-29",` + sale + `,` + rest + `}`, "today", "before the sale"},
		{"bad_claimed", `{"claimed":"11.03.2024",` + sale + `,` + rest + `}`, "claimed", "YYYY-MM-DD"},
		{"claimed_after_today", `{"today":"2024-03-15","claimed":"2024-03-16",` + sale + `,` + rest + `}`, "claimed", "after today"},
		{"claimed_before_sale", `{"today":"2024-03-15","claimed":"2024-02-29",` + sale + `,` + rest + `}`, "claimed", "before the sale"},
		{"no_sale", `{` + rest + `}`, "sale.date", "needed"},
		{"no_claim", `{` + sale + `,"wants":"refund"}`, "claim", "needed"},
		{"no_wants", `{` + sale + `,"claim":"return"}`, "wants", "needed"},
		{"sale_not_an_object", `{"sale":["2024-03-01"],` + rest + `}`, "sale", "object"},
		{"inspection_not_an_object", `{` + sale + `,` + rest + `,"inspection":"fine"}`, "inspection", "object"},
		{"bool_as_string", `{` + sale + `,` + rest + `,"till_has_cash":"yes"}`, "till_has_cash", "true or false"},
		{"bool_as_number", `{` + sale + `,` + rest + `,"remote":1}`, "remote", "true or false"},
		{"inspection_bool_as_string", `{` + sale + `,` + rest + `,"inspection":{"signs_of_use":"no"}}`, "inspection.signs_of_use", "true or false"},
		{"months_as_string", `{"sale":{"date":"2024-03-01","warranty_months":"12"},` + rest + `}`, "sale.warranty_months", "whole number"},
		{"months_fractional", `{"sale":{"date":"2024-03-01","warranty_months":12.5},` + rest + `}`, "sale.warranty_months", "whole number"},
		{"months_negative", `{"sale":{"date":"2024-03-01","warranty_months":-1},` + rest + `}`, "sale.warranty_months", "from 0 to 120"},
		{"months_too_many", `{"sale":{"date":"2024-03-01","warranty_months":121},` + rest + `}`, "sale.warranty_months", "from 0 to 120"},
		{"price_as_number", `{"sale":{"date":"2024-03-01","price":19999.00},` + rest + `}`, "sale.price", "string"},
		{"price_not_an_amount", `{"sale":{"date":"2024-03-01","price":"19 999"},` + rest + `}`, "sale.price", "not an amount"},
		{"price_negative", `{"sale":{"date":"2024-03-01","price":"-5.00"},` + rest + `}`, "sale.price", "not an amount"},
		{"call_seconds_negative", `{` + sale + `,` + rest + `,"inspection":{"call_seconds":-1}}`, "inspection.call_seconds", "from 0"},
		{"call_seconds_as_string", `{` + sale + `,` + rest + `,"inspection":{"call_seconds":"120"}}`, "inspection.call_seconds", "whole number"},
		{"policy_not_a_string", `{"policy":5,` + sale + `,` + rest + `}`, "policy", "string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := flow.ParseInput([]byte(tc.input), fixedNow)
			var fe *flow.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *FieldError", err, err)
			}
			if fe.Field != tc.field {
				t.Errorf("field %q, want %q (%v)", fe.Field, tc.field, err)
			}
			if !strings.Contains(fe.Msg, tc.msg) {
				t.Errorf("message %q does not say %q", fe.Msg, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), tc.field+": ") {
				t.Errorf("error %q does not open with the field", err)
			}
		})
	}
}

// FuzzParseInput: no input panics; every error is a *FieldError naming a
// field; every accepted input decides without error under every built-in
// policy, with an outcome from the contract's list and the contract's
// promises kept.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{
		domainExample,
		`{"sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`,
		`{"policy":"icenter","today":"2024-03-15","sale":{"date":"2024-03-01","condition":"used","warranty_months":3,
		  "warranty_contract":true,"market":"asia"},"claim":"defect","wants":"refund","service_centre":"significant_defect"}`,
		`{"policy":"generic","today":"2025-02-28","sale":{"date":"2024-02-29","warranty_months":12,"price":"1,5",
		  "currency":"uah","tender":"cash"},"claim":"defect","wants":"exchange","remote":true,"till_has_cash":false,
		  "documents":["payment_proof","passport"],"inspection":{"call_seconds":301,"liquid_damage":true},
		  "service_centre":"repairable"}`,
		`{"today":"2024-03-16","sale":{"date":"2024-03-01","line":2,"model":"X","serial":"1"},"claim":"defect",
		  "wants":"refund","service_centre":"no_defect","inspection":{"signs_of_use":true}}`,
		`{"today":"2024-03-30","claimed":"2024-03-11","sale":{"date":"2024-03-01"},"claim":"defect","wants":"refund",
		  "service_centre":"conditions_not_violated"}`,
		`{"today":"2024-03-02","sale":{"date":"2024-03-01"},"claim":"defect","wants":"refund",
		  "service_centre":"conditions_not_violated","documents":[]}`,
		`{"today":"9999-12-31","sale":{"date":"0001-01-01","warranty_months":120},"claim":"defect","wants":"exchange"}`,
		`{"sale":{"date":"2024-03-01","price":"500","currency":"USD"},"claim":"return","wants":"refund"}`,
		`{"sale":{"date":"2024-03-01"},"claim":"swap","wants":"refund"}`,
		`{"sale":{"date":"2024-02-30"},"claim":"return","wants":"refund"}`,
		`{"today":"2024-02-01","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`,
		`{"inspection":{"call_seconds":-1}}`,
		`{"claim": "return",`,
		`[]`, `null`, ``, `{} {}`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	var policies []*flow.Policy
	for _, name := range flow.Builtins {
		policies = append(policies, builtin(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := flow.ParseInput(data, fixedNow)
		if err != nil {
			var fe *flow.FieldError
			if !errors.As(err, &fe) || fe.Field == "" || fe.Msg == "" {
				t.Fatalf("error %v (%T) is not a *FieldError naming its field", err, err)
			}
			return
		}
		for _, p := range policies {
			c := in.Case
			d, err := flow.Decide(&c, p, in.Today.Time())
			var fe *flow.FieldError
			if cur := c.Sale.Price.Currency; cur != "" && cur != p.Currency && errors.As(err, &fe) && fe.Field == "sale.currency" {
				continue // a sale in another currency is decided under no policy of this one's
			}
			if err != nil {
				t.Fatalf("%s: an accepted input does not decide: %v", p.Name, err)
			}
			invariants(t, d)
			if d.Outcome == flow.OutcomeRefund && d.RefundBy != in.Claimed && d.RefundBy != in.Claimed.AddDays(flow.LawPayoutDays) {
				t.Errorf("%s: refund_by %s is neither the claim's day (%s) nor within %d days of it", p.Name, d.RefundBy,
					in.Claimed, flow.LawPayoutDays)
			}
			if p.Name == "icenter" && in.Case.Sale.Condition == flow.ConditionUsed && d.Outcome == flow.OutcomeRefund {
				t.Errorf("icenter refunds used equipment")
			}
			if _, err := json.Marshal(d); err != nil {
				t.Errorf("%s: the decision does not marshal: %v", p.Name, err)
			}
		}
	})
}

// strs reads a JSON list of strings.
func strs(v any) []string {
	l, _ := v.([]any)
	out := []string{}
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// TestParseInputThenDecideKeepsTheClock: a case parsed without today decides
// on the day of now.
func TestParseInputThenDecideKeepsTheClock(t *testing.T) {
	in, err := flow.ParseInput([]byte(`{"policy":"citrus","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`),
		time.Date(2024, 3, 16, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if in.Today != day("2024-03-16") {
		t.Errorf("today %s, want 2024-03-16", in.Today)
	}
}
