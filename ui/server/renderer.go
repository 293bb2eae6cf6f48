package server

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// sessionRenderer is the renderer a session's kiosk draws with, on the
// session's own output, built without asking the terminal anything: wish's
// bubbletea.MakeRenderer asks the client for its background colour (OSC 11)
// and a client that never answers holds the session. Here the background is
// taken as dark (most tills are) and the colour profile comes from the pty's
// TERM alone: no colour for an empty TERM or "dumb", else the 16 ANSI
// colours, all the kiosk uses. The client's environment is not read.
func sessionRenderer(w io.Writer, term string) *lipgloss.Renderer {
	profile := profileFor(term)
	r := lipgloss.NewRenderer(w, termenv.WithProfile(profile), termenv.WithColorCache(true))
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	return r
}

// profileFor is the colour profile of a terminal type.
func profileFor(term string) termenv.Profile {
	switch t := strings.ToLower(strings.TrimSpace(term)); {
	case t == "" || t == "dumb":
		return termenv.Ascii
	default: // xterm*, screen*, tmux*, linux, vt*: the kiosk never needs more than 16 colours
		return termenv.ANSI
	}
}
