package main

// The serve command as the back office runs it: the real binary, stopped
// with SIGTERM. Sessions themselves are tested in ui/server.

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	gossh "golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

func TestServeStopsOnSIGTERMAndTheStoreChecks(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := flow.BuiltinFile("citrus")
	if err := st.SaveSettings(store.Settings{StoreName: "Serve store", PolicyName: "citrus", PolicyText: string(text),
		TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
		t.Fatal(err)
	}
	if err := st.AddStaff("Olena", flow.RoleLead, "123456", "Olena"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	sv := startServe(t, bin, dir)
	addr, ok := strings.CutPrefix(strings.TrimSpace(sv.first), "обслуговую 0 кас на ")
	if !ok {
		t.Fatalf("serve printed %q", sv.first)
	}

	// no till is registered yet: a key is refused
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "till1", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitLimit})
	if err == nil {
		conn.Close()
		t.Fatal("a key was let in with no till registered")
	}
	if info, err := os.Stat(filepath.Join(dir, "ssh", "host_ed25519")); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the host key in DATA/ssh: %v %v", info, err)
	}

	took, err := sv.stop()
	if err != nil {
		t.Fatal(err)
	}
	if took > 5*time.Second {
		t.Errorf("serve took %s to stop", took)
	}
	if !strings.Contains(sv.stderr.String(), "жодної каси не зареєстровано: додайте касу командою returnsdesk tills add") {
		t.Errorf("serve did not say no till is registered: %q", sv.stderr.String())
	}
	// the store checks after the stop: startServe's cleanup runs check
}

// TestServeRefusesAStoreNotSetUp: serve never creates a store, nor serves
// one that is not set up: the first till to connect would get the first-run
// screen and make itself the shift lead.
func TestServeRefusesAStoreNotSetUp(t *testing.T) {
	bin := binary(t)
	for _, tt := range []struct{ name, want string }{
		{"no store", "немає магазину: спершу налаштуйте його командою returnsdesk init"},
		{"a store not set up", "не налаштований: спершу налаштуйте його командою returnsdesk init"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.name != "no store" {
				st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
				must(t, err)
				must(t, st.Close())
			}
			out, err := exec.Command(bin, "serve", "--data", dir, "--listen", "127.0.0.1:0").CombinedOutput()
			if err == nil || !strings.Contains(string(out), tt.want) {
				t.Fatalf("serve: %v\n%s", err, out)
			}
			if _, err := os.Stat(filepath.Join(dir, "ssh")); tt.name == "no store" && err == nil {
				t.Error("serve made a host key for a store it does not serve")
			}
		})
	}
}
