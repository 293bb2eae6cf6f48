package main

// Several tills on one store, as a store runs them: the real binary serves
// the kiosk (returnsdesk serve), three tills connect with OpenSSH's client
// (ssh -tt inside tmux), and a case saved at one till shows on the lead's
// desk at another without a key.

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
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

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// needSSH skips where OpenSSH's client is missing, except in CI, which
// installs it.
func needSSH(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("ssh")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ssh is not installed: .ci/run installs openssh-client")
		}
		t.Skip("OpenSSH's client is not installed")
	}
	return path
}

// tillKey writes a till's key pair in dir: the private key in OpenSSH's
// format for ssh -i, and the .pub for returnsdesk tills add.
func tillKey(t *testing.T, dir, name string) (private, public string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, name)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	private, public = filepath.Join(dir, name), filepath.Join(dir, name+".pub")
	must(t, os.WriteFile(private, pem.EncodeToMemory(block), 0o600))
	must(t, os.WriteFile(public, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600))
	return private, public
}

// serving starts returnsdesk serve on dir and returns its address; the
// test's end stops it with SIGTERM and checks the store.
func serving(t *testing.T, bin, dir string) string {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--data", dir, "--listen", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	must(t, cmd.Start())
	exited := make(chan error, 1)
	lines := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		lines <- line
		_, _ = r.ReadString(0) // until the process ends
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("serve ended with %v: %s", err, stderr.String())
			}
		case <-time.After(waitLimit):
			_ = cmd.Process.Kill()
			t.Error("serve did not stop on SIGTERM")
		}
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "returnsdesk.log"))
			t.Logf("the server's log:\n%s", log)
		}
		if out, err := exec.Command(bin, "check", "--data", dir).CombinedOutput(); err != nil {
			t.Errorf("check after serve: %v\n%s", err, out)
		}
	})
	select {
	case line := <-lines:
		_, addr, ok := strings.Cut(strings.TrimSpace(line), " tills on ")
		if !ok {
			t.Fatalf("serve printed %q: %s", line, stderr.String())
		}
		return addr
	case <-time.After(waitLimit):
		t.Fatalf("serve printed nothing: %s", stderr.String())
		return ""
	}
}

func TestE2EThreeTillsOverSSH(t *testing.T) {
	needTmux(t)
	sshPath := needSSH(t)
	bin := binary(t)
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost})
	must(t, err)
	text, _ := flow.BuiltinFile("citrus")
	must(t, st.SaveSettings(store.Settings{StoreName: "Three tills", PolicyName: "citrus", PolicyText: string(text),
		TimeZone: "Europe/Kyiv", IdleMinutes: 15}, leadName))
	must(t, st.AddStaff(leadName, flow.RoleLead, leadPIN, leadName))
	must(t, st.AddStaff("Ivan", flow.RoleCashier, "1111", leadName))
	must(t, st.Close())

	keys := t.TempDir()
	privs := map[string]string{}
	for _, name := range []string{"till1", "till2", "till3"} {
		priv, pub := tillKey(t, keys, name)
		privs[name] = priv
		if out, err := exec.Command(bin, "tills", "add", name, "--key", pub, "--data", dir).CombinedOutput(); err != nil {
			t.Fatalf("tills add %s: %v\n%s", name, err, out)
		}
	}
	addr := serving(t, bin, dir)
	host, port, _ := strings.Cut(addr, ":")

	tills := map[string]*term{}
	for _, name := range []string{"till1", "till2", "till3"} {
		tills[name] = startProgram(t, nil, sshPath, "-tt", "-p", port, "-i", privs[name], "-o", "IdentitiesOnly=yes",
			"-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "LogLevel=ERROR", name+"@"+host)
	}
	for _, tm := range tills {
		tm.waitFor("Returns Desk · Three tills", "Log in")
	}

	lead := tills["till3"]
	lead.loginHome()
	lead.press("d")
	lead.waitFor("Returns of", "0 cases")

	cashier := tills["till1"]
	cashier.login("Ivan", "1111")
	cashier.waitFor("Home", "Ivan (cashier)")
	cashier.typeSale(sale{date: flow.DateOf(storeToday(t)).AddDays(-3).String(), receipt: "R-3001", model: "Pixel 9",
		price: "24999.00", months: "12"})

	// the lead's desk shows the draft saved at till1, without a key
	lead.waitFor("1 case", "Ivan", "Pixel 9", "draft")

	// the back office's commands while the server holds the store and three
	// tills are connected: they run inside the server
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("returnsdesk %s while serving: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run("export", "--data", dir); !strings.Contains(out, "Pixel 9") {
		t.Errorf("export while serving: %s", out)
	}
	run("check", "--data", dir)
	run("backup", "--data", dir, filepath.Join(t.TempDir(), "backup.db"))
	if out := run("tills", "list", "--data", dir); !strings.Contains(out, "till3") {
		t.Errorf("tills list while serving: %s", out)
	}
	// a till removed while connected is told, and its session ends
	run("tills", "remove", "till2", "--data", dir)
	tills["till2"].waitFor("The back office removed this till")
	cashier.waitFor("[Request]") // the others go on
}
