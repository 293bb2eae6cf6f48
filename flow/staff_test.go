package flow_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

func TestCheckPINFor(t *testing.T) {
	const cashierRule, leadRule = "a PIN is 4 to 12 digits", "a shift lead's PIN is 6 to 12 digits"
	tests := []struct {
		name string
		role flow.Role
		pin  string
		want string // the rule broken; "" for none
	}{
		{"four_digits_is_enough_for_a_cashier", flow.RoleCashier, "1234", ""},
		{"twelve_digits_is_the_most_for_a_cashier", flow.RoleCashier, "123456789012", ""},
		{"three_digits_is_too_short_for_a_cashier", flow.RoleCashier, "123", cashierRule},
		{"thirteen_digits_is_too_long_for_a_cashier", flow.RoleCashier, "1234567890123", cashierRule},
		{"empty_is_no_pin", flow.RoleCashier, "", cashierRule},
		{"letters_are_not_digits", flow.RoleCashier, "12a4", cashierRule},
		{"a_space_is_not_a_digit", flow.RoleCashier, "12 34", cashierRule},
		{"other_scripts_digits_are_not_ascii_digits", flow.RoleCashier, "١٢٣٤", cashierRule},
		{"four_digits_is_too_short_for_a_lead", flow.RoleLead, "1234", leadRule},
		{"five_digits_is_too_short_for_a_lead", flow.RoleLead, "12345", leadRule},
		{"six_digits_is_enough_for_a_lead", flow.RoleLead, "123456", ""},
		{"twelve_digits_is_the_most_for_a_lead", flow.RoleLead, "123456789012", ""},
		{"thirteen_digits_is_too_long_for_a_lead", flow.RoleLead, "1234567890123", leadRule},
		{"a_lead_s_pin_is_digits", flow.RoleLead, "12345a", leadRule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := flow.CheckPINFor(tt.role, tt.pin)
			if (err == nil) != (tt.want == "") {
				t.Fatalf("CheckPINFor(%s, %q) = %v", tt.role, tt.pin, err)
			}
			if err != nil && (flow.ErrorCode(err) != flow.EInvalid || flow.Message(err) != tt.want) {
				t.Errorf("CheckPINFor(%s, %q) = %v, want %q", tt.role, tt.pin, err, tt.want)
			}
			if tt.role == flow.RoleCashier {
				if got := flow.CheckPIN(tt.pin); (got == nil) != (err == nil) || (got != nil && !errors.Is(got, flow.ErrPIN)) {
					t.Errorf("CheckPIN(%q) = %v, want a cashier's rule: %v", tt.pin, got, err)
				}
			}
		})
	}
}

func TestCheckRole(t *testing.T) {
	tests := []struct {
		name string
		role flow.Role
		ok   bool
	}{
		{"a_cashier_is_a_role", flow.RoleCashier, true},
		{"a_lead_is_a_role", flow.RoleLead, true},
		{"a_manager_is_no_role", "manager", false},
		{"no_role_is_no_role", "", false},
		{"roles_are_lower_case", "Lead", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := flow.CheckRole(tt.role); (err == nil) != tt.ok {
				t.Fatalf("CheckRole(%q) = %v", tt.role, err)
			} else if err != nil && flow.ErrorCode(err) != flow.EInvalid {
				t.Errorf("CheckRole(%q) code %q", tt.role, flow.ErrorCode(err))
			}
		})
	}
}

func TestLockWrongPIN(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		lock flow.Lock // before this wrong PIN, at now
		want flow.Lock
		lead bool // locked until a shift lead unlocks it
	}{
		{"the_first_wrong_pin_counts_one", flow.Lock{}, flow.Lock{Wrong: 1}, false},
		{"the_fourth_wrong_pin_does_not_lock", flow.Lock{Wrong: 3}, flow.Lock{Wrong: 4}, false},
		{"the_fifth_wrong_pin_locks_for_five_minutes", flow.Lock{Wrong: 4},
			flow.Lock{Lockouts: 1, Since: now, Until: now.Add(5 * time.Minute)}, false},
		{"a_count_past_the_limit_locks", flow.Lock{Wrong: 9},
			flow.Lock{Lockouts: 1, Since: now, Until: now.Add(5 * time.Minute)}, false},
		{"the_second_lockout_lasts_fifteen_minutes", flow.Lock{Wrong: 4, Lockouts: 1, Since: now.Add(-time.Hour)},
			flow.Lock{Lockouts: 2, Since: now, Until: now.Add(15 * time.Minute)}, false},
		{"the_third_lockout_waits_for_a_lead", flow.Lock{Wrong: 4, Lockouts: 2, Since: now.Add(-time.Hour)},
			flow.Lock{Lockouts: 3, Since: now}, true},
		{"a_wrong_pin_after_a_lockout_counts_from_one", flow.Lock{Lockouts: 1, Since: now.Add(-time.Hour)},
			flow.Lock{Wrong: 1, Lockouts: 1, Since: now.Add(-time.Hour)}, false},
		{"a_day_without_a_lockout_forgives_the_earlier", flow.Lock{Wrong: 4, Lockouts: 2, Since: now.Add(-24 * time.Hour)},
			flow.Lock{Lockouts: 1, Since: now, Until: now.Add(5 * time.Minute)}, false},
		{"less_than_a_day_does_not_forgive", flow.Lock{Wrong: 4, Lockouts: 1, Since: now.Add(-23 * time.Hour)},
			flow.Lock{Lockouts: 2, Since: now, Until: now.Add(15 * time.Minute)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.lock.WrongPIN(now)
			if got != tt.want {
				t.Errorf("WrongPIN = %+v, want %+v", got, tt.want)
			}
			if got.ForLead() != tt.lead {
				t.Errorf("ForLead = %v, want %v", got.ForLead(), tt.lead)
			}
			if locked := tt.want.Wrong == 0; got.Locked(now) != locked { // the count starts again once locked
				t.Errorf("Locked = %v, want %v", got.Locked(now), locked)
			}
		})
	}
}

func TestLockLasts(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	l := flow.Lock{}
	for range flow.MaxWrongPINs {
		l = l.WrongPIN(now)
	}
	if !l.Locked(now.Add(5*time.Minute-time.Second)) || l.Locked(now.Add(5*time.Minute)) {
		t.Errorf("the first lockout %+v does not last five minutes", l)
	}
	// a right PIN once it ended forgets the wrong PINs, not the lockout
	l = l.WrongPIN(now.Add(6 * time.Minute)).RightPIN()
	if l.Wrong != 0 || l.Lockouts != 1 || l.Locked(now.Add(6*time.Minute)) {
		t.Errorf("after a right PIN: %+v", l)
	}
	for range flow.MaxWrongPINs {
		l = l.WrongPIN(now.Add(time.Hour))
	}
	if !l.Locked(now.Add(time.Hour+15*time.Minute-time.Second)) || l.Locked(now.Add(time.Hour+15*time.Minute)) {
		t.Errorf("the second lockout %+v does not last fifteen minutes", l)
	}
	for range flow.MaxWrongPINs {
		l = l.WrongPIN(now.Add(2 * time.Hour))
	}
	if !l.ForLead() || !l.Locked(now.Add(1000*time.Hour)) || l.Length() != 0 {
		t.Errorf("the third lockout %+v is not until a lead unlocks it", l)
	}
	if (flow.Lock{}).Locked(now) {
		t.Error("the lock a lead's unlock leaves is locked")
	}
	for n, want := range []time.Duration{5 * time.Minute, 5 * time.Minute, 15 * time.Minute, 0, 0} {
		if got := flow.LockoutLength(n); got != want {
			t.Errorf("LockoutLength(%d) = %v, want %v", n, got, want)
		}
	}
	if flow.MaxWrongPINs != 5 || flow.LockoutFor != 5*time.Minute || flow.SecondLockoutFor != 15*time.Minute {
		t.Errorf("the limits are %d wrong PINs, %v and %v; the README says 5, 5 and 15 minutes", flow.MaxWrongPINs,
			flow.LockoutFor, flow.SecondLockoutFor)
	}
}

func TestCheckStaffName(t *testing.T) {
	tests := []struct {
		name  string
		staff string
		ok    bool
	}{
		{"a_name_is_a_name", "Olena", true},
		{"spaces_around_do_not_count", "  Olena  ", true},
		{"sixty_four_characters_is_the_most", strings.Repeat("я", 64), true},
		{"sixty_five_characters_is_too_long", strings.Repeat("я", 65), false},
		{"blank_is_no_name", "   ", false},
		{"a_name_is_one_line", "Olena\nKovalenko", false},
		{"a_tab_is_not_in_a_name", "Olena\tK", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := flow.CheckStaffName(tt.staff); (err == nil) != tt.ok {
				t.Fatalf("CheckStaffName(%q) = %v", tt.staff, err)
			}
			// a till's name (the terminal on its events) has the same rule
			if err := flow.CheckTillName(tt.staff); (err == nil) != tt.ok {
				t.Fatalf("CheckTillName(%q) = %v", tt.staff, err)
			}
		})
	}
	t.Run("each_says_whose_name", func(t *testing.T) {
		if got := flow.Message(flow.CheckStaffName(" ")); got != "a staff member needs a name" {
			t.Errorf("CheckStaffName: %q", got)
		}
		if got := flow.Message(flow.CheckTillName("till\n1")); got != `"till\n1" is not a name for a till (at most 64 characters, one line)` {
			t.Errorf("CheckTillName: %q", got)
		}
	})
}

func TestStaffName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces_around_go", "  Olena ", "Olena"},
		{"nul_bytes_go", "Ol\x00ena", "Olena"},
		{"case_stays", "olena", "olena"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.StaffName(tt.in); got != tt.want {
				t.Errorf("StaffName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckStaffChange(t *testing.T) {
	for _, tc := range []struct {
		change  flow.StaffChange
		subject string
		role    flow.Role
		active  bool
		leads   int
		want    string // "" for allowed
	}{
		{flow.ChangePIN, "olena", flow.RoleLead, true, 1, ""}, // a lead's own PIN
		{flow.ChangeUnlock, "Ivan", flow.RoleCashier, true, 1, ""},
		{flow.ChangeUnlock, "OLENA", flow.RoleLead, true, 2, "cannot unlock their own account"},
		{flow.ChangeDeactivate, "Ivan", flow.RoleCashier, true, 1, ""},
		{flow.ChangeDeactivate, "Olena", flow.RoleLead, true, 2, "cannot deactivate their own account"},
		{flow.ChangeDeactivate, "Ivan", flow.RoleCashier, false, 1, "deactivated already"},
		{flow.ChangeDeactivate, "Petro", flow.RoleLead, true, 1, "the last active shift lead"},
		{flow.ChangeDeactivate, "Petro", flow.RoleLead, true, 2, ""},
		{flow.ChangeReactivate, "Ivan", flow.RoleCashier, false, 1, ""},
		{flow.ChangeReactivate, "Ivan", flow.RoleCashier, true, 1, "active already"},
	} {
		err := flow.CheckStaffChange(tc.change, "Olena", tc.subject, tc.role, tc.active, tc.leads)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(flow.Message(err), tc.want)) {
			t.Errorf("%+v: %v, want %q", tc, err, tc.want)
		}
	}
}
