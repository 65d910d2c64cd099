package analysis

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

// network computes one network of the small corpus.
func network(t *testing.T, kind EdgeKind, norm Normalisation) *Network {
	t.Helper()
	x := NewIndex(smallCorpus())
	n, err := x.Network(x.Select(Filter{}), NetworkOptions{Edges: kind, Normalise: norm})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func render(t *testing.T, write func(io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGraphMLGoldenAndReadBack(t *testing.T) {
	for _, tc := range []struct {
		kind EdgeKind
		norm Normalisation
	}{{EdgesCooccurrence, Jaccard}, {EdgesRoles, Raw}, {EdgesConflict, Raw}, {EdgesAffiliation, Raw}} {
		t.Run(string(tc.kind), func(t *testing.T) {
			n := network(t, tc.kind, tc.norm)
			out := render(t, func(w io.Writer) error { return WriteGraphML(w, n) })
			testkit.Golden(t, string(tc.kind)+".graphml", out)
			g, err := readGraphML(out)
			if err != nil {
				t.Fatalf("the GraphML does not read back: %v", err)
			}
			checkSameGraph(t, g, n)
		})
	}
}

// checkSameGraph compares a graph read back from a file with the network
// written: every node with its label and statements, every edge with its
// ends and weight.
func checkSameGraph(t *testing.T, g *readGraph, n *Network) {
	t.Helper()
	if len(g.nodes) != len(n.Nodes) || len(g.edges) != len(n.Edges) {
		t.Fatalf("read back %d nodes and %d edges, wrote %d and %d", len(g.nodes), len(g.edges), len(n.Nodes), len(n.Edges))
	}
	if g.directed != n.Directed {
		t.Errorf("read back directed=%v, wrote %v", g.directed, n.Directed)
	}
	for _, nd := range n.Nodes {
		attrs := g.nodes[graphmlID(nd.ID)]
		if attrs["label"] != nd.Label || attrs["statements"] != itoa(nd.Statements) || attrs["type"] != string(nd.Type) {
			t.Errorf("node %s read back as %v", nd.ID, attrs)
		}
	}
	for i, e := range n.Edges {
		r := g.edges[i]
		if r.source != graphmlID(n.Nodes[e.Source].ID) || r.target != graphmlID(n.Nodes[e.Target].ID) || r.attrs["weight"] != formatWeight(e.Weight) {
			t.Errorf("edge %d read back as %+v, wrote %s→%s %v", i, r, n.Nodes[e.Source].ID, n.Nodes[e.Target].ID, e.Weight)
		}
	}
}

func TestGraphMLEscapesHostileNames(t *testing.T) {
	c := smallCorpus()
	c.Actors[0].Name = "<script>&\"'\x00\x1b]]>" + strings.Repeat("ä", 3)
	c.Actors[0].ID = "id with \"quotes\" & <angle>"
	c.Highlights[0].Claims[0].Actor = c.Actors[0].ID
	x := NewIndex(c)
	n, err := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesCooccurrence})
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, func(w io.Writer) error { return WriteGraphML(w, n) })
	g, err := readGraphML(out)
	if err != nil {
		t.Fatalf("a hostile name broke the GraphML: %v\n%s", err, out)
	}
	if got := g.nodes[graphmlID(c.Actors[0].ID)]["label"]; got != "<script>&\"'\uFFFD\uFFFD]]>äää" {
		t.Errorf("label read back as %q", got)
	}
}

// readCSV parses an RFC 4180 file and checks what every table promises:
// CRLF line ends, valid UTF-8, no byte order mark, a header, and the same
// number of fields in every row.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if bytes.HasPrefix(data, []byte(BOM)) {
		t.Error("the CSV starts with a byte order mark")
	}
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r")) {
		t.Error("a lone carriage return")
	}
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if len(recs) == 0 {
		t.Fatal("no header row")
	}
	return recs
}

func TestCSVGoldensAndReadBack(t *testing.T) {
	x := NewIndex(smallCorpus())
	all := x.Select(Filter{})
	conflict := network(t, EdgesConflict, Jaccard)
	tests := []struct {
		file  string
		write func(io.Writer) error
		rows  int
	}{
		{"statements.csv", func(w io.Writer) error { return WriteStatementsCSV(w, x.Rows(all)) }, len(all)},
		{"nodes.csv", func(w io.Writer) error { return WriteNodesCSV(w, conflict) }, len(conflict.Nodes)},
		{"edges.csv", func(w io.Writer) error { return WriteEdgesCSV(w, conflict) }, len(conflict.Edges)},
		{"timeline.csv", func(w io.Writer) error { return WriteTimelineCSV(w, x.Timeline(all, Month, ByActor, nil)) }, 5 * 4},
		{"actors.csv", func(w io.Writer) error { return WriteFrequenciesCSV(w, x.Frequencies(all, ByActor), ByActor) }, 5},
		{"topics.csv", func(w io.Writer) error { return WriteFrequenciesCSV(w, x.Frequencies(all, ByTopic), ByTopic) }, 2},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			out := render(t, tc.write)
			testkit.Golden(t, tc.file, out)
			recs := readCSV(t, out)
			if len(recs)-1 != tc.rows {
				t.Errorf("%d rows, want %d", len(recs)-1, tc.rows)
			}
		})
	}
}

func TestStatementsCSVKeepsEveryCharacter(t *testing.T) {
	x := NewIndex(smallCorpus())
	rows := x.Rows(x.Select(Filter{}))
	recs := readCSV(t, render(t, func(w io.Writer) error { return WriteStatementsCSV(w, rows) }))
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for i, r := range rows {
		got := recs[i+1]
		if got[col["quote"]] != r.Quote || got[col["actor"]] != r.Actor || got[col["title"]] != r.Title || got[col["note"]] != r.Note {
			t.Errorf("row %d read back as %q", i, got)
		}
	}
	var back []Row
	if err := json.Unmarshal(render(t, func(w io.Writer) error { return WriteStatementsJSON(w, rows) }), &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != len(rows) || back[2].Quote != rows[2].Quote || !back[0].Published.Equal(rows[0].Published) {
		t.Errorf("the JSON read back differs: %+v", back)
	}
}

func TestJSONGolden(t *testing.T) {
	n := network(t, EdgesCongruence, Raw)
	out := render(t, func(w io.Writer) error { return WriteNetworkJSON(w, n) })
	testkit.Golden(t, "congruence.json", out)
	var back jsonNetwork
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Nodes) != len(n.Nodes) || len(back.Edges) != len(n.Edges) || back.Edges[0].Topics[0] != "Sanctions" {
		t.Errorf("the JSON network read back as %+v", back)
	}
	empty := render(t, func(w io.Writer) error { return WriteStatementsJSON(w, nil) })
	if strings.TrimSpace(string(empty)) != "[]" {
		t.Errorf("no statements as JSON: %q, want []", empty)
	}
}

func TestDLGoldenAndReadBack(t *testing.T) {
	for _, kind := range []EdgeKind{EdgesCooccurrence, EdgesAffiliation} {
		t.Run(string(kind), func(t *testing.T) {
			n := network(t, kind, Raw)
			out := render(t, func(w io.Writer) error { return WriteDL(w, n) })
			testkit.Golden(t, string(kind)+".dl", out)
			dl, err := readDL(out)
			if err != nil {
				t.Fatal(err)
			}
			want := 2 * len(n.Edges)
			if n.TwoMode {
				want = len(n.Edges)
			}
			if len(dl.rowLabels)+len(dl.colLabels) != len(n.Nodes) || len(dl.data) != want {
				t.Errorf("read back %d+%d labels and %d arcs, want %d nodes and %d arcs", len(dl.rowLabels), len(dl.colLabels), len(dl.data), len(n.Nodes), want)
			}
			if dl.rowLabels[4] != "Müller, 'Hans'" && !n.TwoMode {
				t.Errorf("label 5 read back as %q", dl.rowLabels[4])
			}
		})
	}
}
