package cli

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/server"
)

// tillKeyFile writes the key files of ed25519 seed n in dir: tillN.pub the
// public key (with a comment, as ssh-keygen writes it), tillN the private
// key beside it. It returns both paths and the public key's fingerprint.
func tillKeyFile(t *testing.T, dir string, n byte) (pub, priv, fingerprint string) {
	t.Helper()
	k := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{n}, ed25519.SeedSize))
	sk, err := ssh.NewPublicKey(k.Public())
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(k, "till@shop")
	if err != nil {
		t.Fatal(err)
	}
	priv = filepath.Join(dir, "till"+string('0'+n))
	pub = priv + ".pub"
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sk))) + " till@shop\n"
	if err := os.WriteFile(pub, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(priv, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	return pub, priv, ssh.FingerprintSHA256(sk)
}

// tillsStore is a data folder with a set-up store (Kyiv time).
func tillsStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv"},
		"Olena"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTillsCommands(t *testing.T) {
	dir := tillsStore(t)
	keys := t.TempDir()
	pub1, priv1, fp1 := tillKeyFile(t, keys, 1)
	pub2, _, fp2 := tillKeyFile(t, keys, 2)

	if code, out, errs := run(t, "", "tills", "list", "--data", dir); code != ExitOK ||
		out != "no tills yet: add one with returnsdesk tills add NAME --key FILE.pub\n" {
		t.Fatalf("list of none: exit %d %q %q", code, out, errs)
	}
	code, out, errs := run(t, "", "tills", "add", "till-1", "--key", pub1, "--printer", "lp -d till1", "--data", dir,
		"--by", "Olena")
	if code != ExitOK || out != "added till till-1: ssh-ed25519 "+fp1+", printer lp -d till1\n" {
		t.Fatalf("add: exit %d %q %q", code, out, errs)
	}
	// the flags first, the name last, no printer, the default by, a language of its own
	code, out, errs = run(t, "", "tills", "add", "--data", dir, "--key", pub2, "--language", "en", "till-2")
	if code != ExitOK || out != "added till till-2: ssh-ed25519 "+fp2+", printer -, language en\n" {
		t.Fatalf("add: exit %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, "", "tills", "list", "--data", dir)
	want := regexp.MustCompile(`^NAME +KEY +FINGERPRINT +PRINTER +LANGUAGE +ADDED\n` +
		`till-1 +ssh-ed25519 +` + regexp.QuoteMeta(fp1) + ` +lp -d till1 +- +2024-03-15 14:00 by Olena\n` +
		`till-2 +ssh-ed25519 +` + regexp.QuoteMeta(fp2) + ` +- +en +2024-03-15 14:00 by tills command\n$`)
	if code != ExitOK || !want.MatchString(out) {
		t.Fatalf("list: exit %d\n%s%q", code, out, errs)
	}

	// bad input: exit 2, naming the argument or flag; nothing is added
	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"no_name", []string{"tills", "add", "--key", pub1}, "tills add: NAME: name the till"},
		{"two_names", []string{"tills", "add", "a", "b", "--key", pub1}, "NAME: one till at a time"},
		{"a_name_of_two_lines", []string{"tills", "add", "till\n3", "--key", pub1}, `NAME: "till\n3" is not a name for a till`},
		{"no_key", []string{"tills", "add", "till-3"}, "--key: give the till's public key file"},
		{"no_key_file", []string{"tills", "add", "till-3", "--key", filepath.Join(keys, "nope.pub")},
			"--key " + filepath.Join(keys, "nope.pub") + ": cannot read it (no such file or directory)"},
		{"a_private_key", []string{"tills", "add", "till-3", "--key", priv1},
			"--key " + priv1 + ": that is a private key: give the .pub file"},
		{"an_rsa_key_too_short", []string{"tills", "add", "till-3", "--key", rsaKeyFile(t, keys, 1024)},
			"the RSA key has 1024 bits: a till's RSA key has 2048 or more"},
		{"a_key_of_another_type", []string{"tills", "add", "till-3", "--key", skKeyFile(t, keys)},
			"a till's key is ssh-ed25519, ecdsa or rsa (of 2048 bits or more), not sk-ssh-ed25519@openssh.com"},
		{"not_a_key", []string{"tills", "add", "till-3", "--key", storeFile(dir)}, "that is not an SSH public key"},
		{"a_name_taken", []string{"tills", "add", "till-1", "--key", pub2}, "NAME: there is already a till called till-1"},
		{"a_key_taken", []string{"tills", "add", "till-3", "--key", pub1},
			"--key " + pub1 + ": that key is till till-1's already"},
		{"a_printer_of_two_lines", []string{"tills", "add", "till-3", "--key", tillPub(t, keys, 3), "--printer", "lp\nrm"},
			"--printer: a printer command is one line"},
		{"an_unknown_language", []string{"tills", "add", "till-3", "--key", tillPub(t, keys, 3), "--language", "de"},
			`tills add: --language: "de" is not a language of the kiosk: uk (Ukrainian) or en (English)`},
		{"a_blank_language", []string{"tills", "add", "till-3", "--key", tillPub(t, keys, 3), "--language", ""},
			"tills add: --language: "},
		{"an_unknown_flag", []string{"tills", "add", "till-3", "--kee", pub1}, "-kee"},
		{"remove_without_name", []string{"tills", "remove"}, "tills remove: NAME: name the till"},
		{"list_with_an_argument", []string{"tills", "list", "till-1"}, `unexpected argument "till-1"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", append(tc.args, "--data", dir)...)
			if code != ExitUsage || out != "" || !strings.Contains(errs, tc.says) {
				t.Errorf("exit %d %q %q, want exit 2 saying %q", code, out, errs, tc.says)
			}
		})
	}

	if code, _, errs := run(t, "", "tills", "remove", "till-9", "--data", dir); code != ExitFail ||
		errs != "returnsdesk tills remove: there is no till called till-9\n" {
		t.Errorf("remove a till that is not there: exit %d %q", code, errs)
	}
	if code, out, errs := run(t, "", "tills", "remove", "till-2", "--data", dir, "--by", "Olena"); code != ExitOK ||
		out != "removed till till-2: its key logs in no more\n" {
		t.Fatalf("remove: exit %d %q %q", code, out, errs)
	}
	if code, out, _ := run(t, "", "tills", "list", "--data", dir); code != ExitOK || strings.Contains(out, "till-2") ||
		!strings.Contains(out, "till-1") {
		t.Errorf("list after the removal: %q", out)
	}

	// the trail and the check
	st, err := store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var trail []string
	for _, ev := range evs {
		if ev.Kind == store.EventTill {
			trail = append(trail, ev.Staff+": "+ev.Detail)
		}
	}
	st.Close()
	wantTrail := []string{
		"Olena: added till till-1: ssh-ed25519 " + fp1 + `, printer "lp -d till1"`,
		"tills command: added till till-2: ssh-ed25519 " + fp2 + ", language en",
		"Olena: removed till till-2: ssh-ed25519 " + fp2,
	}
	if strings.Join(trail, "\n") != strings.Join(wantTrail, "\n") {
		t.Errorf("the till events:\n%s\nwant:\n%s", strings.Join(trail, "\n"), strings.Join(wantTrail, "\n"))
	}
	if code, out, errs := run(t, "", "check", "--data", dir); code != ExitOK || !strings.Contains(out, "tills:       1,") {
		t.Errorf("check: exit %d %q %q", code, out, errs)
	}
}

func TestTillsCommands_noStoreOrKiosk(t *testing.T) {
	keys := t.TempDir()
	pub, _, _ := tillKeyFile(t, keys, 1)
	empty := t.TempDir()
	for _, args := range [][]string{
		{"tills", "add", "till-1", "--key", pub}, {"tills", "list"}, {"tills", "remove", "till-1"},
	} {
		code, out, errs := run(t, "", append(args, "--data", empty)...)
		if code != ExitFail || out != "" || !strings.Contains(errs, "there is no store in "+empty) {
			t.Errorf("%s without a store: exit %d %q %q", args, code, out, errs)
		}
		if _, err := os.Stat(storeFile(empty)); err == nil {
			t.Fatalf("%s made a store", args)
		}
	}

	// beside the running kiosk: the store's plain refusal
	dir := tillsStore(t)
	kiosk, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer kiosk.Close()
	for _, args := range [][]string{
		{"tills", "add", "till-1", "--key", pub}, {"tills", "list"}, {"tills", "remove", "till-1"},
	} {
		code, out, errs := run(t, "", append(args, "--data", dir)...)
		if code != ExitFail || out != "" || !strings.Contains(errs, "another process holds the store file") {
			t.Errorf("%s beside the kiosk: exit %d %q %q", args, code, out, errs)
		}
	}
}

// tillPub is the public key file of ed25519 seed n in dir.
func tillPub(t *testing.T, dir string, n byte) string {
	pub, _, _ := tillKeyFile(t, dir, n)
	return pub
}

// rsaKeyFile writes an RSA public key file of bits in dir.
func rsaKeyFile(t *testing.T, dir string, bits int) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := ssh.NewPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "rsa.pub")
	if err := os.WriteFile(path, ssh.MarshalAuthorizedKey(sk), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// skKeyFile writes a security-key (sk-ssh-ed25519) public key file in dir: a
// type a till may not use.
func skKeyFile(t *testing.T, dir string) string {
	t.Helper()
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize)).Public().(ed25519.PublicKey)
	sk, err := ssh.ParsePublicKey(ssh.Marshal(struct{ Type, Key, App string }{ssh.KeyAlgoSKED25519, string(pub), "ssh:"}))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sk.pub")
	if err := os.WriteFile(path, ssh.MarshalAuthorizedKey(sk), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestServeLooksTheTillsLanguageUp: the server's lookup of a till carries
// its language (and printer) to the session, "" for one of the store's.
func TestServeLooksTheTillsLanguageUp(t *testing.T) {
	dir := tillsStore(t)
	keys := t.TempDir()
	pub1, _, fp1 := tillKeyFile(t, keys, 1)
	pub2, _, fp2 := tillKeyFile(t, keys, 2)
	for _, args := range [][]string{
		{"tills", "add", "till-1", "--key", pub1, "--language", "en", "--printer", "lp -d till1", "--data", dir},
		{"tills", "add", "till-2", "--key", pub2, "--data", dir},
	} {
		if code, out, errs := run(t, "", args...); code != ExitOK {
			t.Fatalf("%q: exit %d %q %q", args, code, out, errs)
		}
	}
	st, err := store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for fp, want := range map[string]server.Till{
		fp1: {Name: "till-1", Printer: "lp -d till1", Language: lang.EN},
		fp2: {Name: "till-2"},
	} {
		if got, ok, err := (storeTills{st}).Lookup(fp); err != nil || !ok || got != want {
			t.Errorf("lookup of %s: %+v %v %v, want %+v", want.Name, got, ok, err, want)
		}
	}
}
