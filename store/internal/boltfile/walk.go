package boltfile

import (
	"fmt"
	"io"
	"strings"
)

// walker checks bbolt's page tree by plain reads: every page it reaches is
// inside the file, calls itself by its number, is a branch or a leaf, is
// reached once, and holds its elements inside itself. Only then may bbolt's
// own code (which trusts those things) run on the file.
type walker struct {
	r        io.ReaderAt
	pageSize int
	hwm      uint64
	limit    int
	Walk
}

// Walk is what a walk of the page tree found.
type Walk struct {
	Pages    int             // pages reached, overflow pages included
	Seen     map[uint64]bool // the pages reached
	Problems []string        // what is wrong, at most the walk's limit
}

// WalkTree walks the page tree from the root bucket's page root, in a file of
// hwm pages of pageSize bytes, and lists at most limit problems. Only when
// it finds none may bbolt's own code (which trusts what it checks) run on
// the file.
func WalkTree(r io.ReaderAt, pageSize int, hwm, root uint64, limit int) Walk {
	w := walker{r: r, pageSize: pageSize, hwm: hwm, limit: limit, Walk: Walk{Seen: map[uint64]bool{}}}
	w.tree(root, "root", 0)
	return w.Walk
}

// add lists a problem, up to the limit.
func (w *walker) add(format string, args ...any) {
	if len(w.Problems) < w.limit {
		w.Problems = append(w.Problems, fmt.Sprintf(format, args...))
	}
}

func (w *walker) read(id uint64) ([]byte, bool) {
	hdr := make([]byte, pageHeaderSize)
	if _, err := w.r.ReadAt(hdr, int64(id)*int64(w.pageSize)); err != nil {
		w.add("page %d cannot be read: %v", id, err)
		return nil, false
	}
	overflow := uint64(ne.Uint32(hdr[12:]))
	if id+overflow >= w.hwm {
		w.add("page %d runs %d pages past the end of the file's %d pages", id, overflow, w.hwm)
		return nil, false
	}
	buf := make([]byte, (overflow+1)*uint64(w.pageSize))
	if _, err := w.r.ReadAt(buf, int64(id)*int64(w.pageSize)); err != nil {
		w.add("page %d cannot be read: %v", id, err)
		return nil, false
	}
	return buf, true
}

// tree walks the page tree of one bucket from its root page.
func (w *walker) tree(id uint64, path string, depth int) {
	if len(w.Problems) >= w.limit {
		return
	}
	if depth > 64 {
		w.add("bucket %s: the page tree is more than 64 levels deep (a loop?)", path)
		return
	}
	if id < 2 || id >= w.hwm {
		w.add("bucket %s: names page %d, outside the file's %d pages", path, id, w.hwm)
		return
	}
	page, ok := w.read(id)
	if !ok {
		return
	}
	if got := ne.Uint64(page); got != id {
		w.add("bucket %s: page %d calls itself page %d", path, id, got)
		return
	}
	for i := uint64(0); i < uint64(len(page)/w.pageSize); i++ {
		if w.Seen[id+i] {
			w.add("bucket %s: page %d is reached twice", path, id+i)
			return
		}
		w.Seen[id+i] = true
	}
	w.Pages += len(page) / w.pageSize
	w.elements(page, path, depth, true)
}

// elements checks the elements of a branch or leaf page (or an inline
// bucket's page, where page is the bucket's value after its header) and
// walks on to the pages and buckets they name.
func (w *walker) elements(page []byte, path string, depth int, onDisk bool) {
	where := fmt.Sprintf("bucket %s", path)
	if onDisk {
		where = fmt.Sprintf("bucket %s, page %d", path, ne.Uint64(page))
	}
	if len(page) < pageHeaderSize {
		w.add("%s: an inline bucket of %d bytes", where, len(page))
		return
	}
	flags, count := ne.Uint16(page[8:]), int(ne.Uint16(page[10:]))
	if flags != flagBranch && flags != flagLeaf {
		w.add("%s: not a branch or leaf page (flags %#x)", where, flags)
		return
	}
	if flags == flagBranch && !onDisk {
		w.add("%s: an inline bucket holds a branch page", where)
		return
	}
	if pageHeaderSize+count*leafElemSize > len(page) {
		w.add("%s: %d elements do not fit in %d bytes", where, count, len(page))
		return
	}
	for i := 0; i < count; i++ {
		e := pageHeaderSize + i*leafElemSize
		if flags == flagBranch {
			pos, ksize, child := int64(ne.Uint32(page[e:])), int64(ne.Uint32(page[e+4:])), ne.Uint64(page[e+8:])
			if int64(e)+pos+ksize > int64(len(page)) {
				w.add("%s: branch element %d points outside the page", where, i)
				return
			}
			w.tree(child, path, depth+1)
			continue
		}
		eflags, pos := ne.Uint32(page[e:]), int64(ne.Uint32(page[e+4:]))
		ksize, vsize := int64(ne.Uint32(page[e+8:])), int64(ne.Uint32(page[e+12:]))
		start := int64(e) + pos
		if start+ksize+vsize > int64(len(page)) {
			w.add("%s: leaf element %d points outside the page", where, i)
			return
		}
		switch eflags {
		case 0:
		case bucketLeafFlag:
			name := string(page[start : start+ksize])
			val := page[start+ksize : start+ksize+vsize]
			sub := path + "/" + printable(name)
			if path == "root" {
				sub = printable(name)
			}
			if len(val) < bucketHdrSize {
				w.add("%s: the bucket %s has a header of %d bytes", where, sub, len(val))
				return
			}
			if root := ne.Uint64(val); root != 0 {
				w.tree(root, sub, depth+1)
			} else {
				w.elements(val[bucketHdrSize:], sub, depth+1, false)
			}
		default:
			w.add("%s: leaf element %d has flags %#x", where, i, eflags)
			return
		}
	}
}

// printable is a bucket name as a problem shows it: hex unless it is
// printable ASCII.
func printable(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r > '~' }) >= 0 {
		return fmt.Sprintf("%x", s)
	}
	return s
}
