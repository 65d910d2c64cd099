package export

import (
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// ArticleHead is what naming an article's note takes: its id, its title
// and when it was added (older articles are named first, so that a title
// shared later gets the suffix).
type ArticleHead struct {
	ID    string
	Title string
	Added time.Time
}

// NoteSource is what a folder export reads: the heads of the articles to
// export, then each article with its highlights, one at a time, so that
// an export holds one article in memory rather than the library (the
// first export of 50,000 notes held 442 MiB when everything was read
// first). Every actor and topic the highlights may name is read whole:
// they are few.
type NoteSource interface {
	// Heads lists the articles to export, in the order their notes are
	// written.
	Heads() []ArticleHead
	// Article reads one of them with its highlights; nil leaves it out
	// (deleted meanwhile, or unreadable: the source says which).
	Article(id string) *Article
	// Actors and Topics are every actor and topic.
	Actors() []annotation.Actor
	Topics() []annotation.Topic
}

// NoteSource returns the library held in memory as a NoteSource, its
// articles in their order.
func (l *Library) NoteSource() NoteSource {
	return &memorySource{lib: l}
}

// memorySource is a Library already in memory, read as a NoteSource.
type memorySource struct {
	lib   *Library
	index map[string]int
}

func (s *memorySource) Heads() []ArticleHead { return headsOf(s.lib.Articles) }

func (s *memorySource) Article(id string) *Article {
	if s.index == nil {
		s.index = make(map[string]int, len(s.lib.Articles))
		for i := len(s.lib.Articles) - 1; i >= 0; i-- {
			s.index[s.lib.Articles[i].ID] = i
		}
	}
	if i, ok := s.index[id]; ok {
		return &s.lib.Articles[i]
	}
	return nil
}

func (s *memorySource) Actors() []annotation.Actor { return s.lib.Actors }
func (s *memorySource) Topics() []annotation.Topic { return s.lib.Topics }

// headsOf returns the heads of articles, in their order.
func headsOf(as []Article) []ArticleHead {
	hs := make([]ArticleHead, len(as))
	for i := range as {
		hs[i] = ArticleHead{ID: as[i].ID, Title: as[i].Title, Added: as[i].Added}
	}
	return hs
}
