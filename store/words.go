package store

import (
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// An event's Detail is English: it is the record, which the chain hashes,
// check reads and the exports carry. Words, beside it, are the same words
// as a message of the message files (area trail) with its arguments, each
// typed enough to print in a language: the desk shows a trail in the
// lead's. Both are written from one place (Said): appendEvent fills Detail
// from Words, so they cannot disagree. An event without Words (one written
// before them, a note, a reason a person typed) prints its Detail as it is.

// EventWords is an event's detail as a message: its English format (a
// message of the files) with its arguments, or (Parts) messages joined by
// Sep, when a detail lists what changed.
type EventWords struct {
	Format string `json:"format,omitempty"`
	// Count, when set, makes the message a counted one (lang's N): its
	// plural form is Count's.
	Count *int          `json:"count,omitempty"`
	Args  []Word        `json:"args,omitempty"`
	Sep   string        `json:"sep,omitempty"`
	Parts []*EventWords `json:"parts,omitempty"`
}

// WordKind says how an argument of an event's words prints in a language.
type WordKind string

// The kinds of argument.
const (
	WordText      WordKind = ""          // a plain string as it is: a name, an id, a reason a person typed
	WordNumber    WordKind = "number"    // N
	WordMoney     WordKind = "money"     // N minor units of Currency
	WordDate      WordKind = "date"      // Text, YYYY-MM-DD
	WordMoment    WordKind = "moment"    // Text, YYYY-MM-DD HH:MM, in the store's zone
	WordStamp     WordKind = "stamp"     // Text, a moment in RFC 3339, with its zone
	WordStatus    WordKind = "status"    // Text, a flow.Status
	WordOutcome   WordKind = "outcome"   // Text, a flow.Outcome
	WordTender    WordKind = "tender"    // Text, a flow.Tender
	WordRole      WordKind = "role"      // Text, a flow.Role
	WordLang      WordKind = "lang"      // Text, a language's code
	WordDocuments WordKind = "documents" // List, flow.Documents
	WordFlags     WordKind = "flags"     // List, the names of a case's flags (Flags.Names)
	WordChanges   WordKind = "changes"   // List, a sale correction's changes (flow.ImportDiff's)
	WordMessage   WordKind = "message"   // Msg, a message of its own
)

// Word is one argument of an event's words.
type Word struct {
	Kind     WordKind    `json:"kind,omitempty"`
	Text     string      `json:"text,omitempty"`
	N        int64       `json:"n,omitempty"`
	Currency string      `json:"currency,omitempty"`
	List     []string    `json:"list,omitempty"`
	Msg      *EventWords `json:"msg,omitempty"`
}

// Said is an event's words: the message format (English, a message of the
// trail area) filled in with args, each kept by its kind: a flow.Money,
// flow.Date, flow.Status, flow.Outcome, flow.Tender, flow.Role, lang.Lang,
// []flow.Document, Flags, a moment (when), a number, or *EventWords (a
// message within); anything else is a plain string, as fmt prints it.
func Said(format string, args ...any) *EventWords {
	w := &EventWords{Format: format, Args: make([]Word, len(args))}
	for i, a := range args {
		w.Args[i] = wordOf(a)
	}
	return w
}

// SaidN is Said of a counted message, in the plural form of n.
func SaidN(format string, n int, args ...any) *EventWords {
	w := Said(format, args...)
	w.Count = &n
	return w
}

// Joined is messages joined by sep, in order: one detail that lists what
// changed.
func Joined(sep string, parts ...*EventWords) *EventWords {
	return &EventWords{Sep: sep, Parts: parts}
}

func wordOf(a any) Word {
	switch x := a.(type) {
	case string:
		return Word{Text: x}
	case int:
		return Word{Kind: WordNumber, N: int64(x)}
	case int64:
		return Word{Kind: WordNumber, N: x}
	case uint64:
		return Word{Kind: WordNumber, N: int64(x)}
	case flow.Money:
		return Word{Kind: WordMoney, N: x.Minor, Currency: x.Currency}
	case flow.Date:
		return Word{Kind: WordDate, Text: x.String()}
	case when:
		return Word{Kind: WordMoment, Text: x.String()}
	case stamp:
		return Word{Kind: WordStamp, Text: x.String()}
	case flow.Status:
		return Word{Kind: WordStatus, Text: string(x)}
	case flow.Outcome:
		return Word{Kind: WordOutcome, Text: string(x)}
	case flow.Tender:
		return Word{Kind: WordTender, Text: string(x)}
	case flow.Role:
		return Word{Kind: WordRole, Text: string(x)}
	case lang.Lang:
		return Word{Kind: WordLang, Text: string(x)}
	case []flow.Document:
		w := Word{Kind: WordDocuments, List: []string{}}
		for _, d := range x {
			w.List = append(w.List, string(d))
		}
		return w
	case Flags:
		return Word{Kind: WordFlags, List: append([]string{}, x.Names()...)}
	case SaleChanges:
		return Word{Kind: WordChanges, List: append([]string{}, x...)}
	case *EventWords:
		return Word{Kind: WordMessage, Msg: x}
	}
	return Word{Text: fmt.Sprint(a)}
}

// stamp is a moment as an event's words record it in RFC 3339, with its
// zone; as a day and a time in a person's language.
type stamp time.Time

func (s stamp) String() string { return time.Time(s).Format(time.RFC3339) }

// SaleChanges are a sale correction's changes (flow.SaleCorrection's) as
// an argument of an event's words: "; " between them in the record, each
// in a person's language in another.
type SaleChanges []string

func (c SaleChanges) String() string { return strings.Join(c, "; ") }

// English is the words in English as the record writes them: the event's
// Detail.
func (w *EventWords) English() string { return w.print(nil) }

// In is the words in p's language.
func (w *EventWords) In(p *lang.Printer) string { return w.print(p) }

// print is the words in p's language; in the record's English for nil.
func (w *EventWords) print(p *lang.Printer) string {
	if w == nil {
		return ""
	}
	if w.Parts != nil {
		s := make([]string, len(w.Parts))
		for i, part := range w.Parts {
			s[i] = part.print(p)
		}
		return strings.Join(s, w.Sep)
	}
	args := make([]any, len(w.Args))
	for i, a := range w.Args {
		args[i] = a.value(p)
	}
	switch {
	case p == nil:
		return fmt.Sprintf(w.Format, args...)
	case w.Count != nil:
		return p.N(w.Format, *w.Count, args...)
	}
	return p.T(w.Format, args...)
}

// value is the argument as fmt is to print it in p's language; for nil,
// as the record prints it: the value Said was given, or what fmt prints
// the same.
func (a Word) value(p *lang.Printer) any {
	switch a.Kind {
	case WordNumber:
		return a.N
	case WordMoney:
		m := flow.Money{Minor: a.N, Currency: a.Currency}
		if p == nil {
			return m
		}
		return m.In(p)
	case WordDate:
		d, err := flow.ParseDate(a.Text)
		if p == nil || err != nil {
			return a.Text
		}
		return d.In(p)
	case WordMoment:
		t, err := time.Parse("2006-01-02 15:04", a.Text)
		if p == nil || err != nil {
			return a.Text
		}
		return when(t).In(p)
	case WordStamp:
		t, err := time.Parse(time.RFC3339, a.Text)
		if p == nil || err != nil {
			return a.Text
		}
		return when(t).In(p)
	case WordMessage:
		return a.Msg.print(p)
	case WordDocuments, WordFlags:
		return a.list(p)
	case WordChanges:
		if p == nil {
			return SaleChanges(a.List).String()
		}
		return flow.ChangesIn(p, a.List)
	}
	if p == nil {
		return a.Text
	}
	return a.wordIn(p)
}

// wordIn is a flow word in p's words.
func (a Word) wordIn(p *lang.Printer) string {
	switch a.Kind {
	case WordStatus:
		return flow.Status(a.Text).WordsIn(p)
	case WordOutcome:
		return flow.Outcome(a.Text).WordsIn(p)
	case WordTender:
		return flow.Tender(a.Text).WordsIn(p)
	case WordRole:
		return flow.Role(a.Text).WordsIn(p)
	case WordLang:
		if l, err := lang.Parse(a.Text); err == nil {
			return l.Name()
		}
	}
	return a.Text
}

// list is a list of documents or of flags: in the record, documents as
// flow.DocumentWords writes them and flags by name (Flags.String).
func (a Word) list(p *lang.Printer) string {
	if a.Kind == WordDocuments {
		ds := make([]flow.Document, len(a.List))
		for i, d := range a.List {
			ds[i] = flow.Document(d)
		}
		if p == nil {
			return flow.DocumentWords(ds)
		}
		return flow.DocumentWordsIn(p, ds)
	}
	if p == nil {
		return strings.Join(a.List, ",")
	}
	var s []string
	for _, f := range a.List {
		if f == "signed_off" { // the sign-off it is in says so
			continue
		}
		if k, ok := trailFlagWords[f]; ok {
			f = p.T(k)
		}
		s = append(s, f)
	}
	if len(s) == 0 {
		return p.T("none")
	}
	return strings.Join(s, ", ")
}

// trailFlagWords are a case's flags (Flags.Names) as a trail names them:
// the desk's words for them.
var trailFlagWords = map[string]string{"override": lang.Key("override"), "escalated": lang.Key("escalated"),
	"repeat": lang.Key("repeat returns"), "no_receipt": lang.Key("refund without a receipt"),
	"name_mismatch": lang.Key("name does not match"), "remote": lang.Key("sent by delivery"),
	"used": lang.Key("used equipment"), "warnings": lang.Key("warnings"), "refund_paid": lang.Key("refund paid"),
	"paid_late": lang.Key("refund paid late"), "cash_refund": lang.Key("large cash refund"),
	"serial_mismatch": lang.Key("serial does not match"), "same_person": lang.Key("opened and decided by one person"),
	"voided": lang.Key("voided"), "sale_corrected": lang.Key("imported sale corrected")}

// DetailIn is the event's detail in p's language: its Words printed in
// it, or its Detail as it is for an event without words (a note, a reason
// a person typed, one written before words) and whenever the words in
// English would not be its Detail. English is the Detail itself.
func (ev Event) DetailIn(p *lang.Printer) string {
	if ev.Words == nil || ev.Words.English() != ev.Detail {
		return ev.Detail
	}
	if p == nil || p.Lang() == lang.EN {
		return ev.Detail
	}
	return ev.Words.In(p)
}
