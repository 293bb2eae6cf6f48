package langtest

import (
	"slices"
	"testing"

	"example.com/returnsdesk/flow/lang"
)

func TestForeign(t *testing.T) {
	for _, tc := range []struct {
		screen  string
		allowed []string
		want    []string
	}{
		{"enter далі • esc назад", nil, nil},
		{"Серійний номер або IMEI", nil, nil},
		{"Модель  Galaxy A55", []string{"Galaxy", "A55"}, nil},
		{"Модель  Galaxy A55", nil, []string{`row 1 shows "Galaxy": "Модель  Galaxy A55"`,
			`row 1 shows "A55": "Модель  Galaxy A55"`}},
		{"рядок\n  saved ✓ saved", nil, []string{`row 2 shows "saved": "saved ✓ saved"`}},
		{"x перемкнути · RC · ctrl+a", nil, nil},
	} {
		got, err := Foreign(tc.screen, lang.UK, tc.allowed)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Foreign(%q) = %q, want %q", tc.screen, got, tc.want)
		}
	}
	// English's own files hold English
	if got, _ := Foreign("enter next", lang.EN, nil); got != nil {
		t.Errorf("English flagged on an English screen: %q", got)
	}
}
