package flow

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"example.com/returnsdesk/flow/lang"
)

// Voided is how a case without a decision ended, with a reason: the
// customer withdrew the claim, or never came back, or a shift lead set the
// case aside (the draft cannot go on, it was opened by mistake). The case is
// closed; its answers and trail stay.
type Voided struct {
	Kind   EndKind   `json:"kind,omitempty"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// EndKind is why a case ended without a decision.
type EndKind string

// The ends of a case without a decision.
const (
	// EndVoided: a shift lead set the case aside; a case voided before the
	// kinds were kept reads as this one.
	EndVoided EndKind = ""
	// EndWithdrawn: the customer withdrew the claim.
	EndWithdrawn EndKind = "withdrawn"
	// EndAbandoned: the customer never came back, AbandonDays after the
	// case was opened at the least.
	EndAbandoned EndKind = "abandoned"
)

// EndKinds are the ends, as a form offers them.
var EndKinds = []EndKind{EndWithdrawn, EndAbandoned, EndVoided}

// DefaultAbandonDays is how many days after its opening a case may be
// closed as abandoned, where the store has set none: two weeks.
const DefaultAbandonDays = 14

// StoreAbandonDays is the store's setting n, or DefaultAbandonDays where it
// has set none (0).
func StoreAbandonDays(n int) int {
	if n > 0 {
		return n
	}
	return DefaultAbandonDays
}

// CheckAbandonDays checks a store's setting: 1 to MaxServiceDays days.
func CheckAbandonDays(n int) error {
	if n < 1 || n > MaxServiceDays {
		return Errorf(EInvalid, "%d is not a number of days from 1 to %d", n, MaxServiceDays)
	}
	return nil
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
// reason: set aside.
func (c *Case) Void(lead, reason string, at time.Time) error {
	return c.End(EndVoided, lead, RoleLead, reason, at, 0)
}

// End closes a case without a decision, the end kind, as by (of role) did
// at at for reason. A shift lead ends any such case; the staff member who
// opened it ends it as withdrawn or abandoned; abandoned is for a case
// opened abandonDays (the store's setting, 0 its default) ago at the least.
func (c *Case) End(kind EndKind, by string, role Role, reason string, at time.Time, abandonDays int) error {
	if !CanVoid(c.Status) {
		return Errorf(EConflict, "the case is %s: only a case without a decision can be voided", InWords(c.Status))
	}
	if !oneOf(kind, EndKinds) {
		return Errorf(EInvalid, "%q is not an end of a case: withdrawn, abandoned, or set aside", string(kind))
	}
	switch {
	case !MayEnd(role, by, c.OpenedBy):
		return Errorf(EForbidden, "only a shift lead or the one who opened the case closes it without a decision")
	case !slices.Contains(EndsFor(role), kind):
		return Errorf(EForbidden, "only a shift lead sets a case aside")
	}
	opened := DateOf(c.Opened)
	if limit := StoreAbandonDays(abandonDays); kind == EndAbandoned && DateOf(at.In(c.Opened.Location())).DaysSince(opened) < limit {
		return Errorf(EInvalid, "the case was opened on %s: it counts as abandoned from %s, %d days on", opened,
			opened.AddDays(limit), limit)
	}
	if err := CheckReason(reason); err != nil {
		return err
	}
	c.Voided = &Voided{Kind: kind, Reason: strings.TrimSpace(reason), By: strings.TrimSpace(by), At: at.UTC()}
	c.Status = StatusClosed
	return nil
}

// EndsFor are the ends one of role may give a case: a shift lead every one,
// anyone else the customer's (withdrawn, abandoned).
func EndsFor(role Role) []EndKind {
	var out []EndKind
	for _, k := range EndKinds {
		if k != EndVoided || role == RoleLead {
			out = append(out, k)
		}
	}
	return out
}

// MayEnd reports whether by, of role, may close without a decision a case
// openedBy opened: a shift lead any case, anyone else their own.
func MayEnd(role Role, by, openedBy string) bool { return role == RoleLead || SamePerson(by, openedBy) }

// WordsIn is the end in p's language ("покупець відмовився").
func (k EndKind) WordsIn(p *lang.Printer) string {
	switch k {
	case EndWithdrawn:
		return p.T("the customer withdrew")
	case EndAbandoned:
		return p.T("the customer never came back")
	}
	return p.T("set aside by a shift lead")
}
