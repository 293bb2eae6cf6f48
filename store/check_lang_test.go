package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow/lang"
)

// TestCheckProblemsInUkrainian: a check's problems read in the reader's
// language, a problem within a problem and a date in it too, while what
// they name of the file (an id, a bucket) stays as the file has it; in
// English they read as they always have.
func TestCheckProblemsInUkrainian(t *testing.T) {
	orig := sampleStore(t, 8)
	rep, err := CheckFile(orig, CheckOptions{})
	must(t, err)
	mid := rep.HeadSeq / 2
	for _, tc := range []struct {
		name   string
		edit   func(tx *bolt.Tx) error
		uk, en string // the first problem, in Ukrainian and in English, has this
	}{
		{"edit_an_event", func(tx *bolt.Tx) error {
			return editEvent(tx, mid, func(m map[string]any) { m["staff"] = "someone else" }, false)
		}, fmt.Sprintf("подія аудиту %d: її хеш не відповідає її вмісту", mid),
			fmt.Sprintf("audit event %d: its hash does not match its contents", mid)},
		{"delete_a_payment_from_its_day", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bucketPayments).Cursor().First()
			return tx.Bucket(bucketPayments).Delete(copyBytes(k))
		}, "її виплати 1 у виплатах за 15.03.2024 у такому вигляді немає",
			"its payment 1 is not in the payments of 2024-03-15 as it is"},
		{"delete_a_staff_record", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketStaff).Delete([]byte("olena"))
		}, "працівник olena: подія аудиту", "staff olena: audit event"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, orig)
			editRaw(t, path, tc.edit)
			_, err := CheckFile(path, CheckOptions{})
			var ce *CheckError
			if !errors.As(err, &ce) {
				t.Fatalf("the check passed or failed otherwise: %v", err)
			}
			uk, en := ce.ProblemsIn(lang.For(lang.UK)), ce.ProblemsIn(lang.English())
			if !strings.Contains(uk[0], tc.uk) {
				t.Errorf("the first problem in Ukrainian is %q, want %q in it", uk[0], tc.uk)
			}
			if !strings.Contains(en[0], tc.en) || !strings.Contains(ce.Problems[0], tc.en) {
				t.Errorf("the first problem in English is %q (%q), want %q in it", en[0], ce.Problems[0], tc.en)
			}
		})
	}
}

// TestCheckErrorInUkrainian: a failed check as an error reads in the
// reader's language, its first problem and how many more.
func TestCheckErrorInUkrainian(t *testing.T) {
	path := copyFile(t, sampleStore(t, 2))
	editRaw(t, path, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		must(t, meta.Put([]byte("junk"), []byte("x")))
		return meta.Put(keyKeyID, []byte("abc"))
	})
	_, err := CheckFile(path, CheckOptions{})
	var ce *CheckError
	if !errors.As(err, &ce) || len(ce.Problems) < 2 {
		t.Fatalf("the check: %v", err)
	}
	if got, want := ce.In(lang.For(lang.UK)), `meta/"junk" — не ключ сховища (і ще %d проблеми)`; got != fmt.Sprintf(want, len(ce.Problems)-1) {
		t.Errorf("in Ukrainian: %q, want %q", got, want)
	}
	if got, want := ce.Error(), `meta/"junk" is not a key of the store (and %d more problems)`; got != fmt.Sprintf(want, len(ce.Problems)-1) {
		t.Errorf("in English: %q, want %q", got, want)
	}
}
