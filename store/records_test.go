package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
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

// unreadable puts bad bytes in place of the record under key in bucket and
// gives the event that last wrote it (record_events' recordKey) their hash,
// its link and the chain after it made again under the audit key (key), as
// if the program had written them: the record passes verifyRecord and
// cannot be decoded.
func unreadable(key, bucket, recKey []byte, recordKey string) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		bad := []byte("{not json")
		if err := tx.Bucket(bucket).Put(recKey, bad); err != nil {
			return err
		}
		seq := tx.Bucket(bucketRecordEvents).Get([]byte(recordKey))
		if len(seq) != 8 {
			return errors.New("no event for " + recordKey)
		}
		n := binary.BigEndian.Uint64(seq)
		if err := forgeEvent(tx, n, func(m map[string]any) { m["record_hash"] = recordHash(bad) }, true, key); err != nil {
			return err
		}
		return forgeChain(tx, n+1, key)
	}
}

// TestUnreadableRecordsAreRefusedByName: a staff account's, a till's or
// the settings' record that cannot be decoded is refused naming the
// record, in English and Ukrainian, still ErrDamaged (not taken as
// tampered, nor as a store without it), and check fails.
func TestUnreadableRecordsAreRefusedByName(t *testing.T) {
	uk := lang.For(lang.UK)
	refused := func(t *testing.T, what string, err error, en, ukText string) {
		t.Helper()
		if !errors.Is(err, ErrDamaged) || errors.Is(err, ErrTampered) || errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v, want ErrDamaged", what, err)
		}
		if got := flow.Message(err); got != en {
			t.Errorf("%s:\n got %q\nwant %q", what, got, en)
		}
		if got := flow.MessageIn(uk, err); got != ukText {
			t.Errorf("%s in Ukrainian:\n got %q\nwant %q", what, got, ukText)
		}
	}
	checkFails := func(t *testing.T, path string) {
		t.Helper()
		if _, err := CheckFile(path, CheckOptions{}); err == nil {
			t.Error("check passed an unreadable record")
		}
	}
	t.Run("staff", func(t *testing.T) {
		s, path := openTest(t)
		must(t, s.AddStaff("Maria", flow.RoleLead, "482193", "setup"))
		must(t, s.AddStaff("Ivan", flow.RoleCashier, "1111", "Maria"))
		must(t, s.Close())
		edited := copyFile(t, path)
		editRaw(t, edited, unreadable(auditKeyOf(t, edited), bucketStaff, []byte("Ivan"), "staff:Ivan"))
		s, err := Open(edited, testOptions())
		must(t, err)
		en := "the staff record of Ivan cannot be read: run returnsdesk check"
		ukText := "запис працівника Ivan не вдається прочитати: запустіть returnsdesk check"
		_, err = s.Login("ivan", "1111", t0)
		refused(t, "the login", err, en, ukText)
		_, err = s.ListStaff()
		refused(t, "the staff list", err, en, ukText)
		ok, err := s.Initialized()
		refused(t, "set up", err, en, ukText)
		if ok {
			t.Error("a store with an unreadable staff record is set up")
		}
		must(t, s.Close())
		checkFails(t, edited)
	})
	t.Run("till", func(t *testing.T) {
		edited := copyFile(t, tillStore(t))
		editRaw(t, edited, unreadable(auditKeyOf(t, edited), bucketTills, []byte("till-2"), "till:till-2"))
		s, err := Open(edited, testOptions())
		must(t, err)
		en := "the record of till till-2 cannot be read: run returnsdesk check"
		ukText := "запис каси till-2 не вдається прочитати: запустіть returnsdesk check"
		_, err = s.Tills()
		refused(t, "the tills", err, en, ukText)
		must(t, s.Close())
		checkFails(t, edited)
	})
	t.Run("settings", func(t *testing.T) {
		s, path := openTest(t)
		must(t, s.AddStaff("Maria", flow.RoleLead, "482193", "setup"))
		must(t, s.Close())
		edited := copyFile(t, path)
		editRaw(t, edited, unreadable(auditKeyOf(t, edited), bucketSettings, keySettings, "settings"))
		s, err := Open(edited, testOptions())
		must(t, err)
		en := "the store's settings cannot be read: run returnsdesk check"
		ukText := "налаштування магазину не вдається прочитати: запустіть returnsdesk check"
		_, err = s.Settings()
		refused(t, "the settings", err, en, ukText)
		ok, err := s.Initialized()
		refused(t, "set up", err, en, ukText)
		if ok {
			t.Error("a store with unreadable settings is set up")
		}
		must(t, s.Close())
		checkFails(t, edited)
	})
}

// TestPlantedPolicyIsNoFraudRule: a policy planted in the settings with
// bbolt (a passport's repeat returns never flagged) does not set the
// thresholds a saved case's flags are judged on: the save that would keep
// them in the case is refused naming the settings, the case stays as it
// was, and check still fails.
func TestPlantedPolicyIsNoFraudRule(t *testing.T) {
	s, path := deskStore(t)
	c := newCase(t0, "olena", "R-1", "")
	c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	must(t, c.Complete(flow.StepRequest))
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "request", Time: t0}))
	must(t, s.Close())
	generic, err := flow.BuiltinFile("generic")
	must(t, err)
	planted := strings.Replace(string(generic), "repeat_returns = 3", "repeat_returns = 1000", 1)
	if planted == string(generic) {
		t.Fatal("the generic policy has no repeat_returns = 3 to change")
	}
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		var m map[string]any
		if err := json.Unmarshal(b.Get(keySettings), &m); err != nil {
			return err
		}
		m["policy_text"] = planted
		v, _ := json.Marshal(m)
		return b.Put(keySettings, v)
	})
	s, err = Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	c.Documents = []flow.Document{flow.DocReceipt, flow.DocPassport}
	c.Passport = s.MaskPassport("id_card", "AB123456", "Ivan Petrenko")
	must(t, c.Complete(flow.StepDocuments))
	err = s.SaveCase(c, Event{Staff: "olena", Step: "documents", Time: t0})
	if !errors.Is(err, ErrTampered) || flow.Message(err) != "the store's settings do not match the audit trail: run returnsdesk check" {
		t.Fatalf("a case saved on the planted policy's thresholds: %v", err)
	}
	other := newCase(t0.Add(time.Minute), "olena", "R-2", "")
	if err := s.SaveCase(other, Event{Staff: "olena", Step: "sale", Time: t0}); !errors.Is(err, ErrTampered) {
		t.Errorf("a new case saved on the planted policy's thresholds: %v", err)
	}
	got, err := s.Case(c.ID)
	must(t, err)
	if got.Done.Has(flow.StepDocuments) {
		t.Error("the refused save was written")
	}
	must(t, s.Close())
	if _, err := CheckFile(edited, CheckOptions{}); err == nil {
		t.Error("check passed the planted policy")
	}
}

// auditKeyOf is the audit key beside the store file at path.
func auditKeyOf(t *testing.T, path string) []byte {
	t.Helper()
	key, err := readKey(DefaultAuditKeyFile(path))
	must(t, err)
	return key
}
