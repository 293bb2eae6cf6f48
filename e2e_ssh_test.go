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
	"errors"
	"fmt"
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

// served is returnsdesk serve running on a data directory.
type served struct {
	t       *testing.T
	cmd     *exec.Cmd
	dir     string
	first   string // the line it printed first: "обслуговую N кас на ADDR"
	addr    string
	stderr  *strings.Builder
	exited  chan error
	stopped bool
}

// startServe starts returnsdesk serve on dir and waits for its first line;
// the test's end stops it with SIGTERM (if the test did not) and checks the
// store.
func startServe(t *testing.T, bin, dir string) *served {
	t.Helper()
	sv := &served{t: t, cmd: exec.Command(bin, "serve", "--data", dir, "--listen", "127.0.0.1:0"), dir: dir,
		stderr: new(strings.Builder), exited: make(chan error, 1)}
	stdout, err := sv.cmd.StdoutPipe()
	must(t, err)
	sv.cmd.Stderr = sv.stderr
	must(t, sv.cmd.Start())
	lines := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		lines <- line
		_, _ = r.ReadString(0) // until the process ends
		sv.exited <- sv.cmd.Wait()
	}()
	t.Cleanup(func() {
		if !sv.stopped {
			if _, err := sv.stop(); err != nil {
				t.Error(err)
			}
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
	case sv.first = <-lines:
	case <-time.After(waitLimit):
		t.Fatalf("serve printed nothing: %s", sv.stderr.String())
	}
	_, addr, ok := strings.Cut(strings.TrimSpace(sv.first), " на ")
	if !ok {
		t.Fatalf("serve printed %q: %s", sv.first, sv.stderr.String())
	}
	sv.addr = addr
	return sv
}

// stop sends SIGTERM and waits for serve to end: how long it took, or why
// it did not end well.
func (sv *served) stop() (time.Duration, error) {
	sv.stopped = true
	start := time.Now()
	if err := sv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return 0, err
	}
	select {
	case err := <-sv.exited:
		if err != nil {
			return time.Since(start), fmt.Errorf("serve ended with %v: %s", err, sv.stderr.String())
		}
		return time.Since(start), nil
	case <-time.After(waitLimit):
		_ = sv.cmd.Process.Kill()
		return waitLimit, errors.New("serve did not stop on SIGTERM")
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
	addr := startServe(t, bin, dir).addr
	host, port, _ := strings.Cut(addr, ":")

	tills := map[string]*term{}
	for _, name := range []string{"till1", "till2", "till3"} {
		tills[name] = startProgram(t, nil, sshPath, "-tt", "-p", port, "-i", privs[name], "-o", "IdentitiesOnly=yes",
			"-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "LogLevel=ERROR", name+"@"+host)
	}
	for _, tm := range tills {
		tm.waitFor("Каса повернень · Three tills", "Вхід")
	}

	lead := tills["till3"]
	lead.loginHome()
	lead.press("d")
	lead.waitFor("Повернення ", "0 справ")

	cashier := tills["till1"]
	cashier.login("Ivan", "1111")
	cashier.waitFor("Головна", "Ivan (касир)")
	cashier.typeSale(sale{date: flow.DateOf(storeToday(t)).AddDays(-3).String(), receipt: "R-3001", model: "Pixel 9",
		price: "24999.00", months: "12"})

	// the lead's desk shows the draft saved at till1, without a key
	lead.waitFor("1 справа", "Ivan", "Pixel 9", "чернетка")

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
	tills["till2"].waitFor("Бек-офіс вилучив цю касу")
	cashier.waitFor("[Вимога]") // the others go on
}
