package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// editRaw changes a closed store file with bbolt directly, as someone with
// the file and no program would.
func editRaw(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(fn))
	must(t, db.Close())
}

// rehash stores an edited event body with the hash a forger who knows the
// scheme would give it: chained to the stored hash before it, by plain
// SHA-256 without the audit key (key nil), or under the key by one who has
// it too.
func rehash(b *bolt.Bucket, seq uint64, body, key []byte) []byte {
	prev := genesis
	if seq > 1 {
		prev = b.Get(seqKey(seq - 1))[:sha256.Size]
	}
	if key != nil {
		return append(keyedLink(key, prev, body), body...)
	}
	return append(chainHash(prev, body), body...)
}

// editEvent rewrites event seq's JSON with fn, and its hash (without the
// audit key) when fixHash.
func editEvent(tx *bolt.Tx, seq uint64, fn func(map[string]any), fixHash bool) error {
	return forgeEvent(tx, seq, fn, fixHash, nil)
}

// forgeEvent is editEvent by a forger who has the audit key (key) or not (nil).
func forgeEvent(tx *bolt.Tx, seq uint64, fn func(map[string]any), fixHash bool, key []byte) error {
	b := tx.Bucket(bucketAudit)
	v := b.Get(seqKey(seq))
	var m map[string]any
	if err := json.Unmarshal(v[sha256.Size:], &m); err != nil {
		return err
	}
	fn(m)
	body, _ := json.Marshal(m)
	if fixHash {
		return b.Put(seqKey(seq), rehash(b, seq, body, key))
	}
	return b.Put(seqKey(seq), append(append([]byte(nil), v[:sha256.Size]...), body...))
}

// rechain recomputes every hash from event `from` on and the head, as a
// forger who knows the scheme but not the audit key would.
func rechain(tx *bolt.Tx, from uint64) error { return forgeChain(tx, from, nil) }

// forgeChain is rechain by a forger who has the audit key (key) or not.
func forgeChain(tx *bolt.Tx, from uint64, key []byte) error {
	b := tx.Bucket(bucketAudit)
	var last []byte
	var seq uint64
	c := b.Cursor()
	for k, v := c.Seek(seqKey(from)); k != nil; k, v = c.Next() {
		seq = binary.BigEndian.Uint64(k)
		nv := rehash(b, seq, copyBytes(v[sha256.Size:]), key)
		if err := b.Put(k, nv); err != nil {
			return err
		}
		last = nv[:sha256.Size]
	}
	head := binary.BigEndian.AppendUint64(nil, seq)
	return tx.Bucket(bucketMeta).Put(keyHead, append(head, last...))
}

func TestTampering(t *testing.T) {
	orig := sampleStore(t, 8)
	rep, err := CheckFile(orig, CheckOptions{})
	must(t, err)
	n := rep.HeadSeq
	mid := n / 2
	anchor := Anchor{Seq: n, Hash: rep.HeadHash}

	for _, tc := range []struct {
		name  string
		edit  func(tx *bolt.Tx) error
		names string // the first problem names this
		opts  CheckOptions
	}{
		{"edit_an_event", func(tx *bolt.Tx) error {
			return editEvent(tx, mid, func(m map[string]any) { m["staff"] = "someone else" }, false)
		}, fmt.Sprintf("audit event %d: its hash does not match", mid), CheckOptions{}},
		{"edit_an_event_and_its_hash", func(tx *bolt.Tx) error {
			return editEvent(tx, mid, func(m map[string]any) { m["detail"] = "nothing happened" }, true)
		}, fmt.Sprintf("audit event %d: its link was made without the audit key", mid), CheckOptions{}},
		{"delete_an_event", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketAudit).Delete(seqKey(mid))
		}, fmt.Sprintf("audit event %d: missing", mid), CheckOptions{}},
		{"delete_the_last_event", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketAudit).Delete(seqKey(n))
		}, "", CheckOptions{}},
		{"swap_two_events", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketAudit)
			a, c := copyBytes(b.Get(seqKey(mid))), copyBytes(b.Get(seqKey(mid+1)))
			must(t, b.Put(seqKey(mid), c))
			return b.Put(seqKey(mid+1), a)
		}, fmt.Sprintf("audit event %d: it holds event %d", mid, mid+1), CheckOptions{}},
		{"swap_and_renumber", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketAudit)
			a, c := copyBytes(b.Get(seqKey(mid))), copyBytes(b.Get(seqKey(mid+1)))
			must(t, b.Put(seqKey(mid), c))
			must(t, b.Put(seqKey(mid+1), a))
			must(t, editEvent(tx, mid, func(m map[string]any) { m["seq"] = mid }, true))
			return editEvent(tx, mid+1, func(m map[string]any) { m["seq"] = mid + 1 }, true)
		}, fmt.Sprintf("audit event %d: its link was made without the audit key", mid), CheckOptions{}},
		{"edit_a_case", func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketCases).Cursor()
			k, v := c.First()
			rec, err := decodeCaseRecord(v)
			must(t, err)
			raw := bytes.Replace(rec.raw, []byte("Phone X"), []byte("Phone Z"), 1)
			return tx.Bucket(bucketCases).Put(k, encodeCase(rec.day, raw))
		}, "it was edited outside the program", CheckOptions{}},
		{"delete_a_payment_from_its_day", func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketPayments).Cursor()
			k, _ := c.First()
			return tx.Bucket(bucketPayments).Delete(copyBytes(k))
		}, "its payment 1 is not in the payments of 2024-03-15 as it is", CheckOptions{}},
		{"make_a_payment_card_in_its_day", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketPayments)
			k, v := b.Cursor().First()
			return b.Put(copyBytes(k), bytes.Replace(v, []byte("cash"), []byte("card"), 1))
		}, "its payment 1 is not in the payments of 2024-03-15 as it is", CheckOptions{}},
		{"make_a_cashier_a_lead", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketStaff)
			return b.Put([]byte("olena"), bytes.Replace(b.Get([]byte("olena")), []byte(`"cashier"`), []byte(`"lead"`), 1))
		}, "staff olena: the account is not as the last event about it", CheckOptions{}},
		{"delete_a_staff_record", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketStaff).Delete([]byte("olena"))
		}, "staff olena: audit event", CheckOptions{}},
		{"rename_the_settings_record", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSettings)
			v := copyBytes(b.Get(keySettings))
			must(t, b.Delete(keySettings))
			return b.Put([]byte("sto\x91e"), v)
		}, "the settings: audit event", CheckOptions{}},
		{"rewrite_the_whole_chain_after_an_edit", func(tx *bolt.Tx) error {
			must(t, editEvent(tx, mid, func(m map[string]any) { m["detail"] = "rewritten" }, true))
			return rechain(tx, mid+1)
		}, fmt.Sprintf("audit event %d: its link was made without the audit key", mid), CheckOptions{Anchors: []Anchor{anchor}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, orig)
			editRaw(t, path, tc.edit)
			_, err := CheckFile(path, tc.opts)
			var ce *CheckError
			if !errors.As(err, &ce) {
				t.Fatalf("the check passed or failed otherwise: %v", err)
			}
			if !strings.Contains(ce.Problems[0], tc.names) {
				t.Errorf("the first problem is %q, want it to name %q (all: %q)", ce.Problems[0], tc.names, ce.Problems)
			}
			t.Logf("%s", err)
		})
	}
	t.Run("forged_with_the_key_only_an_anchor_shows", func(t *testing.T) {
		// what a keyed chain cannot do alone: one who has the audit key as
		// well as the file rewrites every link after the edit and leaves a
		// consistent chain; only a head written down outside the store (an
		// anchor) shows it
		path := copyFile(t, orig)
		key, err := readKey(DefaultAuditKeyFile(path))
		must(t, err)
		editRaw(t, path, func(tx *bolt.Tx) error {
			must(t, forgeEvent(tx, mid, func(m map[string]any) { m["detail"] = "rewritten" }, true, key))
			return forgeChain(tx, mid+1, key)
		})
		if _, err := CheckFile(path, CheckOptions{}); err != nil {
			t.Errorf("a chain forged with the key fails check, which cannot tell it: %v", err)
		}
		if _, err := CheckFile(path, CheckOptions{Anchors: []Anchor{{Seq: mid - 1, Hash: hashOf(t, orig, mid-1)}}}); err != nil {
			t.Errorf("an anchor before the edit should still hold: %v", err)
		}
		_, err = CheckFile(path, CheckOptions{Anchors: []Anchor{anchor}})
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("audit event %d: its hash is not the anchor's", n)) {
			t.Errorf("the anchor after the edit: %v", err)
		}
	})
	t.Run("anchor_text", func(t *testing.T) {
		a, err := ParseAnchor(anchor.String())
		if err != nil || a != anchor {
			t.Errorf("ParseAnchor(%q) = %v, %v", anchor.String(), a, err)
		}
		for _, bad := range []string{"", "12", "x:abc", "12:abc"} {
			if _, err := ParseAnchor(bad); err == nil {
				t.Errorf("ParseAnchor(%q) took it", bad)
			}
		}
	})
}

func hashOf(t *testing.T, path string, seq uint64) string {
	s, err := Open(path, Options{ReadOnly: true})
	must(t, err)
	defer s.Close()
	evs, err := s.Events(seq-1, 1)
	must(t, err)
	return evs[0].Hash
}

func TestPrivacy(t *testing.T) {
	var logBuf bytes.Buffer
	dir := t.TempDir()
	path := filepath.Join(dir, "returnsdesk.db")
	opts := testOptions()
	opts.Logger = slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := Open(path, opts)
	must(t, err)
	must(t, s.SaveSettings(Settings{StoreName: "Test", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "setup"))
	const number = "KM482913"
	for i, written := range []string{number, "km 482913", "KM-482-913"} {
		c := newCase(t0.Add(time.Duration(i)*time.Hour), "olena", fmt.Sprintf("R-%d", i), "")
		must(t, s.SaveCase(c, Event{Staff: "olena"}))
		walkToDecision(t, s, c, t0, written)
		must(t, c.Complete(flow.StepDecision))
		must(t, c.Move(flow.StatusDecided))
		must(t, c.Move(flow.StatusRefunded))
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
		if c.Passport.Last4 != "2913" {
			t.Errorf("last 4: %q", c.Passport.Last4)
		}
	}
	p := s.MaskPassport("id_card", number, "")
	sums, err := s.RepeatReturns(p.Key, flow.DateOf(t0))
	must(t, err)
	if len(sums) != 3 {
		t.Errorf("the same passport written three ways found %d cases", len(sums))
	}
	rep, err := s.Backup(filepath.Join(t.TempDir(), "backup.db"))
	must(t, err)
	must(t, s.Close())
	key, _ := os.ReadFile(DefaultKeyFile(path))
	for name, file := range map[string]string{"store": path, "backup": rep.Path} {
		data, err := os.ReadFile(file)
		must(t, err)
		for _, needle := range []string{number, "482913", "KM 482913", "km482913", strings.TrimSpace(string(key))} {
			if bytes.Contains(bytes.ToUpper(data), bytes.ToUpper([]byte(needle))) {
				t.Errorf("the %s file holds %q", name, needle)
			}
		}
	}
	// the cases are stored compressed: look inside them too
	for name, file := range map[string]string{"store": path, "backup": rep.Path} {
		db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
		must(t, err)
		must(t, db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
				rec, err := decodeCaseRecord(v)
				must(t, err)
				if !bytes.Contains(rec.raw, []byte(`"last4":"2913"`)) {
					t.Errorf("the %s's case %s does not read as expected", name, caseID(k))
				}
				if bytes.Contains(bytes.ToUpper(rec.raw), []byte("482913")) {
					t.Errorf("the %s's case %s holds the number", name, caseID(k))
				}
				return nil
			})
		}))
		must(t, db.Close())
	}
	if entries, _ := os.ReadDir(filepath.Dir(rep.Path)); len(entries) != 1 {
		t.Errorf("the backup folder holds more than the backup: %v", entries)
	}
	if strings.Contains(strings.ToUpper(logBuf.String()), "482913") {
		t.Errorf("the log holds the number:\n%s", logBuf.String())
	}
	if logBuf.Len() == 0 {
		t.Error("nothing was logged: the test proves nothing")
	}
}

func TestConcurrentSavesAndLists(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	const writers, perWriter = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers*perWriter+100)
	stop := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				now := t0.Add(time.Duration(w*perWriter+i) * time.Second)
				c := newCase(now, fmt.Sprintf("cashier-%d", w), fmt.Sprintf("R-%d-%d", w, i), "")
				if err := s.SaveCase(c, Event{Staff: c.OpenedBy, Terminal: fmt.Sprintf("till-%d", w)}); err != nil {
					errs <- err
					return
				}
				c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantExchange}
				_ = c.Complete(flow.StepRequest)
				if err := s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "request"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				sums, err := s.Day(flow.DateOf(t0))
				if err == nil {
					for _, sum := range sums[:min(3, len(sums))] {
						if _, err = s.Case(sum.ID); err == nil {
							_, err = s.Trail(sum.ID)
						}
					}
				}
				if err == nil {
					_, err = s.ByStatus(flow.StatusOpen)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	sums, err := s.Day(flow.DateOf(t0))
	must(t, err)
	if len(sums) != writers*perWriter {
		t.Errorf("%d cases listed, want %d", len(sums), writers*perWriter)
	}
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Error(err)
	}
}
