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

// A leader whose office may have changed says so with the date of the
// list, taken from the file's header rather than written twice.
func TestLeaderNoteDate(t *testing.T) {
	date := asOf(assets.Leaders)
	if len(date) != len("2006-01-02") {
		t.Fatalf("leaders.tsv header gives the date %q, want YYYY-MM-DD", date)
	}
	if got := asOf("# no date here\n# AS OF 2030-01-31.\nkey\tQ1\n# AS OF 1999-01-01\n"); got != "2030-01-31" {
		t.Errorf("asOf = %q, want the header's 2030-01-31", got)
	}
	if got := asOf("key\tQ1\n# AS OF 2030-01-31\n"); got != "" {
		t.Errorf("asOf read a date after the header: %q", got)
	}
	unverified := 0
	for _, b := range newGazetteer().actors {
		if strings.Contains(b.note, "unverified") {
			unverified++
			if !strings.Contains(b.note, "as of "+date+", unverified: ") {
				t.Errorf("%s: note %q lacks the list's date %s", b.key, b.note, date)
			}
		}
	}
	if unverified == 0 {
		t.Error("no leader is marked unverified; the test checks nothing")
	}
}
