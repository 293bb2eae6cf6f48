package flow

import (
	"strings"

	"example.com/returnsdesk/flow/lang"
)

// The words for outcomes, statuses and documents, beside their types, so
// that the act, the screens, the desk and the exports say the same thing.
// Each value's words are a message (flow/lang): Words is their English,
// WordsIn their words in a printer's language (the act, what the customer
// reads).

// Title is the step's name as the case's progress line shows it
// ("Service centre").
func (s Step) Title() string {
	w := s.Words()
	return strings.ToUpper(w[:1]) + w[1:]
}

// TitleIn is Title in p's language ("Сервісний центр").
func (s Step) TitleIn(p *lang.Printer) string {
	w := []rune(s.WordsIn(p))
	return strings.ToUpper(string(w[:1])) + string(w[1:])
}

// WordsIn is the step in p's language ("документи").
func (s Step) WordsIn(p *lang.Printer) string {
	switch s {
	case StepSale:
		return p.T("sale")
	case StepRequest:
		return p.T("request")
	case StepDocuments:
		return p.T("documents")
	case StepInspection:
		return p.T("inspection")
	case StepServiceCentre:
		return p.T("service centre")
	case StepDecision:
		return p.T("decision")
	case StepAct:
		return p.T("act")
	case StepReplacement:
		return p.T("replacement")
	}
	return s.Words()
}

// WordsIn is the role in p's language ("старший зміни").
func (r Role) WordsIn(p *lang.Printer) string {
	switch r {
	case RoleCashier:
		return p.T("cashier")
	case RoleLead:
		return p.T("shift lead")
	}
	return string(r)
}

// Words is the step as a person reads it ("service centre").
func (s Step) Words() string { return strings.ReplaceAll(s.String(), "_", " ") }

// Words is the outcome as a person reads it ("documents needed").
func (o Outcome) Words() string { return o.WordsIn(lang.English()) }

// WordsIn is the outcome in p's language ("потрібні документи").
func (o Outcome) WordsIn(p *lang.Printer) string {
	switch o {
	case OutcomeRefund:
		return p.T("refund")
	case OutcomeExchange:
		return p.T("exchange")
	case OutcomeReject:
		return p.T("reject")
	case OutcomeNeedDocuments:
		return p.T("documents needed")
	case OutcomeServiceCentre:
		return p.T("service centre")
	case OutcomeReplaceSimilar:
		return p.T("replace with a similar device")
	case OutcomeEscalate:
		return p.T("escalate")
	case "":
		return p.T("not decided")
	}
	return string(o)
}

// Words is the status as a person reads it ("refund owed").
func (s Status) Words() string { return s.WordsIn(lang.English()) }

// WordsIn is the status in p's language ("кошти до повернення").
func (s Status) WordsIn(p *lang.Printer) string {
	switch s {
	case StatusOpen, "":
		return p.T("open")
	case StatusWaitingDocuments:
		return p.T("waiting for documents")
	case StatusEscalated:
		return p.T("escalated")
	case StatusDecided:
		return p.T("decided")
	case StatusRefundOwed:
		return p.T("refund owed")
	case StatusRefunded:
		return p.T("refunded")
	case StatusExchanged:
		return p.T("exchanged")
	case StatusRejected:
		return p.T("rejected")
	case StatusServiceCentre:
		return p.T("at the service centre")
	case StatusClosed:
		return p.T("closed")
	}
	return string(s)
}

// Words is the tender as a person reads it ("bank transfer"); "" for none.
func (t Tender) Words() string { return t.WordsIn(lang.English()) }

// WordsIn is the tender in p's language ("банківський переказ").
func (t Tender) WordsIn(p *lang.Printer) string {
	switch t {
	case TenderCash:
		return p.T("cash")
	case TenderCard:
		return p.T("card")
	case TenderTransfer:
		return p.T("bank transfer")
	case TenderCredit:
		return p.T("credit")
	}
	return string(t)
}

// Words is the service centre's conclusion as a person reads it
// ("significant defect"; "none" when there is none).
func (c Conclusion) Words() string { return c.WordsIn(lang.English()) }

// WordsIn is the conclusion in p's language ("істотний недолік").
func (c Conclusion) WordsIn(p *lang.Printer) string {
	switch c {
	case ConclusionNone:
		return p.T("none")
	case ConclusionNoDefect:
		return p.T("no defect")
	case ConclusionRepairable:
		return p.T("repairable")
	case ConclusionSignificantDefect:
		return p.T("significant defect")
	case ConclusionConditionsNotViolated:
		return p.T("conditions not violated")
	case ConclusionConditionsViolated:
		return p.T("conditions violated")
	}
	return strings.ReplaceAll(string(c), "_", " ")
}

// Words is the document as a person reads it ("warranty card").
func (d Document) Words() string { return d.WordsIn(lang.English()) }

// WordsIn is the document in p's language ("гарантійний талон").
func (d Document) WordsIn(p *lang.Printer) string {
	switch d {
	case DocReceipt:
		return p.T("receipt")
	case DocPaymentProof:
		return p.T("payment proof")
	case DocWarrantyCard:
		return p.T("warranty card")
	case DocPassport:
		return p.T("passport")
	}
	return strings.ReplaceAll(string(d), "_", " ")
}

// DocumentWords is documents in words, separated by commas.
func DocumentWords(ds []Document) string { return DocumentWordsIn(lang.English(), ds) }

// DocumentWordsIn is documents in p's language, separated by commas.
func DocumentWordsIn(p *lang.Printer, ds []Document) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.WordsIn(p)
	}
	return strings.Join(s, ", ")
}

// WordsIn is the claim in p's language ("return": "повернення товару").
func (c Claim) WordsIn(p *lang.Printer) string {
	switch c {
	case ClaimReturn:
		return p.T("return")
	case ClaimDefect:
		return p.T("defect")
	}
	return string(c)
}

// WordsIn is the remedy asked for in p's language ("обмін").
func (w Want) WordsIn(p *lang.Printer) string {
	switch w {
	case WantRefund:
		return p.T("refund")
	case WantExchange:
		return p.T("exchange")
	}
	return string(w)
}

// WordsIn is the condition the item was sold in, in p's language
// ("вживаний").
func (c Condition) WordsIn(p *lang.Printer) string {
	switch c {
	case ConditionNew:
		return p.T("new")
	case ConditionUsed:
		return p.T("used")
	}
	return string(c)
}

// ClauseList is clause ids separated by commas, as the small print shows
// them.
func ClauseList(ids []ClauseID) string { return list(ids) }
