package flow_test

import (
	"fmt"
	"testing"

	"example.com/returnsdesk/flow"
)

// clauseCase is one case that passes or fails one clause of one policy.
type clauseCase struct {
	policy string // a built-in policy, or "icenter+window" (see policyNamed)
	clause flow.ClauseID
	name   string
	// pass says the case meets the clause. A case that does not meet it is
	// rejected, asked for a document, warned, escalated or, for
	// refund-payout, paid later.
	pass  bool
	base  func() flow.Case // cleanReturn when nil
	edit  func(*flow.Case)
	today string // 2024-03-15 when ""
	want  want
}

// Sale 2024-03-01; the sale day is not counted, so 2024-03-15 is day 14,
// 2024-03-31 day 30.
var clauseCases = []clauseCase{
	// generic: 30-day returns, passport for refunds, exchange for a defect in
	// the window.
	{policy: "generic", clause: flow.ClauseWindow, name: "day_30_passes", pass: true, today: "2024-03-31",
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-31", explain: "day 30 of 30"}},
	{policy: "generic", clause: flow.ClauseWindow, name: "day_31_rejects", today: "2024-04-01",
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow), explain: "day 31 of 30"}},
	{policy: "generic", clause: flow.ClauseUnused, name: "no_signs_of_use_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseUnused, name: "scratches_reject",
		edit: func(c *flow.Case) { c.Inspection.SignsOfUse = true },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUnused)}},
	{policy: "generic", clause: flow.ClauseCallCounter, name: "300s_passes", pass: true,
		edit: func(c *flow.Case) { c.Inspection.CallSeconds = 300 },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-15", explain: "calls 5:00 of 5:00 allowed"}},
	{policy: "generic", clause: flow.ClauseCallCounter, name: "301s_rejects",
		edit: func(c *flow.Case) { c.Inspection.CallSeconds = 301 },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseCallCounter), explain: "calls 5:01"}},
	{policy: "generic", clause: flow.ClauseSoftware, name: "unchanged_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseSoftware, name: "modified_rejects",
		edit: func(c *flow.Case) { c.Inspection.SoftwareModified = true },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSoftware)}},
	{policy: "generic", clause: flow.ClauseCompleteSet, name: "complete_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseCompleteSet, name: "incomplete_rejects",
		edit: func(c *flow.Case) { c.Inspection.CompleteSet = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseCompleteSet)}},
	{policy: "generic", clause: flow.ClausePackaging, name: "intact_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClausePackaging, name: "torn_rejects",
		edit: func(c *flow.Case) { c.Inspection.PackagingIntact = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClausePackaging)}},
	{policy: "generic", clause: flow.ClauseLabels, name: "kept_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseLabels, name: "missing_rejects",
		edit: func(c *flow.Case) { c.Inspection.LabelsIntact = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseLabels)}},
	{policy: "generic", clause: flow.ClauseProofOfPurchase, name: "receipt_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocPassport) },
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseProofOfPurchase, name: "payment_proof_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocPaymentProof, flow.DocPassport) },
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseProofOfPurchase, name: "none_needs_receipt",
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocWarrantyCard, flow.DocPassport) },
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseProofOfPurchase),
			missing: docs(flow.DocReceipt)}},
	{policy: "generic", clause: flow.ClausePassport, name: "refund_with_passport_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocPassport) },
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClausePassport, name: "refund_with_checked_passport_passes", pass: true,
		edit: func(c *flow.Case) {
			c.Documents = docs(flow.DocReceipt)
			c.Passport = flow.Passport{Type: "id_card", Last4: "5678", Key: "ab12"}
		},
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClausePassport, name: "exchange_without_passport_passes", pass: true,
		edit: func(c *flow.Case) {
			c.Documents = docs(flow.DocReceipt)
			c.Request.Wants = flow.WantExchange
		},
		want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseWindow)}},
	{policy: "generic", clause: flow.ClausePassport, name: "refund_without_passport_needs_passport",
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocWarrantyCard) },
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClausePassport), missing: docs(flow.DocPassport)}},
	{policy: "generic", clause: flow.ClauseRefundPayout, name: "with_cash_pays_today", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseRefundPayout, name: "without_cash_pays_within_7_days",
		edit: func(c *flow.Case) { c.TillHasCash = false },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-22", explain: "by 2024-03-22"}},
	{policy: "generic", clause: flow.ClauseReturnShipping, name: "in_person_no_warning", pass: true,
		want: refunded("2024-03-15")},
	{policy: "generic", clause: flow.ClauseReturnShipping, name: "remote_warns_buyer_pays",
		edit: func(c *flow.Case) { c.Request.Remote = true },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-22", warnings: ids(flow.ClauseReturnShipping), explain: "not at the till"}},
	{policy: "generic", clause: flow.ClauseDefectExchange, name: "repairable_exchanges", pass: true,
		base: cleanDefect, edit: func(c *flow.Case) {
			c.ServiceCentre = flow.ConclusionRepairable
			c.Request.Wants = flow.WantExchange
		},
		want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseDefectExchange)}},
	{policy: "generic", clause: flow.ClauseDefectExchange, name: "conditions_violated_rejects",
		base: cleanDefect, edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionConditionsViolated },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseDefectExchange)}},
	// 2024-02-29 + 12 months is 2025-02-28, the last day of the warranty.
	{policy: "generic", clause: flow.ClauseWarrantyPeriod, name: "last_day_passes", pass: true,
		base: cleanDefect, edit: func(c *flow.Case) { c.Sale.Date = day("2024-02-29") }, today: "2025-02-28",
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2025-03-14", clauses: ids(flow.ClauseWarrantyRepair),
			explain: "under warranty until 2025-02-28"}},
	{policy: "generic", clause: flow.ClauseWarrantyPeriod, name: "day_after_rejects",
		base: cleanDefect, edit: func(c *flow.Case) { c.Sale.Date = day("2024-02-29") }, today: "2025-03-01",
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyPeriod),
			explain: "ended on 2025-02-28"}},
	{policy: "generic", clause: flow.ClauseSignificantDefect, name: "full_set_and_papers_refunds", pass: true,
		base: cleanDefect, edit: significant, today: "2024-06-03",
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSignificantDefect, flow.ClauseRefundPayout),
			refundBy: "2024-06-03"}},
	{policy: "generic", clause: flow.ClauseSignificantDefect, name: "incomplete_set_rejects",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) {
			significant(c)
			c.Inspection.CompleteSet = false
		},
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSignificantDefect)}},
	{policy: "generic", clause: flow.ClauseSignificantDefect, name: "no_warranty_card_needs_it",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) {
			significant(c)
			c.Documents = without(flow.DocWarrantyCard)
		},
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseSignificantDefect),
			missing: docs(flow.DocWarrantyCard)}},
	{policy: "generic", clause: flow.ClauseWarrantyRepair, name: "no_conclusion_goes_to_service", pass: true,
		base: cleanDefect, today: "2024-06-03",
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair),
			explain: "the service centre sets the term"}},
	{policy: "generic", clause: flow.ClauseWarrantyRepair, name: "no_defect_rejects",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionNoDefect },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "generic", clause: flow.ClauseWarrantyExclusions, name: "clean_no_warning", pass: true,
		base: cleanDefect, today: "2024-06-03",
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "generic", clause: flow.ClauseWarrantyExclusions, name: "liquid_damage_warns",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) { c.Inspection.LiquidDamage = true },
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseWarrantyExclusions), explain: "liquid damage"}},

	// citrus: 14-day returns, seals, warranty card, service-centre act.
	{policy: "citrus", clause: flow.ClauseWindow, name: "day_14_passes", pass: true, today: "2024-03-15",
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-15", explain: "day 14 of 14: within the return window"}},
	{policy: "citrus", clause: flow.ClauseWindow, name: "day_15_rejects", today: "2024-03-16",
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWindow), explain: "day 15 of 14"}},
	{policy: "citrus", clause: flow.ClauseUnused, name: "no_signs_of_use_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseUnused, name: "chips_reject",
		edit: func(c *flow.Case) { c.Inspection.SignsOfUse = true },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUnused)}},
	{policy: "citrus", clause: flow.ClauseCallCounter, name: "300s_passes", pass: true,
		edit: func(c *flow.Case) { c.Inspection.CallSeconds = 300 },
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseCallCounter, name: "301s_rejects",
		edit: func(c *flow.Case) { c.Inspection.CallSeconds = 301 },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseCallCounter)}},
	{policy: "citrus", clause: flow.ClauseSoftware, name: "unchanged_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseSoftware, name: "modified_rejects",
		edit: func(c *flow.Case) { c.Inspection.SoftwareModified = true },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSoftware)}},
	{policy: "citrus", clause: flow.ClauseCompleteSet, name: "complete_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseCompleteSet, name: "incomplete_rejects",
		edit: func(c *flow.Case) { c.Inspection.CompleteSet = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseCompleteSet)}},
	{policy: "citrus", clause: flow.ClausePackaging, name: "intact_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClausePackaging, name: "torn_rejects",
		edit: func(c *flow.Case) { c.Inspection.PackagingIntact = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClausePackaging)}},
	{policy: "citrus", clause: flow.ClauseLabels, name: "kept_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseLabels, name: "missing_rejects",
		edit: func(c *flow.Case) { c.Inspection.LabelsIntact = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseLabels)}},
	{policy: "citrus", clause: flow.ClauseSeals, name: "intact_passes", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseSeals, name: "broken_rejects",
		edit: func(c *flow.Case) { c.Inspection.SealsIntact = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSeals)}},
	{policy: "citrus", clause: flow.ClauseProofOfPurchase, name: "receipt_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocWarrantyCard) },
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseProofOfPurchase, name: "payment_proof_alone_needs_receipt",
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocPaymentProof, flow.DocWarrantyCard) },
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseProofOfPurchase),
			missing: docs(flow.DocReceipt)}},
	{policy: "citrus", clause: flow.ClauseWarrantyCard, name: "card_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocWarrantyCard) },
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseWarrantyCard, name: "no_card_needs_warranty_card",
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocReceipt, flow.DocPassport) },
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseWarrantyCard),
			missing: docs(flow.DocWarrantyCard)}},
	{policy: "citrus", clause: flow.ClauseRefundPayout, name: "with_cash_pays_today", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseRefundPayout, name: "without_cash_pays_within_7_days",
		edit: func(c *flow.Case) { c.TillHasCash = false },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-22"}},
	{policy: "citrus", clause: flow.ClauseReturnShipping, name: "in_person_no_warning", pass: true,
		want: refunded("2024-03-15")},
	{policy: "citrus", clause: flow.ClauseReturnShipping, name: "remote_warns_buyer_pays",
		edit: func(c *flow.Case) { c.Request.Remote = true },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-22", warnings: ids(flow.ClauseReturnShipping), explain: "not at the till"}},
	{policy: "citrus", clause: flow.ClauseSCAct, name: "conditions_not_violated_refunds", pass: true,
		base: cleanDefect, edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionConditionsNotViolated },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseSCAct, flow.ClauseRefundPayout),
			refundBy: "2024-03-15"}},
	{policy: "citrus", clause: flow.ClauseSCAct, name: "conditions_violated_rejects",
		base: cleanDefect, edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionConditionsViolated },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSCAct)}},
	{policy: "citrus", clause: flow.ClauseNoDefectFound, name: "no_defect_exchanges_not_refunds", pass: true,
		base: cleanDefect, edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionNoDefect },
		want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseNoDefectFound),
			explain: "an exchange, not a refund"}},
	{policy: "citrus", clause: flow.ClauseNoDefectFound, name: "no_defect_but_used_rejects",
		base: cleanDefect, edit: func(c *flow.Case) {
			c.ServiceCentre = flow.ConclusionNoDefect
			c.Inspection.SignsOfUse = true
		},
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseNoDefectFound, flow.ClauseUnused)}},
	// 2024-01-31 + 1 month is 2024-02-29, the last day of the warranty.
	{policy: "citrus", clause: flow.ClauseWarrantyPeriod, name: "last_day_passes", pass: true,
		base: cleanDefect, today: "2024-02-29", edit: func(c *flow.Case) {
			c.Sale.Date = day("2024-01-31")
			c.Sale.WarrantyMonths = 1
		},
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-03-14", clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "citrus", clause: flow.ClauseWarrantyPeriod, name: "day_after_rejects",
		base: cleanDefect, today: "2024-03-01", edit: func(c *flow.Case) {
			c.Sale.Date = day("2024-01-31")
			c.Sale.WarrantyMonths = 1
		},
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyPeriod), explain: "ended on 2024-02-29"}},
	{policy: "citrus", clause: flow.ClauseSignificantDefect, name: "full_set_and_papers_exchanges", pass: true,
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) {
			significant(c)
			c.Request.Wants = flow.WantExchange
		},
		want: want{outcome: flow.OutcomeExchange, clauses: ids(flow.ClauseSignificantDefect)}},
	{policy: "citrus", clause: flow.ClauseSignificantDefect, name: "incomplete_set_rejects",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) {
			significant(c)
			c.Inspection.CompleteSet = false
		},
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseSignificantDefect)}},
	{policy: "citrus", clause: flow.ClauseWarrantyRepair, name: "repairable_goes_to_service", pass: true,
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionRepairable },
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "citrus", clause: flow.ClauseWarrantyRepair, name: "conditions_violated_rejects",
		base: cleanDefect, today: "2024-06-03",
		edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionConditionsViolated },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "citrus", clause: flow.ClauseWarrantyExclusions, name: "clean_no_warning", pass: true,
		base: cleanDefect, today: "2024-06-03",
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "citrus", clause: flow.ClauseWarrantyExclusions, name: "broken_seals_warn",
		base: cleanDefect, today: "2024-06-03", edit: func(c *flow.Case) { c.Inspection.SealsIntact = false },
		want: want{outcome: flow.OutcomeServiceCentre, serviceBy: "2024-06-17", clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseWarrantyExclusions), explain: "warranty seals broken"}},

	// icenter: no word on returns of new goods; official warranty service;
	// used equipment repaired or replaced, never returned.
	{policy: "icenter", clause: flow.ClauseUsedEquipment, name: "new_goods_not_refused", pass: true,
		want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWindow), reason: "says nothing of returns"}},
	{policy: "icenter", clause: flow.ClauseUsedEquipment, name: "used_return_rejects",
		edit: func(c *flow.Case) { c.Sale.Condition = flow.ConditionUsed },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedEquipment)}},
	{policy: "icenter+window", clause: flow.ClauseProofOfPurchase, name: "payment_proof_passes", pass: true,
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocPaymentProof) },
		want: refunded("2024-03-15")},
	{policy: "icenter+window", clause: flow.ClauseProofOfPurchase, name: "none_needs_receipt",
		edit: func(c *flow.Case) { c.Documents = docs(flow.DocPassport, flow.DocWarrantyCard) },
		want: want{outcome: flow.OutcomeNeedDocuments, clauses: ids(flow.ClauseProofOfPurchase),
			missing: docs(flow.DocReceipt)}},
	{policy: "icenter+window", clause: flow.ClauseRefundPayout, name: "with_cash_pays_today", pass: true,
		want: refunded("2024-03-15")},
	{policy: "icenter+window", clause: flow.ClauseRefundPayout, name: "without_cash_pays_within_7_days",
		edit: func(c *flow.Case) { c.TillHasCash = false },
		want: want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout),
			refundBy: "2024-03-22"}},
	// iCenter's own one-month warranty: 2024-01-31 + 1 month = 2024-02-29.
	{policy: "icenter", clause: flow.ClauseWarrantyPeriod, name: "last_day_passes", pass: true,
		base: cleanDefect, today: "2024-02-29", edit: func(c *flow.Case) {
			c.Sale.Date = day("2024-01-31")
			c.Sale.WarrantyMonths = 1
		},
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-12"}},
	{policy: "icenter", clause: flow.ClauseWarrantyPeriod, name: "day_after_rejects",
		base: cleanDefect, today: "2024-03-01", edit: func(c *flow.Case) {
			c.Sale.Date = day("2024-01-31")
			c.Sale.WarrantyMonths = 1
		},
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyPeriod)}},
	// 2024-03-15 (a Friday) + 31 business days is 2024-04-29.
	{policy: "icenter", clause: flow.ClauseWarrantyRepair, name: "eu_device_31_business_days", pass: true,
		base: cleanDefect,
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-29", explain: "21-31 business days"}},
	{policy: "icenter", clause: flow.ClauseWarrantyRepair, name: "us_device_31_business_days", pass: true,
		base: cleanDefect, edit: func(c *flow.Case) { c.Sale.Market = flow.MarketUS },
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-29"}},
	{policy: "icenter", clause: flow.ClauseWarrantyRepair, name: "no_defect_rejects",
		base: cleanDefect, edit: func(c *flow.Case) { c.ServiceCentre = flow.ConclusionNoDefect },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyRepair)}},
	{policy: "icenter", clause: flow.ClauseWarrantyRepair, name: "unknown_market_escalates",
		base: cleanDefect, edit: func(c *flow.Case) { c.Sale.Market = "" },
		want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseWarrantyRepair),
			reason: "does not say which market"}},
	{policy: "icenter", clause: flow.ClauseWarrantyExclusions, name: "clean_no_warning", pass: true,
		base: cleanDefect,
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-29"}},
	{policy: "icenter", clause: flow.ClauseWarrantyExclusions, name: "serial_mismatch_warns",
		base: cleanDefect, edit: func(c *flow.Case) { c.Inspection.SerialMatches = false },
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner, flow.ClauseWarrantyExclusions), serviceBy: "2024-04-29",
			explain: "serial/IMEI does not match"}},
	// 2024-03-15 + 30 business days is 2024-04-26.
	{policy: "icenter", clause: flow.ClauseUsedWarranty, name: "with_contract_goes_to_store_service", pass: true,
		base: usedDefect,
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseUsedWarranty),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-26", explain: "3-30 business days"}},
	{policy: "icenter", clause: flow.ClauseUsedWarranty, name: "without_contract_rejects",
		base: usedDefect, edit: func(c *flow.Case) { c.Sale.WarrantyContract = false },
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseUsedWarranty)}},
	{policy: "icenter", clause: flow.ClauseMarket, name: "eu_device_passes", pass: true,
		base: cleanDefect,
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-29"}},
	{policy: "icenter", clause: flow.ClauseMarket, name: "asian_device_escalates",
		base: cleanDefect, edit: func(c *flow.Case) { c.Sale.Market = flow.MarketAsia },
		want: want{outcome: flow.OutcomeEscalate, clauses: ids(flow.ClauseMarket), reason: "individual"}},
	{policy: "icenter", clause: flow.ClauseNoLoaner, name: "not_in_service_no_warning", pass: true,
		base: cleanDefect, today: "2025-03-17",
		want: want{outcome: flow.OutcomeReject, clauses: ids(flow.ClauseWarrantyPeriod)}},
	{policy: "icenter", clause: flow.ClauseNoLoaner, name: "in_service_warns",
		base: cleanDefect,
		want: want{outcome: flow.OutcomeServiceCentre, clauses: ids(flow.ClauseWarrantyRepair),
			warnings: ids(flow.ClauseNoLoaner), serviceBy: "2024-04-29", explain: "no replacement device"}},
}

// refunded is a clean return refunded on the day at the till.
func refunded(today string) want {
	return want{outcome: flow.OutcomeRefund, clauses: ids(flow.ClauseWindow, flow.ClauseRefundPayout), refundBy: today}
}

// significant makes a defect one the service centre found significant.
func significant(c *flow.Case) { c.ServiceCentre = flow.ConclusionSignificantDefect }

// TestClauses holds every clause of every built-in policy: one case that
// passes it and one that fails it, named policy/clause/case.
func TestClauses(t *testing.T) {
	for _, tc := range clauseCases {
		t.Run(fmt.Sprintf("%s/%s/%s", tc.policy, tc.clause, tc.name), func(t *testing.T) {
			p := policyNamed(t, tc.policy)
			if !p.Has(tc.clause) {
				t.Fatalf("%s has no %s clause", tc.policy, tc.clause)
			}
			base := cleanReturn
			if tc.base != nil {
				base = tc.base
			}
			c := base()
			if tc.edit != nil {
				tc.edit(&c)
			}
			today := tc.today
			if today == "" {
				today = "2024-03-15"
			}
			check(t, decide(t, c, p, today), tc.want)
		})
	}
}

// TestClausesCoverEveryClause holds the table above to the policies: every
// clause a built-in policy has is passed by one case and failed by another.
func TestClausesCoverEveryClause(t *testing.T) {
	for _, name := range flow.Builtins {
		t.Run(name, func(t *testing.T) {
			for _, id := range builtin(t, name).ClauseIDsOf() {
				var pass, fail bool
				for _, tc := range clauseCases {
					if tc.clause == id && (tc.policy == name || tc.policy == name+"+window") {
						pass = pass || tc.pass
						fail = fail || !tc.pass
					}
				}
				if !pass || !fail {
					t.Errorf("%s/%s: a passing case %v, a failing case %v", name, id, pass, fail)
				}
			}
		})
	}
}
