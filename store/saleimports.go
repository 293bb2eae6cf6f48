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
// SHA-256 of the sale as stored, cut into parts of manifestPart sales. The
// parts are kept in sale_imports under the seq of the import's event and
// their number, and the manifest itself under the seq alone: per part, its
// first key and its SHA-256. The event carries the manifest's SHA-256
// (RecordHash), and record_events names that event for each sale
// ("sale:"+KEY). A sale is verified as it is read: its event's hash covers
// the manifest, the manifest the part that holds the sale's key, and the
// part the sale's hash; a read hashes the manifest and one part, whatever
// the import's size. A sale imported again is covered by its new import; the
// old import stays as its event wrote it.

// manifestPart is the number of sales in a part of an import's manifest:
// a part is about 12 KB, and an import of 100,000 sales' manifest 19 KB.
const manifestPart = 256

// manifest is a sorted list of (key, SHA-256): uvarint key length, key,
// 32-byte hash, per entry. An import's manifest lists its parts (each
// part's first sale key, and the part's hash); a part lists its sales (each
// sale's key, and the hash of the sale as stored). offs are where each
// entry starts.
type manifest struct {
	raw  []byte
	offs []int
}

// encodedImport is what sale_imports keeps of an import: its manifest and
// its parts; and the keys of its sales, sorted.
type encodedImport struct {
	manifest []byte
	parts    [][]byte
	keys     []string
}

// encodeImport is the manifest and parts of sales (key -> the hash of its
// stored value).
func encodeImport(sales map[string][sha256.Size]byte) encodedImport {
	keys := make([]string, 0, len(sales))
	for k := range sales {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	imp := encodedImport{keys: keys}
	for i := 0; i < len(keys); i += manifestPart {
		part := keys[i:min(i+manifestPart, len(keys))]
		raw := make([]byte, 0, len(part)*(binary.MaxVarintLen16+16+sha256.Size))
		for _, k := range part {
			h := sales[k]
			raw = appendEntry(raw, k, h[:])
		}
		h := sha256.Sum256(raw)
		imp.manifest = appendEntry(imp.manifest, part[0], h[:])
		imp.parts = append(imp.parts, raw)
	}
	return imp
}

func appendEntry(b []byte, key string, hash []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(key)))
	return append(append(b, key...), hash...)
}

// parseManifest reads a manifest or a part: each entry whole, its keys in
// order.
func parseManifest(raw []byte) (*manifest, error) {
	m := &manifest{raw: raw, offs: make([]int, 0, len(raw)/(1+8+sha256.Size))} // a key is about 12 bytes
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

// before is the number of entries whose key sorts before or is key.
func (m *manifest) before(key []byte) int {
	return sort.Search(len(m.offs), func(i int) bool {
		k, _ := m.entry(i)
		return bytes.Compare(k, key) > 0
	})
}

// hashOf is the hash the manifest holds for key, nil when it holds none.
func (m *manifest) hashOf(key []byte) []byte {
	if i := m.before(key) - 1; i >= 0 {
		if k, h := m.entry(i); bytes.Equal(k, key) {
			return h
		}
	}
	return nil
}

// partKey is the sale_imports key of part n of the import of event seq.
func partKey(seq uint64, n int) []byte { return binary.BigEndian.AppendUint32(seqKey(seq), uint32(n)) }

// saleRecordKey is the record_events key of the sale stored under key.
func saleRecordKey(key []byte) []byte { return append([]byte("sale:"), key...) }

// noteSaleImport keeps, in tx, imp, the import of sales whose event is seq,
// and that seq is the last event of each sale it covers.
func noteSaleImport(tx *bolt.Tx, seq uint64, imp encodedImport) error {
	imports, err := bucket(tx, bucketSaleImports)
	if err != nil {
		return err
	}
	events, err := bucket(tx, bucketRecordEvents)
	if err != nil {
		return err
	}
	if err := imports.Put(seqKey(seq), imp.manifest); err != nil {
		return err
	}
	for n, part := range imp.parts {
		if err := imports.Put(partKey(seq, n), part); err != nil {
			return err
		}
	}
	v := seqKey(seq)
	for _, k := range imp.keys { // in order: bbolt's pages fill as they are written
		if err := events.Put(append([]byte("sale:"), k...), v); err != nil {
			return err
		}
	}
	return nil
}

// receiptLine is the receipt (as keys keep it: trimmed, upper-cased) and
// line of a sale's key; a receipt that is not printable text is in hex.
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
// manifest and part once.
type saleVerifier struct {
	tx              *bolt.Tx
	events, imports *bolt.Bucket
	manifests       map[uint64]*manifest // verified; nil: it does not match its event
	parts           map[string]*manifest // by partKey; verified, or nil
}

func newSaleVerifier(tx *bolt.Tx) *saleVerifier {
	return &saleVerifier{tx: tx, events: tx.Bucket(bucketRecordEvents),
		imports: tx.Bucket(bucketSaleImports), manifests: map[uint64]*manifest{}, parts: map[string]*manifest{}}
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
	part := sv.part(binary.BigEndian.Uint64(seq), key)
	if part == nil {
		return saleTampered(key)
	}
	if h, want := sha256.Sum256(v), part.hashOf(key); want == nil || !bytes.Equal(h[:], want) {
		return saleTampered(key)
	}
	return nil
}

// part is the part of the import of event seq that would hold key, nil
// unless the import's manifest matches its event and the part the manifest.
func (sv *saleVerifier) part(seq uint64, key []byte) *manifest {
	m, ok := sv.manifests[seq]
	if !ok {
		m, _ = importManifest(sv.tx, sv.imports, seq)
		sv.manifests[seq] = m
	}
	if m == nil {
		return nil
	}
	n := m.before(key) - 1
	if n < 0 {
		return nil
	}
	pk := string(partKey(seq, n))
	p, ok := sv.parts[pk]
	if !ok {
		p, _ = importPart(sv.imports, m, seq, n)
		sv.parts[pk] = p
	}
	return p
}

// importManifest reads the manifest of the import whose event is seq and
// verifies it against that event (its link verified, as for every trusted
// record: verifiedEvent): a sales event whose record hash is the
// manifest's. The error says what does not match.
func importManifest(tx *bolt.Tx, imports *bolt.Bucket, seq uint64) (*manifest, error) {
	raw := imports.Get(seqKey(seq))
	if raw == nil {
		return nil, fmt.Errorf("the import is missing")
	}
	ev, err := verifiedEvent(tx, seqKey(seq))
	if err != nil {
		return nil, err
	}
	if ev.Kind != EventSales || ev.RecordHash != recordHash(raw) {
		return nil, fmt.Errorf("the import is not as its event recorded it")
	}
	return parseManifest(raw)
}

// importPart reads part n of the import of event seq, whose verified
// manifest is m, and verifies it against m: its hash, and its first key.
func importPart(imports *bolt.Bucket, m *manifest, seq uint64, n int) (*manifest, error) {
	first, hash := m.entry(n)
	raw := imports.Get(partKey(seq, n))
	if h := sha256.Sum256(raw); raw == nil || !bytes.Equal(h[:], hash) {
		return nil, fmt.Errorf("part %d is not as the import's manifest recorded it", n)
	}
	p, err := parseManifest(raw)
	if err != nil {
		return nil, err
	}
	if k, _ := p.entry(0); len(p.offs) == 0 || !bytes.Equal(k, first) {
		return nil, fmt.Errorf("part %d does not begin where the manifest says", n)
	}
	return p, nil
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
	imp := encodeImport(hashes)
	ev, err := appendEvent(tx, Event{Time: now, Staff: "system", Kind: EventSales, RecordHash: recordHash(imp.manifest),
		Words: SaidN("schema version 10: %d imported sales put on the audit trail as they are stored", len(hashes), len(hashes))})
	if err != nil {
		return err
	}
	return noteSaleImport(tx, ev.Seq, imp)
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

// checkSaleImports checks every import in sale_imports against the sales
// event it is kept under and each of its parts against its manifest, and
// that every sales event has its import; it returns the last import of
// each sale key, from the imports and parts that match.
func checkSaleImports(tx *bolt.Tx, written map[string]lastWrite, p *problems) *saleImportCheck {
	sc := &saleImportCheck{p: p, events: tx.Bucket(bucketRecordEvents), last: map[string]importedAs{},
		seen: map[string]bool{}}
	imports := tx.Bucket(bucketSaleImports)
	parts := map[uint64]int{} // the parts of each import that matches its event
	_ = imports.ForEach(func(k, _ []byte) error {
		switch {
		case len(k) == 8: // an import's manifest, before its parts
			seq := binary.BigEndian.Uint64(k)
			parts[seq] = sc.saleImport(tx, imports, written, seq)
		case len(k) == 12 && int(binary.BigEndian.Uint32(k[8:])) < parts[binary.BigEndian.Uint64(k)]:
		default:
			p.add(lang.Key("sale_imports: %s is neither an import nor a part of one"), printable(string(k)))
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

// saleImport checks the import of event seq and notes the sales of its
// parts that match; it returns the number of its parts, 0 when it does not
// match its event.
func (sc *saleImportCheck) saleImport(tx *bolt.Tx, imports *bolt.Bucket, written map[string]lastWrite, seq uint64) int {
	if _, ok := written[importKey(seq)]; !ok {
		sc.p.add(lang.Key("sale_imports: no sales event %d wrote the import kept under it: added outside the program"), seq)
		return 0
	}
	m, err := importManifest(tx, imports, seq)
	if err != nil {
		sc.p.add(lang.Key("sale_imports: the import of event %d is not as that event recorded it: changed outside the program"),
			seq)
		return 0
	}
	for n := range m.offs {
		part, err := importPart(imports, m, seq, n)
		if err != nil {
			sc.p.add(lang.Key("sale_imports: part %d of the import of event %d is not as its manifest recorded it: "+
				"changed outside the program"), n+1, seq)
			continue
		}
		for i := range part.offs {
			key, hash := part.entry(i)
			sc.last[string(key)] = importedAs{seq, hash}
		}
	}
	return len(m.offs)
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
