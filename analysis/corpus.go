// Package analysis turns a library's highlights into what discourse
// researchers count: statements (one actor in one role, optionally on a
// topic with a stance, on one highlight of a dated article), actor
// networks (speaker → target, co-occurrence, and the Discourse Network
// Analyzer's congruence and conflict on topics), the actor–topic
// affiliation network, frequency tables and timelines, and the files R,
// Gephi, visone, UCINET and a spreadsheet open.
//
// It is pure computation over values: no storage, no window. The command
// line and the window read the library into a Corpus (package
// analysis/source) and hand it here.
package analysis

import (
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// Stance is the position an actor takes on a topic in a statement:
// annotation.Stance, supports, opposes, neutral or unset.
type Stance = annotation.Stance

// The stances a statement can carry (annotation's, named here for
// brevity).
const (
	StanceUnset    = annotation.StanceUnset
	StanceSupports = annotation.StanceSupports
	StanceOpposes  = annotation.StanceOpposes
	StanceNeutral  = annotation.StanceNeutral
)

// Article is what the analysis needs of an article: its metadata.
type Article struct {
	ID        string
	Title     string
	Site      string
	URL       string
	Published time.Time
	Added     time.Time
}

// Date is when the article's statements were made: its publication time,
// or when it was added to the library if the page gave none (as the
// Discourse Network Analyzer dates statements by their document).
func (a Article) Date() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Added
}

// Topic is what statements are about (annotation.Topic's fields that the
// analysis uses). Parent is the id of the topic it sits under, or empty.
type Topic struct {
	ID      string
	Name    string
	Color   string
	Parent  string
	Aliases []string
}

// Claim is one actor on one highlight: the actor, its role and, when the
// reader coded one, the topic and the stance taken on it. It is the part
// of a statement that the highlight stores (annotation.ActorRef).
type Claim struct {
	Actor  string
	Role   annotation.Role
	Topic  string
	Stance Stance
}

// Highlight is a passage with its claims.
type Highlight struct {
	ID        string
	ArticleID string
	Start     int
	Quote     string
	Note      string
	Orphaned  string
	Claims    []Claim
}

// Corpus is everything an analysis reads: articles, actors, topics and
// highlights. References that lead nowhere (an actor or article missing
// from the corpus) are left out of every count, not guessed at.
type Corpus struct {
	Articles   []Article
	Actors     []annotation.Actor
	Topics     []Topic
	Highlights []Highlight
}

// HighlightOf converts a stored highlight into the analysis's form. It is
// the one place that reads annotation.ActorRef.
func HighlightOf(h annotation.Highlight) Highlight {
	out := Highlight{ID: h.ID, ArticleID: h.ArticleID, Start: h.Start, Quote: h.Quote.Exact,
		Note: h.Note, Orphaned: h.Orphaned, Claims: make([]Claim, 0, len(h.Actors))}
	for _, r := range h.Actors {
		out.Claims = append(out.Claims, claimOf(r))
	}
	return out
}

// claimOf reads one actor reference: the actor's statement. A missing
// role is "mentioned", as the library treats it.
func claimOf(r annotation.ActorRef) Claim {
	role := r.Role
	if role == "" {
		role = annotation.RoleMentioned
	}
	return Claim{Actor: r.ActorID, Role: role, Topic: r.Topic, Stance: r.Stance}
}

// TopicOf converts a stored topic into the analysis's form.
func TopicOf(t annotation.Topic) Topic {
	return Topic{ID: t.ID, Name: t.Name, Color: t.Color, Parent: t.Parent, Aliases: t.Aliases}
}
