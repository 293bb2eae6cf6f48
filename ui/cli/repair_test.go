package cli

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// TestRepairCommand: a lead's account planted with bbolt fails the check;
// repair, by the store's lead with the PIN on standard input, drops it and
// says so, and check passes after. Without --lead, without a PIN, with a
// wrong PIN, or by a cashier, nothing is repaired.
func TestRepairCommand(t *testing.T) {
	dir := storeWithCases(t, 2)
	s, err := store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost})
	noErr(t, err)
	noErr(t, s.AddStaff("Olena", flow.RoleLead, "482193", "setup"))
	noErr(t, s.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena"))
	noErr(t, s.Close())
	db, err := bolt.Open(storeFile(dir), 0o600, nil)
	noErr(t, err)
	noErr(t, db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("staff")).Put([]byte("Mallory"), []byte(`{"name":"Mallory","role":"lead"}`))
	}))
	noErr(t, db.Close())
	if code, _, _ := run(t, "", "check", "--data", dir); code != ExitFail {
		t.Fatalf("check of the planted account: exit %d", code)
	}
	for _, c := range []struct {
		stdin string
		args  []string
		code  int
		says  string
	}{
		{"482193\n", []string{"repair", "--data", dir}, ExitUsage, "--lead"},
		{"", []string{"repair", "--data", dir, "--lead", "Olena"}, ExitUsage, "no PIN was given"},
		{"000000\n", []string{"repair", "--data", dir, "--lead", "Olena"}, ExitFail, "wrong name or PIN"},
		{"1111\n", []string{"repair", "--data", dir, "--lead", "Ivan"}, ExitFail, "only an active shift lead"},
	} {
		code, _, errs := run(t, c.stdin, c.args...)
		if code != c.code || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %q", c.args, code, errs)
		}
	}
	code, out, errs := run(t, "482193\n", "repair", "--data", dir, "--lead", "Olena")
	if code != ExitOK || !strings.Contains(out, "the store is repaired") || !strings.Contains(out, "dropped: staff:Mallory") ||
		!strings.Contains(out, "returnsdesk.db.before-repair-") {
		t.Fatalf("repair: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := run(t, "", "check", "--data", dir); code != ExitOK {
		t.Errorf("check after the repair: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := run(t, "482193\n", "repair", "--data", dir, "--lead", "Olena"); code != ExitOK ||
		!strings.Contains(out, "nothing to repair") {
		t.Errorf("a second repair: exit %d\n%s", code, out)
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
