// Package export turns a Dramatis library into the shapes readers keep
// their notes in: Markdown notes for Obsidian (per article, grouped by
// actor, one note per actor) and W3C Web Annotation JSON-LD, and writes
// files so that none is ever half-written (AtomicFile, CheckTarget).
//
// A notes folder is written safely and repeatedly (WriteFolder): each
// note's managed part lies between markers, the end marker carries the
// hash of what Dramatis wrote, and .dramatis/export-state beside the
// notes the hashes of its lines, so that the next export merges
// Dramatis's changes around every line the reader added or changed there
// (three-way, line by line: managed.go, notemerge.go, merge3.go,
// linediff.go), with a conflict copy where both changed the same lines.
// Notes are written aside and put in place in batches, one sync each
// (notewriter.go).
//
// Everything here works on plain data (Library, Article) so that it knows
// nothing of how the library is stored; export/gather reads it out of the
// library for the CLI and the window. The JSON backup is package backup.
package export

import (
	"sort"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Article is one stored article as export sees it: the cleaned article,
// its library id and when it was added, and its highlights.
type Article struct {
	ID    string    `json:"id"`
	Added time.Time `json:"added"`
	// Updated is when the current text became the article's (a
	// re-import), Source where the reader imported it from (a web address
	// or a file path): the library's record of it (storage.ArticleInfo).
	Updated time.Time `json:"updated,omitzero"`
	Source  string    `json:"source,omitempty"`
	article.Article
	Highlights []annotation.Highlight `json:"highlights"`
}

// Library is what an export covers: articles (each with its highlights),
// every actor and topic they may name, and the preferences worth backing
// up.
type Library struct {
	Articles    []Article
	Actors      []annotation.Actor
	Topics      []annotation.Topic
	Preferences map[string]string
}

// TopicMap indexes the library's topics by id.
func (l *Library) TopicMap() map[string]annotation.Topic { return topicMap(l.Topics) }

// ActorMap indexes the library's actors by id.
func (l *Library) ActorMap() map[string]annotation.Actor { return actorMap(l.Actors) }

// topicMap indexes topics by id.
func topicMap(ts []annotation.Topic) map[string]annotation.Topic {
	m := make(map[string]annotation.Topic, len(ts))
	for _, t := range ts {
		m[t.ID] = t
	}
	return m
}

// actorMap indexes actors by id.
func actorMap(as []annotation.Actor) map[string]annotation.Actor {
	m := make(map[string]annotation.Actor, len(as))
	for _, a := range as {
		m[a.ID] = a
	}
	return m
}

// sortHighlights puts highlights in reading order (start, end, id) with
// orphaned ones last, the order notes present them in.
func sortHighlights(hs []annotation.Highlight) {
	sort.SliceStable(hs, func(i, j int) bool { return highlightLess(&hs[i], &hs[j]) })
}

// highlightLess is the reading order: anchored before orphaned, then by
// start, end and id.
func highlightLess(a, b *annotation.Highlight) bool {
	if (a.Orphaned != "") != (b.Orphaned != "") {
		return a.Orphaned == ""
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.ID < b.ID
}

// sortedActors returns actors by name, case-insensitively, then by id.
func sortedActors(as []annotation.Actor) []annotation.Actor {
	type keyed struct {
		key string
		a   annotation.Actor
	}
	ks := make([]keyed, len(as))
	for i, a := range as {
		ks[i] = keyed{strings.ToLower(a.Name), a}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].key != ks[j].key {
			return ks[i].key < ks[j].key
		}
		return ks[i].a.ID < ks[j].a.ID
	})
	out := make([]annotation.Actor, len(ks))
	for i, k := range ks {
		out[i] = k.a
	}
	return out
}

// newestFirst orders articles by publication date, newest first, falling
// back to when they were added and then to the id, so that an actor's
// note reads like a news timeline.
func newestFirst(as []*Article) {
	sort.SliceStable(as, func(i, j int) bool {
		ti, tj := as[i].when(), as[j].when()
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return as[i].ID > as[j].ID
	})
}

// when is the article's date for ordering: published, else added.
func (a *Article) when() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Added
}
