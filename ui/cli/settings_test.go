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

// TestSettingsServiceDays: the store's term for an item at the service
// centre is 1 to 365 days, 14 until it is set; out of range is refused,
// naming the flag, and changes nothing.
func TestSettingsServiceDays(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errs := run(t, "", "settings", "--data", dir); code != ExitOK || !strings.Contains(out, "service days:   14\n") {
		t.Fatalf("the default: exit %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--service-days", "21"); code != ExitOK ||
		!strings.Contains(out, "service days:   21\n") {
		t.Fatalf("21 days: exit %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--abandon-days", "30"); code != ExitOK ||
		!strings.Contains(out, "abandon days:   30\n") {
		t.Fatalf("abandoned after 30 days: exit %d %q %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "settings", "--data", dir, "--abandon-days", "0"); code != ExitUsage ||
		!strings.Contains(errs, "--abandon-days: ") || !strings.Contains(errs, "from 1 to 365") {
		t.Errorf("--abandon-days 0: exit %d %q", code, errs)
	}
	for _, bad := range []string{"0", "-5", "366", "2000000000"} {
		code, out, errs := run(t, "", "settings", "--data", dir, "--service-days", bad)
		if code != ExitUsage || out != "" || !strings.Contains(errs, "--service-days: ") || !strings.Contains(errs, "from 1 to 365") {
			t.Errorf("--service-days %s: exit %d %q %q", bad, code, out, errs)
		}
	}
	st, _ = store.Open(storeFile(dir), store.Options{})
	defer st.Close()
	if set, _ := st.Settings(); set.ServiceDays != 21 {
		t.Errorf("settings %+v", set)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv",
		ServiceDays: 400}, "Olena"); err == nil {
		t.Error("the store saved a term of 400 days")
	}
}

// TestSettingsRefusesBadValues: idle minutes out of 1-480 (which the kiosk
// ignored, or overflowed into a lock after 15 s) and a store name with a
// control character or too long are refused, naming the flag, and change
// nothing.
func TestSettingsRefusesBadValues(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv",
		IdleMinutes: 15}, "Olena"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"--idle-minutes", "-5"}, "--idle-minutes"},
		{[]string{"--idle-minutes", "0"}, "--idle-minutes"},
		{[]string{"--idle-minutes", "481"}, "--idle-minutes"},
		{[]string{"--idle-minutes", "2000000000"}, "--idle-minutes"},
		{[]string{"--store-name", "Kyiv\n1"}, "--store-name"},
		{[]string{"--store-name", "Kyiv \x1b[2J1"}, "--store-name"},
		{[]string{"--store-name", strings.Repeat("x", 61)}, "--store-name"},
		{[]string{"--store-name", " "}, "--store-name"},
		{[]string{"--policy", dir}, "--policy"}, // a folder: not a regular file
	} {
		code, out, errs := run(t, "", append([]string{"settings", "--data", dir}, tc.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, "returnsdesk settings: "+tc.flag+": ") {
			t.Errorf("%q: exit %d %q %q", tc.args, code, out, errs)
		}
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--idle-minutes", "480"); code != ExitOK ||
		!strings.Contains(out, "idle minutes:   480\n") {
		t.Errorf("480 minutes: exit %d %q %q", code, out, errs)
	}
	st, _ = store.Open(storeFile(dir), store.Options{})
	defer st.Close()
	if set, _ := st.Settings(); set.StoreName != "Kyiv 1" || set.IdleMinutes != 480 {
		t.Errorf("settings %+v", set)
	}
	for _, bad := range []store.Settings{
		{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv", IdleMinutes: 2000000000},
		{StoreName: "Kyiv\n1", PolicyName: "generic", TimeZone: "Europe/Kyiv"},
	} {
		if err := st.SaveSettings(bad, "Olena"); err == nil {
			t.Errorf("the store saved %+v", bad)
		}
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

// TestSettingsLanguage: a store set up before the setting reads as
// Ukrainian; --language switches it to English and back, and anything but
// uk or en is refused, naming the flag, and changes nothing.
func TestSettingsLanguage(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{StoreName: "Kyiv 1", PolicyName: "generic", TimeZone: "Europe/Kyiv"}, "Olena"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errs := run(t, "", "settings", "--data", dir); code != ExitOK ||
		!strings.Contains(out, "language:       uk (українська, the default)\n") {
		t.Fatalf("an old store: exit %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--language", "en"); code != ExitOK ||
		!strings.Contains(out, "language:       en (English)\n") {
		t.Fatalf("--language en: exit %d %q %q", code, out, errs)
	}
	for _, bad := range []string{"ru", "", "english", "uk,en"} {
		code, out, errs := run(t, "", "settings", "--data", dir, "--language", bad)
		if code != ExitUsage || out != "" || !strings.Contains(errs, "returnsdesk settings: --language: ") ||
			!strings.Contains(errs, "uk (Ukrainian) or en (English)") {
			t.Errorf("--language %q: exit %d %q %q", bad, code, out, errs)
		}
	}
	if code, out, errs := run(t, "", "settings", "--data", dir, "--language", "uk"); code != ExitOK ||
		!strings.Contains(out, "language:       uk (українська)\n") {
		t.Fatalf("--language uk: exit %d %q %q", code, out, errs)
	}
	st, _ = store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if set, _ := st.Settings(); set.Language != "uk" {
		t.Errorf("settings %+v", set)
	}
	evs, err := st.Events(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var trail []string
	for _, ev := range evs {
		if ev.Kind == store.EventSettings {
			trail = append(trail, ev.Detail)
		}
	}
	if got := strings.Join(trail[len(trail)-2:], "\n"); got != `language "uk" -> "en"`+"\n"+`language "en" -> "uk"` {
		t.Errorf("the settings events end:\n%s", got)
	}
	st.Close()
	if code, out, errs := run(t, "", "check", "--data", dir); code != ExitOK {
		t.Errorf("check: exit %d %q %q", code, out, errs)
	}
}
