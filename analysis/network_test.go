package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// edgeStrings writes a network's edges as "A–B count weight" ("→" when
// directed), sorted, for comparison.
func edgeStrings(n *Network) []string {
	arrow := "–"
	if n.Directed || n.TwoMode {
		arrow = "→"
	}
	out := make([]string, len(n.Edges))
	for i, e := range n.Edges {
		a, b := n.Nodes[e.Source].Label, n.Nodes[e.Target].Label
		if !n.Directed && !n.TwoMode && b < a {
			a, b = b, a
		}
		out[i] = fmt.Sprintf("%s%s%s %d %.3g", a, arrow, b, e.Count, e.Weight)
	}
	slices.Sort(out)
	return out
}

func TestNetwork(t *testing.T) {
	x := NewIndex(smallCorpus())
	all := x.Select(Filter{})
	tests := []struct {
		name string
		o    NetworkOptions
		f    Filter
		want []string
	}{
		{"co-occurrence", NetworkOptions{Edges: EdgesCooccurrence}, Filter{}, []string{
			"China–Ian Bremmer 1 1", "China–Kim Jong Un 1 1", "China–USA 2 2", "Kim Jong Un–Müller, \"Hans\" 1 1", "Kim Jong Un–USA 2 2"}},
		{"co-occurrence, Jaccard", NetworkOptions{Edges: EdgesCooccurrence, Normalise: Jaccard}, Filter{}, []string{
			"China–Ian Bremmer 1 0.2", "China–Kim Jong Un 1 0.143", "China–USA 2 0.333", "Kim Jong Un–Müller, \"Hans\" 1 0.333", "Kim Jong Un–USA 2 0.5"}},
		{"co-occurrence, minimum weight", NetworkOptions{Edges: EdgesCooccurrence, MinWeight: 2}, Filter{}, []string{
			"China–USA 2 2", "Kim Jong Un–USA 2 2"}},
		{"co-occurrence of the actors a filter keeps", NetworkOptions{Edges: EdgesCooccurrence},
			Filter{Actors: []string{"kim", "usa"}}, []string{"Kim Jong Un–USA 2 2"}},
		{"roles", NetworkOptions{Edges: EdgesRoles}, Filter{}, []string{
			"Ian Bremmer→China 1 1", "Kim Jong Un→USA 1 1", "USA→Kim Jong Un 1 1"}},
		{"congruence", NetworkOptions{Edges: EdgesCongruence}, Filter{}, []string{
			"China–Kim Jong Un 1 1", "Ian Bremmer–USA 1 1"}},
		{"conflict, Jaccard", NetworkOptions{Edges: EdgesConflict, Normalise: Jaccard}, Filter{}, []string{
			"China–Ian Bremmer 1 1", "China–USA 1 0.5", "Ian Bremmer–Kim Jong Un 1 0.5", "Kim Jong Un–USA 1 0.333"}},
		{"conflict without the orphan", NetworkOptions{Edges: EdgesConflict}, Filter{NoOrphans: true}, []string{
			"China–USA 1 1", "Kim Jong Un–USA 1 1"}},
		{"affiliation", NetworkOptions{Edges: EdgesAffiliation}, Filter{}, []string{
			"China→Sanctions 1 1", "Ian Bremmer→Sanctions 1 1", "Kim Jong Un→Nuclear programme 1 1",
			"Kim Jong Un→Sanctions 1 1", "USA→Nuclear programme 1 1", "USA→Sanctions 1 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sel := all
			if fmt.Sprint(tc.f) != fmt.Sprint(Filter{}) {
				sel = x.Select(tc.f)
			}
			n, err := x.Network(sel, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if got := edgeStrings(n); !slices.Equal(got, tc.want) {
				t.Errorf("edges:\n got %q\nwant %q", got, tc.want)
			}
			for i := 1; i < len(n.Edges); i++ {
				if n.Edges[i].Weight > n.Edges[i-1].Weight {
					t.Errorf("edge %d is heavier than the one before it: not strongest first", i)
				}
			}
		})
	}
}

func TestNetworkNodes(t *testing.T) {
	x := NewIndex(smallCorpus())
	n, err := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesAffiliation})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, nd := range n.Nodes {
		got = append(got, fmt.Sprintf("%s %s st%d hl%d ar%d +%d -%d 0%d", nd.Type, nd.Label, nd.Statements, nd.Highlights,
			nd.Articles, nd.Supports, nd.Opposes, nd.Neutral))
	}
	want := []string{
		"actor China st5 hl5 ar3 +0 -1 00", // h1 h2 h4 h6 h8; the claim on an unknown topic lost its stance
		"actor Kim Jong Un st3 hl3 ar3 +0 -1 01",
		"actor USA st3 hl3 ar2 +2 -0 00",
		"actor Ian Bremmer st1 hl1 ar1 +1 -0 00",
		"actor Müller, \"Hans\" st1 hl1 ar1 +0 -0 00",
		"topic Sanctions st4 hl3 ar2 +2 -2 00",
		"topic Nuclear programme st2 hl2 ar2 +1 -0 01",
	}
	if !slices.Equal(got, want) {
		t.Errorf("nodes:\n got %q\nwant %q", got, want)
	}
	if n.Nodes[5].Kind != "Security" {
		t.Errorf("a topic's kind is its parent's name; got %q", n.Nodes[5].Kind)
	}
	for _, nd := range n.Nodes {
		if len(nd.Members) != nd.Statements {
			t.Errorf("%s lists %d statements, counts %d", nd.Label, len(nd.Members), nd.Statements)
		}
	}
}

func TestEdgeStatementsLeadToThePassages(t *testing.T) {
	x := NewIndex(smallCorpus())
	n, _ := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesCooccurrence})
	for _, e := range n.Edges {
		if n.Nodes[e.Source].Label == "USA" && n.Nodes[e.Target].Label == "China" ||
			n.Nodes[e.Source].Label == "China" && n.Nodes[e.Target].Label == "USA" {
			var hs []string
			for _, h := range x.Highlights(n.EdgeStatements(x, &e)) {
				hs = append(hs, x.Corpus.Highlights[h].ID)
			}
			if !slices.Equal(hs, []string{"h1", "h2"}) {
				t.Errorf("China–USA leads to %v, want [h1 h2]", hs)
			}
			return
		}
	}
	t.Fatal("no China–USA edge")
}

func TestNetworkOptionErrors(t *testing.T) {
	x := NewIndex(smallCorpus())
	if _, err := x.Network(nil, NetworkOptions{Edges: EdgesAffiliation, Normalise: Jaccard}); err == nil {
		t.Error("Jaccard on the two-mode network: no error")
	}
	if _, err := x.Network(nil, NetworkOptions{Edges: "friendship"}); err == nil {
		t.Error("an unknown network: no error")
	}
	for _, s := range []string{"Co-Occurrence", " roles", "CONFLICT"} {
		if _, err := ParseEdgeKind(s); err != nil {
			t.Errorf("ParseEdgeKind(%q): %v", s, err)
		}
	}
	if _, err := ParseEdgeKind("nope"); err == nil {
		t.Error("ParseEdgeKind(nope): no error")
	}
	n, err := x.Network(nil, NetworkOptions{})
	if err != nil || len(n.Nodes) != 0 || len(n.Edges) != 0 {
		t.Errorf("the empty selection: %v, %d nodes", err, len(n.Nodes))
	}
}

func TestAgreementEdgeTopicsAndStatements(t *testing.T) {
	x := NewIndex(smallCorpus())
	n, _ := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesConflict})
	for i := range n.Edges {
		e := &n.Edges[i]
		a, b := n.Nodes[e.Source].Label, n.Nodes[e.Target].Label
		if !(a == "Kim Jong Un" && b == "USA" || a == "USA" && b == "Kim Jong Un") {
			continue
		}
		if got := n.topicNames(e); !slices.Equal(got, []string{"Sanctions"}) {
			t.Errorf("Kim–USA conflict topics %v, want [Sanctions] (Nuclear: supports vs neutral is no conflict)", got)
		}
		var hs []string
		for _, h := range x.Highlights(n.EdgeStatements(x, e)) {
			hs = append(hs, x.Corpus.Highlights[h].ID)
		}
		if !slices.Equal(hs, []string{"h1", "h2"}) {
			t.Errorf("Kim–USA conflict leads to %v, want [h1 h2]", hs)
		}
		return
	}
	t.Fatal("no Kim–USA conflict edge")
}

func TestPairCounterDenseAndSparseAgree(t *testing.T) {
	pairs := [][2]int{{0, 1}, {1, 0}, {2, 5}, {4, 3}, {0, 1}}
	got := map[string]string{}
	for _, n := range []int{6, denseLimit + 1} {
		c := newPairCounter(n, false)
		for _, p := range pairs {
			c.add(p[0], p[1])
		}
		c.addRow(1, []int{2, 5})
		var s []string
		c.each(func(a, b, k int) { s = append(s, fmt.Sprintf("%d-%d:%d", a, b, k)) })
		got[fmt.Sprint(n > denseLimit)] = fmt.Sprint(s, c.len())
	}
	// In (a, b) order, unsorted: the order the edges' ties are broken in.
	if want := "[0-1:3 1-2:1 1-5:1 2-5:1 3-4:1] 5"; got["false"] != want || got["true"] != want {
		t.Errorf("dense %s, sparse %s, want %s", got["false"], got["true"], want)
	}
}

func TestEdgeStatementsOfEveryKind(t *testing.T) {
	x := NewIndex(smallCorpus())
	want := map[EdgeKind]map[string]string{
		EdgesRoles:        {"Kim Jong Un→USA": "[h1:kim h1:usa]", "Ian Bremmer→China": "[h4:bremmer h4:china]"},
		EdgesCooccurrence: {"Kim Jong Un→USA": "[h1:kim h1:usa h3:usa h3:kim]", "China→Ian Bremmer": "[h4:bremmer h4:china]"},
		EdgesAffiliation:  {"USA→Sanctions": "[h2:usa]", "Kim Jong Un→Nuclear programme": "[h5:kim]"},
	}
	for kind, edges := range want {
		n, _ := x.Network(x.Select(Filter{}), NetworkOptions{Edges: kind})
		found := 0
		for i := range n.Edges {
			e := &n.Edges[i]
			w, ok := edges[n.Nodes[e.Source].Label+"→"+n.Nodes[e.Target].Label]
			if !ok {
				continue
			}
			found++
			var got []string
			for _, si := range n.EdgeStatements(x, e) {
				s := x.Statements[si]
				got = append(got, x.Corpus.Highlights[s.Highlight].ID+":"+x.Corpus.Actors[s.Actor].ID)
			}
			if fmt.Sprint(got) != w {
				t.Errorf("%s %s→%s: %v, want %s", kind, n.Nodes[e.Source].Label, n.Nodes[e.Target].Label, got, w)
			}
		}
		if found != len(edges) {
			t.Errorf("%s: %d of the edges found", kind, found)
		}
	}
}

func TestTopSaysWhatItLeftOut(t *testing.T) {
	x := NewIndex(smallCorpus())
	n, err := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesCooccurrence, Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != 2 || n.TotalEdges != 5 {
		t.Fatalf("top 2 of the five ties: %d edges of %d", len(n.Edges), n.TotalEdges)
	}
	if d := n.Description(); !strings.Contains(d, "the strongest 2 of 5 edges") {
		t.Errorf("the description does not say the list was cut: %s", d)
	}
}

// The description counts nodes and edges in words that agree with them.
func TestDescriptionCounts(t *testing.T) {
	for _, c := range []struct {
		n    Network
		want string
	}{
		{Network{Kind: EdgesRoles, Nodes: make([]Node, 1), Edges: make([]Edge, 1), TotalEdges: 1}, "1 node, 1 edge"},
		{Network{Kind: EdgesRoles, Nodes: make([]Node, 2), Edges: make([]Edge, 0)}, "2 nodes, 0 edges"},
		{Network{Kind: EdgesRoles, Nodes: make([]Node, 3), Edges: make([]Edge, 1), TotalEdges: 4}, "3 nodes, the strongest 1 of 4 edges"},
	} {
		if d := c.n.Description(); !strings.Contains(d, c.want) {
			t.Errorf("description %q lacks %q", d, c.want)
		}
	}
}
