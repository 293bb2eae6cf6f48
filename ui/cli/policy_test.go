package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

func TestPolicyCommands(t *testing.T) {
	code, out, _ := run(t, "", "policy", "list")
	for _, name := range flow.Builtins {
		if code != ExitOK || !strings.Contains(out, name) {
			t.Errorf("policy list: exit %d, %q lacks %s", code, out, name)
		}
	}
	dir := t.TempDir()
	for _, name := range flow.Builtins {
		code, out, _ := run(t, "", "policy", "show", name)
		if code != ExitOK || !strings.Contains(out, `name = "`+name+`"`) {
			t.Fatalf("policy show %s: exit %d", name, code)
		}
		file := filepath.Join(dir, name+".toml")
		os.WriteFile(file, []byte(out), 0o644)
		code, out, errs := run(t, "", "policy", "check", file)
		if code != ExitOK || !strings.Contains(out, "is valid") {
			t.Errorf("policy check of the shown %s: exit %d %s%s", name, code, out, errs)
		}
	}
	if code, _, errs := run(t, "", "policy", "show", "acme"); code != ExitUsage || !strings.Contains(errs, "acme") {
		t.Errorf("policy show acme: exit %d %q", code, errs)
	}
	broken := filepath.Join(dir, "broken.toml")
	os.WriteFile(broken, []byte("name = \"mine\"\ncurrency = \"UAH\"\n\n[clauses.window]\ndays = 14\nsource = \"x\"\n\n[clauses.windw]\nsource = \"y\"\n"), 0o644)
	code, _, errs := run(t, "", "policy", "check", broken)
	if code != ExitFail || !strings.Contains(errs, "line 8: clauses.windw") {
		t.Errorf("a misspelt clause: exit %d %q", code, errs)
	}
	os.WriteFile(broken, []byte("name = \"mine\"\ncurrency = \"UAH\"\n[clauses.window\ndays = 14\n"), 0o644)
	code, _, errs = run(t, "", "policy", "check", broken)
	if code != ExitFail || !strings.Contains(errs, "line 3") {
		t.Errorf("a syntax error: exit %d %q", code, errs)
	}
}
