package annotation

import (
	"slices"
	"strings"
	"time"
)

// Kind classifies an actor.
type Kind string

// The kinds of actor Dramatis knows.
const (
	KindState        Kind = "state"
	KindPerson       Kind = "person"
	KindOrganisation Kind = "organisation"
	KindGroup        Kind = "group"
	KindOther        Kind = "other"
)

// Kinds lists every valid kind, the most common in the news first. This
// list is the one source: the actor picker, the Actors window, the command
// line's usage and the library's checks all offer and accept exactly these,
// in this order (see TestKindsAndRolesHaveOneHome).
var Kinds = []Kind{KindPerson, KindState, KindOrganisation, KindGroup, KindOther}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// KindNames returns Kinds as strings, for choosers.
func KindNames() []string { return names(Kinds) }

// KindChoices lists Kinds for a usage line or an error message:
// "person, state, organisation, group or other".
func KindChoices() string { return choices(KindNames()) }

// names converts a list of kinds or roles to strings.
func names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// choices joins names as a reader lists alternatives: "a, b or c".
func choices(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Actor is someone or something that acts or is acted upon in the news: a
// state, a leader, an expert, an institution. Names are unique
// case-insensitively across a library; Aliases are the other ways the news
// refers to the actor ("Peking" for China, "DVRK" for North Korea).
type Actor struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Kind     Kind      `json:"kind"`
	Color    string    `json:"color,omitempty"`
	Aliases  []string  `json:"aliases,omitempty"`
	Wikidata string    `json:"wikidata,omitempty"`
	Note     string    `json:"note,omitempty"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
}
