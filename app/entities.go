package app

import (
	"fmt"
	"sort"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/storage"
)

// unifyActors merges library actors that are one entity into the oldest of
// them, so that one state, organisation or leader is one actor with its
// names in every language it was tagged in ("United States" from the demo
// and "Vereinigte Staaten" from a German article). Two actors are one
// entity when they have the same Wikidata id, or when the built-in data
// (recognize) names the same entity with their names. It runs off the main
// goroutine at start and needs no migration: the library's MergeActors
// does it, and the survivor keeps the Wikidata id. It returns what it did,
// in words for the status line.
func unifyActors(lib *storage.Library) ([]string, error) {
	actors, err := lib.Actors()
	if err != nil || len(actors) < 2 {
		return nil, err
	}
	known := recognize.NewMatcher(nil)
	groups := map[string][]annotation.Actor{}
	for _, a := range actors {
		if key := entityOf(known, a); key != "" {
			groups[key] = append(groups[key], a)
		}
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var done []string
	for _, key := range keys {
		msg, err := mergeEntity(lib, key, groups[key])
		if err != nil {
			return done, err
		}
		done = append(done, msg)
	}
	return done, nil
}

// mergeEntity merges a group of actors that are one entity into its oldest
// and gives that one the entity's Wikidata id.
func mergeEntity(lib *storage.Library, wikidata string, group []annotation.Actor) (string, error) {
	sort.SliceStable(group, func(i, j int) bool { return group[i].Created.Before(group[j].Created) })
	into := group[0]
	for _, from := range group[1:] {
		if err := lib.MergeActors(from.ID, into.ID); err != nil {
			return "", fmt.Errorf("merging %s into %s, which are one: %w", from.Name, into.Name, err)
		}
	}
	if into.Wikidata == "" {
		merged, err := lib.Actor(into.ID)
		if err != nil {
			return "", err
		}
		merged.Wikidata = wikidata
		if _, err := lib.UpdateActor(merged); err != nil {
			return "", err
		}
	}
	names := ""
	for i, from := range group[1:] {
		if i > 0 {
			names += ", "
		}
		names += from.Name
	}
	return names + " into " + into.Name, nil
}

// entityOf is the Wikidata id of the entity an actor is: its own, or that
// of the built-in actor of the same kind (or any, for an actor of kind
// other) whose German or English name is the actor's name. "" when neither
// is known.
func entityOf(known *recognize.Matcher, a annotation.Actor) string {
	if a.Wikidata != "" {
		return a.Wikidata
	}
	key := annotation.NameKey(a.Name)
	for _, lang := range []string{"de", "en"} {
		for _, s := range known.Lookup(a.Name, lang, 3) {
			b := s.Actor
			sameKind := b.Kind == a.Kind || a.Kind == annotation.KindOther
			if b.Wikidata != "" && sameKind && annotation.NameKey(b.Name) == key {
				return b.Wikidata
			}
		}
	}
	return ""
}
