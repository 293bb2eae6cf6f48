// Package ui is the kiosk's screens: everything a cashier or a shift lead
// touches on the terminal. It reads and writes through store and decides
// through flow; the command line that opens it is ui/cli.
package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// ProgramOptions are the options the kiosk's bubbletea program runs with
// (tea.NewProgram(NewModel(deps), ProgramOptions()...)): the alt screen, and
// a filter that lets it quit only when the root Model has decided to.
func ProgramOptions() []tea.ProgramOption {
	return []tea.ProgramOption{tea.WithAltScreen(), tea.WithFilter(quitFilter)}
}

// quitFilter lets the program quit only when the root has decided to (after
// asking, where answers would be lost): no accidental quit.
func quitFilter(model tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.QuitMsg); ok {
		if m, ok := model.(*Model); ok && !m.quitting {
			if m.view == viewSetup || m.view == viewLogin {
				return msg
			}
			return nil
		}
	}
	return msg
}
