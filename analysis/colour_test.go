package analysis

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

func TestColourByKindReachesTheExports(t *testing.T) {
	n := network(t, EdgesAffiliation, Raw)
	own := make([]string, len(n.Nodes))
	for i, nd := range n.Nodes {
		own[i] = nd.Color
	}
	n.ColourBy(ColourActor)
	for i, nd := range n.Nodes {
		if nd.Color != own[i] {
			t.Errorf("colouring by actor changed %s's colour from %q to %q", nd.Label, own[i], nd.Color)
		}
	}
	n.ColourBy(ColourKind)
	for i, nd := range n.Nodes {
		want := own[i]
		if nd.Type == NodeActor {
			want = KindColor(annotation.Kind(nd.Kind))
		}
		if nd.Color != want {
			t.Errorf("coloured by kind, %s (%s) is %q, want %q", nd.Label, nd.Kind, nd.Color, want)
		}
	}
	out := render(t, func(w io.Writer) error { return WriteGraphML(w, n) })
	state := KindColor(annotation.KindState)
	if !bytes.Contains(out, []byte(`<data key="color">`+state+`</data>`)) {
		t.Errorf("the GraphML does not carry the state colour %s", state)
	}
	csvOut := render(t, func(w io.Writer) error { return WriteNodesCSV(w, n) })
	if !strings.Contains(string(csvOut), state) {
		t.Errorf("the node table does not carry the state colour %s", state)
	}
}

func TestKindColoursDifferAndParse(t *testing.T) {
	var seen []string
	for _, k := range annotation.Kinds {
		c := KindColor(k)
		if slices.Contains(seen, c) || len(c) != 7 || c[0] != '#' {
			t.Errorf("kind %s: colour %q (taken or not #rrggbb)", k, c)
		}
		seen = append(seen, c)
	}
	for in, want := range map[string]NodeColour{"": ColourActor, " Kind ": ColourKind, "actor": ColourActor} {
		if got, err := ParseNodeColour(in); err != nil || got != want {
			t.Errorf("ParseNodeColour(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseNodeColour("rainbow"); err == nil {
		t.Error("ParseNodeColour(rainbow): no error")
	}
}
