package flow

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Voided is how a case without a decision ended: a shift lead set it aside
// with a reason (the customer withdrew, the draft cannot go on, it was
// opened by mistake). The case is closed; its answers and trail stay.
type Voided struct {
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// MaxReasonLen is the longest reason a person may give, in characters.
const MaxReasonLen = 500

// CheckReason says what is wrong, if anything, with a reason a shift lead
// gives (for a decision, a correction, a voided case, a reopened day): it
// says something, on one line, in at most MaxReasonLen characters.
func CheckReason(reason string) error {
	r := strings.TrimSpace(reason)
	switch {
	case r == "":
		return fieldErr("reason", "give a reason")
	case utf8.RuneCountInString(r) > MaxReasonLen:
		return fieldErr("reason", "a reason is at most %d characters", MaxReasonLen)
	case strings.ContainsFunc(r, unicode.IsControl):
		return fieldErr("reason", "a reason is one line of text")
	}
	return nil
}

// CanVoid reports whether a case in status s may be voided: it has no
// decision given yet (a draft, a case waiting for documents or for a shift
// lead).
func CanVoid(s Status) bool {
	switch s {
	case "", StatusOpen, StatusWaitingDocuments, StatusEscalated:
		return true
	}
	return false
}

// Void closes a case without a decision, as shift lead lead did at at for
// reason.
func (c *Case) Void(lead, reason string, at time.Time) error {
	if !CanVoid(c.Status) {
		return Errorf(EConflict, "the case is %s: only a case without a decision can be voided", InWords(c.Status))
	}
	if err := CheckReason(reason); err != nil {
		return err
	}
	c.Voided = &Voided{Reason: strings.TrimSpace(reason), By: strings.TrimSpace(lead), At: at.UTC()}
	c.Status = StatusClosed
	return nil
}
