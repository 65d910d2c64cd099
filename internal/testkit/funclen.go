package testkit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// MaxFuncLines is the project's bound on a function's length (doc
// comments and tables aside): a longer one does several steps that want
// names of their own.
const MaxFuncLines = 80

// FunctionsFit fails the test for every function (or method) in the
// files (paths relative to the package under test) that is longer than
// MaxFuncLines lines from its func line to its closing brace, naming it
// and its length.
func FunctionsFit(t testing.TB, files ...string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, filepath.Clean(name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			n := fset.Position(fn.Body.Rbrace).Line - fset.Position(fn.Pos()).Line + 1
			if n > MaxFuncLines {
				t.Errorf("%s: %s is %d lines long, more than %d: split it into functions that each do one step", name, fn.Name.Name, n, MaxFuncLines)
			}
		}
	}
}
