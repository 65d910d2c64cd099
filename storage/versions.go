package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/article"
)

// Every text an article has had is kept as a version, so that no re-import
// (a page now behind a paywall, a page rewritten) and no restore takes a
// text the reader annotated away for good. Versions are numbered from 1 in
// the order the article had them; the current one is the article itself
// (its record's Version), the earlier ones are in the "versions" bucket
// (article id \0 BE32(number) → versionRecord) with their texts in
// "version_text" (same key → text record). A version whose text is the
// same as the next one's stores none: its text is found by walking to the
// next version that has one, or to the current article.

// keepVersions is how many earlier versions an article keeps (the oldest
// goes first). A text is replaced when its page changes: a few corrections
// over its life, a ticker more often; ten reach back past any of them to
// the text the reader worked on, at ten times an article's size at most.
const keepVersions = 10

// versionRecord is a kept version: the article's record as it was (title,
// addresses, hash; Updated is when it became current), when it stopped
// being current and why.
type versionRecord struct {
	Number   int           `json:"n"`
	Article  articleRecord `json:"article"`
	Chars    int           `json:"chars"`
	Replaced time.Time     `json:"replaced"`
	Reason   string        `json:"reason"`
}

// Version describes one text an article has had.
type Version struct {
	Number  int
	Current bool
	Title   string
	URL     string // the canonical address the page gave
	Source  string // where it was imported from
	Hash    string
	Chars   int // length in code points
	// Since is when it became the article's text; Replaced when it
	// stopped (zero for the current one), and Reason what replaced it.
	Since, Replaced time.Time
	Reason          string
	// Added is when the article came into the library.
	Added time.Time
}

// version returns the number of the version a record is (records written
// before versions existed are version 1).
func (r articleRecord) version() int {
	return max(1, r.Version)
}

// versionKey is article id \0 BE32(number).
func versionKey(id string, n int) []byte {
	return binary.BigEndian.AppendUint32(articlePrefix(id), uint32(n))
}

// saveVersion keeps old (the article's record before a change) and its
// text record as a version. shared says the new text is the same, so none
// is stored. Past keepVersions the oldest is dropped.
func saveVersion(tx *bolt.Tx, old articleRecord, oldText []byte, shared bool, now time.Time, reason string) error {
	t, err := openText(oldText)
	if err != nil {
		return fmt.Errorf("article %s: %w", old.ID, err)
	}
	v, err := encode(versionRecord{Number: old.version(), Article: old, Chars: t.n, Replaced: now, Reason: reason})
	if err != nil {
		return err
	}
	k := versionKey(old.ID, old.version())
	if err := tx.Bucket(bVersions).Put(k, v); err != nil {
		return err
	}
	if !shared {
		// A copy: oldText may point into pages this transaction frees.
		if err := tx.Bucket(bVersionText).Put(k, bytes.Clone(oldText)); err != nil {
			return err
		}
	}
	return pruneVersions(tx, old.ID)
}

// pruneVersions drops an article's oldest versions beyond keepVersions.
// Only the oldest go, so a kept version's shared text (in a newer one) is
// never dropped before it.
func pruneVersions(tx *bolt.Tx, id string) error {
	var keys [][]byte
	prefix := articlePrefix(id)
	c := tx.Bucket(bVersions).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys[:max(0, len(keys)-keepVersions)] {
		if err := tx.Bucket(bVersions).Delete(k); err != nil {
			return err
		}
		if err := tx.Bucket(bVersionText).Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// deleteVersions removes every kept version of an article.
func deleteVersions(tx *bolt.Tx, id string) error {
	prefix := articlePrefix(id)
	for _, name := range [][]byte{bVersions, bVersionText} {
		b := tx.Bucket(name)
		var keys [][]byte
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadVersion reads kept version n of article id.
func loadVersion(tx *bolt.Tx, id string, n int) (versionRecord, error) {
	v := tx.Bucket(bVersions).Get(versionKey(id, n))
	if v == nil {
		return versionRecord{}, errorf(ErrNotFound, "article %s has no version %d", id, n)
	}
	var r versionRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return r, fmt.Errorf("%w: version %d of article %s is unreadable: %v", ErrDamaged, n, id, err)
	}
	if r.Number != n || r.Article.ID != id {
		return r, fmt.Errorf("%w: version %d of article %s is stored under the wrong key", ErrDamaged, n, id)
	}
	return r, nil
}

// versionText returns the text record of kept version n: its own, or that
// of the next version that has one, or the article's current text.
func versionText(tx *bolt.Tx, id string, n, current int) ([]byte, error) {
	for m := n; m < current; m++ {
		if t := tx.Bucket(bVersionText).Get(versionKey(id, m)); t != nil {
			return t, nil
		}
		if tx.Bucket(bVersions).Get(versionKey(id, m)) == nil {
			return nil, fmt.Errorf("%w: the text of version %d of article %s is missing", ErrDamaged, n, id)
		}
	}
	t := tx.Bucket(bArticleText).Get([]byte(id))
	if t == nil {
		return nil, fmt.Errorf("%w: the text of article %s is missing", ErrDamaged, id)
	}
	return t, nil
}

func (r versionRecord) describe() Version {
	return Version{
		Number: r.Number, Title: r.Article.Title, URL: r.Article.URL, Source: r.Article.Source,
		Hash: r.Article.Hash, Chars: r.Chars, Since: r.Article.since(), Replaced: r.Replaced, Reason: r.Reason,
		Added: r.Article.Added,
	}
}

// describe is the current version of an article whose text has chars
// code points.
func (r articleRecord) describe(chars int) Version {
	return Version{Number: r.version(), Current: true, Title: r.Title, URL: r.URL, Source: r.Source,
		Hash: r.Hash, Chars: chars, Since: r.since(), Added: r.Added}
}

// since is when the record's text became the article's.
func (r articleRecord) since() time.Time {
	if r.Updated.IsZero() {
		return r.Added
	}
	return r.Updated
}

// Versions lists the texts an article has had, the current one first,
// then the kept ones, newest first.
func (l *Library) Versions(articleID string) ([]Version, error) {
	var out []Version
	err := l.db.View(func(tx *bolt.Tx) error {
		cur, err := loadRecord(tx, articleID)
		if err != nil {
			return err
		}
		t, err := loadText(tx, articleID)
		if err != nil {
			return err
		}
		out = append(out, cur.describe(t.n))
		for n := cur.version() - 1; n >= 1; n-- {
			r, err := loadVersion(tx, articleID, n)
			if errors.Is(err, ErrNotFound) {
				break // pruned from here on
			}
			if err != nil {
				return err
			}
			out = append(out, r.describe())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing the versions of article %s: %w", articleID, err)
	}
	return out, nil
}

// VersionArticle returns version n of an article (the current one or a
// kept one) with its text and metadata as they were.
func (l *Library) VersionArticle(articleID string, n int) (*article.Article, Version, error) {
	var a *article.Article
	var ver Version
	err := l.db.View(func(tx *bolt.Tx) error {
		cur, err := loadRecord(tx, articleID)
		if err != nil {
			return err
		}
		if n == cur.version() {
			bs, err := loadBlocks(tx, articleID)
			if err != nil {
				return err
			}
			a = cur.article(bs)
			ver = cur.describe(utf8.RuneCountInString(a.Text()))
			return nil
		}
		r, err := loadVersion(tx, articleID, n)
		if err != nil {
			return err
		}
		bs, err := versionBlocks(tx, articleID, n, cur.version())
		if err != nil {
			return err
		}
		a, ver = r.Article.article(bs), r.describe()
		return nil
	})
	return a, ver, err
}

// versionBlocks decodes the text of kept version n.
func versionBlocks(tx *bolt.Tx, id string, n, current int) ([]article.Block, error) {
	rec, err := versionText(tx, id, n, current)
	if err != nil {
		return nil, err
	}
	t, err := openText(rec)
	if err != nil {
		return nil, fmt.Errorf("version %d of article %s: %w", n, id, err)
	}
	return t.blocks()
}

// RestoreVersion makes kept version n the article's text again, with its
// metadata, as a new version (the text it replaces is kept too), and
// re-anchors the highlights onto it. Like a re-import it refuses, with an
// *OrphanError, to orphan most highlights unless forced.
func (l *Library) RestoreVersion(articleID string, n int, force bool) (ImportResult, error) {
	now := l.stamp()
	var res ImportResult
	err := l.db.Update(func(tx *bolt.Tx) error {
		return restoreVersionTx(tx, articleID, n, force, now, &res)
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("restoring version %d of article %s: %w", n, articleID, err)
	}
	return res, nil
}

// PreviewRestore says what RestoreVersion would do to the highlights
// (found, moved, orphaned) without changing anything.
func (l *Library) PreviewRestore(articleID string, n int) (ImportResult, error) {
	var res ImportResult
	err := l.db.View(func(tx *bolt.Tx) error {
		cur, err := loadRecord(tx, articleID)
		if err != nil {
			return err
		}
		bs, err := versionBlocks(tx, articleID, n, cur.version())
		if err != nil {
			return err
		}
		p, err := planReanchor(tx, articleID, (&article.Article{Blocks: bs}).Text())
		if err != nil {
			return err
		}
		res = ImportResult{ID: articleID, Outcome: ImportUpdated, Updated: true, Version: cur.version() + 1, Saved: cur.version(),
			NeedsForce: p.orphansMost()}
		p.count(&res)
		return nil
	})
	return res, err
}

func restoreVersionTx(tx *bolt.Tx, id string, n int, force bool, now time.Time, res *ImportResult) error {
	cur, err := loadRecord(tx, id)
	if err != nil {
		return err
	}
	if n == cur.version() {
		return errorf(ErrInvalid, "version %d is the article's current text already", n)
	}
	ver, err := loadVersion(tx, id, n)
	if err != nil {
		return err
	}
	rec, err := versionText(tx, id, n, cur.version())
	if err != nil {
		return err
	}
	rec = bytes.Clone(rec) // written back below, after pages may be freed
	t, err := openText(rec)
	if err != nil {
		return fmt.Errorf("version %d: %w", n, err)
	}
	text, err := t.String()
	if err != nil {
		return fmt.Errorf("version %d: %w", n, err)
	}
	plan, err := planReanchor(tx, id, text)
	if err != nil {
		return err
	}
	if err := plan.refuse(cur, fmt.Sprintf("restoring version %d", n), force); err != nil {
		return err
	}
	curText := tx.Bucket(bArticleText).Get([]byte(id))
	same := bytes.Equal(curText, rec)
	if err := saveVersion(tx, cur, curText, same, now, fmt.Sprintf("version %d restored", n)); err != nil {
		return err
	}
	next := ver.Article
	next.ID, next.Added, next.Source, next.Updated, next.Version = id, cur.Added, cur.Source, now, cur.version()+1
	if err := writeEncoded(tx, next, rec, cur); err != nil {
		return err
	}
	if err := plan.apply(tx, now); err != nil {
		return err
	}
	*res = ImportResult{ID: id, Outcome: ImportUpdated, Updated: true, Version: next.Version, Saved: cur.version(),
		TextChanged: !same}
	plan.count(res)
	return nil
}
