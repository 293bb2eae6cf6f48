package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// lastAct is the text of the act of case id with the highest number in
// dir (CASE-N.txt, N its number among the store's documents).
func lastAct(t *testing.T, dir, id string) []byte {
	t.Helper()
	files := actFiles(dir, id)
	if len(files) == 0 {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("no act for case %s (acts/ holds %v)", id, entries)
	}
	b, err := os.ReadFile(files[len(files)-1])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// actFiles are the text files of the acts of case id in dir, by number.
func actFiles(dir, id string) []string {
	matches, _ := filepath.Glob(filepath.Join(dir, id+"-*.txt"))
	type numbered struct {
		n    int
		path string
	}
	var out []numbered
	for _, m := range matches {
		rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), id+"-"), ".txt")
		if n, err := strconv.Atoi(rest); err == nil {
			out = append(out, numbered{n, m})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n < out[j].n })
	paths := make([]string, len(out))
	for i, o := range out {
		paths[i] = o.path
	}
	return paths
}

// flat is a document's text with each line's runs of spaces made one, and
// its lines joined by one: a label and its value read "Store Test store",
// at any width.
func flat(b []byte) string {
	return strings.TrimSpace(spaces.ReplaceAllString(string(b), " "))
}

// spaces are ASCII blanks: a no-break space is part of an amount.
var spaces = regexp.MustCompile(`[ \t\r\n]+`)
