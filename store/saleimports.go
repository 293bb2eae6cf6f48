package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow/lang"
)

// Imported sales are on the audit chain too. Each import (ImportSales) keeps
// a manifest of the sales it wrote: their keys, sorted, each with the
// SHA-256 of the sale as stored. The manifest is kept in sale_imports under
// the seq of the import's event, which carries the manifest's own SHA-256
// (RecordHash), and record_events names that event for each sale
// ("sale:"+KEY). A sale is verified as it is read: its event's hash covers
// the manifest, and the manifest holds the sale's hash. A sale imported again
// is covered by its new import; the old manifest stays as its event wrote it.

// manifest is an import's list of (sale key, SHA-256 of the stored sale):
// uvarint key length, key, 32-byte hash, per sale, sorted by key. offs are
// where each entry starts.
type manifest struct {
	raw  []byte
	offs []int
}

// encodeManifest is the manifest of sales (key -> its stored value's hash).
func encodeManifest(sales map[string][sha256.Size]byte) []byte {
	keys := make([]string, 0, len(sales))
	size := 0
	for k := range sales {
		keys = append(keys, k)
		size += binary.MaxVarintLen16 + len(k) + sha256.Size
	}
	slices.Sort(keys)
	out := make([]byte, 0, size)
	for _, k := range keys {
		h := sales[k]
		out = binary.AppendUvarint(out, uint64(len(k)))
		out = append(append(out, k...), h[:]...)
	}
	return out
}

// parseManifest reads a manifest: each entry whole, its keys in order.
func parseManifest(raw []byte) (*manifest, error) {
	m := &manifest{raw: raw}
	var last []byte
	for i := 0; i < len(raw); {
		n, w := binary.Uvarint(raw[i:])
		if w <= 0 || n == 0 || uint64(len(raw)-i-w) < n+sha256.Size {
			return nil, fmt.Errorf("a malformed entry at byte %d", i)
		}
		k := raw[i+w : i+w+int(n)]
		if last != nil && bytes.Compare(last, k) >= 0 {
			return nil, fmt.Errorf("its keys are out of order at byte %d", i)
		}
		m.offs = append(m.offs, i)
		last, i = k, i+w+int(n)+sha256.Size
	}
	return m, nil
}

// entry is the manifest's entry i: its key and hash.
func (m *manifest) entry(i int) (key, hash []byte) {
	at := m.offs[i]
	n, w := binary.Uvarint(m.raw[at:])
	key = m.raw[at+w : at+w+int(n)]
	return key, m.raw[at+w+int(n) : at+w+int(n)+sha256.Size]
}

// hashOf is the hash the manifest holds for key, nil when it holds none.
func (m *manifest) hashOf(key []byte) []byte {
	i := sort.Search(len(m.offs), func(i int) bool {
		k, _ := m.entry(i)
		return bytes.Compare(k, key) >= 0
	})
	if i == len(m.offs) {
		return nil
	}
	if k, h := m.entry(i); bytes.Equal(k, key) {
		return h
	}
	return nil
}

// saleRecordKey is the record_events key of the sale stored under key.
func saleRecordKey(key []byte) []byte { return append([]byte("sale:"), key...) }

// noteSaleImport keeps, in tx, the manifest of the import whose event is
// seq, and that seq is the last event of each sale it covers.
func noteSaleImport(tx *bolt.Tx, seq uint64, sales map[string][sha256.Size]byte, raw []byte) error {
	imports, err := bucket(tx, bucketSaleImports)
	if err != nil {
		return err
	}
	events, err := bucket(tx, bucketRecordEvents)
	if err != nil {
		return err
	}
	if err := imports.Put(seqKey(seq), raw); err != nil {
		return err
	}
	for k := range sales {
		if err := events.Put(saleRecordKey([]byte(k)), seqKey(seq)); err != nil {
			return err
		}
	}
	return nil
}

// receiptLine is the receipt (as keys keep it) and line of a sale's key.
func receiptLine(key []byte) (string, int) {
	i := bytes.IndexByte(key, 0)
	if i < 0 || len(key)-i-1 != 4 {
		return printable(string(key)), 0
	}
	return printable(string(key[:i])), int(binary.BigEndian.Uint32(key[i+1:]))
}

// saleTampered is the refusal of the imported sale stored under key.
func saleTampered(key []byte) error {
	receipt, line := receiptLine(key)
	return refine(ErrTampered, nil, "the imported sale of receipt %s line %d does not match the audit trail: run returnsdesk check",
		receipt, line)
}

// saleVerifier verifies the imported sales one read call reads, each
// import's manifest against its event once.
type saleVerifier struct {
	audit, events, imports *bolt.Bucket
	manifests              map[uint64]*manifest // verified; nil: it does not match its event
}

func newSaleVerifier(tx *bolt.Tx) *saleVerifier {
	return &saleVerifier{audit: tx.Bucket(bucketAudit), events: tx.Bucket(bucketRecordEvents),
		imports: tx.Bucket(bucketSaleImports), manifests: map[uint64]*manifest{}}
}

// verify checks v, the stored sale of key, against the import that wrote
// it: a mismatch is the sale's refusal (saleTampered).
func (sv *saleVerifier) verify(key, v []byte) error {
	if sv.imports == nil || sv.events == nil {
		return nil // a store not migrated yet (read-only): check verifies it
	}
	seq := sv.events.Get(saleRecordKey(key))
	if len(seq) != 8 {
		return saleTampered(key)
	}
	m := sv.manifest(binary.BigEndian.Uint64(seq))
	if m == nil {
		return saleTampered(key)
	}
	if h, want := sha256.Sum256(v), m.hashOf(key); want == nil || !bytes.Equal(h[:], want) {
		return saleTampered(key)
	}
	return nil
}

// manifest is the manifest of the import whose event is seq, nil unless it
// matches that event.
func (sv *saleVerifier) manifest(seq uint64) *manifest {
	if m, ok := sv.manifests[seq]; ok {
		return m
	}
	m, _ := importManifest(sv.audit, sv.imports, seq)
	sv.manifests[seq] = m
	return m
}

// importManifest reads the manifest of the import whose event is seq and
// verifies it against that event: an import event whose record hash is
// the manifest's. The error says what does not match.
func importManifest(audit, imports *bolt.Bucket, seq uint64) (*manifest, error) {
	raw := imports.Get(seqKey(seq))
	if raw == nil {
		return nil, fmt.Errorf("the import is missing")
	}
	v := audit.Get(seqKey(seq))
	if v == nil {
		return nil, fmt.Errorf("the event is missing")
	}
	ev, err := decodeEvent(seqKey(seq), v)
	if err != nil {
		return nil, err
	}
	if ev.Kind != EventSales || ev.RecordHash != recordHash(raw) {
		return nil, fmt.Errorf("the import is not as its event recorded it")
	}
	return parseManifest(raw)
}

// migrateSaleImports is migration 8 -> 9: the sale_imports bucket and, when
// sales were imported before, one event whose manifest covers every sale as
// it is stored now. A sale edited outside the program before this migration
// cannot be told from one imported so: from here on, an edit is seen.
func migrateSaleImports(tx *bolt.Tx, now time.Time) error {
	if err := createBuckets(tx, [][]byte{bucketSaleImports}); err != nil {
		return err
	}
	sales := tx.Bucket(bucketSales)
	if sales == nil {
		return nil
	}
	if k, _ := sales.Cursor().First(); k == nil {
		return nil
	}
	hashes := map[string][sha256.Size]byte{}
	err := sales.ForEach(func(k, v []byte) error {
		hashes[string(k)] = sha256.Sum256(v)
		return nil
	})
	if err != nil {
		return err
	}
	raw := encodeManifest(hashes)
	ev, err := appendEvent(tx, Event{Time: now, Staff: "system", Kind: EventSales, RecordHash: recordHash(raw),
		Words: SaidN("schema version 9: %d imported sales put on the audit trail as they are stored", len(hashes), len(hashes))})
	if err != nil {
		return err
	}
	return noteSaleImport(tx, ev.Seq, hashes, raw)
}

// importKey is the key under which checkChain notes a sales import event.
func importKey(seq uint64) string { return fmt.Sprintf("import:%d", seq) }

// saleImportCheck is check's view of the sale imports: for each sale key,
// the last import that wrote it and the hash it wrote.
type saleImportCheck struct {
	p      *problems
	events *bolt.Bucket // record_events
	last   map[string]importedAs
	seen   map[string]bool // the sales found
}

type importedAs struct {
	seq  uint64
	hash []byte
}

// checkSaleImports checks every manifest in sale_imports against the sales
// event it is kept under, and that every sales event has its manifest; it
// returns the last import of each sale key, from the manifests that match.
func checkSaleImports(tx *bolt.Tx, written map[string]lastWrite, p *problems) *saleImportCheck {
	sc := &saleImportCheck{p: p, events: tx.Bucket(bucketRecordEvents), last: map[string]importedAs{},
		seen: map[string]bool{}}
	audit, imports := tx.Bucket(bucketAudit), tx.Bucket(bucketSaleImports)
	_ = imports.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			p.add(lang.Key("sale_imports: %s is not an audit event's number"), printable(string(k)))
			return nil
		}
		seq := binary.BigEndian.Uint64(k)
		if _, ok := written[importKey(seq)]; !ok {
			p.add(lang.Key("sale_imports: no sales event %d wrote the import kept under it: added outside the program"), seq)
			return nil
		}
		m, err := importManifest(audit, imports, seq)
		if err != nil {
			p.add(lang.Key("sale_imports: the import of event %d is not as that event recorded it: changed outside the program"),
				seq)
			return nil
		}
		for i := range m.offs {
			key, hash := m.entry(i)
			sc.last[string(key)] = importedAs{seq, hash}
		}
		return nil
	})
	var gone []uint64
	for k, w := range written {
		if kind, _, _ := strings.Cut(k, ":"); kind == "import" && imports.Get(seqKey(w.seq)) == nil {
			gone = append(gone, w.seq)
		}
	}
	slices.Sort(gone)
	for _, seq := range gone {
		p.add(lang.Key("audit event %d imported sales, but sale_imports does not hold that import: removed outside the program"), seq)
	}
	return sc
}

// sale checks the stored sale v of key against its last import.
func (sc *saleImportCheck) sale(k, v []byte) {
	sc.seen[string(k)] = true
	receipt, line := receiptLine(k)
	imp, ok := sc.last[string(k)]
	if !ok {
		sc.p.add(lang.Key("receipt %s line %d: no sales import holds the sale: imported outside the program"), receipt, line)
		return
	}
	if h := sha256.Sum256(v); !bytes.Equal(h[:], imp.hash) {
		sc.p.add(lang.Key("receipt %s line %d: the sale is not as the import of event %d wrote it: changed outside the program"),
			receipt, line, imp.seq)
	}
	if seq := sc.events.Get(saleRecordKey(k)); len(seq) != 8 || binary.BigEndian.Uint64(seq) != imp.seq {
		sc.p.add(lang.Key("receipt %s line %d: record_events does not name its last import, event %d"), receipt, line, imp.seq)
	}
}

// unmatched reports the sales an import wrote that are not stored, and the
// record_events entries of sales no import holds.
func (sc *saleImportCheck) unmatched() {
	var gone []string
	for k := range sc.last {
		if !sc.seen[k] {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	for _, k := range gone {
		receipt, line := receiptLine([]byte(k))
		sc.p.add(lang.Key("receipt %s line %d: the import of event %d wrote the sale, but it is missing: removed outside "+
			"the program"), receipt, line, sc.last[k].seq)
	}
	prefix := saleRecordKey(nil)
	c := sc.events.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if _, ok := sc.last[string(k[len(prefix):])]; !ok {
			sc.p.add(lang.Key("record_events: %s does not name the last event that wrote it"), printable(string(k)))
		}
	}
}
