package ui

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// TestDamagedStoreIsNoFirstRun: a store whose staff record was damaged
// outside the program, or whose staff record or settings cannot be read
// (bytes the audit trail hashed), is refused in words that name the
// record, in the person's language; the first-run screen, which would rename the store
// and add a shift lead over it, is never offered, and nothing is written.
func TestDamagedStoreIsNoFirstRun(t *testing.T) {
	for _, tc := range []struct {
		name        string
		bucket, key string
		recordKey   string // "": the bytes alone are changed, so the record no longer matches its event
		want        map[lang.Lang]string
	}{
		{name: "a staff record damaged", bucket: "staff", key: "Olena", want: map[lang.Lang]string{
			lang.EN: "the staff record of Olena does not match the audit trail",
			lang.UK: "запис працівника Olena не збігається з журналом аудиту"}},
		{name: "a staff record unreadable", bucket: "staff", key: "Olena", recordKey: "staff:Olena", want: map[lang.Lang]string{
			lang.EN: "the staff record of Olena cannot be read",
			lang.UK: "запис працівника Olena не вдається прочитати"}},
		{name: "the settings unreadable", bucket: "settings", key: "store", recordKey: "settings", want: map[lang.Lang]string{
			lang.EN: "the store's settings cannot be read",
			lang.UK: "налаштування магазину не вдається прочитати"}},
	} {
		for _, l := range lang.Langs {
			t.Run(tc.name+"/"+string(l), func(t *testing.T) {
				r := newRoot(t, "citrus")
				if l != lang.EN {
					r.speaks(l)
				}
				key, err := os.ReadFile(store.DefaultAuditKeyFile(filepath.Join(r.dir, store.FileName)))
				must(t, err)
				st, head := r.reopenWith(t, unreadableRecord(key, tc.bucket, tc.key, tc.recordKey))
				// the terminal's own language: the refusal's where the store's cannot be read
				r.m = NewModel(Deps{Store: st, DataDir: r.dir, Now: func() time.Time { return r.now }, Terminal: "till-1",
					Language: l})
				r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
				r.run(r.m.Init())
				want := map[lang.Lang]string{lang.EN: "This store file cannot be used", lang.UK: "Цим файлом магазину користуватися не можна"}[l]
				r.requireView(want, "returnsdesk check")
				if flat := strings.Join(strings.Fields(r.view()), " "); !strings.Contains(flat, tc.want[l]) {
					t.Errorf("the refusal does not name the record (%q):\n%s", tc.want[l], r.view())
				}
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
}

// reopenWith closes the root's store, edits its file with bbolt directly
// (edit), opens it again as the root's store and returns it with its chain
// head.
func (r *rootT) reopenWith(t *testing.T, edit func(tx *bolt.Tx) error) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(r.dir, store.FileName)
	must(t, r.st.Close())
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(edit))
	must(t, db.Close())
	st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	must(t, err)
	t.Cleanup(func() { st.Close() })
	r.st = st
	return st, headOf(t, st)
}

// unreadableRecord puts bytes that are no record in place of key's in
// bucket, and gives the audit event that last wrote it (the record_events
// index names it under recordKey; "": none) their hash, its link and the
// chain after it made again under the audit key (auditKey, its hex file), as
// if the program had written them: the record passes its verification and
// cannot be decoded.
func unreadableRecord(auditKey []byte, bucket, key, recordKey string) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		bad := []byte("{")
		if err := tx.Bucket([]byte(bucket)).Put([]byte(key), bad); err != nil || recordKey == "" {
			return err
		}
		seq := tx.Bucket([]byte("record_events")).Get([]byte(recordKey))
		audit := tx.Bucket([]byte("audit"))
		v := audit.Get(seq)
		if len(v) < sha256.Size {
			return fmt.Errorf("no event for %s", recordKey)
		}
		var ev map[string]any
		if err := json.Unmarshal(v[sha256.Size:], &ev); err != nil {
			return err
		}
		sum := sha256.Sum256(bad)
		ev["record_hash"] = hex.EncodeToString(sum[:])
		body, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if err := audit.Put(seq, append(append([]byte(nil), v[:sha256.Size]...), body...)); err != nil {
			return err
		}
		return relink(tx, auditKey, seq)
	}
}

// relink makes every event's link from seq on, and the head, again under
// the audit key (its hex file's bytes): HMAC-SHA256 of the link before and
// the event's JSON, as the store links them.
func relink(tx *bolt.Tx, hexKey, seq []byte) error {
	key, err := hex.DecodeString(strings.TrimSpace(string(hexKey)))
	if err != nil {
		return err
	}
	audit := tx.Bucket([]byte("audit"))
	prev := make([]byte, sha256.Size)
	if n := binary.BigEndian.Uint64(seq); n > 1 {
		prev = append([]byte(nil), audit.Get(binary.BigEndian.AppendUint64(nil, n-1))[:sha256.Size]...)
	}
	var last []byte
	c := audit.Cursor()
	for k, v := c.Seek(seq); k != nil; k, v = c.Next() {
		m := hmac.New(sha256.New, key)
		m.Write(prev)
		m.Write(v[sha256.Size:])
		link := m.Sum(nil)
		if err := audit.Put(append([]byte(nil), k...), append(append([]byte(nil), link...), v[sha256.Size:]...)); err != nil {
			return err
		}
		prev, last = link, append([]byte(nil), k...)
	}
	return tx.Bucket([]byte("meta")).Put([]byte("head"), append(last, prev...))
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
	r.reopenWith(t, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("staff"))
		v := strings.Replace(string(b.Get([]byte("Ivan"))), `"role":"cashier"`, `"role":"lead"`, 1)
		return b.Put([]byte("Ivan"), []byte(v))
	})
	r.start()
	r.requireView("This store file cannot be used", "the staff record of Ivan does not match the", "audit trail",
		"run returnsdesk check") // wrapped whole, not cut at the edge
}

// TestRejectedStoreIsRefused: a store that check rejected (a lead's
// account planted outside the program, then returnsdesk check, whose
// verdict is beside the file) opens read-only: the kiosk says so before
// anyone logs in, in the person's language, and a name and PIN typed there
// write nothing.
func TestRejectedStoreIsRefused(t *testing.T) {
	inEachLang(t, func(t *testing.T, r *rootT, l lang.Lang) {
		path := filepath.Join(r.dir, store.FileName)
		r.reopenWith(t, func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("staff")).Put([]byte("Mallory"), []byte(`{"name":"Mallory","role":"lead"}`))
		})
		must(t, r.st.Close())
		if _, err := store.CheckFile(path, store.CheckOptions{}); err == nil {
			t.Fatal("check passed a planted account")
		}
		st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost, NoSync: true})
		must(t, err)
		t.Cleanup(func() { st.Close() })
		head := headOf(t, st)
		r.m = NewModel(Deps{Store: st, DataDir: r.dir, Now: func() time.Time { return r.now }, Terminal: "till-1",
			Language: l})
		r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		r.run(r.m.Init())
		want := map[lang.Lang][]string{
			lang.EN: {"This store file cannot be used: the store failed its check on", "returnsdesk check lists",
				"returnsdesk repair", "it is read-only, so no one logs in"},
			lang.UK: {"Цим файлом магазину користуватися не можна: магазин не пройшов перевірку", "returnsdesk check",
				"returnsdesk repair", "він лише для читання, тож ніхто не входить"},
		}[l]
		flat := strings.Join(strings.Fields(r.view()), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("the refusal lacks %q:\n%s", w, r.view())
			}
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

// inEachLang runs fn as a subtest for each language, on a citrus root
// store speaking it.
func inEachLang(t *testing.T, fn func(t *testing.T, r *rootT, l lang.Lang)) {
	for _, l := range lang.Langs {
		t.Run(string(l), func(t *testing.T) {
			r := newRoot(t, "citrus")
			if l != lang.EN {
				r.speaks(l)
			}
			fn(t, r, l)
		})
	}
}

// TestEditedSaleIsRefusedAtTheKiosk: an imported sale's price raised with
// bbolt outside the program: the cashier's lookup of its receipt shows the
// refusal in words, naming the receipt line, in the store's language, and
// offers no typing of the sale in its place (which the save would refuse
// too).
func TestEditedSaleIsRefusedAtTheKiosk(t *testing.T) {
	inEachLang(t, func(t *testing.T, r *rootT, l lang.Lang) {
		imp := flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 10}, Receipt: "R-1001", Line: 1, Model: "Phone X",
			Price: flow.Money{Minor: 4199900, Currency: "UAH"}, Tender: flow.TenderCard}
		_, err := r.st.ImportSales([]flow.Sale{imp}, "pos.csv", "Olena", r.now)
		must(t, err)
		r.reopenWith(t, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("sales"))
			return b.ForEach(func(k, v []byte) error {
				return b.Put(k, []byte(strings.Replace(string(v), "4199900", "2199900", 1)))
			})
		})
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
