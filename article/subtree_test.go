package article

import (
	"math"
	"math/rand/v2"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walkedCounts measures n's subtree the slow way, one walk per nested
// element: the definition subtreeIndex must agree with.
func (x *extractor) walkedCounts(n *html.Node) subtreeCounts {
	var c subtreeCounts
	walk(n, func(d *html.Node) bool {
		if d == n || d.Type != html.ElementNode {
			return d == n || d.Type == html.DocumentNode
		}
		c.add(x.ownCounts(d, textLen(d)))
		return true
	})
	return c
}

// TestSubtreeIndexMatchesWalks checks every element's indexed measures
// against walks of its subtree on corpus pages, before and after removing
// random elements (the index folds stale ancestors again; a removed
// element keeps its subtree, so its measures hold too).
func TestSubtreeIndexMatchesWalks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, pg := range loadSubset(t) {
		doc, err := parsePage(pg.html)
		if err != nil {
			t.Fatal(err)
		}
		x := &extractor{dataTables: map[*html.Node]bool{}}
		x.markDataTables(doc)
		elems := descendants(doc, atom.Div, atom.P, atom.Ul, atom.Span, atom.Table, atom.Li, atom.Section, atom.A)
		ix := x.newSubtreeIndex(elems)
		for round := 0; round < 3; round++ {
			checkSubtreeIndex(t, pg.name, x, ix, elems)
			for k := 0; k < len(elems)/10; k++ {
				if e := elems[rng.IntN(len(elems))]; e.Parent != nil {
					ix.remove(e)
				}
			}
		}
	}
}

func checkSubtreeIndex(t *testing.T, page string, x *extractor, ix *subtreeIndex, elems []*html.Node) {
	t.Helper()
	for _, e := range elems {
		m := ix.get(e)
		if got, want := m.span.n, textLen(e); got != want {
			t.Fatalf("%s: <%s> text length %d, walked %d", page, e.Data, got, want)
		}
		if got, want := m.below, x.walkedCounts(e); got != want {
			t.Fatalf("%s: <%s> counts %+v, walked %+v", page, e.Data, got, want)
		}
		if got, want := m.commas, commasIn(e); got != want {
			t.Fatalf("%s: <%s> commas %d, walked %d", page, e.Data, got, want)
		}
		if e.DataAtom == atom.A {
			continue // a link is all link; the rules judge only its containers
		}
		if got, want := m.linkDensity(), linkDensity(e); math.Abs(got-want) > 1e-9 {
			t.Fatalf("%s: <%s> link density %g, walked %g", page, e.Data, got, want)
		}
	}
}
