package cli

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"golang.org/x/crypto/bcrypt"
)

// TestStaffUnlock: a shift lead unlocks an account the third lockout
// locked, on the audit trail; the command names what is wrong.
func TestStaffUnlock(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "123456\n", initArgs(dir, "--language", "en")...); code != ExitOK {
		t.Fatalf("init: exit %d %q", code, errs)
	}
	st, err := store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena"))
	t0 := time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)
	for i := range flow.LeadLockout * flow.MaxWrongPINs {
		_, err = st.Login("Ivan", "9999", t0.Add(time.Duration(i/flow.MaxWrongPINs)*time.Hour))
	}
	var locked *store.LockedError
	if !errors.As(err, &locked) || !locked.Lead {
		t.Fatalf("the third lockout: %v", err)
	}
	must(st.Close())

	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no_name", []string{"--by", "Olena"}, ExitUsage, "staff unlock: NAME: name one staff member"},
		{"no_lead", []string{"Ivan"}, ExitUsage, "staff unlock: --by: name the shift lead who unlocks the account"},
		{"a_cashier", []string{"Ivan", "--by", "Ivan"}, ExitFail, "Ivan is a cashier: only a shift lead may do this"},
		{"nobody", []string{"Taras", "--by", "Olena"}, ExitFail, "there is no staff member called Taras"},
		{"the_lead_herself", []string{"olena", "--by", "Olena"}, ExitFail,
			"a shift lead cannot unlock their own account: another shift lead can"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", append([]string{"staff", "unlock", "--data", dir}, tc.args...)...)
			if code != tc.code || out != "" || !strings.Contains(errs, tc.says) {
				t.Errorf("exit %d %q %q, want exit %d saying %q", code, out, errs, tc.code, tc.says)
			}
		})
	}
	code, out, errs := run(t, "", "staff", "unlock", "ivan", "--by", "olena", "--data", dir)
	if code != ExitOK || out != "Ivan is unlocked: the account logs in again\n" {
		t.Fatalf("unlock: exit %d %q %q", code, out, errs)
	}
	st, err = store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost})
	must(err)
	defer st.Close()
	if _, err := st.Login("Ivan", "1111", t0.Add(3*time.Hour)); err != nil {
		t.Errorf("a login after the unlock: %v", err)
	}
	seq, _, err := st.Head()
	must(err)
	evs, err := st.Events(seq-2, 2) // the unlock, then the login
	must(err)
	if len(evs) != 2 || evs[0].Staff != "Olena" || evs[0].Subject != "Ivan" || evs[0].Detail != "unlocked Ivan" {
		t.Errorf("the trail's last events: %+v", evs)
	}
}
