package gather

import (
	"fmt"
	"slices"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// Notes is the library as a folder export reads it (export.NoteSource):
// first the heads of the articles (id, title, when added: what naming the
// notes takes), then each article with its highlights, not its text, one
// at a time as its note is written, so that an export's memory does not
// grow with the library. What cannot be read is left out and collected
// in Skipped, as Library does.
type Notes struct {
	lib    *storage.Library
	heads  []export.ArticleHead
	actors []annotation.Actor
	topics []annotation.Topic
	// leftOut is an article not to export (the window's example article).
	leftOut string
	reads   int
	Skipped []error
}

// NewNotes reads the heads of the articles named by refs (ids or unique
// id prefixes, each once, in that order; every article, newest added
// first, when refs is empty), and every actor and topic.
func NewNotes(lib *storage.Library, refs []string) (*Notes, error) {
	ids, err := articleIDs(lib, refs)
	if err != nil {
		return nil, err
	}
	lib.ReleaseReadPages() // listing read every article's key
	n := &Notes{lib: lib}
	n.readHeads(ids)
	if len(refs) == 0 {
		slices.SortStableFunc(n.heads, func(x, y export.ArticleHead) int {
			return newestAddedFirst(x.Added, y.Added, x.ID, y.ID)
		})
	}
	var sk []error
	n.actors, n.topics, sk, err = actorsAndTopics(lib)
	if err != nil {
		return nil, err
	}
	n.Skipped = append(n.Skipped, sk...)
	return n, nil
}

// headsPerRead is how many articles' heads are read in one transaction,
// with the pages read let go in between (see releaseEvery).
const headsPerRead = 1024

// readHeads reads the heads of ids, a batch at a time; where a batch does
// not read, one by one, leaving out (and naming) what does not.
func (n *Notes) readHeads(ids []string) {
	n.heads = make([]export.ArticleHead, 0, len(ids))
	for len(ids) > 0 {
		batch := ids[:min(len(ids), headsPerRead)]
		ids = ids[len(batch):]
		heads, err := n.lib.ArticleHeads(batch)
		if err != nil {
			heads = n.readHeadsOneByOne(batch)
		}
		for _, h := range heads {
			n.heads = append(n.heads, export.ArticleHead{ID: h.ID, Title: h.Title, Added: h.Added})
		}
		n.lib.ReleaseReadPages()
	}
}

// readHeadsOneByOne reads the heads of ids one at a time.
func (n *Notes) readHeadsOneByOne(ids []string) []storage.ArticleHead {
	var out []storage.ArticleHead
	for _, id := range ids {
		h, err := n.lib.ArticleHeads([]string{id})
		if err != nil {
			n.Skipped = append(n.Skipped, fmt.Errorf("article %s could not be read: %w", id, err))
			continue
		}
		out = append(out, h...)
	}
	return out
}

// LeaveOut leaves an article and actors out of the export (the window's
// example article and its actors). Call it before the export reads.
func (n *Notes) LeaveOut(articleID string, actors map[string]bool) {
	if articleID != "" {
		n.leftOut = articleID
		n.heads = slices.DeleteFunc(n.heads, func(h export.ArticleHead) bool { return h.ID == articleID })
	}
	if len(actors) > 0 {
		n.actors = slices.DeleteFunc(n.actors, func(a annotation.Actor) bool { return actors[a.ID] })
	}
}

// Heads lists the articles to export, in the order of their notes.
func (n *Notes) Heads() []export.ArticleHead { return n.heads }

// Article reads one article with its highlights; nil when it is gone or
// cannot be read (then named in Skipped).
func (n *Notes) Article(id string) *export.Article {
	if id == n.leftOut {
		return nil
	}
	if n.reads++; n.reads%releaseEvery == 0 {
		n.lib.ReleaseReadPages()
	}
	a, sk, err := readArticle(n.lib, id, false)
	n.Skipped = append(n.Skipped, sk...)
	if err != nil {
		n.Skipped = append(n.Skipped, err)
		return nil
	}
	return a
}

// Actors returns every readable actor (but those left out).
func (n *Notes) Actors() []annotation.Actor { return n.actors }

// Topics returns every readable topic.
func (n *Notes) Topics() []annotation.Topic { return n.topics }
