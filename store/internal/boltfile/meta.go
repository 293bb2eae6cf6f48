// Package boltfile reads a bbolt file's pages by plain reads, without
// mapping it: its meta pages (magic, version, checksum, which one bbolt
// would read), its freelist, and its page tree, so that a damaged file is
// an error that says what is wrong and never a crash inside bbolt. It knows
// bbolt's on-disk format (internal/common in bbolt, stable since v1) and
// nothing of what the file holds.
package boltfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Error is what is wrong with a file: not a bbolt file at all (NotBolt), or
// a damaged one. Detail says what, in words.
type Error struct {
	NotBolt bool
	Detail  string
}

func (e *Error) Error() string { return e.Detail }

func notBolt(format string, args ...any) error {
	return &Error{NotBolt: true, Detail: fmt.Sprintf(format, args...)}
}

func damaged(format string, args ...any) error {
	return &Error{Detail: fmt.Sprintf(format, args...)}
}

// Meta is what the meta pages of a bbolt file say: the meta bbolt would
// read (the valid one with the highest transaction id), with the other's
// problem, if any.
type Meta struct {
	PageSize  int
	Root      uint64 // the root bucket's page
	Freelist  uint64 // NoFreelist when the file keeps none
	HWM       uint64 // the high water mark: pages in use
	TxID      uint64
	FileSize  int64
	BadMetas  []string // meta pages that fail validation (bbolt reads the other one)
	UsingMeta int      // the meta page read: 0 or 1
}

// bbolt's on-disk constants (internal/common in bbolt; stable since v1).
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaOffset     = pageHeaderSize
	metaChecksumAt = metaOffset + 56 // bytes of the meta before its checksum
	flagBranch     = 0x01
	flagLeaf       = 0x02
	flagMeta       = 0x04
	flagFreelist   = 0x10
	bucketLeafFlag = 0x01
	leafElemSize   = 16
	branchElemSize = 16
	bucketHdrSize  = 16
)

// NoFreelist is Meta.Freelist for a file that does not keep its freelist.
const NoFreelist = ^uint64(0)

// ne is the byte order of bbolt's pages: the machine's, and every target is
// little-endian.
var ne = binary.LittleEndian

// ReadMeta validates a bbolt file's meta pages and freelist by plain
// reads: the file is long enough for the pages the meta names, the freelist
// page is one and names pages inside the file. It does what bbolt would do
// (take the valid meta with the highest transaction id) and says plainly
// what is wrong when it cannot.
func ReadMeta(r io.ReaderAt) (Meta, error) {
	var fm Meta
	size, err := fileSize(r)
	if err != nil {
		return fm, err
	}
	fm.FileSize = size
	var buf [4096]byte
	if n, _ := r.ReadAt(buf[:], 0); n < metaChecksumAt+8 {
		return fm, notBolt("the file is only %d bytes", size)
	}
	m0, err0 := parseMeta(buf[:])
	pageSize := 4096
	if err0 == nil {
		pageSize = m0.PageSize
	} else if ps := int(ne.Uint32(buf[metaOffset+8:])); ne.Uint32(buf[metaOffset:]) == boltMagic && validPageSize(ps) {
		pageSize = ps
	}
	page1 := make([]byte, pageSize)
	var m1 Meta
	err1 := errors.New("missing")
	if n, _ := r.ReadAt(page1, int64(pageSize)); n >= metaChecksumAt+8 {
		m1, err1 = parseMeta(page1)
	}
	if err0 != nil && err1 != nil {
		if ne.Uint32(buf[metaOffset:]) != boltMagic && (len(page1) < metaOffset+4 || ne.Uint32(page1[metaOffset:]) != boltMagic) {
			return fm, notBolt("not a bbolt database")
		}
		return fm, damaged("both meta pages are invalid (page 0: %v; page 1: %v)", err0, err1)
	}
	switch {
	case err0 != nil:
		fm, fm.BadMetas, fm.UsingMeta = m1, []string{"meta page 0: " + err0.Error()}, 1
	case err1 != nil:
		fm, fm.BadMetas, fm.UsingMeta = m0, []string{"meta page 1: " + err1.Error()}, 0
	case m1.TxID > m0.TxID:
		fm, fm.UsingMeta = m1, 1
	default:
		fm, fm.UsingMeta = m0, 0
	}
	fm.FileSize = size
	// bbolt reads a meta page whose body is valid whatever its page header
	// says, but its consistency check asserts on the header
	for i, p := range [][]byte{buf[:], page1} {
		if len(p) >= pageHeaderSize && (ne.Uint64(p) != uint64(i) || ne.Uint16(p[8:]) != flagMeta) &&
			(i == 0 && err0 == nil || i == 1 && err1 == nil) {
			fm.BadMetas = append(fm.BadMetas, fmt.Sprintf("meta page %d: its page header is damaged", i))
		}
	}
	if fm.HWM > uint64(size)/uint64(fm.PageSize) {
		return fm, damaged("it is truncated (%d bytes; its %d pages need %d)", size, fm.HWM,
			fm.HWM*uint64(fm.PageSize))
	}
	if fm.Root < 2 || fm.Root >= fm.HWM {
		return fm, damaged("the root page %d is outside the file's %d pages", fm.Root, fm.HWM)
	}
	if fm.Freelist != NoFreelist {
		if _, err := ReadFreelist(r, fm); err != nil {
			return fm, err
		}
	}
	return fm, nil
}

func validPageSize(ps int) bool { return ps >= 1024 && ps <= 1<<16 && ps&(ps-1) == 0 }

// parseMeta validates one meta page as bbolt does: magic, version, checksum.
func parseMeta(p []byte) (Meta, error) {
	var fm Meta
	m := p[metaOffset:]
	switch {
	case ne.Uint32(m[0:]) != boltMagic:
		return fm, errors.New("no bbolt magic number")
	case ne.Uint32(m[4:]) != boltVersion:
		return fm, fmt.Errorf("bbolt file version %d, not %d", ne.Uint32(m[4:]), boltVersion)
	}
	if sum := fnv64a(p[metaOffset:metaChecksumAt]); sum != ne.Uint64(p[metaChecksumAt:]) {
		return fm, errors.New("checksum mismatch")
	}
	fm.PageSize = int(ne.Uint32(m[8:]))
	if !validPageSize(fm.PageSize) {
		return fm, fmt.Errorf("page size %d", fm.PageSize)
	}
	fm.Root = ne.Uint64(m[16:])
	fm.Freelist = ne.Uint64(m[32:])
	fm.HWM = ne.Uint64(m[40:])
	fm.TxID = ne.Uint64(m[48:])
	return fm, nil
}

func fnv64a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func fileSize(r io.ReaderAt) (int64, error) {
	if st, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		info, err := st.Stat()
		if err != nil {
			return 0, err
		}
		return info.Size(), nil
	}
	if sz, ok := r.(interface{ Size() int64 }); ok {
		return sz.Size(), nil
	}
	return 0, errors.New("cannot tell the file's size")
}

// ReadFreelist reads and validates the freelist page: every free page is
// inside the file and not a meta page.
func ReadFreelist(r io.ReaderAt, fm Meta) ([]uint64, error) {
	bad := func(format string, args ...any) error {
		return damaged("the freelist (page %d) %s", fm.Freelist, fmt.Sprintf(format, args...))
	}
	if fm.Freelist < 2 || fm.Freelist >= fm.HWM {
		return nil, bad("is outside the file's %d pages", fm.HWM)
	}
	hdr := make([]byte, pageHeaderSize+8)
	if _, err := r.ReadAt(hdr, int64(fm.Freelist)*int64(fm.PageSize)); err != nil {
		return nil, bad("cannot be read: %v", err)
	}
	if id := ne.Uint64(hdr); id != fm.Freelist {
		return nil, bad("calls itself page %d", id)
	}
	if flags := ne.Uint16(hdr[8:]); flags != flagFreelist {
		return nil, bad("is not a freelist page (flags %#x)", flags)
	}
	overflow := uint64(ne.Uint32(hdr[12:]))
	if fm.Freelist+overflow >= fm.HWM {
		return nil, bad("runs past the file's %d pages", fm.HWM)
	}
	count, first := uint64(ne.Uint16(hdr[10:])), uint64(0)
	if count == 0xFFFF {
		count, first = ne.Uint64(hdr[pageHeaderSize:]), 1
	}
	room := ((overflow+1)*uint64(fm.PageSize) - pageHeaderSize) / 8
	if count+first > room {
		return nil, bad("counts %d free pages but has room for %d", count, room-first)
	}
	data := make([]byte, (count+first)*8)
	if _, err := r.ReadAt(data, int64(fm.Freelist)*int64(fm.PageSize)+pageHeaderSize); err != nil {
		return nil, bad("cannot be read: %v", err)
	}
	ids := make([]uint64, count)
	for i := range ids {
		id := ne.Uint64(data[(uint64(i)+first)*8:])
		if id < 2 || id >= fm.HWM {
			return nil, bad("names page %d, outside the file's %d pages", id, fm.HWM)
		}
		ids[i] = id
	}
	return ids, nil
}
