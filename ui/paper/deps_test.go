package paper_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps: paper receives words already in a language and knows no case:
// it links nothing of ours (no store, no flow, no flow/lang) and no terminal
// package (charmbracelet/x/ansi only measures text).
func TestDeps(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list paper's dependencies")
	}
	const paper = "example.com/returnsdesk/ui/paper"
	out, err := exec.Command(goTool, "list", "-deps", paper).Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, p := range deps {
		switch {
		case p != paper && strings.HasPrefix(p, "example.com/returnsdesk"):
			t.Errorf("paper links %s: it is given a document's words, not a case", p)
		case strings.HasPrefix(p, "github.com/charmbracelet/") && p != "github.com/charmbracelet/x/ansi" &&
			!strings.HasPrefix(p, "github.com/charmbracelet/x/ansi/"),
			strings.HasPrefix(p, "github.com/muesli/"):
			t.Errorf("paper links %s, a terminal package", p)
		}
	}
}
