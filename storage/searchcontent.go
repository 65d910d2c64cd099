package storage

import (
	bolt "go.etcd.io/bbolt"
)

// docContent is everything the index holds of one article, derived from
// the library: the build writes it, a search of articles not yet indexed
// reads it directly, and the tests compare the index with it.
type docContent struct {
	words     map[string]struct{} // the article's own words (fieldText)
	title     map[string]struct{} // its title's words (fieldTitle)
	refs      map[string]int      // field+term → how many highlights give it
	doc       docRecord
	textBytes int
}

// loadDocContent derives an article's index content from its record, its
// text and its highlights.
func loadDocContent(tx *bolt.Tx, rec articleRecord) (docContent, error) {
	text := tx.Bucket(bArticleText).Get([]byte(rec.ID))
	ws, err := articleWords(rec, text)
	if err != nil {
		return docContent{}, err
	}
	hs, err := articleHighlights(tx, rec.ID)
	if err != nil {
		return docContent{}, err
	}
	c := docContent{words: ws, title: titleWords(rec), refs: map[string]int{}, textBytes: len(text)}
	orphans := 0
	for _, h := range hs {
		for t := range highlightTerms(h) {
			c.refs[t]++
		}
		if h.Orphaned != "" {
			orphans++
		}
	}
	c.doc = docRecordOf(rec, uint32(len(hs)), uint32(orphans))
	return c, nil
}

// has reports whether the article has term (field+word or field+tag).
func (c docContent) has(term string) bool {
	if term != "" && term[0] == fieldText {
		_, ok := c.words[term[1:]]
		return ok
	}
	if term != "" && term[0] == fieldTitle {
		_, ok := c.title[term[1:]]
		return ok
	}
	return c.refs[term] > 0
}
