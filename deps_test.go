package main_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The module's packages, and where the dependencies between them may point.
const (
	module = "example.com/returnsdesk"
	flow   = module + "/flow"
	// flowLang is flow's words: the message files flow explains itself with.
	flowLang = module + "/flow/lang"
	store    = module + "/store"
	ui       = module + "/ui"
	cli      = module + "/ui/cli"
	export   = module + "/ui/export"
)

// goList runs go list with args and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.Fields(string(out))
}

// ours is the packages of this module among pkgs, pkg itself left out.
func ours(pkg string, pkgs []string) []string {
	var got []string
	for _, p := range pkgs {
		if p != pkg && (p == module || strings.HasPrefix(p, module+"/")) {
			got = append(got, p)
		}
	}
	return got
}

// TestDependenciesPointOneWay holds the shape of the house: flow at the
// centre imports nothing of ours but its words (flow/lang), store persists
// flow's types and knows no screen, the exporter links no bubbletea, and
// only main runs the commands.
func TestDependenciesPointOneWay(t *testing.T) {
	if deps := ours(flow, goList(t, "-deps", flow)); len(deps) > 1 || len(deps) == 1 && deps[0] != flowLang {
		t.Errorf("flow imports %v: it must import nothing of ours but its words (flow/lang)", deps)
	}
	if deps := ours(flowLang, goList(t, "-deps", flowLang)); len(deps) > 0 {
		t.Errorf("flow/lang imports %v: it must import nothing of ours", deps)
	}

	storeDeps := ours(store, goList(t, "-deps", store))
	if !slices.Contains(storeDeps, flow) {
		t.Errorf("store does not import flow (its deps: %v): it persists flow's types", storeDeps)
	}
	for _, p := range storeDeps {
		if p == ui || strings.HasPrefix(p, ui+"/") {
			t.Errorf("store links %s: the data layer must not know the screens", p)
		}
	}

	for _, p := range goList(t, "-deps", export) {
		if p == "github.com/charmbracelet/bubbletea" || strings.HasPrefix(p, "github.com/charmbracelet/bubbletea/") {
			t.Errorf("ui/export links %s: an exporter is no screen", p)
		}
	}

	// every package's imports, its tests' too
	lines := goList(t, "-f", `{{.ImportPath}}:{{join .Imports ","}},{{join .TestImports ","}},{{join .XTestImports ","}}`,
		module+"/...")
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, ":")
		if pkg == module || pkg == cli {
			continue
		}
		if slices.Contains(strings.Split(imports, ","), cli) {
			t.Errorf("%s imports ui/cli: only main runs the commands", pkg)
		}
	}
}
