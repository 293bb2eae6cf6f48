package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
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

// TestEditedSaleIsRefusedAtTheKiosk: an imported sale's price raised with
// bbolt outside the program: the cashier's lookup of its receipt shows the
// refusal in words, naming the receipt line, in the store's language, and
// offers no typing of the sale in its place (which the save would refuse
// too).
func TestEditedSaleIsRefusedAtTheKiosk(t *testing.T) {
	for _, l := range lang.Langs {
		t.Run(string(l), func(t *testing.T) {
			r := newRoot(t, "citrus")
			if l != lang.EN {
				r.speaks(l)
			}
			imp := flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 10}, Receipt: "R-1001", Line: 1, Model: "Phone X",
				Price: flow.Money{Minor: 4199900, Currency: "UAH"}, Tender: flow.TenderCard}
			_, err := r.st.ImportSales([]flow.Sale{imp}, "pos.csv", "Olena", r.now)
			must(t, err)
			path := filepath.Join(r.dir, store.FileName)
			must(t, r.st.Close())
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			must(t, err)
			must(t, db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket([]byte("sales"))
				return b.ForEach(func(k, v []byte) error {
					return b.Put(k, []byte(strings.Replace(string(v), "4199900", "2199900", 1)))
				})
			}))
			must(t, db.Close())
			st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost, NoSync: true})
			must(t, err)
			t.Cleanup(func() { st.Close() })
			r.st = st
			r.start()
			r.login("Ivan", "1111")
			r.keys(typed("n"), typed("R-1001"), kEnter)
			want := map[lang.Lang][]string{
				lang.EN: {"! the imported sale of receipt R-1001 line 1 does not match the audit trail:", "returnsdesk check"},
				lang.UK: {"! імпортований продаж за чеком R-1001, рядок 1, не збігається з журналом", "аудиту:",
					"returnsdesk check"},
			}[l]
			r.requireView(want...) // wrapped whole, not cut at the edge
			if v := r.view(); strings.Contains(v, "21999") || strings.Contains(v, "tab: type the sale instead") ||
				strings.Contains(v, "tab: введіть") {
				t.Errorf("the edited sale is offered:\n%s", v)
			}
			if l == lang.UK {
				checkSpeaks(t, r.view())
			}
		})
	}
}
