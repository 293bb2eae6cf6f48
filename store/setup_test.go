package store

import (
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// TestSetUp: a new store is fresh; SetUp makes it set up in one go; a
// second SetUp is refused and changes nothing.
func TestSetUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "returnsdesk.db")
	s, err := Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s)
	if fresh, err := s.Fresh(); err != nil || !fresh {
		t.Fatalf("a new store: fresh %v, %v", fresh, err)
	}
	set := NewSettings("Citrus", "citrus", "", "Europe/Kyiv")
	if err := s.SetUp(set, "Olena", "1234"); flow.ErrorCode(err) != flow.EInvalid {
		t.Errorf("a lead's 4-digit PIN set up a store: %v", err)
	}
	if fresh, _ := s.Fresh(); !fresh {
		t.Fatal("a refused setup left something")
	}
	must(t, s.SetUp(set, "Olena", "482193"))
	if ok, err := s.Initialized(); err != nil || !ok {
		t.Fatalf("set up: %v, %v", ok, err)
	}
	if fresh, _ := s.Fresh(); fresh {
		t.Error("a set-up store is fresh")
	}
	set.StoreName = "Someone else's"
	if err := s.SetUp(set, "Mallory", "999999"); !errors.Is(err, ErrNotFresh) {
		t.Fatalf("a second setup: %v", err)
	}
	got, _ := s.Settings()
	if got.StoreName != "Citrus" {
		t.Errorf("the second setup renamed the store to %q", got.StoreName)
	}
	if _, err := s.Login("Mallory", "999999", t0); err == nil {
		t.Error("the second setup added its lead")
	}
}

// TestDamageIsNotANewStore: a store whose staff record was damaged outside
// the program, or with settings and no lead, is neither fresh nor set up,
// and SetUp refuses it.
func TestDamageIsNotANewStore(t *testing.T) {
	for name, edit := range map[string]func(tx *bolt.Tx) error{
		"a staff record unreadable": func(tx *bolt.Tx) error {
			return tx.Bucket(bucketStaff).Put([]byte("Olena"), []byte("{not json"))
		},
		"the staff deleted": func(tx *bolt.Tx) error {
			return tx.Bucket(bucketStaff).Delete([]byte("Olena"))
		},
		"the settings deleted": func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSettings).Delete(keySettings)
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "returnsdesk.db")
			s, err := Open(path, testOptions())
			must(t, err)
			must(t, s.SetUp(NewSettings("Citrus", "citrus", "", "Europe/Kyiv"), "Olena", "482193"))
			must(t, s.Close())
			editRaw(t, path, edit)
			s, err = Open(path, testOptions())
			must(t, err)
			defer s.Close()
			fresh, err := s.Fresh()
			if err != nil || fresh {
				t.Fatalf("a damaged store is fresh: %v, %v", fresh, err)
			}
			if ok, _ := s.Initialized(); ok {
				t.Fatal("a damaged store is set up")
			}
			if err := s.SetUp(NewSettings("Other", "generic", "", "UTC"), "Mallory", "999999"); !errors.Is(err, ErrNotFresh) {
				t.Errorf("set up over a damaged store: %v", err)
			}
		})
	}
}
