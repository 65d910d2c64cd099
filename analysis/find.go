package analysis

import (
	"fmt"

	"github.com/dramatis-app/dramatis/annotation"
)

// FindActor returns the id of the actor named name (its name or an
// alias, compared as the library compares names: annotation.NameKey) or
// with id name.
func (c *Corpus) FindActor(name string) (string, error) {
	if id, ok := findNamed(c.Actors, name, func(a annotation.Actor) (string, string, []string) { return a.ID, a.Name, a.Aliases }); ok {
		return id, nil
	}
	return "", fmt.Errorf("no actor named %q in the library", name)
}

// FindTopic returns the id of the topic named name (or an alias of it),
// or with id name.
func (c *Corpus) FindTopic(name string) (string, error) {
	if id, ok := findNamed(c.Topics, name, func(t Topic) (string, string, []string) { return t.ID, t.Name, t.Aliases }); ok {
		return id, nil
	}
	if len(c.Topics) == 0 {
		return "", fmt.Errorf("no topic named %q: the library has no topics", name)
	}
	return "", fmt.Errorf("no topic named %q in the library", name)
}

// findNamed finds the record with id name or named name, else the first
// with name among its aliases: a name wins over another record's alias.
func findNamed[T any](records []T, name string, fields func(T) (id, name string, aliases []string)) (string, bool) {
	key := annotation.NameKey(name)
	for _, r := range records {
		if id, n, _ := fields(r); id == name || annotation.NameKey(n) == key {
			return id, true
		}
	}
	for _, r := range records {
		id, _, aliases := fields(r)
		for _, al := range aliases {
			if annotation.NameKey(al) == key {
				return id, true
			}
		}
	}
	return "", false
}

// ParseStance reads a stance as a reader types it (annotation.ParseStance:
// a name, a prefix of three letters or more, or a sign + - 0), with an
// error that lists the choices.
func ParseStance(s string) (Stance, error) {
	st, ok := annotation.ParseStance(s)
	if !ok {
		return StanceUnset, fmt.Errorf("no stance %q: choose %s (or + - 0), or unset", s, annotation.StanceChoices())
	}
	return st, nil
}
