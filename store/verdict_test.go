package store

import (
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// TestRejectedStoreIsReadOnly: finding 5 of the tamper review. A store
// that check rejects opens read-only, with the check's first problem in its
// refusal: no case, account, login or setting is written, so no write can
// repair the evidence away, while reads and check work. A backup put in
// its place (another head) opens for writing again, and so does the store
// once a check passes.
func TestRejectedStoreIsReadOnly(t *testing.T) {
	orig := sampleStore(t, 4)
	path := copyFile(t, orig)
	editRaw(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketStaff).Put([]byte("stranger"), []byte(`{"name":"stranger","role":"lead"}`))
	})
	if _, err := CheckFile(path, CheckOptions{}); err == nil {
		t.Fatal("check passed a planted account")
	}
	if _, err := os.Stat(VerdictFile(path)); err != nil {
		t.Fatalf("no verdict beside the file: %v", err)
	}
	s, err := Open(path, testOptions())
	must(t, err)
	rej := s.Rejected()
	if !errors.Is(rej, ErrRejected) || !strings.Contains(flow.Message(rej), "returnsdesk check lists its problems") {
		t.Fatalf("the store's rejection: %v", rej)
	}
	for name, write := range map[string]func() error{
		"a case":     func() error { return s.SaveCase(newCase(t0, "olena", "R-9", "SN9"), Event{Staff: "olena"}) },
		"an account": func() error { return s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria") },
		"a login":    func() error { _, err := s.Login("Maria", "123456", t0); return err },
		"settings": func() error {
			return s.SaveSettings(NewSettings("Renamed", "generic", "", "Europe/Kyiv"), "Maria")
		},
	} {
		if err := write(); !errors.Is(err, ErrRejected) {
			t.Errorf("%s on a rejected store: %v", name, err)
		}
	}
	if sums, err := s.Day(flow.DateOf(t0)); err != nil || len(sums) == 0 {
		t.Errorf("the day's cases of a rejected store: %d, %v", len(sums), err)
	}
	if _, err := s.Check(CheckOptions{}); err == nil {
		t.Error("check passed in the open store")
	}
	must(t, s.Close())

	t.Run("a backup put in its place", func(t *testing.T) {
		data, err := os.ReadFile(orig)
		must(t, err)
		must(t, os.WriteFile(path, data, 0o600))
		s, err := Open(path, testOptions())
		must(t, err)
		defer s.Close()
		if err := s.Rejected(); err != nil {
			t.Errorf("the backup is rejected: %v", err)
		}
		must(t, s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"))
		if _, err := os.Stat(VerdictFile(path)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the verdict of the other file is still there: %v", err)
		}
	})
}

// TestRejectedInProcess: a check that fails in the process holding the
// store (the admin socket's check, the desk's) makes it read-only at once;
// one that passes after lifts it.
func TestRejectedInProcess(t *testing.T) {
	s, _ := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	// a record planted behind the store's back, through its own file handle
	must(t, s.run(modeWrite, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketStaff).Put([]byte("stranger"), []byte(`{"name":"stranger","role":"lead"}`))
	}))
	if _, err := s.Check(CheckOptions{}); err == nil {
		t.Fatal("check passed a planted account")
	}
	if err := s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"); !errors.Is(err, ErrRejected) {
		t.Errorf("a write after the failed check: %v", err)
	}
	must(t, s.run(modeWrite, func(tx *bolt.Tx) error { return tx.Bucket(bucketStaff).Delete([]byte("stranger")) }))
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatalf("check after the account went: %v", err)
	}
	must(t, s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"))
}

// TestEditedTailIsReadOnlyUnchecked: the newest event rewritten outside the
// program makes the store read-only at its next open, before any check.
func TestEditedTailIsReadOnlyUnchecked(t *testing.T) {
	path := copyFile(t, sampleStore(t, 2))
	var n uint64
	editRaw(t, path, func(tx *bolt.Tx) error {
		seq, _, err := chainHead(tx)
		n = seq
		must(t, err)
		return editEvent(tx, seq-1, func(m map[string]any) { m["staff"] = "someone else" }, true)
	})
	s, err := Open(path, testOptions())
	must(t, err)
	defer s.Close()
	if err := s.Rejected(); !errors.Is(err, ErrRejected) {
		t.Fatalf("event %d of %d rewritten: %v", n-1, n, err)
	}
	if err := s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"); !errors.Is(err, ErrRejected) {
		t.Errorf("a write: %v", err)
	}
}

// TestCheckNamesRecordsInLetters: a problem names a record whose key is
// Cyrillic in its letters, as the store keeps it (and the repair drops it
// by that name), not in hex.
func TestCheckNamesRecordsInLetters(t *testing.T) {
	s, path := openTest(t)
	must(t, s.AddStaff("Олена", flow.RoleLead, "482193", "setup"))
	must(t, s.AddStaff("Іван", flow.RoleCashier, "1111", "Олена"))
	must(t, s.Close())
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStaff)
		v := strings.Replace(string(b.Get([]byte("Іван"))), `"cashier"`, `"lead"`, 1)
		return b.Put([]byte("Іван"), []byte(v))
	})
	_, err := CheckFile(edited, CheckOptions{})
	if err == nil || !strings.Contains(err.Error(), "staff Іван: the account is not as") {
		t.Fatalf("check: %v", err)
	}
	rep, err := RepairFile(edited, testOptions(), "Олена", "482193", t0)
	if err != nil || len(rep.Dropped) != 1 || rep.Dropped[0] != "staff:Іван" {
		t.Errorf("the repair: %+v %v", rep, err)
	}
}

// TestDamagedPagesAreNotOpened: a file whose pages check found damaged is
// not opened at all, not even read-only: bbolt would follow those pages. A
// backup put in its place opens.
func TestDamagedPagesAreNotOpened(t *testing.T) {
	orig := sampleStore(t, 4)
	data, err := os.ReadFile(orig)
	must(t, err)
	pageSize := 4096
	for p := 2; p < len(data)/pageSize; p++ {
		path := copyFile(t, orig)
		d := append([]byte(nil), data...)
		d[p*pageSize+8] ^= 0x01 // the page's flags
		must(t, os.WriteFile(path, d, 0o600))
		rep, err := CheckFile(path, CheckOptions{})
		if err == nil || !rep.pages {
			continue
		}
		for _, ro := range []bool{false, true} {
			opts := testOptions()
			opts.ReadOnly = ro
			if _, err := Open(path, opts); !errors.Is(err, ErrDamaged) ||
				!strings.Contains(flow.Message(err), "the store file's pages are damaged") {
				t.Fatalf("page %d damaged, open (read-only %v): %v", p, ro, err)
			}
		}
		must(t, os.WriteFile(path, data, 0o600)) // the backup
		s, err := Open(path, testOptions())
		must(t, err)
		must(t, s.Close())
		return
	}
	t.Fatal("no page's flags made check find damaged pages")
}
