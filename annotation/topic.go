package annotation

import "time"

// Topic is what a statement is about: the Discourse Network Analyzer's
// concept, QualCoder's code ("Sanctions", "Nuclear programme"). The reader
// makes topics as they read. A topic may sit under one parent topic (one
// level: a parent has no parent of its own), has aliases the way actors
// do ("Sanktionen" for Sanctions), a colour and a note. Names are unique
// case-insensitively across a library (NameKey), like actors' names.
type Topic struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Color   string    `json:"color,omitempty"`
	Parent  string    `json:"parent,omitempty"`
	Aliases []string  `json:"aliases,omitempty"`
	Note    string    `json:"note,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}
