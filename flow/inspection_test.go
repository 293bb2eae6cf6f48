package flow_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestInspectionFields: each checklist field, by its name in the decide
// contract, reads and sets the Inspection field of that JSON name, and
// reads in the words the act prints.
func TestInspectionFields(t *testing.T) {
	tests := []struct {
		field string
		in    flow.Inspection
		want  string
	}{
		{"signs_of_use", flow.Inspection{SignsOfUse: true}, "yes"},
		{"call_seconds", flow.Inspection{CallSeconds: 301}, "5:01"},
		{"software_modified", flow.Inspection{}, "no"},
		{"complete_set", flow.CleanInspection(), "yes"},
		{"packaging_intact", flow.Inspection{}, "no"},
		{"labels_intact", flow.CleanInspection(), "yes"},
		{"seals_intact", flow.CleanInspection(), "yes"},
		{"serial_matches", flow.Inspection{}, "no"},
		{"liquid_damage", flow.Inspection{LiquidDamage: true}, "yes"},
		{"mechanical_damage", flow.CleanInspection(), "no"},
		{"unauthorised_opening", flow.Inspection{UnauthorisedOpening: true}, "yes"},
		{"no_such_field", flow.CleanInspection(), "?"},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			if got := tt.in.Answer(tt.field); got != tt.want {
				t.Errorf("Answer = %q, want %q", got, tt.want)
			}
			var in flow.Inspection
			p := in.Flag(tt.field)
			if tt.field == flow.CallField || tt.want == "?" {
				if p != nil {
					t.Fatalf("Flag(%q) is a yes/no answer; it is not one", tt.field)
				}
				return
			}
			if p == nil {
				t.Fatalf("Flag(%q) is nil", tt.field)
			}
			*p = true
			data, _ := json.Marshal(in)
			var fields map[string]any
			if err := json.Unmarshal(data, &fields); err != nil {
				t.Fatal(err)
			}
			for name, v := range fields {
				if set := v == true; set != (name == tt.field) {
					t.Errorf("setting %q set %q to %v", tt.field, name, v)
				}
			}
		})
	}
}

// TestChecklistFieldsAreKnown: every line of every built-in policy's
// checklist is the call counter or a yes/no answer the kiosk can switch.
func TestChecklistFieldsAreKnown(t *testing.T) {
	for _, name := range flow.Builtins {
		t.Run(name, func(t *testing.T) {
			p, err := flow.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			var in flow.Inspection
			for _, ch := range p.Checklist() {
				if ch.Field != flow.CallField && in.Flag(ch.Field) == nil {
					t.Errorf("%s: no answer holds it", ch.Field)
				}
			}
		})
	}
}

// TestInspectionFieldsAreEveryField: the checklist's field names are the
// Inspection's own (its JSON names), every one of them, so the decide
// input, the checklist and the act read the same fields.
func TestInspectionFieldsAreEveryField(t *testing.T) {
	typ := reflect.TypeOf(flow.Inspection{})
	var tags []string
	for i := range typ.NumField() {
		tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		tags = append(tags, tag)
	}
	got := flow.InspectionFields()
	slices.Sort(tags)
	slices.Sort(got)
	if !slices.Equal(got, tags) {
		t.Errorf("InspectionFields = %v\nInspection's fields = %v", got, tags)
	}
	for _, name := range flow.InspectionFields() {
		var in flow.Inspection
		if name != flow.CallField && in.Flag(name) == nil {
			t.Errorf("%s: no yes/no answer", name)
		}
	}
}

// TestFails: the answers that count against a return, field by field.
func TestFails(t *testing.T) {
	p, err := flow.Builtin("citrus")
	if err != nil {
		t.Fatal(err)
	}
	if p.Clauses.CallCounter == nil {
		t.Fatal("citrus has no call counter")
	}
	max := p.Clauses.CallCounter.MaxSeconds
	dirty := flow.Inspection{SignsOfUse: true, CallSeconds: max + 1, LiquidDamage: true}
	for _, tc := range []struct {
		in    flow.Inspection
		field string
		fails bool
	}{
		{flow.CleanInspection(), "signs_of_use", false},
		{dirty, "signs_of_use", true},
		{flow.CleanInspection(), "complete_set", false},
		{dirty, "complete_set", true}, // the zero inspection's set is not complete
		{dirty, "liquid_damage", true},
		{flow.CleanInspection(), "liquid_damage", false},
		{flow.Inspection{CallSeconds: max}, flow.CallField, false},
		{dirty, flow.CallField, true},
		{dirty, "no_such_field", false},
	} {
		if got := p.Fails(tc.in, tc.field); got != tc.fails {
			t.Errorf("%s of %+v: fails %v, want %v", tc.field, tc.in, got, tc.fails)
		}
	}
}
