package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"example.com/returnsdesk/flow"
)

// The first byte of a stored case says how its JSON is kept.
const (
	casePlain    = 1 // as is (read, never written since flate)
	caseDeflated = 2 // compressed with flate, which more than halves it
)

// maxCaseJSON bounds what a damaged compressed case may inflate to.
const maxCaseJSON = 4 << 20

// caseRecord is a case as stored: the day it is filed under, and its
// document's JSON.
type caseRecord struct {
	day flow.Date
	raw []byte // caseDoc JSON, uncompressed and copied out of the transaction
}

// caseDoc is what the cases bucket keeps of a case: the case, the payments
// of its refund and the seqs of its audit events (its trail), hashed
// together on the case's last audit event. Keeping the trail here rather
// than in an index of its own saves a commit the pages of one more tree.
type caseDoc struct {
	Case *flow.Case `json:"case"`
	// Payments are the payments of its refund, in the order they were made.
	Payments []refundRecord `json:"payments,omitempty"`
	// Refund is the one refund a case written before part payments were
	// kept holds instead: decode reads it as the case's one payment, and the
	// case's next write writes payments.
	Refund *refundRecord `json:"refund,omitempty"`
	// Fraud is what the case's fraud flags were judged on at its last save
	// (desk.go); nil on a case saved before schema version 4.
	Fraud *fraudFacts `json:"fraud,omitempty"`
	// SignOff is a shift lead's sign-off of the case as it stands; a later
	// save clears it.
	SignOff *SignOff `json:"sign_off,omitempty"`
	// Acts are the documents kept of the case (acts.go), in order.
	Acts   []Act    `json:"acts,omitempty"`
	Events []uint64 `json:"events"`
}

// flate writers are big to make: they are kept for reuse.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

var inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}

// encodeCase is the stored form of a case document: 0x02, the day, then the
// JSON compressed (a whole case is 1.3 KB of JSON, three to a 4 KB page
// only just not; compressed, five fit).
func encodeCase(day flow.Date, raw []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(1 + dayLen + len(raw)*2/3)
	buf.WriteByte(caseDeflated)
	buf.Write(appendDay(nil, day))
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	_, _ = w.Write(raw) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	deflaters.Put(w)
	return buf.Bytes()
}

func decodeCaseRecord(v []byte) (caseRecord, error) {
	if len(v) < 1+dayLen || (v[0] != casePlain && v[0] != caseDeflated) {
		return caseRecord{}, ErrDamaged.Wrap(errors.New("a stored case is malformed"))
	}
	rec := caseRecord{day: dayOf(binary.BigEndian.Uint32(v[1:]))}
	if v[0] == casePlain {
		rec.raw = copyBytes(v[1+dayLen:])
		return rec, nil
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	in := bytes.NewReader(v[1+dayLen:]) // a ByteReader: flate reads no further than its stream
	_ = r.(flate.Resetter).Reset(in, nil)
	raw, err := io.ReadAll(io.LimitReader(r, maxCaseJSON+1))
	if err != nil || len(raw) > maxCaseJSON {
		return caseRecord{}, ErrDamaged.Wrap(errors.New("a stored case cannot be decompressed"))
	}
	if in.Len() > 0 { // bytes after the stream's end: the value is not what was written
		return caseRecord{}, ErrDamaged.Wrap(fmt.Errorf("a stored case has %d bytes after its end", in.Len()))
	}
	rec.raw = raw
	return rec, nil
}

// decode reads the case document; json.Unmarshal copies every byte it keeps,
// so the result outlives the transaction. The refund of a case written
// before part payments were kept is read as its one payment.
func (r caseRecord) decode(id string) (caseDoc, error) {
	var d caseDoc
	if err := json.Unmarshal(r.raw, &d); err != nil || d.Case == nil {
		return d, ErrDamaged.Wrap(fmt.Errorf("case %s cannot be read: %v", id, err))
	}
	if d.Refund != nil {
		if len(d.Payments) > 0 {
			return d, ErrDamaged.Wrap(fmt.Errorf("case %s holds both a refund and payments", id))
		}
		d.Payments, d.Refund = []refundRecord{*d.Refund}, nil
	}
	return d, nil
}
