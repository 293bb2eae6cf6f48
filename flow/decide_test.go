package flow_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// decideCase is one case decided under one policy.
type decideCase struct {
	name   string
	policy *flow.Policy
	c      flow.Case
	today  string
	want   want
}

func runDecideCases(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			today := tc.today
			if today == "" {
				today = "2024-03-15"
			}
			check(t, decide(t, tc.c, tc.policy, today), tc.want)
		})
	}
}

// edited is base with edits applied.
func edited(base func() flow.Case, edits ...func(*flow.Case)) flow.Case {
	c := base()
	for _, e := range edits {
		e(&c)
	}
	return c
}

func wants(w flow.Want) func(*flow.Case) { return func(c *flow.Case) { c.Request.Wants = w } }

func concluded(k flow.Conclusion) func(*flow.Case) { return func(c *flow.Case) { c.ServiceCentre = k } }

func brought(d ...flow.Document) func(*flow.Case) { return func(c *flow.Case) { c.Documents = d } }

// TestRejectionListsEveryFailedClause: a rejection names every clause the
// case fails, not only the first, in the order the clauses are checked.
func TestRejectionListsEveryFailedClause(t *testing.T) {
	late := func(c *flow.Case) {
		c.Inspection.SignsOfUse = true
		c.Inspection.CallSeconds = 301
	}
	everything := func(c *flow.Case) {
		c.Inspection = flow.Inspection{SignsOfUse: true, CallSeconds: 3600, SoftwareModified: true}
	}
	runDecideCases(t, []decideCase{
		{name: "citrus/window_unused_call-counter", policy: builtin(t, "citrus"), c: edited(cleanReturn, late),
			today: "2024-03-16",
			want:  want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow, flow.ClauseUnused, flow.ClauseCallCounter)}},
		{name: "generic/window_unused_call-counter", policy: builtin(t, "generic"), c: edited(cleanReturn, late),
			today: "2024-04-01",
			want:  want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow, flow.ClauseUnused, flow.ClauseCallCounter)}},
		{name: "citrus/every_inspection_clause", policy: builtin(t, "citrus"), c: edited(cleanReturn, everything),
			today: "2024-05-01",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow, flow.ClauseUnused,
				flow.ClauseCallCounter, flow.ClauseSoftware, flow.ClauseCompleteSet, flow.ClausePackaging,
				flow.ClauseLabels, flow.ClauseSeals)}},
		// generic has no seals clause: broken seals do not count against a return.
		{name: "generic/every_inspection_clause_but_seals", policy: builtin(t, "generic"), c: edited(cleanReturn, everything),
			today: "2024-05-01",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow, flow.ClauseUnused,
				flow.ClauseCallCounter, flow.ClauseSoftware, flow.ClauseCompleteSet, flow.ClausePackaging,
				flow.ClauseLabels)}},
		// A rejection comes before documents: the case is not left open for
		// papers it cannot use.
		{name: "citrus/rejection_before_documents", policy: builtin(t, "citrus"),
			c: edited(cleanReturn, late, brought()), today: "2024-03-16",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow, flow.ClauseUnused, flow.ClauseCallCounter)}},
	})
}

// shortWindowTOML is a store's own policy whose 7-day window is shorter than
// the 14 days the law gives.
const shortWindowTOML = `
name = "kiosk-7"
currency = "UAH"

[clauses.window]
days = 7
source = "Returns within 7 days."

[clauses.unused]
source = "No signs of use."

[clauses.proof-of-purchase]
accepts = ["receipt"]
source = "Bring the receipt."
`

// TestEscalations: every situation docs/rules.md, "Escalation", names goes to a shift lead with
// its reason; the kiosk never rejects or grants it by itself.
func TestEscalations(t *testing.T) {
	generic, icenter, citrus := builtin(t, "generic"), builtin(t, "icenter"), builtin(t, "citrus")
	short := parse(t, shortWindowTOML)
	noWarrantyMonths := func(c *flow.Case) { c.Sale.WarrantyMonths = 0 }
	runDecideCases(t, []decideCase{
		{name: "icenter/return_of_new_goods_text_silent", policy: icenter, c: cleanReturn(),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWindow),
				reason: "iCenter's text says nothing of returns of new goods"}},
		{name: "icenter/return_of_new_goods_day_1_still_escalates", policy: icenter, c: cleanReturn(), today: "2024-03-02",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWindow)}},
		{name: "generic/defect_in_window_wants_refund_G12_vs_G15", policy: generic,
			c: edited(cleanDefect, concluded(flow.ConclusionRepairable)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseDefectExchange, flow.ClauseSignificantDefect),
				reason: "contradicts itself"}},
		{name: "generic/defect_in_window_conditions_not_violated_wants_refund", policy: generic,
			c: edited(cleanDefect, concluded(flow.ConclusionConditionsNotViolated)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseDefectExchange, flow.ClauseSignificantDefect),
				reason: "contradicts itself"}},
		{name: "icenter/asian_market_device", policy: icenter,
			c:    edited(cleanDefect, func(c *flow.Case) { c.Sale.Market = flow.MarketAsia }),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseMarket), reason: "asia-market devices are individual"}},
		{name: "icenter/asian_market_device_repairable", policy: icenter,
			c:    edited(cleanDefect, concluded(flow.ConclusionRepairable), func(c *flow.Case) { c.Sale.Market = flow.MarketAsia }),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseMarket)}},
		{name: "icenter/significant_defect_on_new_goods", policy: icenter,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseSignificantDefect),
				reason: "the law (art. 8) gives a refund or a replacement"}},
		{name: "generic/defect_after_window_no_warranty_months", policy: generic,
			c: edited(cleanDefect, noWarrantyMonths), today: "2024-06-03",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "does not state the warranty period"}},
		{name: "citrus/defect_after_window_no_warranty_months", policy: citrus,
			c: edited(cleanDefect, noWarrantyMonths), today: "2024-06-03",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "does not state the warranty period"}},
		{name: "icenter/defect_no_warranty_months", policy: icenter,
			c: edited(cleanDefect, noWarrantyMonths), today: "2024-06-03",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "does not state the warranty period"}},
		{name: "icenter/used_contract_no_warranty_months", policy: icenter,
			c: edited(usedDefect, noWarrantyMonths),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseUsedWarranty),
				reason: "does not state the warranty period"}},
		{name: "store/window_7_days_day_7_refunds", policy: short, c: cleanReturn(), today: "2024-03-08",
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
				refundBy: "2024-03-08"}},
		{name: "store/window_7_days_day_8_escalates_law_gives_14", policy: short, c: cleanReturn(), today: "2024-03-09",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWindow),
				reason: "shorter than the 14 days the law gives", explain: "within the 14 days the law gives"}},
		{name: "store/window_7_days_day_14_escalates", policy: short, c: cleanReturn(), today: "2024-03-15",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWindow),
				reason: "shorter than the 14 days the law gives"}},
		{name: "store/window_7_days_day_15_rejects", policy: short, c: cleanReturn(), today: "2024-03-16",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow)}},
		{name: "store/remote_return_no_return_shipping_clause", policy: short,
			c: edited(cleanReturn, func(c *flow.Case) { c.Request.Remote = true }), today: "2024-03-05",
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseReturnShipping),
				reason: "returns sent by a delivery service"}},
	})
}

// TestEscalationUsesStoreReason: a situation the policy lists under
// [escalate] gives the store's own words as the reason.
func TestEscalationUsesStoreReason(t *testing.T) {
	p := parse(t, shortWindowTOML+`
[escalate.short-window]
reason = "our window is 7 days but the law gives 14: ask the shift lead"
source = "(store rule)"
`)
	check(t, decide(t, cleanReturn(), p, "2024-03-10"), want{outcome: flow.OutcomeEscalate,
		clauses: ids(flow.ClauseWindow), reason: "our window is 7 days but the law gives 14: ask the shift lead"})
}

// TestDecideDefectInWindowCitrus: sc-act and no-defect-found decide a defect
// claimed within citrus's 14 days.
func TestDecideDefectInWindowCitrus(t *testing.T) {
	p := builtin(t, "citrus")
	runDecideCases(t, []decideCase{
		{name: "no_act_goes_to_service_centre", policy: p, c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-29", clauses: ids(flow.ClauseSCAct), explain: "for diagnostics"}},
		{name: "no_act_with_exclusions_warns", policy: p,
			c: edited(cleanDefect, func(c *flow.Case) { c.Inspection.MechanicalDamage = true }),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-29", clauses: ids(flow.ClauseSCAct),
				warnings: ids(flow.ClauseWarrantyExclusions), explain: "mechanical damage"}},
		{name: "conditions_not_violated_refund_wanted_refunds", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionConditionsNotViolated)),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseRefundPayout), refundBy: "2024-03-15"}},
		{name: "conditions_not_violated_exchange_wanted_exchanges", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionConditionsNotViolated), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSCAct)}},
		{name: "conditions_not_violated_no_cash_refund_within_7_days", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionConditionsNotViolated),
				func(c *flow.Case) { c.TillHasCash = false }),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseRefundPayout), refundBy: "2024-03-22"}},
		{name: "conditions_not_violated_no_card_needs_warranty_card", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionConditionsNotViolated), brought(flow.DocReceipt)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseWarrantyCard),
				missing: docs(flow.DocWarrantyCard)}},
		{name: "conditions_violated_rejects", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionConditionsViolated)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSCAct)}},
		{name: "no_defect_refund_wanted_exchanges", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseNoDefectFound)}},
		{name: "no_defect_exchange_wanted_exchanges", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionNoDefect), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseNoDefectFound)}},
		{name: "no_defect_on_day_14_exchanges", policy: p, today: "2024-03-15",
			c:    edited(cleanDefect, concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseNoDefectFound)}},
		{name: "significant_defect_in_window_refunds", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect)),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseSignificantDefect,
				flow.ClauseRefundPayout), refundBy: "2024-03-15"}},
		// Day 15: past the window, the warranty decides.
		{name: "day_15_no_act_is_warranty_repair", policy: p, today: "2024-03-16", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-30", clauses: ids(flow.ClauseWarrantyRepair)}},
		{name: "day_15_no_defect_rejects", policy: p, today: "2024-03-16",
			c:    edited(cleanDefect, concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyRepair)}},
	})
}

// TestDecideDefectInWindowGeneric: defect-exchange decides a defect within
// generic's 30 days; a significant defect gives the customer's choice (G12).
func TestDecideDefectInWindowGeneric(t *testing.T) {
	p := builtin(t, "generic")
	runDecideCases(t, []decideCase{
		{name: "no_conclusion_goes_to_service_centre", policy: p, c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-29", clauses: ids(flow.ClauseDefectExchange)}},
		{name: "no_conclusion_with_exclusions_warns", policy: p,
			c: edited(cleanDefect, func(c *flow.Case) { c.Inspection.UnauthorisedOpening = true }),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-29", clauses: ids(flow.ClauseDefectExchange),
				warnings: ids(flow.ClauseWarrantyExclusions)}},
		{name: "repairable_exchange_wanted_exchanges", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionRepairable), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseDefectExchange)}},
		// An exchange needs no passport.
		{name: "repairable_exchange_without_passport_exchanges", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionRepairable), wants(flow.WantExchange),
				brought(flow.DocPaymentProof)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseDefectExchange)}},
		{name: "repairable_refund_wanted_escalates", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionRepairable)),
			want: want{outcome: flow.OutcomeEscalate,
				clauses: ids(flow.ClauseDefectExchange, flow.ClauseSignificantDefect)}},
		{name: "conditions_violated_rejects", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionConditionsViolated)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseDefectExchange)}},
		{name: "no_defect_rejects", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseDefectExchange)}},
		{name: "significant_defect_refund_wanted_refunds", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect)),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSignificantDefect, flow.ClauseRefundPayout),
				refundBy: "2024-03-15"}},
		{name: "significant_defect_exchange_wanted_exchanges", policy: p,
			c:    edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSignificantDefect)}},
		{name: "significant_defect_incomplete_set_rejects", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect),
				func(c *flow.Case) { c.Inspection.CompleteSet = false }),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSignificantDefect)}},
		{name: "significant_defect_no_warranty_card_needs_it", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), brought(flow.DocReceipt, flow.DocPassport)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseSignificantDefect),
				missing: docs(flow.DocWarrantyCard)}},
		{name: "significant_defect_no_payment_proof_needs_receipt", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), brought(flow.DocWarrantyCard, flow.DocPassport)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseSignificantDefect),
				missing: docs(flow.DocReceipt)}},
		{name: "significant_defect_payment_proof_will_do", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), wants(flow.WantExchange),
				brought(flow.DocWarrantyCard, flow.DocPaymentProof)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSignificantDefect)}},
		{name: "significant_defect_refund_no_papers_lists_every_missing", policy: p,
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), brought()),
			want: want{outcome: flow.OutcomeNeedDocuments,
				clauses: ids(flow.ClauseSignificantDefect, flow.ClausePassport),
				missing: docs(flow.DocReceipt, flow.DocWarrantyCard, flow.DocPassport)}},
		// Day 30 is the window's last day; day 31 is under warranty.
		{name: "day_30_no_conclusion_is_defect_exchange", policy: p, today: "2024-03-31", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-04-14", clauses: ids(flow.ClauseDefectExchange)}},
		{name: "day_31_no_conclusion_is_warranty_repair", policy: p, today: "2024-04-01", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-04-15", clauses: ids(flow.ClauseWarrantyRepair)}},
		{name: "day_31_repairable_refund_wanted_is_warranty_repair", policy: p, today: "2024-04-01",
			c:    edited(cleanDefect, concluded(flow.ConclusionRepairable)),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-04-15", clauses: ids(flow.ClauseWarrantyRepair)}},
	})
}

// TestDecideUsedEquipmentIcenter: used equipment is never returned, repaired
// only under a contractual warranty, replaced when it cannot be repaired, and
// never refunded.
func TestDecideUsedEquipmentIcenter(t *testing.T) {
	p := builtin(t, "icenter")
	used := func(c *flow.Case) { c.Sale.Condition = flow.ConditionUsed }
	runDecideCases(t, []decideCase{
		{name: "return_rejects_used-equipment", policy: p, c: edited(cleanReturn, used),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedEquipment)}},
		{name: "return_for_exchange_rejects_used-equipment", policy: p, c: edited(cleanReturn, used, wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedEquipment)}},
		{name: "defect_without_contract_rejects_used-warranty", policy: p,
			c:    edited(usedDefect, func(c *flow.Case) { c.Sale.WarrantyContract = false }),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedWarranty)}},
		{name: "defect_with_contract_goes_to_store_service_30_business_days", policy: p, c: usedDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-26"}},
		{name: "defect_with_contract_repairable_goes_to_store_service", policy: p,
			c: edited(usedDefect, concluded(flow.ConclusionRepairable)),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-26"}},
		// The store's service centre may refuse a used device with liquid
		// damage: the kiosk sends it on and warns, as for new goods.
		{name: "defect_with_contract_and_liquid_damage_warns", policy: p,
			c: edited(usedDefect, func(c *flow.Case) { c.Inspection.LiquidDamage = true }),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
				warnings: ids(flow.ClauseNoLoaner, flow.ClauseWarrantyExclusions), serviceBy: "2024-04-26"}},
		{name: "significant_defect_replaces_similar", policy: p,
			c:    edited(usedDefect, concluded(flow.ConclusionSignificantDefect)),
			want: want{outcome: flow.OutcomeReplaceSimilar, clauses: ids(flow.ClauseUsedWarranty)}},
		{name: "no_defect_rejects", policy: p,
			c:    edited(usedDefect, concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedWarranty)}},
		{name: "conditions_violated_rejects", policy: p,
			c:    edited(usedDefect, concluded(flow.ConclusionConditionsViolated)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedWarranty)}},
		// 2024-03-01 + 3 months = 2024-06-01 is the contract's last day.
		{name: "contract_last_day_goes_to_service", policy: p, c: usedDefect(), today: "2024-06-01",
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-07-12"}},
		{name: "contract_day_after_rejects", policy: p, c: usedDefect(), today: "2024-06-02",
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedWarranty)}},
		// used-warranty alone: the Asian market does not change it.
		{name: "asian_market_used_follows_used-warranty", policy: p,
			c: edited(usedDefect, func(c *flow.Case) { c.Sale.Market = flow.MarketAsia }),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-26"}},
	})
	t.Run("never_a_refund", func(t *testing.T) {
		for _, k := range flow.Conclusions {
			for _, contract := range []bool{false, true} {
				c := edited(usedDefect, concluded(k), wants(flow.WantRefund))
				c.Sale.WarrantyContract = contract
				for _, today := range []string{"2024-03-02", "2024-03-15", "2024-06-01", "2025-01-01"} {
					d := decide(t, c, p, today)
					invariants(t, d)
					if d.Outcome == flow.OutcomeRefund || !slices.Equal(d.Clauses, ids(flow.ClauseUsedWarranty)) {
						t.Errorf("conclusion %q contract %v on %s: %s %v, want used-warranty and no refund",
							k, contract, today, d.Outcome, d.Clauses)
					}
				}
			}
		}
	})
}

// TestUsedEquipmentElsewhere: generic and citrus have no used-equipment
// clause, so a used item is returned like a new one.
func TestUsedEquipmentElsewhere(t *testing.T) {
	used := func(c *flow.Case) { c.Sale.Condition = flow.ConditionUsed }
	runDecideCases(t, []decideCase{
		{name: "generic/used_return_refunds", policy: builtin(t, "generic"), c: edited(cleanReturn, used),
			want: refunded("2024-03-15")},
		{name: "citrus/used_return_refunds", policy: builtin(t, "citrus"), c: edited(cleanReturn, used),
			want: refunded("2024-03-15")},
	})
}

// TestWarningsAreNotRejections: warranty-exclusions, no-loaner and
// return-shipping are told to the customer; they never refuse the case.
func TestWarningsAreNotRejections(t *testing.T) {
	every := func(c *flow.Case) {
		c.Inspection.SealsIntact = false
		c.Inspection.SerialMatches = false
		c.Inspection.LiquidDamage = true
		c.Inspection.MechanicalDamage = true
		c.Inspection.UnauthorisedOpening = true
	}
	runDecideCases(t, []decideCase{
		{name: "icenter/every_exclusion_and_no_loaner", policy: builtin(t, "icenter"), c: edited(cleanDefect, every),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
				warnings: ids(flow.ClauseNoLoaner, flow.ClauseWarrantyExclusions), serviceBy: "2024-04-29",
				explain: "warranty seals broken, liquid damage, mechanical damage, signs of unauthorised opening or repair, serial/IMEI does not match"}},
		{name: "generic/every_exclusion_after_window", policy: builtin(t, "generic"), c: edited(cleanDefect, every),
			today: "2024-06-03",
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair),
				warnings: ids(flow.ClauseWarrantyExclusions)}},
		{name: "citrus/every_exclusion_after_window", policy: builtin(t, "citrus"), c: edited(cleanDefect, every),
			today: "2024-06-03",
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair),
				warnings: ids(flow.ClauseWarrantyExclusions)}},
		{name: "citrus/remote_exchange_warns_return-shipping", policy: builtin(t, "citrus"),
			c:    edited(cleanReturn, wants(flow.WantExchange), func(c *flow.Case) { c.Request.Remote = true }),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseWindow), warnings: ids(flow.ClauseReturnShipping)}},
		{name: "generic/remote_without_passport_still_warns", policy: builtin(t, "generic"),
			c: edited(cleanReturn, brought(flow.DocReceipt), func(c *flow.Case) { c.Request.Remote = true }),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClausePassport), missing: docs(flow.DocPassport),
				warnings: ids(flow.ClauseReturnShipping)}},
		// A return sent by a delivery service is not refunded at the till:
		// the refund is owed within the payout days, cash in the till or not.
		{name: "citrus/remote_refund_within_the_payout_days", policy: builtin(t, "citrus"),
			c: edited(cleanReturn, func(c *flow.Case) { c.Request.Remote = true }),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
				refundBy: "2024-03-22", warnings: ids(flow.ClauseReturnShipping),
				explain: "refund 19999.00 UAH by 2024-03-22 (within 7 days), not at the till"}},
		// return-shipping is for remote returns only.
		{name: "citrus/in_person_no_return-shipping", policy: builtin(t, "citrus"), c: cleanReturn(),
			want: refunded("2024-03-15")},
	})
}

// TestNeedDocuments: a missing document keeps the case open and names the
// document by its input name; only the documents the policy asks for count.
func TestNeedDocuments(t *testing.T) {
	generic, citrus := builtin(t, "generic"), builtin(t, "citrus")
	runDecideCases(t, []decideCase{
		{name: "generic/refund_needs_passport", policy: generic, c: edited(cleanReturn, brought(flow.DocReceipt)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClausePassport), missing: docs(flow.DocPassport)}},
		{name: "generic/exchange_needs_no_passport", policy: generic,
			c:    edited(cleanReturn, brought(flow.DocReceipt), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseWindow)}},
		{name: "generic/no_warranty_card_needed_for_a_return", policy: generic,
			c:    edited(cleanReturn, brought(flow.DocReceipt, flow.DocPassport)),
			want: refunded("2024-03-15")},
		{name: "generic/nothing_needs_receipt_and_passport", policy: generic, c: edited(cleanReturn, brought()),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseProofOfPurchase, flow.ClausePassport),
				missing: docs(flow.DocReceipt, flow.DocPassport)}},
		{name: "citrus/no_passport_needed", policy: citrus, c: edited(cleanReturn, brought(flow.DocReceipt, flow.DocWarrantyCard)),
			want: refunded("2024-03-15")},
		{name: "citrus/refund_needs_warranty_card", policy: citrus, c: edited(cleanReturn, brought(flow.DocReceipt)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseWarrantyCard),
				missing: docs(flow.DocWarrantyCard)}},
		{name: "citrus/exchange_needs_warranty_card", policy: citrus,
			c: edited(cleanReturn, brought(flow.DocReceipt), wants(flow.WantExchange)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseWarrantyCard),
				missing: docs(flow.DocWarrantyCard)}},
		{name: "citrus/nothing_needs_receipt_and_warranty_card", policy: citrus, c: edited(cleanReturn, brought()),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseProofOfPurchase, flow.ClauseWarrantyCard),
				missing: docs(flow.DocReceipt, flow.DocWarrantyCard)}},
	})
}

// TestDecideCountsDaysInTheStoreZone: the day of the visit is the calendar
// day of now in now's location, whatever the hour.
func TestDecideCountsDaysInTheStoreZone(t *testing.T) {
	kyiv := time.FixedZone("EET", 2*60*60)
	p := builtin(t, "citrus")
	c := cleanReturn()
	for _, tc := range []struct {
		name string
		now  time.Time
		want flow.Outcome
	}{
		{"day_14_at_23_59_passes", time.Date(2024, 3, 15, 23, 59, 0, 0, kyiv), flow.OutcomeRefund},
		{"day_15_at_00_01_rejects", time.Date(2024, 3, 16, 0, 1, 0, 0, kyiv), flow.OutcomeReject},
		{"day_15_at_00_01_even_while_utc_is_day_14", time.Date(2024, 3, 15, 22, 1, 0, 0, time.UTC).In(kyiv), flow.OutcomeReject},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := flow.Decide(&c, p, tc.now)
			if err != nil {
				t.Fatal(err)
			}
			if d.Outcome != tc.want {
				t.Errorf("outcome %s, want %s\n%s", d.Outcome, tc.want, explain(d))
			}
		})
	}
}

// TestDecideRefusesIncompleteCases: Decide names the field a case lacks or
// holds wrong, as a *FieldError.
func TestDecideRefusesIncompleteCases(t *testing.T) {
	p := builtin(t, "citrus")
	for _, tc := range []struct {
		name, field string
		edit        func(*flow.Case)
		today       string
	}{
		{"no_sale_date", "sale.date", func(c *flow.Case) { c.Sale.Date = flow.Date{} }, ""},
		{"no_claim", "claim", func(c *flow.Case) { c.Request.Claim = "" }, ""},
		{"no_wants", "wants", func(c *flow.Case) { c.Request.Wants = "" }, ""},
		{"unknown_claim", "claim", func(c *flow.Case) { c.Request.Claim = "swap" }, ""},
		{"unknown_document", "documents", func(c *flow.Case) { c.Documents = docs("selfie") }, ""},
		{"negative_call_seconds", "inspection.call_seconds", func(c *flow.Case) { c.Inspection.CallSeconds = -1 }, ""},
		{"unknown_conclusion", "service_centre", func(c *flow.Case) { c.ServiceCentre = "maybe" }, ""},
		{"negative_price", "sale.price", func(c *flow.Case) { c.Sale.Price.Minor = -1 }, ""},
		{"visit_before_sale", "today", nil, "2024-02-29"},
		{"sale_before_1990", "sale.date", func(c *flow.Case) { c.Sale.Date = flow.Date{Year: 1, Month: 1, Day: 1} }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cleanReturn()
			if tc.edit != nil {
				tc.edit(&c)
			}
			today := tc.today
			if today == "" {
				today = "2024-03-15"
			}
			_, err := flow.Decide(&c, p, at(today))
			var fe *flow.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field {
				t.Errorf("error %v, want a *FieldError naming %s", err, tc.field)
			}
		})
	}
}

// TestClaimDayDecides: the window, the warranty period and the refund-by day
// are judged on the day the case was opened (the claim's day), also when the
// item comes back from the service centre weeks later; the item's day back
// from the service centre is counted from the day of the decision.
func TestClaimDayDecides(t *testing.T) {
	citrus, icenter := builtin(t, "citrus"), builtin(t, "icenter")
	// Sale 2024-03-01: 2024-03-11 is day 10, 2024-03-30 day 29.
	claimed := func(s string) func(*flow.Case) {
		return func(c *flow.Case) { c.Opened = at(s).Add(-3 * time.Hour) }
	}
	runDecideCases(t, []decideCase{
		// The citrus loop: back from the SC with "conditions not violated" on
		// day 29 was sent to the SC again.
		{name: "citrus/back_on_day_29_conditions_not_violated_refunds", policy: citrus, today: "2024-03-30",
			c: edited(cleanDefect, claimed("2024-03-11"), concluded(flow.ConclusionConditionsNotViolated)),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseRefundPayout),
				refundBy: "2024-03-11", explain: "day 10 of 14: a defect within the return window"}},
		{name: "citrus/back_on_day_29_no_cash_refund_by_claim_day_plus_7", policy: citrus, today: "2024-03-30",
			c: edited(cleanDefect, claimed("2024-03-11"), concluded(flow.ConclusionConditionsNotViolated),
				func(c *flow.Case) { c.TillHasCash = false }),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseRefundPayout),
				refundBy: "2024-03-18"}},
		// "No defect found" on day 29 of a claim made on day 10 is an exchange
		// (no-defect-found), not a rejection under the warranty.
		{name: "citrus/back_on_day_29_no_defect_exchanges", policy: citrus, today: "2024-03-30",
			c:    edited(cleanDefect, claimed("2024-03-11"), concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseNoDefectFound)}},
		{name: "citrus/claimed_on_day_15_is_the_warranty", policy: citrus, today: "2024-03-30",
			c:    edited(cleanDefect, claimed("2024-03-16"), concluded(flow.ConclusionNoDefect)),
			want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyRepair)}},
		// A return opened on day 14 and decided on day 15 (a draft resumed)
		// is within the window.
		{name: "citrus/return_opened_on_day_14_decided_on_day_15", policy: citrus, today: "2024-03-16",
			c: edited(cleanReturn, claimed("2024-03-15")),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
				refundBy: "2024-03-15", explain: "day 14 of 14"}},
		// The warranty's last day claimed, decided after it ended: covered;
		// the item goes to the SC today, and is due back counted from today.
		{name: "icenter/warranty_claimed_on_its_last_day", policy: icenter, today: "2025-03-10",
			c: edited(cleanDefect, claimed("2025-03-01")),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2025-04-22", explain: "under warranty until 2025-03-01"}},
	})
}

// TestClaimDay: a case's claim is made on the day it was opened, in the
// store's zone; a case never opened, or opened after now, claims today.
func TestClaimDay(t *testing.T) {
	kyiv := time.FixedZone("EET", 2*60*60)
	now := time.Date(2024, 3, 30, 10, 0, 0, 0, kyiv)
	for _, tc := range []struct {
		name   string
		opened time.Time
		want   string
	}{
		{"never_opened", time.Time{}, "2024-03-30"},
		{"opened_in_the_store_zone", time.Date(2024, 3, 10, 22, 30, 0, 0, time.UTC), "2024-03-11"},
		{"opened_after_now", now.Add(48 * time.Hour), "2024-03-30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := flow.Case{Opened: tc.opened}
			if got := c.ClaimDay(now); got != day(tc.want) {
				t.Errorf("ClaimDay %s, want %s", got, tc.want)
			}
		})
	}
}

// TestSignificantDefectDocuments: in the warranty path a significant defect
// needs proof of payment, and the receipt or another payment proof will do at
// every store, whatever the return path's proof-of-purchase accepts; the
// significant-defect clause asks for it.
func TestSignificantDefectDocuments(t *testing.T) {
	generic, citrus := builtin(t, "generic"), builtin(t, "citrus")
	onlyReceipt := parse(t, strings.Replace(string(mustFile(t, "generic")),
		`accepts = ["receipt", "payment_proof"]`, `accepts = ["receipt"]`, 1))
	runDecideCases(t, []decideCase{
		{name: "citrus/payment_proof_will_do", policy: citrus, today: "2024-06-03",
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect),
				brought(flow.DocPaymentProof, flow.DocWarrantyCard)),
			want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSignificantDefect, flow.ClauseRefundPayout),
				refundBy: "2024-06-03", explain: "proof of payment presented"}},
		{name: "citrus/receipt_will_do", policy: citrus, today: "2024-06-03",
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), wants(flow.WantExchange),
				brought(flow.DocReceipt, flow.DocWarrantyCard)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSignificantDefect)}},
		{name: "citrus/no_proof_of_payment_needs_it", policy: citrus, today: "2024-06-03",
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), brought(flow.DocWarrantyCard)),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseSignificantDefect),
				missing: docs(flow.DocReceipt), explain: "bring the receipt or the other payment proof"}},
		{name: "store_receipt_only/payment_proof_will_do", policy: onlyReceipt, today: "2024-06-03",
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), wants(flow.WantExchange),
				brought(flow.DocPaymentProof, flow.DocWarrantyCard)),
			want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSignificantDefect)}},
		{name: "generic/no_papers_lists_every_missing", policy: generic, today: "2024-06-03",
			c: edited(cleanDefect, concluded(flow.ConclusionSignificantDefect), brought()),
			want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseSignificantDefect, flow.ClausePassport),
				missing: docs(flow.DocReceipt, flow.DocWarrantyCard, flow.DocPassport)}},
	})
}

// TestWarrantyOutsideThePolicysRange: a sale whose warranty months lie
// outside the policy's warranty-period range contradicts the policy: a shift
// lead decides, never a silent rejection or repair. A policy with no range
// (icenter: the official warranty) takes the sale's months.
func TestWarrantyOutsideThePolicysRange(t *testing.T) {
	generic, icenter, citrus := builtin(t, "generic"), builtin(t, "icenter"), builtin(t, "citrus")
	months := func(n int) func(*flow.Case) { return func(c *flow.Case) { c.Sale.WarrantyMonths = n } }
	runDecideCases(t, []decideCase{
		// 6 months ended on 2024-09-01: a rejection, were it not for generic's 12-36.
		{name: "generic/6_months_escalates", policy: generic, today: "2024-11-04", c: edited(cleanDefect, months(6)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "6 months, outside the 12 to 36 months the policy gives"}},
		{name: "generic/48_months_escalates", policy: generic, today: "2024-11-04", c: edited(cleanDefect, months(48)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "48 months, outside the 12 to 36 months"}},
		{name: "generic/12_months_is_in_range", policy: generic, today: "2024-11-04", c: edited(cleanDefect, months(12)),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-11-18", clauses: ids(flow.ClauseWarrantyRepair)}},
		{name: "generic/36_months_is_in_range", policy: generic, today: "2024-11-04", c: edited(cleanDefect, months(36)),
			want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-11-18", clauses: ids(flow.ClauseWarrantyRepair)}},
		{name: "citrus/37_months_escalates", policy: citrus, today: "2024-11-04", c: edited(cleanDefect, months(37)),
			want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyPeriod),
				reason: "outside the 0 to 36 months"}},
		{name: "icenter/no_range_takes_the_sale's", policy: icenter, today: "2024-11-04", c: edited(cleanDefect, months(60)),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
				warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-12-17"}},
	})
}

// mustFile is a built-in policy's text.
func mustFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := flow.BuiltinFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestServiceTerm: an item sent to the service centre is always expected back
// on a day: the policy's term in business days where it gives one, else the
// store's own term in calendar days (its setting; 14 by default, art. 8),
// counted from the day it is sent.
func TestServiceTerm(t *testing.T) {
	generic, citrus, icenter := builtin(t, "generic"), builtin(t, "citrus"), builtin(t, "icenter")
	own := builtin(t, "generic")
	own.StoreServiceDays = 21
	runDecideCases(t, []decideCase{
		{name: "generic/warranty_repair_the_store's_14_days", policy: generic, today: "2024-06-03", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair), serviceBy: "2024-06-17",
				explain: "expected back by 2024-06-17: the store's term of 14 days"}},
		{name: "generic/warranty_repair_the_store's_own_21_days", policy: own, today: "2024-06-03", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair), serviceBy: "2024-06-24",
				explain: "the store's term of 21 days"}},
		{name: "generic/the_store's_experts_check_it", policy: own, c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseDefectExchange), serviceBy: "2024-04-05"}},
		{name: "citrus/diagnostics_with_no_act", policy: citrus, c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseSCAct), serviceBy: "2024-03-29"}},
		// icenter's own term, 21-31 business days, holds over the store's.
		{name: "icenter/the_policy's_business_days", policy: icenter, today: "2024-06-03", c: cleanDefect(),
			want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair), serviceBy: "2024-07-16",
				warnings: ids(flow.ClauseNoLoaner), explain: "21-31 business days, back by 2024-07-16"}},
	})
	if d := (&flow.Policy{}).ServiceDue(day("2024-06-03")); d != day("2024-06-17") {
		t.Errorf("a policy of no store's: due %s, want 14 days on", d)
	}
}

// TestCheckServiceDays: a store's term is 1 to 365 days.
func TestCheckServiceDays(t *testing.T) {
	for n, ok := range map[int]bool{-5: false, 0: false, 1: true, 14: true, 365: true, 366: false} {
		if err := flow.CheckServiceDays(n); (err == nil) != ok {
			t.Errorf("CheckServiceDays(%d) = %v", n, err)
		}
	}
}

// TestSaleCurrencyIsThePolicys: a sale in another currency than the policy's
// is bad input naming sale.currency, so the kiosk goes back to the sale; a
// sale that names no currency is in the policy's.
func TestSaleCurrencyIsThePolicys(t *testing.T) {
	p := builtin(t, "citrus")
	in := func(cur string) func(*flow.Case) { return func(c *flow.Case) { c.Sale.Price.Currency = cur } }
	for _, tc := range []struct {
		name    string
		edit    func(*flow.Case)
		refused bool
	}{
		{"UAH_under_a_UAH_policy", in("UAH"), false},
		{"no_currency_is_the_policy's", in(""), false},
		{"USD_under_a_UAH_policy", in("USD"), true},
		{"EUR_under_a_UAH_policy", in("EUR"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := edited(cleanReturn, tc.edit)
			d, err := flow.Decide(&c, p, at("2024-03-15"))
			var fe *flow.FieldError
			switch {
			case tc.refused && (!errors.As(err, &fe) || fe.Field != "sale.currency" ||
				!strings.Contains(fe.Msg, "the policy citrus is in UAH")):
				t.Errorf("error %v, want a *FieldError naming sale.currency", err)
			case tc.refused && flow.ErrorStep(err) != flow.StepSale:
				t.Errorf("the kiosk goes back to %s", flow.ErrorStep(err))
			case !tc.refused && (err != nil || d.Outcome != flow.OutcomeRefund):
				t.Errorf("decided %s, %v; want a refund", d.Outcome, err)
			}
		})
	}
}
