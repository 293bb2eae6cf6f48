package flow

import (
	"errors"
	"fmt"
	"strings"

	"example.com/returnsdesk/flow/lang"
)

// Code says what kind of error a person is reading, so that a screen or a
// command can act on it (errors.Is) without reading its words.
type Code string

// The codes of errors a person reads.
const (
	// EInvalid: the input breaks a rule (a PIN too short, a price of 0).
	EInvalid Code = "invalid"
	// ENotFound: what was asked for is not there.
	ENotFound Code = "not_found"
	// EConflict: the store's state forbids it (already refunded, signed off,
	// the day closed).
	EConflict Code = "conflict"
	// EForbidden: this person may not do it (a cashier at the lead's desk).
	EForbidden Code = "forbidden"
	// EUnavailable: the store cannot be used now (another process holds it,
	// it is damaged, newer than this program).
	EUnavailable Code = "unavailable"
)

// Error is an error a person reads: Message is a plain sentence fit for the
// screen, whole; Err, when set, is the detail behind it for the log. Build
// one with Errorf; read one with Message.
type Error struct {
	Code    Code
	Message string
	Err     error
	// the message's English format and its arguments, kept to print it in
	// another language (In)
	format string
	args   []any
}

// Errorf is an Error of the code with a formatted message. The format is a
// message of the message files (lang): In prints it in a person's language.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), format: format, args: args}
}

// In is the message in p's language: its format looked up, a date or an
// amount among its arguments printed as p prints them.
func (e *Error) In(p *lang.Printer) string {
	if e.format == "" {
		return e.Message
	}
	return p.T(e.format, argsIn(p, e.args)...)
}

// argsIn are a message's arguments with each that prints itself in a
// language (a Date, a Money, Said) printed in p's, and a flow word (a
// Status, a Step, an Outcome, a Role) in p's words.
func argsIn(p *lang.Printer, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case interface{ In(*lang.Printer) string }:
			a = x.In(p)
		case interface{ WordsIn(*lang.Printer) string }:
			a = x.WordsIn(p)
		}
		out[i] = a
	}
	return out
}

// Said is err as an argument of another error's message ("idle minutes:
// %s"): Message(err) in the message, MessageIn in a language.
func Said(err error) fmt.Stringer { return saidErr{err} }

type saidErr struct{ err error }

func (s saidErr) String() string {
	if m := Message(s.err); m != "" {
		return m
	}
	return s.err.Error()
}

func (s saidErr) In(p *lang.Printer) string {
	if m := MessageIn(p, s.err); m != "" {
		return m
	}
	return s.err.Error()
}

// InWords is a flow word (a Status, a Step) as an error's argument: its
// English words (Words) in the message, p's (WordsIn) in a language.
func InWords(w interface {
	Words() string
	WordsIn(*lang.Printer) string
}) fmt.Stringer {
	return inWords{w}
}

type inWords struct {
	w interface {
		Words() string
		WordsIn(*lang.Printer) string
	}
}

func (w inWords) String() string { return w.w.Words() }

func (w inWords) In(p *lang.Printer) string { return w.w.WordsIn(p) }

// Error is the message, with the detail after it when there is one.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap is the detail.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error of the same code and message, so that an
// exported sentinel (var ErrX = flow.Errorf(...)) works with errors.Is even
// when it is wrapped in a copy that carries detail.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && t.Message == e.Message
}

// Wrap is a copy of e with err as its detail: the person reads e's message,
// the log gets both.
func (e *Error) Wrap(err error) *Error {
	return &Error{Code: e.Code, Message: e.Message, Err: err, format: e.format, args: e.args}
}

// Message is the words a person reads for err: the message of the first
// *Error in its chain (or of a FieldError or PolicyError, which name the
// field or the policy's line), or "" when it holds none (then the caller
// says "could not ...; see the log" and logs err).
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	var pe *PolicyError
	if errors.As(err, &pe) {
		return strings.ReplaceAll(pe.Error(), "\n", "; ")
	}
	return ""
}

// MessageIn is Message in p's language.
func MessageIn(p *lang.Printer, err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.In(p)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.In(p)
	}
	var pe *PolicyError
	if errors.As(err, &pe) {
		return strings.ReplaceAll(pe.In(p), "\n", "; ")
	}
	return ""
}

// ErrorCode is the code of the first *Error in err's chain, or "".
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
