package flow

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a staff member may do.
type Role string

// The roles of the returns desk.
const (
	RoleCashier Role = "cashier" // walks customers through cases
	RoleLead    Role = "lead"    // a shift lead: decides escalations, overrides, audits, sets up
)

// Roles are every role, cashier first.
var Roles = []Role{RoleCashier, RoleLead}

// String is the role's name, as the store keeps it.
func (r Role) String() string { return string(r) }

// CheckRole says what is wrong with a role, if anything: it is one of Roles.
func CheckRole(r Role) error {
	if !oneOf(r, Roles) {
		return Errorf(EInvalid, "%q is not a role (cashier or lead)", r)
	}
	return nil
}

// PIN lengths: a PIN is MinPIN to MaxPIN digits.
const (
	MinPIN = 4
	MaxPIN = 12
)

// ErrPIN is CheckPIN's error: the rule, in words.
var ErrPIN = Errorf(EInvalid, "a PIN is 4 to 12 digits")

// CheckPIN says what is wrong with a PIN, if anything: it is MinPIN to
// MaxPIN digits (ErrPIN).
func CheckPIN(pin string) error {
	if len(pin) < MinPIN || len(pin) > MaxPIN || !allDigits(pin) {
		return ErrPIN
	}
	return nil
}

// Login limits: MaxWrongPINs wrong PINs in a row lock an account for
// LockoutFor.
const (
	MaxWrongPINs = 5
	LockoutFor   = 5 * time.Minute
)

// Lockout is what a wrong PIN does to an account that had wrong wrong PINs
// in a row before it: the count after it, and the time the account is
// locked until (zero while the count is below MaxWrongPINs; the count starts
// again from 0 once locked).
func Lockout(wrong int, now time.Time) (count int, until time.Time) {
	if wrong+1 >= MaxWrongPINs {
		return 0, now.Add(LockoutFor)
	}
	return wrong + 1, time.Time{}
}

// MaxStaffName is the most characters a staff member's name has.
const MaxStaffName = 64

// StaffName is a staff member's name as the store keeps it: trimmed,
// without NUL bytes. Names keep the case they were added with; the store
// finds an account by its name without regard to case (SamePerson), so
// "olena" logs in as Olena, and refuses an account "olena" beside Olena.
func StaffName(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\x00", "")) }

// CheckStaffName says what is wrong with a staff member's name, if anything:
// 1 to MaxStaffName characters, on one line.
func CheckStaffName(name string) error {
	switch checkName(name) {
	case nameEmpty:
		return Errorf(EInvalid, "a staff member needs a name")
	case nameBad:
		return Errorf(EInvalid, "%q is not a name for a staff member (at most %d characters, one line)",
			StaffName(name), MaxStaffName)
	}
	return nil
}

// CheckTillName says what is wrong with a till's name, if anything: the
// staff name's rule (CheckStaffName), in a till's words. A till's name is
// the terminal name on every audit event it writes, kept as StaffName keeps
// a staff member's.
func CheckTillName(name string) error {
	switch checkName(name) {
	case nameEmpty:
		return Errorf(EInvalid, "a till needs a name")
	case nameBad:
		return Errorf(EInvalid, "%q is not a name for a till (at most %d characters, one line)",
			StaffName(name), MaxStaffName)
	}
	return nil
}

// What is wrong with a name on the audit trail, if anything (checkName).
const (
	nameOK = iota
	nameEmpty
	nameBad
)

// checkName is the rule of a name on the audit trail (a staff member's, a
// till's): 1 to MaxStaffName characters, on one line.
func checkName(name string) int {
	name = StaffName(name)
	switch {
	case name == "":
		return nameEmpty
	case utf8.RuneCountInString(name) > MaxStaffName || strings.ContainsAny(name, "\x00\n\r\t"):
		return nameBad
	}
	return nameOK
}
