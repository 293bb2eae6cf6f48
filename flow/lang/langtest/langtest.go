// Package langtest finds English left on a screen meant to be in another
// language, for the tests of the kiosk's screens (golden files, the tmux
// end-to-end tests): a Latin word on a Ukrainian screen is one the
// Ukrainian message files hold (a key's name such as "enter", "IMEI", a
// clause's id), or one of the test's own data (a model, a staff member's
// name), or a string the code prints without its message file.
package langtest

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"example.com/returnsdesk/flow/lang"
)

// latinWord is a run of Latin letters, with the digits and marks a model
// name or a receipt number carries.
var latinWord = regexp.MustCompile(`[0-9]*[A-Za-z][A-Za-z0-9'’-]*`)

// KeyNames are the names of keys as help lines print them, in every
// language.
var KeyNames = strings.Fields(`ctrl shift alt tab enter esc space backspace pgup pgdn pgdown home end f1`)

var words = sync.OnceValues(func() (map[lang.Lang]map[string]bool, error) {
	out := map[lang.Lang]map[string]bool{}
	names, err := fs.Glob(lang.Files(), "messages/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		parts := strings.Split(path.Base(name), ".")
		if parts[0] == "cli" { // the commands' help quotes flags, columns and values: no screen shows it
			continue
		}
		l := lang.Lang(parts[1])
		if out[l] == nil {
			out[l] = map[string]bool{}
		}
		data, err := fs.ReadFile(lang.Files(), name)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, v := range m {
			for _, text := range texts(v) {
				for _, w := range latinWord.FindAllString(text, -1) {
					out[l][w] = true
				}
			}
		}
	}
	return out, nil
})

// texts are a message's texts: itself, or its plural forms.
func texts(v any) []string {
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

// short is a word of one or two capitals, or one letter: a key ("x"), the
// flags' letters ("RC"), not words of a language.
func short(w string) bool {
	return len(w) == 1 || len(w) == 2 && strings.ToUpper(w) == w
}

// Foreign are the rows of screen that show a Latin word l's message files
// (the screens' areas: all but cli's) do not hold, nor allowed (the test's data, clause ids), each as "row N
// shows "word": the row", each word once.
func Foreign(screen string, l lang.Lang, allowed []string) ([]string, error) {
	all, err := words()
	if err != nil {
		return nil, err
	}
	known := all[l]
	ok := map[string]bool{}
	for _, w := range append(append([]string{}, KeyNames...), allowed...) {
		ok[w] = true
	}
	var out []string
	seen := map[string]bool{}
	for i, row := range strings.Split(screen, "\n") {
		for _, w := range latinWord.FindAllString(row, -1) {
			bare := strings.TrimRight(w, "-'’")
			if short(w) || known[w] || known[bare] || ok[w] || ok[bare] || seen[w] {
				continue
			}
			seen[w] = true
			out = append(out, fmt.Sprintf("row %d shows %q: %q", i+1, w, strings.TrimSpace(row)))
		}
	}
	return out, nil
}
