package store

// The schema of returnsdesk.db (a bbolt file). Every key that must sort is
// fixed-width big-endian or a sortable ID; strings inside keys end in 0x00
// (they never hold a NUL). day is a calendar day in the store's time zone as
// a uint32 YYYYMMDD (20240315); id is a case's ULID as its 16 bytes; seq is an
// audit event's number, uint64 big-endian from 1.
//
//	meta/                               (small: stays inline in the root page)
//	  app      -> "returnsdesk"         marks the file as ours; a bbolt file without it is foreign
//	  version  -> uint64                schema version; migrations[v] (migrations.go) takes v to v+1 at Open
//	  key_id   -> 8 bytes               HMAC(passport key, "returnsdesk passport key id"): the key file belongs here
//	  head     -> seq(8) hash(32)       the audit chain's last event: a deleted tail is seen
//	settings/
//	  store    -> Settings JSON         store name, policy name and TOML, time zone, print command, idle minutes,
//	                                    service days, closing time, language (absent before it: Ukrainian)
//	staff/
//	  name     -> staffRecord JSON      role, bcrypt PIN hash, failed logins, locked until, the language of
//	                                    their own screens (absent: the till's or the store's); hashed on the last
//	                                    staff or login event about it, as the settings are on the last settings event
//	cases/
//	  id       -> 0x02 day(4) flate(JSON)
//	                                    JSON: {"case": flow.Case, "payments": the payments of its refund, in
//	                                    order (a case written before version 6 may hold "refund", its one
//	                                    payment, in their place: read as such, never written), "fraud":
//	                                    what its fraud flags were judged on at its last save (the policy's
//	                                    thresholds, the passport's cases in 30 days), "sign_off": a shift
//	                                    lead's sign-off since its last save, if any, "acts": its documents, "events": the seqs of its
//	                                    audit events}; day is the day it is filed under, fixed at first save;
//	                                    the JSON's SHA-256 is on its last audit event (record_hash), so an edit
//	                                    outside the program is seen; 0x01 day JSON (uncompressed) is read too
//	days/                               the day index: listing a day reads this bucket alone
//	  day id   -> Summary (binary)      time, staff, model, receipt, outcome, amount, tender, status, step,
//	                                    flags (flow.Review's, and the sign-off), due, serial, paid (what was
//	                                    paid of a refund still owed); a summary is what summarize makes of
//	                                    its case, so check rebuilds and compares it
//	receipts/
//	  RECEIPT 0x00 day id -> ""         receipt number, trimmed and upper-cased
//	serials/
//	  SERIAL 0x00 day id -> ""          serial number or IMEI, without spaces or dashes, upper-cased
//	passports/
//	  hmac(32) day id -> ""             the passport's keyed hash (never the number): repeat returns
//	statuses/                           only the statuses of cases under way (flow.UnderWay)
//	  STATUS 0x00 due(4) day id -> ""   due: the refund-by day of a refund owed, the expected return of an
//	                                    item at the service centre, 0 otherwise; so owed refunds sort by due date
//	by_staff/
//	  NAME 0x00 day id -> ""            the staff member who opened the case (flow.StaffName: trimmed)
//	audit/                              append-only, never rewritten: corrections are new events
//	  seq      -> hash(32) Event JSON   hash = SHA-256 of the event before's hash (32 zero bytes for the
//	                                    first), then the JSON; the link is in the hash, not in the JSON
//	trail/                              versions 1 and 2 only: migration 2 -> 3 moves it into the cases
//	  id seq(8) -> ""
//	refund_lines/
//	  LINE     -> id                    RECEIPT 0x00 line(4), or 0x01 SERIAL when there is no receipt number:
//	                                    one refund per receipt line, whichever case asks: taken by the
//	                                    case's first payment, its later payments go on, another case's not
//	payments/                           since version 6: the payments of refunds by the day they were paid
//	  day id n(4) -> 0x01 tender currency amount
//	                                    n: the case's payment from 1; tender and currency length-prefixed,
//	                                    the amount (minor units) a varint; what a case's payments make
//	sales/                              sales imported from the point of sale (sales.go), since version 2
//	  RECEIPT 0x00 line(4) -> flow.Sale JSON
//	sale_serials/
//	  SERIAL 0x00 RECEIPT 0x00 line(4) -> ""
//	closed_days/                        days a shift lead closed (days.go), since version 4: their cases are
//	  day      -> Closing JSON          read-only; who, when, the chain head (seq:hash) at the close and the
//	                                    day's report, hashed on its day_close event
//	tills/                              the checkout tills the kiosk serves over SSH (tills.go), since version 5
//	  name     -> Till JSON             name (flow.StaffName: the terminal named on every event the till
//	                                    writes), public key (authorized_keys form, no comment), its SHA256
//	                                    fingerprint (ssh.FingerprintSHA256), printer command, language
//	                                    (absent: the store's), added when and by whom; hashed on the last till event about it; a removed till's
//	                                    record is deleted, and its last event (the removal) has no hash
//	acts/                               since version 7: every document a case was given (acts.go)
//	  n(8)     -> id                    the act's number in the store, from 1 (the bucket's sequence, never
//	                                    reused), and its case; the act itself (kind, when, by whom, its files
//	                                    and their SHA-256) is on the case's "acts", so the case's hash covers it
//	record_events/                      since version 8: the last event of each record the kiosk trusts (records.go)
//	  KEY      -> seq(8)                "settings", "staff:NAME", "till:NAME"; kept by appendEvent, so a record is
//	                                    checked against its event's record_hash each time it is read; and since
//	                                    version 9 "sale:" RECEIPT 0x00 line(4) for each imported sale, its import's
//	                                    event, kept by ImportSales
//	sale_imports/                       since version 9: what each sales import wrote (saleimports.go)
//	  seq      -> manifest              seq: the import's sales event, whose record_hash is the manifest's SHA-256;
//	                                    the manifest: per sale, sorted by key, uvarint key length, the sale's key,
//	                                    the SHA-256 of its stored JSON; a sale is read only when it matches
//
// Each exported method is one transaction (Login reads, compares the PIN's
// slow hash outside any transaction, then writes). SaveCase writes the case,
// every index entry that changed, the day summary, one audit event (its seq
// listed in the case's events) and meta/head together, so nothing
// half-written can be read back. A save, refund or sign-off of a case filed
// under a closed day is refused in the same transaction that would write it.
// What one screen of the shift lead's desk shows is read in one transaction
// too (views.go).
//
// Fill percents: cases, days, audit and by_staff take keys that grow with
// time (ULIDs, days, sequence numbers; per staff member), so their pages are
// split full (appendFill) rather than half full, which halves their pages on
// disk; the indexes keyed by receipt, serial, passport and status take keys
// anywhere in their range and keep bbolt's default (half full).

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// Bucket names.
var (
	bucketMeta         = []byte("meta")
	bucketSettings     = []byte("settings")
	bucketStaff        = []byte("staff")
	bucketCases        = []byte("cases")
	bucketDays         = []byte("days")
	bucketReceipts     = []byte("receipts")
	bucketSerials      = []byte("serials")
	bucketPassports    = []byte("passports")
	bucketStatuses     = []byte("statuses")
	bucketByStaff      = []byte("by_staff")
	bucketAudit        = []byte("audit")
	bucketTrail        = []byte("trail")
	bucketRefundLines  = []byte("refund_lines")
	bucketClosedDays   = []byte("closed_days")
	bucketSales        = []byte("sales")         // since version 2
	bucketSaleSerials  = []byte("sale_serials")  // since version 2
	bucketTills        = []byte("tills")         // since version 5
	bucketPayments     = []byte("payments")      // since version 6
	bucketActs         = []byte("acts")          // since version 7
	bucketRecordEvents = []byte("record_events") // since version 8
	bucketAuditSeals   = []byte("audit_seals")   // since version 9
	bucketSaleImports  = []byte("sale_imports")  // since version 10
)

// Keys in the meta and settings buckets, and the value that marks a file
// as ours.
var (
	keyApp     = []byte("app")
	keyVersion = []byte("version")
	keyKeyID   = []byte("key_id")
	keyHead    = []byte("head")
	// keyAuditKeyID names the audit key; keyKeyedFrom is the first keyed
	// event's seq (version 9).
	keyAuditKeyID = []byte("audit_key_id")
	keyKeyedFrom  = []byte("keyed_from")
	keySettings   = []byte("store")
	appName       = []byte("returnsdesk")
)

// metaKeys are every key of the meta bucket.
var metaKeys = [][]byte{keyApp, keyVersion, keyKeyID, keyHead, keyAuditKeyID, keyKeyedFrom}

// allBuckets lists every bucket of the current schema: version 1's, the
// sales of version 2, without the trail that version 3 moved into the cases,
// the closed days of version 4, the tills of version 5, the payments of
// version 6, the acts of version 7, the record events of version 8 and the
// sale imports of version 9.
var allBuckets = [][]byte{bucketMeta, bucketSettings, bucketStaff, bucketCases, bucketDays, bucketReceipts,
	bucketSerials, bucketPassports, bucketStatuses, bucketByStaff, bucketAudit, bucketRefundLines, bucketSales,
	bucketSaleSerials, bucketClosedDays, bucketTills, bucketPayments, bucketActs, bucketRecordEvents, bucketAuditSeals, bucketSaleImports}

// appendFill is the fill percent of buckets whose keys only grow: a split
// page is left full, since nothing will be inserted before its last key.
const appendFill = 0.95

// fillPercent is the fill percent of each bucket in a write transaction.
// bbolt does not keep it in the file, so every write sets it again.
var fillPercent = map[string]float64{
	string(bucketCases): appendFill,
	string(bucketDays):  appendFill,
	string(bucketAudit): appendFill,
	// each staff member's keys grow with time: a dozen places that only
	// append, where a half-full split would leave every page half empty
	string(bucketByStaff): appendFill,
}

// bucket is a bucket of the schema in tx, with its fill percent set for a
// write transaction. A missing bucket is a damaged store.
func bucket(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, ErrDamaged.Wrap(fmt.Errorf("the bucket %q is missing", name))
	}
	if tx.Writable() {
		if f, ok := fillPercent[string(name)]; ok {
			b.FillPercent = f
		}
	}
	return b, nil
}

// buckets opens every bucket of the schema at once.
type buckets struct {
	meta, settings, staff, cases, days, receipts, serials, passports, statuses, byStaff, audit,
	refundLines, closedDays, tills, payments, acts, recordEvents *bolt.Bucket
}

func openBuckets(tx *bolt.Tx) (*buckets, error) {
	var bs buckets
	for _, x := range []struct {
		name []byte
		dst  **bolt.Bucket
	}{
		{bucketMeta, &bs.meta}, {bucketSettings, &bs.settings}, {bucketStaff, &bs.staff},
		{bucketCases, &bs.cases}, {bucketDays, &bs.days}, {bucketReceipts, &bs.receipts},
		{bucketSerials, &bs.serials}, {bucketPassports, &bs.passports}, {bucketStatuses, &bs.statuses},
		{bucketByStaff, &bs.byStaff}, {bucketAudit, &bs.audit},
		{bucketRefundLines, &bs.refundLines}, {bucketClosedDays, &bs.closedDays}, {bucketTills, &bs.tills},
		{bucketPayments, &bs.payments}, {bucketActs, &bs.acts}, {bucketRecordEvents, &bs.recordEvents},
	} {
		b, err := bucket(tx, x.name)
		if err != nil {
			return nil, err
		}
		*x.dst = b
	}
	return &bs, nil
}

// readVersion is the schema version in tx: 0 for a file with no meta bucket.
func readVersion(tx *bolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	v := meta.Get(keyVersion)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, ErrDamaged.Wrap(fmt.Errorf("meta/version is %d bytes, not 8", len(v)))
	}
	return binary.BigEndian.Uint64(v), nil
}

func putVersion(tx *bolt.Tx, v uint64) error {
	return tx.Bucket(bucketMeta).Put(keyVersion, binary.BigEndian.AppendUint64(nil, v))
}

// ---- keys ----

// idLen is the length of a case id inside keys: a ULID's 16 bytes.
const idLen = 16

// dayLen is the length of a day inside keys.
const dayLen = 4

// caseKey is the 16-byte key of a case id written as a ULID.
func caseKey(id string) ([]byte, error) {
	u, err := ulid.ParseStrict(id)
	if err != nil {
		return nil, refine(ErrNotFound, nil, "%q is not a case id", id)
	}
	return u[:], nil
}

// caseID is the ULID text of a 16-byte key.
func caseID(k []byte) string {
	var u ulid.ULID
	copy(u[:], k)
	return u.String()
}

// dayNum is a day as the uint32 YYYYMMDD; 0 for no day.
func dayNum(d flow.Date) uint32 {
	if d.IsZero() {
		return 0
	}
	return uint32(d.Year)*10000 + uint32(d.Month)*100 + uint32(d.Day)
}

// dayOf reads a uint32 YYYYMMDD back.
func dayOf(n uint32) flow.Date {
	if n == 0 {
		return flow.Date{}
	}
	return flow.Date{Year: int(n / 10000), Month: time.Month(n / 100 % 100), Day: int(n % 100)}
}

func appendDay(b []byte, d flow.Date) []byte { return binary.BigEndian.AppendUint32(b, dayNum(d)) }

// dayIDKey is day(4) id(16): the key of the days bucket.
func dayIDKey(day flow.Date, id []byte) []byte {
	k := make([]byte, 0, dayLen+idLen)
	return append(appendDay(k, day), id...)
}

// seqKey is a sequence number as 8 bytes big-endian.
func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// normStaff is a staff name as keys keep it (flow.StaffName).
func normStaff(s string) string { return flow.StaffName(s) }
