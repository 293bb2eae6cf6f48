package store

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store/atomicfile"
)

// A store that check rejects is read-only until a shift lead restores a
// backup or runs an explicit repair (RepairFile). Check writes its verdict
// beside the file (returnsdesk.db.rejected: when, the chain head and bbolt
// commit it saw, the problems), and Open reads it: while the file is the
// one it judged (that head and commit), every write is refused with
// ErrRejected; reads, check and export work. Another head or commit is
// another file (a backup put in its place) or one a repair wrote, and its
// verdict is set aside. A check that passes removes it. A verdict of
// damaged pages goes further: Open does not hand the file to bbolt at all
// while it is that file (refusePages). A meta page a commit cut short is
// no verdict. Open also checks the last links of the chain and the head
// (tailCheck), so a store rewritten since its last check is read-only too.

// ErrRejected is a write to a store that failed its check.
var ErrRejected = flow.Errorf(flow.EUnavailable, "the store failed its check: it is read-only until a shift lead "+
	"restores a backup or runs returnsdesk repair")

// verdict is a failed check's record beside the store file.
type verdict struct {
	Head string `json:"head"` // SEQ:HASH of the chain when it was checked; "" when it could not be read
	TxID uint64 `json:"txid"` // bbolt's last commit then: an edit outside the program commits too
	// Pages: the file's pages are damaged. bbolt must not read it at all:
	// Open refuses it while it is that file (its size and time).
	Pages    bool      `json:"pages,omitempty"`
	Size     int64     `json:"size,omitempty"`
	ModTime  time.Time `json:"mtime,omitzero"`
	At       time.Time `json:"at"`
	Problems []string  `json:"problems"` // in English, as check printed them
}

// readVerdict is the verdict beside the store file at path; ok is false
// when there is none. One that does not read still rejects, from now.
func readVerdict(path string) (v verdict, ok bool) {
	data, err := os.ReadFile(VerdictFile(path))
	if err != nil {
		return v, false
	}
	if json.Unmarshal(data, &v) != nil {
		v = verdict{At: time.Now().UTC()}
	}
	return v, true
}

// refusePages refuses to open a file whose verdict says its pages are
// damaged, while the file is the one it judged; bbolt would follow those
// pages (in a race build that is a fatal error no recover catches). A
// verdict of another file (a backup put in its place) is set aside.
func refusePages(path string, info os.FileInfo, readOnly bool) error {
	v, ok := readVerdict(path)
	if !ok || !v.Pages {
		return nil
	}
	if v.Size != info.Size() || !v.ModTime.Equal(info.ModTime()) {
		if !readOnly {
			_ = os.Remove(VerdictFile(path))
		}
		return nil
	}
	return refine(ErrDamaged, nil, "the store file's pages are damaged (returnsdesk check found it on %s): restore a "+
		"backup", flow.DateOf(v.At))
}

// rejection is why an open store is read-only: when it was found.
type rejection struct {
	at time.Time
}

// VerdictFile is the failed check's record for a store file.
func VerdictFile(dbPath string) string { return dbPath + ".rejected" }

// recordVerdict writes a failed check's verdict beside the file, or
// removes the verdict after a check that passed. Errors that are no
// check's finding (a locked file) change nothing.
func recordVerdict(path string, rep Report, err error) *rejection {
	var ce *CheckError
	switch {
	case err == nil:
		_ = os.Remove(VerdictFile(path))
		return nil
	case !errors.As(err, &ce), rep.metaOnly:
		return nil
	}
	v := verdict{At: time.Now().UTC(), Problems: ce.Problems, TxID: rep.txid, Pages: rep.pages}
	if info, err := os.Stat(path); err == nil {
		v.Size, v.ModTime = info.Size(), info.ModTime()
	}
	if rep.HeadHash != "" {
		v.Head = fmt.Sprintf("%d:%s", rep.HeadSeq, rep.HeadHash)
	}
	writeVerdict(path, v)
	return v.rejection()
}

// writeVerdict writes v beside the store file at path, whole or not at all.
func writeVerdict(path string, v verdict) {
	data, _ := json.MarshalIndent(v, "", "  ")
	tmp, werr := atomicfile.Temp(VerdictFile(path), func(f *os.File) error {
		_, err := f.Write(append(data, '\n'))
		return err
	})
	if werr == nil {
		_ = atomicfile.Replace(tmp, VerdictFile(path))
		_ = os.Remove(tmp)
	}
}

func (v verdict) rejection() *rejection { return &rejection{at: v.At} }

// err is the refusal of a write to a rejected store, with when it was
// found (UTC). Its problems are check's to list, in a person's language.
func (r *rejection) err() error {
	return refine(ErrRejected, nil, "the store failed its check on %s at %s UTC (returnsdesk check lists its "+
		"problems): it is read-only until a shift lead restores a backup or runs returnsdesk repair",
		flow.DateOf(r.at), r.at.Format("15:04"))
}

// Rejected is why the store is read-only (ErrRejected), or nil: a check
// that failed, beside the file or in this process, or a chain whose last
// links do not hold.
func (s *Store) Rejected() error {
	if r := s.rejected.Load(); r != nil {
		return r.err()
	}
	return nil
}

// fileState is what a verdict knows its file by: the chain's head and
// bbolt's last commit. A backup put in the file's place has another.
type fileState struct {
	head string // "" when it cannot be read
	txid uint64
}

// stateOf is the file's state in tx.
func stateOf(tx *bolt.Tx) fileState {
	st := fileState{txid: committedID(tx)}
	if seq, hash, err := chainHead(tx); err == nil {
		st.head = fmt.Sprintf("%d:%s", seq, hex.EncodeToString(hash))
	}
	return st
}

// of reports whether v was written of a file in state st.
func (v verdict) of(st fileState) bool {
	return (v.Head == "" || st.head == "" || v.Head == st.head) && (v.TxID == 0 || v.TxID == st.txid)
}

// loadVerdict reads the verdict beside the file: it holds while the head,
// as Open found it before any migration (before), is the one it saw (or
// cannot be read); a verdict of another head is set aside. A migration
// that moved the head on moves the verdict's with it.
func (s *Store) loadVerdict(before fileState) {
	v, ok := readVerdict(s.path)
	if !ok {
		return
	}
	if !v.of(before) {
		if !s.opts.ReadOnly {
			s.log.Warn("a failed check's verdict of another file set aside", "verdict", v.Head, "head", before.head)
			_ = os.Remove(VerdictFile(s.path))
		}
		return
	}
	var now fileState
	if s.view(func(tx *bolt.Tx) error { now = stateOf(tx); return nil }) == nil && now != before && !s.opts.ReadOnly {
		v.Head, v.TxID = now.head, now.txid // a migration's commit is not another file
		writeVerdict(s.path, v)
	}
	s.log.Error("the store failed its check: it is read-only", "verdict", VerdictFile(s.path))
	s.rejected.Store(v.rejection())
}

// setUpRejection makes the store read-only at Open when a failed check's
// verdict of this file is beside it (loadVerdict), or when the last links
// of its chain do not hold (tailCheck).
func (s *Store) setUpRejection(before fileState) {
	s.loadVerdict(before)
	if s.rejected.Load() != nil {
		return
	}
	if err := s.tailCheck(); err != nil {
		s.log.Error("the chain's last links do not hold: the store is read-only", "err", err)
		s.rejected.Store(&rejection{at: time.Now().UTC()})
	}
}

// tailLinks is how many of the chain's last links Open verifies.
const tailLinks = 64

// tailCheck verifies, at Open, the last links of the chain up to the head:
// an edit of the newest events, or of the head, makes the store read-only
// before anyone writes after it. Check verifies the whole chain.
func (s *Store) tailCheck() error {
	return s.view(func(tx *bolt.Tx) error {
		seq, hash, err := chainHead(tx)
		if err != nil || seq == 0 {
			return err
		}
		k := keyingOf(tx)
		if k.from != 0 && k.key == nil {
			return nil // read-only without the key: check says so
		}
		audit := tx.Bucket(bucketAudit)
		c := audit.Cursor()
		last, v := c.Last()
		if last == nil || binary.BigEndian.Uint64(last) != seq || len(v) < len(hash) || string(v[:len(hash)]) != string(hash) {
			return refine(ErrDamaged, nil, "the chain's last event is not the store's head")
		}
		for n := 0; last != nil && n < tailLinks; n++ {
			if err := verifyEvent(tx, k, last, v); err != nil {
				return refine(ErrDamaged, nil, "audit event %d does not match its chain", binary.BigEndian.Uint64(last))
			}
			last, v = c.Prev()
		}
		return nil
	})
}
