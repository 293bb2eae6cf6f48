package store

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

var (
	crashRounds = flag.Int("crash-rounds", 200, "how many times TestCrashSafety kills the saving process")
	crashSeed   = flag.Uint64("crash-seed", 0, "TestCrashSafety's random seed (0: from the clock)")
)

// The child process: the test binary run again with these variables set.
const (
	envChild = "RETURNSDESK_STORE_CHILD" // what the child does: "hold" or "save"
	envPath  = "RETURNSDESK_STORE_PATH"
)

// child starts the test binary as a child process doing mode on the store
// at path, with its standard output piped.
func child(t *testing.T, mode, path string) (*exec.Cmd, io.ReadCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChild+"="+mode, envPath+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	return cmd, out
}

// TestHelperProcess is the child process of the tests that need a second
// process; run alone it does nothing.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(envChild)
	if mode == "" {
		t.Skip("the child process of TestSecondProcess and TestCrashSafety")
	}
	path := os.Getenv(envPath)
	s, err := Open(path, testOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, "child: open:", err)
		os.Exit(3)
	}
	switch mode {
	case "hold":
		fmt.Println("ready")
		time.Sleep(time.Minute) // killed by the parent
	case "save":
		saveForever(s)
	}
	os.Exit(0)
}

// saveForever saves cases until it is killed: each case in three steps,
// printing "ID STEP" after each SaveCase has returned.
func saveForever(s *Store) {
	fmt.Println("ready")
	w := os.Stdout // unbuffered: a line is printed once its save has returned
	for i := 0; ; i++ {
		now := time.Now()
		c := newCase(now, fmt.Sprintf("cashier-%d", i%3), fmt.Sprintf("R-%d", i), fmt.Sprintf("SN%08d", i))
		if err := s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "sale"}); err != nil {
			fmt.Fprintln(os.Stderr, "child: save:", err)
			os.Exit(4)
		}
		fmt.Fprintf(w, "%s sale\n", c.ID)
		c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
		_ = c.Complete(flow.StepRequest)
		if err := s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "request"}); err != nil {
			fmt.Fprintln(os.Stderr, "child: save:", err)
			os.Exit(4)
		}
		fmt.Fprintf(w, "%s request\n", c.ID)
		c.Documents = []flow.Document{flow.DocReceipt, flow.DocPassport}
		c.Passport = s.MaskPassport("id_card", fmt.Sprintf("KK%06d", i%50), "")
		_ = c.Complete(flow.StepDocuments)
		if err := s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "documents"}); err != nil {
			fmt.Fprintln(os.Stderr, "child: save:", err)
			os.Exit(4)
		}
		fmt.Fprintf(w, "%s documents\n", c.ID)
	}
}

func TestSecondProcess(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "returnsdesk.db")
	cmd, out := child(t, "hold", path)
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("the child did not open the store: %q %v", line, err)
	}
	start := time.Now()
	_, err = Open(path, testOptions())
	took := time.Since(start)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another process holds the store file") {
		t.Fatalf("open of a held store: %v", err)
	}
	if took > 2*time.Second {
		t.Errorf("open of a held store took %v", took)
	}
	t.Logf("refused after %v: %v", took.Round(time.Millisecond), err)
	if _, err := CheckFile(path, CheckOptions{}); !errors.Is(err, ErrLocked) {
		t.Errorf("check of a held store: %v", err)
	}
}

// TestCrashSafety kills a process that saves cases at random moments, then
// reopens the store: it passes the check, and every step the process said
// was saved is there with its index entries and its audit event.
func TestCrashSafety(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short")
	}
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (-crash-seed to repeat), %d rounds (-crash-rounds)", seed, *crashRounds)
	rng := rand.New(rand.NewPCG(seed, 0))
	path := filepath.Join(t.TempDir(), "returnsdesk.db")
	saved := map[string]flow.Step{} // every step acknowledged, by case
	midSave := 0
	for round := 0; round < *crashRounds; round++ {
		cmd, out := child(t, "save", path)
		var mu sync.Mutex
		var lines []string
		ready := make(chan struct{})
		acked := make(chan struct{}) // closed at the first acknowledged save
		done := make(chan struct{})
		go func() {
			defer close(done)
			r := bufio.NewReader(out)
			first, firstAck := true, true
			for {
				line, err := r.ReadString('\n')
				if err != nil { // a line cut short by the kill was never acknowledged
					if first {
						close(ready)
					}
					return
				}
				if first {
					first = false
					close(ready)
					continue
				}
				mu.Lock()
				lines = append(lines, strings.TrimSuffix(line, "\n"))
				mu.Unlock()
				if firstAck {
					firstAck = false
					close(acked)
				}
			}
		}()
		// half the kills land anywhere from the start (opening, creating),
		// half while the child is saving in its loop: after its first save
		// is acknowledged, however slow the machine (or -race) makes it
		if round%2 == 0 {
			time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
		} else {
			select {
			case <-acked:
			case <-done:
			case <-time.After(20 * time.Second):
			}
			time.Sleep(time.Duration(rng.IntN(15_000)) * time.Microsecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		<-done
		_ = cmd.Wait()
		mu.Lock()
		got := append([]string(nil), lines...)
		mu.Unlock()
		if len(got) > 0 {
			midSave++
		}
		thisRound := map[string]flow.Step{}
		for _, l := range got {
			id, step, _ := strings.Cut(l, " ")
			st, err := flow.ParseStep(step)
			if err != nil {
				t.Fatalf("round %d: the child printed %q", round, l)
			}
			saved[id], thisRound[id] = st, st
		}
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if len(saved) > 0 {
				t.Fatalf("round %d: the store file is gone", round)
			}
			continue // killed before the store was made: no half-made file left behind
		}
		if _, err := CheckFile(path, CheckOptions{}); err != nil {
			t.Fatalf("round %d: check after the kill: %v", round, err)
		}
		// what this round acknowledged; the earlier rounds' again at the end
		// (the check above already holds every case to its indexes and events)
		verifySaved(t, path, thisRound, round)
	}
	if len(saved) > 0 {
		verifySaved(t, path, saved, *crashRounds)
	}
	t.Logf("%d kills, %d of them while saving; %d cases acknowledged", *crashRounds, midSave, len(saved))
	if midSave < *crashRounds/4 {
		t.Errorf("only %d kills landed while the child was saving", midSave)
	}
}

// verifySaved reopens the store as the next kiosk start would and checks
// that every acknowledged step is there: the case with that step done, every
// index entry it makes, its day summary, and an audit event of that step.
func verifySaved(t *testing.T, path string, saved map[string]flow.Step, round int) {
	t.Helper()
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatalf("round %d: reopen: %v", round, err)
	}
	defer s.Close()
	err = s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		for id, step := range saved {
			k, _ := caseKey(id)
			rec, doc, err := getCase(bs, k)
			if err != nil {
				return err
			}
			if rec == nil {
				return fmt.Errorf("case %s (saved up to %s) is missing", id, step)
			}
			if !doc.Case.Done.Has(step) {
				return fmt.Errorf("case %s lost its %s step", id, step)
			}
			entries, err := indexEntries(bs, doc.Case, rec.day, k)
			if err != nil {
				return err
			}
			if len(entries) < 4 { // receipt, serial, status, staff (+ passport)
				return fmt.Errorf("case %s makes only %d index entries", id, len(entries))
			}
			for _, e := range entries {
				if e.bucket.Get(e.key) == nil {
					return fmt.Errorf("case %s: index entry %q missing", id, e.key)
				}
			}
			if bs.days.Get(dayIDKey(rec.day, k)) == nil {
				return fmt.Errorf("case %s: day summary missing", id)
			}
			found := false
			for _, seq := range doc.Events {
				ev, err := readEvent(bs.audit, seqKey(seq))
				if err != nil {
					return err
				}
				found = found || ev.Step == step.String()
			}
			if !found {
				return fmt.Errorf("case %s: no audit event for its %s step", id, step)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
}
