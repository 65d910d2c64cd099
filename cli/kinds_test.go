package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

// Every kind and role of annotation's lists is offered by the usage lines
// and accepted by the commands, so that a kind or role added there needs
// no edit here (TestKindsAndRolesHaveOneHome checks that nothing here
// lists them by hand).
func TestEveryKindAndRoleIsOffered(t *testing.T) {
	l := newLibEnv(t)
	_, _, usage := l.run("", "actors", "add", "-h")
	for _, k := range annotation.Kinds {
		if !strings.Contains(usage, string(k)) {
			t.Errorf("actors add -h does not offer the kind %q:\n%s", k, usage)
		}
	}
	_, _, usage = l.run("", "annotate", "-h")
	for _, r := range annotation.Roles {
		if !strings.Contains(usage, string(r)) {
			t.Errorf("annotate -h does not offer the role %q:\n%s", r, usage)
		}
	}
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	var args []string
	for i, k := range annotation.Kinds {
		name := fmt.Sprintf("Akteur %d", i)
		l.ok("actors", "add", name, "--kind", string(k))
		args = append(args, "--actor", name+":"+string(annotation.Roles[i%len(annotation.Roles)]))
	}
	for i, r := range annotation.Roles {
		args = append(args, "--actor", fmt.Sprintf("Akteur %d:%s", i, r))
	}
	l.ok(append([]string{"annotate", id, "--quote", "Kim Jong Un"}, args...)...)
	var actors []struct{ Name, Kind string }
	if err := json.Unmarshal([]byte(l.ok("actors", "--json")), &actors); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range actors {
		got[a.Kind] = true
	}
	for _, k := range annotation.Kinds {
		if !got[string(k)] {
			t.Errorf("no actor of kind %q after adding one: %+v", k, actors)
		}
	}
	show := l.ok("show", id, "--json")
	for _, r := range annotation.Roles {
		if !strings.Contains(show, `"`+string(r)+`"`) {
			t.Errorf("the highlight has no actor in role %q: %s", r, show)
		}
	}
}
