package flow_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
)

func TestCheckPIN(t *testing.T) {
	tests := []struct {
		name string
		pin  string
		ok   bool
	}{
		{"four_digits_is_enough", "1234", true},
		{"twelve_digits_is_the_most", "123456789012", true},
		{"three_digits_is_too_short", "123", false},
		{"thirteen_digits_is_too_long", "1234567890123", false},
		{"empty_is_no_pin", "", false},
		{"letters_are_not_digits", "12a4", false},
		{"a_space_is_not_a_digit", "12 34", false},
		{"other_scripts_digits_are_not_ascii_digits", "١٢٣٤", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := flow.CheckPIN(tt.pin)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPIN(%q) = %v", tt.pin, err)
			}
			if err != nil && (!errors.Is(err, flow.ErrPIN) || flow.Message(err) != "a PIN is 4 to 12 digits") {
				t.Errorf("CheckPIN(%q) = %v, want ErrPIN with its words", tt.pin, err)
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

func TestLockout(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		wrong     int // wrong PINs before this one
		wantCount int
		locked    bool
	}{
		{"the_first_wrong_pin_counts_one", 0, 1, false},
		{"the_fourth_wrong_pin_does_not_lock", 3, 4, false},
		{"the_fifth_wrong_pin_locks_for_five_minutes", 4, 0, true},
		{"a_count_past_the_limit_locks", 9, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count, until := flow.Lockout(tt.wrong, now)
			if count != tt.wantCount {
				t.Errorf("count %d, want %d", count, tt.wantCount)
			}
			switch {
			case tt.locked && !until.Equal(now.Add(5*time.Minute)):
				t.Errorf("locked until %v, want five minutes on", until)
			case !tt.locked && !until.IsZero():
				t.Errorf("locked until %v, want not locked", until)
			}
		})
	}
	if flow.MaxWrongPINs != 5 || flow.LockoutFor != 5*time.Minute {
		t.Errorf("the limits are %d wrong PINs and %v, the README says 5 and 5 minutes", flow.MaxWrongPINs,
			flow.LockoutFor)
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
