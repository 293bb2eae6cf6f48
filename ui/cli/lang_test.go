package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The commands speak the store's language, Ukrainian unless it says
// otherwise; before there is a store, Ukrainian; --lang or RETURNSDESK_LANG
// chooses another over both.

// ukStore is a data folder with a store set up by init in Ukrainian, as
// runIn (no language chosen) makes it.
func ukStore(t *testing.T, over ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errs := runIn(t, "123456\n", initArgs(dir, over...)...)
	if code != ExitOK {
		t.Fatalf("init: exit %d %q %q", code, out, errs)
	}
	return dir
}

// says fails unless got holds each of want.
func says(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q does not say %q", what, got, w)
		}
	}
}

func TestUkrainianStoreCommandsSpeakUkrainian(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errs := runIn(t, "123456\n", initArgs(dir)...)
	if code != ExitOK {
		t.Fatalf("init: exit %d %q %q", code, out, errs)
	}
	says(t, "init", out, `магазин "Kyiv 1" готовий у `+dir+" (старший зміни Olena): запускайте його командою returnsdesk --data "+dir)

	code, out, errs = runIn(t, "", "settings", "--data", dir, "--idle-minutes", "30")
	if code != ExitOK {
		t.Fatalf("settings: exit %d %q %q", code, out, errs)
	}
	says(t, "settings", out, "назва магазину:  Kyiv 1\n", "хвилин простою:  30\n", "час закриття:    21:00 (типово)\n",
		"мова:            uk (українська)\n")

	pub, _, fp := tillKeyFile(t, t.TempDir(), 1)
	code, out, errs = runIn(t, "", "tills", "add", "till-2", "--key", pub, "--data", dir)
	if code != ExitOK {
		t.Fatalf("tills add: exit %d %q %q", code, out, errs)
	}
	says(t, "tills add", out, "додано касу till-2: ssh-ed25519 "+fp+", принтер -\n")
	code, out, _ = runIn(t, "", "tills", "list", "--data", dir)
	says(t, "tills list", out, "НАЗВА", "ВІДБИТОК", "ДОДАНО", "till-2")
	if code != ExitOK {
		t.Errorf("tills list: exit %d", code)
	}

	dest := filepath.Join(t.TempDir(), "day.csv")
	code, out, errs = runIn(t, "", "export", "--data", dir, "-o", dest)
	if code != ExitOK || out != "" {
		t.Fatalf("export: exit %d %q %q", code, out, errs)
	}
	says(t, "export's notice", errs, "0 справ за 15.03.2024 записано в "+dest+"\n")
	code, _, errs = runIn(t, "", "export", "--data", dir, "--summary", "-o", dest)
	says(t, "export's notice of a summary", errs, "підсумок за 15.03.2024 записано в "+dest+"\n")
	if code != ExitOK {
		t.Errorf("export --summary: exit %d", code)
	}

	code, out, errs = runIn(t, "", "check", "--data", dir)
	if code != ExitOK {
		t.Fatalf("check: exit %d %q %q", code, out, errs)
	}
	says(t, "check's report", out, storeFile(dir)+": усе гаразд\n", "  ланцюг аудиту:  5 подій, без розривів\n", "  працівники:     1 обліковий запис\n",
		"  справи:         0, їхні індекси, підсумки днів і виплати узгоджені\n", "  каси:           1, кожна зі своїм ключем",
		"  голова ланцюга: ")

	code, out, errs = runIn(t, "", "backup", "--data", dir, filepath.Join(t.TempDir(), "copy.db"))
	says(t, "backup", out, " і перевірено: 0 справ, ", "Ключа паспортів (")
	if code != ExitOK {
		t.Errorf("backup: exit %d %q", code, errs)
	}
}

// TestUkrainianRefusalsNameTheFlag: a refusal names the flag or argument,
// its words in Ukrainian.
func TestUkrainianRefusalsNameTheFlag(t *testing.T) {
	dir := ukStore(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{initArgs(filepath.Join(t.TempDir(), "x"), "--time-zone", "Mars/Base"),
			`returnsdesk init: --time-zone: "Mars/Base" — не часовий пояс на зразок Europe/Kyiv` + "\n"},
		{withoutFlag(initArgs(filepath.Join(t.TempDir(), "x")), "--lead"),
			"returnsdesk init: бракує --lead: ім'я першого старшого зміни\n"},
		{initArgs(filepath.Join(t.TempDir(), "x"), "--language", "ru"),
			`returnsdesk init: --language: "ru" — не мова кіоску: uk (українська) або en (англійська)` + "\n"},
		{[]string{"settings", "--data", dir, "--language", "fr"},
			`returnsdesk settings: --language: "fr" — не мова кіоску`},
		{[]string{"settings", "--data", dir, "--idle-minutes", "many"},
			`returnsdesk settings: --idle-minutes: "many" — не значення, яке він приймає` + "\n"},
		{[]string{"settings", "--data", dir, "--colour", "red"},
			"returnsdesk settings: --colour — не прапорець цієї команди; див. returnsdesk settings --help\n"},
		{[]string{"tills", "add", "till-3", "--data", dir},
			"returnsdesk tills add: --key: вкажіть файл відкритого ключа каси (--key FILE.pub)\n"},
		{[]string{"tills", "add", "--data", dir}, "returnsdesk tills add: NAME: назвіть касу (returnsdesk tills add NAME --key FILE.pub)\n"},
		{[]string{"export", "--data", dir, "--format", "xls"}, `returnsdesk export: --format: "xls" — не csv і не json` + "\n"},
		{[]string{"check", "--data", dir, "extra", "more"}, "returnsdesk check: щонайбільше один файл, а не "},
	} {
		code, out, errs := runIn(t, "123456\n", tc.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d %q %q, want %q", tc.args, code, out, errs, tc.want)
		}
	}
	// before a store exists: Ukrainian
	code, _, errs := runIn(t, "", "settings", "--data", t.TempDir())
	says(t, "settings without a store", errs, "returnsdesk settings: у ")
	says(t, "settings without a store", errs, ": спершу запустіть там кіоск\n")
	if code != ExitFail {
		t.Errorf("settings without a store: exit %d", code)
	}
}

// TestEnglishStoreSpeaksEnglish: a store set to English speaks English with
// no language chosen, init --language en too.
func TestEnglishStoreSpeaksEnglish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errs := runIn(t, "123456\n", initArgs(dir, "--language", "en")...)
	if code != ExitOK {
		t.Fatalf("init: exit %d %q %q", code, out, errs)
	}
	says(t, "init --language en", out, `the store "Kyiv 1" is ready in `+dir)
	_, out, _ = runIn(t, "", "settings", "--data", dir)
	says(t, "settings of an English store", out, "store name:     Kyiv 1\n", "language:       en (English)\n")
	_, out, _ = runIn(t, "", "check", "--data", dir)
	says(t, "check of an English store", out, ": OK\n", "  audit chain: ")
	// turned Ukrainian, it reports in Ukrainian at once
	_, out, _ = runIn(t, "", "settings", "--data", dir, "--language", "uk")
	says(t, "settings --language uk", out, "мова:            uk (українська)\n")
}

// TestLangChoosesTheCommandsLanguage: --lang before the command and
// RETURNSDESK_LANG choose the commands' language over the store's and the
// default.
func TestLangChoosesTheCommandsLanguage(t *testing.T) {
	dir := ukStore(t)
	english := map[string]string{LangEnv: "en"}
	for name, tc := range map[string]struct {
		vars map[string]string
		args []string
	}{
		"RETURNSDESK_LANG=en": {english, []string{"settings", "--data", dir}},
		"--lang en":           {nil, []string{"--lang", "en", "settings", "--data", dir}},
		"--lang=EN":           {nil, []string{"--lang=EN", "settings", "--data", dir}},
		"--lang over the env": {map[string]string{LangEnv: "uk"}, []string{"--lang", "en", "settings", "--data", dir}},
	} {
		code, out, errs := runEnv(t, tc.vars, "", tc.args...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d %q %q", name, code, out, errs)
		}
		says(t, name, out, "store name:     Kyiv 1\n", "language:       uk (українська)\n")
	}
	_, out, _ := runEnv(t, english, "", "check", "--data", dir)
	says(t, "check in English", out, ": OK\n", "  audit chain: ")
	_, _, errs := runEnv(t, english, "", "tills", "add", "--data", dir)
	says(t, "a refusal in English", errs, "returnsdesk tills add: NAME: name the till (returnsdesk tills add NAME --key FILE.pub)\n")

	// an English store read in Ukrainian
	en := ukStore(t, "--language", "en")
	_, out, _ = runEnv(t, map[string]string{LangEnv: "uk"}, "", "settings", "--data", en)
	says(t, "RETURNSDESK_LANG=uk on an English store", out, "мова:            en (English)\n")

	// the usage, and the language when there is no store
	_, out, _ = runIn(t, "", "--help")
	says(t, "--help", out, "Використання:", "Команди:", "перевірити файл магазину")
	_, out, _ = runEnv(t, english, "", "--help")
	says(t, "--help in English", out, "Usage:", "check the store: structure")
	_, out, _ = runIn(t, "", "--lang", "en", "policy", "check", filepath.Join("..", "..", "flow", "policies", "citrus.toml"))
	says(t, "policy check in English", out, "is valid: ")

	for name, tc := range map[string]struct {
		vars map[string]string
		args []string
		want string
	}{
		"--lang fr":           {nil, []string{"--lang", "fr", "settings"}, `returnsdesk: --lang: "fr" — не мова кіоску`},
		"--lang alone":        {nil, []string{"--lang"}, "returnsdesk: --lang: назвіть мову"},
		"RETURNSDESK_LANG=de": {map[string]string{LangEnv: "de"}, []string{"settings"}, `returnsdesk: RETURNSDESK_LANG: "de"`},
	} {
		code, out, errs := runEnv(t, tc.vars, "", tc.args...)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errs, tc.want) {
			t.Errorf("%s: exit %d %q %q, want %q", name, code, out, errs, tc.want)
		}
	}
}

// TestLangGoesToTheHolder: a command run inside the process that holds the
// store speaks the store's language there, or the one the client chose.
func TestLangGoesToTheHolder(t *testing.T) {
	dir := shortDir(t, ukStore(t))
	hold(t, dir)
	_, out, errs := runIn(t, "", "settings", "--data", dir)
	says(t, "settings beside the holder", out+errs, "назва магазину:  Kyiv 1\n")
	_, out, errs = runIn(t, "", "--lang", "en", "settings", "--data", dir)
	says(t, "settings beside the holder, --lang en", out+errs, "store name:     Kyiv 1\n")
	_, out, errs = runEnv(t, map[string]string{LangEnv: "en"}, "", "check", "--data", dir)
	says(t, "check beside the holder, RETURNSDESK_LANG=en", out+errs, ": OK\n")
	_, out, errs = runIn(t, "", "check", "--data", dir)
	says(t, "check beside the holder", out+errs, ": усе гаразд\n")
	if _, err := os.Stat(filepath.Join(dir, AdminSocket)); err != nil {
		t.Fatal(err)
	}
}

// TestHelpInUkrainian: every command's --help is in Ukrainian unless
// English is chosen.
func TestHelpInUkrainian(t *testing.T) {
	for _, c := range commands {
		args := append(strings.Fields(c.name), "--help")
		code, uk, _ := runIn(t, "", args...)
		_, en, _ := run(t, "", args...)
		if code != ExitOK || !strings.HasPrefix(uk, "Використання: returnsdesk "+c.name) || uk == en ||
			!strings.HasPrefix(en, "Usage: returnsdesk "+c.name) {
			t.Errorf("%s --help: exit %d\n%s\nin English:\n%s", c.name, code, uk, en)
		}
	}
	_, out, _ := runIn(t, "", "export", "--help")
	says(t, "export --help", out, "Стовпці CSV: case_id,day,")
	_, out, _ = runIn(t, "", "sales", "import", "--help")
	says(t, "sales import --help", out, "\n  receipt,")
}

// TestFailedCheckSpeaksTheStoresLanguage: check's report of an English
// store is in English when the check fails too, not only when it passes.
func TestFailedCheckSpeaksTheStoresLanguage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, out, errs := runIn(t, "123456\n", initArgs(dir, "--language", "en")...); code != ExitOK {
		t.Fatalf("init: exit %d %q %q", code, out, errs)
	}
	db, err := bolt.Open(storeFile(dir), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("staff")).Put([]byte("Mallory"), []byte(`{"name":"Mallory","role":"lead"}`))
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runIn(t, "", "check", "--data", dir)
	if code != ExitFail {
		t.Fatalf("check: exit %d", code)
	}
	says(t, "check's report", out, "FAILED, 1 problem:", "staff Mallory: the account is not as")
	says(t, "check's refusal", errs, "the store failed its check: restore the latest good backup")
}

// TestRepairSpeaksTheStoresLanguage: the repair of an English store says
// what it did in English.
func TestRepairSpeaksTheStoresLanguage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, out, errs := runIn(t, "123456\n", initArgs(dir, "--language", "en")...); code != ExitOK {
		t.Fatalf("init: exit %d %q %q", code, out, errs)
	}
	db, err := bolt.Open(storeFile(dir), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("staff")).Put([]byte("Mallory"), []byte(`{"name":"Mallory","role":"lead"}`))
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runIn(t, "123456\n", "repair", "--data", dir, "--lead", "Olena")
	if code != ExitOK {
		t.Fatalf("repair: exit %d %q %q", code, out, errs)
	}
	says(t, "repair", out, "the store is repaired", "dropped: the staff account Mallory")
}
