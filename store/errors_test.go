package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

// TestErrorsReadWhole: what a person reads of a store error is its
// flow.Message, a whole sentence without the case's id in front (the screen
// shows the case), and errors.Is still finds the sentinel.
func TestErrorsReadWhole(t *testing.T) {
	s, _ := deskStore(t)
	owed := settled(t, s, "R-7001", "AA000001", flow.StatusRefundOwed)
	paid := settled(t, s, "R-7002", "AA000002", flow.StatusRefunded)
	draft := newCase(t0, "olena", "R-7003", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))
	twin := newCase(t0.Add(time.Minute), "olena", "R-7002", "") // the paid case's receipt line again
	walkToDecision(t, s, twin, t0, "AA000003")
	must(t, twin.Complete(flow.StepDecision))
	must(t, twin.Move(flow.StatusDecided))
	must(t, s.SaveCase(twin, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	must(t, s.SignOff(paid.ID, "Maria", t0))
	price := owed.Sale.Price

	tests := []struct {
		name string
		err  func() error
		is   error
		want string // flow.Message(err), whole
	}{
		{"a_second_sign_off_says_by_whom", func() error { return s.SignOff(paid.ID, "Maria", t0) }, ErrSignedOff,
			"signed off already by Maria at " + t0.In(s.Location()).Format("15:04")},
		{"a_draft_says_its_status", func() error { return s.SignOff(draft.ID, "Maria", t0) }, ErrNotReviewable,
			"the case is open: not decided yet: nothing to sign off"},
		{"a_cashier_is_not_a_lead", func() error { return s.SignOff(owed.ID, "olena", t0) }, ErrNotLead,
			"olena is a cashier: only a shift lead may do this"},
		{"too_large_a_refund", func() error {
			return errOf(s.RecordRefund(owed.ID, flow.Money{Minor: price.Minor + 1, Currency: price.Currency},
				flow.TenderCash, "Maria", t0))
		}, ErrRefundTooLarge, "a refund cannot be more than was paid for the item"},
		{"a_paid_case_is_refunded_already", func() error {
			return errOf(s.RecordRefund(paid.ID, price, flow.TenderCash, "Maria", t0))
		}, ErrAlreadyRefunded, "this receipt line was already refunded"},
		{"a_line_refunded_in_another_case_names_it", func() error {
			return errOf(s.RecordRefund(twin.ID, price, flow.TenderCash, "Maria", t0))
		}, ErrAlreadyRefunded, "this receipt line was already refunded, in case " + paid.ID + " (receipt R-7002, line 1)"},
		{"a_missing_case", func() error { _, err := s.Case(NewCaseID(t0)); return err }, ErrNotFound, "not found"},
		{"not_a_case_id", func() error { _, err := s.Case("nope"); return err }, ErrNotFound, `"nope" is not a case id`},
		{"a_store_without_a_name", func() error { return s.SaveSettings(Settings{TimeZone: "UTC"}, "Maria") }, nil,
			"the store needs a name"},
		{"a_short_pin", func() error { return s.AddStaff("Ivan", flow.RoleCashier, "123", "Maria") }, flow.ErrPIN,
			"a PIN is 4 to 12 digits"},
		{"a_wrong_pin", func() error { _, err := s.Login("olena", "9999", t0); return err }, ErrBadLogin,
			"wrong name or PIN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil {
				t.Fatal("no error")
			}
			if got := flow.Message(err); got != tt.want {
				t.Errorf("flow.Message = %q, want %q (error %q)", got, tt.want, err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%q is not %q", err, tt.is)
			}
			if strings.HasPrefix(flow.Message(err), "case ") {
				t.Errorf("the message starts with the case: %q", flow.Message(err))
			}
		})
	}
}

// TestErrorsDayClosed: a closed day's error names the day in its message.
func TestErrorsDayClosed(t *testing.T) {
	s, _ := deskStore(t)
	c := settled(t, s, "R-7101", "AA000001", flow.StatusRefunded)
	day := s.Today(t0)
	_, err := s.CloseDay(day, "Maria", t0.Add(time.Hour))
	must(t, err)
	err = s.SignOff(c.ID, "Maria", t0.Add(2*time.Hour))
	if !errors.Is(err, ErrDayClosed) {
		t.Fatalf("a sign-off of a closed day: %v", err)
	}
	if want := day.String() + ": " + ErrDayClosed.Message; flow.Message(err) != want {
		t.Errorf("flow.Message = %q, want %q", flow.Message(err), want)
	}
	if flow.ErrorCode(err) != flow.EConflict {
		t.Errorf("code %q", flow.ErrorCode(err))
	}
}
