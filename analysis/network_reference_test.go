package analysis

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

// referenceEdges computes a network's edges the plain way the first
// implementation did: a map of pairs per kind, tests of every two actors
// on a topic, and one sort of the whole list by weight, source and
// target. Nodes are n's (their order is not what is tested here).
func referenceEdges(x *Index, sel []int, n *Network, o NetworkOptions) []Edge {
	at := map[string]int{}
	for i, nd := range n.Nodes {
		at[string(nd.Type)+nd.ID] = i
	}
	actor := func(si int) int { return at["actor"+x.Corpus.Actors[x.Statements[si].Actor].ID] }
	counts := map[[2]int]int{}
	stances := map[[2]int][]Stance{} // affiliation: the stances of an edge's statements
	denom := make([]int, len(n.Nodes))
	directed := o.Edges == EdgesRoles || o.Edges == EdgesAffiliation
	tie := func(a, b int) {
		if !directed && a > b {
			a, b = b, a
		}
		counts[[2]int{a, b}]++
	}
	byHighlight := map[int][]int{}
	for _, si := range sel {
		byHighlight[x.Statements[si].Highlight] = append(byHighlight[x.Statements[si].Highlight], si)
	}
	for i, nd := range n.Nodes {
		denom[i] = nd.Highlights
	}
	switch o.Edges {
	case EdgesCooccurrence, EdgesRoles:
		for _, run := range byHighlight {
			pairs := map[[2]int]bool{}
			for _, si := range run {
				for _, sj := range run {
					a, b := actor(si), actor(sj)
					roles := x.Statements[si].Role == annotation.RoleSpeaker && x.Statements[sj].Role == annotation.RoleTarget
					if a != b && (o.Edges == EdgesRoles && roles || o.Edges == EdgesCooccurrence && a < b) {
						pairs[[2]int{a, b}] = true
					}
				}
			}
			for p := range pairs {
				tie(p[0], p[1])
			}
		}
	case EdgesCongruence, EdgesConflict:
		clear(denom)
		bits := map[int]map[int]uint8{} // topic → node → stances
		for _, si := range sel {
			s := &x.Statements[si]
			if s.Topic < 0 || stanceBit(s.Stance) == 0 {
				continue
			}
			if bits[s.Topic] == nil {
				bits[s.Topic] = map[int]uint8{}
			}
			if bits[s.Topic][actor(si)] == 0 {
				denom[actor(si)]++
			}
			bits[s.Topic][actor(si)] |= stanceBit(s.Stance)
		}
		for _, nodes := range bits {
			for a, p := range nodes {
				for b, q := range nodes {
					if a < b && tied(p, q, o.Edges == EdgesCongruence) {
						tie(a, b)
					}
				}
			}
		}
	case EdgesAffiliation:
		for _, si := range sel {
			if s := &x.Statements[si]; s.Topic >= 0 {
				p := [2]int{actor(si), at["topic"+x.Corpus.Topics[s.Topic].ID]}
				tie(p[0], p[1])
				stances[p] = append(stances[p], s.Stance)
			}
		}
	}
	var edges []Edge
	for p, c := range counts {
		e := Edge{Source: p[0], Target: p[1], Count: c, Weight: float64(c)}
		for _, st := range stances[p] {
			switch st {
			case StanceSupports:
				e.Supports++
			case StanceOpposes:
				e.Opposes++
			case StanceNeutral:
				e.Neutral++
			}
		}
		if union := denom[p[0]] + denom[p[1]] - c; o.Normalise == Jaccard && union > 0 {
			e.Weight = float64(c) / float64(union)
		}
		if e.Weight >= o.MinWeight {
			edges = append(edges, e)
		}
	}
	slices.SortFunc(edges, func(a, c Edge) int {
		if r := cmp.Compare(c.Weight, a.Weight); r != 0 {
			return r
		}
		if r := cmp.Compare(a.Source, c.Source); r != 0 {
			return r
		}
		return cmp.Compare(a.Target, c.Target)
	})
	return edges
}

// TestNetworkMatchesTheReference computes every network of random
// libraries, whole and cut to its strongest edges, and compares it edge
// by edge (ends, count, weight, order) with referenceEdges: counting by
// stance groups, the counter read in order, the counting sort and the
// heap give what the plain way gives. The large library has more actors
// than the dense counter takes, so the map counter is compared too.
func TestNetworkMatchesTheReference(t *testing.T) {
	sizes := []struct{ articles, highlights, actors, topics int }{
		{10, 40, 8, 3}, {60, 300, 40, 6}, {200, 1500, 150, 12}, {300, 5000, denseLimit + 300, 300},
	}
	for seed, sz := range sizes {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		c := randomCorpus(r, sz.articles, sz.highlights, sz.actors, sz.topics)
		if sz.actors > denseLimit {
			spreadActors(r, c)
		}
		x := NewIndex(c)
		sel := x.Select(Filter{})
		for _, kind := range EdgeKinds {
			for _, o := range []NetworkOptions{{Edges: kind}, {Edges: kind, MinWeight: 2}, {Edges: kind, Normalise: Jaccard},
				{Edges: kind, Normalise: Jaccard, MinWeight: 0.2}} {
				if kind == EdgesAffiliation && o.Normalise == Jaccard {
					continue
				}
				name := fmt.Sprintf("%d actors/%s/%s/min %g", sz.actors, kind, o.Normalise, o.MinWeight)
				t.Run(name, func(t *testing.T) { compareWithReference(t, x, sel, o) })
			}
		}
	}
}

// spreadActors draws every claim's actor, and topic if it has one, anew
// and evenly: the Zipf draw leaves most of a large cast out (the map
// counter is only used for more actors than denseLimit), and spreading
// the topics keeps the reference's pair tests few.
func spreadActors(r *rand.Rand, c *Corpus) {
	for i := range c.Highlights {
		for j := range c.Highlights[i].Claims {
			cl := &c.Highlights[i].Claims[j]
			cl.Actor = c.Actors[r.IntN(len(c.Actors))].ID
			if cl.Topic != "" {
				cl.Topic = c.Topics[r.IntN(len(c.Topics))].ID
			}
		}
	}
}

// compareWithReference checks one network, whole and cut at a few Tops.
func compareWithReference(t *testing.T, x *Index, sel []int, o NetworkOptions) {
	whole, err := x.Network(sel, o)
	if err != nil {
		t.Fatal(err)
	}
	want := referenceEdges(x, sel, whole, o)
	if o.MinWeight == 0 && len(want) == 0 {
		t.Fatal("no edges: the random library ties nothing, the comparison proves nothing")
	}
	for _, top := range []int{0, 1, 7, len(want) / 3, len(want), len(want) + 5} {
		o.Top = top
		n, err := x.Network(sel, o)
		if err != nil {
			t.Fatal(err)
		}
		w := want
		if top > 0 && top < len(want) {
			w = want[:top]
		}
		if n.TotalEdges != len(want) {
			t.Errorf("top %d: TotalEdges %d, want %d", top, n.TotalEdges, len(want))
		}
		if !slices.Equal(n.Edges, w) {
			t.Errorf("top %d: %d edges differ from the reference's %d; first: %v, want %v", top, len(n.Edges), len(w),
				n.Edges[:min(3, len(n.Edges))], w[:min(3, len(w))])
		}
	}
}

// TestEdgeTopicsMatchTheStances checks EdgeTopics against the stances
// each actor took, topic by topic, on a random library.
func TestEdgeTopicsMatchTheStances(t *testing.T) {
	x := NewIndex(randomCorpus(rand.New(rand.NewPCG(3, 9)), 80, 500, 30, 8))
	sel := x.Select(Filter{})
	stances := map[[2]int]uint8{} // corpus actor, topic → stance bits
	for _, si := range sel {
		s := &x.Statements[si]
		if s.Topic >= 0 {
			stances[[2]int{s.Actor, s.Topic}] |= stanceBit(s.Stance)
		}
	}
	for _, kind := range []EdgeKind{EdgesCongruence, EdgesConflict} {
		n, _ := x.Network(sel, NetworkOptions{Edges: kind})
		for i := range n.Edges {
			e := &n.Edges[i]
			a, b := x.ActorIndex(n.Nodes[e.Source].ID), x.ActorIndex(n.Nodes[e.Target].ID)
			var want []int
			for topic := range x.Corpus.Topics {
				p, q := stances[[2]int{a, topic}], stances[[2]int{b, topic}]
				if p != 0 && q != 0 && tied(p, q, kind == EdgesCongruence) {
					want = append(want, topic)
				}
			}
			if got := n.EdgeTopics(e); !slices.Equal(got, want) || len(want) != e.Count {
				t.Fatalf("%s edge %s–%s: topics %v, want %v (count %d)", kind, n.Nodes[e.Source].ID, n.Nodes[e.Target].ID, got, want, e.Count)
			}
		}
	}
}
