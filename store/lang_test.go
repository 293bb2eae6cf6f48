package store

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// rawRecord is the stored bytes of key in bucket name.
func rawRecord(t *testing.T, s *Store, name, key []byte) []byte {
	t.Helper()
	var out []byte
	must(t, s.db.View(func(tx *bolt.Tx) error {
		out = copyBytes(tx.Bucket(name).Get(key))
		return nil
	}))
	return out
}

// lastDetail is the detail of the trail's last event.
func lastDetail(t *testing.T, s *Store) string {
	t.Helper()
	evs, err := s.Events(0, 1000)
	must(t, err)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	return evs[len(evs)-1].Detail
}

// TestLanguages: the store's, a till's and a staff member's language are
// kept and checked, records without one (as written before) read as the
// store's Ukrainian, each change is on the trail, and check passes.
func TestLanguages(t *testing.T) {
	s, _ := openTest(t) // settings saved without a language, as an old store has them

	t.Run("an_old_store_reads_as_ukrainian", func(t *testing.T) {
		raw := rawRecord(t, s, bucketSettings, keySettings)
		if bytes.Contains(raw, []byte("language")) {
			t.Fatalf("settings without a language are stored with one: %s", raw)
		}
		set, err := s.Settings()
		must(t, err)
		if set.Language != "" || set.Lang() != lang.UK {
			t.Fatalf("language %q reads %q, want \"\" reading uk", set.Language, set.Lang())
		}
	})

	t.Run("a_new_store_is_ukrainian", func(t *testing.T) {
		if l := NewSettings("Kyiv 1", "generic", "", "Europe/Kyiv").Language; l != lang.Default {
			t.Fatalf("NewSettings' language %q, want %q", l, lang.Default)
		}
	})

	t.Run("an_unknown_language_is_refused", func(t *testing.T) {
		set, err := s.Settings()
		must(t, err)
		set.Language = "de"
		err = s.SaveSettings(set, "Maria")
		if flow.ErrorCode(err) != flow.EInvalid || !strings.Contains(flow.Message(err), "language") {
			t.Fatalf("language de: %v, want refused naming the language", err)
		}
		if got, _ := s.Settings(); got.Language != "" {
			t.Fatalf("a refused language was saved: %q", got.Language)
		}
	})

	t.Run("english_is_saved_and_on_the_trail", func(t *testing.T) {
		set, err := s.Settings()
		must(t, err)
		set.Language = "EN"
		must(t, s.SaveSettings(set, "Maria"))
		got, err := s.Settings()
		must(t, err)
		if got.Language != lang.EN || got.Lang() != lang.EN {
			t.Fatalf("language %q, want en", got.Language)
		}
		if d := lastDetail(t, s); d != `language "uk" -> "en"` {
			t.Fatalf("the event says %q", d)
		}
	})

	t.Run("a_till_of_its_own_language", func(t *testing.T) {
		must(t, s.AddTill(Till{Name: "till-1", PublicKey: pubFile(t, edKey(1).Public()), Language: "uk"}, "Maria", t0))
		must(t, s.AddTill(Till{Name: "till-2", PublicKey: pubFile(t, edKey(2).Public())}, "Maria", t0))
		err := s.AddTill(Till{Name: "till-3", PublicKey: pubFile(t, edKey(3).Public()), Language: "ru"}, "Maria", t0)
		if flow.ErrorCode(err) != flow.EInvalid || !strings.Contains(flow.Message(err), "language") {
			t.Fatalf("a till in ru: %v, want refused naming the language", err)
		}
		tills, err := s.Tills()
		must(t, err)
		if len(tills) != 2 || tills[0].Language != lang.UK || tills[1].Language != "" {
			t.Fatalf("tills %+v", tills)
		}
		if raw := rawRecord(t, s, bucketTills, []byte("till-2")); bytes.Contains(raw, []byte("language")) {
			t.Fatalf("a till without a language is stored with one: %s", raw)
		}
	})

	t.Run("a_staff_member_prefers_english", func(t *testing.T) {
		must(t, s.AddStaffMember(StaffMember{Name: "Maria", Role: flow.RoleLead, Language: "en"}, "123456", "setup"))
		if d := lastDetail(t, s); d != "added Maria as lead, screens in en" {
			t.Fatalf("the event says %q", d)
		}
		must(t, s.AddStaff("Ivan", flow.RoleCashier, "1111", "Maria"))
		err := s.AddStaffMember(StaffMember{Name: "Petro", Role: flow.RoleCashier, Language: "pl"}, "1111", "Maria")
		if flow.ErrorCode(err) != flow.EInvalid || !strings.Contains(flow.Message(err), "language") {
			t.Fatalf("a staff member in pl: %v, want refused naming the language", err)
		}
		if m, err := s.Login("Maria", "123456", t0); err != nil || m.Language != lang.EN {
			t.Fatalf("login: %+v %v, want Maria in en", m, err)
		}
		if m, err := s.Staff("Ivan"); err != nil || m.Language != "" {
			t.Fatalf("Ivan: %+v %v, want no language of his own", m, err)
		}
		if raw := rawRecord(t, s, bucketStaff, []byte("Ivan")); bytes.Contains(raw, []byte("language")) {
			t.Fatalf("a staff member without a language is stored with one: %s", raw)
		}
	})

	t.Run("records_written_before_read_fine", func(t *testing.T) {
		var set Settings
		must(t, json.Unmarshal([]byte(`{"store_name":"Old","policy_name":"generic","time_zone":"Europe/Kyiv"}`), &set))
		var till Till
		must(t, json.Unmarshal([]byte(`{"name":"till-9","public_key":"ssh-ed25519 AAAA","fingerprint":"SHA256:x"}`), &till))
		var rec staffRecord
		must(t, json.Unmarshal([]byte(`{"name":"Oksana","role":"cashier","pin_hash":""}`), &rec))
		if set.Lang() != lang.UK || till.Language != "" || rec.member().Language != "" {
			t.Fatalf("old records read %q, %q, %q", set.Lang(), till.Language, rec.member().Language)
		}
	})

	rep, err := s.Check(CheckOptions{})
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if rep.Tills != 2 {
		t.Fatalf("check counted %d tills", rep.Tills)
	}
}
