package app

import (
	"image/color"
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/widgets"
)

// topicSet is the library's topics by id, as the window knows them. The
// controller keeps it; panes read it to name and colour topics.
type topicSet map[string]annotation.Topic

// newTopicSet indexes topics by id.
func newTopicSet(topics []annotation.Topic) topicSet {
	s := make(topicSet, len(topics))
	for _, t := range topics {
		s[t.ID] = t
	}
	return s
}

// name is a topic's display name, or a placeholder for one deleted.
func (s topicSet) name(id string) string {
	if t, ok := s[id]; ok {
		return t.Name
	}
	return "(unknown topic)"
}

// color is a topic's colour, if it has a valid one.
func (s topicSet) color(id string) (color.Color, bool) {
	if t, ok := s[id]; ok {
		return parseColor(t.Color)
	}
	return nil, false
}

// sorted lists the topics by name.
func (s topicSet) sorted() []annotation.Topic {
	out := make([]annotation.Topic, 0, len(s))
	for _, t := range s {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// pickerTopic converts a library topic for the picker.
func (s topicSet) pickerTopic(t annotation.Topic) widgets.PickerTopic {
	pt := widgets.PickerTopic{ID: t.ID, Name: t.Name, Aliases: t.Aliases}
	if c, ok := parseColor(t.Color); ok {
		pt.Color = c
	}
	if p, ok := s[t.Parent]; ok {
		pt.Parent = p.Name
	}
	return pt
}

// statement says in a few words what an actor says on its topic:
// "opposes Sanctions", "on Sanctions" without a stance, "" without a
// topic.
func (s topicSet) statement(ref annotation.ActorRef) string {
	if ref.Topic == "" {
		return ""
	}
	if ref.Stance == annotation.StanceUnset {
		return "on " + s.name(ref.Topic)
	}
	return string(ref.Stance) + " " + s.name(ref.Topic)
}

// stanceKeys are the keys the picker's stance step takes: each stance's
// sign, and the other characters annotation.ParseStance reads as it (a
// hyphen or an en dash for the minus sign).
const stanceKeys = "+-−–0"

// pickerStances lists the stances for the picker, with their signs and
// keys, in annotation's order.
func pickerStances() []widgets.PickerStance {
	out := make([]widgets.PickerStance, 0, len(annotation.Stances))
	for _, st := range annotation.Stances {
		ps := widgets.PickerStance{Name: string(st), Sign: st.Sign()}
		for _, k := range stanceKeys {
			if got, ok := annotation.ParseStance(string(k)); ok && got == st {
				ps.Keys += string(k)
			}
		}
		out = append(out, ps)
	}
	return out
}
