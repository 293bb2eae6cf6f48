package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store/atomicfile"
)

// keySize is the passport key's length: 32 random bytes.
const keySize = 32

// MaskPassport is what the store keeps of a passport: its type, the last four
// characters of its number, and the number's HMAC-SHA-256 under the store's
// passport key (Key, hex), which finds repeat returns by the same person
// without keeping the number. The number itself is kept nowhere: not in the
// store, not in the log. Spaces, dashes and letter case in the number do not
// count, nor whether a booklet's series is typed in Cyrillic letters (АВ) or
// their Latin lookalikes (AB), as booklets were kept before
// (flow.NormalizePassport). Checking that the number is well formed is
// flow's; a store open read-only has no key and leaves Key empty.
func (s *Store) MaskPassport(ptype, number, name string) flow.Passport {
	ptype = strings.ToLower(strings.TrimSpace(ptype))
	n := flow.NormalizePassport(number)
	r := []rune(n)
	p := flow.Passport{Type: ptype, Last4: string(r[max(0, len(r)-4):]), Name: strings.TrimSpace(name)}
	if s.key != nil && n != "" {
		p.Key = hex.EncodeToString(passportMAC(s.key, ptype, n))
	}
	return p
}

func passportMAC(key []byte, ptype, number string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(ptype))
	m.Write([]byte{0})
	m.Write([]byte(number))
	return m.Sum(nil)
}

// keyID tells which key a store was made with without giving the key away.
func keyID(key []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("returnsdesk passport key id"))
	return m.Sum(nil)[:8]
}

// loadOrCreateKey reads the passport key file, or creates it (mode 0600,
// written whole under a temporary name and linked into place) when create
// is set and it does not exist.
func loadOrCreateKey(path string, create bool) ([]byte, error) {
	key, err := readKey(path)
	if err == nil || !errors.Is(err, os.ErrNotExist) || !create {
		return key, err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, failed("cannot make the passport key's folder", err)
	}
	key = make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	tmp, err := atomicfile.Temp(path, func(f *os.File) error {
		_, err := fmt.Fprintf(f, "%s\n", hex.EncodeToString(key))
		return err
	})
	if err != nil {
		return nil, failed("cannot write the passport key file", err)
	}
	defer os.Remove(tmp)
	if err := atomicfile.Create(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) { // another process made one first
			return readKey(path)
		}
		return nil, failed("cannot create the passport key file", err)
	}
	return key, nil
}

func readKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(string(bytes.TrimSpace(data)))
	if err != nil || len(key) != keySize {
		return nil, flow.Errorf(flow.EUnavailable, "the passport key file %s is not a key (64 hex digits)", path)
	}
	return key, nil
}

// setUpKey loads the passport key and checks that it is the store's.
func (s *Store) setUpKey(stored []byte) error {
	if s.opts.ReadOnly {
		key, err := readKey(s.keyPath)
		if err == nil && (stored == nil || hmac.Equal(keyID(key), stored)) {
			s.key = key
		}
		return nil
	}
	key, err := readKey(s.keyPath)
	switch {
	case errors.Is(err, os.ErrNotExist) && stored != nil && !s.opts.ReplaceLostKey:
		return refine(ErrKeyMissing, nil, "the passport key file is missing: %s. Restore it from where it was kept "+
			"apart (it is not in backups); only if it is lost for good, start the kiosk once with a new key: "+
			"earlier repeat returns will no longer be matched", s.keyPath)
	case errors.Is(err, os.ErrNotExist):
		key, err = loadOrCreateKey(s.keyPath, true)
		if err != nil {
			return err
		}
		replaced := stored != nil
		err = s.update(func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketMeta).Put(keyKeyID, keyID(key)); err != nil {
				return err
			}
			if !replaced {
				return nil
			}
			_, err := appendEvent(tx, Event{Time: time.Now(), Staff: "system", Terminal: s.terminal,
				Kind: EventSettings, Words: Said("passport key replaced: repeat returns before today cannot be matched")})
			return err
		})
		if err != nil {
			return err
		}
		if replaced {
			s.log.Warn("passport key replaced", "key_file", s.keyPath)
		}
	case err != nil:
		return err
	case stored == nil:
		if err := s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyKeyID, keyID(key)) }); err != nil {
			return err
		}
	case !hmac.Equal(keyID(key), stored):
		return ErrKeyMismatch.Wrap(errors.New(s.keyPath))
	}
	if info, err := os.Stat(s.keyPath); err == nil && info.Mode().Perm()&0o077 != 0 {
		s.log.Warn("the passport key file can be read by others: chmod 600 it", "key_file", s.keyPath,
			"mode", info.Mode().Perm().String())
	}
	s.key = key
	return nil
}
