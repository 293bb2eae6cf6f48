package boltfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// makeFile writes a real bbolt file with a bucket of many keys (so that its
// tree has branch, leaf and overflow pages) and returns its bytes.
func makeFile(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{FreelistType: bolt.FreelistMapType})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("things"))
		if err != nil {
			return err
		}
		for i := range 2000 {
			if err := b.Put(fmt.Appendf(nil, "key-%05d", i), []byte(strings.Repeat("v", 40))); err != nil {
				return err
			}
		}
		if _, err := b.CreateBucket([]byte("inline")); err != nil {
			return err
		}
		return b.Put([]byte("big"), make([]byte, 3*os.Getpagesize()))
	})
	if err == nil { // a second commit frees pages: the freelist is not empty
		err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("things")).Delete([]byte("key-00001")) })
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// reader is a file's bytes as ReadMeta reads them.
type reader struct{ *strings.Reader }

func newReader(b []byte) reader { return reader{strings.NewReader(string(b))} }

// writeCopy writes data to a file in t.TempDir() and opens it: ReadMeta
// takes its size from Stat.
func writeCopy(t *testing.T, data []byte) *os.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestReadMeta(t *testing.T) {
	good := makeFile(t)
	ps := int(binary.LittleEndian.Uint32(good[pageHeaderSize+8:]))
	damage := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	tests := []struct {
		name    string
		data    []byte
		notBolt bool   // the error says it is no bbolt file
		wantErr string // part of the error; "" for none
		badMeta string // part of a BadMetas entry
		using   int
	}{
		{name: "a_good_file_reads", data: good, using: -1},
		{name: "ten_bytes_are_no_bbolt_file", data: good[:10], notBolt: true, wantErr: "only 10 bytes"},
		{name: "text_is_no_bbolt_file", data: []byte(strings.Repeat("hello world ", 1000)), notBolt: true,
			wantErr: "not a bbolt database"},
		{name: "a_broken_checksum_on_meta_0_reads_meta_1", badMeta: "meta page 0: checksum mismatch", using: 1,
			data: damage(func(b []byte) []byte { b[metaChecksumAt] ^= 0xFF; return b })},
		{name: "a_broken_checksum_on_meta_1_reads_meta_0", badMeta: "meta page 1: checksum mismatch", using: 0,
			data: damage(func(b []byte) []byte { b[ps+metaChecksumAt] ^= 0xFF; return b })},
		{name: "another_bbolt_version_is_invalid", badMeta: "meta page 0: bbolt file version 3", using: 1,
			data: damage(func(b []byte) []byte { b[metaOffset+4] = 3; return b })},
		{name: "a_damaged_page_header_is_seen", badMeta: "meta page 1: its page header is damaged", using: -1,
			data: damage(func(b []byte) []byte { b[ps+8] = 0x02; return b })},
		{name: "both_checksums_broken_is_damaged", wantErr: "both meta pages are invalid",
			data: damage(func(b []byte) []byte { b[metaChecksumAt] ^= 1; b[ps+metaChecksumAt] ^= 1; return b })},
		{name: "both_meta_pages_zeroed_is_no_bbolt_file", notBolt: true, wantErr: "not a bbolt database",
			data: damage(func(b []byte) []byte { clear(b[:2*ps]); return b })},
		{name: "a_truncated_file_is_damaged", wantErr: "it is truncated", data: good[:len(good)/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadMeta(writeCopy(t, tt.data))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ReadMeta: %v", err)
				}
				if m.PageSize != ps || m.HWM*uint64(ps) > uint64(len(tt.data)) || m.Root < 2 || m.Root >= m.HWM {
					t.Errorf("meta %+v does not fit a file of %d bytes", m, len(tt.data))
				}
				if tt.using >= 0 && m.UsingMeta != tt.using {
					t.Errorf("reads meta page %d, want %d", m.UsingMeta, tt.using)
				}
				if got := strings.Join(m.BadMetas, "; "); tt.badMeta == "" && got != "" ||
					!strings.Contains(got, tt.badMeta) {
					t.Errorf("bad metas %q, want %q", got, tt.badMeta)
				}
				return
			}
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("ReadMeta: %v, want an *Error", err)
			}
			if fe.NotBolt != tt.notBolt || !strings.Contains(fe.Detail, tt.wantErr) {
				t.Errorf("ReadMeta: %+v, want NotBolt %v and %q", fe, tt.notBolt, tt.wantErr)
			}
		})
	}
}

func TestReadMetaTakesSizeFromSize(t *testing.T) {
	good := makeFile(t)
	if _, err := ReadMeta(newReader(good)); err != nil {
		t.Fatalf("ReadMeta of a reader with Size: %v", err)
	}
}

func TestReadFreelist(t *testing.T) {
	good := makeFile(t)
	m, err := ReadMeta(newReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if m.Freelist == NoFreelist {
		t.Fatal("the test file keeps no freelist")
	}
	at := int(m.Freelist) * m.PageSize
	tests := []struct {
		name    string
		damage  func(b []byte)
		wantErr string
	}{
		{name: "a_good_freelist_reads"},
		{name: "a_freelist_page_calling_itself_another_is_damaged", wantErr: "calls itself page",
			damage: func(b []byte) { binary.LittleEndian.PutUint64(b[at:], m.Freelist+1) }},
		{name: "a_leaf_page_is_no_freelist", wantErr: "is not a freelist page",
			damage: func(b []byte) { binary.LittleEndian.PutUint16(b[at+8:], flagLeaf) }},
		{name: "too_many_free_pages_do_not_fit", wantErr: "has room for",
			damage: func(b []byte) { binary.LittleEndian.PutUint16(b[at+10:], 0xFFFE) }},
		{name: "a_free_page_past_the_end_is_damaged", wantErr: "outside the file's",
			damage: func(b []byte) {
				binary.LittleEndian.PutUint16(b[at+10:], 1)
				binary.LittleEndian.PutUint64(b[at+pageHeaderSize:], m.HWM+5)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append([]byte(nil), good...)
			if tt.damage != nil {
				tt.damage(data)
			}
			_, err := ReadFreelist(writeCopy(t, data), m)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("ReadFreelist: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("ReadFreelist: %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestWalkTree(t *testing.T) {
	good := makeFile(t)
	m, err := ReadMeta(newReader(good))
	if err != nil {
		t.Fatal(err)
	}
	ps := m.PageSize
	leaves := leafPages(t, good, m)
	leaf := leaves[len(leaves)/2]
	tests := []struct {
		name    string
		damage  func(b []byte)
		wantErr string
	}{
		{name: "a_good_tree_walks_clean"},
		{name: "a_page_calling_itself_another_is_seen", wantErr: "calls itself page",
			damage: func(b []byte) { binary.LittleEndian.PutUint64(b[leaf*ps:], uint64(leaf)+1) }},
		{name: "a_page_that_is_no_branch_or_leaf_is_seen", wantErr: "not a branch or leaf page",
			damage: func(b []byte) { binary.LittleEndian.PutUint16(b[leaf*ps+8:], 0x40) }},
		{name: "elements_that_do_not_fit_are_seen", wantErr: "do not fit",
			damage: func(b []byte) { binary.LittleEndian.PutUint16(b[leaf*ps+10:], 0xFFFF) }},
		{name: "an_overflow_past_the_end_is_seen", wantErr: "past the end",
			damage: func(b []byte) { binary.LittleEndian.PutUint32(b[leaf*ps+12:], uint32(m.HWM)) }},
		{name: "a_zeroed_page_is_seen", wantErr: "calls itself page 0",
			damage: func(b []byte) { clear(b[leaf*ps : (leaf+1)*ps]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append([]byte(nil), good...)
			if tt.damage != nil {
				tt.damage(data)
			}
			w := WalkTree(newReader(data), ps, m.HWM, m.Root, 10)
			got := strings.Join(w.Problems, "; ")
			if tt.wantErr == "" {
				if got != "" {
					t.Fatalf("problems in a good file: %s", got)
				}
				if w.Pages < 3 || !w.Seen[m.Root] {
					t.Errorf("walked %d pages (root seen: %v)", w.Pages, w.Seen[m.Root])
				}
				return
			}
			if !strings.Contains(got, tt.wantErr) {
				t.Fatalf("problems %q, want %q", got, tt.wantErr)
			}
		})
	}
}

func TestWalkTreeStopsAtItsLimit(t *testing.T) {
	good := makeFile(t)
	m, err := ReadMeta(newReader(good))
	if err != nil {
		t.Fatal(err)
	}
	data := append([]byte(nil), good...)
	for _, id := range leafPages(t, good, m) { // every leaf calls itself page 0
		binary.LittleEndian.PutUint64(data[id*m.PageSize:], 0)
	}
	if w := WalkTree(newReader(data), m.PageSize, m.HWM, m.Root, 2); len(w.Problems) != 2 {
		t.Fatalf("%d problems, want the limit of 2: %q", len(w.Problems), w.Problems)
	}
}

// leafPages are the leaf pages a walk of a good file reaches, the root's
// aside.
func leafPages(t *testing.T, data []byte, m Meta) []int {
	t.Helper()
	var out []int
	for id := range WalkTree(newReader(data), m.PageSize, m.HWM, m.Root, 10).Seen {
		if binary.LittleEndian.Uint16(data[int(id)*m.PageSize+8:]) == flagLeaf && id != m.Root {
			out = append(out, int(id))
		}
	}
	if len(out) < 3 {
		t.Fatalf("%d leaf pages in the test file", len(out))
	}
	slices.Sort(out)
	return out
}
