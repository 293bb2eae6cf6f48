package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The audit chain is keyed (schema version 9). Each event's stored hash,
// the link the next event and the head cover, is an HMAC-SHA256 under the
// audit key of the hash before it and the event's JSON; an event written
// before the chain was keyed keeps its plain SHA-256 link (the anchors
// written down then still hold) and is sealed instead: audit_seals holds
// an HMAC of its seq and its link. meta/keyed_from is the first keyed
// event's seq. Without the key no one can write an event, or change one,
// that check and the kiosk's reads accept.
//
// The audit key is DATA/audit.key beside the passport key: 32 random bytes
// in hex, mode 0600, never in the store file or its backups. It is first
// written as audit.key.new and renamed into place only once the store that
// it keys is committed, so that a store without a key id beside an
// audit.key can only be one whose history was rewritten without the key.

// auditKeyName is the audit key's file name beside the passport key.
const auditKeyName = "audit.key"

// DefaultAuditKeyFile is the audit key's path for a store file: audit.key
// in the same folder.
func DefaultAuditKeyFile(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), auditKeyName)
}

// chainKeys holds the audit key of each open bbolt file: appendEvent and
// the reads that verify an event find it from their transaction.
var chainKeys sync.Map // *bolt.DB -> []byte

// chainKeyOf is the audit key of tx's file, nil when none is loaded.
func chainKeyOf(tx *bolt.Tx) []byte {
	v, _ := chainKeys.Load(tx.DB())
	key, _ := v.([]byte)
	return key
}

// auditKeyID names an audit key in meta/audit_key_id without giving it away.
func auditKeyID(key []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("returnsdesk audit key id"))
	return m.Sum(nil)[:8]
}

// keyedLink is a keyed event's link: the HMAC of the hash before it and
// its JSON.
func keyedLink(key, prev, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(prev)
	m.Write(body)
	return m.Sum(nil)
}

// sealOf is the seal of an event written before the chain was keyed: the
// HMAC of its seq and its (plain) link.
func sealOf(key []byte, seq uint64, link []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("returnsdesk sealed event"))
	m.Write(seqKey(seq))
	m.Write(link)
	return m.Sum(nil)
}

// keying is how a file's chain is keyed: its key (nil when not loaded),
// the first keyed event (0: the chain is not keyed) and the seals of the
// events before it.
type keying struct {
	key   []byte
	from  uint64
	seals *bolt.Bucket
}

// keyingOf reads tx's keying.
func keyingOf(tx *bolt.Tx) keying {
	k := keying{key: chainKeyOf(tx), seals: tx.Bucket(bucketAuditSeals)}
	if v := tx.Bucket(bucketMeta).Get(keyKeyedFrom); len(v) == 8 {
		k.from = binary.BigEndian.Uint64(v)
	}
	return k
}

// The ways an event's link can fail.
var (
	errLinkEdited   = errors.New("its link does not match")
	errLinkUnkeyed  = errors.New("written without the audit key")
	errLinkUnsealed = errors.New("not sealed")
	errLinkNoKey    = errors.New("the audit key is not loaded")
)

// link is the link an event appended now gets.
func (k keying) link(prev, body []byte) ([]byte, error) {
	if k.from == 0 {
		return chainHash(prev, body), nil
	}
	if k.key == nil {
		return nil, errLinkNoKey
	}
	return keyedLink(k.key, prev, body), nil
}

// verify checks the stored link of event seq against the hash before it
// and its JSON: keyed from k.from, plain and sealed before it.
func (k keying) verify(seq uint64, prev, stored, body []byte) error {
	if k.from == 0 || seq < k.from {
		if !bytes.Equal(chainHash(prev, body), stored) {
			return errLinkEdited
		}
		if k.from == 0 {
			return nil
		}
		if k.key == nil {
			return errLinkNoKey
		}
		if k.seals == nil || !hmac.Equal(k.seals.Get(seqKey(seq)), sealOf(k.key, seq, stored)) {
			return errLinkUnsealed
		}
		return nil
	}
	if k.key == nil {
		return errLinkNoKey
	}
	if hmac.Equal(keyedLink(k.key, prev, body), stored) {
		return nil
	}
	if bytes.Equal(chainHash(prev, body), stored) {
		return errLinkUnkeyed
	}
	return errLinkEdited
}

// verifyEvent checks one stored event's link in tx: the event before it
// gives the hash it covers.
func verifyEvent(tx *bolt.Tx, k keying, key, v []byte) error {
	if len(v) < sha256.Size || len(key) != 8 {
		return errLinkEdited
	}
	prev := genesis
	if seq := binary.BigEndian.Uint64(key); seq > 1 {
		pv := tx.Bucket(bucketAudit).Get(seqKey(seq - 1))
		if len(pv) < sha256.Size {
			return errLinkEdited
		}
		prev = pv[:sha256.Size]
	}
	return k.verify(binary.BigEndian.Uint64(key), prev, v[:sha256.Size], v[sha256.Size:])
}

// migrateKeyChain is migration 8 -> 9: the chain keyed from its next
// event, every event before it sealed, and one event saying so (none on a
// new store, whose first event is keyed).
func migrateKeyChain(tx *bolt.Tx, now time.Time) error {
	key := chainKeyOf(tx)
	if key == nil {
		return errLinkNoKey
	}
	if err := createBuckets(tx, [][]byte{bucketAuditSeals}); err != nil {
		return err
	}
	seals := tx.Bucket(bucketAuditSeals)
	n := 0
	err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
		if len(k) != 8 || len(v) < sha256.Size {
			return ErrDamaged.Wrap(fmt.Errorf("audit event %x is malformed", k))
		}
		n++
		return seals.Put(k, sealOf(key, binary.BigEndian.Uint64(k), v[:sha256.Size]))
	})
	if err != nil {
		return err
	}
	head, _, err := chainHead(tx)
	if err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	if err := meta.Put(keyAuditKeyID, auditKeyID(key)); err != nil {
		return err
	}
	if err := meta.Put(keyKeyedFrom, seqKey(head+1)); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	_, err = appendEvent(tx, Event{Time: now, Staff: "system", Kind: EventSettings,
		Words: SaidN("the audit trail is keyed from here: %d earlier events sealed", n, n)})
	return err
}

// auditKeyPath is the store's audit key file.
func (s *Store) auditKeyPath() string {
	if s.opts.AuditKeyFile != "" {
		return s.opts.AuditKeyFile
	}
	return DefaultAuditKeyFile(s.path)
}

// loadAuditKey finds the audit key of a store whose meta names it (id): at
// audit.key, or at audit.key.new when the kiosk stopped before it renamed
// it, which it then does. A read-only open that finds none goes on without
// it: check says so.
func (s *Store) loadAuditKey(id []byte) ([]byte, error) {
	path := s.auditKeyPath()
	key, err := readKey(path)
	if errors.Is(err, os.ErrNotExist) {
		if nk, nerr := readKey(path + ".new"); nerr == nil && hmac.Equal(auditKeyID(nk), id) {
			if s.opts.ReadOnly {
				return nk, nil
			}
			return nk, os.Rename(path+".new", path)
		}
	}
	switch {
	case err != nil && s.opts.ReadOnly:
		return nil, nil
	case errors.Is(err, os.ErrNotExist):
		return nil, refine(ErrKeyMissing, nil, "the audit key file is missing: %s. Restore it from where it was kept "+
			"apart (it is not in backups): without it the audit trail can be neither verified nor written", path)
	case err != nil:
		return nil, err
	case !hmac.Equal(auditKeyID(key), id):
		if s.opts.ReadOnly {
			return nil, nil
		}
		return nil, refine(ErrKeyMismatch, nil, "the audit key file %s is not this store's", path)
	}
	return key, nil
}

// setUpAuditKey loads the audit key before the store is migrated: the
// store's own, or, for a store whose chain is not keyed yet, a new one
// (audit.key.new) that migrateKeyChain keys it with. An audit.key beside a
// store that is not keyed is refused: that store's history was rewritten.
func (s *Store) setUpAuditKey(id []byte) error {
	if id != nil {
		key, err := s.loadAuditKey(id)
		if key != nil {
			chainKeys.Store(s.db, key)
		}
		return err
	}
	if s.opts.ReadOnly {
		return nil
	}
	if _, err := os.Stat(s.auditKeyPath()); err == nil {
		return refine(ErrTampered, nil, "the store file's audit trail is not keyed, but an audit key is beside it "+
			"(%s): its history was rewritten outside the program, or it is a backup from before the trail was keyed "+
			"(then move that key away, and the kiosk keys the trail anew)", s.auditKeyPath())
	}
	key, err := loadOrCreateKey(s.auditKeyPath()+".new", true)
	if err != nil {
		return err
	}
	chainKeys.Store(s.db, key)
	return nil
}

// placeAuditKey renames audit.key.new into place once the store it keys is
// committed. Another process that created the same store may have done it.
func placeAuditKey(path string) error {
	err := os.Rename(path+".new", path)
	if errors.Is(err, os.ErrNotExist) {
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
	}
	if err != nil {
		return failed("cannot put the audit key file in place", err)
	}
	return nil
}
