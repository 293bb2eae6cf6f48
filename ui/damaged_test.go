package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// TestDamagedStoreIsNoFirstRun: a store whose staff record was damaged
// outside the program is refused in words; the first-run screen, which
// would rename the store and add a shift lead over it, is never offered,
// and nothing is written.
func TestDamagedStoreIsNoFirstRun(t *testing.T) {
	for _, l := range lang.Langs {
		t.Run(string(l), func(t *testing.T) {
			r := newRoot(t, "citrus")
			if l != lang.EN {
				r.speaks(l)
			}
			path := filepath.Join(r.dir, store.FileName)
			must(t, r.st.Close())
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			must(t, err)
			must(t, db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("staff")).Put([]byte("Olena"), []byte("{")) }))
			must(t, db.Close())
			st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost, NoSync: true})
			must(t, err)
			t.Cleanup(func() { st.Close() })
			head := headOf(t, st)
			r.st = st
			r.start()
			want := map[lang.Lang]string{lang.EN: "This store file cannot be used", lang.UK: "Цим файлом магазину користуватися не можна"}[l]
			r.requireView(want, "returnsdesk check")
			if strings.Contains(r.view(), "Store name") || strings.Contains(r.view(), "Назва магазину") {
				t.Errorf("the first run is offered over a damaged store:\n%s", r.view())
			}
			if l == lang.UK {
				checkSpeaks(t, r.view())
			}
			r.keys(typed("Mallory"), kEnter, typed("999999"), kEnter)
			if got := headOf(t, st); got != head {
				t.Errorf("a key on the refusal wrote to the store: head %s, was %s", got, head)
			}
		})
	}
}

// headOf is the store's chain head, as check reports it.
func headOf(t *testing.T, st *store.Store) string {
	t.Helper()
	n, h, err := st.Head()
	must(t, err)
	return fmt.Sprint(n, ":", h)
}

// TestEditedRecordIsRefusedByName: a cashier's record made a lead's with
// bbolt, outside the program: the kiosk refuses the store, naming the
// record, before anyone logs in.
func TestEditedRecordIsRefusedByName(t *testing.T) {
	r := newRoot(t, "citrus")
	path := filepath.Join(r.dir, store.FileName)
	must(t, r.st.Close())
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("staff"))
		v := strings.Replace(string(b.Get([]byte("Ivan"))), `"role":"cashier"`, `"role":"lead"`, 1)
		return b.Put([]byte("Ivan"), []byte(v))
	}))
	must(t, db.Close())
	st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	must(t, err)
	t.Cleanup(func() { st.Close() })
	r.st = st
	r.start()
	r.requireView("This store file cannot be used", "the staff record of Ivan does not match the", "audit trail",
		"run returnsdesk check") // wrapped whole, not cut at the edge
}
