package cli

import (
	"strings"
	"testing"

	"example.com/returnsdesk/store"
)

func TestSettingsCommand(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "", "settings", "--data", dir); code != ExitFail || !strings.Contains(errs, "no store") {
		t.Fatalf("no store: exit %d %q", code, errs)
	}
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errs := run(t, "", "settings", "--data", dir, "--print-command", "lp -d till1", "--policy", "citrus", "--by", "Olena")
	if code != ExitOK || !strings.Contains(out, "print command:  lp -d till1") || !strings.Contains(out, "policy:         citrus") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "settings", "--data", dir, "--time-zone", "Mars/Base"); code != ExitUsage || !strings.Contains(errs, "Mars/Base") {
		t.Fatalf("a bad zone: exit %d %q", code, errs)
	}
	st, _ = store.Open(storeFile(dir), store.Options{})
	defer st.Close()
	set, _ := st.Settings()
	if set.TimeZone != "Europe/Kyiv" || set.PrintCommand != "lp -d till1" || !strings.Contains(set.PolicyText, "days = 14") {
		t.Fatalf("settings %+v", set)
	}
}

func TestSettingsClosingTime(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errs := run(t, "", "settings", "--data", dir); code != ExitOK || !strings.Contains(out, "closing time:   21:00 (default)") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--closing-time", "20:00"); code != ExitOK || !strings.Contains(out, "closing time:   20:00") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	for bad, want := range map[string]string{"25:00": "the hour 25", "20:75": "the minute 75", "8pm": "HH:MM"} {
		if code, _, errs := run(t, "", "settings", "--data", dir, "--closing-time", bad); code != ExitUsage || !strings.Contains(errs, want) {
			t.Errorf("--closing-time %s: exit %d %q", bad, code, errs)
		}
	}
}
