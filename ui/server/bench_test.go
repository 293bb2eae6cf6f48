package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/store"
)

// The server's benchmarks. Run only with -bench; figures are reported with
// ReportMetric, never asserted. Commands and figures: the README's
// Performance section.

var (
	benchKeys  = flag.Int("keys", 20, "BenchmarkSessions: keys each session types a round")
	benchGap   = flag.Duration("key-gap", 0, "BenchmarkSessions: a pause after each key's frame, random between 0 and twice this (0: the next key at once)")
	largeStore = flag.String("large-dir", "", "BenchmarkServerStart: also open the store in this folder (the store benchmarks' -large -large-dir store)")
)

// typed is what a session types into the login's Name field, one character
// a key: each key's frame shows a longer prefix of it, after the marker.
const (
	typedMarker = "QZX"
	typedText   = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
)

// BenchmarkSessions measures keypress-to-frame latency with 1, 10 and 50
// tills connected at once, each typing into its login screen's Name field:
// the time from writing a key to receiving the frame whose text shows it.
// All sessions type at the same time, each a key as soon as the frame of its
// last one arrived, or after a random pause of 0 to 2x -key-gap (a cashier
// types a key while the screen is still; with no pause, each key lands just
// after a frame, and waits the whole frame interval for the next). b.N is rounds of -keys keys a session.
// It also reports the heap in use per open session (after GC, against the
// server with no session). The clients (golang.org/x/crypto/ssh, the screen
// buffers) run in the same process, so they share its 2 cores and their
// memory counts in the heap too.
func BenchmarkSessions(b *testing.B) {
	for _, n := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) { benchSessions(b, n) })
	}
}

func benchSessions(b *testing.B, n int) {
	if *benchKeys > len(typedText) {
		b.Fatalf("-keys is at most %d", len(typedText))
	}
	r := newRig(b, 64) // above the default cap of 32
	for i := 4; i <= n; i++ {
		r.addTill(fmt.Sprintf("till%d", i))
	}
	heap0, stack0 := heapInUse()

	tills := make([]*till, n)
	for i := range tills {
		tills[i] = r.connect(fmt.Sprintf("till%d", i+1))
	}
	for _, tl := range tills {
		tl.waitFor(0, "Log in", "┃ Name")
	}

	var (
		mu   sync.Mutex
		all  []time.Duration
		errs []error
	)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, tl := range tills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ds, err := typeRounds(tl, b.N, start)
			mu.Lock()
			all = append(all, ds...)
			if err != nil {
				errs = append(errs, err)
			}
			mu.Unlock()
		}()
	}
	b.ResetTimer()
	close(start)
	wg.Wait()
	b.StopTimer()
	if len(errs) > 0 {
		b.Fatalf("%d of %d sessions failed; the first: %v", len(errs), n, errs[0])
	}

	heap1, stack1 := heapInUse()
	slices.Sort(all)
	b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
	b.ReportMetric(ms(all[min(len(all)-1, len(all)*99/100)]), "p99-ms")
	b.ReportMetric(ms(all[len(all)-1]), "max-ms")
	b.ReportMetric(float64(heap1-heap0)/float64(n)/(1<<20), "MB/session")
	b.ReportMetric(float64(stack1-stack0)/float64(n)/(1<<10), "stack-KB/session")
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "keys/s")
	b.ReportMetric(0, "ns/op") // a round's time says nothing the latencies do not
}

// typeRounds types rounds of -keys characters into the Name field of tl's
// login screen and returns each key's latency. Between rounds the field is
// emptied again (backspaces, not timed).
func typeRounds(tl *till, rounds int, start <-chan struct{}) ([]time.Duration, error) {
	// the marker first, so that every prefix waited for is unlike anything
	// else on the screen
	mark := tl.out.mark()
	if _, err := io.WriteString(tl.stdin, typedMarker); err != nil {
		return nil, err
	}
	if err := tl.out.waitFor(mark, typedMarker); err != nil {
		return nil, err
	}
	<-start
	ds := make([]time.Duration, 0, rounds**benchKeys)
	for round := range rounds {
		for k := 1; k <= *benchKeys; k++ {
			mark := tl.out.mark()
			t0 := time.Now()
			if _, err := io.WriteString(tl.stdin, typedText[k-1:k]); err != nil {
				return ds, err
			}
			if err := tl.out.waitFor(mark, typedMarker+typedText[:k]); err != nil {
				return ds, fmt.Errorf("round %d, key %d: %w", round, k, err)
			}
			ds = append(ds, time.Since(t0))
			if *benchGap > 0 {
				time.Sleep(rand.N(2 * *benchGap))
			}
		}
		if round == rounds-1 {
			break
		}
		mark := tl.out.mark()
		if _, err := io.WriteString(tl.stdin, strings.Repeat("\x7f", *benchKeys)); err != nil {
			return ds, err
		}
		if err := tl.out.waitCleared(mark); err != nil {
			return ds, fmt.Errorf("round %d, emptying the field: %w", round, err)
		}
	}
	return ds, nil
}

// waitCleared waits until the last frame since mark shows the marker with
// nothing typed after it.
func (s *screen) waitCleared(mark int) error {
	timeout := time.After(deadline)
	for {
		got := s.plain(mark)
		if i := strings.LastIndex(got, typedMarker); i >= 0 {
			rest := got[i+len(typedMarker):]
			if rest == "" || !strings.ContainsRune(typedText, rune(rest[0])) {
				return nil
			}
		}
		select {
		case <-s.changed:
		case <-timeout:
			return fmt.Errorf("after %s the Name field is not empty; the screen shows:\n%s", deadline, got)
		}
	}
}

// heapInUse is the heap and the goroutine stacks in use, after a GC.
func heapInUse() (heap, stack int64) {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse), int64(m.StackInuse)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkServerStart measures a server's start, the store already open:
// from New to the listener accepting (a client has read the server's SSH
// version line, which it sends once it accepted). existing_key reads the
// host key made by an earlier start, as every start but the first does;
// new_key makes it (the first start). With -large-dir DIR, large opens the
// store in DIR first, as serve does: store.Open + New + accepting, on the
// store benchmarks' 1,000,000-case store. Each reports its median and its
// slowest start in ms; the shutdown after each start is not timed.
func BenchmarkServerStart(b *testing.B) {
	b.Run("existing_key", func(b *testing.B) {
		dir := b.TempDir()
		st := openBenchStore(b, filepath.Join(dir, store.FileName))
		defer st.Close()
		startServer(b, st, dir, time.Now()) // makes the host key
		reportStarts(b, func(int) time.Duration { return startServer(b, st, dir, time.Now()) })
	})
	b.Run("new_key", func(b *testing.B) {
		dir := b.TempDir()
		st := openBenchStore(b, filepath.Join(dir, store.FileName))
		defer st.Close()
		reportStarts(b, func(i int) time.Duration {
			return startServer(b, st, filepath.Join(dir, fmt.Sprint(i)), time.Now())
		})
	})
	b.Run("large", func(b *testing.B) {
		if *largeStore == "" {
			b.Skip("the 1,000,000-case store: run with -large-dir DIR (built by the store benchmarks: see the README)")
		}
		path := filepath.Join(*largeStore, store.FileName)
		// the host key is made first, on a small store of its own, so that
		// the large store is read first by the timed open (cold, after the
		// page cache is dropped); the large store's folder is left as it is
		dataDir := b.TempDir()
		small := openBenchStore(b, filepath.Join(b.TempDir(), store.FileName))
		startServer(b, small, dataDir, time.Now())
		small.Close()
		reportStarts(b, func(int) time.Duration {
			t0 := time.Now()
			st := openBenchStore(b, path)
			took := startServer(b, st, dataDir, t0)
			st.Close()
			return took
		})
	})
}

// reportStarts runs start b.N times and reports its median and slowest.
func reportStarts(b *testing.B, start func(i int) time.Duration) {
	ds := make([]time.Duration, b.N)
	b.ResetTimer()
	for i := range ds {
		ds[i] = start(i)
	}
	b.StopTimer()
	slices.Sort(ds)
	b.ReportMetric(ms(ds[len(ds)/2]), "p50-ms")
	b.ReportMetric(ms(ds[len(ds)-1]), "max-ms")
	b.ReportMetric(0, "ns/op") // it times the shutdowns too
}

func openBenchStore(b *testing.B, path string) *store.Store {
	b.Helper()
	st, err := store.Open(path, store.Options{PINCost: bcrypt.MinCost})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// startServer starts a server on st and returns the time from t0 to a
// client's reading the server's version line; it then shuts the server
// down.
func startServer(b *testing.B, st *store.Store, dataDir string, t0 time.Time) time.Duration {
	b.Helper()
	lookup := func(string) (Till, bool, error) { return Till{}, false, nil }
	srv, err := New(Config{Store: st, DataDir: dataDir, Till: lookup,
		Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	conn, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	banner := make([]byte, 8)
	_ = conn.SetReadDeadline(time.Now().Add(deadline))
	if _, err := io.ReadFull(conn, banner); err != nil || string(banner) != "SSH-2.0-" {
		b.Fatalf("the server's version line: %q, %v", banner, err)
	}
	took := time.Since(t0)
	conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		b.Fatal(err)
	}
	if err := <-served; err != nil {
		b.Fatal(err)
	}
	return took
}
