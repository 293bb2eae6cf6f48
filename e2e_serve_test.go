package main

// The serve command as the back office runs it: the real binary, stopped
// with SIGTERM. Sessions themselves are tested in ui/server.

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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
	if err := st.AddStaff("Olena", flow.RoleLead, "1234", "Olena"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "serve", "--data", dir, "--listen", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})

	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		_, _ = bufio.NewReader(stdout).ReadString(0) // drain until the process ends
		exited <- cmd.Wait()
	}()
	var line string
	select {
	case line = <-lines:
	case <-time.After(waitLimit):
		t.Fatal("serve printed nothing")
	}
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "serving 0 tills on ")
	if !ok {
		t.Fatalf("serve printed %q; stderr: %s", line, stderr.String())
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

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve ended with %v; stderr: %s", err, stderr.String())
		}
	case <-time.After(waitLimit):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("serve took %s to stop", took)
	}
	if !strings.Contains(stderr.String(), "no tills are registered: add one with returnsdesk tills add") {
		t.Errorf("serve did not say no till is registered: %q", stderr.String())
	}
	out, err := exec.Command(bin, "check", "--data", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("check after serve: %v\n%s", err, out)
	}
}
