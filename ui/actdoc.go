package ui

import (
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/paper"
)

// actDoc is act number n of case c, of kind kind, as the customer and the
// staff sign it, in tr's language (the customer's: the store's): the store
// and the case, the sale, the customer, the request, the checks (the failed
// ones first, marked), the decision, what the customer can do next in plain
// words, the lines to sign (a shift lead's too on a lead's decision) and
// the clause ids in small print.
func actDoc(tr *lang.Printer, s store.Settings, c *flow.Case, p *flow.Policy, now time.Time, kind flow.ActKind, n uint64) paper.Doc {
	a := actDocWriter{tr: tr, loc: now.Location(), d: paper.Doc{Title: actTitle(tr, kind), Number: tr.T("No. %d", n)}}
	a.head(s, c, p, now)
	a.sale(c)
	a.customer(c)
	a.request(c)
	a.checks(c, p)
	a.decision(c)
	a.service(c)
	if sec, ok := exchangeSection(tr, c, now.Location()); ok { // what was given, and the difference
		a.d.Sections = append(a.d.Sections, sec)
	}
	a.next(c)
	a.d.Signatures = actSigners(tr, c)
	a.small(c)
	return a.d
}

// actTitle is the title of a kind of act.
func actTitle(tr *lang.Printer, kind flow.ActKind) string {
	switch kind {
	case flow.ActIntake:
		return tr.T("SERVICE CENTRE INTAKE ACT")
	case flow.ActLeadDecision:
		return tr.T("SHIFT LEAD'S DECISION ACT")
	}
	return tr.T("RETURN ACT")
}

// actSigners sign the act: the customer, the cashier who opened the case,
// and the shift lead who decided it, if one did.
func actSigners(tr *lang.Printer, c *flow.Case) []string {
	out := []string{tr.T("Customer"), tr.T("Cashier (%s)", c.OpenedBy)}
	if o := c.Override; o != nil {
		out = append(out, tr.T("Shift lead (%s)", o.By))
	}
	return out
}

// actDocWriter fills an act's sections in one language.
type actDocWriter struct {
	tr  *lang.Printer
	loc *time.Location
	d   paper.Doc
}

func (a *actDocWriter) row(section, label, value string) {
	a.d.Add(section, paper.Row(label, value))
}

func (a *actDocWriter) date(d flow.Date) string { return d.In(a.tr) }

func (a *actDocWriter) money(m flow.Money) string { return m.In(a.tr) }

func (a *actDocWriter) at(t time.Time) string {
	t = t.In(a.loc)
	return a.tr.Date(t.Year(), t.Month(), t.Day()) + " " + t.Format("15:04")
}

func (a *actDocWriter) head(s store.Settings, c *flow.Case, p *flow.Policy, now time.Time) {
	a.row("", a.tr.T("Store"), s.StoreName)
	a.row("", a.tr.T("Case"), c.ID)
	a.row("", a.tr.T("Opened"), a.tr.T("%s by %s", a.at(c.Opened), c.OpenedBy))
	a.row("", a.tr.T("Written"), a.at(now))
	if p != nil {
		a.row("", a.tr.T("Policy"), fmt.Sprintf("%s (%s)", p.TitleIn(a.tr.Lang()), p.Name))
	}
}

func (a *actDocWriter) sale(c *flow.Case) {
	tr, sec := a.tr, a.tr.T("SALE")
	receipt := look.OrDash(c.Sale.Receipt)
	if c.Sale.Line > 0 {
		receipt += tr.T(", line %d", c.Sale.Line)
	}
	a.row(sec, tr.T("Date"), a.date(c.Sale.Date))
	a.row(sec, tr.T("Receipt"), receipt)
	a.row(sec, tr.T("Model"), look.OrDash(c.Sale.Model))
	serial := c.Sale.Serial
	if !c.Sale.HasSerial() {
		serial = tr.T("none: the item has no serial")
	}
	a.row(sec, tr.T("Serial/IMEI"), serial)
	a.row(sec, tr.T("Price"), tr.T("%s, paid by %s", a.money(c.Sale.Price), look.OrDash(c.Sale.Tender.WordsIn(tr))))
	a.row(sec, tr.T("Condition"), tr.N("%s; warranty %d months", c.Sale.WarrantyMonths,
		look.OrDash(c.Sale.Condition.WordsIn(tr)), c.Sale.WarrantyMonths))
}

// customer is who the customer is: the name as on the passport, the
// passport masked, and the phone to call them on, where each was given.
func (a *actDocWriter) customer(c *flow.Case) {
	sec := a.tr.T("CUSTOMER")
	if name := strings.TrimSpace(c.Passport.Name); name != "" {
		a.row(sec, a.tr.T("Name (as on the passport)"), name)
	}
	if c.Passport.Presented() {
		a.row(sec, a.tr.T("Passport"), c.Passport.MaskedIn(a.tr))
	}
	if c.Phone != "" {
		a.row(sec, a.tr.T("Phone"), flow.PhoneWords(c.Phone))
	}
}

func (a *actDocWriter) request(c *flow.Case) {
	tr, sec := a.tr, a.tr.T("REQUEST")
	claim := tr.T("%s; wants %s", c.Request.Claim.WordsIn(tr), c.Request.Wants.WordsIn(tr))
	if c.Request.Remote {
		claim += tr.T("; sent by a delivery service")
	}
	a.row(sec, tr.T("Claim"), claim)
	a.row(sec, tr.T("Documents"), look.OrDash(flow.DocumentWordsIn(tr, c.Documents)))
}

// checks are the checklist's answers, the failed ones first and marked,
// then the passed ones, each in the checklist's order.
func (a *actDocWriter) checks(c *flow.Case, p *flow.Policy) {
	tr, sec := a.tr, a.tr.T("CHECKS")
	if p != nil {
		var failed, passed []paper.Item
		for _, ck := range p.ChecklistFor(c.Sale) {
			it := paper.Row(ck.QuestionIn(tr), c.Inspection.AnswerIn(tr, ck.Field))
			if p.Fails(c.Inspection, ck.Field) {
				it.Failed = true
				failed = append(failed, it)
			} else {
				passed = append(passed, it)
			}
		}
		a.d.Add(sec, append(failed, passed...)...)
	}
	if c.ServiceCentre != "" {
		a.row(sec, tr.T("Service centre conclusion"), c.ServiceCentre.WordsIn(tr))
	}
}

func (a *actDocWriter) decision(c *flow.Case) {
	tr, sec := a.tr, a.tr.T("DECISION")
	a.row(sec, tr.T("Outcome"), strings.ToUpper(c.Outcome().WordsIn(tr)))
	if d := c.Decision; d != nil {
		for i, e := range d.Explain {
			a.d.Add(sec, paper.Text(fmt.Sprintf("%d. %s", i+1, e)))
		}
	}
	if o := c.Override; o != nil {
		a.d.Add(sec, paper.Text(tr.T("Decided by shift lead %s: %s", o.By, o.Reason)))
	}
	if c.Outcome() == flow.OutcomeRefund {
		a.row(sec, tr.T("Amount"), tr.T("%s, in %s", a.money(c.RefundDue()), look.OrDash(c.RefundTender().WordsIn(tr))))
		if by := c.RefundBy(); !by.IsZero() {
			a.row(sec, tr.T("Refund by"), a.date(by))
		}
	}
	if by := c.ServiceBy(); !by.IsZero() {
		a.row(sec, tr.T("Back from the service centre by"), a.date(by))
	}
	a.row(sec, tr.T("Status"), c.Status.WordsIn(tr))
}

// next is what the customer is told to do next, in plain words: where the
// money comes from and when, when the item is back, what to bring, and, where
// the store says no, the repair and the complaint the law still gives.
func (a *actDocWriter) next(c *flow.Case) {
	tr, sec := a.tr, a.tr.T("WHAT NEXT")
	say := func(s string) { a.d.Add(sec, paper.Text(s)) }
	switch c.Outcome() {
	case flow.OutcomeRefund:
		if c.Status == flow.StatusRefundOwed {
			say(tr.T("The store returns %s to you in %s by %s. Keep this act until then.", a.money(c.RefundDue()),
				c.RefundTender().WordsIn(tr), a.date(c.RefundBy())))
		} else {
			say(tr.T("You receive %s now, in %s, and sign for it.", a.money(c.RefundDue()), c.RefundTender().WordsIn(tr)))
		}
	case flow.OutcomeExchange, flow.OutcomeReplaceSimilar:
		say(tr.T("The item is exchanged; the warranty of the item you receive starts today."))
	case flow.OutcomeServiceCentre:
		say(tr.T("The item goes to the service centre for a check. It is due back by %s: the store calls you when it is back. Bring this act to collect it.",
			a.date(c.ServiceBy())))
		say(tr.T("If a warranty repair takes longer than 14 days, you may ask for a replacement or your money back."))
	case flow.OutcomeNeedDocuments:
		say(tr.T("Bring the documents the decision names, with the item: the case waits under its number."))
	case flow.OutcomeEscalate:
		say(tr.T("A shift lead decides your case; the store tells you the decision."))
	case flow.OutcomeReject:
		say(tr.T("If the item is faulty, you may have it repaired under the warranty at the service centre."))
		say(tr.T("If you disagree with the decision, you may complain to the State Service on Food Safety and Consumer Protection (Derzhprodspozhyvsluzhba) or go to court."))
	}
}

// small is the small print: the clauses that decided the case, and those
// the customer was told of.
func (a *actDocWriter) small(c *flow.Case) {
	d := c.Decision
	if d == nil {
		return
	}
	if len(d.Clauses) > 0 {
		a.d.Small = append(a.d.Small, a.tr.T("Clauses: %s", flow.ClauseList(d.Clauses)))
	}
	if len(d.Warnings) > 0 {
		a.d.Small = append(a.d.Small, a.tr.T("Told the customer: %s", flow.ClauseList(d.Warnings)))
	}
}
