package flow_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// domainTable is docs/rules.md's table of clauses ("Clauses"): which clause each built-in
// policy has.
var domainTable = map[string][]flow.ClauseID{
	"generic": {flow.ClauseWindow, flow.ClauseUnused, flow.ClauseCallCounter, flow.ClauseSoftware,
		flow.ClauseCompleteSet, flow.ClausePackaging, flow.ClauseLabels, flow.ClauseProofOfPurchase,
		flow.ClausePassport, flow.ClauseRefundPayout, flow.ClauseReturnShipping, flow.ClauseDefectExchange,
		flow.ClauseWarrantyPeriod, flow.ClauseSignificantDefect, flow.ClauseWarrantyRepair, flow.ClauseWarrantyExclusions},
	"icenter": {flow.ClauseUsedEquipment, flow.ClauseProofOfPurchase, flow.ClauseRefundPayout, flow.ClauseWarrantyPeriod,
		flow.ClauseWarrantyRepair, flow.ClauseWarrantyExclusions, flow.ClauseUsedWarranty, flow.ClauseMarket,
		flow.ClauseNoLoaner},
	"citrus": {flow.ClauseWindow, flow.ClauseUnused, flow.ClauseCallCounter, flow.ClauseSoftware,
		flow.ClauseCompleteSet, flow.ClausePackaging, flow.ClauseLabels, flow.ClauseSeals, flow.ClauseProofOfPurchase,
		flow.ClauseWarrantyCard, flow.ClauseRefundPayout, flow.ClauseReturnShipping, flow.ClauseSCAct,
		flow.ClauseNoDefectFound, flow.ClauseWarrantyPeriod, flow.ClauseSignificantDefect, flow.ClauseWarrantyRepair,
		flow.ClauseWarrantyExclusions},
}

// TestBuiltinPolicies: each built-in file parses, has exactly the clauses of
// docs/rules.md's table ("Clauses"), and the parameters the table and the store texts give.
func TestBuiltinPolicies(t *testing.T) {
	for _, name := range flow.Builtins {
		t.Run(name, func(t *testing.T) {
			data, err := flow.BuiltinFile(name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := flow.ParsePolicy(data, name+".toml")
			if err != nil {
				t.Fatalf("ParsePolicy: %v", err)
			}
			if p.Name != name || p.Currency != "UAH" {
				t.Errorf("name %q currency %q", p.Name, p.Currency)
			}
			if got := p.ClauseIDsOf(); !slices.Equal(got, domainTable[name]) {
				t.Errorf("clauses %v\nwant %v (docs/rules.md, \"Clauses\")", got, domainTable[name])
			}
			for _, id := range p.ClauseIDsOf() {
				if s := p.Source(id); s == nil || strings.TrimSpace(s.Source) == "" {
					t.Errorf("%s quotes no source", id)
				}
			}
		})
	}
	g, i, c := builtin(t, "generic"), builtin(t, "icenter"), builtin(t, "citrus")
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"generic/window_days", g.Clauses.Window.Days, 30},
		{"citrus/window_days", c.Clauses.Window.Days, 14},
		{"generic/call_seconds", g.Clauses.CallCounter.MaxSeconds, 300},
		{"citrus/call_seconds", c.Clauses.CallCounter.MaxSeconds, 300},
		{"generic/proof_accepts", g.Clauses.ProofOfPurchase.Accepts, docs(flow.DocReceipt, flow.DocPaymentProof)},
		{"icenter/proof_accepts", i.Clauses.ProofOfPurchase.Accepts, docs(flow.DocReceipt, flow.DocPaymentProof)},
		{"citrus/proof_accepts", c.Clauses.ProofOfPurchase.Accepts, docs(flow.DocReceipt)},
		{"generic/payout_days", g.Clauses.RefundPayout.DaysWithoutCash, 7},
		{"icenter/payout_days", i.Clauses.RefundPayout.DaysWithoutCash, 7},
		{"citrus/payout_days", c.Clauses.RefundPayout.DaysWithoutCash, 7},
		{"generic/warranty_months", [2]int{g.Clauses.WarrantyPeriod.MinMonths, g.Clauses.WarrantyPeriod.MaxMonths}, [2]int{12, 36}},
		{"citrus/warranty_max_months", c.Clauses.WarrantyPeriod.MaxMonths, 36},
		{"icenter/repair_business_days", [2]int{i.Clauses.WarrantyRepair.MinBusinessDays, i.Clauses.WarrantyRepair.MaxBusinessDays}, [2]int{21, 31}},
		{"icenter/repair_markets", i.Clauses.WarrantyRepair.Markets, []flow.Market{flow.MarketUS, flow.MarketEU}},
		{"icenter/used_business_days", [2]int{i.Clauses.UsedWarranty.MinBusinessDays, i.Clauses.UsedWarranty.MaxBusinessDays}, [2]int{3, 30}},
		{"icenter/individual_markets", i.Clauses.Market.Individual, []flow.Market{flow.MarketAsia}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if mustJSON(t, tc.got) != mustJSON(t, tc.want) {
				t.Errorf("%v, want %v", tc.got, tc.want)
			}
		})
	}
	t.Run("generic/escalates_G12_vs_G15", func(t *testing.T) {
		if _, ok := g.Escalation(flow.SituationDefectRefundInWindow); !ok {
			t.Error("generic does not list defect-refund-in-window")
		}
	})
	t.Run("icenter/escalates_silences", func(t *testing.T) {
		for _, s := range []flow.Situation{flow.SituationReturnNewGoods, flow.SituationSignificantDefect} {
			if _, ok := i.Escalation(s); !ok {
				t.Errorf("icenter does not list %s", s)
			}
		}
	})
}

// cyrillic reports whether s has a Cyrillic letter, as a Ukrainian text
// does.
func cyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// TestBuiltinPoliciesInUkrainian: every built-in clause quotes its source in
// Ukrainian beside the English, and so does every escalation (its reason and
// its source) and the title; Quote and Reason give each in its language,
// and a built-in policy has no warnings.
func TestBuiltinPoliciesInUkrainian(t *testing.T) {
	for _, name := range flow.Builtins {
		t.Run(name, func(t *testing.T) {
			p := builtin(t, name)
			if !cyrillic(p.TitleUK) || p.TitleIn(lang.UK) != p.TitleUK || p.TitleIn(lang.EN) != p.Title {
				t.Errorf("title %q, title_uk %q", p.Title, p.TitleUK)
			}
			for _, id := range p.ClauseIDsOf() {
				s := p.Source(id)
				if !cyrillic(s.SourceUK) {
					t.Errorf("%s: source_uk %q has no Ukrainian", id, s.SourceUK)
				}
				if cyrillic(s.Source) {
					t.Errorf("%s: the English source %q has Cyrillic in it", id, s.Source)
				}
				if got := p.Quote(id, lang.UK); got != s.SourceUK {
					t.Errorf("%s: Quote(uk) = %q, want source_uk", id, got)
				}
				if got := p.Quote(id, lang.EN); got != s.Source {
					t.Errorf("%s: Quote(en) = %q, want source", id, got)
				}
			}
			for sit, e := range p.Escalate {
				if !cyrillic(e.ReasonUK) || !cyrillic(e.SourceUK) {
					t.Errorf("%s: reason_uk %q source_uk %q", sit, e.ReasonUK, e.SourceUK)
				}
				if r, ok := p.Reason(sit, lang.UK); !ok || r != e.ReasonUK {
					t.Errorf("%s: Reason(uk) = %q %v", sit, r, ok)
				}
				if r, _ := p.Reason(sit, lang.EN); r != e.Reason || e.SourceIn(lang.EN) != e.Source || e.SourceIn(lang.UK) != e.SourceUK {
					t.Errorf("%s: Reason(en) = %q, SourceIn %q %q", sit, r, e.SourceIn(lang.EN), e.SourceIn(lang.UK))
				}
			}
			if w := p.Warnings(); len(w) > 0 {
				t.Errorf("warnings %v", w)
			}
		})
	}
}

// TestQuoteFallsBackToEnglish: a store's own file without the Ukrainian is
// valid, quotes the English in both languages, and warns of each Ukrainian
// text it lacks by the line of its table; a Ukrainian text given is quoted
// in Ukrainian only, and one with no Cyrillic letter is warned of.
func TestQuoteFallsBackToEnglish(t *testing.T) {
	p := parse(t, storeTOML)
	for _, l := range lang.Langs {
		if got := p.Quote(flow.ClauseWindow, l); got != "Returns within 21 days." {
			t.Errorf("Quote(window, %s) = %q, want the English", l, got)
		}
		if got, ok := p.Reason(flow.SituationRemoteReturn, l); !ok || got != "we take no parcels without the manager" {
			t.Errorf("Reason(remote-return, %s) = %q %v, want the English", l, got, ok)
		}
		if got := p.TitleIn(l); got != "Corner Shop" {
			t.Errorf("TitleIn(%s) = %q", l, got)
		}
		if got := p.Quote(flow.ClauseSeals, l); got != "" {
			t.Errorf("Quote of a clause the policy lacks = %q", got)
		}
		if got, ok := p.Reason(flow.SituationShortWindow, l); ok || got != "" {
			t.Errorf("Reason of a situation not listed = %q %v", got, ok)
		}
	}
	warned := map[string]int{}
	for _, w := range p.Warnings() {
		warned[w.Key] = w.Line
	}
	for key, line := range map[string]int{"title_uk": 3, "clauses.window.source_uk": 7,
		"clauses.warranty-repair.source_uk": 37, "escalate.remote-return.reason_uk": 42, "escalate.remote-return.source_uk": 42} {
		if got, ok := warned[key]; !ok || got != line {
			t.Errorf("warning of %s on line %d (%v), want line %d:\n%v", key, got, ok, line, p.Warnings())
		}
	}
	if len(warned) != 12 {
		t.Errorf("%d warnings, want 12 (the title, 9 clauses, 2 of the escalation's):\n%v", len(warned), p.Warnings())
	}

	mixed := parse(t, minimalTOML+`
[clauses.window]
days = 14
source = "Returns within 14 days."
source_uk = "Повернення протягом 14 днів."

[clauses.unused]
source = "No signs of use."
source_uk = "No signs of use."
`)
	if got := mixed.Quote(flow.ClauseWindow, lang.UK); got != "Повернення протягом 14 днів." {
		t.Errorf("Quote(window, uk) = %q", got)
	}
	if got := mixed.Quote(flow.ClauseWindow, lang.EN); got != "Returns within 14 days." {
		t.Errorf("Quote(window, en) = %q", got)
	}
	w := mixed.Warnings()
	if len(w) != 1 || w[0].Key != "clauses.unused.source_uk" || w[0].Line != 11 || !strings.Contains(w[0].Msg, "Cyrillic") {
		t.Errorf("warnings %v, want one of line 11: clauses.unused.source_uk with no Cyrillic", w)
	}
}

func TestBuiltinUnknown(t *testing.T) {
	if _, err := flow.Builtin("rozetka"); err == nil || !strings.Contains(err.Error(), "generic, icenter, citrus") {
		t.Errorf("error %v, want one listing the built-in policies", err)
	}
}

// minimalTOML is the head every policy needs.
const minimalTOML = `name = "kiosk"
currency = "UAH"
`

// TestParsePolicyErrors: a broken file fails, naming the line, the key or
// both, in a *PolicyError that carries the file name.
func TestParsePolicyErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int    // the line a problem names; 0 to skip
		key        string // the key the same problem names; "" to skip
		msg        string
	}{
		{"syntax_error_names_line", minimalTOML + "\n[clauses.window\ndays = 14\n", 4, "", ""},
		{"syntax_error_bad_value", minimalTOML + "[clauses.window]\ndays = fourteen\nsource = \"x\"\n", 4, "", ""},
		{"unknown_clause_id", minimalTOML + "\n[clauses.refunds]\nsource = \"x\"\n", 4, "clauses.refunds", "not a clause id"},
		{"unknown_parameter_key", minimalTOML + "[clauses.window]\ndays = 14\nsource = \"x\"\nmax_days = 30\n", 6,
			"clauses.window.max_days", "unknown key"},
		{"unknown_top_key", minimalTOML + "owner = \"me\"\n", 3, "owner", "unknown key"},
		{"unknown_situation", minimalTOML + "[escalate.full-moon]\nreason = \"x\"\n", 3, "escalate.full-moon", "not a situation"},
		{"negative_window", minimalTOML + "[clauses.window]\nsource = \"x\"\ndays = -3\n", 5, "clauses.window.days", "-3"},
		{"zero_window", minimalTOML + "[clauses.window]\nsource = \"x\"\ndays = 0\n", 5, "clauses.window.days", "from 1 to 365"},
		{"payout_10_days_breaks_the_law", minimalTOML + "[clauses.refund-payout]\nsource = \"x\"\ndays_without_cash = 10\n", 5,
			"clauses.refund-payout.days_without_cash", "allows from 0 to 7"},
		{"clause_without_source", minimalTOML + "[clauses.unused]\n", 0, "clauses.unused.source", "quotes the text"},
		{"clause_with_blank_source", minimalTOML + "[clauses.unused]\nsource = \"  \"\n", 4, "clauses.unused.source", "quotes the text"},
		{"no_name", "currency = \"UAH\"\n", 0, "name", "needs a name"},
		{"no_currency", "name = \"kiosk\"\n", 0, "currency", "needs a currency"},
		{"negative_call_seconds", minimalTOML + "[clauses.call-counter]\nsource = \"x\"\nmax_seconds = -1\n", 5,
			"clauses.call-counter.max_seconds", "from 0"},
		{"proof_accepts_passport", minimalTOML + "[clauses.proof-of-purchase]\nsource = \"x\"\naccepts = [\"passport\"]\n", 5,
			"clauses.proof-of-purchase.accepts", "not a proof of purchase"},
		{"proof_accepts_nothing", minimalTOML + "[clauses.proof-of-purchase]\nsource = \"x\"\naccepts = []\n", 5,
			"clauses.proof-of-purchase.accepts", "at least one"},
		{"repair_range_upside_down", minimalTOML + "[clauses.warranty-repair]\nsource = \"x\"\nmin_business_days = 31\nmax_business_days = 21\n", 3,
			"clauses.warranty-repair", "range"},
		{"repair_unknown_market", minimalTOML + "[clauses.warranty-repair]\nsource = \"x\"\nmarkets = [\"cn\"]\n", 5,
			"clauses.warranty-repair.markets", "not one of"},
		{"warranty_months_upside_down", minimalTOML + "[clauses.warranty-period]\nsource = \"x\"\nmin_months = 36\nmax_months = 12\n", 3,
			"clauses.warranty-period", "range"},
		{"no_defect_found_without_sc_act", minimalTOML + "[clauses.window]\nsource = \"x\"\ndays = 14\n[clauses.no-defect-found]\nsource = \"x\"\n", 6,
			"clauses.no-defect-found", "sc-act"},
		{"sc_act_without_window", minimalTOML + "[clauses.sc-act]\nsource = \"x\"\n", 0, "clauses.window", "needs one"},
		{"sc_act_and_defect_exchange", minimalTOML + "[clauses.window]\nsource = \"x\"\ndays = 14\n[clauses.sc-act]\nsource = \"x\"\n[clauses.defect-exchange]\nsource = \"x\"\n", 8,
			"clauses.defect-exchange", "not both"},
		{"escalation_without_reason", minimalTOML + "[escalate.short-window]\nsource = \"x\"\n", 0, "escalate.short-window.reason", "say why"},
		{"fraud_repeat_returns_zero", minimalTOML + "[fraud]\nrepeat_returns = 0\n", 4, "fraud.repeat_returns", "from 1 to 100"},
		{"fraud_threshold_not_an_amount", minimalTOML + "[fraud]\ncash_refund_threshold = \"lots\"\n", 4,
			"fraud.cash_refund_threshold", "not an amount"},
		{"fraud_threshold_zero", minimalTOML + "[fraud]\ncash_refund_threshold = \"0.00\"\n", 4,
			"fraud.cash_refund_threshold", "more than zero"},
		{"fraud_unknown_key", minimalTOML + "[fraud]\nrepeat_days = 10\n", 4, "fraud.repeat_days", "unknown key"},
		{"misspelt_source_uk", minimalTOML + "[clauses.unused]\nsource = \"x\"\nsource_ukr = \"б\"\n", 5,
			"clauses.unused.source_ukr", "unknown key"},
		{"unclosed_source_uk", minimalTOML + "[clauses.unused]\nsource = \"x\"\nsource_uk = \"без лапки\n", 5,
			"clauses.unused.source_uk", "newlines"},
		{"misspelt_reason_uk", minimalTOML + "[escalate.short-window]\nreason = \"x\"\nreasonuk = \"б\"\n", 5,
			"escalate.short-window.reasonuk", "unknown key"},
		{"source_uk_not_a_string", minimalTOML + "[clauses.unused]\nsource = \"x\"\nsource_uk = 5\n", 5,
			"clauses.unused.source_uk", "incompatible types"},
		{"days_not_a_number", minimalTOML + "[clauses.window]\nsource = \"x\"\ndays = \"14\"\n", 5,
			"clauses.window.days", "incompatible types"},
		{"misspelt_title_uk", minimalTOML + "titel_uk = \"б\"\n", 3, "titel_uk", "unknown key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := flow.ParsePolicy([]byte(tc.text), "store.toml")
			if err == nil {
				t.Fatalf("parsed %+v, want an error", p)
			}
			var pe *flow.PolicyError
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("error %v (%T), want a *PolicyError", err, err)
			}
			if !strings.HasPrefix(err.Error(), "store.toml: ") {
				t.Errorf("error %q does not name the file", err)
			}
			found := false
			for _, pr := range pe.Problems {
				if (tc.key == "" || pr.Key == tc.key) && (tc.line == 0 || pr.Line == tc.line) && strings.Contains(pr.Msg, tc.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem names line %d key %q saying %q:\n%v", tc.line, tc.key, tc.msg, err)
			}
		})
	}
}

// TestParsePolicyListsEveryProblem: a file with several mistakes names them
// all, in the order of their lines.
func TestParsePolicyListsEveryProblem(t *testing.T) {
	text := minimalTOML + `
[clauses.refund-payout]
source = "x"
days_without_cash = 10

[clauses.window]
source = "x"
days = -1

[clauses.refunds]
source = "x"
`
	_, err := flow.ParsePolicy([]byte(text), "store.toml")
	var pe *flow.PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v, want a *PolicyError", err)
	}
	var lines []int
	for _, p := range pe.Problems {
		lines = append(lines, p.Line)
	}
	if !slices.IsSorted(lines) || len(lines) < 3 {
		t.Errorf("problems on lines %v, want at least 3 in order:\n%v", lines, err)
	}
	for _, want := range []string{"line 6: clauses.refund-payout.days_without_cash", "line 10: clauses.window.days", "line 12: clauses.refunds"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}

// storeTOML is a store's own policy, written as a store would: citrus's
// rules with a 21-day window, refunds within 3 days and a 7-minute call
// counter.
const storeTOML = `# Our own rules.
name = "corner-shop"
title = "Corner Shop"
currency = "UAH"
law = "Law No. 1023-XII"

[clauses.window]
days = 21
source = "Returns within 21 days."

[clauses.unused]
source = "No signs of use."

[clauses.call-counter]
max_seconds = 420
source = "No more than 7 minutes of calls."

[clauses.proof-of-purchase]
accepts = ["receipt", "payment_proof"]
source = "Bring the receipt or the bank slip."

[clauses.refund-payout]
days_without_cash = 3
source = "Refunds within 3 days."

[clauses.sc-act]
source = "A defect needs the service centre's act."

[clauses.no-defect-found]
source = "No defect found: we exchange."

[clauses.warranty-period]
min_months = 12
max_months = 24
source = "12 to 24 months."

[clauses.warranty-repair]
min_business_days = 5
max_business_days = 10
source = "Repairs in 5 to 10 business days."

[escalate.remote-return]
reason = "we take no parcels without the manager"
source = "(store rule)"
`

// TestStorePolicy: a store's own file, written inline, parses and decides by
// its own numbers.
func TestStorePolicy(t *testing.T) {
	p := parse(t, storeTOML)
	if p.Name != "corner-shop" || p.Title != "Corner Shop" {
		t.Errorf("name %q title %q", p.Name, p.Title)
	}
	noCash := func(c *flow.Case) { c.TillHasCash = false }
	runDecideCases(t, []decideCase{
		{name: "day_21_refunds_within_3_days", policy: p, c: edited(cleanReturn, noCash), today: "2024-03-22",
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout), refundBy: "2024-03-25"}},
		{name: "day_22_rejects", policy: p, c: cleanReturn(), today: "2024-03-23",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow)}},
		{name: "420s_of_calls_passes", policy: p, c: edited(cleanReturn, func(c *flow.Case) { c.Inspection.CallSeconds = 420 }),
			want: refunded("2024-03-15")},
		{name: "421s_of_calls_rejects", policy: p, c: edited(cleanReturn, func(c *flow.Case) { c.Inspection.CallSeconds = 421 }),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseCallCounter)}},
		// No packaging clause here: a torn box does not count.
		{name: "torn_box_does_not_count", policy: p, c: edited(cleanReturn, func(c *flow.Case) { c.Inspection.PackagingIntact = false }),
			want: refunded("2024-03-15")},
		{name: "remote_return_escalates_with_store_reason", policy: p,
			c:    edited(cleanReturn, func(c *flow.Case) { c.Request.Remote = true }),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseReturnShipping), reason: "we take no parcels"}},
		// 2024-05-03 is a Friday; + 10 business days is 2024-05-17.
		{name: "warranty_repair_in_10_business_days", policy: p, c: cleanDefect(), today: "2024-05-03",
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair), serviceBy: "2024-05-17"}},
		// No significant-defect clause: the law decides, a shift lead applies it.
		{name: "significant_defect_without_clause_escalates", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect)), today: "2024-05-03",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseSignificantDefect), reason: "art. 8"}},
	})
}

// TestChecklist: the inspection checklist asks what the policy's clauses
// need, and names the clauses each answer serves.
func TestChecklist(t *testing.T) {
	fields := func(p *flow.Policy) map[string][]flow.ClauseID {
		m := map[string][]flow.ClauseID{}
		for _, c := range p.Checklist() {
			if c.Question == "" {
				t.Errorf("%s asks nothing", c.Field)
			}
			m[c.Field] = c.Clauses
		}
		return m
	}
	c := fields(builtin(t, "citrus"))
	if !slices.Equal(c["seals_intact"], ids(flow.ClauseSeals, flow.ClauseWarrantyExclusions)) {
		t.Errorf("citrus seals_intact serves %v", c["seals_intact"])
	}
	if !slices.Equal(c["complete_set"], ids(flow.ClauseCompleteSet, flow.ClauseSignificantDefect)) {
		t.Errorf("citrus complete_set serves %v", c["complete_set"])
	}
	g := fields(builtin(t, "generic"))
	if !slices.Equal(g["seals_intact"], ids(flow.ClauseWarrantyExclusions)) {
		t.Errorf("generic seals_intact serves %v", g["seals_intact"])
	}
	i := fields(builtin(t, "icenter"))
	for _, f := range []string{"signs_of_use", "call_seconds", "packaging_intact", "complete_set"} {
		if _, ok := i[f]; ok {
			t.Errorf("icenter asks %s, which none of its clauses needs", f)
		}
	}
	if _, ok := i["liquid_damage"]; !ok {
		t.Errorf("icenter does not ask about liquid damage")
	}
}
