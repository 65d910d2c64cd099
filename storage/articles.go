package storage

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// ArticleInfo is what a list of articles shows: metadata and highlight
// counts, without the text.
type ArticleInfo struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Kicker     string    `json:"kicker,omitempty"`
	Site       string    `json:"site,omitempty"`
	URL        string    `json:"url,omitempty"`
	Lang       string    `json:"lang,omitempty"`
	Authors    []string  `json:"authors,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Added      time.Time `json:"added"`
	Highlights int       `json:"highlights"`
	Orphaned   int       `json:"orphaned"`
}

// ImportResult says what ImportArticle did: a new article, or an update of
// one already in the library (same URL, or same text when there is no URL)
// whose highlights were re-anchored.
type ImportResult struct {
	ID      string
	Updated bool
	// Highlights is how many highlights the article has now; Reanchored
	// how many of them moved or were matched approximately; Orphaned how
	// many could not be found in the new text.
	Highlights, Reanchored, Orphaned int
}

func infoOf(tx *bolt.Tx, r articleRecord) ArticleInfo {
	n, o := countHighlights(tx, r.ID)
	return ArticleInfo{
		ID: r.ID, Title: r.Title, Kicker: r.Kicker, Site: r.Site, URL: r.URL, Lang: r.Lang,
		Authors: append([]string(nil), r.Authors...), Published: r.Published, Added: r.Added,
		Highlights: n, Orphaned: o,
	}
}

// normalized returns a normalised copy of a, leaving the caller's value
// alone, or an error when it has no text.
func normalized(a *article.Article) (*article.Article, error) {
	if a == nil {
		return nil, errorf(ErrInvalid, "no article given")
	}
	c := *a
	c.Authors = append([]string(nil), a.Authors...)
	c.Blocks = append([]article.Block(nil), a.Blocks...)
	c.Normalize()
	if len(c.Blocks) == 0 {
		return nil, errorf(ErrInvalid, "the article %q has no text", c.Title)
	}
	if int64(len(c.Text())) > maxOffset {
		return nil, errorf(ErrInvalid, "the article %q is too long to store", c.Title)
	}
	return &c, nil
}

// ImportArticle stores a cleaned article. An article already in the library
// with the same URL (or, without a URL, the same text) is updated instead:
// its text and metadata are replaced and its highlights re-anchored in the
// new text, orphaned when they cannot be found. One transaction.
func (l *Library) ImportArticle(a *article.Article) (ImportResult, error) {
	a, err := normalized(a)
	if err != nil {
		return ImportResult{}, err
	}
	now := l.stamp()
	var res ImportResult
	err = l.db.Update(func(tx *bolt.Tx) error {
		id := existingArticle(tx, a)
		if id == "" {
			res.ID = annotation.NewID()
			return writeArticle(tx, res.ID, a, now)
		}
		old, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		res.ID, res.Updated = id, true
		if a.URL == "" {
			a.URL = old.URL // a copy of the text does not forget where it came from
		}
		rec := recordOf(id, a, old.Added)
		rec.Updated = now
		if err := writeRecord(tx, rec, a.Blocks, old); err != nil {
			return err
		}
		if old.Hash == rec.Hash {
			res.Highlights, res.Orphaned = countHighlights(tx, id)
			if res.Orphaned == 0 {
				return nil
			}
			// Same text: still give orphans another chance below.
		}
		return reanchorAll(tx, id, a.Text(), now, &res)
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("storing the article %q: %w", a.Title, err)
	}
	return res, nil
}

// existingArticle finds the article an import updates: same URL, else (for
// articles without a URL) the same text.
func existingArticle(tx *bolt.Tx, a *article.Article) string {
	if a.URL != "" {
		return string(tx.Bucket(bURLIndex).Get([]byte(a.URL)))
	}
	return string(tx.Bucket(bHashIndex).Get([]byte(a.TextHash())))
}

// reanchorAll places every highlight of an article in its new text.
func reanchorAll(tx *bolt.Tx, id, text string, now time.Time, res *ImportResult) error {
	hs, err := articleHighlights(tx, id)
	if err != nil {
		return err
	}
	anc := annotation.NewAnchorer(text)
	res.Highlights, res.Reanchored, res.Orphaned = len(hs), 0, 0
	for _, h := range hs {
		nh, method := anc.Reanchor(h)
		switch {
		case method == annotation.AnchorOrphaned:
			res.Orphaned++
		case method != annotation.AnchorPosition:
			res.Reanchored++
		}
		if nh.Start == h.Start && nh.End == h.End && nh.Orphaned == h.Orphaned && nh.Quote == h.Quote {
			continue
		}
		nh.Updated = now
		if err := removeHighlight(tx, h); err != nil {
			return err
		}
		if err := putHighlight(tx, nh); err != nil {
			return err
		}
	}
	return nil
}

// writeArticle stores a new article and its index entries.
func writeArticle(tx *bolt.Tx, id string, a *article.Article, added time.Time) error {
	return writeRecord(tx, recordOf(id, a, added), a.Blocks, articleRecord{})
}

// writeRecord stores an article's record and text, moving its URL and hash
// index entries from old (the zero record for a new article).
func writeRecord(tx *bolt.Tx, rec articleRecord, blocks []article.Block, old articleRecord) error {
	urls, hashes := tx.Bucket(bURLIndex), tx.Bucket(bHashIndex)
	if old.URL != "" && string(urls.Get([]byte(old.URL))) == rec.ID {
		if err := urls.Delete([]byte(old.URL)); err != nil {
			return err
		}
	}
	if old.Hash != "" && string(hashes.Get([]byte(old.Hash))) == rec.ID {
		if err := hashes.Delete([]byte(old.Hash)); err != nil {
			return err
		}
	}
	v, err := encode(rec)
	if err != nil {
		return err
	}
	t, err := encodeText(blocks, textStride)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bArticles).Put([]byte(rec.ID), v); err != nil {
		return err
	}
	if err := tx.Bucket(bArticleText).Put([]byte(rec.ID), t); err != nil {
		return err
	}
	if rec.URL != "" {
		if err := urls.Put([]byte(rec.URL), []byte(rec.ID)); err != nil {
			return err
		}
	}
	if hashes.Get([]byte(rec.Hash)) == nil {
		return hashes.Put([]byte(rec.Hash), []byte(rec.ID))
	}
	return nil
}

func loadRecord(tx *bolt.Tx, id string) (articleRecord, error) {
	v := tx.Bucket(bArticles).Get([]byte(id))
	if v == nil {
		return articleRecord{}, errorf(ErrNotFound, "no article with id %s", id)
	}
	return decodeArticleRecord(v)
}

func loadBlocks(tx *bolt.Tx, id string) ([]article.Block, error) {
	t, err := loadText(tx, id)
	if err != nil {
		return nil, err
	}
	bs, err := t.blocks()
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return bs, nil
}

// loadText opens an article's stored text in place (valid until tx ends):
// its length and quotes without decoding it (see text.go).
func loadText(tx *bolt.Tx, id string) (storedText, error) {
	v := tx.Bucket(bArticleText).Get([]byte(id))
	if v == nil {
		return storedText{}, fmt.Errorf("%w: the text of article %s is missing", ErrDamaged, id)
	}
	t, err := openText(v)
	if err != nil {
		return storedText{}, fmt.Errorf("article %s: %w", id, err)
	}
	return t, nil
}

// PutArticle stores an article exactly as given under id (backup import):
// no re-anchoring; highlights already stored under id stay as they are.
func (l *Library) PutArticle(id string, a *article.Article, added time.Time) error {
	if err := checkID(id); err != nil {
		return errorf(ErrInvalid, "article %w", err)
	}
	if a == nil || len(a.Blocks) == 0 {
		return errorf(ErrInvalid, "the article %s has no text", id)
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		var old articleRecord
		if v := tx.Bucket(bArticles).Get([]byte(id)); v != nil {
			var err error
			if old, err = decodeArticleRecord(v); err != nil {
				return err
			}
		}
		return writeRecord(tx, recordOf(id, a, added), a.Blocks, old)
	})
}

// Articles lists the library, newest added first.
func (l *Library) Articles() ([]ArticleInfo, error) {
	return l.articlesWhere(nil)
}

// SearchArticles lists the articles whose title or text contains query,
// ignoring case, newest added first. An empty query lists all.
func (l *Library) SearchArticles(query string) ([]ArticleInfo, error) {
	q := strings.ToLower(article.CleanInline(query))
	if q == "" {
		return l.Articles()
	}
	return l.articlesWhere(func(tx *bolt.Tx, r articleRecord) (bool, error) {
		if strings.Contains(strings.ToLower(r.Title), q) {
			return true, nil
		}
		bs, err := loadBlocks(tx, r.ID)
		if err != nil {
			return false, err
		}
		for _, b := range bs {
			if strings.Contains(strings.ToLower(b.Text), q) {
				return true, nil
			}
		}
		return false, nil
	})
}

func (l *Library) articlesWhere(keep func(*bolt.Tx, articleRecord) (bool, error)) ([]ArticleInfo, error) {
	var out []ArticleInfo
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bArticles).ForEach(func(_, v []byte) error {
			r, err := decodeArticleRecord(v)
			if err != nil {
				return err
			}
			if keep != nil {
				ok, err := keep(tx, r)
				if err != nil || !ok {
					return err
				}
			}
			out = append(out, infoOf(tx, r))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing the articles: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Added.Equal(out[j].Added) {
			return out[i].Added.After(out[j].Added)
		}
		return out[i].ID > out[j].ID
	})
	return out, nil
}

// Article returns an article with its text, and its list entry.
func (l *Library) Article(id string) (*article.Article, ArticleInfo, error) {
	var a *article.Article
	var info ArticleInfo
	err := l.db.View(func(tx *bolt.Tx) error {
		r, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		bs, err := loadBlocks(tx, id)
		if err != nil {
			return err
		}
		a, info = r.article(bs), infoOf(tx, r)
		return nil
	})
	if err != nil {
		return nil, ArticleInfo{}, err
	}
	return a, info, nil
}

// ResolveArticle turns an article id, or a prefix of exactly one article's
// id (case-insensitive), into the id.
func (l *Library) ResolveArticle(idOrPrefix string) (string, error) {
	p := strings.TrimSpace(idOrPrefix)
	if p == "" {
		return "", errorf(ErrInvalid, "no article id given")
	}
	var found []string
	err := l.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bArticles)
		if b.Get([]byte(p)) != nil {
			found = []string{p}
			return nil
		}
		prefix := []byte(strings.ToUpper(p))
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			found = append(found, string(k))
		}
		return nil
	})
	switch {
	case err != nil:
		return "", err
	case len(found) == 0:
		return "", errorf(ErrNotFound, "no article with id prefix %s", p)
	case len(found) > 1:
		return "", errorf(ErrAmbiguous, "id prefix %s matches %d articles (%s, %s…); give more characters",
			p, len(found), found[0], found[1])
	}
	return found[0], nil
}

// DeleteArticle removes an article, its text, its highlights and every
// index entry that names them, in one transaction.
func (l *Library) DeleteArticle(id string) error {
	return l.db.Update(func(tx *bolt.Tx) error {
		r, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		hs, err := articleHighlights(tx, id)
		if err != nil {
			return err
		}
		for _, h := range hs {
			if err := removeHighlight(tx, h); err != nil {
				return err
			}
		}
		if r.URL != "" && string(tx.Bucket(bURLIndex).Get([]byte(r.URL))) == id {
			if err := tx.Bucket(bURLIndex).Delete([]byte(r.URL)); err != nil {
				return err
			}
		}
		if string(tx.Bucket(bHashIndex).Get([]byte(r.Hash))) == id {
			if err := tx.Bucket(bHashIndex).Delete([]byte(r.Hash)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bArticleText).Delete([]byte(id)); err != nil {
			return err
		}
		return tx.Bucket(bArticles).Delete([]byte(id))
	})
}

// stamp is the time written into records: UTC, millisecond precision, so
// that values survive a JSON round trip unchanged, and strictly increasing
// within one open library, so that "newest first" is the order of the
// reader's actions even when two happen in the same millisecond.
func (l *Library) stamp() time.Time {
	t := l.now().UTC().Truncate(time.Millisecond)
	l.stampMu.Lock()
	defer l.stampMu.Unlock()
	if !t.After(l.lastStamp) {
		t = l.lastStamp.Add(time.Millisecond)
	}
	l.lastStamp = t
	return t
}
