package annotation

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// spelledOut lists the files allowed to name kinds or roles in a string,
// with the reason.
var spelledOut = map[string]string{
	// Prose about the Alt+S/T/M shortcuts; the picker derives the
	// shortcut letters themselves from Roles.
	"app/help.go": "help text",
}

// Kinds, Roles and Stances are the one source of actor kinds, roles and
// stances: no string
// in the program (tests and this package's definitions aside) is a kind or
// a role, or lists two of them, so that a kind or role added to the lists
// reaches every chooser, usage line and check without further edits. Each
// place that offers them has its own test that it offers all of Kinds and
// Roles.
func TestKindsAndRolesHaveOneHome(t *testing.T) {
	var words []string
	all := append(append(KindNames(), RoleNames()...), StanceNames()...)
	for _, n := range all {
		words = append(words, regexp.QuoteMeta(n))
	}
	alt := `\b(?:` + strings.Join(words, "|") + `)\b`
	list := regexp.MustCompile(alt + `(?:\s*[,|/;]\s*|\s+(?:or|and|oder|und)\s+)` + alt)
	exact := map[string]bool{}
	for _, n := range all {
		exact[n] = true
	}
	root := ".."
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") ||
			rel == "annotation/actor.go" || rel == "annotation/highlight.go" || rel == "annotation/stance.go" || spelledOut[rel] != "" {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok && constantsIn(cl) >= 2 {
				t.Errorf("%s: a hand-kept list of kinds, roles or stances; use annotation.Kinds/Roles/Stances or KindNames/RoleNames/StanceNames", fset.Position(cl.Pos()))
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			if exact[s] || list.MatchString(s) {
				t.Errorf("%s: the string %q spells out an actor kind, role or stance; use annotation's constants, Kinds/Roles/Stances, KindNames/RoleNames/StanceNames or KindChoices/RoleChoices/StanceChoices", fset.Position(lit.Pos()), s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d Go files under %s: is this the repository?", checked, root)
	}
}

func TestChoices(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a or b"},
		{[]string{"a", "b", "c"}, "a, b or c"},
	} {
		if got := choices(tc.in); got != tc.want {
			t.Errorf("choices(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if KindChoices() != "person, state, organisation, group or other" {
		t.Errorf("KindChoices() = %q", KindChoices())
	}
	for _, k := range Kinds {
		if !k.Valid() || !strings.Contains(KindChoices(), string(k)) {
			t.Errorf("kind %q is not valid or not among the choices %q", k, KindChoices())
		}
	}
	for _, r := range Roles {
		if !r.Valid() || !strings.Contains(RoleChoices(), string(r)) {
			t.Errorf("role %q is not valid or not among the choices %q", r, RoleChoices())
		}
	}
	if Kind("planet").Valid() || Role("boss").Valid() {
		t.Error("an unknown kind or role is valid")
	}
}

// constantsIn counts the distinct annotation.Kind* and annotation.Role*
// constants that are elements of a composite literal, as they are or
// converted (string(annotation.KindPerson)).
func constantsIn(cl *ast.CompositeLit) int {
	seen := map[string]bool{}
	for _, el := range cl.Elts {
		if call, ok := el.(*ast.CallExpr); ok && len(call.Args) == 1 {
			el = call.Args[0]
		}
		sel, ok := el.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if x, ok := sel.X.(*ast.Ident); ok && x.Name == "annotation" && isKindOrRoleConst(sel.Sel.Name) {
			seen[sel.Sel.Name] = true
		}
	}
	return len(seen)
}

// isKindOrRoleConst reports whether name is one of this package's kind or
// role constants.
func isKindOrRoleConst(name string) bool {
	for _, k := range Kinds {
		if name == "Kind"+kindConstSuffix(k) {
			return true
		}
	}
	for _, r := range Roles {
		if name == "Role"+kindConstSuffix(Kind(r)) {
			return true
		}
	}
	for _, st := range Stances {
		if name == "Stance"+kindConstSuffix(Kind(st)) {
			return true
		}
	}
	return false
}

// kindConstSuffix is the constant name's suffix for a value: "person" ->
// "Person".
func kindConstSuffix(k Kind) string {
	s := string(k)
	return strings.ToUpper(s[:1]) + s[1:]
}
