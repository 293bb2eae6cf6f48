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

// PIN lengths: a cashier's PIN is MinPIN to MaxPIN digits, a shift lead's
// MinLeadPIN to MaxPIN: a lead's PIN opens overrides and the desk.
const (
	MinPIN     = 4
	MinLeadPIN = 6
	MaxPIN     = 12
)

// ErrPIN is CheckPIN's error: the rule, in words.
var ErrPIN = Errorf(EInvalid, "a PIN is 4 to 12 digits")

// ErrLeadPIN is CheckPINFor's error for a shift lead's PIN: the rule, in
// words.
var ErrLeadPIN = Errorf(EInvalid, "a shift lead's PIN is 6 to 12 digits")

// CheckPIN says what is wrong with a cashier's PIN, if anything: it is
// MinPIN to MaxPIN digits (ErrPIN). CheckPINFor is the rule of a role.
func CheckPIN(pin string) error { return CheckPINFor(RoleCashier, pin) }

// CheckPINFor says what is wrong with a PIN set for a staff member of the
// role, if anything: a shift lead's is MinLeadPIN to MaxPIN digits
// (ErrLeadPIN), any other MinPIN to MaxPIN (ErrPIN). The rule holds when a
// PIN is set: a PIN kept from before it still logs in.
func CheckPINFor(role Role, pin string) error {
	least, err := MinPIN, ErrPIN
	if role == RoleLead {
		least, err = MinLeadPIN, ErrLeadPIN
	}
	if len(pin) < least || len(pin) > MaxPIN || !allDigits(pin) {
		return err
	}
	return nil
}

// Login limits: MaxWrongPINs wrong PINs in a row lock an account. Its first
// lockout lasts LockoutFor, the second SecondLockoutFor, and the third
// (LeadLockout) until a shift lead unlocks the account. A day
// (ForgiveLockoutsAfter) from one lockout's start without another forgives
// it: the next lockout is a first one again.
const (
	MaxWrongPINs         = 5
	LockoutFor           = 5 * time.Minute
	SecondLockoutFor     = 15 * time.Minute
	LeadLockout          = 3
	ForgiveLockoutsAfter = 24 * time.Hour
)

// LockoutLength is how long an account's nth lockout (from 1) lasts; 0 for
// one that lasts until a shift lead unlocks the account.
func LockoutLength(n int) time.Duration {
	switch {
	case n <= 1:
		return LockoutFor
	case n < LeadLockout:
		return SecondLockoutFor
	}
	return 0
}

// Lock is an account's wrong PINs and lockouts, as the store keeps them.
type Lock struct {
	Wrong    int       // wrong PINs in a row since the last right PIN or lockout
	Lockouts int       // lockouts not forgiven yet
	Since    time.Time // when the last lockout began; zero for none
	Until    time.Time // when a timed lockout ends; zero for none
}

// ForLead reports whether the account stays locked until a shift lead
// unlocks it.
func (l Lock) ForLead() bool { return l.Lockouts >= LeadLockout }

// Locked reports whether the account is locked at now.
func (l Lock) Locked(now time.Time) bool { return l.ForLead() || now.Before(l.Until) }

// Length is how long the last lockout lasts (LockoutLength); 0 for one
// until a shift lead unlocks the account.
func (l Lock) Length() time.Duration { return LockoutLength(l.Lockouts) }

// WrongPIN is the lock after a wrong PIN at now, on an account not locked:
// the MaxWrongPINs-th in a row locks it (Locked), for the length of its
// lockout (LockoutLength), and the count starts again from 0.
func (l Lock) WrongPIN(now time.Time) Lock {
	if l.Wrong++; l.Wrong < MaxWrongPINs {
		return l
	}
	if !l.Since.IsZero() && now.Sub(l.Since) >= ForgiveLockoutsAfter {
		l.Lockouts = 0
	}
	l.Wrong, l.Lockouts, l.Since, l.Until = 0, l.Lockouts+1, now, time.Time{}
	if d := l.Length(); d > 0 {
		l.Until = now.Add(d)
	}
	return l
}

// RightPIN is the lock after a right PIN, on an account not locked: the
// wrong PINs are forgotten, the lockouts are not (a day forgives them).
func (l Lock) RightPIN() Lock {
	l.Wrong, l.Until = 0, time.Time{}
	return l
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

// StaffChange is what a shift lead does to a staff account.
type StaffChange int

// The changes a shift lead makes to an account.
const (
	ChangePIN        StaffChange = iota // a new PIN: the account unlocked, its lockouts forgiven
	ChangeUnlock                        // unlocked, its lockouts forgiven
	ChangeDeactivate                    // it can no longer log in; its cases and trail stay
	ChangeReactivate                    // it logs in again
)

// CheckStaffChange says whether shift lead lead may make change to the
// account of subject (its role, whether it is active, and how many active
// shift leads the store has, subject among them when it is one): a lead
// gives their own account a new PIN, but only another lead unlocks or
// deactivates it; an account is deactivated once, reactivated once, and
// the store keeps an active shift lead.
func CheckStaffChange(change StaffChange, lead, subject string, role Role, active bool, activeLeads int) error {
	self := SamePerson(lead, subject)
	switch change {
	case ChangeUnlock:
		if self {
			return Errorf(EForbidden, "a shift lead cannot unlock their own account: another shift lead can")
		}
	case ChangeDeactivate:
		switch {
		case self:
			return Errorf(EForbidden, "a shift lead cannot deactivate their own account: another shift lead can")
		case !active:
			return Errorf(EConflict, "%s's account is deactivated already", subject)
		case role == RoleLead && activeLeads <= 1:
			return Errorf(EConflict, "%s is the last active shift lead: the store needs one", subject)
		}
	case ChangeReactivate:
		switch {
		case self:
			return Errorf(EForbidden, "a shift lead cannot deactivate their own account: another shift lead can")
		case active:
			return Errorf(EConflict, "%s's account is active already", subject)
		}
	}
	return nil
}
