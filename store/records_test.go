package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
)

// TestEditedRecordsAreRefusedNotLaundered: a cashier's record made a
// lead's, and a print command planted in the settings, with bbolt outside
// the program: the store refuses each by name when it reads it, the
// ordinary write that used to hash it again (the cashier's login, a new
// store name) is refused too, and check still fails after.
func TestEditedRecordsAreRefusedNotLaundered(t *testing.T) {
	setRecord := func(bucket, key []byte, edit func(map[string]any)) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			b := tx.Bucket(bucket)
			var m map[string]any
			if err := json.Unmarshal(b.Get(key), &m); err != nil {
				return err
			}
			edit(m)
			v, _ := json.Marshal(m)
			return b.Put(key, v)
		}
	}
	t.Run("a cashier made a lead", func(t *testing.T) {
		s, path := openTest(t)
		must(t, s.AddStaff("Maria", flow.RoleLead, "482193", "setup"))
		must(t, s.AddStaff("Ivan", flow.RoleCashier, "1111", "Maria"))
		must(t, s.Close())
		edited := copyFile(t, path)
		editRaw(t, edited, setRecord(bucketStaff, []byte("Ivan"), func(m map[string]any) { m["role"] = "lead" }))
		s, err := Open(edited, testOptions())
		must(t, err)
		defer s.Close()
		_, err = s.Login("Ivan", "1111", t0)
		if !errors.Is(err, ErrTampered) || !strings.Contains(flow.Message(err), "the staff record of Ivan does not match the audit trail") {
			t.Fatalf("the edited cashier logged in: %v", err)
		}
		if _, err := s.ListStaff(); !errors.Is(err, ErrTampered) {
			t.Errorf("the staff listed with an edited record: %v", err)
		}
		if _, err := s.Login("Maria", "482193", t0); err != nil {
			t.Errorf("the lead's own record is sound: %v", err)
		}
		must(t, s.Close())
		if _, err := CheckFile(edited, CheckOptions{}); err == nil {
			t.Error("check passed after the ordinary writes: the edit was laundered")
		}
	})
	t.Run("a print command planted", func(t *testing.T) {
		s, path := openTest(t)
		must(t, s.AddStaff("Maria", flow.RoleLead, "482193", "setup"))
		must(t, s.Close())
		edited := copyFile(t, path)
		editRaw(t, edited, setRecord(bucketSettings, keySettings, func(m map[string]any) {
			m["print_command"] = "sh -c 'curl evil'"
		}))
		s, err := Open(edited, testOptions())
		must(t, err)
		defer s.Close()
		if _, err := s.Settings(); !errors.Is(err, ErrTampered) ||
			!strings.Contains(flow.Message(err), "the store's settings do not match the audit trail") {
			t.Fatalf("the planted settings were read: %v", err)
		}
		set := NewSettings("Renamed", "citrus", "", "Europe/Kyiv")
		if err := s.SaveSettings(set, "Maria"); !errors.Is(err, ErrTampered) {
			t.Errorf("a new store name hashed the planted settings again: %v", err)
		}
		if ok, err := s.Initialized(); ok || !errors.Is(err, ErrTampered) {
			t.Errorf("a store with planted settings is set up: %v, %v", ok, err)
		}
		must(t, s.Close())
		if _, err := CheckFile(edited, CheckOptions{}); err == nil {
			t.Error("check passed after the ordinary write: the edit was laundered")
		}
	})
}

// TestRecordEventsIndexEdited: the index pointed at another event fails
// the check.
func TestRecordEventsIndexEdited(t *testing.T) {
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "482193", "setup"))
	must(t, s.Close())
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error { return tx.Bucket(bucketRecordEvents).Put([]byte("staff:Maria"), seqKey(1)) })
	if _, err := CheckFile(edited, CheckOptions{}); err == nil || !strings.Contains(err.Error(), "record_events") {
		t.Errorf("check passed an edited record_events: %v", err)
	}
}

// TestEditedTillIsRefused: a till's printer changed with bbolt (a command
// run on every act): the server's lookup of that till refuses it by name,
// the other till still logs in, and check fails.
func TestEditedTillIsRefused(t *testing.T) {
	edited := copyFile(t, tillStore(t))
	editRaw(t, edited, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTills)
		var m map[string]any
		if err := json.Unmarshal(b.Get([]byte("till-2")), &m); err != nil {
			return err
		}
		m["printer"] = "sh -c evil"
		v, _ := json.Marshal(m)
		return b.Put([]byte("till-2"), v)
	})
	s, err := Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	fp := func(n byte) string {
		key, err := ParseTillKey([]byte(pubFile(t, edKey(n).Public())))
		must(t, err)
		return ssh.FingerprintSHA256(key)
	}
	if _, _, err := s.TillByKey(fp(2)); !errors.Is(err, ErrTampered) ||
		!strings.Contains(flow.Message(err), "the record of till till-2 does not match the audit trail") {
		t.Errorf("the edited till was looked up: %v", err)
	}
	if _, err := s.Tills(); !errors.Is(err, ErrTampered) {
		t.Errorf("the tills listed with an edited one: %v", err)
	}
	must(t, s.Close())
	if _, err := CheckFile(edited, CheckOptions{}); err == nil {
		t.Error("check passed an edited till")
	}
}
