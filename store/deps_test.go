package store

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps: the store links nothing of the terminal UI. Imports point one
// way (ui -> store -> flow); a store that linked bubbletea or lipgloss would
// have the data layer depend on the screen.
func TestDeps(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the store's dependencies")
	}
	out, err := exec.Command(goTool, "list", "-deps", "example.com/returnsdesk/store").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, p := range deps {
		switch {
		case strings.HasPrefix(p, "github.com/charmbracelet/"):
			t.Errorf("the store links %s, a package of the terminal UI", p)
		case p == "example.com/returnsdesk/ui" || strings.HasPrefix(p, "example.com/returnsdesk/ui/"):
			t.Errorf("the store links %s: imports point ui -> store, never back", p)
		}
	}
}
