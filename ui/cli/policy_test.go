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
		if code != ExitOK || !strings.Contains(out, "is valid") || strings.Contains(out, "warning") || errs != "" {
			t.Errorf("policy check of the shown %s: exit %d %s%s", name, code, out, errs)
		}
	}
	// A store's file without the Ukrainian is valid, with a warning for each
	// text that lacks it.
	english := filepath.Join(dir, "english.toml")
	os.WriteFile(english, []byte("name = \"mine\"\ncurrency = \"UAH\"\n\n[clauses.window]\ndays = 14\nsource = \"x\"\n"+
		"\n[clauses.unused]\nsource = \"y\"\nsource_uk = \"без слідів\"\n"), 0o644)
	code, out, errs := run(t, "", "policy", "check", english)
	if code != ExitOK || !strings.Contains(out, "is valid: 2 clauses, 0 escalations, with 1 warning\n") ||
		errs != english+": warning: line 4: clauses.window.source_uk: no Ukrainian beside the English: the customer is shown the English\n" {
		t.Errorf("a file without the Ukrainian: exit %d %q %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "policy", "show", "acme"); code != ExitUsage || !strings.Contains(errs, "acme") {
		t.Errorf("policy show acme: exit %d %q", code, errs)
	}
	broken := filepath.Join(dir, "broken.toml")
	os.WriteFile(broken, []byte("name = \"mine\"\ncurrency = \"UAH\"\n\n[clauses.window]\ndays = 14\nsource = \"x\"\n\n[clauses.windw]\nsource = \"y\"\n"), 0o644)
	code, _, errs = run(t, "", "policy", "check", broken)
	if code != ExitFail || !strings.Contains(errs, "line 8: clauses.windw") {
		t.Errorf("a misspelt clause: exit %d %q", code, errs)
	}
	os.WriteFile(broken, []byte("name = \"mine\"\ncurrency = \"UAH\"\n[clauses.window\ndays = 14\n"), 0o644)
	code, _, errs = run(t, "", "policy", "check", broken)
	if code != ExitFail || !strings.Contains(errs, "line 3") {
		t.Errorf("a syntax error: exit %d %q", code, errs)
	}
}

// TestPolicyFileIsReadWithALimit: a policy file is a regular file of at most
// 1 MiB; /dev/zero (which grew memory to gigabytes), a folder or a file too
// large is refused with a message naming it, by every command that reads one.
func TestPolicyFileIsReadWithALimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	data, _ := flow.BuiltinFile("citrus")
	os.WriteFile(big, append(data, []byte("\n# "+strings.Repeat("x", 1<<20)+"\n")...), 0o644)
	files := map[string]string{big: "is larger than 1 MiB", dir: "is not a regular file"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		files["/dev/zero"] = "is not a regular file"
	}
	dataDir := filepath.Join(t.TempDir(), "data")
	for file, want := range files {
		for _, args := range [][]string{
			{"policy", "check", file},
			{"decide", "--policy", file},
			initArgs(dataDir, "--policy", file),
		} {
			stdin := "123456\n" // init's PIN
			if args[0] == "decide" {
				stdin = `{"sale":{"date":"2024-03-01"},"claim":"return","wants":"refund"}`
			}
			code, out, errs := run(t, stdin, args...)
			if code != ExitUsage || out != "" || !strings.Contains(errs, file+" "+want) {
				t.Errorf("%q: exit %d %q %q, want %q", args, code, out, errs, want)
			}
		}
	}
	if _, err := os.Stat(dataDir); err == nil {
		t.Error("init made a store with a policy it refused")
	}
}
