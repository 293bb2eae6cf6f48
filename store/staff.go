package store

import (
	"encoding/json"
	"errors"
	"sort"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"
)

// StaffMember is a staff account as callers see it: never the PIN's hash.
type StaffMember struct {
	Name        string
	Role        flow.Role
	Added       time.Time
	AddedBy     string
	LockedUntil time.Time // zero unless too many wrong PINs locked the account for a while
	// LockedForLead: too many lockouts locked the account until a shift
	// lead unlocks it (Unlock).
	LockedForLead bool
	// Language is the language the staff member prefers for their own
	// screens (a lang code); "" is the till's, else the store's.
	Language lang.Lang
	// Deactivated is when a shift lead (DeactivatedBy) deactivated the
	// account (Deactivate): it cannot log in; its cases and history stay.
	// Zero for an active account.
	Deactivated   time.Time
	DeactivatedBy string
}

// Active: the account may log in (not deactivated).
func (m StaffMember) Active() bool { return m.Deactivated.IsZero() }

// staffRecord is a staff account as stored.
type staffRecord struct {
	Name        string    `json:"name"`
	Role        flow.Role `json:"role"`
	PINHash     []byte    `json:"pin_hash"` // bcrypt
	Added       time.Time `json:"added"`
	AddedBy     string    `json:"added_by"`
	Failures    int       `json:"failures,omitempty"` // wrong PINs in a row
	LockedUntil time.Time `json:"locked_until,omitzero"`
	// lockouts not forgiven yet, and when the last began (flow.Lock); a
	// record from before them has none
	Lockouts int       `json:"lockouts,omitempty"`
	LockedAt time.Time `json:"locked_at,omitzero"`
	Language lang.Lang `json:"language,omitempty"` // "": the till's or the store's
	// a deactivated account (Deactivate): when and by whom; a record
	// without them is active
	DeactivatedAt time.Time `json:"deactivated_at,omitzero"`
	DeactivatedBy string    `json:"deactivated_by,omitempty"`
}

func (r *staffRecord) member() StaffMember {
	return StaffMember{Name: r.Name, Role: r.Role, Added: r.Added, AddedBy: r.AddedBy, LockedUntil: r.LockedUntil,
		LockedForLead: r.lock().ForLead(), Language: r.Language, Deactivated: r.DeactivatedAt,
		DeactivatedBy: r.DeactivatedBy}
}

// lock is the record's wrong PINs and lockouts.
func (r *staffRecord) lock() flow.Lock {
	return flow.Lock{Wrong: r.Failures, Lockouts: r.Lockouts, Since: r.LockedAt, Until: r.LockedUntil}
}

// setLock keeps l in the record, its times in UTC.
func (r *staffRecord) setLock(l flow.Lock) {
	r.Failures, r.Lockouts = l.Wrong, l.Lockouts
	r.LockedAt, r.LockedUntil = utcOrZero(l.Since), utcOrZero(l.Until)
}

func utcOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// lockedErr is the refusal of a login to the locked account of rec.
func (s *Store) lockedErr(rec *staffRecord) *LockedError {
	l := rec.lock()
	if l.ForLead() {
		return &LockedError{Name: rec.Name, Lead: true}
	}
	return &LockedError{Name: rec.Name, Until: rec.LockedUntil.In(s.Location()), For: l.Length()}
}

// AddStaff adds a staff account with its PIN (kept as a slow salted bcrypt
// hash). by is who added it, recorded in the audit trail. The account has no
// language of its own: its screens are the till's or the store's.
func (s *Store) AddStaff(name string, role flow.Role, pin string, by string) error {
	return s.AddStaffMember(StaffMember{Name: name, Role: role}, pin, by)
}

// AddStaffMember adds m's account (its Name, Role and Language; "" is the
// till's or the store's, else one of lang.Langs) with its PIN, as AddStaff
// does.
func (s *Store) AddStaffMember(m StaffMember, pin string, by string) error {
	add, err := s.newStaff(m, pin, by, time.Now())
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error { return s.addStaffTx(tx, add) })
	if err == nil {
		s.log.Info("staff added", "name", add.rec.Name, "role", string(add.rec.Role), "by", by)
	}
	return err
}

// staffAdded is a new account, checked and its PIN hashed, and the words
// of its event.
type staffAdded struct {
	rec   staffRecord
	words *EventWords
	by    string
	now   time.Time
}

// newStaff checks a new account (AddStaffMember) and hashes its PIN: the
// slow part, outside any transaction.
func (s *Store) newStaff(m StaffMember, pin, by string, now time.Time) (staffAdded, error) {
	name, role := normStaff(m.Name), m.Role
	if err := flow.CheckStaffName(name); err != nil {
		return staffAdded{}, err
	}
	if err := flow.CheckRole(role); err != nil {
		return staffAdded{}, err
	}
	if m.Language != "" {
		l, err := lang.Parse(string(m.Language))
		if err != nil {
			return staffAdded{}, flow.Errorf(flow.EInvalid, "the language of the staff member's screens: %q is not a language of "+
				"the kiosk: uk (Ukrainian) or en (English)", m.Language)
		}
		m.Language = l
	}
	if err := flow.CheckPINFor(role, pin); err != nil {
		return staffAdded{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pin), s.opts.PINCost)
	if err != nil {
		return staffAdded{}, err
	}
	rec := staffRecord{Name: name, Role: role, PINHash: hash, Added: now.UTC(), AddedBy: by, Language: m.Language}
	words := []*EventWords{Said("added %s as %s", name, role)}
	if m.Language != "" {
		words = append(words, Said(", screens in %s", m.Language))
	}
	return staffAdded{rec: rec, words: Joined("", words...), by: by, now: now}, nil
}

// addStaffTx keeps a new account and its event, in tx.
func (s *Store) addStaffTx(tx *bolt.Tx, add staffAdded) error {
	b, err := bucket(tx, bucketStaff)
	if err != nil {
		return err
	}
	if keys := sameStaff(b, add.rec.Name); len(keys) > 0 { // "olena" is Olena: a login could not tell them apart
		return flow.Errorf(flow.EConflict, "there is already a staff member called %s", keys[0])
	}
	h, err := putStaff(b, &add.rec)
	if err != nil {
		return err
	}
	_, err = appendEvent(tx, Event{Time: add.now, Staff: add.by, Terminal: s.terminal, Kind: EventStaff,
		Subject: add.rec.Name, RecordHash: h, Words: add.words})
	return err
}

// SetPIN gives a staff member a new PIN (the rule of their role:
// flow.CheckPINFor) and unlocks the account, its lockouts forgiven: a shift
// lead's answer to a forgotten PIN. by must be an active shift lead
// (ErrNotLead), who may set their own.
func (s *Store) SetPIN(name, pin, by string) error {
	if err := flow.CheckPIN(pin); err != nil { // the least rule, before the slow hash
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pin), s.opts.PINCost)
	if err != nil {
		return err
	}
	return s.leadChangesStaff(name, by, flow.ChangePIN, func(_, rec *staffRecord) (*EventWords, error) {
		if err := flow.CheckPINFor(rec.Role, pin); err != nil {
			return nil, err
		}
		rec.PINHash = hash
		rec.setLock(flow.Lock{})
		return Said("new PIN for %s", rec.Name), nil
	})
}

// Unlock unlocks the account name names, its lockouts forgiven (its PIN
// stays): a shift lead's (by's) answer to an account locked until a lead
// unlocks it (StaffMember.LockedForLead), or locked for a while. The audit
// trail records it. by must be an active shift lead other than name
// (ErrNotLead).
func (s *Store) Unlock(name, by string) error {
	return s.leadChangesStaff(name, by, flow.ChangeUnlock, func(_, rec *staffRecord) (*EventWords, error) {
		rec.setLock(flow.Lock{})
		return Said("unlocked %s", rec.Name), nil
	})
}

// Deactivate deactivates the account name names: it can no longer log in;
// its cases and the trail stay as they are. by must be a shift lead other
// than name (ErrNotLead), and the store keeps at least one active shift
// lead. The audit trail records it.
func (s *Store) Deactivate(name, by string) error {
	now := time.Now().UTC()
	return s.leadChangesStaff(name, by, flow.ChangeDeactivate, func(lead, rec *staffRecord) (*EventWords, error) {
		rec.DeactivatedAt, rec.DeactivatedBy = now, lead.Name
		return Said("deactivated %s", rec.Name), nil
	})
}

// Reactivate makes a deactivated account active again, as a shift lead
// (by) other than name may; the audit trail records it.
func (s *Store) Reactivate(name, by string) error {
	return s.leadChangesStaff(name, by, flow.ChangeReactivate, func(_, rec *staffRecord) (*EventWords, error) {
		rec.DeactivatedAt, rec.DeactivatedBy = time.Time{}, ""
		return Said("reactivated %s", rec.Name), nil
	})
}

// leadChangesStaff makes change to the account name names as by, an active
// shift lead (ErrNotLead otherwise), in one transaction: flow's rule of the
// change (CheckStaffChange), then edit, by the lead, on the record, which is written
// again with a staff event of edit's words on the trail.
func (s *Store) leadChangesStaff(name, by string, change flow.StaffChange,
	edit func(lead, rec *staffRecord) (*EventWords, error)) error {
	name, by = normStaff(name), normStaff(by)
	return s.update(func(tx *bolt.Tx) error {
		lead, err := activeLeadTx(tx, by)
		if err != nil {
			return err
		}
		b, rec, err := getStaff(tx, name)
		if err != nil {
			return err
		}
		leads := 0
		if err := eachStaff(tx, func(r *staffRecord) {
			if r.Role == flow.RoleLead && r.DeactivatedAt.IsZero() {
				leads++
			}
		}); err != nil {
			return err
		}
		if err := flow.CheckStaffChange(change, lead.Name, rec.Name, rec.Role, rec.DeactivatedAt.IsZero(), leads); err != nil {
			return err
		}
		words, err := edit(lead, rec)
		if err != nil {
			return err
		}
		h, err := putStaff(b, rec)
		if err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Staff: lead.Name, Terminal: s.terminal, Kind: EventStaff, Subject: rec.Name,
			RecordHash: h, Words: words})
		return err
	})
}

// activeLeadTx is the record of by, a shift lead whose account is active
// (ErrNotLead otherwise).
func activeLeadTx(tx *bolt.Tx, by string) (*staffRecord, error) {
	if err := leadTx(tx, by); err != nil {
		return nil, err
	}
	_, lead, err := getStaff(tx, by)
	if err != nil {
		return nil, err
	}
	if !lead.DeactivatedAt.IsZero() {
		return nil, refine(ErrNotLead, nil, "%s's account is deactivated: only a shift lead may do this", lead.Name)
	}
	return lead, nil
}

// getStaff reads the staff account name names (staffKey: letter case
// aside); its record's Name is the account's name as the store keeps it.
func getStaff(tx *bolt.Tx, name string) (*bolt.Bucket, *staffRecord, error) {
	b, err := bucket(tx, bucketStaff)
	if err != nil {
		return nil, nil, err
	}
	var k, v []byte
	if k = staffKey(b, name); k != nil {
		v = b.Get(k)
	}
	if v == nil {
		return b, nil, refine(ErrNotFound, nil, "there is no staff member called %s", name)
	}
	if err := verifyRecord(tx, "staff:"+string(k), v, staffTampered(string(k))); err != nil {
		return b, nil, err
	}
	var rec staffRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return b, nil, staffUnreadable(string(k), err)
	}
	return b, &rec, nil
}

// staffKey is the key of the staff account name names: the account of that
// very name, else the one account whose name is the same but for letter
// case and surrounding spaces (flow.SamePerson), so that "olena" logs in
// as Olena; nil when there is none, or more than one such (accounts added
// before names were matched so, which only their own spelling tells
// apart). The key is the transaction's: copy it to keep it.
func staffKey(b *bolt.Bucket, name string) []byte {
	if b.Get([]byte(name)) != nil {
		return []byte(name)
	}
	if keys := sameStaff(b, name); len(keys) == 1 {
		return keys[0]
	}
	return nil
}

// sameStaff are the keys of the staff accounts whose names are name but
// for letter case and surrounding spaces.
func sameStaff(b *bolt.Bucket, name string) [][]byte {
	var keys [][]byte
	_ = b.ForEach(func(k, _ []byte) error {
		if flow.SamePerson(string(k), name) {
			keys = append(keys, k)
		}
		return nil
	})
	return keys
}

// putStaff stores a staff account and returns the hash its event records.
func putStaff(b *bolt.Bucket, rec *staffRecord) (string, error) {
	v, err := json.Marshal(rec)
	if err != nil {
		return "", err
	}
	return recordHash(v), b.Put([]byte(rec.Name), v)
}

// Staff reads one staff account.
func (s *Store) Staff(name string) (StaffMember, error) {
	var m StaffMember
	err := s.view(func(tx *bolt.Tx) error {
		_, rec, err := getStaff(tx, normStaff(name))
		if err != nil {
			return err
		}
		m = rec.member()
		return nil
	})
	return m, err
}

// eachStaff calls fn with every staff record of tx, in name order; a record
// that cannot be read is damage.
func eachStaff(tx *bolt.Tx, fn func(*staffRecord)) error {
	b, err := bucket(tx, bucketStaff)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		if err := verifyRecord(tx, "staff:"+string(k), v, staffTampered(string(k))); err != nil {
			return err
		}
		var rec staffRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return staffUnreadable(string(k), err)
		}
		fn(&rec)
		return nil
	})
}

// ListStaff lists every staff account by name.
func (s *Store) ListStaff() ([]StaffMember, error) {
	var out []StaffMember
	err := s.view(func(tx *bolt.Tx) error {
		return eachStaff(tx, func(rec *staffRecord) { out = append(out, rec.member()) })
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// Initialized reports whether the store is set up: it has its settings and
// at least one shift lead. It reads both in one transaction.
func (s *Store) Initialized() (bool, error) {
	ok := false
	err := s.view(func(tx *bolt.Tx) error {
		set, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v := set.Get(keySettings)
		if v == nil {
			return nil
		}
		if err := verifyRecord(tx, "settings", v, settingsTampered); err != nil {
			return err
		}
		if err := json.Unmarshal(v, &Settings{}); err != nil {
			return settingsUnreadable(err)
		}
		return eachStaff(tx, func(rec *staffRecord) { ok = ok || rec.Role == flow.RoleLead })
	})
	return ok, err
}

// Login checks a staff member's PIN at now. flow.MaxWrongPINs wrong PINs in
// a row lock the account (*LockedError says until when): for
// flow.LockoutFor the first time, longer the next, until a shift lead
// unlocks it (Unlock) the last (flow.Lock). A right PIN resets the count of
// wrong PINs, not the lockouts (a day without one forgives them). Both are
// kept in the store, so a restart does not clear them. Every attempt is
// recorded in the audit trail.
func (s *Store) Login(name, pin string, now time.Time) (StaffMember, error) {
	name = normStaff(name)
	// the slow hash is compared outside the write transaction, which would
	// otherwise hold up every terminal's saves for its whole length
	var hash []byte
	var rec0 *staffRecord
	err := s.view(func(tx *bolt.Tx) error {
		_, rec, err := getStaff(tx, name)
		if err != nil {
			return err
		}
		rec0, hash = rec, rec.PINHash
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return StaffMember{}, ErrBadLogin
	}
	if err != nil {
		return StaffMember{}, err
	}
	name = rec0.Name // "olena" typed is Olena: the trail names the account
	if !rec0.DeactivatedAt.IsZero() {
		s.log.Info("login refused", "name", name, "reason", "deactivated")
		return StaffMember{}, refine(ErrDeactivated, nil,
			"%s's account is deactivated: a shift lead can reactivate it", name)
	}
	if rec0.lock().Locked(now) {
		return StaffMember{}, s.lockedErr(rec0)
	}
	right := bcrypt.CompareHashAndPassword(hash, []byte(pin)) == nil

	var member StaffMember
	var result error
	err = s.update(func(tx *bolt.Tx) error {
		b, rec, err := getStaff(tx, name)
		if err != nil {
			return err
		}
		var words *EventWords
		switch {
		case rec.lock().Locked(now): // locked by another terminal meanwhile
			result = s.lockedErr(rec)
			return nil
		case right:
			rec.setLock(rec.lock().RightPIN())
			words = Said("logged in")
			member = rec.member()
		default:
			words, result = s.wrongPIN(rec, now)
		}
		h, err := putStaff(b, rec)
		if err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: name, Terminal: s.terminal, Kind: EventLogin,
			Subject: name, RecordHash: h, Words: words})
		return err
	})
	if err != nil {
		return StaffMember{}, err
	}
	if result != nil {
		s.log.Info("login refused", "name", name, "reason", result.Error())
		return StaffMember{}, result
	}
	return member, nil
}

// wrongPIN counts a wrong PIN at now in rec: the event's words and the
// login's refusal, a *LockedError when it locks the account.
func (s *Store) wrongPIN(rec *staffRecord, now time.Time) (*EventWords, error) {
	l := rec.lock().WrongPIN(now)
	rec.setLock(l)
	switch {
	case l.ForLead():
		return Said("wrong PIN %d times: locked until a shift lead unlocks the account", flow.MaxWrongPINs),
			s.lockedErr(rec)
	case l.Locked(now):
		return Said("wrong PIN %d times: locked until %s", flow.MaxWrongPINs, stamp(rec.LockedUntil.In(s.Location()))),
			s.lockedErr(rec)
	}
	return Said("wrong PIN (%d of %d)", rec.Failures, flow.MaxWrongPINs), ErrBadLogin
}

// DefaultPINCost is the bcrypt cost of a new PIN's hash: one check takes
// about 100 ms on the store's two-core machine (140-150 ms measured at 11,
// 70 ms at bcrypt's default 10: BenchmarkPINCheck), so that guessing a
// lead's six digits from a stolen backup takes about a day of both cores.
// A login waits that long once; hashes made at another cost still check.
const DefaultPINCost = 11
