package store

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"
)

// wrongPINs types n wrong PINs for name at now; the last one's error.
func wrongPINs(t *testing.T, s *Store, name string, n int, now time.Time) error {
	t.Helper()
	var err error
	for range n {
		_, err = s.Login(name, "0000", now)
	}
	return err
}

// TestLoginLockoutsGrow: the first lockout lasts 5 minutes, the second 15,
// the third until a shift lead unlocks the account; the lockouts survive a
// restart, a right PIN in between does not forgive them, Unlock does.
func TestLoginLockoutsGrow(t *testing.T) {
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))

	var locked *LockedError
	err := wrongPINs(t, s, "Olena", flow.MaxWrongPINs, t0)
	if !errors.As(err, &locked) || locked.Lead || locked.For != 5*time.Minute || !locked.Until.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("the first lockout: %#v", err)
	}
	if want := "too many wrong PINs: Olena is locked until 14:35:00 (5 minutes)"; flow.Message(err) != want {
		t.Errorf("the first lockout says %q, want %q", flow.Message(err), want)
	}
	must2(s.Login("Olena", "5678", t0.Add(5*time.Minute))) // the lock ended: a right PIN

	at := t0.Add(time.Hour)
	err = wrongPINs(t, s, "Olena", flow.MaxWrongPINs, at)
	if !errors.As(err, &locked) || locked.For != 15*time.Minute || !locked.Until.Equal(at.Add(15*time.Minute)) {
		t.Fatalf("the second lockout: %#v", err)
	}
	if _, err := s.Login("Olena", "5678", at.Add(14*time.Minute)); !errors.As(err, &locked) {
		t.Errorf("the right PIN 14 minutes into the second lockout: %v", err)
	}

	// the lockouts are in the store: a restart keeps them
	must(t, s.Close())
	s, err = Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s)

	at = at.Add(15 * time.Minute)
	err = wrongPINs(t, s, "Olena", flow.MaxWrongPINs, at)
	if !errors.As(err, &locked) || !locked.Lead || !locked.Until.IsZero() {
		t.Fatalf("the third lockout: %#v", err)
	}
	if want := "too many wrong PINs: Olena is locked until a shift lead unlocks the account"; flow.Message(err) != want {
		t.Errorf("the third lockout says %q, want %q", flow.Message(err), want)
	}
	if uk := flow.MessageIn(lang.For(lang.UK), err); uk != "забагато неправильних PIN-кодів: Olena заблоковано, розблокує старший зміни" {
		t.Errorf("the third lockout in Ukrainian: %q", uk)
	}
	if _, err := s.Login("Olena", "5678", at.Add(72*time.Hour)); !errors.As(err, &locked) || !locked.Lead {
		t.Errorf("the right PIN three days on: %v", err)
	}
	if m := staffOf(t, s, "Olena"); !m.LockedForLead {
		t.Errorf("the account reads %+v, not locked until a lead unlocks it", m)
	}

	must(t, s.Unlock("olena", "Maria"))
	if m := staffOf(t, s, "Olena"); m.LockedForLead || !m.LockedUntil.IsZero() {
		t.Errorf("unlocked, the account reads %+v", m)
	}
	must2(s.Login("Olena", "5678", at.Add(72*time.Hour)))
	// the lead's unlock forgave the lockouts: the next is a first one again
	err = wrongPINs(t, s, "Olena", flow.MaxWrongPINs, at.Add(73*time.Hour))
	if !errors.As(err, &locked) || locked.For != 5*time.Minute {
		t.Errorf("the lockout after an unlock: %#v", err)
	}
}

// TestLoginLockoutsForgivenAfterADay: a day after a lockout began without
// another, the next lockout is a first one again.
func TestLoginLockoutsForgivenAfterADay(t *testing.T) {
	s, _ := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))
	var locked *LockedError
	for i, at := range []time.Time{t0, t0.Add(24 * time.Hour), t0.Add(48 * time.Hour)} {
		err := wrongPINs(t, s, "Olena", flow.MaxWrongPINs, at)
		if !errors.As(err, &locked) || locked.For != 5*time.Minute {
			t.Fatalf("lockout %d, a day after the one before: %#v", i+1, err)
		}
	}
	err := wrongPINs(t, s, "Olena", flow.MaxWrongPINs, t0.Add(48*time.Hour+time.Hour))
	if !errors.As(err, &locked) || locked.For != 15*time.Minute {
		t.Errorf("a lockout an hour after the one before: %#v", err)
	}
}

// TestUnlock: a shift lead's unlock is on the audit trail, in a language;
// a cashier may not unlock, nor a lead their own account.
func TestUnlock(t *testing.T) {
	s, _ := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Petro", flow.RoleLead, "654321", "Maria"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))
	for i := range flow.LeadLockout {
		_ = wrongPINs(t, s, "Olena", flow.MaxWrongPINs, t0.Add(time.Duration(i)*time.Hour))
	}

	if err := s.Unlock("Olena", "Olena"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier's unlock: %v", err)
	}
	if err := s.Unlock("Olena", "Nobody"); !errors.Is(err, ErrNotLead) {
		t.Errorf("an unknown name's unlock: %v", err)
	}
	if err := s.Unlock("Nobody", "Maria"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unlocking an unknown account: %v", err)
	}
	if err := s.Unlock("maria", "Maria"); flow.ErrorCode(err) != flow.EForbidden {
		t.Errorf("a lead unlocking their own account: %v", err)
	}
	seq, _, err := s.Head()
	must(t, err)
	must(t, s.Unlock("Olena", "petro"))
	evs, err := s.Events(seq, 10)
	must(t, err)
	if len(evs) != 1 {
		t.Fatalf("the unlock wrote %d events: %+v", len(evs), evs)
	}
	ev := evs[0]
	if ev.Kind != EventStaff || ev.Staff != "Petro" || ev.Subject != "Olena" || ev.Detail != "unlocked Olena" {
		t.Errorf("the unlock's event: %+v", ev)
	}
	if uk := ev.DetailIn(lang.For(lang.UK)); uk != "розблоковано: Olena" {
		t.Errorf("the unlock's event in Ukrainian: %q", uk)
	}
	must2(s.Login("Olena", "5678", t0.Add(3*time.Hour)))
}

// TestLeadPINRule: a lead's PIN is 6 to 12 digits when it is set (AddStaff,
// SetPIN); a lead's shorter PIN kept from before the rule still logs in.
func TestLeadPINRule(t *testing.T) {
	s, _ := openTest(t)
	if err := s.AddStaff("Maria", flow.RoleLead, "1234", "setup"); !errors.Is(err, flow.ErrLeadPIN) {
		t.Errorf("a lead with four digits: %v", err)
	}
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))
	if err := s.SetPIN("Maria", "4321", "Maria"); !errors.Is(err, flow.ErrLeadPIN) {
		t.Errorf("a lead's new PIN of four digits: %v", err)
	}
	must(t, s.SetPIN("Olena", "4321", "Maria")) // a cashier's four digits are enough
	must(t, s.SetPIN("Maria", "654321", "Maria"))
	must2(s.Login("Maria", "654321", t0))

	// a store from before the rule, as its version wrote it: Maria's PIN is
	// four digits, her record without lockouts, locked for a while by four
	// wrong PINs and a fifth
	old, err := bcrypt.GenerateFromPassword([]byte("4821"), bcrypt.MinCost)
	must(t, err)
	must(t, s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStaff)
		var m map[string]any
		if err := json.Unmarshal(b.Get([]byte("Maria")), &m); err != nil {
			return err
		}
		m["pin_hash"], m["failures"] = old, 4
		delete(m, "lockouts")
		delete(m, "locked_at")
		v, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := b.Put([]byte("Maria"), v); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Staff: "Maria", Kind: EventLogin, Subject: "Maria", RecordHash: recordHash(v)})
		return err
	}))
	var locked *LockedError
	if _, err := s.Login("Maria", "0000", t0); !errors.As(err, &locked) || locked.For != 5*time.Minute {
		t.Fatalf("the fifth wrong PIN of an old record: %#v", err)
	}
	if m, err := s.Login("Maria", "4821", t0.Add(5*time.Minute)); err != nil || m.Role != flow.RoleLead {
		t.Errorf("a lead's four-digit PIN from before the rule: %+v %v", m, err)
	}
}

// TestOldStaffRecordReads: a staff record written before lockouts were
// counted reads as none, its lock as it was.
func TestOldStaffRecordReads(t *testing.T) {
	raw := `{"name":"Olena","role":"cashier","pin_hash":"JDJh","added":"2024-03-01T10:00:00Z","added_by":"Maria",` +
		`"failures":2,"locked_until":"2024-03-15T12:35:00Z"}`
	var rec staffRecord
	must(t, json.Unmarshal([]byte(raw), &rec))
	until := time.Date(2024, 3, 15, 12, 35, 0, 0, time.UTC)
	if l := rec.lock(); l != (flow.Lock{Wrong: 2, Until: until}) {
		t.Errorf("the old record's lock: %+v", l)
	}
	if m := rec.member(); m.LockedForLead || !m.LockedUntil.Equal(until) {
		t.Errorf("the old record reads %+v", m)
	}
	// and a record with nothing to count writes no new field
	rec.setLock(flow.Lock{})
	v, err := json.Marshal(&rec)
	must(t, err)
	var m map[string]any
	must(t, json.Unmarshal(v, &m))
	for _, k := range []string{"lockouts", "locked_at", "locked_until", "failures"} {
		if _, ok := m[k]; ok {
			t.Errorf("an unlocked record writes %q: %s", k, v)
		}
	}
}

// staffOf is the staff account name reads as.
func staffOf(t *testing.T, s *Store, name string) StaffMember {
	t.Helper()
	m, err := s.Staff(name)
	must(t, err)
	return m
}
