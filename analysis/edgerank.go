package analysis

import (
	"cmp"
	"slices"
)

// finish weighs the edges, drops the light ones and orders the rest
// strongest first (ties: in (source, target) order, which is the nodes'
// order), keeping the first o.Top of them when o.Top is set.
func (b *netBuilder) finish(o NetworkOptions) *Network {
	n := &Network{Kind: o.Edges, Normalise: o.Normalise, Directed: b.directed && o.Edges != EdgesAffiliation,
		TwoMode: o.Edges == EdgesAffiliation, Nodes: b.nodes, positions: b.positions}
	r := newEdgeRanking(o.Top, b.pairs.len())
	b.pairs.each(func(src, dst, count int) {
		e := Edge{Source: src, Target: dst, Count: count, Weight: float64(count)}
		if o.Normalise == Jaccard {
			if union := b.denom[src] + b.denom[dst] - count; union > 0 {
				e.Weight = float64(count) / float64(union)
			}
		}
		if e.Weight >= o.MinWeight {
			r.add(e)
		}
	})
	n.Edges, n.TotalEdges = r.result(o.Normalise == Raw)
	if n.TwoMode {
		b.stanceCounts(n)
	}
	return n
}

// edgeRanking orders edges strongest first as they come in (source,
// target) order. With no limit it keeps them all and sorts them once at
// the end; with one it keeps the strongest in a heap, so that a view of
// the strongest 20,000 of a million edges sorts 20,000.
type edgeRanking struct {
	top   int
	total int
	edges []Edge // all of them, or the heap: the weakest kept at [0]
}

func newEdgeRanking(top, capacity int) *edgeRanking {
	if top > 0 {
		capacity = min(capacity, top)
	}
	return &edgeRanking{top: top, edges: make([]Edge, 0, capacity)}
}

// compareEdges orders edges strongest first, then by source and target.
func compareEdges(a, c *Edge) int {
	if r := cmp.Compare(c.Weight, a.Weight); r != 0 {
		return r
	}
	if r := cmp.Compare(a.Source, c.Source); r != 0 {
		return r
	}
	return cmp.Compare(a.Target, c.Target)
}

// add takes the next edge.
func (r *edgeRanking) add(e Edge) {
	r.total++
	switch {
	case r.top <= 0:
		r.edges = append(r.edges, e)
	case len(r.edges) < r.top:
		r.edges = append(r.edges, e)
		r.up(len(r.edges) - 1)
	case compareEdges(&e, &r.edges[0]) < 0:
		r.edges[0] = e
		r.down(0)
	}
}

// up and down keep the heap: every edge ranks before its children (is
// weaker), so the weakest kept is at the root.
func (r *edgeRanking) up(i int) {
	h := r.edges
	for i > 0 {
		p := (i - 1) / 2
		if compareEdges(&h[p], &h[i]) >= 0 {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (r *edgeRanking) down(i int) {
	h := r.edges
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && compareEdges(&h[c+1], &h[c]) > 0 {
			c++
		}
		if compareEdges(&h[c], &h[i]) <= 0 {
			return
		}
		h[c], h[i] = h[i], h[c]
		i = c
	}
}

// result returns the kept edges strongest first, and how many edges
// came. counts says the weights are the counts (no normalisation).
func (r *edgeRanking) result(counts bool) ([]Edge, int) {
	switch {
	case r.top > 0:
		slices.SortFunc(r.edges, func(a, c Edge) int { return compareEdges(&a, &c) })
		return r.edges, r.total
	case counts:
		return sortByCount(r.edges), r.total
	}
	return sortByWeight(r.edges), r.total
}

// sortByCount orders edges that came in (source, target) order and weigh
// their counts strongest first, keeping that order among equal counts: a
// counting sort, one pass to count and one to place.
func sortByCount(edges []Edge) []Edge {
	top := 0
	for i := range edges {
		top = max(top, edges[i].Count)
	}
	// at[c] is where the first edge of count c goes: after every heavier one.
	at := make([]int, top+2)
	for i := range edges {
		at[edges[i].Count]++
	}
	next := 0
	for c := top; c >= 0; c-- {
		at[c], next = next, next+at[c]
	}
	out := make([]Edge, len(edges))
	for i := range edges {
		c := edges[i].Count
		out[at[c]] = edges[i]
		at[c]++
	}
	return out
}

// sortByWeight orders edges that came in (source, target) order strongest
// first, keeping that order among equal weights. It sorts small keys
// (weight, place) rather than the edges themselves, which are seven
// words each: a million edges sort in a third of the time.
func sortByWeight(edges []Edge) []Edge {
	type key struct {
		w float64
		i int32
	}
	keys := make([]key, len(edges))
	for i := range edges {
		keys[i] = key{edges[i].Weight, int32(i)}
	}
	slices.SortFunc(keys, func(a, c key) int {
		if r := cmp.Compare(c.w, a.w); r != 0 {
			return r
		}
		return cmp.Compare(a.i, c.i)
	})
	out := make([]Edge, len(edges))
	for i, k := range keys {
		out[i] = edges[k.i]
	}
	return out
}
