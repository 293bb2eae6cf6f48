package main

// The kiosk's start: from process start to its first screen, on a terminal
// that never answers a query (a pty nobody reads for answers).

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

var benchData = flag.String("data", "", "BenchmarkStartToFirstScreen: a data folder holding a large store "+
	"(build one with: go test ./store -run '^$' -bench Open -large -large-dir DIR)")

// startOnPty starts the binary on a pty of 80x24 that answers nothing, and
// returns when the screen shows want, with how long that took.
func startOnPty(tb testing.TB, bin, dataDir, want string) time.Duration {
	tb.Helper()
	cmd := exec.Command(bin, "--data", dataDir)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		tb.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		f.Close()
	}()
	var out bytes.Buffer
	buf := make([]byte, 4096)
	deadline := time.Now().Add(4 * time.Second)
	for time.Now().Before(deadline) {
		_ = f.SetReadDeadline(deadline)
		n, err := f.Read(buf)
		out.Write(buf[:n])
		if bytes.Contains(out.Bytes(), []byte(want)) {
			return time.Since(start)
		}
		if err != nil {
			break
		}
	}
	tb.Fatalf("no %q on the screen within 4 s (a query the terminal never answers would hold it 5 s); it showed %q",
		want, out.String())
	return 0
}

// setUpStore makes a data folder with a store that has a shift lead, so the
// kiosk starts at its login.
func setUpStore(tb testing.TB, dir string) {
	tb.Helper()
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if ok, _ := s.Initialized(); ok {
		return
	}
	if _, err := s.Settings(); err != nil {
		if err := s.SaveSettings(store.Settings{StoreName: "Bench", PolicyName: "citrus", TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
			tb.Fatal(err)
		}
	}
	if err := s.AddStaff("Olena", flow.RoleLead, "123456", "Olena"); err != nil {
		tb.Fatal(err)
	}
}

// TestStartsOnATerminalThatNeverAnswers: the login shows at once on a
// terminal that answers no query: the kiosk never asks for the background
// colour, which some terminals never report.
func TestStartsOnATerminalThatNeverAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	dir := t.TempDir()
	setUpStore(t, dir)
	took := startOnPty(t, binary(t), dir, "Olena") // the login with its list of names
	t.Logf("first screen after %v", took)
}

// BenchmarkStartToFirstScreen: process start to the login screen, on the
// store in -data (a large one) or else a new one.
func BenchmarkStartToFirstScreen(b *testing.B) {
	dir := *benchData
	if dir == "" {
		dir = b.TempDir()
	}
	setUpStore(b, dir)
	bin := binary(b)
	for b.Loop() {
		startOnPty(b, bin, dir, "Olena")
	}
}
