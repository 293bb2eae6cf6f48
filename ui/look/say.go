package look

import (
	"errors"

	"example.com/returnsdesk/flow"
)

// Say is the words a person reads for err, met while doing something
// ("save the case"): the message of a *flow.Error whole, as flow or the
// store wrote it for a person; any other error reads "could not save the
// case; see the log", and the caller logs err with its detail. A message is
// never cut out of another error's text.
func Say(err error, doing string) string {
	if err == nil {
		return ""
	}
	if m := flow.Message(err); m != "" {
		return m
	}
	return "could not " + doing + "; see the log"
}

// FieldErr is err as a huh field shows it beside the field: the words a
// person reads (Say), without the detail behind them. nil stays nil.
func FieldErr(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(Say(err, "check this field"))
}
