package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// initArgs are init's flags for a store in dir, with over replacing (or,
// with an empty value, blanking) those it names.
func initArgs(dir string, over ...string) []string {
	flags := map[string]string{"--store-name": "Kyiv 1", "--policy": "citrus", "--time-zone": "Europe/Kyiv", "--lead": "Olena"}
	for i := 0; i+1 < len(over); i += 2 {
		flags[over[i]] = over[i+1]
	}
	args := []string{"init", "--data", dir}
	for _, f := range []string{"--store-name", "--policy", "--time-zone", "--lead", "--language"} {
		if v, ok := flags[f]; ok {
			args = append(args, f, v)
		}
	}
	return args
}

func TestInitMakesTheStoreTheFirstRunMakes(t *testing.T) {
	own := filepath.Join(t.TempDir(), "own.toml")
	ownText, err := flow.BuiltinFile("generic")
	if err != nil {
		t.Fatal(err)
	}
	ownText = bytes.Replace(ownText, []byte(`name = "generic"`), []byte(`name = "kyiv-own"`), 1)
	if err := os.WriteFile(own, ownText, 0o600); err != nil {
		t.Fatal(err)
	}
	citrus, _ := flow.BuiltinFile("citrus")
	tests := []struct {
		name       string
		over       []string
		stdin      string
		pin        string
		policy     string
		policyText string
		language   lang.Lang
	}{
		{"a built-in policy, the PIN on a line", nil, "123456\n", "123456", "citrus", string(citrus), lang.UK},
		{"the PIN ended by CRLF", nil, "567890\r\n", "567890", "citrus", string(citrus), lang.UK},
		{"the PIN without a newline", nil, "123456", "123456", "citrus", string(citrus), lang.UK},
		{"only the first line is the PIN", nil, "123456\n9999\n", "123456", "citrus", string(citrus), lang.UK},
		{"the store's own policy file", []string{"--policy", own}, "123456\n", "123456", "kyiv-own", string(ownText), lang.UK},
		{"names and zone trimmed", []string{"--store-name", "  Kyiv 1 ", "--time-zone", " Europe/Kyiv", "--lead", " Olena "},
			"123456\n", "123456", "citrus", string(citrus), lang.UK},
		{"a store in English", []string{"--language", "en"}, "123456\n", "123456", "citrus", string(citrus), lang.EN},
		{"Ukrainian named, in capitals", []string{"--language", "UK"}, "123456\n", "123456", "citrus", string(citrus), lang.UK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data") // init makes the folder
			code, out, errs := run(t, tt.stdin, initArgs(dir, tt.over...)...)
			if code != ExitOK || !strings.Contains(out, "ready") || !strings.Contains(out, "returnsdesk --data "+dir) {
				t.Fatalf("exit %d %q %q", code, out, errs)
			}
			if _, err := os.Stat(store.DefaultKeyFile(storeFile(dir))); err != nil {
				t.Fatalf("no passport key: %v", err)
			}
			st, err := store.Open(storeFile(dir), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if ok, err := st.Initialized(); !ok || err != nil {
				t.Fatalf("initialized %v %v", ok, err)
			}
			set, err := st.Settings()
			want := store.Settings{StoreName: "Kyiv 1", PolicyName: tt.policy, PolicyText: tt.policyText,
				TimeZone: "Europe/Kyiv", IdleMinutes: flow.DefaultIdleMinutes, ServiceDays: flow.DefaultServiceDays,
				Language: tt.language}
			if err != nil || set != want {
				t.Fatalf("settings %+v %v, want %+v", set, err, want)
			}
			if st.Location().String() != "Europe/Kyiv" {
				t.Errorf("location %s", st.Location())
			}
			m, err := st.Login("Olena", tt.pin, time.Now())
			if err != nil || m.Role != flow.RoleLead || m.AddedBy != "Olena" {
				t.Fatalf("login %+v %v", m, err)
			}
			evs, err := st.Events(0, 100)
			if err != nil {
				t.Fatal(err)
			}
			var setBy, addedBy string
			for _, ev := range evs {
				switch {
				case ev.Kind == store.EventSettings && ev.Detail != "store created":
					setBy = ev.Staff
				case ev.Kind == store.EventStaff && ev.Subject == "Olena":
					addedBy = ev.Staff
				}
			}
			if setBy != "Olena" || addedBy != "Olena" {
				t.Fatalf("the trail says settings by %q, lead added by %q: %+v", setBy, addedBy, evs)
			}
		})
	}
}

func TestInitRefusesBadInputNamingIt(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"bad\"\n[clauses.window]\ndays = -3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  func(dir string) []string
		stdin string
		want  []string // in the message
	}{
		{"a missing store name", func(d string) []string { return withoutFlag(initArgs(d), "--store-name") }, "123456\n",
			[]string{"--store-name is missing"}},
		{"a blank store name", func(d string) []string { return initArgs(d, "--store-name", "  ") }, "123456\n",
			[]string{"--store-name is missing"}},
		{"a store name on two lines", func(d string) []string { return initArgs(d, "--store-name", "Kyiv\n1") }, "123456\n",
			[]string{"--store-name: ", "only printable characters"}},
		{"a store name with an escape sequence", func(d string) []string { return initArgs(d, "--store-name", "Kyiv \x1b[31m1") },
			"123456\n", []string{"--store-name: ", "only printable characters"}},
		{"a store name too long", func(d string) []string { return initArgs(d, "--store-name", strings.Repeat("x", 61)) },
			"123456\n", []string{"--store-name: ", "at most 60 characters"}},
		{"a missing policy", func(d string) []string { return withoutFlag(initArgs(d), "--policy") }, "123456\n",
			[]string{"--policy is missing"}},
		{"a missing time zone", func(d string) []string { return withoutFlag(initArgs(d), "--time-zone") }, "123456\n",
			[]string{"--time-zone is missing"}},
		{"a missing lead", func(d string) []string { return withoutFlag(initArgs(d), "--lead") }, "123456\n",
			[]string{"--lead is missing"}},
		{"an unknown time zone", func(d string) []string { return initArgs(d, "--time-zone", "Mars/Base") }, "123456\n",
			[]string{"--time-zone", "Mars/Base"}},
		{"a policy neither built in nor a file", func(d string) []string { return initArgs(d, "--policy", "acme") }, "123456\n",
			[]string{"--policy", `"acme" is not a built-in policy`}},
		{"a policy file that cannot be read", func(d string) []string { return initArgs(d, "--policy", d+"/none.toml") }, "123456\n",
			[]string{"--policy", "cannot read the policy file"}},
		{"a policy file with problems", func(d string) []string { return initArgs(d, "--policy", bad) }, "123456\n",
			[]string{"--policy", "bad.toml", "days"}},
		{"an unknown language", func(d string) []string { return initArgs(d, "--language", "ru") }, "123456\n",
			[]string{"--language: ", `"ru" is not a language of the kiosk`}},
		{"a blank language", func(d string) []string { return initArgs(d, "--language", "") }, "123456\n",
			[]string{"--language: ", "uk (Ukrainian) or en (English)"}},
		{"a lead's name on two lines", func(d string) []string { return initArgs(d, "--lead", "Ole\nna") }, "123456\n",
			[]string{"--lead", "not a name for a staff member"}},
		{"a PIN too short", func(d string) []string { return initArgs(d) }, "123\n",
			[]string{"the PIN on standard input: a shift lead's PIN is 6 to 12 digits"}},
		{"a cashier's four digits are too few for a lead", func(d string) []string { return initArgs(d) }, "1234\n",
			[]string{"the PIN on standard input: a shift lead's PIN is 6 to 12 digits"}},
		{"a PIN of letters", func(d string) []string { return initArgs(d) }, "12ab\n",
			[]string{"the PIN on standard input: a shift lead's PIN is 6 to 12 digits"}},
		{"a PIN with a space", func(d string) []string { return initArgs(d) }, "123456 \n",
			[]string{"the PIN on standard input: a shift lead's PIN is 6 to 12 digits"}},
		{"an empty PIN line", func(d string) []string { return initArgs(d) }, "\n",
			[]string{"the PIN on standard input: a shift lead's PIN is 6 to 12 digits"}},
		{"no PIN line", func(d string) []string { return initArgs(d) }, "",
			[]string{"the PIN on standard input", "no PIN"}},
		{"an argument left over", func(d string) []string { return append(initArgs(d), "extra") }, "123456\n",
			[]string{`unexpected argument "extra"`}},
		{"an unknown flag", func(d string) []string { return append(initArgs(d), "--pin", "123456") }, "123456\n",
			[]string{"-pin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			code, out, errs := run(t, tt.stdin, tt.args(dir)...)
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d: %q %q", code, ExitUsage, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("the message %q does not say %q", errs, w)
				}
			}
			if strings.Contains(errs, "123456") && !strings.Contains(strings.Join(tt.args(dir), " "), "123456") {
				t.Errorf("the message shows the PIN: %q", errs)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the data folder was made: %v", err)
			}
		})
	}
}

// withoutFlag is args without the flag and its value.
func withoutFlag(args []string, flag string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		if args[i] == flag {
			i++
			continue
		}
		out = append(out, args[i])
	}
	return out
}

func TestInitRefusesAnExistingStore(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, dir string)
	}{
		{"a store set up by init", func(t *testing.T, dir string) {
			if code, _, errs := run(t, "432198\n", initArgs(dir, "--store-name", "First")...); code != ExitOK {
				t.Fatalf("the first init: exit %d %q", code, errs)
			}
		}},
		{"a store created but not set up", func(t *testing.T, dir string) {
			st, err := store.Open(storeFile(dir), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
		}},
		{"an empty store file", func(t *testing.T, dir string) {
			writeFile(t, storeFile(dir), nil)
		}},
		{"a damaged store file", func(t *testing.T, dir string) {
			writeFile(t, storeFile(dir), bytes.Repeat([]byte("not a store "), 1000))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.make(t, dir)
			before := readFiles(t, dir)
			code, out, errs := run(t, "123456\n", initArgs(dir)...)
			if code != ExitFail || !strings.Contains(errs, storeFile(dir)) || !strings.Contains(errs, "never changes a store") {
				t.Fatalf("exit %d %q %q", code, out, errs)
			}
			after := readFiles(t, dir)
			if len(after) != len(before) {
				t.Fatalf("files before %d, after %d", len(before), len(after))
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed", name)
				}
			}
		})
	}
}

func TestInitTwiceAtOnceMakesOneStore(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	codes := make([]int, 2)
	errs := make([]string, 2)
	for i := range codes {
		wg.Go(func() {
			codes[i], _, errs[i] = run(t, "123456\n", initArgs(dir, "--lead", []string{"Olena", "Taras"}[i])...)
		})
	}
	wg.Wait()
	ok := 0
	for i, c := range codes {
		switch c {
		case ExitOK:
			ok++
		case ExitFail:
		default:
			t.Errorf("init %d: exit %d %q", i, c, errs[i])
		}
	}
	if ok != 1 {
		t.Fatalf("%d of 2 succeeded: %v %q", ok, codes, errs)
	}
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	staff, err := st.ListStaff()
	if err != nil || len(staff) != 1 {
		t.Fatalf("staff %+v %v", staff, err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// readFiles is every file of dir by name.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}
