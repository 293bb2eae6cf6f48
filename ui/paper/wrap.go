package paper

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// measure is how wide a piece of text is: columns on a receipt, millimetres
// on a page.
type measure func(string) float64

// columns measures text in display columns (a Cyrillic letter is one, a
// wide CJK letter two, a combining accent none).
func columns(s string) float64 {
	n := 0
	for _, r := range s {
		if !narrow(r) {
			return float64(ansi.StringWidth(s)) // wide, zero-width or control: let ansi count graphemes
		}
		n++
	}
	return float64(n)
}

// narrow reports whether r is surely one column: printable Latin, Cyrillic,
// or a sign that is neither wide nor joins its neighbour.
func narrow(r rune) bool {
	switch {
	case r >= ' ' && r < 0x7f, r >= 0xa0 && r < 0x300 && r != 0xad: // 0xad: a soft hyphen, unseen
		return true
	case r >= 0x400 && r < 0x483, r >= 0x48a && r < 0x530:
		return true // Cyrillic, but its combining signs
	case r >= 0x1100, r < 0xa0:
		return false
	}
	return !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)
}

// breaks reports whether a line may break at r: white space, but not a
// no-break space, which holds an amount together ("19 999,00 грн").
func breaks(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007' && r != '\u2060'
}

// words is text cut at the spaces a line may break at; a no-break space
// stays inside its word.
func words(s string) []string { return strings.FieldsFunc(s, breaks) }

// wrap breaks text into lines no wider than width, at spaces that break; a
// line break in the text ("\n") starts a new line. A word wider than the
// whole width (a long id) is cut, so that no line is ever wider; an amount
// ("19 999,00 грн") is one word and is never cut while it fits the width.
func wrap(text string, width float64, m measure) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph(para, width, m)...)
	}
	return lines
}

func wrapParagraph(text string, width float64, m measure) []string {
	var lines []string
	var line []string // the words of the line being filled
	var lineW float64 // its width: a measure adds up, word by word
	space := m(" ")
	end := func() {
		lines = append(lines, strings.Join(line, " "))
		line, lineW = nil, 0
	}
	for _, w := range words(text) {
		ww := m(w)
		for ww > width {
			head, tail := cut(w, width, m)
			if len(line) > 0 {
				end()
			}
			line = []string{head}
			end()
			w, ww = tail, m(tail)
		}
		switch {
		case w == "":
		case len(line) == 0:
			line, lineW = []string{w}, ww
		case lineW+space+ww <= width:
			line, lineW = append(line, w), lineW+space+ww
		default:
			n := len(line)
			if last := line[n-1]; n > 1 && binds(last) && m(last)+space+ww <= width {
				line = line[:n-1]
				end()
				line, lineW = []string{last, w}, m(last)+space+ww
				continue
			}
			end()
			line, lineW = []string{w}, ww
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		end()
	}
	return lines
}

// binds reports whether a word goes to the next line with the word after
// it rather than end a line: a one- or two-letter word of a language
// written with spaces ("з", "і", "of"), an abbreviation ("м.", "No."), the
// number sign.
func binds(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "№" {
		return true
	}
	if w == "" || utf8.RuneCountInString(w) > 2 {
		return false
	}
	for _, r := range w {
		if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

// cut splits a word wider than width: the longest head that fits (at least
// one letter, so that a too narrow width still ends), and the rest.
func cut(w string, width float64, m measure) (head, tail string) {
	end := 0
	for i, r := range w {
		next := i + utf8.RuneLen(r)
		if end > 0 && m(w[:next]) > width {
			break
		}
		end = next
	}
	return w[:end], w[end:]
}

// widest is the width of the widest word of text: the narrowest column it
// can be wrapped into without a word cut.
func widest(text string, m measure) float64 {
	var most float64
	for _, w := range words(text) {
		most = max(most, m(w))
	}
	return most
}
