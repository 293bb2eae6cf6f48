package store

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// A store is set up once, whole: its settings and its first shift lead in
// one transaction (SetUp), and only on a store that holds nothing yet
// (Fresh). Anything else that is not a set-up store (settings without a
// lead, a staff record that cannot be read, an audit trail with no
// settings) is damage, never a new store: the first-run screen and `init`
// refuse it, so that completing them cannot rename a store, move its time
// zone or add a shift lead over what it holds.

// ErrNotFresh is SetUp's refusal of a store that holds something already.
var ErrNotFresh = flow.Errorf(flow.EConflict, "the store holds records already: only a new, empty store is set up")

// Fresh reports whether the store holds nothing yet: no settings, no staff,
// no case, no till, and no settings event on its trail (the file's own
// events of its creation aside). Only a fresh store is offered the first
// setup.
func (s *Store) Fresh() (bool, error) {
	fresh := false
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		fresh, err = freshTx(tx)
		return err
	})
	return fresh, err
}

func freshTx(tx *bolt.Tx) (bool, error) {
	bs, err := openBuckets(tx)
	if err != nil {
		return false, err
	}
	k, _ := bs.settings.Cursor().First()
	st, _ := bs.staff.Cursor().First()
	c, _ := bs.cases.Cursor().First()
	tl, _ := bs.tills.Cursor().First()
	return k == nil && st == nil && c == nil && tl == nil && !settingsEver(bs.audit), nil
}

// SetUp is a new store's first setup: its settings and its first shift
// lead, with the lead's PIN, in one transaction, refused (ErrNotFresh) on a
// store that is not Fresh. A crash leaves the store set up or fresh.
func (s *Store) SetUp(set Settings, lead, pin string) error {
	set, loc, err := checkSettings(set)
	if err != nil {
		return err
	}
	add, err := s.newStaff(StaffMember{Name: lead, Role: flow.RoleLead}, pin, lead, time.Now())
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		fresh, err := freshTx(tx)
		if err != nil {
			return err
		}
		if !fresh {
			return ErrNotFresh
		}
		if err := s.putSettingsTx(tx, set, add.rec.Name); err != nil {
			return err
		}
		return s.addStaffTx(tx, add)
	})
	if err != nil {
		return err
	}
	s.loc.Store(loc)
	s.log.Info("store set up", "store", set.StoreName, "lead", add.rec.Name)
	return nil
}

// settingsEver reports whether the trail holds an event that wrote the
// settings or a staff account: a store that was set up once, whatever its
// records say now.
func settingsEver(audit *bolt.Bucket) bool {
	c := audit.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		ev, err := decodeEvent(k, v)
		if err != nil {
			return true // an unreadable event is not a new store's either
		}
		if (ev.Kind == EventSettings || ev.Kind == EventStaff) && ev.RecordHash != "" { // "store created" writes none
			return true
		}
	}
	return false
}
