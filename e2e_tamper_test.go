package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/store"
)

// End-to-end: a Ukrainian store's staff record edited outside the program,
// from the refusal to the repair, with the real binary (the kiosk in tmux,
// the commands run as a back office runs them). A cashier made a shift
// lead with bbolt: the kiosk refuses the store, naming the record; check
// fails, naming it, and leaves its verdict; the kiosk then opens the store
// read-only, says so and points to returnsdesk repair, and a name and a
// PIN typed there write nothing; the lead's repair drops the record and
// keeps the old file; check passes, and the kiosk's login lists the lead
// only, who reaches home. Every screen and every command's words are
// checked for English.

// tamperWords are this test's data on its screens: the store's time zone.
var tamperWords = []string{"Europe", "Kyiv"}

func TestE2ETamperedStaffRepaired(t *testing.T) {
	t.Parallel()
	const shop, lead, leadPin = "Цитрус Океан Плаза", "Олена Коваль", "482193"
	const cashier, cashierPin = "Марія Ткаченко", "2468"
	bin, data := binary(t), filepath.Join(t.TempDir(), "kyiv1")
	db := filepath.Join(data, store.FileName)
	allowed := append(append([]string{}, ukWords...), tamperWords...)

	// 1. the store, its lead (init) and a cashier the lead adds at the kiosk
	out, code := command(t, leadPin+"\n", bin, "init", "--data", data, "--store-name", shop, "--policy", "citrus",
		"--time-zone", "Europe/Kyiv", "--lead", lead)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	u := &ukTerm{term: startKiosk(t, data), allowed: allowed}
	u.see("Вхід", shop, "> "+lead)
	u.pickPIN(lead, leadPin)
	u.see("Головна", lead+" (старший зміни)")
	u.press("і") // s: the staff
	u.see("Працівники", "> "+lead)
	u.press("ф") // a: add one
	u.see("Додати працівника")
	u.waitFocus("Ім'я")
	u.typeText(cashier)
	u.enterTo("Роль")
	u.see("> касир")
	u.enterTo("Мова екранів працівника")
	u.enterTo("PIN-код")
	u.typeText(cashierPin)
	u.enterTo("PIN-код ще раз")
	u.typeText(cashierPin)
	u.waitFor("> " + strings.Repeat("*", len(cashierPin)))
	u.press("Enter")
	u.see(cashier + " тепер може увійти")
	u.quit()

	// 2. the cashier's record made a lead's, the file edited with bbolt
	editStaff(t, db, cashier, func(rec map[string]any) { rec["role"] = "lead" })

	// 3. the kiosk refuses the store, naming the record; no one logs in
	u = &ukTerm{term: startKiosk(t, data), allowed: allowed}
	s := u.waitSaid("Цим файлом магазину користуватися не можна: запис працівника " + cashier +
		" не збігається з журналом аудиту: запустіть returnsdesk check")
	u.speaks(s)
	if strings.Contains(s, "Вхід") || strings.Contains(s, "Ім'я") {
		t.Errorf("the kiosk offers a login on a store whose staff record was edited:\n%s", s)
	}
	u.quit()

	// 4. check fails, naming the record, and leaves its verdict beside the file
	out, code = command(t, "", bin, "check", "--data", data)
	if code != 1 || !strings.Contains(out, "НЕ ПРОЙДЕНО, 1 проблема") ||
		!strings.Contains(out, "працівник "+cashier+": обліковий запис не такий, яким його лишила остання подія") {
		t.Fatalf("check of the edited store: exit %d, want 1 naming the staff record of %s\n%s", code, cashier, out)
	}
	u.speaks(commandWords(out, data))
	if _, err := os.Stat(store.VerdictFile(db)); err != nil {
		t.Fatalf("check left no verdict beside the store: %v", err)
	}

	// 5. the kiosk opens it read-only; a name and a PIN typed write nothing
	before, verdict := readFile(t, db), readFile(t, store.VerdictFile(db))
	u = &ukTerm{term: startKiosk(t, data), allowed: allowed}
	readOnly := []string{"Цим файлом магазину користуватися не можна: магазин не пройшов перевірку",
		"він лише для читання, доки старший зміни не відновить резервну копію або не запустить returnsdesk repair",
		"ніхто не входить"}
	u.speaks(u.waitSaid(readOnly...))
	u.typeText(lead)
	u.press("Enter")
	u.typeText(leadPin)
	u.press("Enter")
	u.press("F1") // the keys' help, once every key before it is read
	u.see("Клавіші", "Будь-яка клавіша закриває цю довідку.")
	u.press("Escape")
	if s := u.waitSaid(readOnly...); strings.Contains(s, "Головна") || strings.Contains(s, "Вхід") {
		t.Errorf("a name and a PIN typed on the read-only store went on:\n%s", s)
	}
	u.quit()
	if !bytes.Equal(readFile(t, db), before) || !bytes.Equal(readFile(t, store.VerdictFile(db)), verdict) {
		t.Error("the kiosk wrote to a store check rejects, or to its verdict")
	}

	// 6. the lead's repair drops the record and keeps the old file
	out, code = command(t, leadPin+"\n", bin, "repair", "--data", data, "--lead", lead)
	if code != 0 || !strings.Contains(out, "магазин відновлено") || !strings.Contains(out, "відкинуто — 1 запис") ||
		!strings.Contains(out, "відкинуто: обліковий запис працівника "+cashier) {
		t.Fatalf("repair: exit %d, want 0 dropping the staff account %s\n%s", code, cashier, out)
	}
	u.speaks(commandWords(out, data))
	kept := regexp.MustCompile(`файл до відновлення збережено як (\S+)`).FindStringSubmatch(out)
	if kept == nil || filepath.Dir(kept[1]) != data || !strings.HasPrefix(filepath.Base(kept[1]), store.FileName+".before-repair-") {
		t.Fatalf("the repair does not say where it kept the old file, beside the store:\n%s", out)
	}
	if !bytes.Equal(readFile(t, kept[1]), before) {
		t.Errorf("the file kept, %s, is not the store as it was before the repair", kept[1])
	}

	// 7. check passes
	out, code = command(t, "", bin, "check", "--data", data)
	if code != 0 || !strings.Contains(out, ": усе гаразд") || !strings.Contains(out, "1 обліковий запис") {
		t.Fatalf("check after the repair: exit %d, want 0 with the lead's account alone\n%s", code, out)
	}
	u.speaks(commandWords(out, data))

	// 8. the login lists the lead alone, who reaches home
	u = &ukTerm{term: startKiosk(t, data), allowed: allowed}
	if s := u.see("Вхід", shop, "> "+lead); strings.Contains(s, cashier) {
		t.Errorf("the login lists the account the repair dropped:\n%s", s)
	}
	u.pickPIN(lead, leadPin)
	u.see("Головна", "т  почати нове повернення", lead+" (старший зміни)")
	u.quit()
}

// quit ends the kiosk with its quit key, ctrl+c, and waits for it to exit
// cleanly: the store file is closed.
func (tm *term) quit() {
	tm.t.Helper()
	tm.press("C-c")
	tm.waitFor("EXITED 0")
}

// command runs the binary with args, stdin on its standard input, and
// returns what it printed (stdout and stderr) and its exit code.
func command(t *testing.T, stdin, bin string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("returnsdesk %s: %v", strings.Join(args, " "), err)
	}
	return string(out), 0
}

// commandWords is a command's output without what is no word: the paths
// in the data folder (the store file, the file kept before a repair) and
// hashes (the chain's head).
func commandWords(out, data string) string {
	out = regexp.MustCompile(regexp.QuoteMeta(data)+`\S*`).ReplaceAllString(out, "")
	return regexp.MustCompile(`\b[0-9a-f]{16,}\b`).ReplaceAllString(out, "")
}

// editStaff changes a staff member's record in the closed store file with
// bbolt directly, as someone with the file and no program would.
func editStaff(t *testing.T, path, name string, edit func(map[string]any)) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("staff"))
		if b == nil || b.Get([]byte(name)) == nil {
			return errors.New("no staff record of " + name)
		}
		var rec map[string]any
		if err := json.Unmarshal(b.Get([]byte(name)), &rec); err != nil {
			return err
		}
		edit(rec)
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put([]byte(name), v)
	}))
	must(t, db.Close())
}

// readFile is the file's bytes.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	return data
}
