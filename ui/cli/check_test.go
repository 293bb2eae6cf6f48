package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// storeWithCases makes a data folder whose store holds n cases.
func storeWithCases(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(storeFile(dir), store.Options{PINCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveSettings(store.Settings{StoreName: "Test", PolicyName: "citrus", TimeZone: "Europe/Kyiv"}, "setup"); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)
	for i := range n {
		c := &flow.Case{ID: store.NewCaseID(now), Policy: "citrus", Opened: now, OpenedBy: "olena",
			Sale: flow.Sale{Receipt: "R-" + string(rune('A'+i)), Price: flow.Money{Minor: 100, Currency: "UAH"}}}
		if err := s.SaveCase(c, store.Event{Staff: "olena"}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckCommand(t *testing.T) {
	dir := storeWithCases(t, 3)
	code, out, errs := run(t, "", "check", "--data", dir)
	if code != ExitOK || !strings.Contains(out, ": OK") || !strings.Contains(out, "cases:       3") ||
		!strings.Contains(out, "audit chain: 5 events") {
		t.Fatalf("check of a good store: exit %d\n%s%s", code, out, errs)
	}
	head := strings.TrimSpace(out[strings.Index(out, "chain head:")+len("chain head:"):])
	if code, out, errs := run(t, "", "check", "--data", dir, "--anchor", head); code != ExitOK {
		t.Errorf("check with its own head as anchor: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "", "check", "--anchor", "nonsense", "--data", dir); code != ExitUsage {
		t.Errorf("a bad anchor: exit %d %s", code, errs)
	}

	// a damaged copy: exit 1 with a plain message, no panic
	data, err := os.ReadFile(storeFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, "", "check", bad)
	if code != ExitFail || !strings.Contains(errs, "damaged") {
		t.Errorf("check of a truncated file: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = run(t, "", "check", "--data", t.TempDir())
	if code != ExitFail || !strings.Contains(errs, "no store file") {
		t.Errorf("check of a folder without a store: exit %d %s", code, errs)
	}
}

// TestCheckProblemsInTheReadersLanguage: the problems a check finds print
// in the language of the one who reads them, a line each as before ("  -
// "), what they name of the file as the file has it.
func TestCheckProblemsInTheReadersLanguage(t *testing.T) {
	dir := storeWithCases(t, 1)
	db, err := bolt.Open(storeFile(dir), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		if err := meta.Put([]byte("junk"), []byte("x")); err != nil {
			return err
		}
		return meta.Put([]byte("key_id"), []byte("abc"))
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "", "--lang", "uk", "check", "--data", dir)
	if code != ExitFail {
		t.Fatalf("check of a damaged store: exit %d\n%s", code, out)
	}
	says(t, "check in Ukrainian", out, "\n  - meta/\"junk\" — не ключ сховища\n", "\n  - meta/key_id завдовжки 3 Б, а не 8 Б\n")
	_, out, _ = run(t, "", "check", "--data", dir)
	says(t, "check in English", out, "\n  - meta/\"junk\" is not a key of the store\n", "\n  - meta/key_id is 3 bytes, not 8\n")
}
