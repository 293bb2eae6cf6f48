package flow_test

import (
	"slices"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// reviewed is a clean refund as the kiosk leaves it: every step done, the
// engine's decision, a passport, paid by card at the sale.
func reviewed(t *testing.T) flow.Case {
	t.Helper()
	c := cleanReturn()
	c.OpenedBy = "Ivan"
	c.Passport = flow.Passport{Type: "id_card", Last4: "4321", Key: strings.Repeat("ab", 32)}
	for _, s := range c.Steps() {
		c.Done = c.Done.With(s)
	}
	d, err := flow.Decide(&c, builtin(t, "generic"), at("2024-03-05"))
	if err != nil {
		t.Fatal(err)
	}
	c.Decision = &d
	if c.Outcome() != flow.OutcomeRefund {
		t.Fatalf("the clean return is a %s", c.Outcome())
	}
	return c
}

// flagsOf are the flags Review finds, by name.
func flagsOf(fs []flow.Finding) []flow.Flag {
	var out []flow.Flag
	for _, f := range fs {
		out = append(out, f.Flag)
	}
	return out
}

// TestFraudFlags holds each fraud flag at its threshold and one below: one
// case that is flagged and its twin, one step short, that is not. The
// thresholds are generic's [fraud]: more than 3 returns in 30 days, a cash
// refund above 20000.00 UAH.
func TestFraudFlags(t *testing.T) {
	rules := builtin(t, "generic").Fraud()
	if rules.RepeatReturns != 3 || rules.CashRefundThreshold != (flow.Money{Minor: 2000000, Currency: "UAH"}) {
		t.Fatalf("generic's fraud rules %+v", rules)
	}
	cash := func(amount int64) func(*flow.Case, *flow.Facts) {
		return func(c *flow.Case, f *flow.Facts) {
			c.Status = flow.StatusRefunded
			f.Payments = []flow.Payment{{Amount: flow.Money{Minor: amount, Currency: "UAH"}, Tender: flow.TenderCash,
				By: "Olena", Day: day("2024-03-05")}}
		}
	}
	for _, tc := range []struct {
		name    string
		flag    flow.Flag
		set     func(c *flow.Case, f *flow.Facts)
		flagged bool
		explain string // the explanation holds this when flagged
	}{
		{"repeat/4_returns_in_30_days_is_more_than_3", flow.FlagRepeat,
			func(c *flow.Case, f *flow.Facts) { f.PassportReturns = 4 }, true,
			"the passport id_card ****4321 is on 4 cases in 30 days, this one included; the policy flags more than 3"},
		{"repeat/3_returns_is_not", flow.FlagRepeat,
			func(c *flow.Case, f *flow.Facts) { f.PassportReturns = 3 }, false, ""},
		{"repeat/no_passport_is_not", flow.FlagRepeat,
			func(c *flow.Case, f *flow.Facts) { c.Passport = flow.Passport{}; f.PassportReturns = 9 }, false, ""},

		{"no_receipt/refund_on_payment_proof_alone", flow.FlagNoReceipt,
			func(c *flow.Case, f *flow.Facts) {
				c.Documents = []flow.Document{flow.DocPaymentProof, flow.DocPassport}
			},
			true, "refunded without the receipt (another payment proof only)"},
		{"no_receipt/refund_with_the_receipt_is_not", flow.FlagNoReceipt,
			func(c *flow.Case, f *flow.Facts) {}, false, ""},
		{"no_receipt/exchange_without_receipt_is_not", flow.FlagNoReceipt,
			func(c *flow.Case, f *flow.Facts) {
				c.Documents = []flow.Document{flow.DocPaymentProof}
				c.Decision.Outcome = flow.OutcomeExchange
			}, false, ""},

		{"override/a_lead_decided", flow.FlagOverride,
			func(c *flow.Case, f *flow.Facts) {
				c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "customer's choice", By: "Petro"}
			}, true, `Petro decided exchange in place of the engine's refund: "customer's choice"`},
		{"override/the_engine_decided_is_not", flow.FlagOverride, func(c *flow.Case, f *flow.Facts) {}, false, ""},
		// A lead deciding a case the engine escalated makes a lead's
		// decision: the engine decided nothing to go against.
		{"override/a_lead_deciding_an_escalated_case_is_not", flow.FlagOverride,
			func(c *flow.Case, f *flow.Facts) {
				c.Decision = &flow.Decision{Outcome: flow.OutcomeEscalate, Reason: "the text is silent"}
				c.Override = &flow.Override{Outcome: flow.OutcomeRefund, Reason: "the law's 14 days", By: "Petro"}
			}, false, ""},

		{"cash_refund/20000.01_is_above", flow.FlagCashRefund, cash(2000001), true,
			"a cash refund of 20000.01 UAH, above the policy's 20000.00 UAH"},
		{"cash_refund/20000.00_is_not_above", flow.FlagCashRefund, cash(2000000), false, ""},
		{"cash_refund/19999.99_is_not", flow.FlagCashRefund, cash(1999999), false, ""},
		{"cash_refund/by_card_is_not", flow.FlagCashRefund, func(c *flow.Case, f *flow.Facts) {
			cash(9000000)(c, f)
			f.Payments[0].Tender = flow.TenderCard
		}, false, ""},
		{"cash_refund/split_into_payments_is_summed", flow.FlagCashRefund, func(c *flow.Case, f *flow.Facts) {
			c.Sale.Tender, c.Sale.Price.Minor, c.Status = flow.TenderCash, 2500000, flow.StatusRefunded
			f.Payments = []flow.Payment{
				{Amount: flow.Money{Minor: 1500000, Currency: "UAH"}, Tender: flow.TenderCash, Day: day("2024-03-05")},
				{Amount: flow.Money{Minor: 1000000, Currency: "UAH"}, Tender: flow.TenderCash, Day: day("2024-03-06")}}
		}, true, "a cash refund of 25000.00 UAH"},
		{"cash_refund/part_paid_by_card_counts_the_rest_owed_in_cash", flow.FlagCashRefund,
			func(c *flow.Case, f *flow.Facts) {
				c.Sale.Tender, c.Sale.Price.Minor, c.Status = flow.TenderCash, 2500000, flow.StatusRefundOwed
				f.Payments = []flow.Payment{{Amount: flow.Money{Minor: 400000, Currency: "UAH"}, Tender: flow.TenderCard}}
			}, true, "a cash refund of 21000.00 UAH"},
		{"cash_refund/part_paid_by_card_leaves_20000.00_owed_is_not", flow.FlagCashRefund,
			func(c *flow.Case, f *flow.Facts) {
				c.Sale.Tender, c.Sale.Price.Minor, c.Status = flow.TenderCash, 2500000, flow.StatusRefundOwed
				f.Payments = []flow.Payment{{Amount: flow.Money{Minor: 500000, Currency: "UAH"}, Tender: flow.TenderCard}}
			}, false, ""},
		{"cash_refund/owed_in_cash_counts_the_price", flow.FlagCashRefund, func(c *flow.Case, f *flow.Facts) {
			c.Sale.Tender, c.Sale.Price.Minor = flow.TenderCash, 2500000
		}, true, "a cash refund of 25000.00 UAH"},

		{"serial_mismatch/inspection_says_it_differs", flow.FlagSerialMismatch,
			func(c *flow.Case, f *flow.Facts) { c.Inspection.SerialMatches = false }, true,
			`the serial/IMEI "356938035643809" does not match the receipt`},
		{"serial_mismatch/it_matches", flow.FlagSerialMismatch, func(c *flow.Case, f *flow.Facts) {}, false, ""},
		{"serial_mismatch/an_item_without_a_serial_is_not", flow.FlagSerialMismatch, func(c *flow.Case, f *flow.Facts) {
			c.Inspection.SerialMatches = false
			c.Sale.Serial = ""
		}, false, ""},
		{"serial_mismatch/before_the_inspection_is_not", flow.FlagSerialMismatch, func(c *flow.Case, f *flow.Facts) {
			c.Inspection.SerialMatches = false
			c.Done = c.Done.Without(flow.StepInspection)
		}, false, ""},

		{"same_person/opened_and_decided_by_Ivan", flow.FlagSamePerson, func(c *flow.Case, f *flow.Facts) {
			c.Override = &flow.Override{Outcome: flow.OutcomeRefund, Reason: "regular customer", By: " ivan "}
		}, true, "Ivan opened the case and decided it too"},
		{"same_person/decided_by_another_lead", flow.FlagSamePerson, func(c *flow.Case, f *flow.Facts) {
			c.Override = &flow.Override{Outcome: flow.OutcomeRefund, Reason: "regular customer", By: "Petro"}
		}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := reviewed(t)
			var f flow.Facts
			tc.set(&c, &f)
			found := flow.Review(&c, rules, f)
			var got *flow.Finding
			for i := range found {
				if found[i].Flag == tc.flag {
					got = &found[i]
				}
			}
			if tc.flagged != (got != nil) {
				t.Fatalf("flagged %v, want %v: %+v", got != nil, tc.flagged, found)
			}
			if got != nil && !strings.Contains(got.Explain, tc.explain) {
				t.Errorf("explained %q, want it to say %q", got.Explain, tc.explain)
			}
			for _, x := range found {
				// deciding a case one opened is an override by its nature
				byNature := tc.flag == flow.FlagSamePerson && x.Flag == flow.FlagOverride
				if x.Flag.Fraud() && x.Flag != tc.flag && !byNature {
					t.Errorf("also flagged %s: %s", x.Flag, x.Explain)
				}
			}
		})
	}
}

// TestReviewMarks: the other marks of a case, each with its words, and none
// on a clean refund.
func TestReviewMarks(t *testing.T) {
	c := reviewed(t)
	if got := flow.Review(&c, flow.FraudRules{}, flow.Facts{}); len(got) != 0 {
		t.Fatalf("a clean refund is flagged: %+v", got)
	}
	no := false
	c.Passport.NameMatches = &no
	c.Request.Remote = true
	c.Sale.Condition = flow.ConditionUsed
	c.Decision.Warnings = []flow.ClauseID{flow.ClauseReturnShipping}
	c.Decision.RefundBy = day("2024-03-12")
	c.Status = flow.StatusRefunded
	paid := flow.Payment{Amount: flow.Money{Minor: 1999900, Currency: "UAH"}, Tender: flow.TenderCash, By: "Olena",
		Day: day("2024-03-14")}
	got := flow.Review(&c, flow.FraudRules{}, flow.Facts{Payments: []flow.Payment{paid}})
	want := []flow.Flag{flow.FlagNameMismatch, flow.FlagRemote, flow.FlagUsed, flow.FlagWarnings, flow.FlagRefundPaid,
		flow.FlagPaidLate}
	if !slices.Equal(flagsOf(got), want) {
		t.Fatalf("flags %v, want %v", flagsOf(got), want)
	}
	if e := got[len(got)-1].Explain; e != "paid on 2024-03-14, 2 days after it was due (2024-03-12)" {
		t.Errorf("paid late: %q", e)
	}
	if e := got[len(got)-2].Explain; e != "19999.00 UAH paid in cash by Olena on 2024-03-14" {
		t.Errorf("refund paid: %q", e)
	}
	c.Decision = &flow.Decision{Outcome: flow.OutcomeEscalate, Reason: "the text is silent"}
	if got := flow.Review(&c, flow.FraudRules{}, flow.Facts{}); got[0].Flag != flow.FlagEscalated ||
		!strings.Contains(got[0].Explain, "the text is silent") {
		t.Errorf("escalated: %+v", got)
	}
	// A lead's decision of it says who decided and why, and is no override.
	c.Override = &flow.Override{Outcome: flow.OutcomeExchange, Reason: "the law's 14 days", By: "Petro"}
	got = flow.Review(&c, flow.FraudRules{}, flow.Facts{})
	if got[0].Flag != flow.FlagEscalated ||
		got[0].Explain != `the engine handed it to a shift lead: the text is silent; Petro decided exchange: "the law's 14 days"` {
		t.Errorf("escalated and decided by a lead: %+v", got)
	}
}

// TestOverridden: an override is a lead going against what the engine
// decided; a lead deciding a case the engine escalated is not one.
func TestOverridden(t *testing.T) {
	lead := &flow.Override{Outcome: flow.OutcomeRefund, Reason: "the law's 14 days", By: "Petro"}
	for _, tc := range []struct {
		name     string
		decision *flow.Decision
		override *flow.Override
		want     bool
	}{
		{"the_engine_alone", &flow.Decision{Outcome: flow.OutcomeReject}, nil, false},
		{"a_lead_decides_an_escalated_case", &flow.Decision{Outcome: flow.OutcomeEscalate}, lead, false},
		{"a_lead_goes_against_a_rejection", &flow.Decision{Outcome: flow.OutcomeReject}, lead, true},
		{"a_lead_decides_in_place_of_the_engine's_refund", &flow.Decision{Outcome: flow.OutcomeRefund}, lead, true},
		{"a_lead_decides_with_no_engine_decision", nil, lead, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := flow.Case{Decision: tc.decision, Override: tc.override}
			if got := c.Overridden(); got != tc.want {
				t.Errorf("Overridden %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFraudRulesFromPolicy: a policy without [fraud] takes the defaults, in
// its own currency; one with it, its values.
func TestFraudRulesFromPolicy(t *testing.T) {
	p := parse(t, minimalTOML)
	if r := p.Fraud(); r.RepeatReturns != 3 || r.CashRefundThreshold != (flow.Money{Minor: 2000000, Currency: "UAH"}) {
		t.Errorf("defaults %+v", r)
	}
	p = parse(t, minimalTOML+"[fraud]\nrepeat_returns = 5\ncash_refund_threshold = \"15000\"\n")
	if r := p.Fraud(); r.RepeatReturns != 5 || r.CashRefundThreshold.Minor != 1500000 {
		t.Errorf("set %+v", r)
	}
	p = parse(t, minimalTOML+"[fraud]\nrepeat_returns = 2\n")
	if r := p.Fraud(); r.RepeatReturns != 2 || r.CashRefundThreshold.Minor != 2000000 {
		t.Errorf("half set %+v", r)
	}
}

// TestRepeatSince: 30 days, the case's own day included.
func TestRepeatSince(t *testing.T) {
	if got := flow.RepeatSince(day("2024-03-31")); got != day("2024-03-02") {
		t.Errorf("since %s", got)
	}
}

// TestOverdue: due on the day is not late; the day after is.
func TestOverdue(t *testing.T) {
	due := day("2024-03-22")
	for _, tc := range []struct {
		today string
		late  bool
	}{{"2024-03-21", false}, {"2024-03-22", false}, {"2024-03-23", true}} {
		if got := flow.Overdue(due, day(tc.today)); got != tc.late {
			t.Errorf("on %s: overdue %v, want %v", tc.today, got, tc.late)
		}
	}
	if flow.Overdue(flow.Date{}, day("2030-01-01")) {
		t.Error("no due day is overdue")
	}
}

// TestBusinessDaysUntil counts the working days left, weekends skipped.
func TestBusinessDaysUntil(t *testing.T) {
	fri := day("2024-03-15")
	for _, tc := range []struct {
		to   string
		want int
	}{
		{"2024-03-15", 0}, {"2024-03-16", 0}, {"2024-03-17", 0}, {"2024-03-18", 1}, {"2024-03-22", 5},
		{"2024-03-29", 10}, {"2024-03-14", -1}, {"2024-03-11", -4},
	} {
		if got := fri.BusinessDaysUntil(day(tc.to)); got != tc.want {
			t.Errorf("Fri 2024-03-15 to %s: %d business days, want %d", tc.to, got, tc.want)
		}
	}
	// the inverse of AddBusinessDays
	for n := 0; n < 40; n++ {
		if got := fri.BusinessDaysUntil(fri.AddBusinessDays(n)); got != n {
			t.Errorf("AddBusinessDays(%d) is %d business days away", n, got)
		}
	}
}

// TestRefundPaidWords: a refund paid in parts says how many, the last, and
// what is still owed; paid late is judged on the last payment.
func TestRefundPaidWords(t *testing.T) {
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }
	c := reviewed(t)
	c.Decision.RefundBy = day("2024-03-12")
	c.Status = flow.StatusRefundOwed
	first := flow.Payment{Amount: uah(10000), Tender: flow.TenderCash, By: "Olena", Day: day("2024-03-10")}
	second := flow.Payment{Amount: uah(1000000), Tender: flow.TenderCard, By: "Petro", Day: day("2024-03-11")}
	for _, tc := range []struct {
		name     string
		status   flow.Status
		payments []flow.Payment
		want     []string // the explanations of refund_paid, then paid_late if any
	}{
		{"one_part_says_what_is_owed", flow.StatusRefundOwed, []flow.Payment{first},
			[]string{"100.00 UAH paid in cash by Olena on 2024-03-10; 19899.00 UAH still owed"}},
		{"two_parts_say_how_many_and_the_last", flow.StatusRefundOwed, []flow.Payment{first, second},
			[]string{"10100.00 UAH paid in 2 payments, the last 10000.00 UAH in card by Petro on 2024-03-11; " +
				"9899.00 UAH still owed"}},
		{"the_rest_paid_late_is_late", flow.StatusRefunded, []flow.Payment{first, second,
			{Amount: uah(989900), Tender: flow.TenderCash, By: "Olena", Day: day("2024-03-14")}},
			[]string{"19999.00 UAH paid in 3 payments, the last 9899.00 UAH in cash by Olena on 2024-03-14",
				"paid on 2024-03-14, 2 days after it was due (2024-03-12)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.Status = tc.status
			var got []string
			for _, f := range flow.Review(&c, flow.FraudRules{}, flow.Facts{Payments: tc.payments}) {
				if f.Flag == flow.FlagRefundPaid || f.Flag == flow.FlagPaidLate {
					got = append(got, f.Explain)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("explained %q, want %q", got, tc.want)
			}
		})
	}
}
