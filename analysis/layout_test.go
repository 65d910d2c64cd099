package analysis

import (
	"math"
	"testing"
)

func TestLayoutPullsTiedNodesTogether(t *testing.T) {
	// Two triangles tied by one thin edge: nodes of a triangle end closer
	// to each other than to the other triangle's.
	n := &Network{Nodes: make([]Node, 6)}
	tie := func(a, b int, w float64) { n.Edges = append(n.Edges, Edge{Source: a, Target: b, Weight: w, Count: 1}) }
	tie(0, 1, 5)
	tie(1, 2, 5)
	tie(0, 2, 5)
	tie(3, 4, 5)
	tie(4, 5, 5)
	tie(3, 5, 5)
	tie(2, 3, 1)
	p := Layout(n)
	dist := func(a, b int) float64 { return math.Hypot(p[a].X-p[b].X, p[a].Y-p[b].Y) }
	within := (dist(0, 1) + dist(1, 2) + dist(3, 4) + dist(4, 5)) / 4
	across := (dist(0, 4) + dist(1, 5) + dist(0, 5)) / 3
	if within >= across {
		t.Errorf("tied nodes are %.2f apart on average, untied %.2f: the layout does not pull ties together", within, across)
	}
	for i, q := range p {
		if math.IsNaN(q.X) || math.IsNaN(q.Y) || math.IsInf(q.X, 0) {
			t.Fatalf("node %d at %v", i, q)
		}
	}
	again := Layout(n)
	for i := range p {
		if p[i] != again[i] {
			t.Fatal("two layouts of the same network differ")
		}
	}
}

func TestLayoutSmallNetworks(t *testing.T) {
	for _, nn := range []int{0, 1, 2} {
		if got := len(Layout(&Network{Nodes: make([]Node, nn)})); got != nn {
			t.Errorf("%d nodes gave %d places", nn, got)
		}
	}
}

func TestLayoutRingsIsolates(t *testing.T) {
	n := &Network{Nodes: make([]Node, 5), Edges: []Edge{{Source: 0, Target: 1, Weight: 1, Count: 1}, {Source: 1, Target: 2, Weight: 1, Count: 1}}}
	p := Layout(n)
	cx, cy := (p[0].X+p[1].X+p[2].X)/3, (p[0].Y+p[1].Y+p[2].Y)/3
	core := 0.0
	for _, i := range []int{0, 1, 2} {
		core = math.Max(core, math.Hypot(p[i].X-cx, p[i].Y-cy))
	}
	for _, i := range []int{3, 4} {
		if d := math.Hypot(p[i].X-cx, p[i].Y-cy); d < core || d > core+2*ringGap {
			t.Errorf("untied node %d is %.2f from the centre; the tied ones reach %.2f", i, d, core)
		}
	}
}
