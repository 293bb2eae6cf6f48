// Package printouttest reads back, in tests, the acts ui/printout keeps:
// DATA/acts/CASE-N.txt, N the act's number among the store's documents.
package printouttest

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// LastAct is the text of the act of case id with the highest number in
// dir.
func LastAct(t testing.TB, dir, id string) []byte {
	t.Helper()
	files := ActFiles(dir, id)
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

// ActFiles are the text files of the acts of case id in dir, by number.
func ActFiles(dir, id string) []string {
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
