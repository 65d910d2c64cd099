// Package annotation holds what a reader adds to an article: highlights,
// the actors they are tagged with, their ids, and the anchoring that finds a
// highlight again when the article's text changes. Recognising actors in a
// text is the subpackage recognize.
package annotation

import (
	"slices"
	"time"
)

// Role says how an actor takes part in a highlighted passage.
type Role string

// The roles an actor can have in a highlight.
const (
	RoleSpeaker   Role = "speaker"
	RoleTarget    Role = "target"
	RoleMentioned Role = "mentioned"
)

// Roles lists every valid role. The first is the default, because most
// actors in a passage are only mentioned; a stored reference without a role
// has it too. Like Kinds, this list is the one source for the picker, the
// command line and the library's checks.
var Roles = []Role{RoleMentioned, RoleSpeaker, RoleTarget}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// RoleNames returns Roles as strings, for choosers.
func RoleNames() []string { return names(Roles) }

// RoleChoices lists Roles for a usage line or an error message:
// "mentioned, speaker or target".
func RoleChoices() string { return choices(RoleNames()) }

// ActorRef tags a highlight with one actor in one role and, optionally,
// what the actor says or does about a topic: a statement (actor, topic,
// stance) in the Discourse Network Analyzer's sense ("Kim Jong Un,
// speaker, on Sanctions: opposes"). A highlight may name an actor several
// times, once per topic; Topic is a topic id, and Stance is unset when
// there is no topic.
type ActorRef struct {
	ActorID string `json:"actor"`
	Role    Role   `json:"role"`
	Topic   string `json:"topic,omitempty"`
	Stance  Stance `json:"stance,omitempty"`
}

// TextQuote is the W3C TextQuoteSelector of a highlight: the exact passage
// and up to ContextLen code points before and after it.
type TextQuote struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// ContextLen is how many code points of prefix and suffix a quote keeps.
const ContextLen = 32

// Highlight is a passage of an article the reader marked, with its actors
// and note. Start and End are code point offsets into the article's
// canonical text, half-open. A highlight that could not be re-anchored after
// the text changed keeps its last offsets and says why in Orphaned, in
// words for the reader (OrphanReasonOf gives the reason as a code).
type Highlight struct {
	ID        string     `json:"id"`
	ArticleID string     `json:"article"`
	Start     int        `json:"start"`
	End       int        `json:"end"`
	Quote     TextQuote  `json:"quote"`
	Color     string     `json:"color,omitempty"`
	Actors    []ActorRef `json:"actors,omitempty"`
	Note      string     `json:"note,omitempty"`
	Created   time.Time  `json:"created"`
	Updated   time.Time  `json:"updated"`
	Orphaned  string     `json:"orphaned,omitempty"`
}
