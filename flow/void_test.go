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

// TestEnd: who ends a case without a decision, and how: a lead any way, the
// opener as withdrawn or abandoned; abandoned only the store's days after
// the opening.
func TestEnd(t *testing.T) {
	opened := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		kind    EndKind
		by      string
		role    Role
		after   int // days after the opening
		setting int
		want    string // "" for ended
	}{
		{EndWithdrawn, "Ivan", RoleCashier, 0, 0, ""},
		{EndWithdrawn, "ivan", RoleCashier, 0, 0, ""}, // the opener, in any letter case
		{EndWithdrawn, "Marta", RoleCashier, 0, 0, "only a shift lead or the one who opened"},
		{EndWithdrawn, "Olena", RoleLead, 0, 0, ""},
		{EndVoided, "Olena", RoleLead, 0, 0, ""},
		{EndVoided, "Ivan", RoleCashier, 0, 0, "only a shift lead sets a case aside"},
		{EndAbandoned, "Ivan", RoleCashier, 13, 0, "counts as abandoned from 2026-11-15, 14 days on"},
		{EndAbandoned, "Ivan", RoleCashier, 14, 0, ""},
		{EndAbandoned, "Olena", RoleLead, 6, 7, "counts as abandoned from 2026-11-08, 7 days on"},
		{EndAbandoned, "Olena", RoleLead, 7, 7, ""},
		{EndKind("lost"), "Olena", RoleLead, 0, 0, "not an end of a case"},
	} {
		c := &Case{Status: StatusOpen, OpenedBy: "Ivan", Opened: opened}
		err := c.End(tc.kind, tc.by, tc.role, "the customer said so", opened.AddDate(0, 0, tc.after), tc.setting)
		switch {
		case tc.want == "" && (err != nil || c.Status != StatusClosed || c.Voided == nil || c.Voided.Kind != tc.kind):
			t.Errorf("%+v: %v, %s %+v", tc, err, c.Status, c.Voided)
		case tc.want != "" && (err == nil || !strings.Contains(Message(err), tc.want) || c.Voided != nil):
			t.Errorf("%+v: %v, want %q", tc, err, tc.want)
		}
	}
}
