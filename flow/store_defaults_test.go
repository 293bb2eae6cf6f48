package flow_test

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestCheckIdleMinutes: a kiosk locks after 1 to 480 idle minutes; anything
// else (a negative number, 0, a number that overflows a Duration) is
// refused.
func TestCheckIdleMinutes(t *testing.T) {
	for n, ok := range map[int]bool{-5: false, 0: false, 1: true, 15: true, 480: true, 481: false, 2000000000: false} {
		err := flow.CheckIdleMinutes(n)
		if (err == nil) != ok {
			t.Errorf("CheckIdleMinutes(%d) = %v", n, err)
		}
		if err != nil && !strings.Contains(err.Error(), "from 1 to 480") {
			t.Errorf("CheckIdleMinutes(%d) says %q", n, err)
		}
	}
}

// TestCheckStoreName: a store's name is printed on every act and screen: 1
// to 60 printable characters, no line break, tab or escape sequence.
func TestCheckStoreName(t *testing.T) {
	for _, tc := range []struct {
		name, in, msg string
	}{
		{"a_name", "Kyiv 1", ""},
		{"cyrillic", "Київ, Хрещатик 22", ""},
		{"spaces_around_are_trimmed", "  Kyiv 1 ", ""},
		{"60_characters", strings.Repeat("Ї", 60), ""},
		{"empty", "  ", "enter the store's name"},
		{"61_characters", strings.Repeat("x", 61), "at most 60 characters"},
		{"a_newline", "Kyiv\n1", "only printable characters"},
		{"a_tab", "Kyiv\t1", "only printable characters"},
		{"an_escape_sequence", "Kyiv \x1b[2J1", "only printable characters"},
		{"a_bidi_override", "Kyiv \u202e1", "only printable characters"},
		{"a_nul", "Kyiv\x001", "only printable characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := flow.CheckStoreName(tc.in)
			if (err == nil) != (tc.msg == "") || err != nil && !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("CheckStoreName(%q) = %v, want %q", tc.in, err, tc.msg)
			}
		})
	}
}
