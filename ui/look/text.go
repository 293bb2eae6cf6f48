package look

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fit cuts a line to width columns, ending in "…" when cut; styles in the
// line survive the cut. It is the one truncator of the screens.
func Fit(s string, width int) string {
	if width <= 0 || lipgloss.Width(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// FitLeft keeps the end of a long line (a path, where its file name is),
// starting with "…" when cut.
func FitLeft(s string, width int) string {
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return "…" + string(r[len(r)-width+1:])
}

// Wrap breaks text into lines of at most width columns, at spaces; the
// lines after the first start with indent.
func Wrap(text string, width int, indent string) []string {
	var lines []string
	line := ""
	for _, w := range strings.FieldsFunc(text, breaks) {
		switch {
		case line == "":
			line = w
			if len(lines) > 0 {
				line = indent + w
			}
		case lipgloss.Width(line)+1+lipgloss.Width(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = indent + w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	for i, l := range lines {
		lines[i] = Fit(l, width)
	}
	return lines
}

// breaks reports whether a line may break at r: white space, but not a
// no-break space, which holds an amount together ("19 999,00 грн").
func breaks(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' }

// ShortID is the end of a case id, enough to tell today's cases apart on
// screen; the act and the audit carry the whole id.
func ShortID(id string) string {
	if len(id) > 6 {
		return id[len(id)-6:]
	}
	return id
}

// OrDash is s, or "-" when it is blank.
func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// PadRight is s with spaces after it to width cells, measured as the
// terminal draws it (a Cyrillic letter is one cell, two bytes); never cut.
func PadRight(s string, width int) string {
	return s + strings.Repeat(" ", max(width-lipgloss.Width(s), 0))
}

// PadLeft is s with spaces before it to width cells (an amount); never cut.
func PadLeft(s string, width int) string {
	return strings.Repeat(" ", max(width-lipgloss.Width(s), 0)) + s
}
