package handlers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// storeOnly are the methods that open store transactions or write audit
// rows: use cases (app/cases) call them, handlers never do.
var storeOnly = map[string]bool{
	"InTx": true, "ReadTx": true, "BatchTx": true, "OpenSnapshot": true,
	"Begin": true, "BeginTx": true, "Beginx": true, "BeginTxx": true, "MustBegin": true,
	"Audit": true, "AuditMany": true,
}

// TestHandlersOnlyAdapt: the HTTP adapters under handlers/ parse, call a use
// case and render; they open no store transaction, hold no *store.Tx and
// write no audit row.
func TestHandlersOnlyAdapt(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && storeOnly[sel.Sel.Name] {
					t.Errorf("%s: handlers call %s; move it into a use case (app/cases)", fset.Position(n.Pos()), sel.Sel.Name)
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "store" && n.Sel.Name == "Tx" {
					t.Errorf("%s: handlers hold a *store.Tx; take a use case's answer instead", fset.Position(n.Pos()))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
