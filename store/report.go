package store

import "example.com/returnsdesk/flow"

// DayReport is what a day's cases came to, from the day index alone: the
// summary a shift lead reads at the day close, which the close keeps.
type DayReport struct {
	Day         flow.Date   `json:"day"`
	Cases       int         `json:"cases"`
	ByOutcome   []Count     `json:"by_outcome"`   // every outcome, then "" (not decided yet); zeros included
	Refunds     []TenderSum `json:"refunds"`      // refunds paid, by the tender they were paid in; tenders used only
	RefundsPaid int         `json:"refunds_paid"` // how many refunds were paid
	Owed        int         `json:"owed"`         // refunds still owed
	OwedAmount  flow.Money  `json:"owed_amount"`
	Overdue     int         `json:"overdue"`   // refunds owed past their day
	Escalated   int         `json:"escalated"` // cases the engine handed to a shift lead
	Waiting     int         `json:"waiting"`   // escalations still waiting for a decision
	Overrides   int         `json:"overrides"`
	Flags       []Count     `json:"flags"`      // cases with each fraud flag, in flow.FraudFlags' order
	Flagged     int         `json:"flagged"`    // cases with at least one fraud flag
	SignedOff   int         `json:"signed_off"` // cases a shift lead signed off
	Drafts      int         `json:"drafts"`     // cases still being walked through
}

// Count is how many cases have one outcome or flag.
type Count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// TenderSum is the refunds paid in one tender.
type TenderSum struct {
	Tender flow.Tender `json:"tender"`
	N      int         `json:"n"`
	Amount flow.Money  `json:"amount"`
}

// NewDayReport counts a day's summaries; today says which refunds owed are
// overdue.
func NewDayReport(day flow.Date, sums []Summary, today flow.Date) DayReport {
	r := DayReport{Day: day, Cases: len(sums)}
	outcomes := map[flow.Outcome]int{}
	flags := map[Flags]int{}
	paid := map[flow.Tender]*TenderSum{}
	fraud := FraudFlags()
	for _, s := range sums {
		outcomes[s.Outcome]++
		if s.Flags.Has(FlagRefundPaid) {
			r.RefundsPaid++
			t := paid[s.Tender]
			if t == nil {
				t = &TenderSum{Tender: s.Tender, Amount: flow.Money{Currency: s.Amount.Currency}}
				paid[s.Tender] = t
			}
			t.N++
			t.Amount.Minor += s.Amount.Minor
		}
		switch s.Status {
		case flow.StatusRefundOwed:
			r.Owed++
			r.OwedAmount.Minor += s.Amount.Minor
			r.OwedAmount.Currency = s.Amount.Currency
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
	for _, o := range append(append([]flow.Outcome{}, flow.Outcomes...), "") {
		r.ByOutcome = append(r.ByOutcome, Count{Name: string(o), N: outcomes[o]})
	}
	for _, t := range append(append([]flow.Tender{}, flow.Tenders...), "") {
		if x := paid[t]; x != nil {
			r.Refunds = append(r.Refunds, *x)
		}
	}
	for _, f := range flow.FraudFlags {
		r.Flags = append(r.Flags, Count{Name: string(f), N: flags[FlagOf(f)]})
	}
	return r
}
