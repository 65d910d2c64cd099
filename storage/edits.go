package storage

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/article"
)

// ArticleEdit is what a reader corrects in an article's metadata: each
// field that is not nil is set (an empty string or list clears it; a
// zero Published clears the date). What the reader set wins over what
// the page says when the article is imported again.
type ArticleEdit struct {
	Title, Site, URL, Section, Lang *string
	Authors                         *[]string
	Published                       *time.Time
}

// articleEdits are the reader's corrections kept in an article's record
// ("edited"), applied over the page's metadata at every import.
type articleEdits struct {
	Title     *string    `json:"title,omitempty"`
	Site      *string    `json:"site,omitempty"`
	URL       *string    `json:"url,omitempty"`
	Section   *string    `json:"section,omitempty"`
	Lang      *string    `json:"lang,omitempty"`
	Authors   *[]string  `json:"authors,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	// PageURL is the address the page itself gave when the reader
	// corrected it; the URL index keeps it, so that importing the page
	// again finds the article.
	PageURL string `json:"pageURL,omitempty"`
}

// maxMetaRunes bounds an edited title, site, section or author: longer is
// a mistake (a pasted paragraph), not metadata.
const maxMetaRunes = 1000

// merge takes the fields e sets, cleaned, into the kept edits.
func (k *articleEdits) merge(e ArticleEdit) error {
	str := func(dst **string, v *string, what string) error {
		if v == nil {
			return nil
		}
		s := article.CleanInline(*v)
		if len([]rune(s)) > maxMetaRunes {
			return errorf(ErrInvalid, "the %s is longer than %d characters", what, maxMetaRunes)
		}
		*dst = &s
		return nil
	}
	for _, f := range []struct {
		dst  **string
		v    *string
		what string
	}{{&k.Title, e.Title, "title"}, {&k.Site, e.Site, "site"}, {&k.URL, e.URL, "address"}, {&k.Section, e.Section, "section"}, {&k.Lang, e.Lang, "language"}} {
		if err := str(f.dst, f.v, f.what); err != nil {
			return err
		}
	}
	if k.URL != nil && *k.URL != "" && !strings.HasPrefix(*k.URL, "http://") && !strings.HasPrefix(*k.URL, "https://") {
		return errorf(ErrInvalid, "the address %.60q is not an http(s) URL", *k.URL)
	}
	if e.Authors != nil {
		var as []string
		for _, a := range *e.Authors {
			if a = article.CleanInline(a); a != "" {
				if len([]rune(a)) > maxMetaRunes {
					return errorf(ErrInvalid, "an author's name is longer than %d characters", maxMetaRunes)
				}
				as = append(as, a)
			}
		}
		k.Authors = &as
	}
	if e.Published != nil {
		p := e.Published.Truncate(time.Second)
		k.Published = &p
	}
	return nil
}

// forPage returns the edits for a new import of the page at url: the
// page's address is remembered where the reader corrected it.
func (k *articleEdits) forPage(url string) *articleEdits {
	if k == nil {
		return nil
	}
	c := *k
	if c.URL != nil && url != "" {
		c.PageURL = url
	}
	return &c
}

// apply puts the reader's corrections over a record's metadata.
func (k *articleEdits) apply(r *articleRecord) {
	if k == nil {
		return
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&r.Title, k.Title)
	set(&r.Site, k.Site)
	set(&r.URL, k.URL)
	set(&r.Kicker, k.Section)
	set(&r.Lang, k.Lang)
	if k.Authors != nil {
		r.Authors = append([]string(nil), (*k.Authors)...)
	}
	if k.Published != nil {
		r.Published = *k.Published
	}
}

// EditArticle corrects an article's metadata (see ArticleEdit); the text
// and highlights stay. The corrections are kept with the article, so that
// a later import of the same page does not undo them.
func (l *Library) EditArticle(id string, e ArticleEdit) (ArticleInfo, error) {
	var info ArticleInfo
	err := l.db.Update(func(tx *bolt.Tx) error {
		old, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		rec := old
		kept := articleEdits{}
		if old.Edited != nil {
			kept = *old.Edited
		}
		if e.URL != nil && kept.PageURL == "" {
			kept.PageURL = old.URL
		}
		if err := kept.merge(e); err != nil {
			return err
		}
		rec.Edited = &kept
		kept.apply(&rec)
		rec.Updated = l.stamp()
		text := bytes.Clone(tx.Bucket(bArticleText).Get([]byte(id)))
		if err := writeEncoded(tx, rec, text, old); err != nil {
			return err
		}
		info = infoOf(tx, rec)
		return nil
	})
	if err != nil {
		return ArticleInfo{}, fmt.Errorf("editing the article %s: %w", id, err)
	}
	return info, nil
}
