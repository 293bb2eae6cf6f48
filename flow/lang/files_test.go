package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The message files' keys, their plural forms and their fmt verbs hold
// together, and every message the code prints is in both files.

// areaFile reads one area's file of one language as its raw table: key ->
// the message, a string or its plural forms.
func areaFile(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := toml.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// areas are the areas there are message files of.
func areas(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(files, "messages/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if _, err := fileLang(n); err != nil {
			t.Error(err)
		}
		if a := strings.Split(filepath.Base(n), ".")[0]; !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// messageFile is every message of one language, from each area's file; a
// key in two areas is an error.
func messageFile(t *testing.T, l Lang) map[string]any {
	t.Helper()
	all := map[string]any{}
	for _, a := range areas(t) {
		for k, v := range areaFile(t, "messages/"+a+"."+string(l)+".toml") {
			if _, dup := all[k]; dup {
				t.Errorf("%q is in two areas' %s files", k, l)
			}
			all[k] = v
		}
	}
	return all
}

// forms are a message's texts by plural form ("" for a plain message).
func forms(v any) map[string]string {
	switch v := v.(type) {
	case string:
		return map[string]string{"": v}
	case map[string]any:
		out := map[string]string{}
		for k, x := range v {
			if s, ok := x.(string); ok {
				out[k] = s
			}
		}
		return out
	}
	return nil
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs are the fmt verbs of a text, sorted, %[n] indexes aside: a
// translation may put its arguments in another order.
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
		}
	}
	slices.Sort(out)
	return out
}

// pluralForms are the CLDR plural forms each language's counted messages
// must have.
var pluralForms = map[Lang][]string{EN: {"one", "other"}, UK: {"few", "many", "one", "other"}}

func TestMessageFiles(t *testing.T) {
	if _, err := bundle(); err != nil {
		t.Fatal(err)
	}
	for _, a := range areas(t) {
		en, uk := areaFile(t, "messages/"+a+".en.toml"), areaFile(t, "messages/"+a+".uk.toml")
		for _, pair := range [][2]map[string]any{{en, uk}, {uk, en}} {
			for k := range pair[0] {
				if _, ok := pair[1][k]; !ok {
					t.Errorf("%s: %q is in one language's file and not the other's", a, k)
				}
			}
		}
	}
	en, uk := messageFile(t, EN), messageFile(t, UK)
	for l, m := range map[Lang]map[string]any{EN: en, UK: uk} {
		for k, v := range m {
			fs := forms(v)
			if len(fs) > 1 || fs[""] == "" {
				var have []string
				for f := range fs {
					have = append(have, f)
				}
				slices.Sort(have)
				if !slices.Equal(have, pluralForms[l]) {
					t.Errorf("%s %q: plural forms %v, want %v", l, k, have, pluralForms[l])
				}
			}
			for f, text := range fs {
				if !slices.Equal(verbs(text), verbs(k)) {
					t.Errorf("%s %q (%s): verbs %v, the key's %v", l, k, f, verbs(text), verbs(k))
				}
			}
		}
	}
}

// TestEveryMessageTheCodePrintsIsInTheFiles scans the module's Go files
// (tests aside) of the packages that use this one for the messages they
// print, p.T("...") and p.N("..."), and finds each in both files, and no
// message in the files the code does not print.
func TestEveryMessageTheCodePrintsIsInTheFiles(t *testing.T) {
	used := usedMessages(t, filepath.Join("..", ".."))
	en := messageFile(t, EN)
	for k, at := range used {
		if _, ok := en[k]; !ok {
			t.Errorf("%s prints %q, which the message files lack", at, k)
		}
	}
	for k := range en {
		if _, ok := used[k]; !ok {
			t.Errorf("the message files have %q, which no code prints", k)
		}
	}
}

// usedMessages are the messages printed under root, each with where.
func usedMessages(t *testing.T, root string) map[string]string {
	t.Helper()
	byDir := map[string][]*ast.File{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	for _, fs := range byDir {
		if !usesLang(fs) {
			continue
		}
		for _, f := range fs {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				i, ok := printing(f.Name.Name, call.Fun)
				if !ok || len(call.Args) <= i {
					return true
				}
				if s, ok := literal(call.Args[i]); ok && !onlyVerbs(s) {
					used[s] = fset.Position(call.Args[i].Pos()).String()
				}
				return true
			})
		}
	}
	return used
}

// printingFuncs are the functions and methods that print a message, by
// name, each with the place of the message among its arguments: a
// Printer's T and N, the wrappers around them (the decider's explanation
// lines), Key, which marks a message printed later from a table,
// look.SayIn's doing ("save the case"), and the store's Said and SaidN, an
// audit event's words (printed later, by Event.DetailIn).
var printingFuncs = map[string]int{"T": 0, "N": 0, "line": 0, "lineN": 0, "Key": 0, "SayIn": 2, "Said": 0,
	"SaidN": 0}

// errorFuncs are the functions that build an error a person reads, whose
// message (a format) is printed later in a language (flow's Error.In), by
// the package they are called in ("" for any), as the call names them,
// each with the place of the message among its arguments: flow's Errorf
// (never fmt's), fieldErr and a policy file's problemf, and the store's own
// builders of flow errors.
var errorFuncs = map[string]map[string]int{
	"":      {"flow.Errorf": 1},
	"flow":  {"Errorf": 1, "fieldErr": 1, "problemf": 1},
	"store": {"caseErrorf": 2, "refine": 2, "failed": 0, "salesErrorf": 2},
}

// printing is where a call's message is when its function is one of
// printingFuncs, or one of errorFuncs of pkg, the package the call is in.
func printing(pkg string, fun ast.Expr) (int, bool) {
	var name, called string
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		name = f.Sel.Name
		if x, ok := f.X.(*ast.Ident); ok {
			called = x.Name + "." + name
		}
	case *ast.Ident:
		name, called = f.Name, f.Name
	}
	for _, in := range []string{"", pkg} {
		if i, ok := errorFuncs[in][called]; ok {
			return i, true
		}
	}
	i, ok := printingFuncs[name]
	return i, ok
}

// onlyVerbs reports whether a format is fmt verbs alone ("%v", an error
// said whole): no message of its own, its arguments print in the language.
func onlyVerbs(s string) bool { return strings.TrimSpace(verb.ReplaceAllString(s, "")) == "" }

// literal is the string an expression is when it is a string literal, or
// literals joined by + (a message too long for one line of code): a
// constant, the same message whole wherever the code writes it.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := literal(e.X)
		y, ok2 := literal(e.Y)
		return x + y, ok && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

// usesLang reports whether a package's files import this package, or are
// it.
func usesLang(fs []*ast.File) bool {
	for _, f := range fs {
		if f.Name.Name == "lang" {
			return true
		}
		for _, im := range f.Imports {
			switch strings.Trim(im.Path.Value, `"`) {
			case "example.com/returnsdesk/flow/lang", "example.com/returnsdesk/flow": // flow.Errorf prints in a language
				return true
			}
		}
	}
	return false
}
