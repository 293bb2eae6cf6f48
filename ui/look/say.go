package look

import (
	"errors"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// SayIn is the words a person reads for err, in p's language, met while
// doing something ("save the case", the English of a message, printed in
// p's language too): the message of a *flow.Error whole, as flow or the
// store wrote it for a person (flow.MessageIn); any other error reads
// "could not save the case; see the log", and the caller logs err with its
// detail. A message is never cut out of another error's text.
func SayIn(p *lang.Printer, err error, doing string) string {
	if err == nil {
		return ""
	}
	if m := flow.MessageIn(p, err); m != "" {
		return m
	}
	return p.T("could not %s; see the log", p.T(doing))
}

// FieldErrIn is err as a huh field shows it beside the field, in p's
// language: the words a person reads (SayIn), without the detail behind
// them. nil stays nil.
func FieldErrIn(p *lang.Printer, err error) error {
	if err == nil {
		return nil
	}
	return errors.New(SayIn(p, err, lang.Key("check this field")))
}

// CheckIn is a field's check (flow.CheckModel) whose error reads in p's
// language, for a huh field's Validate.
func CheckIn(p *lang.Printer, check func(string) error) func(string) error {
	return func(s string) error { return FieldErrIn(p, check(s)) }
}
