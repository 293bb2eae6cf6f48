package flow

import "fmt"

// Check is one line of the inspection checklist the kiosk shows: the field of
// Inspection it sets, the question, and the clauses of the policy it serves.
type Check struct {
	Field    string // the field's input name, as in the decide contract
	Question string
	Clauses  []ClauseID
}

// the inspection fields in the order a cashier looks at an item, and the
// clauses each may serve.
var checkFields = []struct {
	field, question string
	clauses         []ClauseID
}{
	{"signs_of_use", "Signs of use: scratches, chips, scuffs?", []ClauseID{ClauseUnused}},
	{"call_seconds", "Call counter (minutes:seconds)", []ClauseID{ClauseCallCounter}},
	{"software_modified", "Software changed (custom firmware, root, jailbreak)?", []ClauseID{ClauseSoftware}},
	{"complete_set", "Complete set: everything that came in the box?", []ClauseID{ClauseCompleteSet, ClauseSignificantDefect}},
	{"packaging_intact", "Packaging intact: no tears in the box or inner liners?", []ClauseID{ClausePackaging}},
	{"labels_intact", "All labels and factory markings kept?", []ClauseID{ClauseLabels}},
	{"seals_intact", "Warranty seals intact?", []ClauseID{ClauseSeals, ClauseWarrantyExclusions}},
	{"serial_matches", "Serial/IMEI matches the receipt and warranty card?", []ClauseID{ClauseWarrantyExclusions}},
	{"liquid_damage", "Signs of liquid damage?", []ClauseID{ClauseWarrantyExclusions}},
	{"mechanical_damage", "Mechanical damage (cracks, dents, bent parts)?", []ClauseID{ClauseWarrantyExclusions}},
	{"unauthorised_opening", "Signs of unauthorised opening or repair?", []ClauseID{ClauseWarrantyExclusions}},
}

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

// finding is one inspection clause checked against the item.
type finding struct {
	clause ClauseID
	pass   bool
	line   string
}

// returnFindings checks the item against every inspection clause of the
// policy that a return must pass, in the checklist's order.
func (p *Policy) returnFindings(in Inspection) []finding {
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
		"no signs of use", "signs of use (scratches, chips, scuffs): the item was used")
	if c.CallCounter != nil {
		max := c.CallCounter.MaxSeconds
		add(true, ClauseCallCounter, in.CallSeconds <= max,
			fmt.Sprintf("calls %s of %s allowed", MinSec(in.CallSeconds), MinSec(max)),
			fmt.Sprintf("calls %s: more than the %s allowed", MinSec(in.CallSeconds), MinSec(max)))
	}
	add(c.Software != nil, ClauseSoftware, !in.SoftwareModified,
		"software not changed", "the software was changed")
	add(c.CompleteSet != nil, ClauseCompleteSet, in.CompleteSet,
		"complete set", "the set is not complete")
	add(c.Packaging != nil, ClausePackaging, in.PackagingIntact,
		"packaging intact", "the packaging is damaged (tears in the box or inner liners)")
	add(c.Labels != nil, ClauseLabels, in.LabelsIntact,
		"labels and factory markings kept", "labels or factory markings are missing")
	add(c.Seals != nil, ClauseSeals, in.SealsIntact,
		"seals intact", "the seals are broken")
	return out
}

// exclusions lists what the inspection found that lets a service centre
// refuse warranty repair.
func exclusions(in Inspection) []string {
	var out []string
	if !in.SealsIntact {
		out = append(out, "warranty seals broken")
	}
	if in.LiquidDamage {
		out = append(out, "liquid damage")
	}
	if in.MechanicalDamage {
		out = append(out, "mechanical damage")
	}
	if in.UnauthorisedOpening {
		out = append(out, "signs of unauthorised opening or repair")
	}
	if !in.SerialMatches {
		out = append(out, "serial/IMEI does not match the receipt or warranty card")
	}
	return out
}

// MinSec writes seconds as minutes and seconds: 301 is "5:01".
func MinSec(s int) string { return fmt.Sprintf("%d:%02d", s/60, s%60) }
