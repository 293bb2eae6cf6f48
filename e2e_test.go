package main

// End-to-end tests: the real binary in tmux, driven as a cashier types
// (send-keys) and read as a cashier sees it (capture-pane).

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds returnsdesk once for all the end-to-end tests.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "returnsdesk-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "returnsdesk")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// term is one tmux session running the binary.
type term struct {
	t      *testing.T
	socket string
	name   string
	keys   int // keys sent, for counting a cashier's keystrokes
}

// needTmux skips where tmux is missing, except in CI, which installs it.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests do not run with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed: .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
}

// startTerm runs the binary with args in a new 80x24 tmux session.
func startTerm(t *testing.T, env []string, args ...string) *term {
	t.Helper()
	needTmux(t)
	bin := binary(t)
	tm := &term{t: t, socket: "rd-" + filepath.Base(t.TempDir()), name: "kiosk"}
	cmdline := "env TERM=xterm-256color " + strings.Join(env, " ") + " " + bin + " " + strings.Join(args, " ") +
		"; echo EXITED $?; sleep 600"
	tm.tmux("new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24", cmdline)
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// press sends named keys (Enter, Escape, Tab, Down, C-c, ...), one by one.
func (tm *term) press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.tmux("send-keys", "-t", tm.name, k)
		tm.keys++
		time.Sleep(30 * time.Millisecond)
	}
}

// typeText types text literally, as a keyboard or a barcode scanner does.
func (tm *term) typeText(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.name, "-l", s)
	time.Sleep(30 * time.Millisecond)
}

// screen is what the terminal shows now.
func (tm *term) screen() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-t", tm.name)
}

// waitFor polls the screen until it shows want, or fails after a deadline.
func (tm *term) waitFor(want string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		s = tm.screen()
		if strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s)
	return ""
}

func TestE2EHelpAndDecide(t *testing.T) {
	needTmux(t)
	tm := startTerm(t, nil, "decide", "--help")
	tm.waitFor("Usage: returnsdesk decide")
	tm.waitFor("EXITED 0")
}
