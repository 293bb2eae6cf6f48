package paper

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrap: no line is wider than the width, in display columns; an amount
// stays whole on one line while it fits; a short word goes to the next line
// with the word after it; a word wider than the width is cut, nothing else.
func TestWrap(t *testing.T) {
	const amount = "19\u00a0999,00\u00a0грн"
	for _, tt := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "кошти до виплати", 20, []string{"кошти до виплати"}},
		{"cyrillic counts letters, not bytes", "Ґ Є І Ї № «»", 12, []string{"Ґ Є І Ї № «»"}},
		{"breaks at spaces", "кошти до виплати", 10, []string{"кошти", "до виплати"}},
		{"an amount moves whole", "до виплати: " + amount + " до 27.11.2026", 20,
			[]string{"до виплати:", amount, "до 27.11.2026"}},
		{"an amount as wide as the line", amount, 13, []string{amount}},
		{"an amount wider than the line is cut", amount, 10, []string{"19\u00a0999,00\u00a0", "грн"}},
		{"a short word binds", "ТОВ «Ґаджет», м. Київ", 16, []string{"ТОВ «Ґаджет»,", "м. Київ"}},
		{"the number sign binds", "чек за № 417", 10, []string{"чек за", "№ 417"}},
		{"a long id is cut", "01JD4Z8Q6X2K9M3N5P7R", 8, []string{"01JD4Z8Q", "6X2K9M3N", "5P7R"}},
		{"wide letters count two", "价格 价格 价格", 9, []string{"价格 价格", "价格"}},
		{"a line break stays", "перше\nдруге", 40, []string{"перше", "друге"}},
		{"spaces collapse", "  a   b  ", 40, []string{"a b"}},
		{"empty", "", 10, []string{""}},
		{"a width of one", "аб", 1, []string{"а", "б"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width, columns)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapAtEveryWidth: at every width from one to past the text's, no line
// is wider, no word is lost or reordered, and the amounts are whole on
// their line whenever they fit it.
func TestWrapAtEveryWidth(t *testing.T) {
	amounts := []string{"19\u00a0999,00\u00a0грн", "1\u00a0250,50\u00a0грн", "UAH\u00a019,999.00"}
	text := "Сума повернення 19\u00a0999,00\u00a0грн із 1\u00a0250,50\u00a0грн; повернути до 27.11.2026 на картку " +
		"(UAH\u00a019,999.00), номер звернення 01JD4Z8Q6X2K9M3N5P7R1T0VWY, ТОВ «Ґаджет-Їжак», м. Київ"
	for width := 1; width <= 200; width++ {
		lines := wrap(text, float64(width), columns)
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("width %d: the line %q is %d wide", width, l, w)
			}
		}
		if got, want := unspaced(strings.Join(lines, "")), unspaced(text); got != want {
			t.Fatalf("width %d: the words are %q, want %q", width, got, want)
		}
		for _, w := range words(text) {
			for _, a := range amounts {
				if strings.Contains(w, a) && ansi.StringWidth(w) <= width && !containsLine(lines, a) {
					t.Fatalf("width %d: %q is broken: %q", width, a, lines)
				}
			}
		}
	}
}

// unspaced is s without its spaces that break.
func unspaced(s string) string { return strings.Join(words(s), "") }

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestColumns: the quick count agrees with ansi's, letter by letter, over
// Latin, Cyrillic with its combining signs, accents, wide letters and
// controls.
func TestColumns(t *testing.T) {
	for _, s := range []string{"Ґ Є І Ї № «»", "й", "и\u0306", "a\u0301", "\u0483", "价格", "a\tb", "\u00a0", "\u200b", "\u2019", "\U0001F600", "UAH\u00a019,999.00"} {
		if got, want := columns(s), float64(ansi.StringWidth(s)); got != want {
			t.Errorf("columns(%q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		if s := string(r); narrow(r) && ansi.StringWidth(s) != 1 {
			t.Errorf("%U is taken as one column, ansi says %d", r, ansi.StringWidth(s))
		}
	}
}
