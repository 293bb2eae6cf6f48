package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

var (
	flips    = flag.Int("flips", 250, "how many random byte flips TestDamagedFiles tries")
	flipSeed = flag.Uint64("flip-seed", 0, "the seed of TestDamagedFiles' random flips, to replay a failure (0: the clock)")
)

// sampleStore makes a closed store with a few days of cases, staff and a
// refund, and returns its path.
func sampleStore(t testing.TB, cases int) string {
	t.Helper()
	s, path := openTest(t)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("olena", flow.RoleCashier, "5678", "Maria"))
	for i := range cases {
		now := t0.Add(time.Duration(i) * 7 * time.Hour)
		c := newCase(now, "olena", fmt.Sprintf("R-%d", i), fmt.Sprintf("SN%06d", i))
		must(t, s.SaveCase(c, Event{Staff: "olena", Step: "sale", Time: now}))
		if i%2 == 0 {
			walkToDecision(t, s, c, now, fmt.Sprintf("PP%06d", i%5))
			must(t, c.Complete(flow.StepDecision))
			must(t, c.Move(flow.StatusDecided))
			if i%4 == 0 {
				must(t, c.Move(flow.StatusRefunded))
			}
			must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: now}))
		}
	}
	if _, err := s.Login("olena", "0000", t0); err == nil {
		t.Fatal("a wrong PIN logged in")
	}
	must(t, s.Close())
	return path
}

// copyFile copies the store file to a new file in a temp dir, with its key.
func copyFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	dir := t.TempDir()
	dst := filepath.Join(dir, "returnsdesk.db")
	must(t, os.WriteFile(dst, data, 0o600))
	copyKeys(t, path, dst)
	return dst
}

// copyKeys copies the passport and audit keys beside the store file from
// to beside the store file to.
func copyKeys(t testing.TB, from, to string) {
	t.Helper()
	for _, name := range []func(string) string{DefaultKeyFile, DefaultAuditKeyFile} {
		key, err := os.ReadFile(name(from))
		must(t, err)
		must(t, os.WriteFile(name(to), key, 0o600))
	}
}

// dump is the SHA-256 of every key and value in every bucket of a bbolt
// file: two files with the same dump hold the same data.
func dump(path string) (sum string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return "", err
	}
	defer db.Close()
	h := sha256.New()
	var walk func(name []byte, b *bolt.Bucket, depth int) error
	walk = func(name []byte, b *bolt.Bucket, depth int) error {
		return b.ForEach(func(k, v []byte) error {
			// a case is what it decompresses to: a flip in its compressed
			// stream that inflates to the same case changes no data
			if depth == 1 && bytes.Equal(name, bucketCases) {
				if rec, err := decodeCaseRecord(v); err == nil {
					v = append(appendDay(nil, rec.day), rec.raw...)
				}
			}
			fmt.Fprintf(h, "%d|%x|%x|%v\n", depth, k, v, v == nil)
			if v == nil {
				if sub := b.Bucket(k); sub != nil {
					return walk(k, sub, depth+1)
				}
			}
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(h, "bucket %x\n", name)
			return walk(name, b, 1)
		})
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// pageLoop reports whether check found a loop in bbolt's page tree.
func pageLoop(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "(a loop?)") || strings.Contains(err.Error(), "is reached twice"))
}

// damageTally counts, over TestDamagedFiles, the files tried, those check
// rejected, those of them that opened, and the writes tried on them.
var damageTally struct {
	files, rejected, opened, writes, refused, repaired, unrepaired, torn int
}

// tryAll runs what a damaged file meets: CheckFile, then Open, a day's list,
// a case and the trail. On a file check rejected it tries writes (a new
// case, a new account), which must be refused, and checks again after: no
// write may repair the evidence away. A meta page a commit cut short is no
// rejection: bbolt reads the other one, and the next commit writes it
// again. A panic fails the test; it returns CheckFile's error.
func tryAll(t *testing.T, path string, what string) (checkErr error) {
	t.Helper()
	damageTally.files++
	var torn bool
	defer func() {
		if checkErr == nil {
			return
		}
		if torn {
			damageTally.torn++
			return
		}
		damageTally.rejected++
		if _, err := CheckFile(path, CheckOptions{}); err == nil {
			t.Errorf("%s: check passed after the writes tried on it: the evidence was repaired away", what)
		}
		tryRepair(t, path, what)
	}()
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: CheckFile panicked: %v\n%s", what, r, debug.Stack())
			}
		}()
		var rep Report
		rep, checkErr = CheckFile(path, CheckOptions{})
		torn = rep.metaOnly
	}()
	if pageLoop(checkErr) {
		// bbolt follows a loop in its page tree until the stack overflows,
		// which no recover catches: check finds the loop, and its verdict
		// keeps Open from handing the file to bbolt
		if _, err := Open(path, testOptions()); !errors.Is(err, ErrDamaged) {
			t.Fatalf("%s: a loop in the page tree, found by check, then opened: %v", what, err)
		}
		return checkErr
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%s: the store panicked: %v\n%s", what, r, debug.Stack())
			}
		}()
		s, err := Open(path, testOptions())
		if err != nil {
			return
		}
		defer s.Close()
		if checkErr != nil && !torn {
			tryWrites(t, s, what)
		}
		sums, _ := s.Day(flow.DateOf(t0))
		for _, sum := range sums {
			_, _ = s.Case(sum.ID)
			_, _ = s.Trail(sum.ID)
		}
		_, _ = s.ByStatus(flow.StatusOpen)
		_, _ = s.Check(CheckOptions{})
	}()
	return checkErr
}

// tryWrites tries the writes of a day on a store check rejected: each must
// be refused.
func tryWrites(t *testing.T, s *Store, what string) {
	t.Helper()
	damageTally.opened++
	c := newCase(t0, "olena", "R-DAMAGE", "SN-DAMAGE")
	for name, write := range map[string]func() error{
		"a new case":    func() error { return s.SaveCase(c, Event{Staff: "olena", Time: t0}) },
		"a new account": func() error { return s.AddStaff("Petro", flow.RoleCashier, "2468", "Maria") },
		"a login":       func() error { _, err := s.Login("Maria", "123456", t0); return err },
	} {
		damageTally.writes++
		if err := write(); err == nil {
			t.Errorf("%s: %s was written to a store check rejects", what, name)
		} else {
			damageTally.refused++
		}
	}
}

// tryRepair has the lead repair a copy of a file check rejected: either
// check passes after, or nothing was changed.
func tryRepair(t *testing.T, path string, what string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: the repair panicked: %v\n%s", what, r, debug.Stack())
		}
	}()
	if _, err := os.Stat(DefaultAuditKeyFile(path)); err != nil {
		return // no store of ours: nothing to repair
	}
	cp := copyFile(t, path)
	before, err := os.ReadFile(cp)
	must(t, err)
	_, rerr := RepairFile(cp, testOptions(), "Maria", "123456", t0)
	if rerr != nil {
		damageTally.unrepaired++
		if after, _ := os.ReadFile(cp); !bytes.Equal(after, before) {
			t.Errorf("%s: a repair that failed (%v) changed the store", what, rerr)
		}
		return
	}
	damageTally.repaired++
	if _, err := CheckFile(cp, CheckOptions{}); err != nil {
		t.Errorf("%s: check after the repair: %v", what, err)
	}
}

func TestDamagedFiles(t *testing.T) {
	t.Parallel()
	orig := sampleStore(t, 24)
	data, err := os.ReadFile(orig)
	must(t, err)
	want, err := dump(orig)
	must(t, err)
	size := len(data)
	// the page size: meta page 0 after its page header (16 bytes), the magic and the version
	pageSize := int(binary.LittleEndian.Uint32(data[16+8:]))

	t.Run("truncated", func(t *testing.T) {
		for _, n := range []int{0, 1, 100, 4095, pageSize, 2*pageSize - 1, 2 * pageSize, 3 * pageSize, size / 2,
			size - pageSize, size - 1} {
			path := copyFile(t, orig)
			must(t, os.Truncate(path, int64(n)))
			err := tryAll(t, path, fmt.Sprintf("truncated to %d", n))
			if err == nil {
				if got, _ := dump(path); got != want {
					t.Errorf("truncated to %d bytes: the check passed on changed data", n)
				}
				continue
			}
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotStore) {
				t.Errorf("truncated to %d: %v is neither ErrDamaged nor ErrNotStore", n, err)
			}
			if n == 0 {
				if _, err := Open(path, testOptions()); !errors.Is(err, ErrDamaged) {
					t.Errorf("an empty file opened: %v", err)
				}
				if info, _ := os.Stat(path); info.Size() != 0 {
					t.Error("an empty store file was silently made a new store")
				}
			}
		}
	})
	t.Run("zeroed_meta_pages", func(t *testing.T) {
		for _, pages := range [][]int{{0}, {1}, {0, 1}} {
			path := copyFile(t, orig)
			d := append([]byte(nil), data...)
			for _, p := range pages {
				clear(d[p*pageSize : (p+1)*pageSize])
			}
			must(t, os.WriteFile(path, d, 0o600))
			if err := tryAll(t, path, fmt.Sprintf("meta pages %v zeroed", pages)); err == nil {
				t.Errorf("meta pages %v zeroed: the check passed", pages)
			} else {
				t.Logf("meta pages %v zeroed: %v", pages, err)
			}
		}
	})
	t.Run("not_bbolt", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		random := make([]byte, 64<<10)
		for i := range random {
			random[i] = byte(rng.UintN(256))
		}
		self, _ := os.ReadFile(os.Args[0])
		for name, content := range map[string][]byte{
			"random":  random,
			"zeros":   make([]byte, 64<<10),
			"text":    []byte("store name = Citrus 12\ntime zone = Europe/Kyiv\n"),
			"json":    []byte(`{"id": "01HX", "policy": "citrus"}`),
			"sqlite":  append([]byte("SQLite format 3\x00"), make([]byte, 8192)...),
			"program": self[:min(len(self), 1<<20)],
		} {
			path := filepath.Join(t.TempDir(), "returnsdesk.db")
			must(t, os.WriteFile(path, content, 0o600))
			err := tryAll(t, path, name)
			if !errors.Is(err, ErrNotStore) && !errors.Is(err, ErrDamaged) {
				t.Errorf("%s: %v", name, err)
			}
			if _, err := Open(path, testOptions()); err == nil {
				t.Errorf("%s: opened as a store", name)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
				t.Errorf("%s: the file was changed", name)
			}
		}
	})
	t.Run("foreign_bbolt", func(t *testing.T) {
		for name, fill := range map[string]func(*bolt.Tx) error{
			"empty": func(*bolt.Tx) error { return nil },
			"widgets": func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("w1"), []byte("blue"))
			},
		} {
			path := filepath.Join(t.TempDir(), "returnsdesk.db")
			db, err := bolt.Open(path, 0o600, nil)
			must(t, err)
			must(t, db.Update(fill))
			must(t, db.Close())
			before, _ := os.ReadFile(path)
			if _, err := Open(path, testOptions()); !errors.Is(err, ErrNotStore) {
				t.Errorf("%s bbolt file: %v, want ErrNotStore", name, err)
			}
			if _, err := CheckFile(path, CheckOptions{}); err == nil {
				t.Errorf("%s bbolt file passed the check", name)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Errorf("%s bbolt file was changed", name)
			}
		}
	})
	// every page: flip a byte of its header and of its first elements
	t.Run("page_headers", func(t *testing.T) {
		for p := 0; p < size/pageSize; p++ {
			for _, off := range []int{0, 8, 10, 12, 16, 24} {
				at := p*pageSize + off
				checkFlip(t, orig, data, want, at, 0x01)
			}
		}
	})
	t.Run("random_flips", func(t *testing.T) {
		seed := *flipSeed
		if seed == 0 {
			seed = uint64(time.Now().UnixNano())
		}
		rng := rand.New(rand.NewPCG(seed, 3))
		// said before the flips: a flip that crashes the test binary (no
		// t.Log is printed then) is replayed with -flip-seed
		fmt.Fprintf(os.Stderr, "TestDamagedFiles/random_flips: -flip-seed %d\n", seed)
		detected := 0
		for range *flips {
			if checkFlip(t, orig, data, want, rng.IntN(size), byte(1+rng.IntN(255))) {
				detected++
			}
		}
		t.Logf("seed %d: %d of %d flips changed data and were caught; the rest hit unused bytes", seed, detected, *flips)
	})
	d := damageTally
	t.Logf("%d files tried; check rejected %d; %d of those opened, read-only: %d writes tried, %d refused; "+
		"repaired %d, the repair refused %d (nothing changed); a meta page cut short in %d, read from the other",
		d.files, d.rejected, d.opened, d.writes, d.refused, d.repaired, d.unrepaired, d.torn)
}

// checkFlip xors one byte of a copy of the store and checks that the change
// is caught, or changed no data at all. It reports whether it was caught.
func checkFlip(t *testing.T, orig string, data []byte, want string, at int, x byte) bool {
	t.Helper()
	path := copyFile(t, orig)
	d := append([]byte(nil), data...)
	d[at] ^= x
	must(t, os.WriteFile(path, d, 0o600))
	err := tryAll(t, path, fmt.Sprintf("byte %d ^ %#x", at, x))
	if err != nil {
		return true
	}
	if got, derr := dump(path); got != want {
		t.Errorf("byte %d (page %d, offset %d) ^ %#x: the check passed but the data changed (%v): %s", at,
			at/4096, at%4096, x, derr, diffEntries(orig, path))
	}
	return false
}

// diffEntries names the entries that differ between two bbolt files.
func diffEntries(a, b string) string {
	read := func(path string) map[string]string {
		m := map[string]string{}
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			return m
		}
		defer db.Close()
		_ = db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return b.ForEach(func(k, v []byte) error {
					m[fmt.Sprintf("%s/%q", name, k)] = fmt.Sprintf("%q", v)
					return nil
				})
			})
		})
		return m
	}
	ma, mb := read(a), read(b)
	out := ""
	for k, v := range ma {
		if mb[k] != v {
			out += fmt.Sprintf("\n  %s: %s -> %s", k, v, mb[k])
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out += fmt.Sprintf("\n  new %s: %s", k, mb[k])
		}
	}
	return out
}
