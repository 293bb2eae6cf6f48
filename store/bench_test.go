//go:build linux

package store

import (
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
)

// The large store: built once per test binary run, in a temp dir, only with
// -large. Never committed.
var (
	large    = flag.Bool("large", false, "run the large-store benchmarks on a store of -cases cases, built once (minutes)")
	largeN   = flag.Int("cases", 1_000_000, "cases in the -large store (1000 a day)")
	largeDir = flag.String("large-dir", "", "build the -large store in this folder and keep it, or reuse the one there")
)

var largeStore struct {
	once  sync.Once
	dir   string
	path  string
	err   error
	build time.Duration
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if largeStore.dir != "" {
		_ = os.RemoveAll(largeStore.dir)
	}
	os.Exit(code)
}

// casesPerDay is how many cases the large store files under each day.
const casesPerDay = 1000

// day0 is the large store's first day.
var day0 = time.Date(2022, 1, 3, 0, 0, 0, 0, kyiv)

// largePath is the large store's file, built on first use.
func largePath(b *testing.B) string {
	if !*large {
		b.Skip("the large store: run with -large (and -cases N)")
	}
	largeStore.once.Do(func() {
		if *largeDir != "" {
			largeStore.path = filepath.Join(*largeDir, FileName)
			if _, err := os.Stat(largeStore.path); err == nil {
				return // built by an earlier run
			}
			largeStore.err = os.MkdirAll(*largeDir, 0o700)
		} else {
			largeStore.dir, largeStore.err = os.MkdirTemp("", "returnsdesk-large-")
			largeStore.path = filepath.Join(largeStore.dir, FileName)
		}
		if largeStore.err != nil {
			return
		}
		start := time.Now()
		largeStore.err = buildStore(largeStore.path, *largeN)
		largeStore.build = time.Since(start)
		fmt.Fprintf(os.Stderr, "built a store of %d cases in %v\n", *largeN, largeStore.build.Round(time.Second))
	})
	if largeStore.err != nil {
		b.Fatal(largeStore.err)
	}
	return largeStore.path
}

// templateCase is a whole case as the kiosk leaves it: every step done, a
// decision with its explanation, a passport.
func templateCase() *flow.Case {
	now := day0.Add(12 * time.Hour)
	c := newCase(now, "olena", "R-1", "356938035643809")
	c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	c.Documents = []flow.Document{flow.DocReceipt, flow.DocPassport}
	c.Inspection = flow.Inspection{CallSeconds: 60, CompleteSet: true, PackagingIntact: true, LabelsIntact: true,
		SealsIntact: true, SerialMatches: true}
	p, _ := flow.Builtin("generic")
	d, err := flow.Decide(c, p, now)
	if err != nil {
		panic(err)
	}
	c.Decision = &d
	for _, st := range c.Steps() {
		c.Done = c.Done.With(st)
	}
	c.Step = flow.StepAct
	return c
}

var models = []string{"iPhone 15 128GB", "Galaxy S24 256GB", "Redmi Note 13", "MacBook Air 13 M3", "AirPods Pro 2",
	"Pixel 8", "Galaxy Tab S9", "Xiaomi 14", "iPad 10.9 64GB", "Watch Series 9 45mm", "JBL Flip 6", "Kindle"}

// buildStore fills a store with n cases, 1000 a day, without fsync, each
// case in its final state with one audit event: the last 300 are still open
// drafts. Transactions are small (20 cases), as the kiosk's are one step:
// bbolt writes its whole freelist at every commit, and big bulk transactions
// would leave tens of thousands of free pages for every later commit to
// write, which a kiosk's store never has.
func buildStore(path string, n int) error {
	s, err := Open(path, Options{NoSync: true, PINCost: bcrypt.MinCost, Terminal: "till-1"})
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SaveSettings(Settings{StoreName: "Bench", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "setup"); err != nil {
		return err
	}
	tmpl := templateCase()
	rng := rand.New(rand.NewPCG(42, 42))
	entropy := rand.New(rand.NewPCG(7, 7))
	const batch = 20
	for start := 0; start < n; start += batch {
		err := s.update(func(tx *bolt.Tx) error {
			bs, err := openBuckets(tx)
			if err != nil {
				return err
			}
			for i := start; i < min(start+batch, n); i++ {
				c := *tmpl
				sale := tmpl.Sale
				day, j := i/casesPerDay, i%casesPerDay
				opened := day0.AddDate(0, 0, day).Add(9*time.Hour + time.Duration(j)*43*time.Second)
				var id ulid.ULID
				_ = id.SetTime(ulid.Timestamp(opened))
				binary.BigEndian.PutUint64(id[6:], entropy.Uint64())
				binary.BigEndian.PutUint16(id[14:], uint16(entropy.Uint32()))
				c.ID, c.Opened, c.OpenedBy = id.String(), opened, fmt.Sprintf("cashier-%02d", rng.IntN(12))
				sale.Receipt = fmt.Sprintf("R-%08d", max(0, i*3-rng.IntN(30000))) // sold days before
				sale.Serial = fmt.Sprintf("35%013d", rng.Int64N(1e13))
				sale.Model = models[rng.IntN(len(models))]
				sale.Price = flow.Money{Minor: 50000 + rng.Int64N(5000000), Currency: "UAH"}
				sale.Date = flow.DateOf(opened).AddDays(-rng.IntN(14))
				c.Sale = sale
				c.Passport = flow.Passport{}
				if rng.IntN(2) == 0 {
					c.Passport = s.MaskPassport("id_card", fmt.Sprintf("%08d", rng.IntN(400_000)), "")
				}
				c.Status = flow.StatusClosed
				if i >= n-300 {
					c.Status, c.Step, c.Done, c.Decision = flow.StatusOpen, flow.StepInspection, 0, nil
				}
				if _, err := s.saveCaseTx(tx, bs, id[:], &c, Event{Time: opened, Staff: c.OpenedBy, Kind: EventStep,
					Step: "act"}, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return s.db.Sync()
}

// rawSync measures n writes of 2 KB with fdatasync on a file in dir: the
// floor of any durable commit on this disk.
func rawSync(b *testing.B, dir string, n int) (median, mean, p99 time.Duration) {
	f, err := os.Create(filepath.Join(dir, "raw-fdatasync"))
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	buf := make([]byte, 2048)
	_, _ = f.Write(buf)
	_ = f.Sync()
	ds := make([]time.Duration, n)
	var sum time.Duration
	for i := range ds {
		buf[i%len(buf)]++
		start := time.Now()
		if _, err := f.WriteAt(buf, 0); err != nil {
			b.Fatal(err)
		}
		if err := syscall.Fdatasync(int(f.Fd())); err != nil {
			b.Fatal(err)
		}
		ds[i] = time.Since(start)
		sum += ds[i]
	}
	slices.Sort(ds)
	return ds[n/2], sum / time.Duration(n), ds[n*99/100]
}

// timed runs op b.N times and reports p50 and p99 latency, the pages each
// commit wrote, and the mean against a raw 2 KB write+fdatasync measured just
// before in the same folder.
func timed(b *testing.B, s *Store, op func(i int)) {
	b.Helper()
	rawMedian, rawMean, rawP99 := rawSync(b, filepath.Dir(s.Path()), 500)
	ds := make([]time.Duration, 0, b.N)
	before := s.db.Stats().TxStats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		op(i)
		ds = append(ds, time.Since(start))
	}
	b.StopTimer()
	after := s.db.Stats().TxStats
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	slices.Sort(ds)
	mean := sum / time.Duration(len(ds))
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(ds[min(len(ds)-1, len(ds)*99/100)].Microseconds()), "p99-µs")
	b.ReportMetric(float64(after.GetWrite()-before.GetWrite())/float64(b.N), "writes/commit")
	b.ReportMetric(float64(rawMedian.Microseconds()), "raw-p50-µs")
	b.ReportMetric(float64(rawP99.Microseconds()), "raw-p99-µs")
	b.ReportMetric(float64(ds[len(ds)/2])/float64(rawMedian), "x-raw-p50")
	b.ReportMetric(float64(mean)/float64(rawMean), "x-raw-mean")
}

// saveBench runs the save benchmarks on the store at path.
func saveBench(b *testing.B, path string) {
	s, err := Open(path, Options{PINCost: bcrypt.MinCost, Terminal: "till-9"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	b.Run("new_case", func(b *testing.B) {
		// the first save of a case: the case, its receipt, serial, status and
		// staff entries, the day summary, an audit event and its trail entry
		timed(b, s, func(i int) {
			c := newCase(now.Add(time.Duration(i)*time.Second), "olena", fmt.Sprintf("B-%d-%d", now.Unix(), i),
				fmt.Sprintf("86%013d", rand.Int64N(1e13)))
			if err := s.SaveCase(c, Event{Staff: "olena", Step: "sale"}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("next_step", func(b *testing.B) {
		// a later step of an open case: no index entry changes. A case gets
		// eight steps at most, as in the kiosk, so that its list of events
		// stays the length of a real one.
		const steps = 8
		cases := make([]*flow.Case, b.N/steps+1)
		for i := range cases {
			c := templateCase()
			c.ID, c.Opened, c.Status, c.Decision, c.Done = NewCaseID(now), now, flow.StatusOpen, nil, 0
			if err := s.SaveCase(c, Event{Staff: "olena"}); err != nil {
				b.Fatal(err)
			}
			cases[i] = c
		}
		timed(b, s, func(i int) {
			c := cases[i/steps]
			c.Inspection.CallSeconds = i % 300
			if err := s.SaveCase(c, Event{Staff: "olena", Step: "inspection"}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkSave is one durable save (fsync on) beside a raw 2 KB
// write+fdatasync on the same disk.
func BenchmarkSave(b *testing.B) {
	b.Run("empty", func(b *testing.B) {
		s, path := openTest(b)
		_ = s.Close()
		saveBench(b, path)
	})
	b.Run("large", func(b *testing.B) { saveBench(b, largePath(b)) })
	// the same saves with bbolt's array freelist, and with the freelist not
	// synced (rebuilt by a scan at open instead)
	for _, v := range boltVariants {
		b.Run("large_"+v.name, func(b *testing.B) {
			path := largePath(b)
			tuneBolt = v.tune
			defer func() { tuneBolt = nil }()
			saveBench(b, path)
		})
	}
}

// boltVariants are the bbolt options tried against the store's own
// (FreelistMapType, freelist synced).
var boltVariants = []struct {
	name string
	tune func(*bolt.Options)
}{
	{"array_freelist", func(o *bolt.Options) { o.FreelistType = bolt.FreelistArrayType }},
	{"no_freelist_sync", func(o *bolt.Options) { o.NoFreelistSync = true }},
}

// BenchmarkBareBolt is the reference point: bbolt with its defaults,
// one 1.4 KB case and two index entries a commit, on an empty file.
func BenchmarkBareBolt(b *testing.B) {
	dir := b.TempDir()
	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	_ = db.Update(func(tx *bolt.Tx) error {
		for _, n := range []string{"cases", "i1", "i2"} {
			_, _ = tx.CreateBucket([]byte(n))
		}
		return nil
	})
	rawMedian, rawMean, _ := rawSync(b, dir, 500)
	val := make([]byte, 1400)
	var sum time.Duration
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		id := []byte(NewCaseID(time.Now()))
		err := db.Update(func(tx *bolt.Tx) error {
			_ = tx.Bucket([]byte("cases")).Put(id, val)
			_ = tx.Bucket([]byte("i1")).Put(binary.BigEndian.AppendUint64(nil, rand.Uint64()), id)
			return tx.Bucket([]byte("i2")).Put(binary.BigEndian.AppendUint64(nil, rand.Uint64()), id)
		})
		if err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		sum += ds[len(ds)-1]
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(rawMedian.Microseconds()), "raw-p50-µs")
	b.ReportMetric(float64(ds[len(ds)/2])/float64(rawMedian), "x-raw-p50")
	b.ReportMetric(float64(sum/time.Duration(b.N))/float64(rawMean), "x-raw-mean")
}

// BenchmarkDay lists one day's 1000 cases among all of the large store, warm,
// from the day index alone; DecodeCases reads the same cases whole, for scale.
func BenchmarkDay(b *testing.B) {
	path := largePath(b)
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	day := flow.DateOf(day0.AddDate(0, 0, *largeN/casesPerDay/2))
	sums, err := s.Day(day)
	if err != nil || len(sums) != casesPerDay {
		b.Fatalf("%d cases on %s: %v", len(sums), day, err)
	}
	b.Run("summaries", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Day(day); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode_cases", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, sum := range sums {
				if _, err := s.Case(sum.ID); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("by_status_open", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.ByStatus(flow.StatusOpen); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpen opens and closes the large store, as the kiosk starts.
func BenchmarkOpen(b *testing.B) {
	open := func(b *testing.B) {
		path := largePath(b)
		for i := 0; i < b.N; i++ {
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			_ = s.Close()
		}
	}
	b.Run("default", open)
	for _, v := range boltVariants {
		b.Run(v.name, func(b *testing.B) {
			tuneBolt = v.tune
			defer func() { tuneBolt = nil }()
			// one commit in this mode first: without a synced freelist the
			// next open must find the free pages by walking the whole file
			s, err := Open(largePath(b), Options{})
			if err != nil {
				b.Fatal(err)
			}
			_, err = s.Record(Event{Staff: "bench", Detail: "a commit before the opens"})
			_ = s.Close()
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			open(b)
		})
	}
	b.Run("default_again", open)
}

// BenchmarkSize reports the large store's bytes on disk per case, and per
// bucket.
func BenchmarkSize(b *testing.B) {
	path := largePath(b)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var inUse int64
	_ = db.View(func(tx *bolt.Tx) error {
		cases := tx.Bucket(bucketCases).Stats().KeyN
		inUse = tx.Size()
		for _, name := range allBuckets {
			st := tx.Bucket(name).Stats()
			alloc := st.BranchAlloc + st.LeafAlloc
			if alloc == 0 {
				continue
			}
			b.Logf("%-12s %9d keys %6.0f B/case, pages %4.0f%% full, depth %d", name, st.KeyN,
				float64(alloc)/float64(cases), 100*float64(st.LeafInuse+st.BranchInuse)/float64(alloc), st.Depth)
		}
		b.ReportMetric(float64(info.Size())/float64(cases), "file-B/case")
		b.ReportMetric(float64(inUse)/float64(cases), "pages-B/case")
		return nil
	})
	for i := 0; i < b.N; i++ {
	}
}

// BenchmarkCheck checks the whole large store, as returnsdesk check does.
func BenchmarkCheck(b *testing.B) {
	path := largePath(b)
	for i := 0; i < b.N; i++ {
		if _, err := CheckFile(path, CheckOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTillsSaving is 1, 2, 4 and 16 tills saving at once, each a
// goroutine with a handle of its own (s.At), durable (fsync on): each till
// saves a new case, then 7 later steps of it, then the next case, as a
// kiosk does. b.N is saves per till. It reports the latency of one save
// (p50, p99, and each kind's p99) over every save of every till, and saves
// a second for the whole store: bbolt has one writer at a time, so tills
// queue for it, and one till alone is the base to compare with.
func BenchmarkTillsSaving(b *testing.B) {
	for _, where := range []string{"empty", "large"} {
		for _, n := range []int{1, 2, 4, 16} {
			b.Run(fmt.Sprintf("%s/tills=%d", where, n), func(b *testing.B) {
				var path string
				if where == "large" {
					path = largePath(b)
				} else {
					s, p := openTest(b)
					_ = s.Close()
					path = p
				}
				s, err := Open(path, Options{PINCost: bcrypt.MinCost, Terminal: "back-office"})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				tillsSaving(b, s, n)
			})
		}
	}
}

func tillsSaving(b *testing.B, s *Store, n int) {
	const steps = 8 // saves a case gets: its first and 7 steps
	now := time.Now()
	type result struct {
		fresh, step []time.Duration
		err         error
	}
	results := make([]result, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for t := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := s.At(fmt.Sprintf("till%d", t+1))
			res := &results[t]
			var c *flow.Case
			<-start
			for i := range b.N {
				t0 := time.Now()
				if i%steps == 0 {
					c = newCase(now.Add(time.Duration(i)*time.Second), "olena",
						fmt.Sprintf("T-%d-%d-%d", now.Unix(), t, i), fmt.Sprintf("86%013d", rand.Int64N(1e13)))
					res.err = h.SaveCase(c, Event{Staff: "olena", Step: "sale"})
					res.fresh = append(res.fresh, time.Since(t0))
				} else {
					c.Inspection.CallSeconds = i
					res.err = h.SaveCase(c, Event{Staff: "olena", Step: "inspection"})
					res.step = append(res.step, time.Since(t0))
				}
				if res.err != nil {
					return
				}
			}
		}()
	}
	b.ResetTimer()
	close(start)
	wg.Wait()
	b.StopTimer()
	var all, fresh, step []time.Duration
	for _, r := range results {
		if r.err != nil {
			b.Fatal(r.err)
		}
		fresh, step = append(fresh, r.fresh...), append(step, r.step...)
	}
	all = append(append(all, fresh...), step...)
	p := func(ds []time.Duration, q int) float64 {
		if len(ds) == 0 {
			return 0
		}
		slices.Sort(ds)
		return float64(ds[min(len(ds)-1, len(ds)*q/100)]) / float64(time.Millisecond)
	}
	b.ReportMetric(p(all, 50), "p50-ms")
	b.ReportMetric(p(all, 99), "p99-ms")
	b.ReportMetric(p(fresh, 99), "new-p99-ms")
	b.ReportMetric(p(step, 99), "step-p99-ms")
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "saves/s")
	b.ReportMetric(0, "ns/op") // a till's saves, not the store's: see saves/s
}
