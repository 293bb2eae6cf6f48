package cli

import (
	"bytes"
	"encoding/json"
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
		{"bad today", `{"policy":"citrus","today":"15.03.2024","sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`, nil, "today"},
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
