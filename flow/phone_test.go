package flow_test

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

func TestParsePhone(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"067 123 45 67", "+380671234567", ""},
		{"(067) 123-45-67", "+380671234567", ""},
		{"+380 67 123 45 67", "+380671234567", ""},
		{"380671234567", "+380671234567", ""},
		{"+48 601 234 567", "+48601234567", ""},
		{"67 123 45 67", "", "phone: \"67 123 45 67\" is not a phone number"},
		{"067 123 45 6x", "", "phone: \"067 123 45 6x\" is not a phone number: digits only"},
		{"+1 23", "", "is not a phone number"},
	} {
		got, err := flow.ParsePhone(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParsePhone(%q): error %v, want one saying %q", tc.in, err, tc.err)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	if got := flow.MaskPhone("+380671234567"); got != "+38********67" {
		t.Errorf("masked %q", got)
	}
	if flow.MaskPhone("") != "" {
		t.Error("no phone masked to something")
	}
}

// TestPhoneDroppedWhenSettled: the phone is kept while the case is under
// way and dropped when it is settled.
func TestPhoneDroppedWhenSettled(t *testing.T) {
	c := &flow.Case{Status: flow.StatusDecided, Phone: "+380671234567"}
	if err := c.Move(flow.StatusRefundOwed); err != nil || c.Phone == "" {
		t.Fatalf("owed: %v, phone %q", err, c.Phone)
	}
	if err := c.Move(flow.StatusRefunded); err != nil || c.Phone != "" {
		t.Errorf("refunded: %v, phone %q kept", err, c.Phone)
	}
}

func TestPhoneWords(t *testing.T) {
	for in, want := range map[string]string{"+380671234567": "+380 67 123 45 67", "+48601234567": "+48601234567", "": ""} {
		if got := flow.PhoneWords(in); got != want {
			t.Errorf("PhoneWords(%q) = %q, want %q", in, got, want)
		}
	}
}
