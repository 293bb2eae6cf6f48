package flow

import (
	"strings"
	"testing"
)

// The field checks the kiosk's forms call besides the decide contract's.

func TestIsIMEI(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"490154203237518", true},
		{" 490154203237518 ", true},
		{"490154203237517", false}, // check digit wrong
		{"49015420323751", false},  // 14 digits
		{"R-1001", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsIMEI(tt.in); got != tt.want {
			t.Errorf("IsIMEI(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCheckModel(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"a model", "Phone X 128GB (black)", ""},
		{"empty", "  ", "enter the model"},
		{"too long", strings.Repeat("x", 81), "at most 80 characters"},
		{"a control character", "Phone\tX", "only printable characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCheckMsg(t, CheckModel(tt.in), tt.err)
		})
	}
}

func TestCheckPersonName(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"latin", "Ivan Petrenko", ""},
		{"cyrillic with an apostrophe", "Мар'яна Коваль-Шевченко", ""},
		{"empty", "", "enter the name"},
		{"one letter", "I", "2 to 100 characters"},
		{"digits", "Ivan 2", "only letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCheckMsg(t, CheckPersonName(tt.in), tt.err)
		})
	}
}

// wantCheckMsg fails unless err is nil when want is empty, or says want.
func wantCheckMsg(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("error %v, want one saying %q", err, want)
	}
}
