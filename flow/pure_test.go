package flow_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestFlowIsPure holds the house's dependency line: flow imports the
// standard library and the TOML reader, nothing of ours (store, ui) and no
// terminal or database package.
func TestFlowIsPure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			if strings.Contains(first, ".") && path != "github.com/BurntSushi/toml" || strings.HasPrefix(path, "returnsdesk") {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
