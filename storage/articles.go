package storage

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/plural"
)

// ArticleInfo is what a list of articles shows: metadata and highlight
// counts, without the text.
type ArticleInfo struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Kicker    string    `json:"kicker,omitempty"`
	Site      string    `json:"site,omitempty"`
	URL       string    `json:"url,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Authors   []string  `json:"authors,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Added     time.Time `json:"added"`
	// Updated is when the current text became the article's (a
	// re-import), zero when it is the text it was added with.
	Updated time.Time `json:"updated,omitzero"`
	// Source is where the reader imported it from: a web address or an
	// absolute file path (as ImportOptions.Source, normalised), "" for a
	// copy pasted or read from stdin.
	Source     string `json:"source,omitempty"`
	Highlights int    `json:"highlights"`
	Orphaned   int    `json:"orphaned"`
	// Version is the number of the article's current text among those it
	// has had (see Versions).
	Version int `json:"version"`
}

// ImportOutcome says what an import did with an article.
type ImportOutcome int

// The outcomes of an import.
const (
	// ImportNew: the page became a new article.
	ImportNew ImportOutcome = iota
	// ImportUpdated: an article already in the library (see findSame) got
	// the page's text or metadata; what it had is kept as a version.
	ImportUpdated
	// ImportUnchanged: the article already had exactly this text and
	// metadata; nothing was written.
	ImportUnchanged
)

// ImportResult says what an import (or a restored version) did.
type ImportResult struct {
	ID      string
	Outcome ImportOutcome
	// Updated is true for ImportUpdated and ImportUnchanged: the page was
	// an article already in the library.
	Updated bool
	// MatchedBy says how the article was recognised (MatchAddress,
	// MatchCanonical, MatchText); Similarity is the texts' similarity for
	// MatchCanonical.
	MatchedBy  string
	Similarity float64
	// Lookalike is an article the page named as its address (canonical)
	// whose text is too different (LookalikeSimilarity): the page became a
	// new article instead of replacing it.
	Lookalike           string
	LookalikeSimilarity float64
	// Version is the article's version now; Saved the number under which
	// the version it replaced was kept (0 when nothing was replaced).
	Version, Saved int
	// TextChanged is false for an update of the metadata alone.
	TextChanged bool
	// NeedsForce (from PreviewRestore) says the change would orphan most
	// highlights and is refused unless forced.
	NeedsForce bool
	// Anchored is how many highlights fitted the text before the change.
	Anchored int
	// Highlights is how many highlights the article has now; Moved how
	// many were found at other offsets with the same words; QuoteChanged
	// how many were found on changed words ("am Montag" now reads "am
	// Dienstag": they keep the words highlighted in Quote.Exact, and
	// QuoteChangedIDs names them); Orphaned how many are orphaned now,
	// NewlyOrphaned of them by this change; Recovered how many orphans
	// were found again (on changed words, they are in QuoteChanged too);
	// Reanchored how many of all these, each once.
	Highlights, Moved, QuoteChanged, Orphaned, NewlyOrphaned, Recovered, Reanchored int
	QuoteChangedIDs                                                                 []string
}

// Summary says in a few words what happened: "new", "unchanged",
// "updated: 3 highlights moved, 1 orphaned".
func (r ImportResult) Summary() string {
	switch r.Outcome {
	case ImportNew:
		if r.Lookalike != "" {
			return fmt.Sprintf("new (the page names the address of article %s, but its text is different: %.0f%% alike)",
				r.Lookalike, 100*r.LookalikeSimilarity)
		}
		return "new"
	case ImportUnchanged:
		if r.Recovered > 0 {
			return fmt.Sprintf("unchanged, %s found again", plural.Of(r.Recovered, "orphaned highlight"))
		}
		return "unchanged"
	}
	return "updated: " + r.Changes()
}

// Changes says what an update did to the highlights, and where the
// previous version went: "3 highlights moved, 1 orphaned (the previous
// version is kept as version 2)".
func (r ImportResult) Changes() string {
	var parts []string
	if r.Moved > 0 {
		parts = append(parts, plural.Of(r.Moved, "highlight")+" moved")
	}
	if r.QuoteChanged > 0 {
		parts = append(parts, quoteChangedWords(r.QuoteChanged))
	}
	if r.NewlyOrphaned > 0 {
		parts = append(parts, fmt.Sprintf("%d orphaned", r.NewlyOrphaned))
	}
	if r.Recovered > 0 {
		parts = append(parts, fmt.Sprintf("%d found again", r.Recovered))
	}
	if len(parts) == 0 {
		switch {
		case !r.TextChanged:
			parts = append(parts, "title and details only")
		case r.Highlights == 0:
			parts = append(parts, "new text")
		default:
			parts = append(parts, "new text, all highlights in place")
		}
	}
	s := strings.Join(parts, ", ")
	if r.Saved > 0 {
		s += fmt.Sprintf(" (the previous version is kept as version %d)", r.Saved)
	}
	return s
}

// quoteChangedWords says that n highlights now sit on changed words:
// "1 highlight's quoted text changed", "2 highlights' quoted text changed".
func quoteChangedWords(n int) string {
	if n == 1 {
		return "1 highlight's quoted text changed"
	}
	return fmt.Sprintf("%d highlights' quoted text changed", n)
}

func infoOf(tx *bolt.Tx, r articleRecord) ArticleInfo {
	n, o := countHighlights(tx, r.ID)
	return ArticleInfo{
		ID: r.ID, Title: r.Title, Kicker: r.Kicker, Site: r.Site, URL: r.URL, Lang: r.Lang,
		Authors: append([]string(nil), r.Authors...), Published: r.Published, Added: r.Added,
		Updated: r.Updated, Source: r.Source, Highlights: n, Orphaned: o, Version: r.version(),
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

// ImportArticle stores a cleaned article; it is Import without a source.
func (l *Library) ImportArticle(a *article.Article) (ImportResult, error) {
	return l.Import(a, ImportOptions{})
}

// Import stores a cleaned article, in one transaction. When the page is an
// article the library already holds (fetched from the same address, or
// tied to it by an address and with similar text: see findSame), that
// article is updated: its text and metadata are replaced, what it had is
// kept as a version, and its highlights are re-anchored in the new text
// (orphaned where they cannot be found). When that would orphan most of
// them, Import refuses with an *OrphanError (errors.Is ErrWouldOrphan)
// unless opts.Force. Otherwise the page is a new article.
func (l *Library) Import(a *article.Article, opts ImportOptions) (ImportResult, error) {
	a, err := normalized(a)
	if err != nil {
		return ImportResult{}, err
	}
	text, err := encodeText(a.Blocks, textStride)
	if err != nil {
		return ImportResult{}, err
	}
	src := sourceKey(opts.Source)
	now := l.stamp()
	var res ImportResult
	err = l.db.Update(func(tx *bolt.Tx) error {
		m, err := findSame(tx, a, a.Text(), src)
		if err != nil {
			return err
		}
		if m.id == "" {
			res = ImportResult{ID: annotation.NewID(), Outcome: ImportNew, Version: 1,
				Lookalike: m.lookalike, LookalikeSimilarity: m.lookalikeSimilarity}
			rec := recordOf(res.ID, a, now)
			rec.Source = src
			return writeEncoded(tx, rec, text, articleRecord{})
		}
		res = ImportResult{ID: m.id, Updated: true, MatchedBy: m.by, Similarity: m.similarity}
		return updateArticle(tx, m.id, a, text, src, opts.Force, now, &res)
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("storing the article %q: %w", a.Title, err)
	}
	return res, nil
}

// updateArticle gives article id the text (an encoded text record) and
// metadata of a, as Import describes.
func updateArticle(tx *bolt.Tx, id string, a *article.Article, text []byte, src string, force bool, now time.Time, res *ImportResult) error {
	old, err := loadRecord(tx, id)
	if err != nil {
		return err
	}
	rec := recordOf(id, a, old.Added)
	rec.Source, rec.Version, rec.Updated = src, old.version(), old.Updated
	if src == "" {
		rec.Source = old.Source
	}
	if a.URL == "" {
		rec.URL = old.URL // a copy of the text does not forget where it came from
	}
	rec.Edited = editsForPage(old.Edited, a.URL)
	applyEdits(rec.Edited, &rec) // what the reader set wins over the page
	oldText := tx.Bucket(bArticleText).Get([]byte(id))
	sameText := bytes.Equal(oldText, text)
	if sameText && sameContent(old, rec) {
		res.Outcome, res.Version = ImportUnchanged, old.version()
		if rec.Source != old.Source {
			if err := writeEncoded(tx, rec, text, old); err != nil {
				return err
			}
		}
		// Orphans get another chance: the text may be the one they came from.
		return reanchorOrphans(tx, id, a.Text(), now, res)
	}
	plan, err := planReanchor(tx, id, a.Text())
	if err != nil {
		return err
	}
	if err := plan.refuse(old, "re-importing", force); err != nil {
		return err
	}
	if err := saveVersion(tx, old, oldText, sameText, now, "re-imported"); err != nil {
		return err
	}
	rec.Version, rec.Updated = old.version()+1, now
	if err := writeEncoded(tx, rec, text, old); err != nil {
		return err
	}
	if err := plan.apply(tx, now); err != nil {
		return err
	}
	res.Outcome, res.Version, res.Saved, res.TextChanged = ImportUpdated, rec.Version, old.version(), !sameText
	plan.count(res)
	return nil
}

// reanchorOrphans re-anchors an unchanged article's highlights when some
// are orphaned (nothing else can move in the same text).
func reanchorOrphans(tx *bolt.Tx, id, text string, now time.Time, res *ImportResult) error {
	n, o := countHighlights(tx, id)
	res.Highlights, res.Orphaned = n, o
	if o == 0 {
		return nil
	}
	plan, err := planReanchor(tx, id, text)
	if err != nil {
		return err
	}
	plan.count(res)
	return plan.apply(tx, now)
}

// sameContent reports whether two records of one article say the same
// (everything but where it was fetched from, its version and dates).
func sameContent(a, b articleRecord) bool {
	return a.Title == b.Title && a.Kicker == b.Kicker && a.Description == b.Description &&
		slices.Equal(a.Authors, b.Authors) && a.Published.Equal(b.Published) && a.Site == b.Site &&
		a.URL == b.URL && a.Lang == b.Lang && a.Cleaner == b.Cleaner && a.Hash == b.Hash
}

// writeArticle stores a new article and its index entries.
func writeArticle(tx *bolt.Tx, id string, a *article.Article, added time.Time) error {
	return writeRecord(tx, recordOf(id, a, added), a.Blocks, articleRecord{})
}

// writeRecord stores an article's record and text, moving its index
// entries from old (the zero record for a new article).
func writeRecord(tx *bolt.Tx, rec articleRecord, blocks []article.Block, old articleRecord) error {
	t, err := encodeText(blocks, textStride)
	if err != nil {
		return err
	}
	return writeEncoded(tx, rec, t, old)
}

// writeEncoded is writeRecord with the text record already encoded.
func writeEncoded(tx *bolt.Tx, rec articleRecord, text []byte, old articleRecord) error {
	if old.ID != "" {
		if err := unindexArticle(tx, old); err != nil {
			return err
		}
	}
	v, err := encode(rec)
	if err != nil {
		return err
	}
	if err := searchArticleWrite(tx, rec, text); err != nil {
		return err
	}
	if err := tx.Bucket(bArticles).Put([]byte(rec.ID), v); err != nil {
		return err
	}
	if err := tx.Bucket(bArticleText).Put([]byte(rec.ID), text); err != nil {
		return err
	}
	if err := forgetDeletion(tx, DeletedArticle, rec.ID); err != nil {
		return err
	}
	return indexArticle(tx, rec)
}

// indexEntry is an article's value in one of the article indexes.
type indexEntry struct {
	bucket []byte
	value  string
}

// articleIndexes are an article's entries in the indexes: by canonical
// URL (and the page's own when the reader corrected it), by source and by
// text hash.
func articleIndexes(r articleRecord) []indexEntry {
	ix := []indexEntry{{bURLIndex, r.URL}, {bSourceIndex, r.Source}, {bHashIndex, r.Hash}}
	if r.Edited != nil && r.Edited.PageURL != "" && r.Edited.PageURL != r.URL {
		// The page's own address, which the reader corrected: importing
		// that page again still finds the article (see EditArticle).
		ix = append(ix, indexEntry{bURLIndex, r.Edited.PageURL})
	}
	return ix
}

func indexArticle(tx *bolt.Tx, r articleRecord) error {
	for _, ix := range articleIndexes(r) {
		if err := putIndex(tx.Bucket(ix.bucket), ix.value, r.ID); err != nil {
			return err
		}
	}
	return nil
}

func unindexArticle(tx *bolt.Tx, r articleRecord) error {
	for _, ix := range articleIndexes(r) {
		if err := deleteIndex(tx.Bucket(ix.bucket), ix.value, r.ID); err != nil {
			return err
		}
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
// A different text or metadata it replaces is kept as a version. The
// reader's corrections (a.Corrected) are kept with it and win over its
// metadata, so that importing the page again does not undo them; an
// article without them (from an older backup) keeps those the library's
// article under id has.
func (l *Library) PutArticle(id string, a *article.Article, added time.Time) error {
	if err := checkID(id); err != nil {
		return errorf(ErrInvalid, "article %w", err)
	}
	if a == nil || len(a.Blocks) == 0 {
		return errorf(ErrInvalid, "the article %s has no text", id)
	}
	if err := CheckCorrections(a.Corrected); err != nil {
		return fmt.Errorf("the article %s: %w", id, err)
	}
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		return putArticleExact(tx, id, a, added, now, origin{})
	})
}

// origin is where a new article came from and when its text became
// current (its record's Source and Updated), as a backup carries them.
type origin struct {
	source  string
	updated time.Time
}

// putArticleExact is PutArticle inside a transaction (now is the time a
// replaced version is stamped with; o is a new article's origin, an
// article already stored keeps its own).
func putArticleExact(tx *bolt.Tx, id string, a *article.Article, added, now time.Time, o origin) error {
	text, err := encodeText(a.Blocks, textStride)
	if err != nil {
		return err
	}
	rec := recordOf(id, a, added)
	rec.Edited = a.Corrected.Clone()
	v := tx.Bucket(bArticles).Get([]byte(id))
	if v == nil {
		applyEdits(rec.Edited, &rec)
		rec.Source, rec.Updated = o.source, o.updated
		return writeEncoded(tx, rec, text, articleRecord{})
	}
	old, err := decodeArticleRecord(v)
	if err != nil {
		return err
	}
	if rec.Edited == nil {
		rec.Edited = old.Edited.Clone()
	}
	applyEdits(rec.Edited, &rec)
	rec.Source, rec.Version, rec.Updated = old.Source, old.version(), old.Updated
	oldText := tx.Bucket(bArticleText).Get([]byte(id))
	sameText := bytes.Equal(oldText, text)
	if !sameText || !sameContent(old, rec) {
		if err := saveVersion(tx, old, oldText, sameText, now, "replaced from a backup"); err != nil {
			return err
		}
		rec.Version, rec.Updated = old.version()+1, now
	}
	return writeEncoded(tx, rec, text, old)
}

// Articles lists the library, newest added first.
func (l *Library) Articles() ([]ArticleInfo, error) {
	return l.articlesWhere(nil)
}

// SearchArticles lists the articles a search finds (see SearchQuery.Text),
// newest added first. An empty query lists all.
func (l *Library) SearchArticles(query string) ([]ArticleInfo, error) {
	if strings.TrimSpace(query) == "" {
		return l.Articles()
	}
	res, err := l.Search(SearchQuery{Text: query})
	if err != nil {
		return nil, err
	}
	return l.ArticleInfos(res.IDs)
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

// ResolveArticles resolves several article ids or prefixes as
// ResolveArticle does, each article once, in the order first named.
func (l *Library) ResolveArticles(refs []string) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	for _, r := range refs {
		id, err := l.ResolveArticle(r)
		if err != nil {
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
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

// DeleteArticle removes an article, its text, its kept versions, its
// highlights and every index entry that names them, in one transaction,
// and records the deletion (tombstones.go; it covers the highlights).
func (l *Library) DeleteArticle(id string) error {
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		r, err := loadRecord(tx, id)
		if err != nil {
			return err
		}
		hs, err := articleHighlights(tx, id)
		if err != nil {
			return err
		}
		at := deletedAt(now, r.Added, r.Updated)
		for _, h := range hs {
			at = deletedAt(at, h.Created, h.Updated)
			if err := removeHighlight(tx, h); err != nil {
				return err
			}
		}
		if err := searchArticleDelete(tx, id); err != nil {
			return err
		}
		if err := unindexArticle(tx, r); err != nil {
			return err
		}
		if err := deleteVersions(tx, id); err != nil {
			return err
		}
		if err := tx.Bucket(bArticleText).Delete([]byte(id)); err != nil {
			return err
		}
		if err := tx.Bucket(bArticles).Delete([]byte(id)); err != nil {
			return err
		}
		return recordDeletion(tx, DeletedArticle, id, at, "")
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
