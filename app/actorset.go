package app

import (
	"image/color"
	"sort"
	"strconv"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/widgets"
)

// actorSet is the library's actors by id, as the window knows them. The
// controller keeps it; panes read it to name and colour actors.
type actorSet map[string]annotation.Actor

// newActorSet indexes actors by id.
func newActorSet(actors []annotation.Actor) actorSet {
	s := make(actorSet, len(actors))
	for _, act := range actors {
		s[act.ID] = act
	}
	return s
}

// name is an actor's display name, or a placeholder for one that was deleted.
func (s actorSet) name(id string) string {
	if act, ok := s[id]; ok {
		return act.Name
	}
	return "(unknown actor)"
}

// color is an actor's colour, if it has a valid one.
func (s actorSet) color(id string) (color.Color, bool) {
	if act, ok := s[id]; ok {
		return parseColor(act.Color)
	}
	return nil, false
}

// sorted lists the actors by name.
func (s actorSet) sorted() []annotation.Actor {
	out := make([]annotation.Actor, 0, len(s))
	for _, act := range s {
		out = append(out, act)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// colors lists the colours of a highlight's actors, in its order.
func (s actorSet) colors(h annotation.Highlight) []color.Color {
	var out []color.Color
	for _, ref := range h.Actors {
		if c, ok := s.color(ref.ActorID); ok {
			out = append(out, c)
		}
	}
	return out
}

// viewHighlight colours a highlight by its own colour, else its first
// actor's; with several actors each gets a stripe under the passage.
func (s actorSet) viewHighlight(h annotation.Highlight) widgets.Highlight {
	vh := widgets.Highlight{ID: h.ID, Start: h.Start, End: h.End, Color: defaultHighlightColor}
	cols := s.colors(h)
	if c, ok := parseColor(h.Color); ok {
		vh.Color = c
	} else if len(cols) > 0 {
		vh.Color = cols[0]
	}
	if len(cols) > 1 {
		// one stripe per actor, so every actor's colour shows
		vh.Stripes = cols
	}
	return vh
}

// viewHighlights maps stored highlights to coloured ranges; orphaned ones
// have no place in the text and are listed only in the notes pane.
func (s actorSet) viewHighlights(hls []annotation.Highlight) []widgets.Highlight {
	out := make([]widgets.Highlight, 0, len(hls))
	for _, h := range hls {
		if h.Orphaned != "" {
			continue
		}
		out = append(out, s.viewHighlight(h))
	}
	return out
}

// pickerActor converts a library actor for the picker.
func pickerActor(act annotation.Actor) widgets.PickerActor {
	pa := widgets.PickerActor{ID: act.ID, Name: act.Name, Kind: string(act.Kind), Aliases: act.Aliases}
	if c, ok := parseColor(act.Color); ok {
		pa.Color = c
	}
	return pa
}

// defaultHighlightColor marks passages without coloured actors.
var defaultHighlightColor = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}

// parseColor reads "#rrggbb" (the storage format) into a colour.
func parseColor(s string) (color.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return nil, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return nil, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// formatColor writes a colour as "#rrggbb".
func formatColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const hex = "0123456789abcdef"
	b := []byte{'#', hex[n.R>>4], hex[n.R&15], hex[n.G>>4], hex[n.G&15], hex[n.B>>4], hex[n.B&15]}
	return string(b)
}
