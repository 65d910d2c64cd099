// Package source reads a Dramatis library into an analysis.Corpus: the
// articles' metadata (not their text), every highlight with its
// statements, every actor and every topic,
// through the export's gathering (export/gather), so that an analysis
// reads a damaged library as far as it can be read and names the rest.
package source

import (
	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/export/gather"
	"github.com/dramatis-app/dramatis/storage"
)

// Read reads the articles named by refs (ids or unique id prefixes; every
// article when refs is empty) with their highlights, and every actor and
// topic.
// Records that cannot be read are left out and returned in skipped.
func Read(lib *storage.Library, refs []string) (c *analysis.Corpus, skipped []error, err error) {
	l, skipped, err := gather.Library(lib, refs)
	if err != nil {
		return nil, skipped, err
	}
	c = &analysis.Corpus{Actors: l.Actors, Articles: make([]analysis.Article, 0, len(l.Articles)),
		Topics: make([]analysis.Topic, 0, len(l.Topics))}
	for _, t := range l.Topics {
		c.Topics = append(c.Topics, analysis.TopicOf(t))
	}
	n := 0
	for _, a := range l.Articles {
		n += len(a.Highlights)
	}
	c.Highlights = make([]analysis.Highlight, 0, n)
	for _, a := range l.Articles {
		c.Articles = append(c.Articles, analysis.Article{ID: a.ID, Title: a.Title, Site: a.Site, URL: a.URL,
			Published: a.Published, Added: a.Added})
		for _, h := range a.Highlights {
			c.Highlights = append(c.Highlights, analysis.HighlightOf(h))
		}
	}
	return c, skipped, nil
}
