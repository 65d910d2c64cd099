package app

import (
	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/widgets"
)

// suggest offers the actors named in a passage, best first: library actors,
// then built-in ones (states, leaders, organisations with their aliases),
// then people and organisations discovered in the article. It remembers
// the full actors behind them for when one is picked.
func (c *controller) suggest(passage string) []widgets.PickerActor {
	c.suggested = map[string]annotation.Actor{}
	var out []widgets.PickerActor
	for _, s := range c.actorMatcher().Suggest(passage, c.art) {
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
