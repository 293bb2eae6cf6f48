// Package ui is the kiosk's screens: everything a cashier or a shift lead
// touches on the terminal. It reads and writes through store and decides
// through flow; the command line that opens it is ui/cli.
package ui

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
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

// LoadPolicy is the policy named by a built-in's name or by the path of a
// store's own file. The setup screen checks the file a lead names with it.
func LoadPolicy(nameOrFile string) (*flow.Policy, error) {
	if slices.Contains(flow.Builtins, nameOrFile) {
		return flow.Builtin(nameOrFile)
	}
	data, err := os.ReadFile(nameOrFile)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(nameOrFile, `/\.`) {
			return nil, fmt.Errorf("%q is not a built-in policy (%s) nor a file", nameOrFile, strings.Join(flow.Builtins, ", "))
		}
		return nil, fmt.Errorf("cannot read the policy file: %w", err)
	}
	return flow.ParsePolicy(data, nameOrFile)
}
