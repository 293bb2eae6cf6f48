package store

import (
	"fmt"
	"time"

	"example.com/returnsdesk/flow"
)

// Errors a caller can test with errors.Is. Each is a *flow.Error whose
// message is fit for the screen: flow.Message(err) is what a person reads,
// whole, and the error's text (with its detail) is for the log. An error
// that says more than its sentinel (which day is closed, who signed off)
// says it in its message; the case an error is about is detail (the screen
// shows the case at hand).
var (
	// ErrLocked is returned by Open when another process holds the store file.
	ErrLocked = flow.Errorf(flow.EUnavailable, "another process holds the store file (is the kiosk already running?)")
	// ErrNotFound is returned for a case, staff member or setting that is not in the store.
	ErrNotFound = flow.Errorf(flow.ENotFound, "not found")
	// ErrNoStore is returned by a read-only Open of a file that does not exist.
	ErrNoStore = flow.Errorf(flow.ENotFound, "there is no store file here")
	// ErrNotStore is returned for a file that is not a returnsdesk store: not
	// a bbolt file, or a bbolt file of another program.
	ErrNotStore = flow.Errorf(flow.EUnavailable, "the file is not a returnsdesk store")
	// ErrDamaged is returned for a store file that is damaged: truncated,
	// overwritten, or edited outside the program.
	ErrDamaged = flow.Errorf(flow.EUnavailable, "the store file is damaged")
	// ErrNewer is returned for a store written by a newer returnsdesk.
	ErrNewer = flow.Errorf(flow.EUnavailable, "the store was written by a newer returnsdesk: update this one")
	// ErrKeyMissing is returned when the store has passports hashed under a
	// key whose file is missing.
	ErrKeyMissing = flow.Errorf(flow.EUnavailable, "the passport key file is missing")
	// ErrKeyMismatch is returned when the passport key file is not the one
	// the store was made with.
	ErrKeyMismatch = flow.Errorf(flow.EUnavailable, "the passport key file does not belong to this store")
	// ErrReadOnly is returned by a write to a store opened read-only.
	ErrReadOnly = flow.Errorf(flow.EForbidden, "the store is open read-only")
	// ErrClosed is returned by a method called after Close.
	ErrClosed = flow.Errorf(flow.EUnavailable, "the store is closed")
)

// Errors of cases and refunds, for errors.Is.
var (
	// ErrCaseClosed is returned by SaveCase for a closed case: corrections
	// are new events (Record), never edits.
	ErrCaseClosed = flow.Errorf(flow.EConflict, "the case is closed: add a note instead of changing it")
	// ErrRefundTooLarge is returned by RecordRefund for more than was paid
	// for the item: flow's rule (flow.CheckRefund).
	ErrRefundTooLarge = flow.ErrRefundTooLarge
	// ErrAlreadyRefunded is returned by RecordRefund for a receipt line that
	// was refunded before, in this case or another.
	ErrAlreadyRefunded = flow.Errorf(flow.EConflict, "this receipt line was already refunded")
)

// ErrDayClosed is returned by a save of a case filed under a day that is
// closed, unless the case was still under way at the save (open, waiting for
// documents, escalated, a refund owed, at the service centre: its later life
// is new events, such as the payment of the refund it owes) or closed once
// its act is signed; and by a sign-off of a closed day's case. A correction
// is a note (Record with EventNote), or the day is reopened (ReopenDay).
// Its message names the day.
var ErrDayClosed = flow.Errorf(flow.EConflict,
	"the day is closed: what it settled is read-only; a shift lead can reopen the day, with a reason")

// Errors of sign-offs and day closes.
var (
	// ErrNotLead is returned when someone who is not a shift lead signs off
	// a case or closes a day.
	ErrNotLead = flow.Errorf(flow.EForbidden, "only a shift lead may do this")
	// ErrSignedOff is returned for a second sign-off of an unchanged case;
	// its message says by whom and when.
	ErrSignedOff = flow.Errorf(flow.EConflict, "signed off already")
	// ErrNotReviewable is returned by SignOff for a case with nothing to
	// review yet (flow.CanSignOff): a draft, or an escalation still waiting
	// for its decision. Its message says the case's status.
	ErrNotReviewable = flow.Errorf(flow.EConflict, "not decided yet: nothing to sign off")
)

// Login errors.
var (
	// ErrBadLogin is a wrong name or PIN; it does not say which.
	ErrBadLogin = flow.Errorf(flow.EForbidden, "wrong name or PIN")
	// ErrDeactivated is a login to an account a shift lead deactivated
	// (Deactivate); its message names the account.
	ErrDeactivated = flow.Errorf(flow.EForbidden, "the account is deactivated")
)

// LockedError is a login refused because too many wrong PINs locked the
// account: until a time, for a lockout of a length, or (Lead) until a
// shift lead unlocks it.
type LockedError struct {
	Name  string
	Until time.Time     // zero for Lead
	For   time.Duration // the lockout's length; zero for Lead
	Lead  bool
}

func (e *LockedError) Error() string { return e.Unwrap().Error() }

// Unwrap is the error as a person reads it (flow.Message): the same words.
func (e *LockedError) Unwrap() error {
	if e.Lead {
		return flow.Errorf(flow.EForbidden, "too many wrong PINs: %s is locked until a shift lead unlocks the account",
			e.Name)
	}
	return flow.Errorf(flow.EForbidden, "too many wrong PINs: %s is locked until %s (%d minutes)", e.Name,
		e.Until.Format("15:04:05"), int(e.For/time.Minute))
}

// aboutCase is sentinel about case id: the id is detail for the log, as the
// screen shows the case at hand.
func aboutCase(sentinel *flow.Error, id string) error { return sentinel.Wrap(caseDetail(id)) }

// caseDetail names a case as an error's detail.
func caseDetail(id string) error { return fmt.Errorf("case %s", id) }

// caseErrorf is an error of code about case id, with a message of its own
// and the id as detail.
func caseErrorf(code flow.Code, id, format string, args ...any) error {
	return flow.Errorf(code, format, args...).Wrap(caseDetail(id))
}

// failed is an error a person reads as msg ("cannot write the backup"), a
// message of the message files (a format without verbs), with what went
// wrong (err) as its detail.
func failed(msg string, err error) error {
	var none []any // msg is the format: no arguments
	return flow.Errorf(flow.EUnavailable, msg, none...).Wrap(err)
}

// refine is an error whose message says more than sentinel's (which day,
// which status, by whom): flow.Message gives that message whole,
// errors.Is(err, sentinel) holds, and detail (when not nil) goes to the log.
func refine(sentinel *flow.Error, detail error, format string, args ...any) error {
	return &refinedError{msg: flow.Errorf(sentinel.Code, format, args...), sentinel: sentinel, detail: detail}
}

// refinedError is refine's error.
type refinedError struct {
	msg      *flow.Error // what a person reads: the first *flow.Error of the chain
	sentinel *flow.Error
	detail   error
}

func (e *refinedError) Error() string {
	if e.detail == nil {
		return e.msg.Message
	}
	return e.msg.Message + ": " + e.detail.Error()
}

// Unwrap is the message, then the sentinel (for errors.Is), then the detail.
func (e *refinedError) Unwrap() []error {
	if e.detail == nil {
		return []error{e.msg, e.sentinel}
	}
	return []error{e.msg, e.sentinel, e.detail}
}

// Errors of tills, for errors.Is. The store's refusals name the till.
var (
	// ErrTillExists is returned by AddTill for a name another till has; its
	// message names it.
	ErrTillExists = flow.Errorf(flow.EConflict, "there is already a till of that name")
	// ErrTillKeyUsed is returned by AddTill for a key another till has; its
	// message names that till.
	ErrTillKeyUsed = flow.Errorf(flow.EConflict, "that key is another till's")
	// ErrPrivateKey is returned for a private key file given in place of
	// its public key (the .pub file beside it).
	ErrPrivateKey = flow.Errorf(flow.EInvalid, "that is a private key: give the .pub file")
	// ErrTillKey is returned for a public key a till cannot use: not an SSH
	// public key, of another type, or too short; its message says which.
	ErrTillKey = flow.Errorf(flow.EInvalid, "not a key a till can use")
)
