package flow

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"example.com/returnsdesk/flow/lang"
	"github.com/BurntSushi/toml"
)

// ClauseID is a rule's stable id, as in docs/rules.md, "Clauses". A
// decision lists the ids that decided it.
type ClauseID string

// The clause ids of docs/rules.md, "Clauses".
const (
	ClauseWindow             ClauseID = "window"
	ClauseUsedEquipment      ClauseID = "used-equipment"
	ClauseUnused             ClauseID = "unused"
	ClauseCallCounter        ClauseID = "call-counter"
	ClauseSoftware           ClauseID = "software"
	ClauseCompleteSet        ClauseID = "complete-set"
	ClausePackaging          ClauseID = "packaging"
	ClauseLabels             ClauseID = "labels"
	ClauseSeals              ClauseID = "seals"
	ClauseProofOfPurchase    ClauseID = "proof-of-purchase"
	ClauseWarrantyCard       ClauseID = "warranty-card"
	ClausePassport           ClauseID = "passport"
	ClauseRefundPayout       ClauseID = "refund-payout"
	ClauseReturnShipping     ClauseID = "return-shipping"
	ClauseSCAct              ClauseID = "sc-act"
	ClauseNoDefectFound      ClauseID = "no-defect-found"
	ClauseDefectExchange     ClauseID = "defect-exchange"
	ClauseWarrantyPeriod     ClauseID = "warranty-period"
	ClauseSignificantDefect  ClauseID = "significant-defect"
	ClauseWarrantyRepair     ClauseID = "warranty-repair"
	ClauseWarrantyExclusions ClauseID = "warranty-exclusions"
	ClauseUsedWarranty       ClauseID = "used-warranty"
	ClauseMarket             ClauseID = "market"
	ClauseNoLoaner           ClauseID = "no-loaner"
)

// Situation names a case the engine hands to a shift lead when the policy
// lists it under [escalate]: where the store's text contradicts itself.
// Where the text is silent, or shorter than the law, the engine escalates
// whether or not the situation is listed; listing it gives the reason in the
// store's own words.
type Situation string

// The situations a policy may list under [escalate].
const (
	// SituationReturnNewGoods: a return of new goods where the policy has no
	// window clause (iCenter's text is silent).
	SituationReturnNewGoods Situation = "return-new-goods"
	// SituationDefectRefundInWindow: a refund asked for a defect confirmed
	// within the return window where one clause promises an exchange only and
	// another an exchange or refund (generic G15 vs G12).
	SituationDefectRefundInWindow Situation = "defect-refund-in-window"
	// SituationSignificantDefect: a service centre's "significant defect"
	// where the policy has no significant-defect clause; the law (art. 8)
	// gives a refund or replacement.
	SituationSignificantDefect Situation = "significant-defect"
	// SituationWarrantyUnknown: a defect after the window on a sale that does
	// not state its warranty period.
	SituationWarrantyUnknown Situation = "warranty-unknown"
	// SituationWarrantyOutOfRange: a defect after the window on a sale whose
	// warranty months lie outside the policy's warranty-period range: the
	// receipt and the policy disagree.
	SituationWarrantyOutOfRange Situation = "warranty-out-of-range"
	// SituationShortWindow: a return after a window shorter than the law's
	// 14 days but within those 14 days.
	SituationShortWindow Situation = "short-window"
	// SituationRemoteReturn: a return sent by a delivery service where the
	// policy has no return-shipping clause.
	SituationRemoteReturn Situation = "remote-return"
)

// Situations lists every situation the engine knows.
var Situations = []Situation{SituationReturnNewGoods, SituationDefectRefundInWindow, SituationSignificantDefect,
	SituationWarrantyUnknown, SituationWarrantyOutOfRange, SituationShortWindow, SituationRemoteReturn}

// Law figures from Ukraine's Law "On Protection of Consumer Rights", art. 9.
const (
	LawWindowDays = 14 // days to return goods of proper quality, the day of purchase not counted
	LawPayoutDays = 7  // days at most to pay a refund
)

// Text is the source a clause comes from: the store's own words, quoted, so a
// shift lead can see what each rule rests on. Source is the English, which
// every clause has; SourceUK the same words in Ukrainian, as the store
// publishes them, for what the customer reads (the state language). A
// store's own file without SourceUK quotes the English to everyone (In).
type Text struct {
	Source   string `toml:"source"`
	SourceUK string `toml:"source_uk"`
}

// In is the quote in language l: the Ukrainian where the file gives one,
// else the English.
func (t *Text) In(l lang.Lang) string {
	if t == nil {
		return ""
	}
	return inLang(l, t.Source, t.SourceUK)
}

// inLang is the Ukrainian of a text for lang.UK when there is one, else the
// English.
func inLang(l lang.Lang, en, uk string) string {
	if l == lang.UK && strings.TrimSpace(uk) != "" {
		return uk
	}
	return en
}

// WindowClause is the return window.
type WindowClause struct {
	Text
	Days int `toml:"days"` // a return is accepted up to and including sale date + days
}

// CallCounterClause limits the calls on a phone's counter.
type CallCounterClause struct {
	Text
	MaxSeconds int `toml:"max_seconds"` // exactly this many seconds still passes
}

// ProofClause names the documents that confirm a purchase.
type ProofClause struct {
	Text
	Accepts []Document `toml:"accepts"` // any one of them will do
}

// PayoutClause sets when a refund must be paid.
type PayoutClause struct {
	Text
	DaysWithoutCash int `toml:"days_without_cash"` // when the till lacks cash; 0 pays on the day
}

// WarrantyPeriodClause bounds the warranty the store's goods carry; the
// sale states each item's own period in months.
type WarrantyPeriodClause struct {
	Text
	MinMonths int `toml:"min_months"`
	MaxMonths int `toml:"max_months"`
}

// RepairClause is a service centre's term in business days.
type RepairClause struct {
	Text
	MinBusinessDays int      `toml:"min_business_days"` // 0 when the service centre sets the term
	MaxBusinessDays int      `toml:"max_business_days"`
	Markets         []Market `toml:"markets"` // the markets the term holds for; empty for all
}

// MarketClause names markets whose terms a shift lead sets case by case.
type MarketClause struct {
	Text
	Individual []Market `toml:"individual"`
}

// Clauses holds the clauses of a policy. A clause that is absent does not
// apply at this store.
type Clauses struct {
	Window             *WindowClause         `toml:"window"`
	UsedEquipment      *Text                 `toml:"used-equipment"`
	Unused             *Text                 `toml:"unused"`
	CallCounter        *CallCounterClause    `toml:"call-counter"`
	Software           *Text                 `toml:"software"`
	CompleteSet        *Text                 `toml:"complete-set"`
	Packaging          *Text                 `toml:"packaging"`
	Labels             *Text                 `toml:"labels"`
	Seals              *Text                 `toml:"seals"`
	ProofOfPurchase    *ProofClause          `toml:"proof-of-purchase"`
	WarrantyCard       *Text                 `toml:"warranty-card"`
	Passport           *Text                 `toml:"passport"`
	RefundPayout       *PayoutClause         `toml:"refund-payout"`
	ReturnShipping     *Text                 `toml:"return-shipping"`
	SCAct              *Text                 `toml:"sc-act"`
	NoDefectFound      *Text                 `toml:"no-defect-found"`
	DefectExchange     *Text                 `toml:"defect-exchange"`
	WarrantyPeriod     *WarrantyPeriodClause `toml:"warranty-period"`
	SignificantDefect  *Text                 `toml:"significant-defect"`
	WarrantyRepair     *RepairClause         `toml:"warranty-repair"`
	WarrantyExclusions *Text                 `toml:"warranty-exclusions"`
	UsedWarranty       *RepairClause         `toml:"used-warranty"`
	Market             *MarketClause         `toml:"market"`
	NoLoaner           *Text                 `toml:"no-loaner"`
}

// Escalation is the store's reason for handing a situation to a shift lead,
// with the store's words it rests on; each in English and, beside it, in
// Ukrainian (ReasonUK, SourceUK), which a store's own file may leave out.
type Escalation struct {
	Reason   string `toml:"reason"`
	ReasonUK string `toml:"reason_uk"`
	Source   string `toml:"source"`
	SourceUK string `toml:"source_uk"`
}

// ReasonIn is the reason in language l: the Ukrainian where the file gives
// one, else the English.
func (e Escalation) ReasonIn(l lang.Lang) string { return inLang(l, e.Reason, e.ReasonUK) }

// SourceIn is the quote the reason rests on in language l: the Ukrainian
// where the file gives one, else the English.
func (e Escalation) SourceIn(l lang.Lang) string { return inLang(l, e.Source, e.SourceUK) }

// Policy is a store's return and warranty policy: its clauses with their
// parameters and source texts, and the situations that go to a shift lead.
type Policy struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
	// TitleUK is the title in Ukrainian: the act the customer signs names
	// the policy (TitleIn).
	TitleUK  string                   `toml:"title_uk"`
	Currency string                   `toml:"currency"`
	Law      string                   `toml:"law"`
	Clauses  Clauses                  `toml:"clauses"`
	Escalate map[Situation]Escalation `toml:"escalate"`
	// FraudTable is the [fraud] table: the thresholds of the fraud flags
	// (Review). Absent, or a key of it absent, takes the defaults: see Fraud.
	FraudTable *FraudTable `toml:"fraud"`
	// StoreServiceDays is the store's own term, in calendar days, for an item
	// at the service centre where the policy gives none: the store's setting,
	// set by whoever runs the policy at a store, never read from the file.
	// 0 takes DefaultServiceDays (ServiceDays).
	StoreServiceDays int `toml:"-"`
	// warnings are what ParsePolicy found missing but not wrong: see
	// Warnings.
	warnings []Problem
}

// TitleIn is the policy's title in language l: the Ukrainian where the file
// gives one, else the English.
func (p *Policy) TitleIn(l lang.Lang) string { return inLang(l, p.Title, p.TitleUK) }

// Quote is the text a clause of the policy comes from, in language l: the
// Ukrainian where the file gives one (source_uk), else the English
// (source); "" when the policy does not include the clause.
func (p *Policy) Quote(id ClauseID, l lang.Lang) string { return p.Source(id).In(l) }

// Reason is the policy's reason for a situation in language l (the
// Ukrainian where the file gives one, else the English), and whether the
// policy lists the situation.
func (p *Policy) Reason(s Situation, l lang.Lang) (string, bool) {
	e, ok := p.Escalate[s]
	return e.ReasonIn(l), ok
}

// Warnings lists what the file parsed leaves out that a customer would miss:
// a Ukrainian text (source_uk, reason_uk, title_uk) beside an English one.
// Such a policy is valid: its customers read the English where the
// Ukrainian is missing (Quote). The built-in policies have none.
func (p *Policy) Warnings() []Problem { return p.warnings }

// ServiceDays is the store's term, in calendar days, for an item at the
// service centre where the policy gives none of its own.
func (p *Policy) ServiceDays() int { return StoreServiceDays(p.StoreServiceDays) }

// ServiceDue is the day an item sent to the service centre today is
// expected back on the store's term (ServiceDays): where the policy gives
// no term of its own, and for a shift lead's decision.
func (p *Policy) ServiceDue(today Date) Date { return today.AddDays(p.ServiceDays()) }

// Has reports whether the policy includes the clause.
func (p *Policy) Has(id ClauseID) bool { return p.Source(id) != nil }

// Source is the text a clause of the policy comes from, or nil when the
// policy does not include the clause.
func (p *Policy) Source(id ClauseID) *Text {
	c := &p.Clauses
	switch id {
	case ClauseWindow:
		return textOf(c.Window)
	case ClauseUsedEquipment:
		return c.UsedEquipment
	case ClauseUnused:
		return c.Unused
	case ClauseCallCounter:
		return textOf(c.CallCounter)
	case ClauseSoftware:
		return c.Software
	case ClauseCompleteSet:
		return c.CompleteSet
	case ClausePackaging:
		return c.Packaging
	case ClauseLabels:
		return c.Labels
	case ClauseSeals:
		return c.Seals
	case ClauseProofOfPurchase:
		return textOf(c.ProofOfPurchase)
	case ClauseWarrantyCard:
		return c.WarrantyCard
	case ClausePassport:
		return c.Passport
	case ClauseRefundPayout:
		return textOf(c.RefundPayout)
	case ClauseReturnShipping:
		return c.ReturnShipping
	case ClauseSCAct:
		return c.SCAct
	case ClauseNoDefectFound:
		return c.NoDefectFound
	case ClauseDefectExchange:
		return c.DefectExchange
	case ClauseWarrantyPeriod:
		return textOf(c.WarrantyPeriod)
	case ClauseSignificantDefect:
		return c.SignificantDefect
	case ClauseWarrantyRepair:
		return textOf(c.WarrantyRepair)
	case ClauseWarrantyExclusions:
		return c.WarrantyExclusions
	case ClauseUsedWarranty:
		return textOf(c.UsedWarranty)
	case ClauseMarket:
		return textOf(c.Market)
	case ClauseNoLoaner:
		return c.NoLoaner
	}
	return nil
}

// textOf reaches the Text inside a clause, or nil for an absent clause.
func textOf[T interface {
	WindowClause | CallCounterClause | ProofClause | PayoutClause | WarrantyPeriodClause | RepairClause | MarketClause
}](c *T) *Text {
	if c == nil {
		return nil
	}
	switch v := any(c).(type) {
	case *WindowClause:
		return &v.Text
	case *CallCounterClause:
		return &v.Text
	case *ProofClause:
		return &v.Text
	case *PayoutClause:
		return &v.Text
	case *WarrantyPeriodClause:
		return &v.Text
	case *RepairClause:
		return &v.Text
	case *MarketClause:
		return &v.Text
	}
	return nil
}

// ClauseIDs lists every clause id the engine knows, in docs/rules.md's order ("Clauses").
var ClauseIDs = []ClauseID{ClauseWindow, ClauseUsedEquipment, ClauseUnused, ClauseCallCounter, ClauseSoftware,
	ClauseCompleteSet, ClausePackaging, ClauseLabels, ClauseSeals, ClauseProofOfPurchase, ClauseWarrantyCard,
	ClausePassport, ClauseRefundPayout, ClauseReturnShipping, ClauseSCAct, ClauseNoDefectFound, ClauseDefectExchange,
	ClauseWarrantyPeriod, ClauseSignificantDefect, ClauseWarrantyRepair, ClauseWarrantyExclusions, ClauseUsedWarranty,
	ClauseMarket, ClauseNoLoaner}

// ClauseIDsOf lists the clauses the policy includes, in docs/rules.md's order ("Clauses").
func (p *Policy) ClauseIDsOf() []ClauseID {
	var out []ClauseID
	for _, id := range ClauseIDs {
		if p.Has(id) {
			out = append(out, id)
		}
	}
	return out
}

// Escalation is the policy's reason for a situation, and whether it lists it.
func (p *Policy) Escalation(s Situation) (Escalation, bool) {
	e, ok := p.Escalate[s]
	return e, ok
}

// Problem is one thing wrong in a policy file, named by its line, its key or
// both.
type Problem struct {
	Line int
	Key  string
	Msg  string
	// the message's English format and arguments, to print it in another
	// language (In); none for the TOML parser's own words
	format string
	args   []any
}

func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Key != "":
		return fmt.Sprintf("line %d: %s: %s", p.Line, p.Key, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	case p.Key != "":
		return fmt.Sprintf("%s: %s", p.Key, p.Msg)
	}
	return p.Msg
}

// In is the problem in tr's language: its line and message (the TOML
// parser's own words stay as it writes them); a key is the file's own.
func (p Problem) In(tr *lang.Printer) string {
	msg := p.Msg
	if p.format != "" {
		msg = tr.T(p.format, argsIn(tr, p.args)...)
	}
	switch {
	case p.Line > 0 && p.Key != "":
		return tr.T("line %d: %s: %s", p.Line, p.Key, msg)
	case p.Line > 0:
		return tr.T("line %d: %s", p.Line, msg)
	case p.Key != "":
		return p.Key + ": " + msg
	}
	return msg
}

// PolicyError lists everything wrong in a policy file.
type PolicyError struct {
	File     string
	Problems []Problem
}

func (e *PolicyError) Error() string { return e.lines(Problem.String) }

// In is the error in tr's language, a line a problem.
func (e *PolicyError) In(tr *lang.Printer) string {
	return e.lines(func(p Problem) string { return p.In(tr) })
}

func (e *PolicyError) lines(say func(Problem) string) string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		if e.File != "" {
			b.WriteString(e.File + ": ")
		}
		b.WriteString(say(p))
	}
	return b.String()
}

// MaxPolicyBytes is the largest policy file read: a policy is a short TOML
// text (the built-in ones are a few KB).
const MaxPolicyBytes = 1 << 20

// ParsePolicy reads a policy file and checks it whole: TOML syntax, unknown
// keys, values out of range, and rules that break the law. file names the
// file in messages.
func ParsePolicy(data []byte, file string) (*Policy, error) {
	var p Policy
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&p)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The parser counts a newline that ends a bad line as the start
			// of the next; the byte offset says which line the person wrote.
			line := pe.Position.Line
			if s := pe.Position.Start; s >= 0 && s <= len(data) {
				line = 1 + bytes.Count(data[:s], []byte("\n"))
			}
			return nil, &PolicyError{File: file, Problems: []Problem{{Line: line, Key: pe.LastKey, Msg: pe.Message}}}
		}
		return nil, &PolicyError{File: file, Problems: []Problem{decodeProblem(err)}}
	}
	var probs []Problem
	problemf := func(key, format string, args ...any) {
		probs = append(probs, Problem{Line: lineOf(data, key), Key: key, Msg: fmt.Sprintf(format, args...),
			format: format, args: args})
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		switch {
		case len(k) == 2 && k[0] == "clauses":
			problemf(key, "%q is not a clause id; the clauses are: %s", k[1], list(ClauseIDs))
		case len(k) == 2 && k[0] == "escalate":
			problemf(key, "%q is not a situation; the situations are: %s", k[1], list(Situations))
		default:
			problemf(key, "unknown key")
		}
	}
	p.check(problemf)
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, &PolicyError{File: file, Problems: probs}
	}
	p.warnings = p.missingUkrainian(data)
	return &p, nil
}

// missingUkrainian names each English text of the policy that has no
// Ukrainian beside it, by the line of its table (or of the English key) and
// the Ukrainian key to add, in the order of the lines.
func (p *Policy) missingUkrainian(data []byte) []Problem {
	var out []Problem
	missing := func(en, uk, at, key string) {
		switch {
		case strings.TrimSpace(en) != "" && strings.TrimSpace(uk) == "":
			out = append(out, Problem{Line: lineOf(data, at), Key: key,
				Msg: "no Ukrainian beside the English: the customer is shown the English"})
		case strings.TrimSpace(uk) != "" && !hasCyrillic(uk):
			out = append(out, Problem{Line: lineOf(data, key), Key: key,
				Msg: "has no Cyrillic letter: is it the Ukrainian text?"})
		}
	}
	missing(p.Title, p.TitleUK, "title", "title_uk")
	for _, id := range ClauseIDs {
		if t := p.Source(id); t != nil {
			table := "clauses." + string(id)
			missing(t.Source, t.SourceUK, table, table+".source_uk")
		}
	}
	for _, s := range Situations {
		if e, ok := p.Escalate[s]; ok {
			table := "escalate." + string(s)
			missing(e.Reason, e.ReasonUK, table, table+".reason_uk")
			missing(e.Source, e.SourceUK, table, table+".source_uk")
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// hasCyrillic reports whether s has a Cyrillic letter: a Ukrainian text
// does.
func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// decodeProblem is a TOML value of the wrong type (source_uk = 5) as a
// problem naming its line and key, as a syntax error is: the TOML reader
// writes it `toml: line 6 (last key "clauses.window.source_uk"): msg`.
func decodeProblem(err error) Problem {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "toml: line ")
	num, rest, ok2 := strings.Cut(rest, " (last key ")
	key, text, ok3 := strings.Cut(rest, "): ")
	line, convErr := strconv.Atoi(num)
	if !ok || !ok2 || !ok3 || convErr != nil {
		return Problem{Msg: msg}
	}
	if k, err := strconv.Unquote(key); err == nil {
		key = k
	}
	return Problem{Line: line, Key: key, Msg: text}
}

// check finds values out of range and rules that break the law.
func (p *Policy) check(problemf func(key, format string, args ...any)) {
	if strings.TrimSpace(p.Name) == "" {
		problemf("name", "a policy needs a name")
	}
	if p.Currency == "" {
		problemf("currency", "a policy needs a currency, such as UAH")
	}
	c := &p.Clauses
	for _, id := range ClauseIDs {
		if t := p.Source(id); t != nil && strings.TrimSpace(t.Source) == "" {
			problemf("clauses."+string(id)+".source", "every clause quotes the text it comes from")
		}
	}
	if c.Window != nil && (c.Window.Days < 1 || c.Window.Days > 365) {
		problemf("clauses.window.days", "%d is not a number of days from 1 to 365", c.Window.Days)
	}
	if c.CallCounter != nil && (c.CallCounter.MaxSeconds < 0 || c.CallCounter.MaxSeconds > 86400) {
		problemf("clauses.call-counter.max_seconds", "%d is not a number of seconds from 0 to 86400", c.CallCounter.MaxSeconds)
	}
	if c.ProofOfPurchase != nil {
		if len(c.ProofOfPurchase.Accepts) == 0 {
			problemf("clauses.proof-of-purchase.accepts", "name at least one document: receipt or payment_proof")
		}
		for _, d := range c.ProofOfPurchase.Accepts {
			if d != DocReceipt && d != DocPaymentProof {
				problemf("clauses.proof-of-purchase.accepts", "%q is not a proof of purchase: receipt or payment_proof", d)
			}
		}
	}
	if c.RefundPayout != nil {
		if d := c.RefundPayout.DaysWithoutCash; d < 0 || d > LawPayoutDays {
			problemf("clauses.refund-payout.days_without_cash", "%d days: the law (art. 9) allows from 0 to %d", d, LawPayoutDays)
		}
	}
	if w := c.WarrantyPeriod; w != nil && (w.MinMonths < 0 || w.MaxMonths < w.MinMonths || w.MaxMonths > 120) {
		problemf("clauses.warranty-period", "min_months %d and max_months %d are not a range of months up to 120", w.MinMonths, w.MaxMonths)
	}
	for id, r := range map[ClauseID]*RepairClause{ClauseWarrantyRepair: c.WarrantyRepair, ClauseUsedWarranty: c.UsedWarranty} {
		if r == nil {
			continue
		}
		if r.MinBusinessDays < 0 || r.MaxBusinessDays < r.MinBusinessDays || r.MaxBusinessDays > 365 {
			problemf("clauses."+string(id), "min_business_days %d and max_business_days %d are not a range of business days up to 365",
				r.MinBusinessDays, r.MaxBusinessDays)
		}
		for _, m := range r.Markets {
			if !oneOf(m, Markets) {
				problemf("clauses."+string(id)+".markets", "%q is not one of %s", m, list(Markets))
			}
		}
	}
	if c.Market != nil {
		for _, m := range c.Market.Individual {
			if !oneOf(m, Markets) {
				problemf("clauses.market.individual", "%q is not one of %s", m, list(Markets))
			}
		}
	}
	if c.NoDefectFound != nil && c.SCAct == nil {
		problemf("clauses.no-defect-found", "applies to a defect claimed within the return window: it needs the sc-act clause")
	}
	if (c.SCAct != nil || c.DefectExchange != nil) && c.Window == nil {
		problemf("clauses.window", "sc-act and defect-exchange apply within the return window: the policy needs one")
	}
	if c.SCAct != nil && c.DefectExchange != nil {
		problemf("clauses.defect-exchange", "a defect within the window follows either sc-act or defect-exchange, not both")
	}
	p.checkFraud(problemf)
	for s, e := range p.Escalate {
		if !oneOf(s, Situations) {
			problemf("escalate."+string(s), "%q is not a situation; the situations are: %s", s, list(Situations))
			continue
		}
		if strings.TrimSpace(e.Reason) == "" {
			problemf("escalate."+string(s)+".reason", "say why this situation goes to a shift lead")
		}
	}
}

// lineOf finds the line of a dotted key in a TOML file, or 0. It follows
// table headers, so "clauses.window.days" is the days line under
// [clauses.window] (or a dotted key "days" written inside [clauses]).
func lineOf(data []byte, key string) int {
	table := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "[") {
			h := strings.Trim(line, "[] \t")
			if j := strings.Index(h, "]"); j >= 0 {
				h = h[:j]
			}
			table = strings.ReplaceAll(strings.TrimSpace(h), `"`, "")
			if table == key {
				return i + 1
			}
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k = strings.ReplaceAll(strings.TrimSpace(k), `"`, "")
		full := k
		if table != "" {
			full = table + "." + k
		}
		if full == key || strings.HasPrefix(key, full+".") {
			return i + 1
		}
	}
	return 0
}

//go:embed policies/*.toml
var builtinFS embed.FS

// Builtins lists the names of the policies built into the binary.
var Builtins = []string{"generic", "icenter", "citrus"}

// BuiltinFile is the text of a built-in policy file, the starting point for a
// store's own.
func BuiltinFile(name string) ([]byte, error) {
	for _, b := range Builtins {
		if b == name {
			return builtinFS.ReadFile("policies/" + name + ".toml")
		}
	}
	return nil, Errorf(EInvalid, "%q is not a built-in policy; the built-in policies are: %s", name, strings.Join(Builtins, ", "))
}

// Builtin is a built-in policy, parsed.
func Builtin(name string) (*Policy, error) {
	data, err := BuiltinFile(name)
	if err != nil {
		return nil, err
	}
	return ParsePolicy(data, name+".toml")
}
