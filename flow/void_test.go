package flow

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestVoid(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		status Status
		reason string
		want   string // "" for voided
	}{
		{StatusOpen, "the customer withdrew", ""},
		{StatusWaitingDocuments, "never came back", ""},
		{StatusEscalated, "opened twice by mistake", ""},
		{StatusOpen, "  ", "give a reason"},
		{StatusOpen, "two\nlines", "one line"},
		{StatusOpen, strings.Repeat("x", MaxReasonLen+1), "at most 500"},
		{StatusDecided, "no", "only a case without a decision"},
		{StatusRefunded, "no", "only a case without a decision"},
		{StatusServiceCentre, "no", "only a case without a decision"},
		{StatusClosed, "no", "only a case without a decision"},
	} {
		c := &Case{Status: tc.status}
		err := c.Void("Olena", tc.reason, at)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %q: %v", tc.status, tc.reason, err)
		case tc.want == "" && (c.Status != StatusClosed || c.Voided == nil || c.Voided.By != "Olena"):
			t.Errorf("%s %q: voided as %s %+v", tc.status, tc.reason, c.Status, c.Voided)
		case tc.want != "" && (err == nil || !strings.Contains(Message(err), tc.want)):
			t.Errorf("%s %q: %v, want %q", tc.status, tc.reason, err, tc.want)
		case tc.want != "" && (c.Status != tc.status || c.Voided != nil):
			t.Errorf("%s %q: refused, yet changed to %s", tc.status, tc.reason, c.Status)
		}
		var fe *FieldError
		if tc.want == "give a reason" && !errors.As(err, &fe) {
			t.Errorf("an empty reason is not named as a field: %v", err)
		}
	}
}
