package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"example.com/returnsdesk/flow"
)

// A Ukrainian screen shows no English: every Latin word on it is one the
// Ukrainian message files hold (a key's name, "enter", "IMEI", the
// product's name) or one of the tests' own data (a model, a staff member's
// name, a receipt number), so a string the code prints without its message
// file fails the screen's golden test. A clause's id is shown as it is,
// in small print. Every golden test named ...UK runs
// this check on the screen it compares.

// latinWord is a run of Latin letters, with the digits and marks a model
// name or a receipt number carries.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'’-]*`)

// fixtureWords are the tests' data that a screen shows as it is typed: the
// staff, the store, the models and receipts, the passport's name.
var fixtureWords = strings.Fields(`Olena Petro Ivan Marta Test store Galaxy A55 S23 S24 256GB Pixel Xiaomi iPhone 128GB
	AirPods Pro Redmi Note MacBook Air Kindle Charger 20W CH-20-0042 Samsung R-1001 R-1901 R-1902 R-1903 R-2001 R-2002
	R-2003 R-2004 R-2005 R-2006 R-2007 SEQ HASH UAH citrus icenter generic Phone X GB W
	ctrl shift alt tab enter esc space backspace pgup pgdown home end`)

// ukWords are the Latin words the Ukrainian message files' texts hold.
var ukWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, w := range fixtureWords {
		words[w] = true
	}
	for _, id := range flow.ClauseIDs { // ids, in small print, as scripts read them
		words[string(id)] = true
	}
	names, _ := filepath.Glob(filepath.Join("..", "flow", "lang", "messages", "*.uk.toml"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			panic(err)
		}
		for _, v := range m {
			for _, text := range textsOf(v) {
				for _, w := range latinWord.FindAllString(text, -1) {
					words[w] = true
				}
			}
		}
	}
	return words
})

// textsOf are a message's texts: itself, or its plural forms.
func textsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// requireUkrainian fails the test for each Latin word on the screen that
// neither the Ukrainian messages nor the tests' data hold.
func requireUkrainian(t *testing.T, view string) {
	t.Helper()
	words := ukWords()
	seen := map[string]bool{}
	for i, line := range strings.Split(view, "\n") {
		for _, w := range latinWord.FindAllString(line, -1) {
			if short(w) || words[w] || words[strings.TrimRight(w, "-'’")] || seen[w] {
				continue
			}
			{
				seen[w] = true
				t.Errorf("row %d shows %q, which is not in the Ukrainian messages: %q", i+1, w, strings.TrimSpace(line))
			}
		}
	}
}

// short is a word of one or two capitals, or one letter: a key ("x"), the
// flags' letters ("RC"), not words of a language.
func short(w string) bool {
	return len(w) == 1 || len(w) == 2 && strings.ToUpper(w) == w
}

// checkSpeaks runs requireUkrainian on a golden test's screen when the
// test is a Ukrainian one (named ...UK, or a subtest of one).
func checkSpeaks(t *testing.T, view string) {
	t.Helper()
	if top, _, _ := strings.Cut(t.Name(), "/"); strings.HasSuffix(top, "UK") {
		requireUkrainian(t, view)
	}
}
