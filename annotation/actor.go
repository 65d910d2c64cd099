package annotation

import "time"

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

// Kinds lists every valid kind, in the order a picker offers them.
var Kinds = []Kind{KindState, KindPerson, KindOrganisation, KindGroup, KindOther}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
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
