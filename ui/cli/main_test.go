package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// run runs returnsdesk with args and stdin, at a fixed clock, in English
// (RETURNSDESK_LANG=en): the tests of what the commands do read their
// English words. runIn speaks a store's own language.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runEnv(t, map[string]string{LangEnv: "en"}, stdin, args...)
}

// runIn runs returnsdesk as run does, with no language chosen: the
// commands speak the store's, else Ukrainian.
func runIn(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runEnv(t, nil, stdin, args...)
}

// runEnv runs returnsdesk as run does, in the environment vars.
func runEnv(t *testing.T, vars map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Now:    func() time.Time { return time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return vars[k] },
	}
	code = Main(env, args)
	return code, out.String(), errb.String()
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands {
		args := append(strings.Fields(c.name), "--help")
		code, out, errs := run(t, "", args...)
		if code != ExitOK || !strings.Contains(out, "Usage: returnsdesk "+c.name) {
			t.Errorf("%s --help: exit %d %q %q", c.name, code, out, errs)
		}
	}
	if code, out, _ := run(t, "", "--help"); code != ExitOK || !strings.Contains(out, "decide") {
		t.Errorf("--help: exit %d %q", code, out)
	}
	if code, _, errs := run(t, "", "frobnicate"); code != ExitUsage || !strings.Contains(errs, "frobnicate") {
		t.Errorf("an unknown command: exit %d %q", code, errs)
	}
}
