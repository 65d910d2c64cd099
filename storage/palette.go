package storage

import (
	"strings"

	bolt "go.etcd.io/bbolt"
)

// ActorPalette is the colours new actors get, in order: distinct hues,
// dark enough for text on white and light enough for a highlight stripe.
var ActorPalette = []string{
	"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
	"#8c564b", "#e377c2", "#bcbd22", "#7f7f7f", "#393b79", "#637939",
}

// TopicPalette is the colours new topics get, in order: hues apart from
// each other and, first, from the actor palette's first colours, so that
// a topic chip beside an actor chip reads as something else.
var TopicPalette = []string{
	"#6a3d9a", "#b15928", "#1b9e77", "#e7298a", "#66a61e", "#e6ab02",
	"#a6761d", "#386cb0", "#f0027f", "#bf5b17", "#666666", "#7570b3",
}

// HighlightColors maps the colour names a highlight may carry (CLI
// --color, the GUI's colour menu) to their hex values.
var HighlightColors = map[string]string{
	"yellow": "#ffe066",
	"green":  "#a9e5a0",
	"blue":   "#a5d8ff",
	"pink":   "#ffc9de",
	"orange": "#ffc078",
	"purple": "#d0bfff",
	"red":    "#ffa8a8",
	"grey":   "#dee2e6",
}

// HighlightColorNames lists HighlightColors' names in menu order.
var HighlightColorNames = []string{"yellow", "green", "blue", "pink", "orange", "purple", "red", "grey"}

// HighlightColor returns the canonical form of a colour given as a name
// (any case) or #rrggbb, and whether it is one.
func HighlightColor(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if _, ok := HighlightColors[s]; ok {
		return s, true
	}
	if len(s) == 7 && s[0] == '#' && strings.Trim(s[1:], "0123456789abcdef") == "" {
		return s, true
	}
	return "", false
}

// nextActorColor picks the first palette colour no actor uses yet, or
// cycles through the palette by actor count once all are taken.
func nextActorColor(tx *bolt.Tx) string {
	used := map[string]bool{}
	n := 0
	_ = tx.Bucket(bActors).ForEach(func(_, v []byte) error {
		n++
		if a, err := decodeActor(v); err == nil {
			used[strings.ToLower(a.Color)] = true
		}
		return nil
	})
	for _, c := range ActorPalette {
		if !used[c] {
			return c
		}
	}
	return ActorPalette[n%len(ActorPalette)]
}
