package flow_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// banned are the standard packages flow must not import: flow is pure (no
// files, processes, network, system calls or logging; the clock is passed
// in), so that every rule can be tested with a table and run anywhere.
var banned = map[string]bool{
	"os": true, "os/exec": true, "os/signal": true, "net": true, "net/http": true, "syscall": true,
	"log": true, "log/slog": true, "io/ioutil": true, "path/filepath": true,
}

// allowed are the packages beyond the standard library that flow and its
// package of words, flow/lang, may import: the TOML reader, flow/lang (pure
// itself: its message files are embedded) and the message library it prints
// with.
func allowed(path string) bool {
	switch path {
	case "github.com/BurntSushi/toml", "example.com/returnsdesk/flow/lang", "golang.org/x/text/language":
		return true
	}
	return strings.HasPrefix(path, "github.com/nicksnyder/go-i18n/v2/")
}

// TestFlowIsPure holds the house's dependency line: flow and flow/lang
// import the standard library (less the packages above) and the packages
// allowed, nothing else of ours (store, ui), no terminal or database
// package, and never read the clock (time.Now).
func TestFlowIsPure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	words, err := filepath.Glob("lang/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, words...)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			if strings.Contains(first, ".") && !allowed(path) || banned[path] {
				t.Errorf("%s imports %s", name, path)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "time" && (sel.Sel.Name == "Now" || sel.Sel.Name == "Since" || sel.Sel.Name == "Until") {
				t.Errorf("%s: time.%s: flow takes the clock as an argument", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
