package flow

import (
	"slices"
	"strings"
	"time"

	"example.com/returnsdesk/flow/lang"
)

// Outcome is what the policy gives the customer.
type Outcome string

// The outcomes of the decide contract.
const (
	OutcomeRefund         Outcome = "refund"
	OutcomeExchange       Outcome = "exchange"
	OutcomeReject         Outcome = "reject"
	OutcomeNeedDocuments  Outcome = "need_documents" // the case stays open until the customer brings them
	OutcomeServiceCentre  Outcome = "service_centre" // the item goes to the service centre
	OutcomeReplaceSimilar Outcome = "replace_similar"
	OutcomeEscalate       Outcome = "escalate" // a shift lead decides
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{OutcomeRefund, OutcomeExchange, OutcomeReject, OutcomeNeedDocuments, OutcomeServiceCentre,
	OutcomeReplaceSimilar, OutcomeEscalate}

func (o Outcome) String() string { return string(o) }

// Decision is the engine's answer for a case, in the shape of the decide
// contract, with the reasons a cashier reads out.
type Decision struct {
	Outcome  Outcome    `json:"outcome"`
	RefundBy Date       `json:"refund_by,omitzero"` // set for a refund: the day it must be paid by
	Clauses  []ClauseID `json:"clauses"`            // the clauses that decided it; a rejection lists every failed one
	Missing  []Document `json:"missing"`            // documents still to bring, for need_documents
	Warnings []ClauseID `json:"warnings"`           // clauses to tell the customer about that did not decide it
	Explain  []string   `json:"explain"`            // one line per check, fit to read out
	// Reason says why a shift lead must decide, for an escalation.
	Reason string `json:"reason,omitempty"`
	// ServiceBy is the latest day the item is expected back from the service
	// centre: the policy's term in business days where it sets one, else the
	// store's own (Policy.ServiceDays). Set for every service_centre outcome.
	ServiceBy Date `json:"service_by,omitzero"`
}

// Decide applies the policy to the case on the day of now (in now's location:
// pass the clock in the store's time zone). The window, the warranty period
// and the refund-by day are judged on the case's claim day (ClaimDay: the
// day it was opened), the day the item is due back from the service centre
// on now's day, when it is sent. It explains every check it makes. Where the
// policy is silent or contradicts itself or the law, the outcome is
// OutcomeEscalate with the reason. An error names the field of the case that
// is missing or wrong. The explanation is in English, the decide contract's
// language: DecideIn explains in another.
func Decide(c *Case, p *Policy, now time.Time) (Decision, error) {
	return DecideIn(lang.English(), c, p, now)
}

// DecideIn is Decide with the explanation (Decision.Explain) in the
// printer's language, its amounts and days written as the language writes
// them; the rest of the decision (the outcome, the clauses, the documents,
// the reason) is the same in every language. An escalation's reason of the
// engine's own is explained in the printer's language, a policy's
// ([escalate]) as the store wrote it.
func DecideIn(tr *lang.Printer, c *Case, p *Policy, now time.Time) (Decision, error) {
	today := DateOf(now)
	if err := c.Validate(today); err != nil {
		return Decision{}, err
	}
	if c.Sale.Date.IsZero() {
		return Decision{}, fieldErr("sale.date", "the sale date is needed")
	}
	if c.Request.Claim == "" {
		return Decision{}, fieldErr("claim", "say whether it is a return or a defect")
	}
	if c.Request.Wants == "" {
		return Decision{}, fieldErr("wants", "say whether the customer wants a refund or an exchange")
	}
	if cur := c.Sale.Price.Currency; cur != "" && p.Currency != "" && !strings.EqualFold(cur, p.Currency) {
		return Decision{}, fieldErr("sale.currency", "the sale is in %s, but the policy %s is in %s: a sale is decided in its policy's currency",
			cur, p.Name, p.Currency)
	}
	claim := c.ClaimDay(now)
	if claim.Before(c.Sale.Date) {
		return Decision{}, fieldErr("sale.date", "the sale (%s) is after the claim (%s, the day the case was opened)",
			c.Sale.Date, claim)
	}
	d := &decider{tr: tr, c: c, p: p, today: today, claim: claim, day: claim.DaysSince(c.Sale.Date)}
	if c.Request.Claim == ClaimReturn {
		d.ret()
	} else {
		d.defect()
	}
	return d.out, nil
}

// decider holds one decision while it is made.
type decider struct {
	tr    *lang.Printer // the explanation's language
	c     *Case
	p     *Policy
	today Date // the day of the decision: an item sent to the service centre goes today
	claim Date // the day of the claim: the window, the warranty and the refund-by day are judged on it
	day   int  // days from the sale to the claim; the day after the sale is day 1
	out   Decision
}

// line explains a check: the message whose English is format, in the
// decider's language, filled in with args.
func (d *decider) line(format string, args ...any) { d.add(d.tr.T(format, args...)) }

// lineN explains a check that counts (days, months): the counted message
// whose English is format, in the plural form of n, filled in with args.
func (d *decider) lineN(format string, n int, args ...any) { d.add(d.tr.N(format, n, args...)) }

// add explains a check in words already in the decider's language.
func (d *decider) add(text string) { d.out.Explain = append(d.out.Explain, text) }

// date is a day as the explanation's language writes it.
func (d *decider) date(x Date) string { return x.In(d.tr) }

// money is an amount as the explanation's language writes it.
func (d *decider) money(m Money) string { return m.In(d.tr) }

// said is words of the engine's own written in a printer's language: an
// escalation's reason, which the decision keeps in English (Decision.Reason)
// and the explanation gives in its own language.
type said func(*lang.Printer) string

// finish sets the outcome and the deciding clauses.
func (d *decider) finish(o Outcome, clauses ...ClauseID) {
	d.out.Outcome = o
	d.out.Clauses = append([]ClauseID{}, clauses...)
	if d.out.Missing == nil {
		d.out.Missing = []Document{}
	}
	if d.out.Warnings == nil {
		d.out.Warnings = []ClauseID{}
	}
	if d.out.Explain == nil {
		d.out.Explain = []string{}
	}
}

// escalate hands the case to a shift lead. A situation the policy lists gives
// the store's reason, as the store wrote it; otherwise the engine's own
// reason (why) stands, explained in the decider's language.
func (d *decider) escalate(s Situation, why said, clauses ...ClauseID) {
	var reason, text string
	if e, ok := d.p.Escalation(s); ok && s != "" {
		reason, text = e.Reason, e.ReasonIn(d.tr.Lang()) // the store's words, in the explanation's language
	} else if why != nil {
		reason, text = why(lang.English()), why(d.tr)
	}
	d.out.Reason = reason
	d.line("a shift lead decides: %s", text)
	d.finish(OutcomeEscalate, clauses...)
}

func (d *decider) warn(id ClauseID) {
	for _, w := range d.out.Warnings {
		if w == id {
			return
		}
	}
	d.out.Warnings = append(d.out.Warnings, id)
}

// ret decides a return of goods of proper quality: used-equipment, then the
// window, then every inspection clause, then the documents.
func (d *decider) ret() {
	c, p := d.c, d.p
	if p.Clauses.UsedEquipment != nil && c.Sale.Condition == ConditionUsed {
		d.line("used equipment: no returns or exchanges")
		d.finish(OutcomeReject, ClauseUsedEquipment)
		return
	}
	findings := p.returnFindings(d.tr, c.Inspection)
	w := p.Clauses.Window
	if w == nil {
		d.line("day %d since the sale: the policy sets no return window", d.day)
		for _, f := range findings {
			d.add(f.line)
		}
		d.escalate(SituationReturnNewGoods, func(p *lang.Printer) string {
			return p.T("the policy says nothing of returns of goods of proper quality")
		}, ClauseWindow)
		return
	}
	var failed []ClauseID
	shortOfLaw := false
	switch {
	case d.day <= w.Days:
		d.line("day %d of %d: within the return window", d.day, w.Days)
	case d.day <= LawWindowDays:
		d.lineN("day %d of %d: past the store's window, but within the %d days the law gives (art. 9)", LawWindowDays,
			d.day, w.Days, LawWindowDays)
		shortOfLaw = true
	default:
		d.line("day %d of %d: past the return window", d.day, w.Days)
		failed = append(failed, ClauseWindow)
	}
	for _, f := range findings {
		d.add(f.line)
		if !f.pass {
			failed = append(failed, f.clause)
		}
	}
	if len(failed) > 0 {
		d.finish(OutcomeReject, failed...)
		return
	}
	if shortOfLaw {
		d.escalate(SituationShortWindow, func(p *lang.Printer) string {
			return p.N("the store's window of %d days is shorter than the %d days the law gives", w.Days, w.Days, LawWindowDays)
		}, ClauseWindow)
		return
	}
	if c.Request.Remote {
		if p.Clauses.ReturnShipping == nil {
			d.escalate(SituationRemoteReturn, func(p *lang.Printer) string {
				return p.T("the policy says nothing of returns sent by a delivery service")
			}, ClauseReturnShipping)
			return
		}
		d.line("sent by a delivery service: the buyer pays the return shipping")
		d.warn(ClauseReturnShipping)
	}
	d.remedy(c.Request.Wants, false, ClauseWindow)
}

// remedy gives the customer what they want once the documents are there:
// the documents (the return path's, or with warranty the significant-defect
// clause's: documents), then the exchange or the refund.
func (d *decider) remedy(want Want, warranty bool, clauses ...ClauseID) {
	missing, unmet := d.documents(want, warranty)
	if len(missing) > 0 {
		d.out.Missing = missing
		d.finish(OutcomeNeedDocuments, unmet...)
		return
	}
	if want == WantExchange {
		d.line("exchange for goods of good quality")
		d.finish(OutcomeExchange, clauses...)
		return
	}
	c, p := d.c, d.p
	d.out.RefundBy = p.caseRefundDue(c, d.claim)
	switch {
	case c.Request.Remote:
		d.lineN("refund %s by %s (within %d days), not at the till", p.PayoutDays(),
			d.money(c.Sale.Price), d.date(d.out.RefundBy), p.PayoutDays())
	case c.TillHasCash:
		d.line("refund %s today at the till", d.money(c.Sale.Price))
	default:
		d.lineN("the till lacks cash: refund %s by %s (within %d days)", p.PayoutDays(),
			d.money(c.Sale.Price), d.date(d.out.RefundBy), p.PayoutDays())
	}
	d.finish(OutcomeRefund, append(clauses, ClauseRefundPayout)...)
}

// documents finds the documents the customer must still bring, and the
// clauses that ask for them. The return path asks for the policy's proof of
// purchase, the warranty card where the policy asks for it, and the passport
// for a refund where the policy asks for it. With warranty (a significant
// defect under warranty), the significant-defect clause asks for proof of
// payment, the receipt or another payment proof at every store
// (docs/rules.md, "Settled questions"), and the warranty card; the passport
// as on the return path.
func (d *decider) documents(want Want, warranty bool) (missing []Document, unmet []ClauseID) {
	c, p := d.c, d.p
	need := func(doc Document, id ClauseID) {
		missing = append(missing, doc)
		if !slices.Contains(unmet, id) {
			unmet = append(unmet, id)
		}
	}
	switch pp := p.Clauses.ProofOfPurchase; {
	case warranty:
		if c.Has(DocReceipt) || c.Has(DocPaymentProof) {
			d.line("proof of payment presented")
		} else {
			d.line("no proof of payment: bring the receipt or the other payment proof")
			need(DocReceipt, ClauseSignificantDefect)
		}
	case pp != nil:
		names := ""
		found := false
		for i, doc := range pp.Accepts {
			if i == 0 {
				names = docWords(d.tr, doc)
			} else {
				names = d.tr.T("%s or %s", names, docWords(d.tr, doc))
			}
			found = found || c.Has(doc)
		}
		if found {
			d.line("proof of purchase presented")
		} else {
			d.line("no proof of purchase: bring %s", names)
			need(pp.Accepts[0], ClauseProofOfPurchase)
		}
	}
	if p.Clauses.WarrantyCard != nil || warranty {
		id := ClauseWarrantyCard
		if warranty {
			id = ClauseSignificantDefect
		}
		if c.Has(DocWarrantyCard) {
			d.line("warranty card presented")
		} else {
			d.line("no warranty card: bring it")
			need(DocWarrantyCard, id)
		}
	}
	if p.Clauses.Passport != nil && want == WantRefund {
		if c.Has(DocPassport) || c.Passport.Presented() {
			d.line("passport presented")
		} else {
			d.line("a refund needs the passport: bring it (an exchange does not)")
			need(DocPassport, ClausePassport)
		}
	}
	return missing, unmet
}

// defect decides a claim that the item does not work.
func (d *decider) defect() {
	c, p := d.c, d.p
	if p.Clauses.UsedWarranty != nil && c.Sale.Condition == ConditionUsed {
		d.usedWarranty()
		return
	}
	if w := p.Clauses.Window; w != nil && d.day <= w.Days {
		switch {
		case p.Clauses.SCAct != nil:
			d.line("day %d of %d: a defect within the return window", d.day, w.Days)
			d.scAct()
			return
		case p.Clauses.DefectExchange != nil:
			d.line("day %d of %d: a defect within the return window", d.day, w.Days)
			d.defectExchange()
			return
		}
	}
	d.warranty()
}

// usedWarranty decides a defect of used equipment: repair at the store's
// service centre under a contractual warranty, or a similar device; never a
// refund.
func (d *decider) usedWarranty() {
	c, uw := d.c, d.p.Clauses.UsedWarranty
	if !c.Sale.WarrantyContract {
		d.line("used equipment without a contractual warranty obligation: no warranty")
		d.finish(OutcomeReject, ClauseUsedWarranty)
		return
	}
	if c.Sale.WarrantyMonths == 0 {
		d.escalate(SituationWarrantyUnknown, saleStatesNoWarranty, ClauseUsedWarranty)
		return
	}
	end := c.Sale.Date.AddMonths(c.Sale.WarrantyMonths)
	if d.claim.After(end) {
		d.lineN("the contractual warranty of %d months ended on %s", c.Sale.WarrantyMonths, c.Sale.WarrantyMonths, d.date(end))
		d.finish(OutcomeReject, ClauseUsedWarranty)
		return
	}
	d.line("used equipment under a contractual warranty until %s", d.date(end))
	if c.Request.Wants == WantRefund {
		d.line("used equipment is never refunded: it is repaired, or replaced by a similar device")
	}
	switch c.ServiceCentre {
	case ConclusionSignificantDefect:
		d.line("the service centre found it cannot be repaired: replace it with a similar device")
		d.finish(OutcomeReplaceSimilar, ClauseUsedWarranty)
	case ConclusionNoDefect:
		d.line("the service centre found no defect: nothing to repair")
		d.finish(OutcomeReject, ClauseUsedWarranty)
	case ConclusionConditionsViolated:
		d.line("the service centre found the operating conditions violated: warranty repair refused")
		d.finish(OutcomeReject, ClauseUsedWarranty)
	default:
		d.toService(uw, d.tr.T("repair at the store's service centre"))
		d.exclusionWarnings()
		d.finish(OutcomeServiceCentre, ClauseUsedWarranty)
	}
}

// scAct decides a defect within the window where a service centre's act must
// say the operating conditions were not violated (citrus).
func (d *decider) scAct() {
	c := d.c
	switch c.ServiceCentre {
	case ConclusionNone:
		d.line("no service-centre act: the item goes to the service centre for diagnostics")
		d.storeTerm()
		d.exclusionWarnings()
		d.finish(OutcomeServiceCentre, ClauseSCAct)
	case ConclusionConditionsViolated:
		d.line("the service centre's act says the operating conditions were violated: no refund or exchange")
		d.finish(OutcomeReject, ClauseSCAct)
	case ConclusionNoDefect:
		d.line("the service centre found no defect: the goods are of proper quality")
		if !d.p.Has(ClauseNoDefectFound) {
			d.finish(OutcomeReject, ClauseSCAct)
			return
		}
		failed := []ClauseID{}
		for _, f := range d.p.returnFindings(d.tr, c.Inspection) {
			d.add(f.line)
			if !f.pass {
				failed = append(failed, f.clause)
			}
		}
		if len(failed) > 0 {
			d.finish(OutcomeReject, append([]ClauseID{ClauseNoDefectFound}, failed...)...)
			return
		}
		if c.Request.Wants == WantRefund {
			d.line("no defect found: an exchange, not a refund")
		}
		d.remedy(WantExchange, false, ClauseNoDefectFound)
	default:
		d.line("the service centre's act confirms the defect and that the operating conditions were not violated")
		clauses := []ClauseID{ClauseSCAct}
		if c.ServiceCentre == ConclusionSignificantDefect && d.p.Has(ClauseSignificantDefect) {
			clauses = append(clauses, ClauseSignificantDefect)
		}
		d.remedy(c.Request.Wants, false, clauses...)
	}
}

// defectExchange decides a defect within the window where the store's experts
// check it and a confirmed defect is exchanged (generic).
func (d *decider) defectExchange() {
	c := d.c
	switch c.ServiceCentre {
	case ConclusionNone:
		d.line("the store's experts check the defect: the item goes to the service centre")
		d.storeTerm()
		d.exclusionWarnings()
		d.finish(OutcomeServiceCentre, ClauseDefectExchange)
	case ConclusionConditionsViolated:
		d.line("the service centre found the operating conditions violated: no exchange")
		d.finish(OutcomeReject, ClauseDefectExchange)
	case ConclusionNoDefect:
		d.line("the service centre found no defect: a return of goods of proper quality can be asked for instead")
		d.finish(OutcomeReject, ClauseDefectExchange)
	case ConclusionSignificantDefect:
		d.significantDefect()
	default:
		d.line("defect confirmed within the return window: exchange for goods of good quality")
		if c.Request.Wants == WantRefund {
			if _, listed := d.p.Escalation(SituationDefectRefundInWindow); listed {
				d.escalate(SituationDefectRefundInWindow, nil, ClauseDefectExchange, ClauseSignificantDefect)
				return
			}
			d.line("an exchange, not a refund")
		}
		d.remedy(WantExchange, false, ClauseDefectExchange)
	}
}

// warranty decides a defect after the return window: the warranty period,
// then the service centre's conclusion.
func (d *decider) warranty() {
	c, p := d.c, d.p
	if p.Clauses.WarrantyPeriod == nil {
		d.escalate(SituationWarrantyUnknown, func(p *lang.Printer) string {
			return p.T("the policy has no warranty-period clause")
		}, ClauseWarrantyPeriod)
		return
	}
	if c.Sale.WarrantyMonths == 0 {
		d.escalate(SituationWarrantyUnknown, saleStatesNoWarranty, ClauseWarrantyPeriod)
		return
	}
	if wp := p.Clauses.WarrantyPeriod; wp.MaxMonths > 0 &&
		(c.Sale.WarrantyMonths < wp.MinMonths || c.Sale.WarrantyMonths > wp.MaxMonths) {
		d.escalate(SituationWarrantyOutOfRange, func(p *lang.Printer) string {
			return p.N("the sale states a warranty of %d months, outside the %d to %d months the policy gives: the receipt and the policy disagree",
				c.Sale.WarrantyMonths, c.Sale.WarrantyMonths, wp.MinMonths, wp.MaxMonths)
		}, ClauseWarrantyPeriod)
		return
	}
	end := c.Sale.Date.AddMonths(c.Sale.WarrantyMonths)
	if d.claim.After(end) {
		d.lineN("the warranty of %d months ended on %s", c.Sale.WarrantyMonths, c.Sale.WarrantyMonths, d.date(end))
		d.finish(OutcomeReject, ClauseWarrantyPeriod)
		return
	}
	d.lineN("under warranty until %s (%d months)", c.Sale.WarrantyMonths, d.date(end), c.Sale.WarrantyMonths)
	switch c.ServiceCentre {
	case ConclusionSignificantDefect:
		if !p.Has(ClauseSignificantDefect) {
			d.escalate(SituationSignificantDefect, func(p *lang.Printer) string {
				return p.T("the policy says nothing of a significant defect; the law (art. 8) gives a refund or a replacement")
			}, ClauseSignificantDefect)
			return
		}
		d.significantDefect()
	case ConclusionNoDefect:
		d.line("the service centre found no defect: nothing to repair under warranty")
		d.finish(OutcomeReject, ClauseWarrantyRepair)
	case ConclusionConditionsViolated:
		d.line("the service centre found the operating conditions violated: warranty repair refused")
		d.finish(OutcomeReject, ClauseWarrantyRepair)
	default:
		d.repair()
	}
}

// repair sends the item to the service centre under warranty.
func (d *decider) repair() {
	c, p := d.c, d.p
	if m := p.Clauses.Market; m != nil && oneOf(c.Sale.Market, m.Individual) {
		d.escalate("", func(p *lang.Printer) string {
			return p.T("terms for %s-market devices are individual", c.Sale.Market)
		}, ClauseMarket)
		return
	}
	wr := p.Clauses.WarrantyRepair
	if wr == nil {
		d.escalate("", func(p *lang.Printer) string {
			return p.T("the policy says nothing of warranty repair")
		}, ClauseWarrantyRepair)
		return
	}
	if len(wr.Markets) > 0 && !oneOf(c.Sale.Market, wr.Markets) {
		if c.Sale.Market == "" {
			d.escalate("", func(p *lang.Printer) string {
				return p.T("the sale does not say which market the device is for; the repair terms hold for %s", list(wr.Markets))
			}, ClauseWarrantyRepair)
		} else {
			d.escalate("", func(p *lang.Printer) string {
				return p.T("the repair terms hold for %s devices, not %s", list(wr.Markets), c.Sale.Market)
			}, ClauseWarrantyRepair)
		}
		return
	}
	d.toService(wr, d.tr.T("warranty repair at the service centre"))
	d.exclusionWarnings()
	d.finish(OutcomeServiceCentre, ClauseWarrantyRepair)
}

// toService explains the service centre's term and when the item is due back;
// what is the repair in the decider's language.
func (d *decider) toService(r *RepairClause, what string) {
	if r.MaxBusinessDays > 0 {
		d.out.ServiceBy = d.today.AddBusinessDays(r.MaxBusinessDays)
		d.lineN("%s: %d-%d business days, back by %s", r.MaxBusinessDays,
			what, r.MinBusinessDays, r.MaxBusinessDays, d.date(d.out.ServiceBy))
	} else {
		d.line("%s: the service centre sets the term", what)
		d.storeTerm()
	}
	if d.p.Has(ClauseNoLoaner) {
		d.line("no replacement device while in service (the law gives a loaner on written request)")
		d.warn(ClauseNoLoaner)
	}
}

// storeTerm sets the day the item is expected back on the store's own term,
// where the policy gives none.
func (d *decider) storeTerm() {
	d.out.ServiceBy = d.p.ServiceDue(d.today)
	d.lineN("expected back by %s: the store's term of %d days", d.p.ServiceDays(), d.date(d.out.ServiceBy), d.p.ServiceDays())
}

// significantDefect gives the customer's choice of refund or exchange for a
// significant defect, with the full set, the warranty card and proof of
// payment.
func (d *decider) significantDefect() {
	d.line("the service centre found a significant defect: a refund or an exchange, as the customer chooses")
	if !d.c.Inspection.CompleteSet {
		d.line("the set is not complete: a significant defect is refunded or exchanged only with the full set")
		d.finish(OutcomeReject, ClauseSignificantDefect)
		return
	}
	d.line("complete set")
	d.remedy(d.c.Request.Wants, true, ClauseSignificantDefect)
}

// exclusionWarnings tells the customer what may make the service centre
// refuse warranty repair; the kiosk sends the item on all the same.
func (d *decider) exclusionWarnings() {
	if !d.p.Has(ClauseWarrantyExclusions) {
		return
	}
	if ex := exclusions(d.tr, d.c.Inspection); len(ex) > 0 {
		d.line("the service centre may refuse warranty repair: %s", strings.Join(ex, ", "))
		d.warn(ClauseWarrantyExclusions)
	}
}

// saleStatesNoWarranty is the reason a sale with no warranty months
// escalates.
func saleStatesNoWarranty(p *lang.Printer) string {
	return p.T("the sale does not state the warranty period")
}

// docWords names a document to bring, in the printer's language ("the
// receipt"; "чек").
func docWords(p *lang.Printer, doc Document) string {
	switch doc {
	case DocReceipt:
		return p.T("the receipt")
	case DocPaymentProof:
		return p.T("the payment proof")
	case DocWarrantyCard:
		return p.T("the warranty card")
	case DocPassport:
		return p.T("the passport")
	}
	return "the " + doc.Words()
}

// PayoutDays is how many days a refund may wait when the till lacks cash:
// the policy's refund-payout clause, else the law's 7.
func (p *Policy) PayoutDays() int {
	if rp := p.Clauses.RefundPayout; rp != nil {
		return rp.DaysWithoutCash
	}
	return LawPayoutDays
}

// RefundDue is the day a refund must be paid by: today with cash in the
// till, else within the policy's payout days.
func (p *Policy) RefundDue(today Date, tillHasCash bool) Date {
	if tillHasCash {
		return today
	}
	return today.AddDays(p.PayoutDays())
}

// RefundDueFor is the day the case's refund must be paid by, judged on its
// claim day (ClaimDay of now), as Decide judges it: a shift lead's refund is
// due by the same day as the engine's.
func (p *Policy) RefundDueFor(c *Case, now time.Time) Date {
	return p.caseRefundDue(c, c.ClaimDay(now))
}

// caseRefundDue is the day the case's refund claimed on claim must be paid
// by: that day when it is paid as it is confirmed (RefundPaidNow), else
// within the payout days.
func (p *Policy) caseRefundDue(c *Case, claim Date) Date {
	return p.RefundDue(claim, c.RefundPaidNow())
}

// ReasonIn is why a shift lead decides, in p's language: the explanation's
// line that says so, when the decision was explained in p's language
// (DecideIn writes the reason there in its language: the store's own words
// from the policy file, or the engine's); else the reason the decision
// keeps, in English.
func (d *Decision) ReasonIn(p *lang.Printer) string {
	lead := p.T("a shift lead decides: %s", "")
	for _, line := range slices.Backward(d.Explain) {
		if why, ok := strings.CutPrefix(line, lead); ok && why != "" {
			return why
		}
	}
	return d.Reason
}
