package store

import (
	"errors"
	"fmt"
	"time"

	"example.com/returnsdesk/flow"
)

// Errors a caller can test with errors.Is. Their text is fit for the screen.
var (
	// ErrLocked is returned by Open when another process holds the store file.
	ErrLocked = errors.New("another process holds the store file (is the kiosk already running?)")
	// ErrNotFound is returned for a case, staff member or setting that is not in the store.
	ErrNotFound = errors.New("not found")
	// ErrNoStore is returned by a read-only Open of a file that does not exist.
	ErrNoStore = errors.New("there is no store file here")
	// ErrNotStore is returned for a file that is not a returnsdesk store: not
	// a bbolt file, or a bbolt file of another program.
	ErrNotStore = errors.New("the file is not a returnsdesk store")
	// ErrDamaged is returned for a store file that is damaged: truncated,
	// overwritten, or edited outside the program.
	ErrDamaged = errors.New("the store file is damaged")
	// ErrNewer is returned for a store written by a newer returnsdesk.
	ErrNewer = errors.New("the store was written by a newer returnsdesk: update this one")
	// ErrKeyMissing is returned when the store has passports hashed under a
	// key whose file is missing.
	ErrKeyMissing = errors.New("the passport key file is missing")
	// ErrKeyMismatch is returned when the passport key file is not the one
	// the store was made with.
	ErrKeyMismatch = errors.New("the passport key file does not belong to this store")
	// ErrReadOnly is returned by a write to a store opened read-only.
	ErrReadOnly = errors.New("the store is open read-only")
	// ErrClosed is returned by a method called after Close.
	ErrClosed = errors.New("the store is closed")
)

// Errors of cases and refunds, for errors.Is.
var (
	// ErrCaseClosed is returned by SaveCase for a closed case: corrections
	// are new events (Record), never edits.
	ErrCaseClosed = errors.New("the case is closed: add a note instead of changing it")
	// ErrRefundTooLarge is returned by RecordRefund for more than was paid
	// for the item.
	ErrRefundTooLarge = flow.ErrRefundTooLarge
	// ErrAlreadyRefunded is returned by RecordRefund for a receipt line that
	// was refunded before, in this case or another.
	ErrAlreadyRefunded = errors.New("this receipt line was already refunded")
)

// ErrDayClosed is returned by a save of a case filed under a day that is
// closed, unless the case was still under way at the save (open, waiting for
// documents, escalated, a refund owed, at the service centre: its later life
// is new events, such as the payment of the refund it owes); by a new case on
// a closed day; and by a sign-off of a closed day's case. A correction is a
// note (Record with EventNote).
var ErrDayClosed = errors.New("the day is closed: read-only; add a note to correct a case")

// Errors of sign-offs and day closes.
var (
	// ErrNotLead is returned when someone who is not a shift lead signs off
	// a case or closes a day.
	ErrNotLead = errors.New("only a shift lead may do this")
	// ErrSignedOff is returned for a second sign-off of an unchanged case.
	ErrSignedOff = errors.New("signed off already")
	// ErrNotReviewable is returned by SignOff for a case with nothing to
	// review yet: a draft, or an escalation still waiting for its decision.
	ErrNotReviewable = errors.New("not decided yet: nothing to sign off")
)

// Login errors.
var (
	// ErrBadLogin is a wrong name or PIN; it does not say which.
	ErrBadLogin = errors.New("wrong name or PIN")
)

// LockedError is a login refused because too many wrong PINs locked the
// account.
type LockedError struct {
	Name  string
	Until time.Time
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("too many wrong PINs: %s is locked until %s", e.Name, e.Until.Format("15:04:05"))
}
