package storage

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Unreadable is a record a salvaging read skipped: what kind of record,
// its id, and why it could not be read. Exports read record by record so
// that one damaged record costs that record, not the whole export.
type Unreadable struct {
	What, ID string
	Err      error
}

func (u Unreadable) Error() string {
	return fmt.Sprintf("the %s %s could not be read (%v)", u.What, u.ID, u.Err)
}

func (u Unreadable) Unwrap() error { return u.Err }

// ArticleIDs returns the id of every article, in id order, reading keys
// only, a few thousand at a time, letting the pages read go in between
// (ReleaseReadPages): the articles' records fill a large part of a big
// library, and the listing should not make it resident. When bbolt cannot
// walk the articles (a damaged page on the way), the page reader lists what
// it can reach (salvagefile.go), so that an export still finds every article
// a damaged page does not hold.
func (l *Library) ArticleIDs() ([]string, error) {
	var ids []string
	var after []byte
	for {
		n := 0
		err := l.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bArticles).Cursor()
			k, _ := c.First()
			if after != nil {
				if k, _ = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, _ = c.Next()
				}
			}
			for ; k != nil && n < idsPerRead; k, _ = c.Next() {
				ids = append(ids, string(k))
				n++
			}
			return nil
		})
		if err != nil && errors.Is(err, ErrDamaged) {
			return l.salvagedArticleIDs(err)
		}
		if err != nil {
			return nil, fmt.Errorf("listing the articles: %w", err)
		}
		if n < idsPerRead {
			return ids, nil
		}
		after = []byte(ids[len(ids)-1])
		l.ReleaseReadPages()
	}
}

// salvagedArticleIDs lists the articles the page reader can reach, for when
// bbolt's own walk stopped at a damaged page (walkErr).
func (l *Library) salvagedArticleIDs(walkErr error) ([]string, error) {
	s, err := l.Salvage()
	if err != nil {
		return nil, fmt.Errorf("listing the articles: %w", walkErr)
	}
	defer s.Close()
	var ids []string
	for k := range s.records(bArticles) {
		ids = append(ids, string(k))
	}
	return ids, nil
}

// idsPerRead is how many article ids ArticleIDs lists per transaction.
const idsPerRead = 4096

// SalvageArticle reads one article for an export, record by record: its
// list entry, its text when withText, and every highlight that reads.
// What does not read is returned in skipped and marks the library
// damaged: an unreadable text gives an article without blocks, an
// unreadable highlight is left out. The error is for an article of which
// nothing can be read (its record missing or damaged, a damaged page).
func (l *Library) SalvageArticle(id string, withText bool) (a *article.Article, info ArticleInfo, hs []annotation.Highlight, skipped []Unreadable, err error) {
	err = l.db.View(func(tx *bolt.Tx) error {
		r, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		var blocks []article.Block
		if withText {
			if blocks, err = loadBlocks(tx, id); err != nil {
				skipped = append(skipped, Unreadable{"text of article", id, err})
			}
		}
		a, info = r.article(blocks), infoOf(tx, r)
		hs, skipped = salvageHighlights(tx, id, skipped)
		return nil
	})
	for _, s := range skipped {
		l.noteDamage(s.Err)
	}
	if err != nil {
		return nil, ArticleInfo{}, nil, skipped, fmt.Errorf("reading article %s: %w", id, err)
	}
	return a, info, hs, skipped, nil
}

// salvageHighlights decodes an article's highlights in reading order,
// skipping the records that do not decode.
func salvageHighlights(tx *bolt.Tx, articleID string, skipped []Unreadable) ([]annotation.Highlight, []Unreadable) {
	prefix := articlePrefix(articleID)
	var out []annotation.Highlight
	c := tx.Bucket(bHighlights).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var h annotation.Highlight
		if err := decodeHighlightInto(&h, articleID, k, v); err != nil {
			id := ""
			if len(k) > len(prefix)+9 {
				id = string(k[len(prefix)+9:])
			}
			skipped = append(skipped, Unreadable{"highlight", id, err})
			continue
		}
		out = append(out, h)
	}
	return out, skipped
}

// SalvageActors returns every actor that reads, by name, and the records
// that do not.
func (l *Library) SalvageActors() ([]annotation.Actor, []Unreadable, error) {
	var out []annotation.Actor
	var skipped []Unreadable
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bActors).ForEach(func(k, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				skipped = append(skipped, Unreadable{"actor", string(k), err})
				return nil
			}
			out = append(out, a)
			return nil
		})
	})
	for _, s := range skipped {
		l.noteDamage(s.Err)
	}
	if err != nil {
		return nil, skipped, fmt.Errorf("listing the actors: %w", err)
	}
	sortActors(out)
	return out, skipped, nil
}

// MatchArticle returns the id of the stored article that an article
// coming from elsewhere (a backup) is: the one with its id, else one with
// its URL and its text (by hash), else one with its text; "" when none is.
// A URL alone is not enough (a site may give every page the same
// canonical URL; see identity.go): an article at the same URL with another
// text is a different article to the library, unless the caller does not
// know the text (hash ""). textHash is the stored article's text hash, so
// that a caller can tell whether the texts differ without reading the text.
func (l *Library) MatchArticle(id, url, hash string) (found, textHash string, err error) {
	err = l.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bArticles).Get([]byte(id)) != nil {
			found = id
		}
		for _, cand := range indexIDs(tx.Bucket(bURLIndex), url) {
			if found != "" {
				break
			}
			if r, err := loadRecord(tx, cand); err == nil && r.URL == url && (hash == "" || r.Hash == hash) {
				found = cand
			}
		}
		for _, cand := range indexIDs(tx.Bucket(bHashIndex), hash) {
			if found != "" {
				break
			}
			if r, err := loadRecord(tx, cand); err == nil && r.Hash == hash {
				found = cand
			}
		}
		if found == "" {
			return nil
		}
		r, err := loadRecord(tx, found)
		textHash = r.Hash
		return err
	})
	return found, textHash, err
}

// ArticleHead is an article's id, title and when it was added: what naming
// its note in a folder export takes.
type ArticleHead struct {
	ID    string
	Title string
	Added time.Time
}

// ArticleHeads returns the heads of the articles with ids, in that order;
// ids no longer in the library are left out. Unlike ArticleInfos it does
// not count each article's highlights, which walks them (most of the time
// a folder export spent reading the heads of 10,000 articles).
func (l *Library) ArticleHeads(ids []string) ([]ArticleHead, error) {
	out := make([]ArticleHead, 0, len(ids))
	err := l.db.View(func(tx *bolt.Tx) error {
		for _, id := range ids {
			r, err := loadRecord(tx, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			out = append(out, ArticleHead{ID: r.ID, Title: r.Title, Added: r.Added})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the library: %w", err)
	}
	return out, nil
}
