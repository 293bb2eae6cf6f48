package store

import (
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
)

// TestStaffNames_letterCaseAside: a name is matched without regard to
// letter case or surrounding spaces, at login and wherever a name is looked
// up; the account keeps the name it was added with, and the trail names
// it so (check passes after).
func TestStaffNames_letterCaseAside(t *testing.T) {
	s, _ := openTest(t)
	closeAndCheck(t, s)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))
	for _, typed := range []string{"olena", "OLENA", " Olena ", "oLeNa"} {
		t.Run("login_"+typed, func(t *testing.T) {
			m, err := s.Login(typed, "5678", t0)
			if err != nil || m.Name != "Olena" || m.Role != flow.RoleCashier {
				t.Fatalf("Login(%q): %+v %v, want Olena", typed, m, err)
			}
			if m, err := s.Staff(typed); err != nil || m.Name != "Olena" {
				t.Errorf("Staff(%q): %+v %v", typed, m, err)
			}
		})
	}
	t.Run("a_wrong_pin_counts_on_the_one_account", func(t *testing.T) {
		_, err := s.Login("olena", "0000", t0)
		if !errors.Is(err, ErrBadLogin) {
			t.Fatalf("a wrong PIN: %v", err)
		}
		evs, err := s.Events(0, 1000)
		must(t, err)
		last := evs[len(evs)-1]
		if last.Kind != EventLogin || last.Staff != "Olena" || last.Subject != "Olena" {
			t.Errorf("the trail names %q/%q, want the account Olena: %+v", last.Staff, last.Subject, last)
		}
	})
	t.Run("set_pin", func(t *testing.T) {
		must(t, s.SetPIN("OLENA", "2468", "Maria"))
		if _, err := s.Login("olena", "2468", t0); err != nil {
			t.Errorf("login with the new PIN: %v", err)
		}
	})
	t.Run("a_lead_typed_in_lower_case", func(t *testing.T) {
		err := s.view(func(tx *bolt.Tx) error { return leadTx(tx, "maria") })
		if err != nil {
			t.Errorf("maria is not found as the lead Maria: %v", err)
		}
	})
	t.Run("adding_the_same_name_in_other_letters_is_refused", func(t *testing.T) {
		err := s.AddStaff("olena", flow.RoleCashier, "1111", "Maria")
		if flow.ErrorCode(err) != flow.EConflict {
			t.Errorf("olena beside Olena: %v, want a conflict", err)
		}
	})
	if staff, _ := s.ListStaff(); len(staff) != 2 {
		t.Errorf("staff %+v, want Maria and Olena", staff)
	}
	if _, err := s.Login("olenka", "2468", t0); !errors.Is(err, ErrBadLogin) {
		t.Errorf("another name: %v", err)
	}
}

// TestStaffNames_keptBeforeDifferingOnlyInCase: two accounts added before
// names were matched without regard to case ("olena" and "Olena") are
// each found by their own spelling; another spelling of them finds
// neither, as it cannot tell which is meant.
func TestStaffNames_keptBeforeDifferingOnlyInCase(t *testing.T) {
	s, _ := openTest(t)
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "setup"))
	hash, err := bcrypt.GenerateFromPassword([]byte("1357"), bcrypt.MinCost)
	must(t, err)
	must(t, s.update(func(tx *bolt.Tx) error { // as an older version added it
		b, err := bucket(tx, bucketStaff)
		if err != nil {
			return err
		}
		h, err := putStaff(b, &staffRecord{Name: "olena", Role: flow.RoleCashier, PINHash: hash})
		if err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Staff: "setup", Kind: EventStaff, Subject: "olena", RecordHash: h})
		return err
	}))
	if m, err := s.Login("Olena", "5678", t0); err != nil || m.Name != "Olena" {
		t.Errorf("Olena: %+v %v", m, err)
	}
	if m, err := s.Login("olena", "1357", t0); err != nil || m.Name != "olena" {
		t.Errorf("olena: %+v %v", m, err)
	}
	if _, err := s.Login("OLENA", "5678", t0); !errors.Is(err, ErrBadLogin) {
		t.Errorf("OLENA, which could be either: %v", err)
	}
}
