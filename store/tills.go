package store

import (
	"bytes"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// Till is a checkout till the kiosk serves over SSH: the public key its
// terminal logs in with, under the name recorded as the terminal on every
// audit event written from it. It is stored as this JSON under its name.
type Till struct {
	// Name is the till's name (flow.StaffName; flow.CheckTillName): the
	// terminal named on its events.
	Name string `json:"name"`
	// PublicKey is the till's SSH public key in authorized_keys form
	// ("ssh-ed25519 AAAA..."), without options or comment. AddTill takes the
	// text of a .pub file and keeps the key alone.
	PublicKey string `json:"public_key"`
	// Fingerprint is the key's SHA256 fingerprint ("SHA256:..."), as
	// ssh.FingerprintSHA256 writes it and an SSH server sees it. AddTill
	// fills it in.
	Fingerprint string `json:"fingerprint"`
	// Printer is the command that prints this till's acts, if it has its own
	// printer ("lp -d till2"); "" uses the store's print command.
	Printer string `json:"printer,omitempty"`
	// Language is the language of this till's staff screens, if it has one
	// of its own (a lang code: "en"); "", as tills added before it have it,
	// is the store's. The customer's side (the act) follows the store.
	Language lang.Lang `json:"language,omitempty"`
	// Added and AddedBy are when and by whom the till was added; AddTill
	// fills them in.
	Added   time.Time `json:"added"`
	AddedBy string    `json:"added_by"`
}

// KeyType is the type of the till's key, as its authorized_keys line starts:
// "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa".
func (t Till) KeyType() string {
	typ, _, _ := strings.Cut(t.PublicKey, " ")
	return typ
}

// MinTillRSABits is the shortest RSA key a till may use.
const MinTillRSABits = 2048

// tillKeyTypes are the key types a till may use: ed25519, ECDSA on the NIST
// curves, RSA of MinTillRSABits or more. Security-key (sk-) types and
// certificates are not among them.
var tillKeyTypes = []string{ssh.KeyAlgoED25519, ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521,
	ssh.KeyAlgoRSA}

// ParseTillKey reads a till's public key from the text of its .pub file (one
// authorized_keys line; a comment is dropped) and checks that a till may use
// it. A private key given by mistake is ErrPrivateKey; any other key a till
// cannot use is ErrTillKey, its message saying why.
func ParseTillKey(data []byte) (ssh.PublicKey, error) {
	if isPrivateKey(data) {
		return nil, ErrPrivateKey
	}
	key, _, options, rest, err := ssh.ParseAuthorizedKey(data)
	if err != nil {
		return nil, refine(ErrTillKey, err, "that is not an SSH public key (a .pub file holds one line: "+
			"\"ssh-ed25519 AAAA...\")")
	}
	if len(options) > 0 {
		return nil, refine(ErrTillKey, nil, "a till's key is given without authorized_keys options (%s)",
			strings.Join(options, ","))
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, refine(ErrTillKey, nil, "the file holds more than one key: give one till's key")
	}
	typ := key.Type()
	ok := false
	for _, t := range tillKeyTypes {
		ok = ok || t == typ
	}
	if !ok {
		return nil, refine(ErrTillKey, nil, "a till's key is ssh-ed25519, ecdsa or rsa (of %d bits or more), not %s",
			MinTillRSABits, printable(typ))
	}
	if typ == ssh.KeyAlgoRSA {
		var pub *rsa.PublicKey
		if ck, ok := key.(ssh.CryptoPublicKey); ok {
			pub, _ = ck.CryptoPublicKey().(*rsa.PublicKey)
		}
		if pub == nil {
			return nil, refine(ErrTillKey, nil, "the RSA key cannot be read")
		}
		if bits := pub.N.BitLen(); bits < MinTillRSABits {
			return nil, refine(ErrTillKey, nil, "the RSA key has %d bits: a till's RSA key has %d or more",
				bits, MinTillRSABits)
		}
	}
	return key, nil
}

// isPrivateKey reports whether data is a private key file (OpenSSH or PEM,
// with or without a passphrase, or PuTTY's) rather than a public key.
func isPrivateKey(data []byte) bool {
	if bytes.Contains(data, []byte("PRIVATE KEY-----")) || bytes.HasPrefix(data, []byte("PuTTY-User-Key-File")) {
		return true
	}
	_, err := ssh.ParseRawPrivateKey(data)
	var missing *ssh.PassphraseMissingError
	return err == nil || errors.As(err, &missing)
}

// tillRecord is the till as stored: its key alone in authorized_keys form,
// and the fingerprint of that key.
func tillRecord(t Till, key ssh.PublicKey, by string, now time.Time) Till {
	return Till{
		Name:        flow.StaffName(t.Name),
		PublicKey:   strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key))),
		Fingerprint: ssh.FingerprintSHA256(key),
		Printer:     strings.TrimSpace(t.Printer),
		Language:    t.Language,
		Added:       now.UTC(),
		AddedBy:     by,
	}
}

// AddTill adds a till: t's name, public key (the text of its .pub file),
// printer command and language ("": the store's; else one of lang.Langs);
// by is who added it, now when. The store fills in the
// fingerprint and who and when. It refuses a name another till has
// (ErrTillExists) and a key another till has (ErrTillKeyUsed), each naming
// the till; the till and its event are written together.
func (s *Store) AddTill(t Till, by string, now time.Time) error {
	if err := flow.CheckTillName(t.Name); err != nil {
		return err
	}
	key, err := ParseTillKey([]byte(t.PublicKey))
	if err != nil {
		return err
	}
	if strings.ContainsAny(t.Printer, "\x00\n\r") {
		return flow.Errorf(flow.EInvalid, "a printer command is one line")
	}
	if t.Language != "" {
		l, err := lang.Parse(string(t.Language))
		if err != nil {
			return flow.Errorf(flow.EInvalid, "the till's language: %q is not a language of the kiosk: uk (Ukrainian) "+
				"or en (English)", t.Language)
		}
		t.Language = l
	}
	rec := tillRecord(t, key, by, now)
	val, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketTills)
		if err != nil {
			return err
		}
		if b.Get([]byte(rec.Name)) != nil {
			return refine(ErrTillExists, nil, "there is already a till called %s", rec.Name)
		}
		other, found, err := tillByFingerprint(tx, b, rec.Fingerprint)
		if err != nil {
			return err
		}
		if found {
			return refine(ErrTillKeyUsed, nil, "that key is till %s's already: each till has a key of its own",
				other.Name)
		}
		if err := b.Put([]byte(rec.Name), val); err != nil {
			return err
		}
		words := []*EventWords{Said("added till %s: %s %s", rec.Name, rec.KeyType(), rec.Fingerprint)}
		if rec.Printer != "" {
			words = append(words, Said(", printer %q", rec.Printer))
		}
		if rec.Language != "" {
			words = append(words, Said(", language %s", rec.Language))
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: by, Terminal: s.terminal, Kind: EventTill,
			Subject: rec.Name, RecordHash: recordHash(val), Words: Joined("", words...)})
		return err
	})
	if err == nil {
		s.log.Info("till added", "name", rec.Name, "fingerprint", rec.Fingerprint, "by", by)
	}
	return err
}

// RemoveTill removes the till called name (ErrNotFound when there is none):
// its key logs in no more. The removal's event names it and carries no
// record hash, since the till has no record after it.
func (s *Store) RemoveTill(name, by string, now time.Time) error {
	name = flow.StaffName(name)
	err := s.update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketTills)
		if err != nil {
			return err
		}
		t, err := getTill(tx, b, name)
		if err != nil {
			return err
		}
		if err := b.Delete([]byte(name)); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: by, Terminal: s.terminal, Kind: EventTill,
			Subject: name, Words: Said("removed till %s: %s %s", name, t.KeyType(), t.Fingerprint)})
		return err
	})
	if err == nil {
		s.log.Info("till removed", "name", name, "by", by)
	}
	return err
}

// getTill reads the till called name from the tills bucket of tx,
// verified against its last event.
func getTill(tx *bolt.Tx, b *bolt.Bucket, name string) (Till, error) {
	v := b.Get([]byte(name))
	if v == nil {
		return Till{}, refine(ErrNotFound, nil, "there is no till called %s", name)
	}
	return decodeTill(tx, []byte(name), v)
}

// decodeTill reads a till's record, after verifying it against the last
// event that wrote it (records.go).
func decodeTill(tx *bolt.Tx, k, v []byte) (Till, error) {
	var t Till
	if err := verifyRecord(tx, "till:"+string(k), v, tillTampered(string(k))); err != nil {
		return t, err
	}
	if err := json.Unmarshal(v, &t); err != nil {
		return t, tillUnreadable(string(k), err)
	}
	return t, nil
}

// eachTill calls fn with every till of the bucket, in name order.
func eachTill(tx *bolt.Tx, b *bolt.Bucket, fn func(Till) bool) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		t, err := decodeTill(tx, k, v)
		if err != nil {
			return err
		}
		if !fn(t) {
			return nil
		}
	}
	return nil
}

// tillByFingerprint is the till whose key has the fingerprint, if any: a
// walk over every till, which are a handful.
func tillByFingerprint(tx *bolt.Tx, b *bolt.Bucket, fingerprint string) (Till, bool, error) {
	var found Till
	ok := false
	err := eachTill(tx, b, func(t Till) bool {
		if t.Fingerprint == fingerprint {
			found, ok = t, true
		}
		return !ok
	})
	return found, ok, err
}

// Tills lists every till by name.
func (s *Store) Tills() ([]Till, error) {
	var out []Till
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketTills)
		if err != nil {
			return err
		}
		return eachTill(tx, b, func(t Till) bool { out = append(out, t); return true })
	})
	return out, err
}

// TillByKey is the till whose key has the SHA256 fingerprint
// (ssh.FingerprintSHA256), and whether there is one: what the SSH server asks
// of every connection.
func (s *Store) TillByKey(fingerprint string) (Till, bool, error) {
	var t Till
	var ok bool
	err := s.view(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketTills)
		if err != nil {
			return err
		}
		t, ok, err = tillByFingerprint(tx, b, fingerprint)
		return err
	})
	return t, ok, err
}
