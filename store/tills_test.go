package store

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
)

// edKey is an ed25519 key made from seed n, the same on every run.
func edKey(n byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{n}, ed25519.SeedSize))
}

// pubFile is a public key as its .pub file holds it, with a comment.
func pubFile(t testing.TB, pub any) string {
	t.Helper()
	k, err := ssh.NewPublicKey(pub)
	must(t, err)
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " till@shop\n"
}

// fingerprint is a .pub file's key's SHA256 fingerprint.
func fingerprint(t testing.TB, pubText string) string {
	t.Helper()
	k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(pubText))
	must(t, err)
	return ssh.FingerprintSHA256(k)
}

// privFile is a private key as ssh-keygen writes it (OpenSSH format), with a
// passphrase when one is given.
func privFile(t testing.TB, priv any, passphrase string) string {
	t.Helper()
	var block *pem.Block
	var err error
	if passphrase == "" {
		block, err = ssh.MarshalPrivateKey(priv, "till@shop")
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(priv, "till@shop", []byte(passphrase))
	}
	must(t, err)
	return string(pem.EncodeToMemory(block))
}

func TestParseTillKey(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	rsa2048, err := rsa.GenerateKey(rand.Reader, 2048)
	must(t, err)
	rsa1024, err := rsa.GenerateKey(rand.Reader, 1024)
	must(t, err)
	ed := edKey(1)
	// a security-key ed25519 key, written as OpenSSH writes one: a type a
	// till may not use
	skWire := ssh.Marshal(struct {
		Type, Key, App string
	}{ssh.KeyAlgoSKED25519, string(ed.Public().(ed25519.PublicKey)), "ssh:"})
	sk, err := ssh.ParsePublicKey(skWire)
	must(t, err)
	skText := string(ssh.MarshalAuthorizedKey(sk))

	for _, tc := range []struct {
		name string
		text string
		want error  // nil: accepted
		says string // the message says this
	}{
		{"ed25519_is_taken", pubFile(t, ed.Public()), nil, ""},
		{"ecdsa_is_taken", pubFile(t, &ec.PublicKey), nil, ""},
		{"rsa_of_2048_bits_is_taken", pubFile(t, &rsa2048.PublicKey), nil, ""},
		{"a_key_without_comment_is_taken", strings.TrimSuffix(pubFile(t, ed.Public()), " till@shop\n"), nil, ""},
		{"rsa_of_1024_bits_is_refused", pubFile(t, &rsa1024.PublicKey), ErrTillKey, "has 1024 bits"},
		{"a_private_key_is_refused", privFile(t, ed, ""), ErrPrivateKey, "that is a private key: give the .pub file"},
		{"an_encrypted_private_key_is_refused", privFile(t, ed, "secret"), ErrPrivateKey, "give the .pub file"},
		{"a_pem_private_key_is_refused", string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY",
			Bytes: []byte("x")})), ErrPrivateKey, "give the .pub file"},
		{"a_security_key_type_is_refused", skText, ErrTillKey, "not sk-ssh-ed25519@openssh.com"},
		{"text_is_refused", "hello till\n", ErrTillKey, "not an SSH public key"},
		{"nothing_is_refused", "", ErrTillKey, "not an SSH public key"},
		{"two_keys_are_refused", pubFile(t, ed.Public()) + pubFile(t, edKey(2).Public()), ErrTillKey,
			"more than one key"},
		{"options_are_refused", `from="10.0.0.1" ` + pubFile(t, ed.Public()), ErrTillKey, "without authorized_keys options"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key, err := ParseTillKey([]byte(tc.text))
			if tc.want == nil {
				must(t, err)
				if ssh.FingerprintSHA256(key) != fingerprint(t, tc.text) {
					t.Errorf("the key read is not the file's")
				}
				return
			}
			if !errors.Is(err, tc.want) || !strings.Contains(flow.Message(err), tc.says) {
				t.Fatalf("ParseTillKey = %v (reads %q), want %v saying %q", err, flow.Message(err), tc.want, tc.says)
			}
			if flow.ErrorCode(err) != flow.EInvalid {
				t.Errorf("code %s, want invalid", flow.ErrorCode(err))
			}
		})
	}
}

func TestTills(t *testing.T) {
	s, _ := openTest(t)
	keyA, keyB, keyC := pubFile(t, edKey(1).Public()), pubFile(t, edKey(2).Public()), pubFile(t, edKey(3).Public())
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

	// each step changes the store (or is refused), and check passes after it
	for _, st := range []struct {
		name string
		do   func() error
		want error  // the sentinel a refusal is
		says string // its message says this
	}{
		{"add_a_till", func() error {
			return s.AddTill(Till{Name: " till-1 ", PublicKey: keyA, Printer: " lp -d till1 "}, "Maria", at(1))
		}, nil, ""},
		{"add_another", func() error { return s.AddTill(Till{Name: "till-2", PublicKey: keyB}, "Maria", at(2)) }, nil, ""},
		{"a_name_taken_is_refused", func() error {
			return s.AddTill(Till{Name: "till-1", PublicKey: keyC}, "Maria", at(3))
		}, ErrTillExists, "there is already a till called till-1"},
		{"a_key_taken_is_refused", func() error {
			return s.AddTill(Till{Name: "till-3", PublicKey: keyA}, "Maria", at(3))
		}, ErrTillKeyUsed, "that key is till till-1's already"},
		{"a_blank_name_is_refused", func() error {
			return s.AddTill(Till{Name: "  ", PublicKey: keyC}, "Maria", at(3))
		}, flow.Errorf(flow.EInvalid, "a till needs a name"), "a till needs a name"},
		{"a_private_key_is_refused", func() error {
			return s.AddTill(Till{Name: "till-3", PublicKey: privFile(t, edKey(3), "")}, "Maria", at(3))
		}, ErrPrivateKey, "give the .pub file"},
		{"removing_no_till_is_refused", func() error { return s.RemoveTill("till-9", "Maria", at(4)) },
			ErrNotFound, "there is no till called till-9"},
		{"remove_a_till", func() error { return s.RemoveTill("till-2", "Maria", at(5)) }, nil, ""},
		{"its_key_is_free_again", func() error {
			return s.AddTill(Till{Name: "till-3", PublicKey: keyB}, "Maria", at(6))
		}, nil, ""},
	} {
		t.Run(st.name, func(t *testing.T) {
			err := st.do()
			switch {
			case st.want == nil && err != nil:
				t.Fatal(err)
			case st.want != nil && (!errors.Is(err, st.want) || !strings.Contains(flow.Message(err), st.says)):
				t.Fatalf("%v (reads %q), want %v saying %q", err, flow.Message(err), st.want, st.says)
			}
			rep, err := s.Check(CheckOptions{})
			if err != nil {
				t.Fatalf("check: %v", err)
			}
			t.Logf("check: %d tills", rep.Tills)
		})
	}

	t.Run("list_by_name", func(t *testing.T) {
		tills, err := s.Tills()
		must(t, err)
		if len(tills) != 2 || tills[0].Name != "till-1" || tills[1].Name != "till-3" {
			t.Fatalf("tills %+v", tills)
		}
		one := tills[0]
		want := Till{Name: "till-1", PublicKey: strings.TrimSuffix(keyA, " till@shop\n"),
			Fingerprint: fingerprint(t, keyA), Printer: "lp -d till1", Added: at(1).UTC(), AddedBy: "Maria"}
		if one != want {
			t.Errorf("till-1 is\n%+v, want\n%+v", one, want)
		}
		if one.KeyType() != "ssh-ed25519" || !strings.HasPrefix(one.Fingerprint, "SHA256:") {
			t.Errorf("type %s fingerprint %s", one.KeyType(), one.Fingerprint)
		}
	})

	t.Run("lookup_by_fingerprint", func(t *testing.T) {
		for _, tc := range []struct {
			name, fingerprint, till string
		}{
			{"till_1s_key", fingerprint(t, keyA), "till-1"},
			{"a_removed_tills_key_now_another_tills", fingerprint(t, keyB), "till-3"},
			{"a_key_no_till_has", fingerprint(t, keyC), ""},
			{"no_key", "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, ok, err := s.TillByKey(tc.fingerprint)
				must(t, err)
				if ok != (tc.till != "") || got.Name != tc.till {
					t.Errorf("TillByKey(%q) = %q, %v; want %q", tc.fingerprint, got.Name, ok, tc.till)
				}
			})
		}
	})

	t.Run("audit_trail", func(t *testing.T) {
		evs, err := s.Events(0, 100)
		must(t, err)
		var got []string
		for _, ev := range evs {
			if ev.Kind != EventTill {
				continue
			}
			hashed := ev.RecordHash != ""
			got = append(got, fmt.Sprintf("%s %s by %s at %s hashed=%v", ev.Subject, strings.Fields(ev.Detail)[0],
				ev.Staff, ev.Time.In(kyiv).Format("15:04"), hashed))
			if ev.Terminal != "till-1" {
				t.Errorf("event %d: terminal %q", ev.Seq, ev.Terminal)
			}
		}
		want := []string{
			"till-1 added by Maria at 14:31 hashed=true",
			"till-2 added by Maria at 14:32 hashed=true",
			"till-2 removed by Maria at 14:35 hashed=false",
			"till-3 added by Maria at 14:36 hashed=true",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("till events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !strings.Contains(evs[len(evs)-1].Detail, fingerprint(t, keyB)) {
			t.Errorf("the add's detail does not give the fingerprint: %q", evs[len(evs)-1].Detail)
		}
	})
}

// tillStore is a store with tills till-1 (with a printer) and till-2, and
// till-9 added and removed, closed.
func tillStore(t *testing.T) string {
	t.Helper()
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddTill(Till{Name: "till-1", PublicKey: pubFile(t, edKey(1).Public()), Printer: "lp -d till1"},
		"Maria", t0))
	must(t, s.AddTill(Till{Name: "till-2", PublicKey: pubFile(t, edKey(2).Public())}, "Maria", t0))
	must(t, s.AddTill(Till{Name: "till-9", PublicKey: pubFile(t, edKey(9).Public())}, "Maria", t0))
	must(t, s.RemoveTill("till-9", "Maria", t0))
	must(t, s.Close())
	return path
}

func TestTillTampering(t *testing.T) {
	orig := tillStore(t)
	if _, err := CheckFile(orig, CheckOptions{}); err != nil {
		t.Fatal(err)
	}
	record := func(tx *bolt.Tx, name string) map[string]any {
		var m map[string]any
		must(t, json.Unmarshal(tx.Bucket(bucketTills).Get([]byte(name)), &m))
		return m
	}
	put := func(tx *bolt.Tx, name string, m map[string]any) error {
		v, _ := json.Marshal(m)
		return tx.Bucket(bucketTills).Put([]byte(name), v)
	}
	for _, tc := range []struct {
		name  string
		edit  func(tx *bolt.Tx) error
		names string // the first problem names this
	}{
		{"change_a_printer", func(tx *bolt.Tx) error {
			m := record(tx, "till-1")
			m["printer"] = "lp -d elsewhere"
			return put(tx, "till-1", m)
		}, "till till-1: the record is not as the last event about it"},
		{"give_a_till_another_key", func(tx *bolt.Tx) error {
			m := record(tx, "till-1")
			m["public_key"] = strings.Fields(pubFile(t, edKey(7).Public()))[0] + " " +
				strings.Fields(pubFile(t, edKey(7).Public()))[1]
			return put(tx, "till-1", m)
		}, "till till-1: its fingerprint"},
		{"give_a_till_another_key_and_fingerprint", func(tx *bolt.Tx) error {
			m := record(tx, "till-1")
			k := pubFile(t, edKey(7).Public())
			m["public_key"], m["fingerprint"] = strings.TrimSuffix(k, " till@shop\n"), fingerprint(t, k)
			return put(tx, "till-1", m)
		}, "till till-1: the record is not as the last event about it"},
		{"give_a_till_another_tills_key", func(tx *bolt.Tx) error {
			one := record(tx, "till-1")
			two := record(tx, "till-2")
			two["public_key"], two["fingerprint"] = one["public_key"], one["fingerprint"]
			return put(tx, "till-2", two)
		}, "till till-2: it has the key of till till-1"},
		{"rename_a_till", func(tx *bolt.Tx) error {
			m := record(tx, "till-2")
			must(t, tx.Bucket(bucketTills).Delete([]byte("till-2")))
			m["name"] = "till-5"
			return put(tx, "till-5", m)
		}, "till till-5: no audit event added it"},
		{"delete_a_till", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketTills).Delete([]byte("till-2"))
		}, "till till-2: audit event 5 added it, but its record is missing"},
		{"put_back_a_removed_till", func(tx *bolt.Tx) error {
			m := record(tx, "till-2")
			k := pubFile(t, edKey(9).Public())
			m["name"], m["public_key"], m["fingerprint"] = "till-9", strings.TrimSuffix(k, " till@shop\n"), fingerprint(t, k)
			return put(tx, "till-9", m)
		}, "till till-9: audit event 7 removed it, but its record is there"},
		{"store_a_till_under_another_name", func(tx *bolt.Tx) error {
			return put(tx, "till-3", record(tx, "till-2"))
		}, "till till-3: the record does not match its key"},
		{"a_till_that_does_not_read", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketTills).Put([]byte("till-2"), []byte("{"))
		}, "till till-2: cannot be read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, orig)
			editRaw(t, path, tc.edit)
			_, err := CheckFile(path, CheckOptions{})
			var ce *CheckError
			if !errors.As(err, &ce) {
				t.Fatalf("the check passed or failed otherwise: %v", err)
			}
			if !strings.Contains(ce.Problems[0], tc.names) {
				t.Errorf("the first problem is %q, want it to name %q (all: %q)", ce.Problems[0], tc.names, ce.Problems)
			}
		})
	}
}

// makeV4 turns the closed store at path into the version 4 store the code
// before tills made: the same buckets without tills, and version 4.
func makeV4(t testing.TB, path string) {
	t.Helper()
	unkeyChain(t, path)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		must(t, tx.DeleteBucket(bucketTills))
		return putVersion(tx, 4)
	}))
	must(t, db.Close())
}

func TestOpen_migrationTo5(t *testing.T) {
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	c := newCase(t0, "olena", "R-1", "SN1")
	must(t, s.SaveCase(c, Event{Staff: "olena", Time: t0}))
	must(t, s.Close())
	makeV4(t, path)

	_, err := CheckFile(path, CheckOptions{})
	if err == nil || !strings.Contains(err.Error(), "schema version 4") {
		t.Fatalf("a version 4 store's check: %v", err)
	}
	s, err = Open(path, testOptions())
	must(t, err)
	defer s.Close()
	var v uint64
	must(t, s.view(func(tx *bolt.Tx) error {
		v, err = readVersion(tx)
		if b := tx.Bucket(bucketTills); b == nil || b.Stats().KeyN != 0 {
			t.Error("the migration did not make an empty tills bucket")
		}
		return err
	}))
	if v != schemaVersion {
		t.Errorf("version %d after the migrations, want the %d this binary writes", v, schemaVersion)
	}
	rep, err := s.Check(CheckOptions{})
	if err != nil {
		t.Fatalf("check after the migration: %v", err)
	}
	if rep.Events != 5 {
		t.Errorf("%d events after the migrations: the one to 5 should add none, the one keying the chain one",
			rep.Events)
	}
	must(t, s.AddTill(Till{Name: "till-1", PublicKey: pubFile(t, edKey(1).Public())}, "Maria", t0))
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Errorf("check after a till: %v", err)
	}
}

// BenchmarkMigrateTo5 opens a fresh store of version 4, which migrates it to
// 5 (one commit that adds the tills bucket), beside the open of the same
// store at version 5, which migrates nothing. Each open is of a new copy.
func BenchmarkMigrateTo5(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, FileName)
	s, err := Open(path, testOptions())
	must(b, err)
	must(b, s.SaveSettings(Settings{StoreName: "Test store", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "setup"))
	must(b, s.Close())
	v5, err := os.ReadFile(path)
	must(b, err)
	makeV4(b, path)
	v4, err := os.ReadFile(path)
	must(b, err)
	key, err := os.ReadFile(DefaultKeyFile(path))
	must(b, err)
	for _, bc := range []struct {
		name string
		file []byte
	}{{"from_4", v4}, {"at_5", v5}} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				p := filepath.Join(dir, fmt.Sprintf("%s-%d", bc.name, i), FileName)
				must(b, os.MkdirAll(filepath.Dir(p), 0o700))
				must(b, os.WriteFile(p, bc.file, 0o600))
				must(b, os.WriteFile(DefaultKeyFile(p), key, 0o600))
				b.StartTimer()
				s, err := Open(p, testOptions())
				must(b, err)
				b.StopTimer()
				must(b, s.Close())
				b.StartTimer()
			}
		})
	}
}
