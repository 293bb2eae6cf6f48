package store

import (
	"bytes"
	"sort"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// VisitCases lists the cases of the visit case id is part of
// (flow.Case.VisitID): its first case and every case that names it as its
// visit, in the order they were opened; a case alone is its own visit of one.
// The items of a visit are on one receipt (flow.CheckVisit, which SaveCase
// holds them to), so they are found through the receipts index. An id that
// is no case is ErrNotFound.
func (s *Store) VisitCases(id string) ([]*flow.Case, error) {
	k, err := caseKey(id)
	if err != nil {
		return nil, err
	}
	var out []*flow.Case
	err = s.view(func(tx *bolt.Tx) error {
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		_, doc, err := existingCase(bs, k)
		if err != nil {
			return err
		}
		if v := doc.Case.Visit; v != "" {
			if k, err = caseKey(v); err != nil {
				return err
			}
			if _, doc, err = existingCase(bs, k); err != nil {
				return err
			}
		}
		first := doc.Case
		out = []*flow.Case{first}
		r := normText(first.Sale.Receipt)
		if r == "" {
			return nil
		}
		prefix := textPrefix(r)
		c := bs.receipts.Cursor()
		for key, _ := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, _ = c.Next() {
			_, id, err := tailDayID(key)
			if err != nil {
				return err
			}
			if bytes.Equal(id, k) {
				continue
			}
			_, d, err := existingCase(bs, id)
			if err != nil {
				return err
			}
			if d.Case.Visit == first.ID {
				out = append(out, d.Case)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID }) // ULIDs sort by their opening
	return out, nil
}

// checkVisitTx holds a case that names a visit to its rule (flow.CheckVisit):
// the visit's first case is in the store, the visit's first, and on the
// same receipt. oldCase is the case as stored (nil for a new one): a save
// that changes neither the visit nor the receipt checks nothing.
func checkVisitTx(bs *buckets, c, oldCase *flow.Case) error {
	if c.Visit == "" {
		return nil
	}
	if oldCase != nil && oldCase.Visit == c.Visit && normText(oldCase.Sale.Receipt) == normText(c.Sale.Receipt) {
		return nil
	}
	k, err := caseKey(c.Visit)
	if err != nil {
		return caseErrorf(flow.EInvalid, c.ID, "the visit %q is not a case id", c.Visit)
	}
	_, doc, err := getCase(bs, k)
	if err != nil {
		return err
	}
	if doc.Case == nil {
		return caseErrorf(flow.EInvalid, c.ID, "the visit %s is no case in this store", c.Visit)
	}
	return flow.CheckVisit(doc.Case, c)
}

// visitOf is the visit a case id stored in bs is part of, "" when it cannot
// be read (the passport count then counts it on its own).
func visitOf(bs *buckets, id []byte) string {
	_, doc, err := getCase(bs, id)
	if err != nil || doc.Case == nil {
		return ""
	}
	return doc.Case.VisitID()
}
