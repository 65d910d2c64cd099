package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// NodeColour says what the colour of an actor's node shows.
type NodeColour string

// The colourings of actor nodes.
const (
	// ColourActor: the colour the reader gave the actor (none when it
	// has none: a view then falls back to the kind's).
	ColourActor NodeColour = "actor"
	// ColourKind: one colour per kind (person, state, …), KindColor's.
	ColourKind NodeColour = "kind"
)

// ParseNodeColour reads a colouring as a reader types it ("" is actor).
func ParseNodeColour(s string) (NodeColour, error) {
	switch c := NodeColour(strings.ToLower(strings.TrimSpace(s))); c {
	case ColourActor, ColourKind:
		return c, nil
	case "":
		return ColourActor, nil
	}
	return "", fmt.Errorf("no node colouring %q: choose actor or kind", s)
}

// kindPalette colours the kinds in annotation.Kinds' order: colours far
// apart that read on a light and a dark background (the first of Sasha
// Trubetskoy's twenty distinct colours).
var kindPalette = []string{"#4363d8", "#f58231", "#3cb44b", "#911eb4", "#e6194b", "#46f0f0", "#bcf60c", "#fabed4"}

// KindColor is the colour of an actor kind as "#rrggbb"; a kind not in
// annotation.Kinds gets the first colour.
func KindColor(k annotation.Kind) string {
	return kindPalette[max(0, slices.Index(annotation.Kinds, k))%len(kindPalette)]
}

// ColourBy sets the colour of n's actor nodes to what c shows: with
// ColourKind every actor takes its kind's colour; with ColourActor the
// nodes keep their actors' own. Topic nodes keep theirs. The exports
// write the colours n holds.
func (n *Network) ColourBy(c NodeColour) {
	if c != ColourKind {
		return
	}
	for i := range n.Nodes {
		if nd := &n.Nodes[i]; nd.Type == NodeActor {
			nd.Color = KindColor(annotation.Kind(nd.Kind))
		}
	}
}
