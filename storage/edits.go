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

// maxMetaRunes bounds an edited title, site, section or author: longer is
// a mistake (a pasted paragraph), not metadata.
const maxMetaRunes = 1000

// mergeEdits takes the fields e sets, cleaned, into the kept corrections.
func mergeEdits(k *article.Corrections, e ArticleEdit) error {
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
	if e.Authors != nil {
		as := []string{} // not nil: "cleared" must survive JSON (null would read as "not corrected")
		for _, a := range *e.Authors {
			if a = article.CleanInline(a); a != "" {
				as = append(as, a)
			}
		}
		k.Authors = &as
	}
	if e.Published != nil {
		p := e.Published.Truncate(time.Second)
		k.Published = &p
	}
	return CheckCorrections(k)
}

// CheckCorrections checks corrections as the library stores them (what
// EditArticle makes of a reader's input; a backup's must pass too, so
// that its import cannot fail half-way): no field longer than
// maxMetaRunes, the address http(s). (PageURL only goes into the URL
// index, which takes any text.)
func CheckCorrections(k *article.Corrections) error {
	if k == nil {
		return nil
	}
	for _, f := range []struct {
		v    *string
		what string
	}{{k.Title, "title"}, {k.Site, "site"}, {k.URL, "address"}, {k.Section, "section"}, {k.Lang, "language"}} {
		if f.v != nil && len([]rune(*f.v)) > maxMetaRunes {
			return errorf(ErrInvalid, "the corrected %s is longer than %d characters", f.what, maxMetaRunes)
		}
	}
	if k.Authors != nil {
		for _, a := range *k.Authors {
			if len([]rune(a)) > maxMetaRunes {
				return errorf(ErrInvalid, "a corrected author's name is longer than %d characters", maxMetaRunes)
			}
		}
	}
	if u := k.URL; u != nil && *u != "" && !strings.HasPrefix(*u, "http://") && !strings.HasPrefix(*u, "https://") {
		return errorf(ErrInvalid, "the address %.60q is not an http(s) URL", *u)
	}
	return nil
}

// editsForPage returns the corrections for a new import of the page at
// url: the page's address is remembered where the reader corrected it.
func editsForPage(k *article.Corrections, url string) *article.Corrections {
	c := k.Clone()
	if c != nil && c.URL != nil && url != "" {
		c.PageURL = url
	}
	return c
}

// applyEdits puts the reader's corrections over a record's metadata.
func applyEdits(k *article.Corrections, r *articleRecord) {
	if k == nil {
		return
	}
	a := r.article(nil)
	k.Apply(a)
	r.Title, r.Site, r.URL, r.Kicker, r.Lang, r.Authors, r.Published = a.Title, a.Site, a.URL, a.Kicker, a.Lang, a.Authors, a.Published
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
		kept := old.Edited.Clone()
		if kept == nil {
			kept = &article.Corrections{}
		}
		if e.URL != nil && kept.PageURL == "" {
			kept.PageURL = old.URL
		}
		if err := mergeEdits(kept, e); err != nil {
			return err
		}
		rec.Edited = kept
		applyEdits(kept, &rec)
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

// ArticleCorrections returns the reader's corrections of an article (nil
// when there are none), reading its record only.
func (l *Library) ArticleCorrections(id string) (*article.Corrections, error) {
	var c *article.Corrections
	err := l.db.View(func(tx *bolt.Tx) error {
		r, err := loadRecord(tx, id)
		c = r.Edited.Clone()
		return err
	})
	return c, err
}

// SetCorrections stores c as the reader's corrections of an article,
// replacing those it had, and applies them over its metadata (backup
// import, for an article the library already has: see backup's merge).
// Like EditArticle it keeps the text, the highlights and the version.
func (l *Library) SetCorrections(id string, c *article.Corrections) error {
	return l.db.Update(func(tx *bolt.Tx) error { return setCorrectionsTx(tx, id, c) })
}

func setCorrectionsTx(tx *bolt.Tx, id string, c *article.Corrections) error {
	if err := CheckCorrections(c); err != nil {
		return fmt.Errorf("the corrections of article %s: %w", id, err)
	}
	old, err := loadRecord(tx, id)
	if err != nil {
		return err
	}
	rec := old
	rec.Edited = c.Clone()
	applyEdits(rec.Edited, &rec)
	text := bytes.Clone(tx.Bucket(bArticleText).Get([]byte(id)))
	return writeEncoded(tx, rec, text, old)
}
