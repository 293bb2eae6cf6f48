package flow_test

import (
	"errors"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// exchanged is the clean return decided as an exchange (the customer asked
// for one), with its replacement at price minor.
func exchanged(t *testing.T, minor int64) flow.Case {
	t.Helper()
	c := cleanReturn()
	c.Request.Wants = flow.WantExchange
	for _, s := range c.Steps() {
		c.Done = c.Done.With(s)
	}
	d, err := flow.Decide(&c, builtin(t, "generic"), at("2024-03-05"))
	if err != nil {
		t.Fatal(err)
	}
	c.Decision = &d
	if c.Outcome() != flow.OutcomeExchange {
		t.Fatalf("the clean exchange is a %s", c.Outcome())
	}
	c.Replacement = &flow.Replacement{Model: "Phone 15 Pro", Serial: "490154203237518",
		Price: flow.Money{Minor: minor, Currency: "UAH"}, Tender: flow.TenderCash}
	return c
}

// TestDifference holds the price difference of an exchange each way and
// at zero: what the customer pays, what the store refunds, and the status
// the exchange settles in with the till's cash and without, in person and
// by delivery.
func TestDifference(t *testing.T) {
	const price = 1999900 // the returned item's
	tests := []struct {
		name        string
		replacement int64
		noCash      bool
		remote      bool
		diff        int64
		pays, due   int64
		refunds     bool
		settles     flow.Status
	}{
		{name: "dearer: the customer pays the difference", replacement: 2499900, diff: 500000, pays: 500000,
			settles: flow.StatusExchanged},
		{name: "dearer without cash in the till: still paid by the customer", replacement: 2499900, noCash: true,
			diff: 500000, pays: 500000, settles: flow.StatusExchanged},
		{name: "the same price: nothing to pay or refund", replacement: price, settles: flow.StatusExchanged},
		{name: "cheaper: the difference is refunded at the till", replacement: 1499900, diff: -500000, due: 500000,
			refunds: true, settles: flow.StatusExchanged},
		{name: "cheaper, the till lacks cash: the difference is owed", replacement: 1499900, noCash: true,
			diff: -500000, due: 500000, refunds: true, settles: flow.StatusRefundOwed},
		{name: "cheaper, sent by delivery: the difference is owed", replacement: 1499900, remote: true,
			diff: -500000, due: 500000, refunds: true, settles: flow.StatusRefundOwed},
		{name: "a kopiyka cheaper", replacement: price - 1, diff: -1, due: 1, refunds: true,
			settles: flow.StatusExchanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exchanged(t, tt.replacement)
			c.TillHasCash, c.Request.Remote = !tt.noCash, tt.remote
			if got := c.Difference(); got.Minor != tt.diff || got.Currency != "UAH" {
				t.Errorf("Difference = %v, want %d UAH", got, tt.diff)
			}
			if got := c.CustomerPays(); got.Minor != tt.pays {
				t.Errorf("CustomerPays = %v, want %d", got, tt.pays)
			}
			if got := c.RefundDue(); got.Minor != tt.due {
				t.Errorf("RefundDue = %v, want %d", got, tt.due)
			}
			if c.Refunds() != tt.refunds {
				t.Errorf("Refunds = %v, want %v", c.Refunds(), tt.refunds)
			}
			if got, err := c.Settles(); err != nil || got != tt.settles {
				t.Errorf("Settles = %v, %v, want %v", got, err, tt.settles)
			}
			if c.RefundedStatus() != flow.StatusExchanged {
				t.Errorf("RefundedStatus = %v", c.RefundedStatus())
			}
			c.Status = tt.settles
			if err := c.CheckStatus(); err != nil {
				t.Errorf("CheckStatus(%s): %v", tt.settles, err)
			}
			err := flow.CheckPayment(&c, nil, flow.Money{Minor: tt.due, Currency: "UAH"}, flow.TenderCash)
			switch {
			case tt.refunds && err != nil:
				t.Errorf("paying the difference: %v", err)
			case !tt.refunds && err == nil:
				t.Errorf("a payment towards an exchange that refunds nothing was taken")
			}
			if tt.refunds {
				more := flow.CheckPayment(&c, nil, flow.Money{Minor: tt.due + 1, Currency: "UAH"}, flow.TenderCash)
				if !errors.Is(more, flow.ErrRefundTooLarge) {
					t.Errorf("paying more than the difference: %v, want %v", more, flow.ErrRefundTooLarge)
				}
				c.Status = flow.StatusRefundOwed
				if got := c.StillOwed(nil); got.Minor != tt.due {
					t.Errorf("StillOwed = %v, want %d", got, tt.due)
				}
				c.Status = flow.StatusExchanged
				if got := c.StillOwed(nil); got.Minor != 0 {
					t.Errorf("StillOwed once exchanged = %v, want nothing", got)
				}
			}
		})
	}
}

// TestDifferenceOfNoExchange: a refund's due is its price whatever a
// replacement says, and an exchange without its replacement yet owes and
// pays nothing.
func TestDifferenceOfNoExchange(t *testing.T) {
	r := reviewed(t)
	r.Replacement = &flow.Replacement{Price: flow.Money{Minor: 1, Currency: "UAH"}}
	if got := r.RefundDue(); got != r.Sale.Price {
		t.Errorf("a refund's due = %v, want the price %v", got, r.Sale.Price)
	}
	if r.CustomerPays().Minor != 0 || r.RefundedStatus() != flow.StatusRefunded {
		t.Errorf("a refund: pays %v, refunded as %v", r.CustomerPays(), r.RefundedStatus())
	}
	r.Status = flow.StatusExchanged
	if r.CheckStatus() == nil {
		t.Error("a refund became exchanged")
	}
	e := exchanged(t, 1)
	e.Replacement = nil
	if e.Difference().Minor != 0 || e.RefundDue().Minor != 0 || e.Refunds() {
		t.Errorf("an exchange without its replacement: difference %v, due %v", e.Difference(), e.RefundDue())
	}
	for _, st := range []flow.Status{flow.StatusRefunded, flow.StatusRefundOwed} {
		e.Status = st
		if e.CheckStatus() == nil {
			t.Errorf("an exchange at the same price became %s", st)
		}
	}
}

// TestCheckReplacement: each field of the replacement, named when wrong.
func TestCheckReplacement(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *flow.Case, r *flow.Replacement)
		field  string // the field named; "" for a valid replacement
		want   string
	}{
		{name: "a phone with its IMEI is valid"},
		{name: "an accessory without a serial is valid",
			change: func(_ *flow.Case, r *flow.Replacement) { r.Serial, r.NoSerial = "", true }},
		{name: "the same price needs no tender",
			change: func(c *flow.Case, r *flow.Replacement) { r.Price, r.Tender = c.Sale.Price, "" }},
		{name: "no model", change: func(_ *flow.Case, r *flow.Replacement) { r.Model = " " },
			field: "replacement.model", want: "enter the model"},
		{name: "no serial for a phone", change: func(_ *flow.Case, r *flow.Replacement) { r.Serial = "" },
			field: "replacement.serial", want: "enter the serial number or IMEI"},
		{name: "an IMEI with a wrong check digit", change: func(_ *flow.Case, r *flow.Replacement) { r.Serial = "490154203237519" },
			field: "replacement.serial", want: "check digit"},
		{name: "a serial typed for an accessory", change: func(_ *flow.Case, r *flow.Replacement) { r.NoSerial = true },
			field: "replacement.serial", want: "leave it empty"},
		{name: "the returned item's own serial",
			change: func(c *flow.Case, r *flow.Replacement) { r.Serial = " " + c.Sale.Serial },
			field:  "replacement.serial", want: "the returned item's serial"},
		{name: "a price of nothing", change: func(_ *flow.Case, r *flow.Replacement) { r.Price.Minor = 0 },
			field: "replacement.price", want: "more than zero"},
		{name: "a price in another currency", change: func(_ *flow.Case, r *flow.Replacement) { r.Price.Currency = "EUR" },
			field: "replacement.price", want: `priced in "EUR"`},
		{name: "a difference with no tender", change: func(_ *flow.Case, r *flow.Replacement) { r.Tender = "" },
			field: "replacement.tender", want: "how the price difference is paid"},
		{name: "a difference in no tender a till takes", change: func(_ *flow.Case, r *flow.Replacement) { r.Tender = "barter" },
			field: "replacement.tender", want: "how the price difference is paid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exchanged(t, 2499900)
			r := *c.Replacement
			if tt.change != nil {
				tt.change(&c, &r)
			}
			err := flow.CheckReplacement(&c, r)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("CheckReplacement: %v", err)
				}
				return
			}
			var fe *flow.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(flow.Message(err), tt.want) {
				t.Fatalf("CheckReplacement: %v, want %s: ...%s...", err, tt.field, tt.want)
			}
			if flow.ErrorStep(err) != flow.StepReplacement {
				t.Errorf("the error's step is %v", flow.ErrorStep(err))
			}
		})
	}
	t.Run("a refund takes no replacement", func(t *testing.T) {
		c := reviewed(t)
		if err := flow.CheckReplacement(&c, flow.Replacement{Model: "X"}); err == nil ||
			!strings.Contains(flow.Message(err), "not decided as an exchange") {
			t.Fatalf("CheckReplacement of a refund: %v", err)
		}
	})
}

// TestReplacementStep: the replacement is a step of an exchange only,
// after the decision and before the act; an answer changed before the
// decision drops it with the decision.
func TestReplacementStep(t *testing.T) {
	r := reviewed(t)
	if r.Applies(flow.StepReplacement) {
		t.Error("a refund asks for a replacement")
	}
	c := exchanged(t, 1)
	steps := c.Steps()
	if n := len(steps); steps[n-2] != flow.StepReplacement || steps[n-1] != flow.StepAct {
		t.Fatalf("the exchange's steps: %v", steps)
	}
	c.Done = c.Done.Without(flow.StepReplacement)
	if c.Next() != flow.StepReplacement {
		t.Fatalf("Next = %v, want the replacement", c.Next())
	}
	if err := c.Complete(flow.StepReplacement); err != nil || c.Step != flow.StepAct {
		t.Fatalf("Complete(replacement): %v, step %v", err, c.Step)
	}
	if err := c.Complete(flow.StepInspection); err != nil {
		t.Fatal(err)
	}
	if c.Replacement != nil || c.Done.Has(flow.StepReplacement) || c.Decision != nil {
		t.Errorf("an inspection changed kept the replacement: %+v, done %v", c.Replacement, c.Done)
	}
	var back flow.Step
	if err := back.UnmarshalText([]byte("replacement")); err != nil || back != flow.StepReplacement {
		t.Errorf("the step's name reads back as %v, %v", back, err)
	}
	if flow.StepAct.String() != "act" || flow.FieldStep("replacement.price") != flow.StepReplacement {
		t.Error("the steps' names or fields moved")
	}
}

// TestReplacementValidate: a stored case's replacement is held to its
// shape, and a replacement's RefundBy and tender are the exchange's.
func TestReplacementValidate(t *testing.T) {
	c := exchanged(t, 1499900)
	c.Replacement.RefundBy = day("2024-03-12")
	if c.RefundBy() != day("2024-03-12") || c.RefundTender() != flow.TenderCash {
		t.Errorf("RefundBy %v, RefundTender %v", c.RefundBy(), c.RefundTender())
	}
	if err := c.Validate(flow.Date{}); err != nil {
		t.Fatal(err)
	}
	c.Replacement.Tender = "barter"
	if err := c.Validate(flow.Date{}); err == nil || !strings.Contains(err.Error(), "replacement.tender") {
		t.Errorf("Validate: %v", err)
	}
	c.Replacement.Tender, c.Replacement.Price.Minor = "", -1
	if err := c.Validate(flow.Date{}); err == nil || !strings.Contains(err.Error(), "replacement.price") {
		t.Errorf("Validate: %v", err)
	}
}

// TestDifferenceFlags: a cheaper replacement's difference is money that
// leaves the till as a refund's does: in cash above the policy's threshold
// it is flagged cash_refund, and without the receipt no_receipt; a dearer
// replacement's is not.
func TestDifferenceFlags(t *testing.T) {
	rules := builtin(t, "generic").Fraud()
	flagged := func(c flow.Case) map[flow.Flag]bool {
		out := map[flow.Flag]bool{}
		for _, f := range flow.Review(&c, rules, flow.Facts{}) {
			out[f.Flag] = true
		}
		return out
	}
	c := exchanged(t, 1999900)
	c.Sale.Price.Minor = 4999900 // a difference of 30 000,00 in cash, above generic's 20 000,00
	if f := flagged(c); !f[flow.FlagCashRefund] || f[flow.FlagNoReceipt] {
		t.Errorf("a cash difference of 30 000,00: %v", f)
	}
	c.Documents = []flow.Document{flow.DocPaymentProof}
	if f := flagged(c); !f[flow.FlagNoReceipt] {
		t.Errorf("a difference refunded without the receipt: %v", f)
	}
	c.Sale.Price.Minor = 999900 // now the customer pays 10 000,00
	if f := flagged(c); f[flow.FlagCashRefund] || f[flow.FlagNoReceipt] {
		t.Errorf("a dearer replacement flagged: %v", f)
	}
}

// TestDueDifference: a cheaper replacement's difference is due today when
// the till pays it, else within the policy's payout days; a dearer one's,
// or the same price's, is due never.
func TestDueDifference(t *testing.T) {
	p := builtin(t, "generic")
	now := at("2024-03-05")
	for _, tc := range []struct {
		name     string
		price    int64
		cash     bool
		due      bool
		dueToday bool
	}{
		{"cheaper, the till has the cash", 100, true, true, true},
		{"cheaper, the till short of it", 100, false, true, false},
		{"dearer", 1 << 40, true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := exchanged(t, tc.price)
			c.TillHasCash = tc.cash
			p.DueDifference(&c, now)
			by := c.Replacement.RefundBy
			switch {
			case !tc.due && !by.IsZero():
				t.Errorf("due by %s", by)
			case tc.due && by.IsZero():
				t.Error("no day the difference is due by")
			case tc.due && tc.dueToday != (by == flow.DateOf(now)):
				t.Errorf("due by %s (today %s)", by, flow.DateOf(now))
			}
			if want := p.RefundDueFor(&c, now); tc.due && by != want {
				t.Errorf("due by %s, a refund's day is %s", by, want)
			}
		})
	}
}
