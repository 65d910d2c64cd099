package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/widgets"
)

// suggestBytes is how much of a passage, from its start, the actor
// suggestions read. A passage is a sentence, a paragraph or a long quote
// of a few pages, well inside it, and is read whole. A select-all of a
// whole page can be megabytes: reading 30 MB took the main goroutine 2 s
// and 880 MB while the window waited, and names far more actors than the
// picker lists; its first pages name the ones the reader means. The
// highlight itself still covers the whole passage.
const suggestBytes = 64 << 10

// suggest offers the actors named in a passage (its first suggestBytes),
// best first: library actors, then built-in ones (states, leaders,
// organisations with their aliases), then people and organisations
// discovered in the article. It remembers the full actors behind them for
// when one is picked.
func (c *controller) suggest(passage string) []widgets.PickerActor {
	c.suggested = map[string]annotation.Actor{}
	var out []widgets.PickerActor
	for _, s := range c.actorMatcher().Suggest(passageHead(passage, suggestBytes), c.art) {
		act := s.Actor
		if act.ID != "" {
			if lib, ok := c.actors[act.ID]; ok {
				act = lib
			}
		}
		pa := pickerActor(act)
		switch {
		case act.ID != "":
			pa.Hint = "in passage"
		case s.Known:
			pa.Hint = "known"
		default:
			pa.Hint = "found in article"
		}
		c.suggested[annotation.NameKey(act.Name)] = act
		out = append(out, pa)
	}
	return out
}

// passageHead is the start of a passage up to about limit bytes, ended
// before the word the limit falls in (at a rune boundary, when one word
// is longer than limit), so that no name is cut in half.
func passageHead(passage string, limit int) string {
	if len(passage) <= limit {
		return passage
	}
	head := passage[:limit]
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 {
		return head[:i]
	}
	for len(head) > 0 && !utf8.RuneStart(passage[len(head)]) {
		head = head[:len(head)-1]
	}
	return head
}

// actorMatcher is the matcher over the library's actors for the article in
// the reader: without the demo's own actors, except in the demo. start and
// every change of the actors build them off the main goroutine; should the
// picker open before the first one is there, they are built now.
func (c *controller) actorMatcher() *recognize.Matcher {
	if c.matcher == nil {
		c.matcher, c.matcherAll = buildMatchers(c.actors.sorted(), c.demo)
	}
	if c.current != "" && c.current == c.demo.article {
		return c.matcherAll
	}
	return c.matcher
}

// buildMatchers builds the matcher without the demo's own actors and the
// one with them (the same one when the demo has none).
func buildMatchers(actors []annotation.Actor, demo demoState) (live, all *recognize.Matcher) {
	all = recognize.NewMatcher(actors)
	if len(demo.actors) == 0 {
		return all, all
	}
	kept := make([]annotation.Actor, 0, len(actors))
	for _, a := range actors {
		if !demo.actors[a.ID] {
			kept = append(kept, a)
		}
	}
	return recognize.NewMatcher(kept), all
}

// lookupActors finds built-in actors (states, leaders, organisations) by a
// typed name or alias for the picker, so "USA" offers the known actor with
// its aliases rather than only a new, bare one.
func (c *controller) lookupActors(query string) []widgets.PickerActor {
	lang := ""
	if c.art != nil {
		lang = c.art.Lang
	}
	var out []widgets.PickerActor
	for _, s := range c.actorMatcher().Lookup(query, lang, 8) {
		if s.Actor.ID != "" {
			continue // library actors are listed by the picker itself
		}
		pa := pickerActor(s.Actor)
		pa.Hint = "known"
		if c.suggested == nil {
			c.suggested = map[string]annotation.Actor{}
		}
		c.suggested[annotation.NameKey(s.Actor.Name)] = s.Actor
		out = append(out, pa)
	}
	return out
}
