package cli

import (
	"bytes"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
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
	if code != ExitOK || !strings.Contains(out, "the store is repaired") || !strings.Contains(out, "dropped: the staff account Mallory") ||
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

// TestRepairSaysInUkrainian: a Ukrainian store's cashier, named in
// Cyrillic, made a lead with bbolt. The repair, in the store's language,
// says in words which record it dropped, by the name the store keeps.
func TestRepairSaysInUkrainian(t *testing.T) {
	const cashier = "Марія Ткаченко"
	dir := storeWithCases(t, 1)
	s, err := store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost})
	noErr(t, err)
	noErr(t, s.AddStaff("Олена Коваль", flow.RoleLead, "482193", "setup"))
	noErr(t, s.AddStaff(cashier, flow.RoleCashier, "2468", "Олена Коваль"))
	noErr(t, s.Close())
	db, err := bolt.Open(storeFile(dir), 0o600, nil)
	noErr(t, err)
	noErr(t, db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("staff"))
		return b.Put([]byte(cashier), bytes.Replace(bytes.Clone(b.Get([]byte(cashier))), []byte(`"cashier"`), []byte(`"lead"`), 1))
	}))
	noErr(t, db.Close())
	code, out, errs := runIn(t, "482193\n", "repair", "--data", dir, "--lead", "Олена Коваль")
	if code != ExitOK || !strings.Contains(out, "магазин відновлено") ||
		!strings.Contains(out, "  - відкинуто: обліковий запис працівника "+cashier+"\n") {
		t.Fatalf("repair: exit %d\n%s%s", code, out, errs)
	}
}

// TestRecordWords: each kind of record a repair drops, in words, in both
// languages; a key of no kind the repair knows as it is.
func TestRecordWords(t *testing.T) {
	en, uk := lang.For(lang.EN), lang.For(lang.UK)
	for _, c := range []struct{ key, en, uk string }{
		{"staff:Марія Ткаченко", "the staff account Марія Ткаченко", "обліковий запис працівника Марія Ткаченко"},
		{"till:T2", "till T2", "каса T2"},
		{"case:01J0000000", "case 01J0000000", "справа 01J0000000"},
		{"settings", "the settings", "налаштування"},
		{"other:x", "other:x", "other:x"},
	} {
		if got := recordWords(en, c.key); got != c.en {
			t.Errorf("%s in English: %q, want %q", c.key, got, c.en)
		}
		if got := recordWords(uk, c.key); got != c.uk {
			t.Errorf("%s in Ukrainian: %q, want %q", c.key, got, c.uk)
		}
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
