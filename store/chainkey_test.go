package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// unkeyChain makes the store file at path as a version before 9 left it:
// every event linked by plain SHA-256 from the first, no seals, no keying in
// meta, and no audit key beside it. Tests that build an older store call it
// first.
func unkeyChain(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		audit := tx.Bucket(bucketAudit)
		prev := genesis
		var keys, vals [][]byte
		must(t, audit.ForEach(func(k, v []byte) error {
			link := chainHash(prev, v[sha256.Size:])
			keys, vals = append(keys, copyBytes(k)), append(vals, append(link, v[sha256.Size:]...))
			prev = link
			return nil
		}))
		for i, k := range keys {
			must(t, audit.Put(k, vals[i]))
		}
		if len(keys) > 0 {
			head := append(copyBytes(keys[len(keys)-1]), prev...)
			must(t, tx.Bucket(bucketMeta).Put(keyHead, head))
		}
		must(t, tx.Bucket(bucketMeta).Delete(keyAuditKeyID))
		must(t, tx.Bucket(bucketMeta).Delete(keyKeyedFrom))
		if tx.Bucket(bucketAuditSeals) != nil {
			must(t, tx.DeleteBucket(bucketAuditSeals))
		}
		return putVersion(tx, 8)
	}))
	must(t, db.Close())
	must(t, os.Remove(DefaultAuditKeyFile(path)))
}

// TestRaisedRefundRechainedIsCaught: finding 3 of the tamper review. A
// case's price raised from 19 999,00 to 29 999,00 with bbolt, its last
// event made to carry the edited case's hash, and every link after it and
// the head recomputed as the plain SHA-256 scheme would: check names the
// rewritten event, as it does the same forgery of a staff record, which
// the kiosk's read refuses too.
func TestRaisedRefundRechainedIsCaught(t *testing.T) {
	forge := func(t *testing.T, tx *bolt.Tx, bucket, key, raw []byte, seq uint64) {
		must(t, tx.Bucket(bucket).Put(key, raw))
		must(t, editEvent(tx, seq, func(m map[string]any) { m["record_hash"] = recordHash(raw) }, true))
		must(t, rechain(tx, seq+1))
	}
	t.Run("a case", func(t *testing.T) {
		path := copyFile(t, sampleStore(t, 4))
		var seq uint64
		editRaw(t, path, func(tx *bolt.Tx) error {
			k, v := tx.Bucket(bucketCases).Cursor().First()
			rec, err := decodeCaseRecord(v)
			must(t, err)
			doc, err := rec.decode(caseID(k))
			must(t, err)
			seq = doc.Events[len(doc.Events)-1]
			raw := bytes.Replace(rec.raw, []byte(`"minor":1999900`), []byte(`"minor":2999900`), 1)
			if bytes.Equal(raw, rec.raw) {
				t.Fatal("the case holds no price of 19 999,00")
			}
			forge(t, tx, bucketCases, copyBytes(k), encodeCase(rec.day, raw), seq)
			return nil
		})
		_, err := CheckFile(path, CheckOptions{})
		want := fmt.Sprintf("audit event %d: its link was made without the audit key", seq)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("check of the forged chain: %v, want %q", err, want)
		}
	})
	t.Run("a staff record", func(t *testing.T) {
		path := copyFile(t, sampleStore(t, 2))
		editRaw(t, path, func(tx *bolt.Tx) error {
			seq := binary.BigEndian.Uint64(tx.Bucket(bucketRecordEvents).Get([]byte("staff:olena")))
			raw := bytes.Replace(tx.Bucket(bucketStaff).Get([]byte("olena")), []byte(`"cashier"`), []byte(`"lead"`), 1)
			forge(t, tx, bucketStaff, []byte("olena"), copyBytes(raw), seq)
			return nil
		})
		s, err := Open(path, testOptions())
		must(t, err)
		if _, err := s.Login("olena", "5678", t0); !errors.Is(err, ErrTampered) {
			t.Errorf("the forged lead logged in: %v", err)
		}
		must(t, s.Close())
		if _, err := CheckFile(path, CheckOptions{}); err == nil {
			t.Error("check passed the forged staff record")
		}
	})
}

// TestKeyingTheChain: a store of version 8 (its chain plain SHA-256) is
// keyed at its next open: every event sealed, one event saying so, the key
// beside it; an anchor written down before still holds. An audit key left
// beside a store whose chain is not keyed is refused, and a key the kiosk
// wrote but did not put in place (it stopped) is found and placed.
func TestKeyingTheChain(t *testing.T) {
	path := copyFile(t, sampleStore(t, 4))
	unkeyChain(t, path)
	var seq uint64
	var hash string
	editRaw(t, path, func(tx *bolt.Tx) error {
		n, h, err := chainHead(tx)
		seq, hash = n, hex.EncodeToString(h)
		return err
	})

	s, err := Open(path, testOptions())
	must(t, err)
	evs, err := s.Events(seq, 10)
	must(t, err)
	if len(evs) != 1 || !strings.Contains(evs[0].Detail, fmt.Sprintf("keyed from here: %d earlier events sealed", seq)) {
		t.Errorf("the events after keying: %+v", evs)
	}
	must(t, s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria"))
	must(t, s.Close())
	if _, err := CheckFile(path, CheckOptions{Anchors: []Anchor{{Seq: seq, Hash: hash}}}); err != nil {
		t.Fatalf("check after keying, with the anchor of before: %v", err)
	}
	if _, err := os.Stat(DefaultAuditKeyFile(path) + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("audit.key.new is left: %v", err)
	}

	t.Run("a key beside an unkeyed store", func(t *testing.T) {
		p := copyFile(t, path)
		key, err := os.ReadFile(DefaultAuditKeyFile(p))
		must(t, err)
		unkeyChain(t, p)
		must(t, os.WriteFile(DefaultAuditKeyFile(p), key, 0o600))
		if _, err := Open(p, testOptions()); !errors.Is(err, ErrTampered) ||
			!strings.Contains(flow.Message(err), "is not keyed, but an audit key is beside it") {
			t.Errorf("open: %v", err)
		}
	})
	t.Run("a key not yet in place", func(t *testing.T) {
		p := copyFile(t, path)
		must(t, os.Rename(DefaultAuditKeyFile(p), DefaultAuditKeyFile(p)+".new"))
		s, err := Open(p, testOptions())
		must(t, err)
		must(t, s.Close())
		if _, err := os.Stat(DefaultAuditKeyFile(p)); err != nil {
			t.Errorf("the key was not put in place: %v", err)
		}
	})
	t.Run("the key lost", func(t *testing.T) {
		p := copyFile(t, path)
		must(t, os.Remove(DefaultAuditKeyFile(p)))
		if _, err := Open(p, testOptions()); !errors.Is(err, ErrKeyMissing) {
			t.Errorf("open without the audit key: %v", err)
		}
		_, err := CheckFile(p, CheckOptions{})
		if err == nil || !strings.Contains(err.Error(), "the chain's keyed events are not verified") {
			t.Errorf("check without the audit key: %v", err)
		}
	})
	t.Run("a seal edited", func(t *testing.T) {
		p := copyFile(t, path)
		editRaw(t, p, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketAuditSeals).Put(seqKey(2), make([]byte, sha256.Size))
		})
		_, err := CheckFile(p, CheckOptions{})
		if err == nil || !strings.Contains(err.Error(), "audit event 2: it is from before the chain was keyed") {
			t.Errorf("check with a seal edited: %v", err)
		}
	})
	t.Run("keyed_from moved", func(t *testing.T) {
		p := copyFile(t, path)
		editRaw(t, p, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keyKeyedFrom, seqKey(seq+2))
		})
		if _, err := CheckFile(p, CheckOptions{}); err == nil {
			t.Error("check passed with meta/keyed_from moved")
		}
	})
}

// BenchmarkEventLink is what verifying one event's link costs, keyed as
// the store keys it (an HMAC-SHA256 of the link before and a 345-byte
// event, the store's average), beside the check of an Ed25519 signature of
// the same bytes, the choice not made.
func BenchmarkEventLink(b *testing.B) {
	key, prev, body := make([]byte, 32), make([]byte, sha256.Size), bytes.Repeat([]byte("e"), 345)
	b.Run("hmac", func(b *testing.B) {
		for range b.N {
			keyedLink(key, prev, body)
		}
	})
	b.Run("ed25519_verify", func(b *testing.B) {
		priv := ed25519.NewKeyFromSeed(key)
		msg := append(append([]byte(nil), prev...), body...)
		sig := ed25519.Sign(priv, msg)
		pub := priv.Public().(ed25519.PublicKey)
		for range b.N {
			ed25519.Verify(pub, msg, sig)
		}
	})
}
