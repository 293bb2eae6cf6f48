package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// Act is one document of a case as the store keeps it: its number in the
// store (1, 2, 3... across every case, never reused), its kind, who had it
// written and when, and its files with their SHA-256, so a reprint prints
// the document that was signed and an edited file is seen.
type Act struct {
	N     uint64       `json:"n"`
	Kind  flow.ActKind `json:"kind"`
	At    time.Time    `json:"at"`
	By    string       `json:"by"`
	Files []ActFile    `json:"files"`
	// Payment is, for a payout slip, the number of its payment in the case
	// (from 1).
	Payment int `json:"payment,omitempty"`
}

// ActFile is one file of an act (its text, its PDF): its name in the data
// folder's acts/, and the SHA-256 of its bytes, hex.
type ActFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// FileOf is an act's file of bytes b, named name.
func FileOf(name string, b []byte) ActFile {
	sum := sha256.Sum256(b)
	return ActFile{Name: name, SHA256: hex.EncodeToString(sum[:])}
}

// Matches reports whether b are the bytes the act kept as f.
func (f ActFile) Matches(b []byte) bool { return FileOf(f.Name, b).SHA256 == f.SHA256 }

// ActWriter writes the files of act number n (the document printed with its
// number), and returns them as kept: KeepAct calls it inside its
// transaction, so a document is numbered only if its files were written.
type ActWriter func(n uint64) ([]ActFile, error)

// KeepAct numbers a new document of a case, has write write its files, and
// keeps it: the act on the case, its number in the acts index, and an act
// event on the trail with the files' hashes, in one transaction. A failed
// write keeps nothing and uses no number. payment is a payout slip's
// payment (0 for another act).
func (s *Store) KeepAct(caseID string, kind flow.ActKind, payment int, by string, now time.Time, write ActWriter) (Act, error) {
	var act Act
	if !kind.Valid() {
		return act, flow.Errorf(flow.EInvalid, "%q is not a kind of act", kind)
	}
	id, err := caseKey(caseID)
	if err != nil {
		return act, err
	}
	err = s.update(func(tx *bolt.Tx) error {
		bs, rec, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		n, err := bs.acts.NextSequence()
		if err != nil {
			return err
		}
		files, err := write(n)
		if err != nil {
			return err
		}
		act = Act{N: n, Kind: kind, At: now.UTC(), By: normStaff(by), Files: files, Payment: payment}
		doc.Acts = append(doc.Acts, act)
		if kind != flow.ActPayout {
			doc.Case.ActPending = false // the act its decision waited for
		}
		raw, err := putWithNextEvent(tx, bs, id, rec, &doc)
		if err != nil {
			return err
		}
		if err := bs.acts.Put(seqKey(n), id); err != nil {
			return err
		}
		_, err = appendEvent(tx, Event{Time: now, Staff: normStaff(by), Terminal: s.terminal, CaseID: caseID,
			Kind: EventAct, Status: statusOf(doc.Case), RecordHash: recordHash(raw),
			Words: Said("%s No. %d kept: %s", actWords(kind), n, fileList(files))})
		return err
	})
	if err != nil {
		return Act{}, err
	}
	s.log.Info("act kept", "case", caseID, "act", act.N, "kind", kind)
	return act, nil
}

// Acts are the documents kept of a case, in the order they were written.
func (s *Store) Acts(caseID string) ([]Act, error) {
	id, err := caseKey(caseID)
	if err != nil {
		return nil, err
	}
	var out []Act
	err = s.view(func(tx *bolt.Tx) error {
		_, _, doc, err := caseInTx(tx, id)
		out = doc.Acts
		return err
	})
	return out, err
}

// Reprinted puts the reprint of act n of a case on the trail. It changes
// nothing of the case, so it is recorded on a closed day's case too.
func (s *Store) Reprinted(caseID string, n uint64, by string, now time.Time) error {
	acts, err := s.Acts(caseID)
	if err != nil {
		return err
	}
	for _, a := range acts {
		if a.N == n {
			_, err := s.Record(Event{Time: now, Staff: by, CaseID: caseID, Kind: EventAct,
				Words: Said("%s No. %d printed again", actWords(a.Kind), n)})
			return err
		}
	}
	return refine(ErrNotFound, caseDetail(caseID), "the case has no act No. %d", n)
}

// actWords are the words of a kind of act, for the trail.
func actWords(k flow.ActKind) *EventWords {
	switch k {
	case flow.ActIntake:
		return Said("service centre intake act")
	case flow.ActLeadDecision:
		return Said("shift lead's decision act")
	case flow.ActPayout:
		return Said("payout slip")
	}
	return Said("return act")
}

// fileList names an act's files with the start of their hashes.
func fileList(files []ActFile) string {
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = fmt.Sprintf("%s (sha256 %s)", f.Name, f.SHA256)
	}
	return strings.Join(parts, ", ")
}

// ActOf is a kept act and what names its case on a list.
type ActOf struct {
	Act
	Case    string // the case's id
	Model   string
	Receipt string
}

// FindActs lists the acts kept of the cases a person names: by an act's
// number ("17", "№ 17"), a case's id, a receipt or a serial/IMEI; the
// newest act first. Nothing named lists nothing.
func (s *Store) FindActs(query string) ([]ActOf, error) {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil, nil
	}
	ids := map[string]bool{}
	var order []string
	add := func(id string) {
		if !ids[id] {
			ids[id] = true
			order = append(order, id)
		}
	}
	if _, err := caseKey(q); err == nil {
		add(q)
	}
	if n, ok := actNumber(q); ok {
		err := s.view(func(tx *bolt.Tx) error {
			if id := tx.Bucket(bucketActs).Get(seqKey(n)); len(id) == idLen {
				add(caseID(id))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, by := range []func(string) ([]Summary, error){s.ByReceipt, s.BySerial} {
		sums, err := by(q)
		if err != nil {
			return nil, err
		}
		for _, sum := range sums {
			add(sum.ID)
		}
	}
	return s.actsOf(order)
}

// actsOf are the acts of the cases ids, the newest first, read in one
// transaction; an id of no case lists nothing.
func (s *Store) actsOf(ids []string) ([]ActOf, error) {
	var out []ActOf
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			k, err := caseKey(id)
			if err != nil {
				return err
			}
			rec, doc, err := getCase(bs, k)
			if err != nil {
				return err
			}
			if rec == nil {
				continue
			}
			for _, a := range doc.Acts {
				out = append(out, ActOf{Act: a, Case: id, Model: doc.Case.Sale.Model, Receipt: doc.Case.Sale.Receipt})
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].N > out[j].N })
	return out, err
}

// actNumber reads an act's number as a person types it: "17", "№17",
// "No. 17".
func actNumber(q string) (uint64, bool) {
	q = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(q, "№"), "No."), "#"))
	n, err := strconv.ParseUint(q, 10, 64)
	return n, err == nil && n > 0
}
