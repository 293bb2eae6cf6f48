package flow

import "strings"

// The words for outcomes, statuses and documents, beside their types, so
// that the act, the screens, the desk and the exports say the same thing.

// Title is the step's name as the case's progress line shows it
// ("Service centre").
func (s Step) Title() string {
	w := s.Words()
	return strings.ToUpper(w[:1]) + w[1:]
}

// Words is the step as a person reads it ("service centre").
func (s Step) Words() string { return strings.ReplaceAll(s.String(), "_", " ") }

// Words is the outcome as a person reads it ("documents needed").
func (o Outcome) Words() string {
	switch o {
	case OutcomeNeedDocuments:
		return "documents needed"
	case OutcomeServiceCentre:
		return "service centre"
	case OutcomeReplaceSimilar:
		return "replace with a similar device"
	case "":
		return "not decided"
	}
	return string(o)
}

// Words is the status as a person reads it ("refund owed").
func (s Status) Words() string {
	switch s {
	case StatusWaitingDocuments:
		return "waiting for documents"
	case StatusRefundOwed:
		return "refund owed"
	case StatusServiceCentre:
		return "at the service centre"
	case "":
		return "open"
	}
	return string(s)
}

// Words is the tender as a person reads it ("bank transfer").
func (t Tender) Words() string {
	if t == TenderTransfer {
		return "bank transfer"
	}
	return string(t)
}

// Words is the service centre's conclusion as a person reads it
// ("significant defect"; "none" when there is none).
func (c Conclusion) Words() string {
	if c == ConclusionNone {
		return "none"
	}
	return strings.ReplaceAll(string(c), "_", " ")
}

// Words is the document as a person reads it ("warranty card").
func (d Document) Words() string { return strings.ReplaceAll(string(d), "_", " ") }

// DocumentWords is documents in words, separated by commas.
func DocumentWords(ds []Document) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.Words()
	}
	return strings.Join(s, ", ")
}

// ClauseList is clause ids separated by commas, as the small print shows
// them.
func ClauseList(ids []ClauseID) string { return list(ids) }
