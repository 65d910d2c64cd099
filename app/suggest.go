package app

import (
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/widgets"
)

// suggest offers the actors named in a passage, best first, and remembers
// the full actors behind them for when one is picked. With the Matcher that
// is library actors, then built-in ones (states, leaders, organisations with
// their aliases), then people and organisations discovered in the article;
// until the Matcher is built, library actors whose name or alias occurs in
// the passage.
func (a *App) suggest(passage string) []widgets.PickerActor {
	a.suggested = map[string]annotation.Actor{}
	if a.matcher == nil {
		return a.suggestFromLibrary(passage)
	}
	var out []widgets.PickerActor
	for _, s := range a.matcher.Suggest(passage, a.art) {
		act := s.Actor
		if act.ID != "" {
			if lib, ok := a.actors[act.ID]; ok {
				act = lib
			}
		}
		pa := a.pickerActor(act)
		switch {
		case act.ID != "":
			pa.Hint = "in passage"
		case s.Known:
			pa.Hint = "known"
		default:
			pa.Hint = "found in article"
		}
		a.suggested[widgets.Fold(act.Name)] = act
		out = append(out, pa)
	}
	return out
}

// lookupActors finds built-in actors (states, leaders, organisations) by a
// typed name or alias for the picker, so "USA" offers the known actor with
// its aliases rather than only a new, bare one.
func (a *App) lookupActors(query string) []widgets.PickerActor {
	if a.matcher == nil {
		return nil
	}
	lang := ""
	if a.art != nil {
		lang = a.art.Lang
	}
	var out []widgets.PickerActor
	for _, s := range a.matcher.Lookup(query, lang, 8) {
		if s.Actor.ID != "" {
			continue // library actors are listed by the picker itself
		}
		pa := a.pickerActor(s.Actor)
		pa.Hint = "known"
		if a.suggested == nil {
			a.suggested = map[string]annotation.Actor{}
		}
		a.suggested[widgets.Fold(s.Actor.Name)] = s.Actor
		out = append(out, pa)
	}
	return out
}

// suggestFromLibrary finds library actors whose name or alias occurs in the
// passage (ignoring case and diacritics), in order of first mention.
func (a *App) suggestFromLibrary(passage string) []widgets.PickerActor {
	folded := " " + widgets.Fold(passage) + " "
	type hit struct {
		pa  widgets.PickerActor
		len int
		at  int
	}
	var hits []hit
	for _, act := range a.actors {
		best, at := 0, 0
		for _, name := range append([]string{act.Name}, act.Aliases...) {
			f := widgets.Fold(strings.TrimSpace(name))
			if len([]rune(f)) < 2 {
				continue
			}
			if i := indexWord(folded, f); i >= 0 && len(f) > best {
				best, at = len(f), i
			}
		}
		if best > 0 {
			pa := a.pickerActor(act)
			pa.Hint = "in passage"
			hits = append(hits, hit{pa, best, at})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].at != hits[j].at {
			return hits[i].at < hits[j].at
		}
		return hits[i].len > hits[j].len
	})
	out := make([]widgets.PickerActor, len(hits))
	for i, h := range hits {
		out[i] = h.pa
	}
	return out
}

// indexWord finds needle in hay where it starts at a word boundary, so
// "USA" matches "die USA," but not "Jerusalem"; a word may go on
// ("Russland" finds "Russlands"), which covers German inflection.
func indexWord(hay, needle string) int {
	from := 0
	for {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isWordByte(hay[i-1]) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}
