package store

import "example.com/returnsdesk/flow"

// DayReport is what a day came to, from the day index and the payments
// index alone: the summary a shift lead reads at the day close, which the
// close keeps. Its cases are those filed under the day (opened on it); its
// refunds paid are the payments made on the day, whichever day their case
// is filed under, so that the close counts the money that left the tills
// that day (a refund owed by Monday's case and paid on Wednesday is
// Wednesday's; Monday's close still owes it).
type DayReport struct {
	Day         flow.Date   `json:"day"`
	Cases       int         `json:"cases"`
	ByOutcome   []Count     `json:"by_outcome"`   // every outcome, then "" (not decided yet); zeros included
	Refunds     []TenderSum `json:"refunds"`      // payments made on the day, by tender; tenders used only
	RefundsPaid int         `json:"refunds_paid"` // how many payments were made on the day
	Owed        int         `json:"owed"`         // the day's refunds still owed
	OwedAmount  flow.Money  `json:"owed_amount"`  // what they still owe: the refunds due less what was paid
	OwedPaid    flow.Money  `json:"owed_paid"`    // what was paid of them so far (part payments)
	Overdue     int         `json:"overdue"`      // refunds owed past their day
	Escalated   int         `json:"escalated"`    // cases the engine handed to a shift lead
	Waiting     int         `json:"waiting"`      // escalations still waiting for a decision
	Overrides   int         `json:"overrides"`
	Flags       []Count     `json:"flags"`      // cases with each fraud flag, in flow.FraudFlags' order
	Flagged     int         `json:"flagged"`    // cases with at least one fraud flag
	SignedOff   int         `json:"signed_off"` // cases a shift lead signed off
	Drafts      int         `json:"drafts"`     // cases still being walked through
	// Ended is the cases closed without a decision: the customer withdrew
	// or never came back, or a shift lead set the case aside.
	Ended int `json:"ended,omitempty"`
	// Taken is what customers paid at the till for dearer replacements in
	// the day's exchanges, by tender; TakenN how many paid. (A cheaper
	// replacement's difference is a refund: in Refunds once paid.)
	Taken  []TenderSum `json:"taken,omitempty"`
	TakenN int         `json:"taken_n,omitempty"`
}

// Count is how many cases have one outcome or flag.
type Count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// TenderSum is the payments of refunds made in one tender.
type TenderSum struct {
	Tender flow.Tender `json:"tender"`
	N      int         `json:"n"`
	Amount flow.Money  `json:"amount"`
}

// NewDayReport counts a day's summaries and the payments made on it
// (paid); today says which refunds owed are overdue.
func NewDayReport(day flow.Date, sums []Summary, paid []DayPayment, today flow.Date) DayReport {
	r := DayReport{Day: day, Cases: len(sums)}
	outcomes := map[flow.Outcome]int{}
	flags := map[Flags]int{}
	fraud := FraudFlags()
	r.Refunds, r.RefundsPaid = tenderSums(paid), len(paid)
	var taken []DayPayment
	for _, s := range sums {
		outcomes[s.Outcome]++
		if s.Taken.Minor > 0 {
			taken = append(taken, DayPayment{CaseID: s.ID, N: 1, Amount: s.Taken, Tender: s.Tender})
		}
		switch s.Status {
		case flow.StatusRefundOwed:
			r.Owed++
			r.OwedAmount.Minor += s.Owed().Minor
			r.OwedPaid.Minor += s.Paid.Minor
			r.OwedAmount.Currency, r.OwedPaid.Currency = s.Amount.Currency, s.Amount.Currency
			if s.Overdue(today) {
				r.Overdue++
			}
		case flow.StatusEscalated:
			r.Waiting++
		case flow.StatusOpen, "":
			r.Drafts++
		}
		if s.Flags.Has(FlagEscalated) {
			r.Escalated++
		}
		if s.Flags.Has(FlagOverride) {
			r.Overrides++
		}
		if s.Flags.Has(FlagVoided) {
			r.Ended++
		}
		if s.Flags.Has(FlagSignedOff) {
			r.SignedOff++
		}
		if s.Flags&fraud != 0 {
			r.Flagged++
		}
		for _, f := range flow.FraudFlags {
			if b := FlagOf(f); s.Flags.Has(b) {
				flags[b]++
			}
		}
	}
	r.Taken, r.TakenN = tenderSums(taken), len(taken)
	for _, o := range append(append([]flow.Outcome{}, flow.Outcomes...), "") {
		r.ByOutcome = append(r.ByOutcome, Count{Name: string(o), N: outcomes[o]})
	}
	for _, f := range flow.FraudFlags {
		r.Flags = append(r.Flags, Count{Name: string(f), N: flags[FlagOf(f)]})
	}
	return r
}

// tenderSums are payments summed by tender, in flow.Tenders' order (then
// a payment with none); tenders used only.
func tenderSums(paid []DayPayment) []TenderSum {
	by := map[flow.Tender]*TenderSum{}
	for _, p := range paid {
		t := by[p.Tender]
		if t == nil {
			t = &TenderSum{Tender: p.Tender, Amount: flow.Money{Currency: p.Amount.Currency}}
			by[p.Tender] = t
		}
		t.N++
		t.Amount.Minor += p.Amount.Minor
	}
	var out []TenderSum
	for _, t := range append(append([]flow.Tender{}, flow.Tenders...), "") {
		if x := by[t]; x != nil {
			out = append(out, *x)
		}
	}
	return out
}
