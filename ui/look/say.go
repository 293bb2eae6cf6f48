package look

import (
	"errors"
	"strings"

	"example.com/returnsdesk/flow"
)

// Say is the words a person reads for err, met while doing something
// ("save the case"): the message of a *flow.Error whole, as the store or
// flow wrote it for a person. Any other error is the first line of its text
// until every store error is typed; the caller logs err's detail.
func Say(err error, doing string) string {
	if err == nil {
		return ""
	}
	if m := flow.Message(err); m != "" {
		return m
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// FieldErr is err as a huh field shows it beside the field: the words a
// person reads (Say), without the detail behind them. nil stays nil.
func FieldErr(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(Say(err, "check this field"))
}
