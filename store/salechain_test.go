package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// saleStore is a store with Maria (lead) and olena (cashier) and, imported
// from pos.csv, the sale of case c: receipt R-4001 line 1, serial SN-4001.
// It returns the closed store's path.
func saleStore(t *testing.T) (path string, c *flow.Case) {
	t.Helper()
	s, path := deskStore(t)
	c = newCase(t0, "olena", "R-4001", "SN-4001")
	if _, err := s.ImportSales([]flow.Sale{c.Sale, {Receipt: "R-4002", Line: 1, Date: c.Sale.Date, Model: "Case",
		Price: flow.Money{Minor: 49900, Currency: "UAH"}, Tender: flow.TenderCash}}, "pos.csv", "Maria", t0); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	return path, c
}

// editSale changes the stored sale of receipt line with fn, as someone
// with the file would.
func editSale(receipt string, line int, fn func(*flow.Sale)) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSales)
		var sale flow.Sale
		if err := json.Unmarshal(b.Get(saleKey(receipt, line)), &sale); err != nil {
			return err
		}
		fn(&sale)
		v, _ := json.Marshal(sale)
		return b.Put(saleKey(receipt, line), v)
	}
}

// raisePrice raises a sale's price to 29999.00.
func raisePrice(s *flow.Sale) { s.Price.Minor = 2999900 }

// refusedAsTampered fails t unless err is the refusal of receipt line.
func refusedAsTampered(t *testing.T, what string, err error, receipt string, line int) {
	t.Helper()
	want := fmt.Sprintf("the imported sale of receipt %s line %d does not match the audit trail", receipt, line)
	if !errors.Is(err, ErrTampered) || !strings.Contains(flow.Message(err), want) {
		t.Errorf("%s: %v, want the refusal %q", what, err, want)
	}
}

// checkFails fails t unless the store's check fails naming names.
func checkFails(t *testing.T, s *Store, names string) {
	t.Helper()
	_, err := s.Check(CheckOptions{})
	var ce *CheckError
	if !errors.As(err, &ce) || !strings.Contains(strings.Join(ce.Problems, "\n"), names) {
		t.Errorf("check: %v, want a problem naming %q", err, names)
	}
}

// TestEditedSaleIsRefusedNotLaundered: an imported sale's price raised with
// bbolt outside the program is refused by name when the kiosk looks the
// receipt (or its serial) up and when a case about it is saved; an
// ordinary write after it (another file imported) does not launder it:
// the lookup still refuses it and check still fails. The other sale of the
// same import still reads.
func TestEditedSaleIsRefusedNotLaundered(t *testing.T) {
	path, c := saleStore(t)
	edited := copyFile(t, path)
	editRaw(t, edited, editSale("R-4001", 1, raisePrice))
	s, err := Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	sales, err := s.LookupSales("R-4001")
	refusedAsTampered(t, "the lookup of the receipt", err, "R-4001", 1)
	if len(sales) != 0 {
		t.Errorf("the lookup returned %+v", sales)
	}
	_, err = s.LookupSales("SN-4001")
	refusedAsTampered(t, "the lookup of the serial", err, "R-4001", 1)
	refusedAsTampered(t, "a case's save", s.SaveCase(c, Event{Staff: "olena"}), "R-4001", 1)
	lineless := *c
	lineless.ID, lineless.Sale.Line = NewCaseID(t0.Add(time.Minute)), 0
	refusedAsTampered(t, "a case's save, its line not stated", s.SaveCase(&lineless, Event{Staff: "olena"}), "R-4001", 1)
	_, err = s.LineCase(lineless.Sale, "")
	refusedAsTampered(t, "the line's other cases", err, "R-4001", 1)
	if got, err := s.LookupSales("R-4002"); err != nil || len(got) != 1 {
		t.Errorf("the sound sale of the same import: %+v, %v", got, err)
	}
	// the ordinary write, before any check: another file imported
	other := newCase(t0, "olena", "R-5001", "").Sale
	if _, err := s.ImportSales([]flow.Sale{other}, "pos-2.csv", "Maria", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	checkFails(t, s, "receipt R-4001 line 1: the sale is not as the import of event")
	if _, err := s.ImportSales([]flow.Sale{other}, "pos-3.csv", "Maria", t0.Add(time.Hour)); !errors.Is(err, ErrRejected) {
		t.Errorf("an import after the check failed: %v", err)
	}
	_, err = s.LookupSales("R-4001")
	refusedAsTampered(t, "the lookup after another import", err, "R-4001", 1)
	if got, err := s.LookupSales("R-5001"); err != nil || len(got) != 1 {
		t.Errorf("the other file's sale: %+v, %v", got, err)
	}
	must(t, s.Close())
	if _, err := CheckFile(edited, CheckOptions{}); err == nil {
		t.Error("check passed after the ordinary write: the edit was laundered")
	}
}

// TestEditedSaleImport: the import's record edited in other ways, each
// refused when read and failing the check: the manifest rewritten to hold
// the edited sale's hash, a byte of the manifest changed, the sale's
// record_events entry deleted or pointed at another event, the manifest
// deleted, and a sale added outside any import.
func TestEditedSaleImport(t *testing.T) {
	path, _ := saleStore(t)
	importSeq := func(tx *bolt.Tx) []byte {
		return copyBytes(tx.Bucket(bucketRecordEvents).Get(saleRecordKey(saleKey("R-4001", 1))))
	}
	for _, tc := range []struct {
		name    string
		edit    func(tx *bolt.Tx) error
		refused string // the receipt whose lookup is refused
		names   string // a problem of check names this
	}{
		{"the import rewritten for the edited sale", func(tx *bolt.Tx) error {
			must(t, editSale("R-4001", 1, raisePrice)(tx))
			imp := encodeImport(storedHashes(tx))
			must(t, tx.Bucket(bucketSaleImports).Put(partKey(decodeSeqOf(importSeq(tx)), 0), imp.parts[0]))
			return tx.Bucket(bucketSaleImports).Put(importSeq(tx), imp.manifest)
		}, "R-4001", "is not as that event recorded it"},
		{"the part rewritten for the edited sale", func(tx *bolt.Tx) error {
			must(t, editSale("R-4001", 1, raisePrice)(tx))
			imp := encodeImport(storedHashes(tx))
			return tx.Bucket(bucketSaleImports).Put(partKey(decodeSeqOf(importSeq(tx)), 0), imp.parts[0])
		}, "R-4001", "part 1 of the import of event"},
		{"a byte of the manifest", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSaleImports)
			m := copyBytes(b.Get(importSeq(tx)))
			m[len(m)-1] ^= 1
			return b.Put(importSeq(tx), m)
		}, "R-4002", "is not as that event recorded it"},
		{"a byte of a part", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSaleImports)
			k := partKey(decodeSeqOf(importSeq(tx)), 0)
			m := copyBytes(b.Get(k))
			m[len(m)-1] ^= 1
			return b.Put(k, m)
		}, "R-4002", "part 1 of the import of event"},
		{"a part added", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSaleImports).Put(partKey(decodeSeqOf(importSeq(tx)), 1), []byte("x"))
		}, "", "is neither an import nor a part of one"},
		{"the record_events entry deleted", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecordEvents).Delete(saleRecordKey(saleKey("R-4001", 1)))
		}, "R-4001", "receipt R-4001 line 1: record_events does not name its last import"},
		{"the record_events entry pointed at the store's first event", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecordEvents).Put(saleRecordKey(saleKey("R-4001", 1)), seqKey(1))
		}, "R-4001", "receipt R-4001 line 1: record_events does not name its last import"},
		{"the manifest deleted", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSaleImports).Delete(importSeq(tx))
		}, "R-4001", "imported sales, but sale_imports does not hold that import"},
		{"a sale added outside any import", func(tx *bolt.Tx) error {
			v, _ := json.Marshal(flow.Sale{Receipt: "R-9999", Line: 1, Model: "Phone X", Price: flow.Money{Minor: 100, Currency: "UAH"}})
			return tx.Bucket(bucketSales).Put(saleKey("R-9999", 1), v)
		}, "R-9999", "receipt R-9999 line 1: no sales import holds the sale"},
		{"a sale deleted", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSales).Delete(saleKey("R-4002", 1))
		}, "", "receipt R-4002 line 1: the import of event"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := copyFile(t, path)
			editRaw(t, edited, tc.edit)
			s, err := Open(edited, testOptions())
			must(t, err)
			defer s.Close()
			if tc.refused != "" {
				_, err = s.LookupSales(tc.refused)
				refusedAsTampered(t, "the lookup", err, tc.refused, 1)
			}
			checkFails(t, s, tc.names)
		})
	}
}

// storedHashes is the SHA-256 of every stored sale, by its key.
func storedHashes(tx *bolt.Tx) map[string][sha256.Size]byte {
	hashes := map[string][sha256.Size]byte{}
	_ = tx.Bucket(bucketSales).ForEach(func(k, v []byte) error {
		hashes[string(k)] = sha256.Sum256(v)
		return nil
	})
	return hashes
}

func decodeSeqOf(k []byte) uint64 { return binary.BigEndian.Uint64(k) }

// TestReimportedSaleVerifies: a receipt line imported again is replaced,
// reads as the new import wrote it, and checks; the old import keeps its
// manifest. Put back as the old import wrote it, with its record_events
// entry pointed at the old import, the sale matches that import's
// manifest, which a read cannot tell, but check sees that it is not the
// line's last import.
func TestReimportedSaleVerifies(t *testing.T) {
	s, path := deskStore(t)
	sale := newCase(t0, "olena", "R-4001", "SN-4001").Sale
	_, err := s.ImportSales([]flow.Sale{sale}, "pos.csv", "Maria", t0)
	must(t, err)
	oldSeq, _, err := s.Head()
	must(t, err)
	var oldValue []byte
	must(t, s.view(func(tx *bolt.Tx) error {
		oldValue = copyBytes(tx.Bucket(bucketSales).Get(saleKey("R-4001", 1)))
		return nil
	}))
	again := sale
	again.Price.Minor, again.Serial = 1899900, "SN-4001B"
	_, err = s.ImportSales([]flow.Sale{again}, "pos-fixed.csv", "Maria", t0.Add(time.Hour))
	must(t, err)
	got, err := s.LookupSales("R-4001")
	if err != nil || len(got) != 1 || got[0].Price.Minor != 1899900 {
		t.Fatalf("the line imported again: %+v, %v", got, err)
	}
	if got, _ := s.LookupSales("SN-4001"); len(got) != 0 {
		t.Errorf("the old serial still finds %+v", got)
	}
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatalf("check after the line was imported again: %v", err)
	}
	must(t, s.Close())
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error {
		must(t, tx.Bucket(bucketSales).Put(saleKey("R-4001", 1), oldValue))
		return tx.Bucket(bucketRecordEvents).Put(saleRecordKey(saleKey("R-4001", 1)), seqKey(oldSeq))
	})
	if _, err := CheckFile(edited, CheckOptions{}); err == nil ||
		!strings.Contains(err.Error(), "receipt R-4001 line 1: the sale is not as the import of event") {
		t.Errorf("the old import's sale put back: %v", err)
	}
}

// makeV8 turns the closed store at path into the version 8 store the code
// before the sale imports made: its imports are notes with no record hash
// (the chain computed again over them, as that code would have written
// it), no sale_imports and no sale entries in record_events.
func makeV8(t testing.TB, path string) {
	t.Helper()
	unkeyChain(t, path) // and the chain as version 8 linked it
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		var first uint64
		must(t, tx.Bucket(bucketSaleImports).ForEach(func(k, _ []byte) error {
			if len(k) != 8 {
				return nil // a part
			}
			seq := binary.BigEndian.Uint64(k)
			if first == 0 {
				first = seq
			}
			return editEvent(tx, seq, func(m map[string]any) {
				m["kind"] = string(EventNote)
				delete(m, "record_hash")
			}, false)
		}))
		if first > 0 {
			must(t, rechain(tx, first))
		}
		must(t, tx.DeleteBucket(bucketSaleImports))
		re := tx.Bucket(bucketRecordEvents)
		var sales [][]byte
		c := re.Cursor()
		for k, _ := c.Seek([]byte("sale:")); k != nil && bytes.HasPrefix(k, []byte("sale:")); k, _ = c.Next() {
			sales = append(sales, copyBytes(k))
		}
		for _, k := range sales {
			must(t, re.Delete(k))
		}
		return putVersion(tx, 8)
	}))
	must(t, db.Close())
}

// TestOpen_migrationTo10: a version 8 store with imported sales is
// migrated: one event of the system's covers every sale as stored, the
// sales read and check, and an edit after the migration is refused.
func TestOpen_migrationTo10(t *testing.T) {
	path, c := saleStore(t)
	makeV8(t, path)
	if _, err := CheckFile(path, CheckOptions{}); err == nil || !strings.Contains(err.Error(), "schema version 8") {
		t.Fatalf("a version 8 store's check: %v", err)
	}
	s, err := Open(path, testOptions())
	must(t, err)
	rep, err := s.Check(CheckOptions{})
	if err != nil {
		t.Fatalf("check after the migration: %v", err)
	}
	evs, err := s.Events(rep.HeadSeq-1, 1)
	must(t, err)
	if len(evs) != 1 || evs[0].Kind != EventSales || evs[0].Staff != "system" ||
		evs[0].Detail != "schema version 10: 2 imported sales put on the audit trail as they are stored" {
		t.Errorf("the migration's event: %+v", evs)
	}
	for _, q := range []string{"R-4001", "SN-4001", "R-4002"} {
		if got, err := s.LookupSales(q); err != nil || len(got) != 1 {
			t.Errorf("%s after the migration: %+v, %v", q, got, err)
		}
	}
	must(t, s.SaveCase(c, Event{Staff: "olena"}))
	must(t, s.Close())

	edited := copyFile(t, path)
	editRaw(t, edited, editSale("R-4002", 1, raisePrice))
	s, err = Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	_, err = s.LookupSales("R-4002")
	refusedAsTampered(t, "an edit after the migration", err, "R-4002", 1)
}

// TestOpen_migrationTo10WithoutSales: a version 8 store that imported no
// sales gets its empty bucket and no event of that migration (the keying's
// one, to 9, is the only event added).
func TestOpen_migrationTo10WithoutSales(t *testing.T) {
	s, path := deskStore(t)
	before, _, err := s.Head()
	must(t, err)
	must(t, s.Close())
	makeV8(t, path)
	s, err = Open(path, testOptions())
	must(t, err)
	defer s.Close()
	rep, err := s.Check(CheckOptions{})
	if err != nil {
		t.Fatalf("check after the migration: %v", err)
	}
	if rep.HeadSeq != before+1 {
		t.Errorf("the migrations of a store without sales added %d events, want the keying's one", rep.HeadSeq-before)
	}
}

// salesOf is n sales of n/lines receipts, lines each, from receipt number
// from on.
func salesOf(from, n, lines int) []flow.Sale {
	out := make([]flow.Sale, 0, n)
	for i := range n {
		out = append(out, flow.Sale{Receipt: fmt.Sprintf("R-%07d", from+i/lines), Line: i%lines + 1,
			Date: flow.DateOf(t0).AddDays(-5), Model: "Phone X 128GB", Serial: fmt.Sprintf("SN%09d", from*lines+i),
			Price: flow.Money{Minor: 1999900, Currency: "UAH"}, Tender: flow.TenderCash, Condition: flow.ConditionNew,
			WarrantyMonths: 12})
	}
	return out
}

// BenchmarkImportSales imports 10,000 sales (5,000 receipts of two lines)
// into a new store, one transaction each time, the manifest included.
func BenchmarkImportSales(b *testing.B) {
	sales := salesOf(0, 10000, 2)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), FileName), testOptions())
		must(b, err)
		b.StartTimer()
		if _, err := s.ImportSales(sales, "pos.csv", "Maria", t0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		must(b, s.Close())
		b.StartTimer()
	}
}

// BenchmarkLookupSales looks one receipt (two lines) up, verification
// included, in a store of 10,000 or 100,000 imported sales: imported in
// files of 10,000, or (the worst case, as the migration to version 9 of a
// store with that many leaves it) all under one manifest.
func BenchmarkLookupSales(b *testing.B) {
	for _, bc := range []struct {
		name       string
		n, perFile int
	}{
		{"10000", 10000, 10000},
		{"100000_files_of_10000", 100000, 10000},
		{"100000_one_import", 100000, 100000},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := Open(filepath.Join(b.TempDir(), FileName), testOptions())
			must(b, err)
			defer s.Close()
			for from := 0; from < bc.n; from += bc.perFile {
				if _, err := s.ImportSales(salesOf(from/2, bc.perFile, 2), "pos.csv", "Maria", t0); err != nil {
					b.Fatal(err)
				}
			}
			i := 0
			for b.Loop() {
				q := fmt.Sprintf("R-%07d", (i*7919)%(bc.n/2))
				if got, err := s.LookupSales(q); err != nil || len(got) != 2 {
					b.Fatalf("%s: %d sales, %v", q, len(got), err)
				}
				i++
			}
		})
	}
}

// TestEditedSaleOfACyrillicReceipt: the refusal names a receipt in
// Cyrillic as the store keeps it (upper-cased), in letters, not bytes.
func TestEditedSaleOfACyrillicReceipt(t *testing.T) {
	s, path := deskStore(t)
	_, err := s.ImportSales([]flow.Sale{newCase(t0, "olena", "чек-7", "").Sale}, "pos.csv", "Maria", t0)
	must(t, err)
	must(t, s.Close())
	edited := copyFile(t, path)
	editRaw(t, edited, editSale("чек-7", 1, raisePrice))
	s, err = Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	_, err = s.LookupSales("Чек-7")
	refusedAsTampered(t, "the lookup", err, "ЧЕК-7", 1)
	checkFails(t, s, "receipt ЧЕК-7 line 1: the sale is not as the import of event")
}

// TestSaleImportInParts: an import of 1,000 sales keeps its manifest in
// four parts; every receipt reads (the first and last sale of each part
// among them), the store checks, and a sale edited in the third part is
// refused while the other parts still read.
func TestSaleImportInParts(t *testing.T) {
	s, path := deskStore(t)
	sales := salesOf(0, 1000, 2)
	_, err := s.ImportSales(sales, "pos.csv", "Maria", t0)
	must(t, err)
	must(t, s.view(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketSaleImports).Stats().KeyN; n != 5 {
			t.Errorf("sale_imports holds %d keys, want the manifest and 4 parts", n)
		}
		return nil
	}))
	for i := 0; i < 500; i++ {
		q := fmt.Sprintf("R-%07d", i)
		if got, err := s.LookupSales(q); err != nil || len(got) != 2 {
			t.Fatalf("%s: %+v, %v", q, got, err)
		}
	}
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	edited := copyFile(t, path)
	editRaw(t, edited, editSale("R-0000300", 2, raisePrice)) // the 602nd sale: the third part
	s, err = Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	_, err = s.LookupSales("R-0000300")
	refusedAsTampered(t, "the edited sale of the third part", err, "R-0000300", 2)
	for _, q := range []string{"R-0000000", "R-0000299", "R-0000301", "R-0000499"} {
		if got, err := s.LookupSales(q); err != nil || len(got) != 2 {
			t.Errorf("%s beside the edited sale: %+v, %v", q, got, err)
		}
	}
	checkFails(t, s, "receipt R-0000300 line 2: the sale is not as the import of event")
}

// TestForgedImportEventIsRefused: the import's event edited outside the
// program, its link not made again (no one has the audit key): its record
// hash still matches the manifest, but the lookup verifies the event's
// link, as every read of a trusted record does, and refuses the sale.
func TestForgedImportEventIsRefused(t *testing.T) {
	path, _ := saleStore(t)
	edited := copyFile(t, path)
	editRaw(t, edited, func(tx *bolt.Tx) error {
		seq := tx.Bucket(bucketRecordEvents).Get(saleRecordKey(saleKey("R-4001", 1)))
		return editEvent(tx, binary.BigEndian.Uint64(seq), func(m map[string]any) { m["staff"] = "someone else" }, false)
	})
	s, err := Open(edited, testOptions())
	must(t, err)
	defer s.Close()
	_, err = s.LookupSales("R-4001")
	refusedAsTampered(t, "the lookup of a sale whose import's event was edited", err, "R-4001", 1)
}
