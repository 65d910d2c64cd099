// Package gather reads what an export covers out of the library: the
// articles (with their highlights, and their text for a backup), the
// actors and the preferences, as the export and backup packages take
// them. The command line and the window both export through it.
//
// It reads record by record and salvages: a record that cannot be read
// (a damaged library) is left out and named, and everything else is
// exported.
package gather

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/backup"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// Library reads what a Markdown or W3C export covers: the articles named
// by refs (ids or unique id prefixes, each once, in that order; every
// article, newest added first, when refs is empty) with their metadata
// and highlights, not their text, and every actor. What cannot be read
// is left out and named in skipped.
func Library(lib *storage.Library, refs []string) (out *export.Library, skipped []error, err error) {
	ids, err := articleIDs(lib, refs)
	if err != nil {
		return nil, nil, err
	}
	lib.ReleaseReadPages() // listing read every article's record
	out = &export.Library{Articles: make([]export.Article, 0, len(ids))}
	for i, id := range ids {
		if i%releaseEvery == releaseEvery-1 {
			lib.ReleaseReadPages()
		}
		a, sk, err := readArticle(lib, id, false)
		skipped = append(skipped, sk...)
		if err != nil {
			skipped = append(skipped, err)
			continue
		}
		if a != nil {
			out.Articles = append(out.Articles, *a)
		}
	}
	if len(refs) == 0 {
		slices.SortStableFunc(out.Articles, func(x, y export.Article) int {
			return newestAddedFirst(x.Added, y.Added, x.ID, y.ID)
		})
	}
	var sk []error
	out.Actors, out.Topics, sk, err = actorsAndTopics(lib)
	if err != nil {
		return nil, nil, err
	}
	return out, append(skipped, sk...), nil
}

// newestAddedFirst orders articles as an export of the whole library
// lists them: newest added first, then by id, newest first.
func newestAddedFirst(addedX, addedY time.Time, idX, idY string) int {
	if c := addedY.Compare(addedX); c != 0 {
		return c
	}
	return cmp.Compare(idY, idX)
}

// actorsAndTopics reads every actor and topic an export names, salvaging
// a damaged library; what cannot be read is named in skipped.
func actorsAndTopics(lib *storage.Library) (actors []annotation.Actor, topics []annotation.Topic, skipped []error, err error) {
	actors, sk, err := lib.SalvageActors()
	if err != nil {
		return nil, nil, nil, err
	}
	skipped = asErrors(sk)
	topics, sk, err = lib.SalvageTopics()
	if err != nil {
		return nil, nil, nil, err
	}
	return actors, topics, append(skipped, asErrors(sk)...), nil
}

// releaseEvery is how many articles an export reads before it lets the
// pages of the library file it read go (storage.ReleaseReadPages): about
// 10 MB of a library of typical articles, so that the resident memory of
// an export stays that small at any library size.
const releaseEvery = 256

// readArticle reads one article; nil without an error when it is gone
// (deleted while the export ran).
func readArticle(lib *storage.Library, id string, withText bool) (*export.Article, []error, error) {
	a, info, hs, sk, err := lib.SalvageArticle(id, withText)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, asErrors(sk), err
	}
	return &export.Article{ID: id, Added: info.Added, Updated: info.Updated, Source: info.Source, Article: *a, Highlights: hs}, asErrors(sk), nil
}

// articleIDs resolves refs to article ids, or lists every article.
func articleIDs(lib *storage.Library, refs []string) ([]string, error) {
	if len(refs) == 0 {
		return lib.ArticleIDs()
	}
	return lib.ResolveArticles(refs)
}

// asErrors turns the records a salvaging read skipped into errors.
func asErrors(us []storage.Unreadable) []error {
	out := make([]error, len(us))
	for i, u := range us {
		out[i] = u
	}
	return out
}

// Preferences reads the preferences for a backup. A value (or name) that
// is not text cannot go into the JSON file unchanged: it is left out and
// its name returned in skipped.
func Preferences(lib *storage.Library) (prefs map[string]string, skipped []string, err error) {
	raw, err := lib.Preferences()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the preferences: %w", err)
	}
	prefs = make(map[string]string, len(raw))
	for k, v := range raw {
		if !utf8.Valid(v) || !utf8.ValidString(k) {
			skipped = append(skipped, k)
			continue
		}
		prefs[k] = string(v)
	}
	return prefs, skipped, nil
}

// Source is the library as a backup reads it: every article with its
// text and highlights, one at a time in id order, then the actors and
// the preferences (backup.Source). What cannot be read is left out and
// collected in Skipped; an article whose text cannot be read is left out
// whole, since a backup article needs its text.
type Source struct {
	lib     *storage.Library
	ids     []string
	Skipped []error
	// actors are the readable actors, read before the articles so that
	// references to an unreadable one can be left out of the highlights
	// (the backup must hold every actor its highlights name).
	actors []annotation.Actor
	known  map[string]bool
	// topics and knownTopics: the same for topics.
	topics      []annotation.Topic
	knownTopics map[string]bool
}

// NewSource reads lib for a backup: the articles named by refs (ids or
// unique id prefixes), or every article when refs is empty, with every
// actor and preference.
func NewSource(lib *storage.Library, refs []string) (*Source, error) {
	s := &Source{lib: lib}
	if len(refs) > 0 {
		ids, err := articleIDs(lib, refs)
		if err != nil {
			return nil, err
		}
		s.ids = slices.Sorted(slices.Values(ids))
	}
	return s, nil
}

// EachArticle calls fn with every readable article, in id order.
func (s *Source) EachArticle(fn func(*export.Article) error) error {
	if err := s.readActors(); err != nil {
		return err
	}
	ids := s.ids
	if ids == nil {
		var err error
		if ids, err = s.lib.ArticleIDs(); err != nil {
			return err
		}
		s.lib.ReleaseReadPages() // listing read every article's record
	}
	for i, id := range ids {
		if i%releaseEvery == releaseEvery-1 {
			s.lib.ReleaseReadPages()
		}
		a, sk, err := readArticle(s.lib, id, true)
		s.Skipped = append(s.Skipped, sk...)
		switch {
		case err != nil:
			s.Skipped = append(s.Skipped, err)
			continue
		case a == nil:
			continue
		case len(a.Blocks) == 0:
			s.Skipped = append(s.Skipped, unreadableText(id, a))
			continue
		}
		s.dropUnknownActors(a)
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// readActors reads the actors and topics once.
func (s *Source) readActors() error {
	if s.known != nil {
		return nil
	}
	actors, sk, err := s.lib.SalvageActors()
	if err != nil {
		return err
	}
	s.Skipped = append(s.Skipped, asErrors(sk)...)
	s.actors, s.known = actors, map[string]bool{}
	for _, a := range actors {
		s.known[a.ID] = true
	}
	topics, sk, err := s.lib.SalvageTopics()
	if err != nil {
		return err
	}
	s.Skipped = append(s.Skipped, asErrors(sk)...)
	s.topics, s.knownTopics = topics, map[string]bool{}
	for _, t := range topics {
		s.knownTopics[t.ID] = true
	}
	// A topic under one that could not be read goes to the top level.
	for i := range s.topics {
		if p := s.topics[i].Parent; p != "" && !s.knownTopics[p] {
			s.Skipped = append(s.Skipped, fmt.Errorf("topic %q is under topic %s, which could not be read; the backup puts it at the top level", s.topics[i].Name, p))
			s.topics[i].Parent = ""
		}
	}
	return nil
}

// dropUnknownActors leaves out of an article's highlights the references
// to actors that could not be read, naming each.
func (s *Source) dropUnknownActors(a *export.Article) {
	for i := range a.Highlights {
		h := &a.Highlights[i]
		h.Actors = slices.DeleteFunc(h.Actors, func(r annotation.ActorRef) bool {
			if s.known[r.ActorID] {
				return false
			}
			s.Skipped = append(s.Skipped, fmt.Errorf("highlight %s names actor %s, which could not be read; the backup leaves that out", h.ID, r.ActorID))
			return true
		})
		for j := range h.Actors {
			if r := &h.Actors[j]; r.Topic != "" && !s.knownTopics[r.Topic] {
				s.Skipped = append(s.Skipped, fmt.Errorf("highlight %s names topic %s, which could not be read; the backup keeps the actor without the topic", h.ID, r.Topic))
				r.Topic, r.Stance = "", annotation.StanceUnset
			}
		}
	}
}

// Topics returns every readable topic.
func (s *Source) Topics() ([]annotation.Topic, error) {
	if err := s.readActors(); err != nil {
		return nil, err
	}
	return s.topics, nil
}

// Actors returns every readable actor.
func (s *Source) Actors() ([]annotation.Actor, error) {
	if err := s.readActors(); err != nil {
		return nil, err
	}
	return s.actors, nil
}

// Preferences returns the preferences that are text.
func (s *Source) Preferences() (map[string]string, error) {
	prefs, sk, err := Preferences(s.lib)
	for _, k := range sk {
		s.Skipped = append(s.Skipped, fmt.Errorf("the preference %q is not text and is not in the backup", k))
	}
	return prefs, err
}

// unreadableText is the skip notice for an article whose text could not be
// read: what goes missing from the backup with it, counted in words.
func unreadableText(id string, a *export.Article) error {
	if n := len(a.Highlights); n > 0 {
		return fmt.Errorf("article %s (%q) and its %s are not in the backup: its text could not be read", id, a.Title, plural.Of(n, "highlight"))
	}
	return fmt.Errorf("article %s (%q) is not in the backup: its text could not be read", id, a.Title)
}

// Deletions returns the library's records of the reader's deletions
// (backup.DeletionSource), so that a library rebuilt from the backup
// still leaves out what an older backup merged into it holds. A record
// that cannot be read is left out and named.
func (s *Source) Deletions() ([]backup.Deletion, error) {
	recs, sk, err := s.lib.Deletions()
	if err != nil {
		return nil, fmt.Errorf("reading the records of deletions: %w", err)
	}
	s.Skipped = append(s.Skipped, asErrors(sk)...)
	out := make([]backup.Deletion, len(recs))
	for i, r := range recs {
		out[i] = backup.Deletion{Kind: backup.DeletionKindName(r.Kind), ID: r.ID, At: r.At, Into: r.Into}
	}
	return out, nil
}
