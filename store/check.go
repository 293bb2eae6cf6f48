package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store/internal/boltfile"
)

// Report is what Check found in a store that passed.
type Report struct {
	Path     string
	Version  uint64 // schema version
	Cases    int
	Events   int
	Staff    int
	Tills    int
	HeadSeq  uint64 // the last audit event
	HeadHash string // its hash, hex: write it down to anchor the chain
	Pages    int    // bbolt pages in use
	Size     int64  // bytes of the file

	caseEvents int    // events about a case, which the cases must list
	txid       uint64 // the bbolt transaction the file was checked at: a verdict's
	pages      bool   // the problems are of the file's pages (bbolt's structure), found before what it holds
	metaOnly   bool   // the only problem is a meta page that a commit cut short left: no verdict
}

// CheckError lists what Check found wrong, first problem first: for the
// audit chain, the first broken link by its seq.
type CheckError struct {
	Problems []string // in English
	said     []problem
}

// ProblemsIn are the problems in p's language; what they name of the file
// (a bucket, a key, a case id) as the file has it.
func (e *CheckError) ProblemsIn(p *lang.Printer) []string {
	if len(e.said) != len(e.Problems) {
		return e.Problems
	}
	out := make([]string, len(e.said))
	for i, pr := range e.said {
		out[i] = pr.In(p)
	}
	return out
}

func (e *CheckError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], len(e.Problems)-1)
}

// In is the error in p's language: its first problem, and how many more
// there are.
func (e *CheckError) In(p *lang.Printer) string {
	said := e.ProblemsIn(p)
	if len(said) == 1 {
		return said[0]
	}
	return p.N("%s (and %d more problems)", len(said)-1, said[0], len(said)-1)
}

// Unwrap makes a failed check an ErrDamaged.
func (e *CheckError) Unwrap() error { return ErrDamaged }

// Anchor is a point of the audit chain written down outside the store (an
// event's seq and hash), which a later check proves still there.
type Anchor struct {
	Seq  uint64
	Hash string
}

// ParseAnchor reads an anchor written as SEQ:HASH.
func ParseAnchor(s string) (Anchor, error) {
	seq, hash, ok := strings.Cut(strings.TrimSpace(s), ":")
	n, err := strconv.ParseUint(seq, 10, 64)
	if !ok || err != nil || n == 0 {
		return Anchor{}, flow.Errorf(flow.EInvalid, "%q is not an anchor written as SEQ:HASH", s)
	}
	if h, err := hex.DecodeString(hash); err != nil || len(h) != sha256.Size {
		return Anchor{}, flow.Errorf(flow.EInvalid, "%q is not an anchor: the hash is 64 hex digits", s)
	}
	return Anchor{Seq: n, Hash: strings.ToLower(hash)}, nil
}

func (a Anchor) String() string { return fmt.Sprintf("%d:%s", a.Seq, a.Hash) }

// CheckOptions are what Check checks beyond the store itself.
type CheckOptions struct {
	// Anchors are chain heads written down earlier: each must still be in
	// the chain with the same hash, which proves that nothing before it was
	// rewritten, not even by someone who recomputed every hash after an edit.
	Anchors []Anchor
	// KeyFile is a passport key to check the store against; CheckFile also
	// tries passport.key beside the file. A missing key is no problem (a
	// backup has none).
	KeyFile string
	// Scratch marks a check of a file that is not a store's (a backup
	// being written): its verdict is not recorded beside it.
	Scratch bool
	// AuditKeyFile is the audit key that verifies the chain. Default:
	// audit.key beside the file. A missing audit key is a problem: the
	// chain cannot be verified without it.
	AuditKeyFile string

	auditKeyFile string // the one read, for the problems
	structure    bool   // the file's pages and bbolt's own check alone, not what it holds
}

// maxProblems bounds the problems a check lists.
const maxProblems = 50

type problems struct{ list []problem }

// add adds a problem: format is a message of the message files (or verbs
// alone, its argument said whole).
func (p *problems) add(format string, args ...any) {
	if len(p.list) < maxProblems {
		p.list = append(p.list, problem{format: format, args: args})
	}
}

// problem is one thing a check found wrong: its message's English format
// and its arguments, to print in a language (In).
type problem struct {
	format string
	args   []any
}

// String is the problem in English, as a check has always said it.
func (pr problem) String() string { return fmt.Sprintf(pr.format, pr.args...) }

// In is the problem in p's language: a problem within it, a sum, a date, a
// word of flow's and flow's error in it too.
func (pr problem) In(p *lang.Printer) string {
	args := make([]any, len(pr.args))
	for i, a := range pr.args {
		switch a := a.(type) {
		case problem:
			args[i] = a.In(p)
		case flowMessage:
			args[i] = flow.MessageIn(p, a.err)
		case interface{ In(*lang.Printer) string }:
			args[i] = a.In(p)
		case interface{ WordsIn(*lang.Printer) string }:
			args[i] = a.WordsIn(p)
		default:
			args[i] = a
		}
	}
	return p.T(pr.format, args...)
}

// flowMessage is flow's message of err, as a problem says it.
type flowMessage struct{ err error }

func (m flowMessage) String() string { return flow.Message(m.err) }

// walk walks bbolt's page tree by plain reads (boltfile.WalkTree) and adds
// what it finds to p.
func (p *problems) walk(r io.ReaderAt, pageSize int, hwm, root uint64) boltfile.Walk {
	w := boltfile.WalkTree(r, pageSize, hwm, root, maxProblems-len(p.list))
	for _, s := range w.Problems {
		p.add("%s", s)
	}
	return w
}

// freelist adds each page the walk found in use that the file's freelist
// also lists: the next commit would write over it.
func (p *problems) freelist(f io.ReaderAt, fm boltfile.Meta, w boltfile.Walk) {
	if fm.Freelist == boltfile.NoFreelist {
		return
	}
	free, _ := boltfile.ReadFreelist(f, fm)
	for _, id := range free {
		if w.Seen[id] {
			p.add(lang.Key("page %d is in use and also on the freelist"), id)
		}
	}
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	english := make([]string, len(p.list))
	for i, pr := range p.list {
		english[i] = pr.String()
	}
	return &CheckError{Problems: english, said: p.list}
}

// CheckFile checks the store file at path without changing it: the bbolt
// structure page by page (by plain reads first, so a damaged file is an error
// and never a crash), bbolt's own consistency check, the schema version,
// the whole audit chain, and that every case, index entry, day summary and
// refund agrees with the others. It opens the file read-only, so it waits
// for (and then fails with ErrLocked beside) a kiosk that holds it.
//
// A check that fails records its verdict beside the file (VerdictFile), and
// the store opens read-only until its head moves on; one that passes
// removes it.
func CheckFile(path string, opts CheckOptions) (Report, error) {
	rep, err := checkFile(path, opts)
	if !opts.Scratch {
		recordVerdict(path, rep, err)
	}
	return rep, err
}

func checkFile(path string, opts CheckOptions) (Report, error) {
	rep := Report{Path: path}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return rep, ErrNoStore
	case err != nil:
		return rep, err
	case info.IsDir():
		return rep, ErrNotStore.Wrap(errors.New("it is a folder"))
	case info.Size() == 0:
		return rep, ErrDamaged.Wrap(errors.New("it is empty (0 bytes)"))
	}
	f, err := os.Open(path)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	if err := lockFile(f, false, time.Second); err != nil {
		return rep, err
	}
	fm, err := readFileMeta(f)
	if err != nil {
		return rep, err
	}
	var p problems
	for _, bad := range fm.BadMetas {
		p.add(lang.Key("%s: the file is read from the other meta page, so the last commit may be lost "+
			"(a power cut during a commit does this too; the next commit repairs it)"), bad)
	}
	w := p.walk(f, fm.PageSize, fm.HWM, fm.Root)
	p.freelist(f, fm, w)
	if err := p.err(); err != nil {
		rep.metaOnly = len(p.list) == len(fm.BadMetas) // a commit cut short: the next one writes that page again
		rep.pages = !rep.metaOnly
		return rep, err
	}
	rep.Size, rep.Pages = info.Size(), w.Pages

	db, err := openBolt(path, Options{ReadOnly: true, Timeout: time.Second}, discardLog())
	if err != nil {
		return rep, err
	}
	defer db.Close()
	s := &Store{file: &file{db: db, path: path, opts: Options{ReadOnly: true}, log: discardLog()}}
	s.loc.Store(time.UTC)
	opts.auditKeyFile = opts.AuditKeyFile
	if opts.auditKeyFile == "" {
		opts.auditKeyFile = DefaultAuditKeyFile(path)
	}
	if key, err := readKey(opts.auditKeyFile); err == nil {
		chainKeys.Store(db, key)
		defer chainKeys.Delete(db)
	}
	err = s.view(func(tx *bolt.Tx) error {
		rep.txid = uint64(tx.ID())
		boltCheck(tx, &p)
		rep.pages = len(p.list) > 0
		if len(p.list) == 0 && !opts.structure {
			checkContents(tx, &rep, opts, &p)
			checkKey(tx, path, opts.KeyFile, &p)
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, p.err()
}

// checkKey checks that a passport key file found beside the store (or
// named) is the store's.
func checkKey(tx *bolt.Tx, path, keyFile string, p *problems) {
	if keyFile == "" {
		keyFile = DefaultKeyFile(path)
	}
	key, err := readKey(keyFile)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			p.add("%v", err)
		}
		return
	}
	if id := tx.Bucket(bucketMeta).Get(keyKeyID); id != nil && !bytes.Equal(id, keyID(key)) {
		p.add(lang.Key("the passport key %s is not this store's (or meta/key_id was changed)"), keyFile)
	}
}

// Check checks an open store as CheckFile does. It holds the write lock
// while it runs, so the terminals' saves wait for it.
//
// A check that fails makes the store read-only at once, and records its
// verdict as CheckFile does; one that passes lifts a rejection.
func (s *Store) Check(opts CheckOptions) (Report, error) {
	rep, err := s.check(opts)
	if opts.Scratch {
		return rep, err
	}
	if r := recordVerdict(s.path, rep, err); r != nil {
		s.log.Error("the store failed its check: it is read-only", "err", err)
		s.rejected.Store(r)
	} else if err == nil {
		s.rejected.Store(nil)
	}
	return rep, err
}

func (s *Store) check(opts CheckOptions) (Report, error) {
	rep := Report{Path: s.path}
	var p problems
	opts.auditKeyFile = s.auditKeyPath()
	f, err := os.Open(s.path)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	err = s.exclusive(func(tx *bolt.Tx) error {
		rep.txid = committedID(tx)
		// bbolt's check asserts (in a goroutine of its own, where no recover
		// reaches) that both meta pages are meta pages
		fm, err := readFileMeta(f)
		if err != nil {
			return err
		}
		for _, bad := range fm.BadMetas {
			p.add(lang.Key("%s: the store is read from the other meta page, so the last commit may be lost"), bad)
		}
		if len(p.list) > 0 {
			rep.metaOnly = true // a commit cut short: the next one writes that page again
			return nil
		}
		pageSize := tx.DB().Info().PageSize
		hwm := uint64(tx.Size()) / uint64(pageSize)
		w := p.walk(f, pageSize, hwm, uint64(tx.Cursor().Bucket().Root()))
		p.freelist(f, fm, w)
		rep.Pages, rep.Size = w.Pages, tx.Size()
		if len(p.list) > 0 {
			rep.pages = true
			return nil
		}
		boltCheck(tx, &p)
		rep.pages = len(p.list) > 0
		if len(p.list) == 0 && !opts.structure {
			checkContents(tx, &rep, opts, &p)
			if s.key != nil {
				checkKey(tx, s.path, s.keyPath, &p)
			}
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, p.err()
}

// exclusive runs fn in a write transaction that it then rolls back: a
// consistent view that no writer changes meanwhile.
func (s *Store) exclusive(fn func(tx *bolt.Tx) error) error {
	if s.opts.ReadOnly {
		return s.view(fn)
	}
	return s.run(modeExclusive, fn)
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

// boltCheck runs bbolt's consistency check (pages reachable once, freed pages
// unreachable, keys in order). The walker has already proved every page
// reference inside the file, which makes it safe to run.
func boltCheck(tx *bolt.Tx, p *problems) {
	for err := range tx.Check() {
		p.add(lang.Key("bbolt: %v"), err)
	}
}

// checkMetaKeys checks that meta holds its keys and no other: a renamed or
// a new key there (a flipped byte in a key) is damage, and so is a store
// without the id of its passport key, which every store records when it is
// made.
func checkMetaKeys(meta *bolt.Bucket, p *problems) {
	_ = meta.ForEach(func(k, _ []byte) error {
		if !slices.ContainsFunc(metaKeys, func(known []byte) bool { return bytes.Equal(k, known) }) {
			p.add(lang.Key("meta/%q is not a key of the store"), printable(string(k)))
		}
		return nil
	})
	switch k := meta.Get(keyKeyID); {
	case k == nil:
		p.add(lang.Key("meta/key_id is missing: the store does not say which passport key is its own"))
	case len(k) != 8:
		p.add(lang.Key("meta/key_id is %d bytes, not 8"), len(k))
	}
}

// checkContents checks what the store holds: its schema, the audit chain, and
// that cases, indexes, summaries and refunds agree.
func checkContents(tx *bolt.Tx, rep *Report, opts CheckOptions, p *problems) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyApp)) != string(appName) {
		p.add(lang.Key("not a returnsdesk store: no meta/app marker"))
		return
	}
	v, err := readVersion(tx)
	switch {
	case err != nil:
		p.add("%v", err)
		return
	case v != schemaVersion:
		p.add(lang.Key("schema version %d, this returnsdesk checks version %d"), v, schemaVersion)
		return
	}
	rep.Version = v
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			p.add(lang.Key("the bucket %s is missing"), name)
		}
	}
	if len(p.list) > 0 {
		return
	}
	checkMetaKeys(meta, p)
	bs, err := openBuckets(tx)
	if err != nil {
		p.add("%v", err)
		return
	}
	written := checkChain(tx, bs, rep, opts, p)
	checkKeying(tx, p)
	checkCases(bs, rep, p)
	checkClosedDays(bs, written, p)
	checkStaff(bs, rep, written, p)
	checkTills(bs, rep, written, p)
	checkMissingRecords(bs, written, p)
	checkRecordEvents(bs, written, p)
	checkSales(tx, written, p)
	if v := bs.settings.Get(keySettings); v != nil {
		var set Settings
		if err := json.Unmarshal(v, &set); err != nil {
			p.add(lang.Key("the settings cannot be read: %v"), err)
		} else if h, ok := written["settings"]; !ok || h.hash != recordHash(v) {
			p.add(lang.Key("the settings are not as the last settings event (%d) left them: changed outside the program"), h.seq)
		}
	}
}

// lastWrite is the last event that wrote a record: a staff account, the
// settings, a closed day, a till (whose removal writes an empty hash).
type lastWrite struct {
	seq  uint64
	hash string
}

// checkChain verifies the audit chain from the first event to the head. It
// counts the events about cases in rep and returns the last event that wrote
// each staff account ("staff:NAME"), the settings ("settings"), each closed
// day ("day:YYYY-MM-DD") and each till ("till:NAME", added or removed).
func checkChain(tx *bolt.Tx, bs *buckets, rep *Report, opts CheckOptions, p *problems) map[string]lastWrite {
	cc := chainCheck{bs: bs, p: p, rep: rep, prev: genesis, written: map[string]lastWrite{},
		anchors: map[uint64]string{}, keying: keyingOf(tx), accepted: map[uint64]bool{}, dropped: map[string]bool{}}
	for _, a := range opts.Anchors {
		cc.anchors[a.Seq] = a.Hash
	}
	c := bs.audit.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		cc.event(k, v)
	}
	cc.flush()
	if cc.noKey {
		p.add(lang.Key("the audit key %s cannot be read, or is not this store's: the chain's keyed events are not "+
			"verified"), opts.auditKeyFile)
	}
	for seq, h := range cc.anchors {
		p.add(lang.Key("the anchor %d:%s is not in the chain (it ends at %d): events were deleted"), seq, h, cc.last)
	}
	cc.head(tx)
	return cc.written
}

// chainCheck is checkChain's walk along the chain.
type chainCheck struct {
	bs       *buckets
	p        *problems
	rep      *Report
	anchors  map[uint64]string // the anchors not reached yet
	written  map[string]lastWrite
	prev     []byte // the hash of the event before; nil when it could not be read
	last     uint64 // the seq of the event before
	brokenAt uint64 // the first broken link: anchors after it prove nothing
	keying   keying
	noKey    bool // an event could not be verified without the audit key
	// pending are the broken links and missing cases found, said once the
	// walk is done: a later repair event may have accepted or dropped them.
	pending  []pendingProblem
	accepted map[uint64]bool
	dropped  map[string]bool // "case:ID" a repair dropped
}

// pendingProblem is a problem of the chain that a repair event may answer:
// the link at seq, or the case (not "").
type pendingProblem struct {
	seq  uint64
	cs   string
	prob problem
	sure bool // no repair answers it (an anchor's): said in its place among the others
}

// broken reports a broken link at seq.
func (cc *chainCheck) broken(seq uint64, format string, args ...any) {
	if cc.brokenAt == 0 {
		cc.brokenAt = seq
	}
	cc.pending = append(cc.pending, pendingProblem{seq: seq,
		prob: problem{lang.Key("audit event %d: %s"), []any{seq, problem{format: format, args: args}}}})
}

// flush says the chain's problems that no repair answered.
func (cc *chainCheck) flush() {
	for _, pp := range cc.pending {
		if pp.sure || (pp.cs == "" && !cc.accepted[pp.seq]) || (pp.cs != "" && !cc.dropped["case:"+pp.cs]) {
			cc.p.add(pp.prob.format, pp.prob.args...)
		}
	}
}

// repaired notes what a repair event dropped and accepted.
func (cc *chainCheck) repaired(seq uint64, n *RepairNote) {
	for _, a := range n.Accepted {
		if a < seq {
			cc.accepted[a] = true
		}
	}
	for _, key := range n.Dropped {
		if strings.HasPrefix(key, "case:") {
			cc.dropped[key] = true
		} else {
			cc.written[key] = lastWrite{seq, ""}
		}
	}
}

// event checks one stored event: its key follows the one before, its hash
// links it to the one before, it reads, and what it names is there.
func (cc *chainCheck) event(k, v []byte) {
	if len(k) != 8 {
		cc.broken(cc.last+1, lang.Key("a key of %d bytes in the audit bucket"), len(k))
		return
	}
	seq := binary.BigEndian.Uint64(k)
	if seq != cc.last+1 {
		cc.broken(cc.last+1, lang.Key("missing: the chain jumps from %d to %d (events deleted)"), cc.last, seq)
	}
	cc.last = seq
	cc.rep.Events++
	if len(v) < sha256.Size {
		cc.broken(seq, lang.Key("its value is %d bytes"), len(v))
		cc.prev = nil
		return
	}
	stored, body := v[:sha256.Size], v[sha256.Size:]
	var ev Event
	readErr := json.Unmarshal(body, &ev)
	if readErr == nil && ev.Seq != seq {
		cc.broken(seq, lang.Key("it holds event %d: events were moved or reordered"), ev.Seq)
	}
	if cc.prev != nil {
		cc.link(seq, cc.keying.verify(seq, cc.prev, stored, body))
	} // with no hash before (unreadable), the chain goes on from this one
	if readErr != nil {
		cc.broken(seq, lang.Key("it cannot be read: %v"), readErr)
	} else {
		cc.names(seq, ev)
	}
	cc.anchor(seq, stored)
	cc.prev = stored
}

// link reports what keying.verify found of event seq's link.
func (cc *chainCheck) link(seq uint64, err error) {
	switch err {
	case nil:
	case errLinkNoKey:
		cc.noKey = true
	case errLinkUnkeyed:
		cc.broken(seq, lang.Key("its link was made without the audit key: it was written or rewritten outside the "+
			"program"))
	case errLinkUnsealed:
		cc.broken(seq, lang.Key("it is from before the chain was keyed, and its seal does not match: it was "+
			"rewritten outside the program"))
	default:
		cc.broken(seq, lang.Key("its hash does not match its contents and the hash before it: it was edited, or the "+
			"event before it was replaced, deleted or reordered"))
	}
}

// names notes the record an event wrote and checks that its case is there.
func (cc *chainCheck) names(seq uint64, ev Event) {
	switch {
	case ev.Kind == EventTill: // a removal has no hash, and is the last word on its till too
		cc.written["till:"+ev.Subject] = lastWrite{seq, ev.RecordHash}
	case ev.Kind == EventDayReopen: // the close is set aside: the day has none until it closes again
		delete(cc.written, "day:"+ev.Day)
	case ev.Kind == EventRepair && ev.Repair != nil:
		cc.repaired(seq, ev.Repair)
	case ev.RecordHash == "":
	case ev.Kind == EventSettings:
		cc.written["settings"] = lastWrite{seq, ev.RecordHash}
	case ev.Kind == EventStaff || ev.Kind == EventLogin:
		cc.written["staff:"+ev.Subject] = lastWrite{seq, ev.RecordHash}
	case ev.Kind == EventDayClose:
		cc.written["day:"+ev.Day] = lastWrite{seq, ev.RecordHash}
	case ev.Kind == EventSales: // its manifest is checkSaleImports'
		cc.written[importKey(seq)] = lastWrite{seq, ev.RecordHash}
	}
	if ev.CaseID == "" {
		return
	}
	id, err := caseKey(ev.CaseID)
	switch {
	case err != nil:
		cc.broken(seq, lang.Key("it names %q, which is not a case id"), ev.CaseID)
	case cc.bs.cases.Get(id) == nil: // its events are not the cases' to list
		cc.pending = append(cc.pending, pendingProblem{seq: seq, cs: ev.CaseID,
			prob: problem{lang.Key("audit event %d: its case %s is missing"), []any{seq, ev.CaseID}}})
	default:
		cc.rep.caseEvents++
	}
}

// anchor checks an event against the anchor written down for it, if any.
func (cc *chainCheck) anchor(seq uint64, stored []byte) {
	h, ok := cc.anchors[seq]
	if !ok {
		return
	}
	if hex.EncodeToString(stored) != h {
		cc.pending = append(cc.pending, pendingProblem{seq: seq, sure: true, prob: problem{
			lang.Key("audit event %d: its hash is not the anchor's %s: the history up to it was rewritten"), []any{seq, h}}})
	} else if cc.brokenAt != 0 {
		cc.pending = append(cc.pending, pendingProblem{seq: seq, sure: true, prob: problem{
			lang.Key("audit event %d matches its anchor, but the chain is broken before it (at %d)"), []any{seq, cc.brokenAt}}})
	}
	delete(cc.anchors, seq)
}

// head checks that the chain ends at the store's head (meta/head), and
// puts the head in the report.
func (cc *chainCheck) head(tx *bolt.Tx) {
	headSeq, headHash, err := chainHead(tx)
	switch {
	case err != nil:
		cc.p.add("%v", err)
	case headSeq != cc.last:
		cc.p.add(lang.Key("the chain ends at event %d but the store's head is event %d: events at the end were deleted or "+
			"added outside the program"), cc.last, headSeq)
	case cc.last > 0 && !bytes.Equal(headHash, cc.prev):
		cc.p.add(lang.Key("audit event %d: its hash is not the store's head: the last event was replaced"), cc.last)
	}
	cc.rep.HeadSeq, cc.rep.HeadHash = headSeq, hex.EncodeToString(headHash)
}

// checkCases checks every case against its index entries, its day summary,
// its refund and its events, then that the indexes hold nothing else (same
// counts: every expected entry was found), and that the cases list every
// event about a case once.
func checkCases(bs *buckets, rep *Report, p *problems) {
	cc := caseCounts{want: map[*bolt.Bucket]int{}}
	c := bs.cases.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		rep.Cases++
		checkCase(bs, k, v, &cc, p)
	}
	if cc.listed != rep.caseEvents {
		p.add(lang.Key("the cases list %d events, but %d events are about cases"), cc.listed, rep.caseEvents)
	}
	if n := count(bs.days, dayLen+idLen, false, p); n != rep.Cases {
		p.add(lang.Key("days: %d summaries for %d cases"), n, rep.Cases)
	}
	for _, b := range []struct {
		name   string
		bucket *bolt.Bucket
	}{{"receipts", bs.receipts}, {"serials", bs.serials}, {"passports", bs.passports},
		{"statuses", bs.statuses}, {"by_staff", bs.byStaff}} {
		if n := count(b.bucket, dayLen+idLen, true, p); n != cc.want[b.bucket] {
			p.add(lang.Key("%s: %d entries where the cases make %d"), b.name, n, cc.want[b.bucket])
		}
	}
	if n := count(bs.refundLines, 1, false, p); n != cc.refunds {
		p.add(lang.Key("refund_lines: %d lines for %d refunds"), n, cc.refunds)
	}
	if n := count(bs.payments, paymentKeyLen, false, p); n != cc.payments {
		p.add(lang.Key("payments: %d entries for %d payments of refunds"), n, cc.payments)
	}
	if n := count(bs.acts, 8, false, p); n != cc.acts {
		p.add(lang.Key("acts: %d entries for %d acts the cases keep"), n, cc.acts)
	}
}

// checkCaseActs checks the acts a case keeps: each a kind of act, with its
// files, numbered in the acts index as this case's, in the order they were
// numbered, none past the index's sequence.
func checkCaseActs(bs *buckets, k []byte, doc caseDoc, cc *caseCounts, p *problems) {
	id, last := caseID(k), uint64(0)
	for _, a := range doc.Acts {
		cc.acts++
		switch {
		case !a.Kind.Valid() || len(a.Files) == 0:
			p.add(lang.Key("case %s: act No. %d is not a kept document (kind %q, %d files)"), id, a.N, a.Kind, len(a.Files))
		case a.N <= last || a.N > bs.acts.Sequence():
			p.add(lang.Key("case %s: act No. %d is out of the acts' numbering"), id, a.N)
		case !bytes.Equal(bs.acts.Get(seqKey(a.N)), k):
			p.add(lang.Key("case %s: act No. %d is not the acts index's"), id, a.N)
		}
		last = a.N
	}
}

// caseCounts is what the cases make, which the indexes must hold no more
// than: index entries by bucket, refunds (cases paid), their payments, and
// events listed.
type caseCounts struct {
	want                            map[*bolt.Bucket]int
	refunds, payments, listed, acts int
}

// checkCase checks one stored case (key k, value v): it reads, its events,
// its index entries, its refund and its day summary.
func checkCase(bs *buckets, k, v []byte, cc *caseCounts, p *problems) {
	if len(k) != idLen {
		p.add(lang.Key("cases: a key of %d bytes"), len(k))
		return
	}
	id := caseID(k)
	rec, err := decodeCaseRecord(v)
	if err != nil {
		p.add(lang.Key("case %s: %v"), id, err)
		return
	}
	doc, err := rec.decode(id)
	if err != nil {
		p.add("%v", err)
		return
	}
	if doc.Case.ID != id {
		p.add(lang.Key("case %s: it is stored under the id of case %s"), doc.Case.ID, id)
		return
	}
	listed, paidEvents := checkCaseEvents(bs, k, doc.Events, rec.raw, p)
	cc.listed += listed
	if paidEvents >= 0 && paidEvents != len(doc.Payments) {
		p.add(lang.Key("case %s: %d payments of its refund, but %d refund_paid events"), id, len(doc.Payments), paidEvents)
	}
	entries, err := indexEntries(bs, doc.Case, rec.day, k)
	if err != nil {
		p.add(lang.Key("case %s: %v"), id, err)
		return
	}
	for _, e := range entries {
		cc.want[e.bucket]++
		if val := e.bucket.Get(e.key); val == nil || len(val) != 0 {
			p.add(lang.Key("case %s: its index entry %s is missing"), id, printable(string(e.key)))
		}
	}
	if len(doc.Payments) > 0 {
		cc.refunds++
	}
	cc.payments += len(doc.Payments)
	checkCaseRefund(bs, k, doc, p)
	checkCasePayments(bs, k, doc, p)
	checkCaseActs(bs, k, doc, cc, p)
	checkCaseVisit(bs, doc.Case, p)
	checkCaseSummary(bs, k, rec.day, doc, p)
}

// checkCaseVisit checks that a case of a visit names its visit's first
// case, a case of this store on the same receipt (flow.CheckVisit).
func checkCaseVisit(bs *buckets, c *flow.Case, p *problems) {
	if c.Visit == "" {
		return
	}
	var first *flow.Case
	if k, err := caseKey(c.Visit); err == nil {
		if _, doc, err := getCase(bs, k); err == nil {
			first = doc.Case
		}
	}
	if first == nil {
		p.add(lang.Key("case %s: its visit %s is no case of this store"), c.ID, c.Visit)
		return
	}
	if err := flow.CheckVisit(first, c); err != nil {
		p.add(lang.Key("case %s: %v"), c.ID, err)
	}
}

// checkCaseRefund checks that a case's payments and its status agree (a
// refund owed is owed something still, a case paid is one whose refund is
// paid or owed, never more than the refund due: for an exchange, the
// difference a cheaper replacement leaves), and that the refund's receipt
// line names the case.
func checkCaseRefund(bs *buckets, k []byte, doc caseDoc, p *problems) {
	id, cs := caseID(k), doc.Case
	paid, due := flow.Paid(flowPayments(doc.Payments)), cs.RefundDue()
	switch st := statusOf(cs); {
	case len(doc.Payments) == 0 && st == flow.StatusRefunded:
		p.add(lang.Key("case %s: it is refunded but no refund was recorded"), id)
	case len(doc.Payments) == 0 && st == flow.StatusExchanged && cs.Refunds():
		p.add(lang.Key("case %s: it is exchanged for a cheaper item, but its difference was not refunded"), id)
	case len(doc.Payments) == 0:
	case st != cs.RefundedStatus() && st != flow.StatusClosed && st != flow.StatusRefundOwed:
		p.add(lang.Key("case %s: a refund was paid but the case is %s"), id, st)
		fallthrough
	default:
		if paid.Minor > due.Minor {
			p.add(lang.Key("case %s: %s was paid, more than the refund due (%s)"), id, paid, due)
		}
		if st == flow.StatusRefundOwed && paid.Minor >= due.Minor {
			p.add(lang.Key("case %s: it is a refund owed, but %s of %s was paid"), id, paid, due)
		}
		if line, err := refundLineKey(cs.Sale); err != nil || !bytes.Equal(bs.refundLines.Get(line), k) {
			p.add(lang.Key("case %s: its refund's receipt line is not recorded"), id)
		}
	}
}

// checkCasePayments checks each payment of a case's refund: more than
// zero, in a tender, and in the payments index under the day it was paid,
// as it is.
func checkCasePayments(bs *buckets, k []byte, doc caseDoc, p *problems) {
	id := caseID(k)
	for i, rec := range doc.Payments {
		if rec.Amount.Minor <= 0 || !slices.Contains(flow.Tenders, rec.Tender) || rec.Day.IsZero() {
			p.add(lang.Key("case %s: its payment %d (%s in %q on %s) is not a payment"), id, i+1, rec.Amount, rec.Tender, rec.Day)
		}
		if v := bs.payments.Get(paymentKey(rec.Day, k, i+1)); !bytes.Equal(v, rec.indexValue()) {
			p.add(lang.Key("case %s: its payment %d is not in the payments of %s as it is"), id, i+1, rec.Day)
		}
	}
}

// checkCaseSummary checks that a case's day summary is what summarize makes
// of it.
func checkCaseSummary(bs *buckets, k []byte, day flow.Date, doc caseDoc, p *problems) {
	id := caseID(k)
	got := bs.days.Get(dayIDKey(day, k))
	if got == nil {
		p.add(lang.Key("case %s: its day summary (%s) is missing"), id, day)
		return
	}
	wantSum := summarize(doc, day)
	gotSum, err := decodeSummary(id, day, got)
	if err != nil {
		p.add("%v", err)
		return
	}
	if c := doc.Case; c.Override != nil && !c.Overridden() && gotSum.Flags.Has(FlagOverride) {
		// a lead's decision of an escalated case, summarized by a binary
		// that flagged every lead's decision an override: the bit stays
		// until the case is saved again
		wantSum.Flags |= FlagOverride
	}
	if !bytes.Equal(gotSum.encode(), wantSum.encode()) {
		p.add(lang.Key("case %s: its day summary does not match the case (a flag cleared or set outside the program?)"), id)
	}
}

// checkCaseEvents checks the events a case lists: in order, each about this
// case, the last one carrying the hash of the case as it is stored. It
// returns how many it lists, and how many of them are refund_paid events
// (-1 when it could not read them all).
func checkCaseEvents(bs *buckets, id []byte, seqs []uint64, raw []byte, p *problems) (listed, paid int) {
	name := caseID(id)
	if len(seqs) == 0 {
		p.add(lang.Key("case %s: no audit event saved it"), name)
		return 0, 0
	}
	var last Event
	for i, seq := range seqs {
		if i > 0 && seq <= seqs[i-1] {
			p.add(lang.Key("case %s: its events are out of order"), name)
			return len(seqs), -1
		}
		v := bs.audit.Get(seqKey(seq))
		if v == nil {
			p.add(lang.Key("case %s: its audit event %d is missing"), name, seq)
			return len(seqs), -1
		}
		ev, err := decodeEvent(seqKey(seq), v)
		if err != nil {
			return len(seqs), -1 // reported by checkChain
		}
		if ev.CaseID != name {
			p.add(lang.Key("case %s: it lists audit event %d, which is about case %q"), name, seq, ev.CaseID)
		}
		if ev.Kind == EventRefundPaid {
			paid++
		}
		last = ev
	}
	if last.RecordHash != recordHash(raw) {
		p.add(lang.Key("case %s: it is not as audit event %d saved it: it was edited outside the program"), name, last.Seq)
	}
	return len(seqs), paid
}

// count counts a bucket's entries, checking the length of their keys (at
// least minKey) and that index values are empty.
func count(b *bolt.Bucket, minKey int, emptyValues bool, p *problems) int {
	n := 0
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		if len(k) < minKey || (emptyValues && len(v) != 0) || v == nil {
			p.add(lang.Key("a malformed entry %s"), printable(string(k)))
		}
	}
	return n
}

// checkSales checks that every imported sale reads, that it is as the
// import that covers it wrote it (checkSaleImports), and that the serial
// index holds exactly the sales' serials.
func checkSales(tx *bolt.Tx, written map[string]lastWrite, p *problems) {
	sales, serials := tx.Bucket(bucketSales), tx.Bucket(bucketSaleSerials)
	sc := checkSaleImports(tx, written, p)
	want := 0
	_ = sales.ForEach(func(k, v []byte) error {
		sc.sale(k, v)
		var sale flow.Sale
		if err := json.Unmarshal(v, &sale); err != nil {
			p.add(lang.Key("sale %s: cannot be read: %v"), printable(string(k)), err)
			return nil
		}
		if !bytes.Equal(k, saleKey(sale.Receipt, sale.Line)) {
			p.add(lang.Key("sale %s: it is stored under another receipt line"), printable(string(k)))
		}
		if sale.Serial != "" {
			want++
			if serials.Get(append(append([]byte(normSerial(sale.Serial)), 0), k...)) == nil {
				p.add(lang.Key("sale %s: its serial is not indexed"), printable(string(k)))
			}
		}
		return nil
	})
	if n := count(serials, 2, true, p); n != want {
		p.add(lang.Key("sale_serials: %d entries for %d sales with a serial"), n, want)
	}
	sc.unmatched()
}

func checkStaff(bs *buckets, rep *Report, written map[string]lastWrite, p *problems) {
	_ = bs.staff.ForEach(func(k, v []byte) error {
		rep.Staff++
		name := printable(string(k))
		var rec staffRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			p.add(lang.Key("staff %s: cannot be read: %v"), name, err)
		} else if rec.Name != string(k) || flow.CheckRole(rec.Role) != nil {
			p.add(lang.Key("staff %s: the record does not match its key or role"), name)
		} else if w, ok := written["staff:"+string(k)]; !ok || w.hash != recordHash(v) {
			p.add(lang.Key("staff %s: the account is not as the last event about it (%d) left it: changed outside the program"),
				name, w.seq)
		}
		return nil
	})
}

// checkTills checks every till against its key and the audit trail: the
// record reads and is stored under its name, its key is one a till may use
// and its fingerprint is that key's, no two tills share a key, and it is as
// the last till event about it left it; and a till whose last event added it
// has its record, while a removed one has none.
func checkTills(bs *buckets, rep *Report, written map[string]lastWrite, p *problems) {
	byKey := map[string]string{}
	_ = bs.tills.ForEach(func(k, v []byte) error {
		rep.Tills++
		name := printable(string(k))
		var t Till
		if err := json.Unmarshal(v, &t); err != nil {
			p.add(lang.Key("till %s: cannot be read: %v"), name, err)
			return nil
		}
		if t.Name != string(k) || flow.CheckTillName(t.Name) != nil || flow.StaffName(t.Name) != t.Name {
			p.add(lang.Key("till %s: the record does not match its key"), name)
			return nil
		}
		key, err := ParseTillKey([]byte(t.PublicKey))
		switch {
		case err != nil:
			p.add(lang.Key("till %s: its key is not one a till may use: %s"), name, flowMessage{err})
		case ssh.FingerprintSHA256(key) != t.Fingerprint:
			p.add(lang.Key("till %s: its fingerprint %s is not its key's"), name, printable(t.Fingerprint))
		case byKey[t.Fingerprint] != "":
			p.add(lang.Key("till %s: it has the key of till %s"), name, printable(byKey[t.Fingerprint]))
		default:
			byKey[t.Fingerprint] = t.Name
		}
		switch w, ok := written["till:"+string(k)]; {
		case !ok:
			p.add(lang.Key("till %s: no audit event added it: added outside the program"), name)
		case w.hash == "":
			p.add(lang.Key("till %s: audit event %d removed it, but its record is there: put back outside the program"),
				name, w.seq)
		case w.hash != recordHash(v):
			p.add(lang.Key("till %s: the record is not as the last event about it (%d) left it: changed outside the program"),
				name, w.seq)
		}
		return nil
	})
}

// checkMissingRecords finds the records the audit trail wrote last (with
// their hash) that are not in the store: a till, a staff account or the
// settings deleted, or renamed by a flipped byte in its key, outside the
// program. (A record there, but not as its event left it, is each
// record's own check.)
func checkMissingRecords(bs *buckets, written map[string]lastWrite, p *problems) {
	var gone []problem
	for k, w := range written {
		if w.hash == "" {
			continue // a removal: the record is meant to be gone
		}
		switch kind, name, _ := strings.Cut(k, ":"); {
		case kind == "till" && bs.tills.Get([]byte(name)) == nil:
			gone = append(gone, problem{lang.Key("till %s: audit event %d added it, but its record is missing: " +
				"removed outside the program"), []any{printable(name), w.seq}})
		case kind == "staff" && bs.staff.Get([]byte(name)) == nil:
			gone = append(gone, problem{lang.Key("staff %s: audit event %d wrote it, but its record is missing: " +
				"removed outside the program"), []any{printable(name), w.seq}})
		case kind == "settings" && bs.settings.Get(keySettings) == nil:
			gone = append(gone, problem{lang.Key("the settings: audit event %d wrote it, but its record is missing: " +
				"removed outside the program"), []any{w.seq}})
		}
	}
	slices.SortFunc(gone, func(a, b problem) int { return strings.Compare(a.String(), b.String()) })
	for _, g := range gone {
		p.add(g.format, g.args...)
	}
}

// checkRecordEvents checks the record_events index against the chain: each
// record's entry names the last event that wrote it, a removed till has
// none, and nothing else is there.
func checkRecordEvents(bs *buckets, written map[string]lastWrite, p *problems) {
	want := map[string]uint64{}
	for k, w := range written {
		if kind, _, _ := strings.Cut(k, ":"); kind == "day" || kind == "import" || w.hash == "" {
			continue
		}
		want[k] = w.seq
	}
	var bad []string
	_ = bs.recordEvents.ForEach(func(k, v []byte) error {
		if bytes.HasPrefix(k, []byte("sale:")) {
			return nil // an imported sale's: checkSales'
		}
		if seq, ok := want[string(k)]; !ok || len(v) != 8 || binary.BigEndian.Uint64(v) != seq {
			bad = append(bad, printable(string(k)))
		}
		delete(want, string(k))
		return nil
	})
	for k := range want {
		bad = append(bad, printable(k))
	}
	slices.Sort(bad)
	for _, k := range bad {
		p.add(lang.Key("record_events: %s does not name the last event that wrote it"), k)
	}
}

// checkClosedDays checks every closed day against the audit trail: the close
// is as its day_close event wrote it, no day_close event lacks its close, and
// the chain head it recorded is still in the chain with the same hash.
func checkClosedDays(bs *buckets, written map[string]lastWrite, p *problems) {
	closes := 0
	_ = bs.closedDays.ForEach(func(k, v []byte) error {
		closes++
		var c Closing
		if len(k) != dayLen || json.Unmarshal(v, &c) != nil || !bytes.Equal(appendDay(nil, c.Day), k) {
			p.add(lang.Key("closed_days: the close under %x cannot be read"), k)
			return nil
		}
		w, ok := written["day:"+c.Day.String()]
		if !ok || w.hash != recordHash(v) {
			p.add(lang.Key("the close of %s is not as its day_close event (%d) left it: changed outside the program"), c.Day, w.seq)
		}
		if c.Anchor.Seq > 0 {
			at := bs.audit.Get(seqKey(c.Anchor.Seq))
			if len(at) < sha256.Size || hex.EncodeToString(at[:sha256.Size]) != c.Anchor.Hash {
				p.add(lang.Key("the close of %s recorded the chain head %s, which the chain no longer holds: the history "+
					"before the close was rewritten"), c.Day, c.Anchor)
			}
		}
		return nil
	})
	n := 0
	for k := range written {
		if strings.HasPrefix(k, "day:") {
			n++
		}
	}
	if n != closes {
		p.add(lang.Key("closed_days: %d closes, but the audit trail closed %d days"), closes, n)
	}
}

// printable is a key as a problem shows it: as it is when it is printable
// text (a staff member's name in Cyrillic, as the store keeps it), else in
// hex (a byte that is not UTF-8, a control or format character).
func printable(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return fmt.Sprintf("%x", s)
	}
	return s
}

// checkKeying checks that the chain says how it is keyed: the key's id,
// the first keyed event within the chain, one seal for each event before
// it and none after.
func checkKeying(tx *bolt.Tx, p *problems) {
	meta := tx.Bucket(bucketMeta)
	switch id := meta.Get(keyAuditKeyID); {
	case id == nil:
		p.add(lang.Key("meta/audit_key_id is missing: the store does not say which audit key is its own"))
	case len(id) != 8:
		p.add(lang.Key("meta/audit_key_id is %d bytes, not 8"), len(id))
	}
	k := keyingOf(tx)
	head, _, _ := chainHead(tx)
	switch v := meta.Get(keyKeyedFrom); {
	case len(v) != 8:
		p.add(lang.Key("meta/keyed_from is missing or malformed: the store does not say where its chain is keyed from"))
		return
	case k.from == 0 || k.from > head+1:
		p.add(lang.Key("meta/keyed_from is %d, beyond the chain's end at %d"), k.from, head)
		return
	}
	if n := k.seals.Stats().KeyN; uint64(n) != k.from-1 {
		p.add(lang.Key("audit_seals: %d seals for the %d events before the chain was keyed"), n, k.from-1)
	}
}

// committedID is the id of the last commit tx sees: a write transaction has
// the next one.
func committedID(tx *bolt.Tx) uint64 {
	if tx.Writable() {
		return uint64(tx.ID()) - 1
	}
	return uint64(tx.ID())
}
