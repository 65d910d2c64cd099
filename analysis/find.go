package analysis

import (
	"fmt"

	"github.com/dramatis-app/dramatis/annotation"
)

// FindActor returns the id of the actor named name (its name or an
// alias, compared as the library compares names: annotation.NameKey) or
// with id name.
func (c *Corpus) FindActor(name string) (string, error) {
	key := annotation.NameKey(name)
	for _, a := range c.Actors {
		if a.ID == name || annotation.NameKey(a.Name) == key {
			return a.ID, nil
		}
	}
	for _, a := range c.Actors {
		for _, al := range a.Aliases {
			if annotation.NameKey(al) == key {
				return a.ID, nil
			}
		}
	}
	return "", fmt.Errorf("no actor named %q in the library", name)
}

// FindTopic returns the id of the topic named name (or an alias of it),
// or with id name.
func (c *Corpus) FindTopic(name string) (string, error) {
	key := annotation.NameKey(name)
	for _, t := range c.Topics {
		if t.ID == name || annotation.NameKey(t.Name) == key {
			return t.ID, nil
		}
	}
	for _, t := range c.Topics {
		for _, al := range t.Aliases {
			if annotation.NameKey(al) == key {
				return t.ID, nil
			}
		}
	}
	if len(c.Topics) == 0 {
		return "", fmt.Errorf("no topic named %q: the library has no topics", name)
	}
	return "", fmt.Errorf("no topic named %q in the library", name)
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
