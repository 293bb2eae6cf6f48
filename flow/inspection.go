package flow

import (
	"fmt"

	"example.com/returnsdesk/flow/lang"
)

// Check is one line of the inspection checklist the kiosk shows: the field of
// Inspection it sets, the question, and the clauses of the policy it serves.
type Check struct {
	Field    string // the field's input name, as in the decide contract
	Question string
	Clauses  []ClauseID
}

// CallField is the checklist field the call counter answers; every other
// field of the checklist is a yes/no answer.
const CallField = "call_seconds"

// SerialField is the checklist field that says whether the item's serial or
// IMEI matches the receipt and the warranty card: asked only of an item
// that has one (Sale.HasSerial).
const SerialField = "serial_matches"

// the inspection fields in the order a cashier looks at an item, the clauses
// each may serve, and the answer it holds in an Inspection (flag is nil for
// the call counter, which holds seconds).
var checkFields = []struct {
	field, question string
	clauses         []ClauseID
	flag            func(*Inspection) *bool
}{
	{"signs_of_use", lang.Key("Signs of use: scratches, chips, scuffs?"), []ClauseID{ClauseUnused},
		func(in *Inspection) *bool { return &in.SignsOfUse }},
	{CallField, lang.Key("Call counter (minutes:seconds)"), []ClauseID{ClauseCallCounter}, nil},
	{"software_modified", lang.Key("Software changed (custom firmware, root, jailbreak)?"), []ClauseID{ClauseSoftware},
		func(in *Inspection) *bool { return &in.SoftwareModified }},
	{"complete_set", lang.Key("Complete set: everything that came in the box?"), []ClauseID{ClauseCompleteSet, ClauseSignificantDefect},
		func(in *Inspection) *bool { return &in.CompleteSet }},
	{"packaging_intact", lang.Key("Packaging intact: no tears in the box or inner liners?"), []ClauseID{ClausePackaging},
		func(in *Inspection) *bool { return &in.PackagingIntact }},
	{"labels_intact", lang.Key("All labels and factory markings kept?"), []ClauseID{ClauseLabels},
		func(in *Inspection) *bool { return &in.LabelsIntact }},
	{"seals_intact", lang.Key("Warranty seals intact?"), []ClauseID{ClauseSeals, ClauseWarrantyExclusions},
		func(in *Inspection) *bool { return &in.SealsIntact }},
	{SerialField, lang.Key("Serial/IMEI matches the receipt and warranty card?"), []ClauseID{ClauseWarrantyExclusions},
		func(in *Inspection) *bool { return &in.SerialMatches }},
	{"liquid_damage", lang.Key("Signs of liquid damage?"), []ClauseID{ClauseWarrantyExclusions},
		func(in *Inspection) *bool { return &in.LiquidDamage }},
	{"mechanical_damage", lang.Key("Mechanical damage (cracks, dents, bent parts)?"), []ClauseID{ClauseWarrantyExclusions},
		func(in *Inspection) *bool { return &in.MechanicalDamage }},
	{"unauthorised_opening", lang.Key("Signs of unauthorised opening or repair?"), []ClauseID{ClauseWarrantyExclusions},
		func(in *Inspection) *bool { return &in.UnauthorisedOpening }},
}

// InspectionFields are the names of every field of an inspection, in the
// order a cashier looks at an item: the decide contract's names, which the
// checklist, the act and the input share.
func InspectionFields() []string {
	out := make([]string, len(checkFields))
	for i, f := range checkFields {
		out[i] = f.field
	}
	return out
}

// CleanInspection is the inspection of a new, complete item: no signs of
// use, complete set, packaging, labels and seals intact, serial matching,
// no damage, no calls. Every answer that differs from it counts against a
// return.
func CleanInspection() Inspection {
	return Inspection{CompleteSet: true, PackagingIntact: true, LabelsIntact: true, SealsIntact: true,
		SerialMatches: true}
}

// Flag is the yes/no answer of a checklist field, by its name in the decide
// contract, to read or set; nil for the call counter and for a name the
// checklist does not know.
func (in *Inspection) Flag(field string) *bool {
	for _, f := range checkFields {
		if f.field == field && f.flag != nil {
			return f.flag(in)
		}
	}
	return nil
}

// Answer is a checklist field's answer in words, as the act prints it:
// "yes" or "no", the call counter as minutes:seconds, "?" for a name the
// checklist does not know.
func (in Inspection) Answer(field string) string { return in.AnswerIn(lang.English(), field) }

// AnswerIn is Answer in p's language ("так", "ні").
func (in Inspection) AnswerIn(p *lang.Printer, field string) string {
	if field == CallField {
		return MinSec(in.CallSeconds)
	}
	if f := in.Flag(field); f != nil {
		if *f {
			return p.T("yes")
		}
		return p.T("no")
	}
	return "?"
}

// QuestionIn is the check's question in p's language.
func (c Check) QuestionIn(p *lang.Printer) string { return p.T(c.Question) }

// Checklist is the inspection checklist of the policy: every field that
// serves one of its clauses, each naming the clauses it serves.
func (p *Policy) Checklist() []Check {
	var out []Check
	for _, f := range checkFields {
		var ids []ClauseID
		for _, id := range f.clauses {
			if p.Has(id) {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			out = append(out, Check{Field: f.field, Question: f.question, Clauses: ids})
		}
	}
	return out
}

// ChecklistFor is the checklist of the policy for the item sold in s: an
// item without a serial or IMEI (an accessory: a case, a cable) has none to
// match, so the serial's line is not asked.
func (p *Policy) ChecklistFor(s Sale) []Check {
	all := p.Checklist()
	if s.HasSerial() {
		return all
	}
	out := all[:0:0]
	for _, c := range all {
		if c.Field != SerialField {
			out = append(out, c)
		}
	}
	return out
}

// finding is one inspection clause checked against the item.
type finding struct {
	clause ClauseID
	pass   bool
	line   string
}

// returnFindings checks the item against every inspection clause of the
// policy that a return must pass, in the checklist's order, each finding's
// line in tr's language.
func (p *Policy) returnFindings(tr *lang.Printer, in Inspection) []finding {
	c := &p.Clauses
	var out []finding
	add := func(present bool, id ClauseID, pass bool, ok, bad string) {
		if !present {
			return
		}
		line := ok
		if !pass {
			line = bad
		}
		out = append(out, finding{id, pass, line})
	}
	add(c.Unused != nil, ClauseUnused, !in.SignsOfUse,
		tr.T("no signs of use"), tr.T("signs of use (scratches, chips, scuffs): the item was used"))
	if c.CallCounter != nil {
		max := c.CallCounter.MaxSeconds
		add(true, ClauseCallCounter, in.CallSeconds <= max,
			tr.T("calls %s of %s allowed", MinSec(in.CallSeconds), MinSec(max)),
			tr.T("calls %s: more than the %s allowed", MinSec(in.CallSeconds), MinSec(max)))
	}
	add(c.Software != nil, ClauseSoftware, !in.SoftwareModified,
		tr.T("software not changed"), tr.T("the software was changed"))
	add(c.CompleteSet != nil, ClauseCompleteSet, in.CompleteSet,
		tr.T("complete set"), tr.T("the set is not complete"))
	add(c.Packaging != nil, ClausePackaging, in.PackagingIntact,
		tr.T("packaging intact"), tr.T("the packaging is damaged (tears in the box or inner liners)"))
	add(c.Labels != nil, ClauseLabels, in.LabelsIntact,
		tr.T("labels and factory markings kept"), tr.T("labels or factory markings are missing"))
	add(c.Seals != nil, ClauseSeals, in.SealsIntact,
		tr.T("seals intact"), tr.T("the seals are broken"))
	return out
}

// exclusions lists what the inspection found that lets a service centre
// refuse warranty repair, in tr's language.
func exclusions(tr *lang.Printer, in Inspection) []string {
	var out []string
	if !in.SealsIntact {
		out = append(out, tr.T("warranty seals broken"))
	}
	if in.LiquidDamage {
		out = append(out, tr.T("liquid damage"))
	}
	if in.MechanicalDamage {
		out = append(out, tr.T("mechanical damage"))
	}
	if in.UnauthorisedOpening {
		out = append(out, tr.T("signs of unauthorised opening or repair"))
	}
	if !in.SerialMatches {
		out = append(out, tr.T("serial/IMEI does not match the receipt or warranty card"))
	}
	return out
}

// MinSec writes seconds as minutes and seconds: 301 is "5:01".
func MinSec(s int) string { return fmt.Sprintf("%d:%02d", s/60, s%60) }

// Fails reports whether the answer of checklist field counts against a
// return: a yes/no answer other than a clean item's (CleanInspection), or a
// call counter past the policy's limit. The act lists the failed checks
// first.
func (p *Policy) Fails(in Inspection, field string) bool {
	if field == CallField {
		c := p.Clauses.CallCounter
		return c != nil && in.CallSeconds > c.MaxSeconds
	}
	got, clean := in.Flag(field), CleanInspection()
	want := clean.Flag(field)
	return got != nil && want != nil && *got != *want
}
