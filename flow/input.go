package flow

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Input is one case as the decide command reads it (docs/rules.md, "The decide
// contract"): the case, the policy it names, the day of the visit and the
// day of the claim.
type Input struct {
	Policy string // the policy the input names; "" when it names none
	Today  Date
	// Claimed is the day the claim was made (the case opened), on which the
	// window, the warranty and the refund-by day are judged: today unless the
	// input says; the case's Opened is set to it (Case.ClaimDay).
	Claimed Date
	Case    Case
}

// ParseInput reads one case in the decide contract's JSON. Absent fields are
// unknown or false; today defaults to the day of now, claimed to today. Every error is a
// *FieldError naming the field: malformed JSON, an unknown field, a value of
// the wrong type, an unknown value, a bad date or a visit before the sale.
func ParseInput(data []byte, now time.Time) (Input, error) {
	var raw any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return Input{}, syntaxErr(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Input{}, fieldErr("input", "more than one JSON value: send one case")
	}
	if err := duplicateKey(data); err != nil {
		return Input{}, err
	}
	r := reader{}
	top := r.object("", raw)
	if r.err != nil {
		return Input{}, r.err
	}
	var in Input
	c := &in.Case
	r.fields("", top, map[string]func(string, any){
		"policy":         func(f string, v any) { in.Policy = r.str(f, v) },
		"today":          func(f string, v any) { in.Today = r.date(f, v) },
		"claimed":        func(f string, v any) { in.Claimed = r.date(f, v) },
		"sale":           func(f string, v any) { r.sale(f, v, &c.Sale) },
		"claim":          func(f string, v any) { c.Request.Claim = enum(&r, f, v, Claims) },
		"wants":          func(f string, v any) { c.Request.Wants = enum(&r, f, v, Wants) },
		"remote":         func(f string, v any) { c.Request.Remote = r.bool(f, v) },
		"till_has_cash":  func(f string, v any) { c.TillHasCash = r.bool(f, v) },
		"documents":      func(f string, v any) { r.documents(f, v, c) },
		"inspection":     func(f string, v any) { r.inspection(f, v, &c.Inspection) },
		"service_centre": func(f string, v any) { c.ServiceCentre = enum(&r, f, v, Conclusions) },
	})
	if r.err != nil {
		return Input{}, r.err
	}
	if in.Today.IsZero() {
		in.Today = DateOf(now)
	}
	if in.Claimed.IsZero() {
		in.Claimed = in.Today
	}
	if err := in.complete(); err != nil {
		return Input{}, err
	}
	c.Opened = in.Claimed.Time()
	return in, nil
}

// complete checks that the input names what every decision needs.
func (in *Input) complete() error {
	c := &in.Case
	if c.Sale.Date.IsZero() {
		return fieldErr("sale.date", "the sale date is needed, as YYYY-MM-DD")
	}
	if c.Request.Claim == "" {
		return fieldErr("claim", "needed: one of %s", list(Claims))
	}
	if c.Request.Wants == "" {
		return fieldErr("wants", "needed: one of %s", list(Wants))
	}
	if err := c.Validate(in.Today); err != nil {
		return err
	}
	if in.Claimed.After(in.Today) {
		return fieldErr("claimed", "the claim (%s) is after today (%s)", in.Claimed, in.Today)
	}
	if in.Claimed.Before(c.Sale.Date) {
		return fieldErr("claimed", "the claim (%s) is before the sale (%s)", in.Claimed, c.Sale.Date)
	}
	return nil
}

// sale reads the "sale" object.
func (r *reader) sale(f string, v any, s *Sale) {
	var price, currency string
	r.fields(f, r.object(f, v), map[string]func(string, any){
		"date":              func(f string, v any) { s.Date = r.date(f, v) },
		"receipt":           func(f string, v any) { s.Receipt = r.str(f, v) },
		"line":              func(f string, v any) { s.Line = r.int(f, v, 0, 10000) },
		"model":             func(f string, v any) { s.Model = r.str(f, v) },
		"serial":            func(f string, v any) { s.Serial = r.str(f, v) },
		"price":             func(f string, v any) { price = r.str(f, v) },
		"currency":          func(f string, v any) { currency = r.str(f, v) },
		"tender":            func(f string, v any) { s.Tender = enum(r, f, v, Tenders) },
		"condition":         func(f string, v any) { s.Condition = enum(r, f, v, Conditions) },
		"market":            func(f string, v any) { s.Market = enum(r, f, v, Markets) },
		"warranty_months":   func(f string, v any) { s.WarrantyMonths = r.int(f, v, 0, 120) },
		"warranty_contract": func(f string, v any) { s.WarrantyContract = r.bool(f, v) },
	})
	if price != "" && r.err == nil {
		m, err := ParseMoney(price, currency)
		if err != nil {
			r.fail(f+".price", "%v", err)
		}
		s.Price = m
	} else if currency != "" {
		s.Price.Currency = strings.ToUpper(strings.TrimSpace(currency)) // Decide checks it is the policy's
	}
}

// documents reads the "documents" list; a document named twice counts once.
func (r *reader) documents(f string, v any, c *Case) {
	arr, ok := v.([]any)
	if !ok {
		r.fail(f, "must be a list such as [\"receipt\", \"passport\"]")
		return
	}
	for i, x := range arr {
		d := enum(r, fmt.Sprintf("%s[%d]", f, i), x, Documents)
		if r.err == nil && !c.Has(d) {
			c.Documents = append(c.Documents, d)
		}
	}
}

// inspection reads the "inspection" object: every checklist field, by the
// names the checklist gives them (InspectionFields).
func (r *reader) inspection(f string, v any, in *Inspection) {
	set := map[string]func(string, any){
		CallField: func(f string, v any) { in.CallSeconds = r.int(f, v, 0, 1<<31-1) },
	}
	for _, name := range InspectionFields() {
		if p := in.Flag(name); p != nil {
			set[name] = func(f string, v any) { *p = r.bool(f, v) }
		}
	}
	r.fields(f, r.object(f, v), set)
}

// duplicateKey names, by its path, a key given twice in one object of data,
// a JSON value already decoded: encoding/json would keep the last without a
// word, and a case is never guessed at.
func duplicateKey(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return duplicateIn(dec, "")
}

// duplicateIn walks the value dec is at, named path, to its end. Decode
// has read it whole already, so its depth is bounded and a token error
// cannot happen; one ends the walk all the same.
func duplicateIn(dec *json.Decoder, path string) error {
	tok, err := dec.Token()
	if err != nil {
		return nil
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil
			}
			key, _ := k.(string)
			name := key
			if key == "" {
				name = `""`
			}
			if path != "" {
				name = path + "." + name
			}
			if seen[key] {
				return fieldErr(name, "appears twice in the input: give each field once")
			}
			seen[key] = true
			if err := duplicateIn(dec, name); err != nil {
				return err
			}
		}
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := duplicateIn(dec, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	default:
		return nil
	}
	_, _ = dec.Token() // the closing } or ]
	return nil
}

// syntaxErr names where JSON is malformed.
func syntaxErr(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fieldErr("input", "malformed JSON on line %d: %v", line, se)
	}
	if errors.Is(err, io.EOF) {
		return fieldErr("input", "no JSON: send one case on standard input")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fieldErr("input", "malformed JSON: the input ends in the middle of a value")
	}
	return fieldErr("input", "malformed JSON: %v", err)
}

// reader converts decoded JSON into a case, keeping the first error with the
// field it is in.
type reader struct{ err error }

func (r *reader) fail(field, format string, args ...any) {
	if r.err == nil {
		r.err = fieldErr(field, format, args...)
	}
}

func (r *reader) object(field string, v any) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		name := field
		if name == "" {
			name = "input"
		}
		r.fail(name, "must be a JSON object")
	}
	return m
}

// fields visits the keys of an object in a fixed order; a key that is not a
// field of the contract is an error.
func (r *reader) fields(prefix string, m map[string]any, set map[string]func(string, any)) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := k
		if k == "" {
			name = `""` // an empty key still needs a name to point at
		}
		if prefix != "" {
			name = prefix + "." + name
		}
		f, ok := set[k]
		if !ok {
			known := make([]string, 0, len(set))
			for s := range set {
				known = append(known, s)
			}
			sort.Strings(known)
			r.fail(name, "unknown field; the fields here are: %s", strings.Join(known, ", "))
			continue
		}
		if m[k] == nil {
			continue // null is the same as absent
		}
		f(name, m[k])
	}
}

func (r *reader) str(field string, v any) string {
	s, ok := v.(string)
	if !ok {
		r.fail(field, "must be a string")
	}
	return s
}

func (r *reader) bool(field string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		r.fail(field, "must be true or false")
	}
	return b
}

func (r *reader) int(field string, v any, lo, hi int64) int {
	n, ok := v.(json.Number)
	if !ok {
		r.fail(field, "must be a whole number")
		return 0
	}
	i, err := n.Int64()
	if err != nil {
		r.fail(field, "%s is not a whole number", n)
		return 0
	}
	if i < lo || i > hi {
		r.fail(field, "%d is not from %d to %d", i, lo, hi)
		return 0
	}
	return int(i)
}

func (r *reader) date(field string, v any) Date {
	s := r.str(field, v)
	if r.err != nil {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		r.fail(field, "%v", err)
	}
	return d
}

func enum[T ~string](r *reader, field string, v any, allowed []T) T {
	s := T(r.str(field, v))
	if r.err != nil {
		return ""
	}
	if !oneOf(s, allowed) {
		shown := allowed
		if len(allowed) > 0 && allowed[0] == "" {
			shown = allowed[1:]
		}
		r.fail(field, "%q is not one of %s", s, list(shown))
		return ""
	}
	return s
}
