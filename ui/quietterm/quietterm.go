// Package quietterm keeps the kiosk from asking the terminal anything before
// its first screen.
//
// bubbletea v1 asks the terminal for its background colour in its package
// init (an OSC 11 query, lipgloss.HasDarkBackground), and a terminal that
// never answers holds the program for termenv's 5 s timeout before main even
// runs. This package sets the answer first, from $COLORFGBG when the
// terminal gives it, else dark, so the query is never sent.
//
// It works because Go initializes packages in the order of their import
// paths, each after its own imports: this package imports lipgloss but not
// bubbletea, and the module's path (example.com/returnsdesk) sorts before
// github.com/charmbracelet/bubbletea, so this init runs between lipgloss's and
// bubbletea's. The module path must keep sorting before it:
// TestStartsOnATerminalThatNeverAnswers fails otherwise.
package quietterm

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

func init() {
	lipgloss.SetHasDarkBackground(darkBackground(os.Getenv("COLORFGBG")))
}

// darkBackground reads $COLORFGBG ("15;0": foreground 15 on background 0);
// without it the kiosk assumes a dark screen, as most tills have.
func darkBackground(colorfgbg string) bool {
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if colorfgbg == "" || err != nil {
		return true
	}
	return bg < 7 || bg == 8
}
