package recognize

import (
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/assets"
)

// TestOrganisationData checks the organisation and company files against
// each other: every key once, every context key known, and every name and
// alias reaching its own actor (an alias taken by an earlier actor would
// silently point elsewhere).
func TestOrganisationData(t *testing.T) {
	seen := map[string]string{}
	for _, file := range []struct{ name, data string }{{"organisations.tsv", assets.Organisations}, {"companies.tsv", assets.Companies}} {
		for _, f := range dataLines(file.data) {
			if len(f) < 4 {
				t.Errorf("%s: line %q has %d columns, want at least 4", file.name, strings.Join(f, "\t"), len(f))
				continue
			}
			if prev, ok := seen[f[0]]; ok {
				t.Errorf("%s: key %s already in %s", file.name, f[0], prev)
			}
			seen[f[0]] = file.name
		}
	}
	m := NewMatcher(nil)
	byKey := map[string]int32{}
	for i := range m.entries {
		byKey[m.entries[i].builtin.key] = int32(i)
	}
	for i := range m.entries {
		b := m.entries[i].builtin
		if b.kind != annotation.KindOrganisation {
			continue
		}
		for _, k := range b.context {
			if _, ok := byKey[k]; !ok {
				t.Errorf("%s: context key %s is no actor", b.key, k)
			}
		}
		names := []string{b.nameDE, b.nameEN}
		for _, a := range b.aliases {
			names = append(names, a.text)
		}
		for _, n := range names {
			toks := tokenize(n)
			words := make([]string, len(toks))
			for j, tk := range toks {
				words[j] = tk.fold
			}
			nd := int32(0)
			for _, w := range words {
				nd = m.edges[edgeKey{nd, w}]
			}
			if got := m.nodes[nd].entry; got != int32(i) {
				other := "nothing"
				if got >= 0 {
					other = m.entries[got].builtin.key
				}
				t.Errorf("%s: %q leads to %s", b.key, n, other)
			}
			if strings.HasPrefix(n, "~") {
				t.Errorf("%s: %q kept its ~", b.key, n)
			}
		}
	}
}
