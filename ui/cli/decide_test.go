package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

const exampleCase = `{"policy": "citrus", "today": "2024-03-15",
 "sale": {"date": "2024-03-01", "receipt": "R-1001", "price": "19999.00", "currency": "UAH",
          "condition": "new", "market": "eu", "warranty_months": 12, "warranty_contract": false},
 "claim": "return", "wants": "refund", "remote": false, "till_has_cash": true,
 "documents": ["receipt", "payment_proof", "warranty_card", "passport"],
 "inspection": {"signs_of_use": false, "call_seconds": 120, "software_modified": false, "complete_set": true,
                "packaging_intact": true, "labels_intact": true, "seals_intact": true, "serial_matches": true,
                "liquid_damage": false, "mechanical_damage": false, "unauthorised_opening": false},
 "service_centre": ""}`

func TestDecideContractExample(t *testing.T) {
	code, out, errs := run(t, exampleCase, "decide")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Outcome  string   `json:"outcome"`
		RefundBy string   `json:"refund_by"`
		Clauses  []string `json:"clauses"`
		Missing  []string `json:"missing"`
		Warnings []string `json:"warnings"`
		Explain  []string `json:"explain"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got.Outcome != "refund" || got.RefundBy != "2024-03-15" || strings.Join(got.Clauses, ",") != "window,refund-payout" {
		t.Errorf("got %+v", got)
	}
	if got.Missing == nil || got.Warnings == nil || len(got.Explain) == 0 || got.Explain[0] != "day 14 of 14: within the return window" {
		t.Errorf("missing, warnings must be [] and explain must start with the window: %+v", got)
	}
}

func TestDecidePolicyFlag(t *testing.T) {
	in := strings.Replace(exampleCase, `"policy": "citrus", `, "", 1)
	code, out, errs := run(t, in, "decide", "--policy", "generic")
	if code != ExitOK || !strings.Contains(out, `"day 14 of 30: within the return window"`) {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "store.toml")
	data, _ := flow.BuiltinFile("citrus")
	os.WriteFile(file, bytes.Replace(data, []byte("days = 14"), []byte("days = 20"), 1), 0o644)
	code, out, errs = run(t, in, "decide", "--policy", file)
	if code != ExitOK || !strings.Contains(out, `"day 14 of 20: within the return window"`) {
		t.Fatalf("a store's own file: exit %d: %s%s", code, out, errs)
	}
}

func TestDecideBadInputNamesTheField(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		field       string
	}{
		{"malformed JSON", `{"claim": `, nil, "input"},
		{"empty input", ``, nil, "input"},
		{"unknown field", `{"policy":"citrus","sale":{"date":"2024-03-01","colour":"red"},"claim":"return","wants":"refund"}`, nil, "sale.colour"},
		{"unknown claim", `{"policy":"citrus","sale":{"date":"2024-03-01"},"claim":"swap","wants":"refund"}`, nil, "claim"},
		{"unknown document", `{"policy":"citrus","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund","documents":["receipt","selfie"]}`, nil, "documents[1]"},
		{"bad sale date", `{"policy":"citrus","sale":{"date":"2024-02-30"},"claim":"return","wants":"refund"}`, nil, "sale.date"},
		{"sale before 1990", `{"policy":"citrus","sale":{"date":"0000-01-01"},"claim":"return","wants":"refund"}`, nil, "sale.date"},
		{"a sale in USD under a UAH policy", `{"policy":"citrus","sale":{"date":"2024-03-01","price":"500.00","currency":"USD"},"claim":"return","wants":"refund"}`, nil, "sale.currency"},
		{"a currency but no price", `{"policy":"generic","sale":{"date":"2024-03-01","currency":"EUR"},"claim":"return","wants":"refund"}`, nil, "sale.currency"},
		{"a key twice", `{"policy":"citrus","sale":{"date":"2024-03-01","price":"1.00","price":"19999.00"},"claim":"return","wants":"refund"}`, nil, "sale.price"},
		{"bad today", `{"policy":"citrus","today":"15.03.2024","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "today"},
		{"claim after today", `{"policy":"citrus","today":"2024-03-15","claimed":"2024-03-16","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "claimed"},
		{"claim before the sale", `{"policy":"citrus","claimed":"2024-02-28","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "claimed"},
		{"visit before the sale", `{"policy":"citrus","today":"2024-02-28","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "today"},
		{"bad price", `{"policy":"citrus","sale":{"date":"2024-03-01","price":"12,3,4"},"claim":"return","wants":"refund"}`, nil, "sale.price"},
		{"wrong type", `{"policy":"citrus","sale":{"date":"2024-03-01","warranty_months":"twelve"},"claim":"return","wants":"refund"}`, nil, "sale.warranty_months"},
		{"unknown policy", `{"policy":"acme","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "policy"},
		{"no policy", `{"sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "policy"},
		{"policies disagree", `{"policy":"citrus","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, []string{"--policy", "generic"}, "policy"},
		{"missing policy file", `{"sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, []string{"--policy", "/no/such/policy.toml"}, "policy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, append([]string{"decide"}, tt.args...)...)
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d; stdout %q", code, ExitUsage, out)
			}
			if out != "" {
				t.Errorf("bad input wrote to stdout: %q", out)
			}
			if !strings.Contains(errs, "decide: "+tt.field+": ") {
				t.Errorf("the message does not name %s: %q", tt.field, errs)
			}
		})
	}
}

// TestDecideClaimed: a case back from the service centre is decided on the
// day of its claim ("claimed"), not sent to the service centre again; without
// "claimed" the claim is today's.
func TestDecideClaimed(t *testing.T) {
	const back = `{"policy":"citrus","today":"2024-03-30",%s"sale":{"date":"2024-03-01"},"claim":"defect",
	  "wants":"refund","till_has_cash":true,"documents":["receipt","warranty_card"],"service_centre":"conditions_not_violated"}`
	for _, tc := range []struct {
		name, claimed, outcome, first string
	}{
		{"claimed on day 10", `"claimed":"2024-03-11",`, "refund", "day 10 of 14: a defect within the return window"},
		{"claimed today", ``, "service_centre", "under warranty until 2025-03-01 (12 months)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fmt.Sprintf(back, tc.claimed)
			if tc.claimed == "" {
				in = strings.Replace(in, `"sale":{"date":"2024-03-01"}`, `"sale":{"date":"2024-03-01","warranty_months":12}`, 1)
			}
			code, out, errs := run(t, in, "decide")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got struct {
				Outcome string   `json:"outcome"`
				Explain []string `json:"explain"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if got.Outcome != tc.outcome || len(got.Explain) == 0 || got.Explain[0] != tc.first {
				t.Errorf("outcome %s, explain %q; want %s, %q", got.Outcome, got.Explain, tc.outcome, tc.first)
			}
		})
	}
}

// TestDecideSaysWhichPartOfADateIsWrong: a date that is no real day says
// which part is wrong; a sale before 1990 is no sale of the store's.
func TestDecideSaysWhichPartOfADateIsWrong(t *testing.T) {
	for date, want := range map[string]string{
		"2026-02-30": `decide: sale.date: "2026-02-30" is not a date: February 2026 has 28 days`,
		"2026-13-01": `decide: sale.date: "2026-13-01" is not a date: month 13 does not exist`,
		"0000-01-01": "decide: sale.date: the sale date 0000-01-01 is before 1990",
	} {
		in := `{"policy":"citrus","today":"2026-11-20","sale":{"date":"` + date + `"},"claim":"return","wants":"refund"}`
		code, out, errs := run(t, in, "decide")
		if code != ExitUsage || out != "" || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d %q %q, want %q", date, code, out, errs, want)
		}
	}
}
