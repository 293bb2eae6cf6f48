package cli

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"example.com/returnsdesk/flow"
)

// policyFile writes a built-in policy, changed by edit, to a file of the
// test's and returns its path.
func policyFile(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	data, err := flow.BuiltinFile(name)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), name+".toml")
	if err := os.WriteFile(file, []byte(edit(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// dropClause is a policy file's text without one of its clauses.
func dropClause(id string) func(string) string {
	re := regexp.MustCompile(`(?m)^\[clauses\.` + regexp.QuoteMeta(id) + `\]\n(?:[^\[\n].*\n)*`)
	return func(s string) string { return re.ReplaceAllString(s, "") }
}

// onlyNumbers: a line of numbers and ids alone (no words) reads the same in
// every language.
var onlyNumbers = regexp.MustCompile(`^[\d\s:.,/()%-]*$`)

// decideBoth runs decide on in, in English and in Ukrainian, and returns
// both outputs, each as its JSON object.
func decideBoth(t *testing.T, in string, args ...string) (en, uk map[string]any) {
	t.Helper()
	out := map[string]map[string]any{}
	for _, l := range []string{"", "en", "uk"} {
		a := append([]string{"decide"}, args...)
		if l != "" {
			a = append(a, "--lang", l)
		}
		code, stdout, errs := run(t, in, a...)
		if code != ExitOK {
			t.Fatalf("--lang %q: exit %d: %s", l, code, errs)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(stdout), &m); err != nil {
			t.Fatalf("--lang %q: output is not JSON: %v\n%s", l, err, stdout)
		}
		out[l] = m
	}
	if !reflect.DeepEqual(out[""], out["en"]) {
		t.Errorf("the default is not English:\n%v\n%v", out[""], out["en"])
	}
	return out["en"], out["uk"]
}

// TestDecideInUkrainian: --lang uk explains every decision line by line in
// Ukrainian, and every other field of the decision is English's: the
// outcome, the clauses, the documents, the warnings, the reason, the days.
func TestDecideInUkrainian(t *testing.T) {
	// the sale: a new phone of 2024-03-01 with 12 months' warranty for the EU
	// market, but for the fields given
	sale := func(fields string) string {
		def := map[string]string{"warranty_months": "12", "market": `"eu"`}
		out := `"date":"2024-03-01","price":"19999.00","currency":"UAH"`
		for _, f := range strings.Split(fields, ",") {
			if k, v, ok := strings.Cut(f, ":"); ok {
				def[strings.Trim(k, `"`)] = v
			}
		}
		for _, k := range slices.Sorted(maps.Keys(def)) {
			if def[k] != "-" {
				out += `,"` + k + `":` + def[k]
			}
		}
		return `"sale":{` + out + `}`
	}
	clean := `"inspection":{"call_seconds":120,"complete_set":true,"packaging_intact":true,"labels_intact":true,"seals_intact":true,"serial_matches":true}`
	all := `"documents":["receipt","payment_proof","warranty_card","passport"]`
	kase := func(policy, today, saleExtra, rest string) string {
		head := `{"today":"` + today + `",`
		if policy != "" {
			head = `{"policy":"` + policy + `","today":"` + today + `",`
		}
		return head + sale(saleExtra) + `,` + rest + `}`
	}
	ret := `"claim":"return","wants":"refund","till_has_cash":true,` + all + `,` + clean
	exch := `"claim":"return","wants":"exchange",` + all + `,` + clean
	defect := func(sc, wants string) string {
		return `"claim":"defect","wants":"` + wants + `","till_has_cash":true,` + all + `,` + clean + `,"service_centre":"` + sc + `"`
	}
	citrus10 := policyFile(t, "citrus", func(s string) string { return strings.Replace(s, "days = 14", "days = 10", 1) })
	noShipping := policyFile(t, "citrus", dropClause("return-shipping"))
	noWarrantyRepair := policyFile(t, "citrus", dropClause("warranty-repair"))
	noWarrantyPeriod := policyFile(t, "citrus", dropClause("warranty-period"))
	tests := []struct {
		name, in string
		args     []string
		outcome  string
	}{
		{"refund at the till", kase("citrus", "2024-03-15", "", ret), nil, "refund"},
		{"refund, the till lacks cash", kase("citrus", "2024-03-15", "", strings.Replace(ret, "true", "false", 1)), nil, "refund"},
		{"refund of a remote return", kase("citrus", "2024-03-15", "", ret+`,"remote":true`), nil, "refund"},
		{"exchange", kase("citrus", "2024-03-15", "", exch), nil, "exchange"},
		{"reject: past the window, used, calls", kase("citrus", "2024-03-20", "", strings.Replace(
			strings.Replace(ret, `"call_seconds":120`, `"call_seconds":420,"signs_of_use":true,"software_modified":true`, 1),
			`"complete_set":true,"packaging_intact":true,"labels_intact":true,"seals_intact":true`, `"complete_set":false`, 1)), nil, "reject"},
		{"reject: used equipment", kase("icenter", "2024-03-15", `,"condition":"used"`, ret), nil, "reject"},
		{"need documents: proof of purchase of two kinds", kase("generic", "2024-03-15", "", strings.Replace(ret, all, `"documents":[]`, 1)), nil, "need_documents"},
		{"need documents: warranty card", kase("citrus", "2024-03-15", "", strings.Replace(ret, all, `"documents":["receipt"]`, 1)), nil, "need_documents"},
		{"need documents: the significant defect's proof of payment", kase("generic", "2024-06-03", "", strings.Replace(
			defect("significant_defect", "refund"), all, `"documents":["passport"]`, 1)), nil, "need_documents"},
		{"service centre: citrus diagnostics, the store's term, exclusions", kase("citrus", "2024-03-10", "", strings.Replace(
			defect("", "refund"), `"seals_intact":true,"serial_matches":true`, `"liquid_damage":true,"mechanical_damage":true,"unauthorised_opening":true`, 1)), nil, "service_centre"},
		{"service centre: generic's experts", kase("generic", "2024-03-10", "", defect("", "exchange")), nil, "service_centre"},
		{"service centre: warranty repair in business days, no loaner", kase("icenter", "2024-06-03", "", defect("", "refund")), nil, "service_centre"},
		{"service centre: used equipment under a contractual warranty", kase("icenter", "2024-03-20", `,"condition":"used","warranty_months":3,"warranty_contract":true`, defect("", "refund")), nil, "service_centre"},
		{"replace similar", kase("icenter", "2024-03-20", `,"condition":"used","warranty_months":3,"warranty_contract":true`, defect("significant_defect", "refund")), nil, "replace_similar"},
		{"reject: used equipment without a contract", kase("icenter", "2024-03-20", `,"condition":"used"`, defect("", "refund")), nil, "reject"},
		{"reject: the warranty ended", kase("citrus", "2025-06-03", "", defect("", "refund")), nil, "reject"},
		{"reject: citrus act, conditions violated", kase("citrus", "2024-03-10", "", defect("conditions_violated", "refund")), nil, "reject"},
		{"reject: generic, no defect", kase("generic", "2024-03-10", "", defect("no_defect", "refund")), nil, "reject"},
		{"reject: significant defect, incomplete set", kase("citrus", "2024-06-03", "", strings.Replace(defect("significant_defect", "refund"), `"complete_set":true`, `"complete_set":false`, 1)), nil, "reject"},
		{"exchange: citrus, no defect found", kase("citrus", "2024-03-10", "", defect("no_defect", "refund")), nil, "exchange"},
		{"refund: citrus act confirms the defect", kase("citrus", "2024-03-10", "", defect("conditions_not_violated", "refund")), nil, "refund"},
		{"exchange: generic defect in the window", kase("generic", "2024-03-10", "", defect("repairable", "exchange")), nil, "exchange"},
		{"refund: significant defect under warranty", kase("citrus", "2024-06-03", "", defect("significant_defect", "refund")), nil, "refund"},
		{"reject: warranty repair refused", kase("citrus", "2024-06-03", "", defect("conditions_violated", "refund")), nil, "reject"},
		{"reject: nothing to repair", kase("citrus", "2024-06-03", "", defect("no_defect", "refund")), nil, "reject"},
		{"escalate: the store's reason (generic)", kase("generic", "2024-03-10", "", defect("repairable", "refund")), nil, "escalate"},
		{"escalate: icenter returns of new goods", kase("icenter", "2024-03-15", "", ret), nil, "escalate"},
		{"escalate: icenter significant defect", kase("icenter", "2024-06-03", "", defect("significant_defect", "refund")), nil, "escalate"},
		{"escalate: a short window", kase("", "2024-03-13", "", ret), []string{"--policy", citrus10}, "escalate"},
		{"escalate: a remote return, no return-shipping", kase("", "2024-03-15", "", ret+`,"remote":true`), []string{"--policy", noShipping}, "escalate"},
		{"escalate: no warranty months", kase("citrus", "2024-06-03", `,"warranty_months":0`, defect("", "refund")), nil, "escalate"},
		{"escalate: used, no warranty months", kase("icenter", "2024-03-20", `,"condition":"used","warranty_months":0,"warranty_contract":true`, defect("", "refund")), nil, "escalate"},
		{"escalate: warranty out of range", kase("generic", "2024-06-03", `,"warranty_months":6`, defect("", "refund")), nil, "escalate"},
		{"escalate: no warranty-period", kase("", "2024-06-03", "", defect("", "refund")), []string{"--policy", noWarrantyPeriod}, "escalate"},
		{"escalate: no warranty-repair", kase("", "2024-06-03", "", defect("", "refund")), []string{"--policy", noWarrantyRepair}, "escalate"},
		{"escalate: an asia-market device", kase("icenter", "2024-06-03", `,"market":"asia"`, defect("", "refund")), nil, "escalate"},
		{"escalate: no market", kase("icenter", "2024-06-03", `,"market":-`, defect("", "refund")), nil, "escalate"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			en, uk := decideBoth(t, tc.in, tc.args...)
			if en["outcome"] != tc.outcome {
				t.Fatalf("outcome %v, want %s; explain %v", en["outcome"], tc.outcome, en["explain"])
			}
			seen[tc.outcome] = true
			for k, v := range en {
				if k != "explain" && !reflect.DeepEqual(v, uk[k]) {
					t.Errorf("%s: %v in English, %v in Ukrainian", k, v, uk[k])
				}
			}
			if len(uk) != len(en) {
				t.Errorf("Ukrainian has the fields %v, English %v", uk, en)
			}
			enLines, ukLines := lines(en["explain"]), lines(uk["explain"])
			if len(enLines) != len(ukLines) || len(enLines) == 0 {
				t.Fatalf("explain: %d lines in English, %d in Ukrainian", len(enLines), len(ukLines))
			}
			for i, l := range ukLines {
				if onlyNumbers.MatchString(enLines[i]) {
					continue
				}
				if l == enLines[i] || !strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
					t.Errorf("line %d is not Ukrainian: %q (English %q)", i, l, enLines[i])
				}
			}
		})
	}
	for _, o := range flow.Outcomes {
		if !seen[string(o)] {
			t.Errorf("no case of the table is decided %s", o)
		}
	}
}

// lines are a decision's explain lines.
func lines(v any) []string {
	var out []string
	for _, l := range v.([]any) {
		out = append(out, l.(string))
	}
	return slices.Clip(out)
}

// TestDecideBadLang: a language that is not the kiosk's exits 2 naming the
// flag, before the input is read.
func TestDecideBadLang(t *testing.T) {
	for _, l := range []string{"ru", "", "ukr"} {
		code, out, errs := run(t, exampleCase, "decide", "--lang", l)
		if code != ExitUsage || out != "" || !strings.Contains(errs, "decide: --lang: ") {
			t.Errorf("--lang %q: exit %d %q %q", l, code, out, errs)
		}
	}
}
