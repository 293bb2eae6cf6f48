package flow_test

import (
	"slices"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestHasSerial: a sale names its item's serial or IMEI, or leaves it empty
// for an accessory; blanks and dashes alone are none.
func TestHasSerial(t *testing.T) {
	for _, tt := range []struct {
		serial string
		want   bool
	}{
		{"356938035643809", true},
		{"C02XK0AAJGH5", true},
		{"", false},
		{"   ", false},
		{"-", false},
		{" - \t", false},
	} {
		if got := (flow.Sale{Serial: tt.serial}).HasSerial(); got != tt.want {
			t.Errorf("HasSerial(%q) = %v, want %v", tt.serial, got, tt.want)
		}
	}
}

// TestCheckSerialIfAny: a sale line's serial may be empty (an accessory);
// anything typed is checked as a serial is.
func TestCheckSerialIfAny(t *testing.T) {
	for _, tt := range []struct {
		serial string
		ok     bool
	}{
		{"", true},
		{"  ", true},
		{"356938035643809", true},
		{"356938035643808", false}, // its Luhn digit is wrong
		{"AB", false},
		{"AB CD 12", false},
	} {
		if err := flow.CheckSerialIfAny(tt.serial); (err == nil) != tt.ok {
			t.Errorf("CheckSerialIfAny(%q) = %v, want ok %v", tt.serial, err, tt.ok)
		}
	}
	if flow.CheckSerial("") == nil {
		t.Error("CheckSerial(\"\") passes: where a serial is needed, empty is not one")
	}
}

// TestChecklistFor: the serial's line is asked of an item that has a
// serial, at every policy that asks it at all, and of no item without one;
// every other line stays as the policy's checklist has it.
func TestChecklistFor(t *testing.T) {
	fields := func(cs []flow.Check) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Field)
		}
		return out
	}
	for _, name := range []string{"generic", "icenter", "citrus"} {
		p := builtin(t, name)
		all := fields(p.Checklist())
		if !slices.Contains(all, flow.SerialField) {
			t.Fatalf("%s: the checklist has no %s line", name, flow.SerialField)
		}
		for _, tt := range []struct {
			serial string
			asked  bool
		}{{"356938035643809", true}, {"", false}, {" - ", false}} {
			got := fields(p.ChecklistFor(flow.Sale{Serial: tt.serial}))
			if slices.Contains(got, flow.SerialField) != tt.asked {
				t.Errorf("%s, serial %q: checklist %v, serial line asked: want %v", name, tt.serial, got, tt.asked)
			}
			want := slices.DeleteFunc(slices.Clone(all), func(f string) bool { return !tt.asked && f == flow.SerialField })
			if !slices.Equal(got, want) {
				t.Errorf("%s, serial %q: checklist %v, want %v", name, tt.serial, got, want)
			}
		}
	}
}

// TestNoSerialCountsNothingAgainstTheItem: a case of an accessory, walked
// as the kiosk walks it (each step completed), records its serial as not
// mismatching: the engine warns of no serial exclusion, the review flags
// no mismatch. A phone whose serial the cashier found changed keeps both.
func TestNoSerialCountsNothingAgainstTheItem(t *testing.T) {
	for _, tt := range []struct {
		name     string
		serial   string
		matches  bool // what the inspection answered (the accessory is never asked)
		warned   bool
		mismatch bool
	}{
		{"accessory_never_asked", "", false, false, false},
		{"accessory_blank", "  ", false, false, false},
		{"phone_serial_changed", "356938035643809", false, true, true},
		{"phone_serial_matches", "356938035643809", true, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := cleanDefect()
			c.Sale.Serial = tt.serial
			c.Opened = at("2024-06-03")
			c.Status, c.Step, c.Done = flow.StatusOpen, flow.StepSale, 0
			for _, step := range []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments} {
				if err := c.Complete(step); err != nil {
					t.Fatalf("Complete(%s): %v", step, err)
				}
			}
			c.Inspection.SerialMatches = tt.matches
			if err := c.Complete(flow.StepInspection); err != nil {
				t.Fatal(err)
			}
			if got := c.Inspection.SerialMatches; got != (tt.matches || tt.serial == "" || tt.serial == "  ") {
				t.Errorf("SerialMatches = %v after the inspection", got)
			}
			d := decide(t, c, builtin(t, "generic"), "2024-06-03")
			if d.Outcome != flow.OutcomeServiceCentre {
				t.Fatalf("outcome %s, want service_centre: %v", d.Outcome, d.Explain)
			}
			if got := slices.Contains(d.Warnings, flow.ClauseWarrantyExclusions); got != tt.warned {
				t.Errorf("warranty-exclusions warned: %v, want %v (%v)", got, tt.warned, d.Explain)
			}
			c.Decision = &d
			found := false
			for _, f := range flow.Review(&c, flow.FraudRules{}, flow.Facts{}) {
				found = found || f.Flag == flow.FlagSerialMismatch
			}
			if found != tt.mismatch {
				t.Errorf("serial mismatch flagged: %v, want %v", found, tt.mismatch)
			}
		})
	}
}
