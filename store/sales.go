package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// SalesColumns are the columns of a sales CSV file, in any order after a
// header row. receipt, date, model and price are required; line defaults to
// 1, currency to the store's (flow.DefaultCurrency), tender to cash, condition to new.
var SalesColumns = []string{"receipt", "line", "date", "model", "serial", "price", "currency", "tender",
	"condition", "warranty_months", "market", "warranty_contract"}

// SalesError is a bad row of a sales file: its line number and what is wrong.
type SalesError struct {
	Line   int
	Column string
	Msg    string
	// the message's English format and arguments (salesErrorf), or the
	// flow error it is (a field's check), to print it in a language (In)
	format string
	args   []any
	cause  error
}

// salesErrorf is a bad row's error, its message a message of the message
// files.
func salesErrorf(line int, column, format string, args ...any) *SalesError {
	return &SalesError{Line: line, Column: column, Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

// In is the error in p's language: its line, its column (the file's own
// name) and what is wrong; the CSV reader's own words stay as it writes them.
func (e *SalesError) In(p *lang.Printer) string {
	msg := e.Msg
	switch {
	case e.cause != nil:
		msg = flow.MessageIn(p, e.cause)
	case e.format != "":
		msg = flow.Errorf(flow.EInvalid, e.format, e.args...).In(p)
	}
	if e.Column == "" {
		return p.T("line %d: %s", e.Line, msg)
	}
	return p.T("line %d: %s: %s", e.Line, e.Column, msg)
}

func (e *SalesError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Column, e.Msg)
}

// ParseSalesCSV reads a sales file whole: a header row naming SalesColumns,
// then one row per receipt line. The first bad row is an error with its line
// number; nothing is returned then, so nothing from a bad file is imported.
// today bounds the sale dates.
//
// The file is RFC 4180 (",", 19999.00, YYYY-MM-DD) or as a spreadsheet or
// an accounting program in a Ukrainian locale writes it (a UTF-8 byte order
// mark, ";", 19999,00, DD.MM.YYYY), or a mix: the byte order mark is
// skipped, the separator is the one of the header row, and each date and
// price is read in either form.
func ParseSalesCSV(r io.Reader, today flow.Date) ([]flow.Sale, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(len(utf8BOM)); string(b) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cr.Comma = separatorOf(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, salesErrorf(1, "", "the file is empty: it needs a header row (%s)", strings.Join(SalesColumns, ","))
	}
	if err != nil {
		return nil, csvErr(err)
	}
	col, names, herr := salesHeader(header)
	if herr != nil {
		return nil, herr
	}
	var sales []flow.Sale
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != len(header) {
			return nil, salesErrorf(line, "", "%d fields, the header has %d", len(rec), len(header))
		}
		for i, cell := range rec {
			if !utf8.ValidString(cell) {
				return nil, notUTF8(line, names[i])
			}
		}
		get := func(c string) string {
			if i, ok := col[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		s, cerr := saleOfRow(get, today)
		if cerr != nil {
			cerr.Line = line
			return nil, cerr
		}
		k := normText(s.Receipt) + "\x00" + strconv.Itoa(s.Line)
		if first, dup := seen[k]; dup {
			return nil, salesErrorf(line, "line", "receipt %s line %d is also on line %d", s.Receipt, s.Line, first)
		}
		seen[k] = line
		sales = append(sales, s)
	}
	if len(sales) == 0 {
		return nil, salesErrorf(2, "", "the file has no sales after its header")
	}
	return sales, nil
}

// salesHeader reads a sales file's header row: each column's index by its
// name, and the names in the row's order.
func salesHeader(header []string) (map[string]int, []string, *SalesError) {
	col := map[string]int{}
	names := make([]string, len(header))
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, nil, notUTF8(1, "")
		}
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		names[i] = h
		if !slices.Contains(SalesColumns, h) {
			return nil, nil, salesErrorf(1, h, "unknown column; the columns are %s", strings.Join(SalesColumns, ", "))
		}
		if _, dup := col[h]; dup {
			return nil, nil, salesErrorf(1, h, "the column appears twice")
		}
		col[h] = i
	}
	for _, need := range []string{"receipt", "date", "model", "price"} {
		if _, ok := col[need]; !ok {
			return nil, nil, salesErrorf(1, need, "the header lacks this column")
		}
	}
	return col, names, nil
}

// utf8BOM is UTF-8's byte order mark, which a spreadsheet writes first.
const utf8BOM = "\ufeff"

// separatorOf is the separator of a sales file's header row, the first
// line br holds: ";" where it has more of them than of ",", else ",". A
// column's name has neither.
func separatorOf(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if bytes.Count(b, []byte(";")) > bytes.Count(b, []byte(",")) {
		return ';'
	}
	return ','
}

// notUTF8 is a cell of a file that is not UTF-8: most likely saved by a
// spreadsheet as "CSV" in Windows-1251, whose Cyrillic would be imported
// garbled.
func notUTF8(line int, column string) *SalesError {
	return salesErrorf(line, column, `not UTF-8 text: save the file as "CSV UTF-8"`)
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SalesError{Line: pe.Line, Msg: pe.Err.Error()}
	}
	return err
}

// saleOfRow reads one row with the field checks of flow.
func saleOfRow(get func(string) string, today flow.Date) (flow.Sale, *SalesError) {
	bad := func(c string, err error) *SalesError { return &SalesError{Column: c, Msg: err.Error(), cause: err} }
	var s flow.Sale
	if err := flow.CheckReceipt(get("receipt")); err != nil {
		return s, bad("receipt", err)
	}
	s.Receipt = get("receipt")
	s.Line = 1
	if v := get("line"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 10000 {
			return s, bad("line", flow.Errorf(flow.EInvalid, "%q is not a line number from 1 to 10000", v))
		}
		s.Line = n
	}
	d, err := flow.CheckSaleDate(get("date"), today) // YYYY-MM-DD or DD.MM.YYYY
	if err != nil {
		return s, bad("date", err)
	}
	s.Date = d
	if err := flow.CheckModel(get("model")); err != nil {
		return s, bad("model", err)
	}
	s.Model = get("model")
	if v := get("serial"); v != "" {
		if err := flow.CheckSerial(v); err != nil {
			return s, bad("serial", err)
		}
		s.Serial = v
	}
	currency := get("currency")
	if currency == "" {
		currency = flow.DefaultCurrency
	}
	if s.Price, err = flow.CheckPrice(get("price"), currency); err != nil {
		return s, bad("price", err)
	}
	s.Tender = flow.DefaultTender
	if v := flow.Tender(strings.ToLower(get("tender"))); v != "" {
		if !isOneOf(v, flow.Tenders) {
			return s, bad("tender", flow.Errorf(flow.EInvalid, "%q is not one of %s", v, joinOf(flow.Tenders)))
		}
		s.Tender = v
	}
	s.Condition = flow.ConditionNew
	if v := flow.Condition(strings.ToLower(get("condition"))); v != "" {
		if !isOneOf(v, flow.Conditions) {
			return s, bad("condition", flow.Errorf(flow.EInvalid, "%q is not one of %s", v, joinOf(flow.Conditions)))
		}
		s.Condition = v
	}
	if s.WarrantyMonths, err = flow.CheckWarrantyMonths(get("warranty_months")); err != nil {
		return s, bad("warranty_months", err)
	}
	if v := flow.Market(strings.ToLower(get("market"))); v != "" {
		if !isOneOf(v, flow.Markets) {
			return s, bad("market", flow.Errorf(flow.EInvalid, "%q is not one of %s", v, joinOf(flow.Markets)))
		}
		s.Market = v
	}
	switch strings.ToLower(get("warranty_contract")) {
	case "", "no", "false", "0":
	case "yes", "true", "1":
		s.WarrantyContract = true
	default:
		return s, bad("warranty_contract", flow.Errorf(flow.EInvalid, "%q is not yes or no", get("warranty_contract")))
	}
	return s, nil
}

func isOneOf[T ~string](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

func joinOf[T ~string](all []T) string {
	var s []string
	for _, a := range all {
		s = append(s, string(a))
	}
	return strings.Join(s, ", ")
}

func saleKey(receipt string, line int) []byte {
	k := append([]byte(normText(receipt)), 0)
	return binary.BigEndian.AppendUint32(k, uint32(line))
}

// ImportSales stores sales from the point of sale in one transaction, with
// one audit event naming the file: all of them or, on any error, none. A
// receipt line imported again is replaced. The event carries the hash of the
// import's manifest (saleimports.go), so that every sale it wrote is
// verified when it is read.
func (s *Store) ImportSales(sales []flow.Sale, file, by string, now time.Time) (int, error) {
	err := s.update(func(tx *bolt.Tx) error {
		hashes, err := putSales(tx, sales)
		if err != nil {
			return err
		}
		imp := encodeImport(hashes)
		ev, err := appendEvent(tx, Event{Time: now, Staff: by, Terminal: s.terminal, Kind: EventSales,
			RecordHash: recordHash(imp.manifest), Words: SaidN("imported %d sales from %s", len(sales), len(sales), file)})
		if err != nil {
			return err
		}
		return noteSaleImport(tx, ev.Seq, imp)
	})
	if err != nil {
		return 0, err
	}
	return len(sales), nil
}

// putSales writes sales and their serials in tx, each replacing the line's
// sale imported before; it returns the SHA-256 of each sale as stored, by
// its key.
func putSales(tx *bolt.Tx, sales []flow.Sale) (map[string][sha256.Size]byte, error) {
	bs, err := tx.CreateBucketIfNotExists(bucketSales)
	if err != nil {
		return nil, err
	}
	ser, err := tx.CreateBucketIfNotExists(bucketSaleSerials)
	if err != nil {
		return nil, err
	}
	hashes := make(map[string][sha256.Size]byte, len(sales))
	for _, sale := range sales {
		k := saleKey(sale.Receipt, sale.Line)
		if old := bs.Get(k); old != nil {
			var o flow.Sale
			if json.Unmarshal(old, &o) == nil && o.Serial != "" {
				if err := ser.Delete(append(append([]byte(normSerial(o.Serial)), 0), k...)); err != nil {
					return nil, err
				}
			}
		}
		v, err := json.Marshal(sale)
		if err != nil {
			return nil, err
		}
		if err := bs.Put(k, v); err != nil {
			return nil, err
		}
		hashes[string(k)] = sha256.Sum256(v)
		if sale.Serial != "" {
			if err := ser.Put(append(append([]byte(normSerial(sale.Serial)), 0), k...), nil); err != nil {
				return nil, err
			}
		}
	}
	return hashes, nil
}

// LookupSales finds the imported sales of a receipt number (every line of
// it) or, failing that, of a serial number or IMEI. Each is verified
// against its import: a sale that does not match is refused by name.
func (s *Store) LookupSales(query string) ([]flow.Sale, error) {
	var out []flow.Sale
	err := s.view(func(tx *bolt.Tx) error {
		bs := tx.Bucket(bucketSales)
		if bs == nil || strings.TrimSpace(query) == "" {
			return nil
		}
		sv := newSaleVerifier(tx)
		decode := func(k, v []byte) error {
			if err := sv.verify(k, v); err != nil {
				return err
			}
			var sale flow.Sale
			if err := json.Unmarshal(v, &sale); err != nil {
				return ErrDamaged.Wrap(fmt.Errorf("a sale cannot be read: %v", err))
			}
			out = append(out, sale)
			return nil
		}
		prefix := append([]byte(normText(query)), 0)
		c := bs.Cursor()
		for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
			if err := decode(k, v); err != nil {
				return err
			}
		}
		if len(out) > 0 {
			return nil
		}
		ser := tx.Bucket(bucketSaleSerials)
		if ser == nil {
			return nil
		}
		prefix = append([]byte(normSerial(query)), 0)
		sc := ser.Cursor()
		for k, _ := sc.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = sc.Next() {
			if v := bs.Get(k[len(prefix):]); v != nil {
				if err := decode(k[len(prefix):], v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return out, err
}

func hasPrefix(k, p []byte) bool { return len(k) >= len(p) && string(k[:len(p)]) == string(p) }

// importedSaleTx is the sales import's record of sale's receipt line in
// tx, or nil when the line is not imported, with sale's line resolved: a
// sale that does not state its line (0), typed from the paper receipt, is
// of the receipt's only imported line when it has one, so that one line is
// never two; of a receipt with several imported lines it is refused. The
// import's record is verified against its import (saleVerifier).
func importedSaleTx(tx *bolt.Tx, sale flow.Sale) (flow.Sale, *flow.Sale, error) {
	bs := tx.Bucket(bucketSales)
	if bs == nil || normText(sale.Receipt) == "" {
		return sale, nil, nil
	}
	var k, v []byte
	if sale.Line > 0 {
		k = saleKey(sale.Receipt, sale.Line)
		v = bs.Get(k)
	} else {
		prefix := append([]byte(normText(sale.Receipt)), 0)
		c := bs.Cursor()
		n := 0
		for key, val := c.Seek(prefix); key != nil && hasPrefix(key, prefix); key, val = c.Next() {
			k, v, n = key, val, n+1
		}
		if n > 1 {
			return sale, nil, flow.Errorf(flow.EInvalid, "receipt %s has %d lines in the sales import: look it up, "+
				"and pick the line that comes back", sale.Receipt, n)
		}
	}
	if v == nil {
		return sale, nil, nil
	}
	if err := newSaleVerifier(tx).verify(k, v); err != nil {
		return sale, nil, err
	}
	var imp flow.Sale
	if err := json.Unmarshal(v, &imp); err != nil {
		return sale, nil, ErrDamaged.Wrap(fmt.Errorf("the imported sale of receipt %s cannot be read: %v", sale.Receipt, err))
	}
	sale.Line = imp.Line
	return sale, &imp, nil
}

// checkSaleTx holds a case's sale to the sales import when the save
// changes the sale or its correction (oldCase: the case as stored, nil for
// a new one): its line resolved (importedSaleTx), flow.CheckAgainstImport,
// and a correction made by a shift lead.
func checkSaleTx(tx *bolt.Tx, c, oldCase *flow.Case) error {
	if oldCase != nil && oldCase.Sale == c.Sale && sameCorrection(oldCase.SaleCorrection, c.SaleCorrection) {
		return nil
	}
	sale, imp, err := importedSaleTx(tx, c.Sale)
	if err != nil {
		return err
	}
	c.Sale = sale // its line resolved
	if err := flow.CheckAgainstImport(imp, c); err != nil {
		return err
	}
	if k := c.SaleCorrection; k != nil && (oldCase == nil || !sameCorrection(oldCase.SaleCorrection, k)) {
		return leadTx(tx, k.By)
	}
	return nil
}

func sameCorrection(a, b *flow.SaleCorrection) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.By == b.By && a.Reason == b.Reason && a.At.Equal(b.At) && slices.Equal(a.Changes, b.Changes)
}
