package auth_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"leaveguard/app/auth"
)

// TestRoleNamesSpelledOnce: outside app/auth, code names roles by the
// constants (auth.Admin ...), never by string literals that could drift.
func TestRoleNamesSpelledOnce(t *testing.T) {
	roles := map[string]bool{}
	for _, r := range auth.Roles {
		roles[r] = true
	}
	fset := token.NewFileSet()
	for _, root := range []string{"../../app", "../../handlers"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
				strings.Contains(filepath.ToSlash(path), "app/auth/") || strings.Contains(filepath.ToSlash(path), "/apptest/") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && roles[s] {
						t.Errorf("%s: role %q spelled as a literal; use the constant of app/auth (auth.Admin, auth.HR, auth.Auditor, auth.Payroll)", fset.Position(lit.Pos()), s)
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
}
