package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
)

// SearchQuery says which articles to find. The zero value finds them all.
// Every part given must hold (they combine with "and").
type SearchQuery struct {
	// Text is what to look for in the articles' titles, texts, sites and
	// authors, in their highlights' notes and orphaned quotes, and in the
	// names and aliases of the actors their highlights name and of the
	// topics their statements are on: words in any order (see parseQuery
	// for quotes and minus).
	Text string
	// Actors: each must be named by a highlight of the article, in the
	// role given (any role when it is empty).
	Actors []ActorFilter
	// Topics: for each, a highlight of the article must make a statement
	// on the topic or on a topic under it, with the stance given (any
	// when it is unset).
	Topics []TopicFilter
	// Site and Author keep articles whose site, or one of whose authors,
	// contains the text (case and accents aside).
	Site, Author string
	// Since and Before bound the article's date (published, else added):
	// Since ≤ date < Before; a zero time leaves that side open.
	Since, Before time.Time
	// HasHighlights keeps articles with at least one highlight;
	// HasOrphans those with a highlight that lost its place in the text.
	HasHighlights, HasOrphans bool
	// Sort orders the result (newest added first by default; the best
	// match first with SortRelevance).
	Sort SortOrder
}

// ParseDate reads a date as a reader types it for a range (YYYY-MM-DD,
// YYYY-MM or YYYY) in local time: its start, or with end the start of the
// day, month or year after it, so that "to 2024-06" includes June.
func ParseDate(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, f := range []struct {
		layout     string
		y, m, days int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		t, err := time.ParseInLocation(f.layout, s, time.Local)
		if err != nil {
			continue
		}
		if end {
			t = t.AddDate(f.y, f.m, f.days)
		}
		return t, nil
	}
	return time.Time{}, errorf(ErrInvalid, "%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// ActorFilter asks for articles with a highlight that names an actor, in a
// role ("" for any).
type ActorFilter struct {
	ActorID string
	Role    annotation.Role
}

// tag is the index tag the filter looks up.
func (f ActorFilter) tag() string {
	if f.Role == "" {
		return string(fieldActor) + f.ActorID
	}
	return string(fieldActorRole) + f.ActorID + tagSep + string(f.Role)
}

// TopicFilter asks for articles with a statement on a topic, or on one of
// the topics under it (as analysis counts a parent's statements), taking
// a stance (any stance, or none, when Stance is unset).
type TopicFilter struct {
	TopicID string
	Stance  annotation.Stance
}

// topics are the ids the filter covers: the topic and those under it.
func (f TopicFilter) topics(tx *bolt.Tx) []string {
	ids := []string{f.TopicID}
	for _, c := range childTopics(tx, f.TopicID) {
		ids = append(ids, c.ID)
	}
	return ids
}

// tags are the index tags any of which an article needs for the filter.
func (f TopicFilter) tags(tx *bolt.Tx) []string {
	var out []string
	for _, id := range f.topics(tx) {
		if f.Stance == annotation.StanceUnset {
			out = append(out, string(fieldTopic)+id)
		} else {
			out = append(out, string(fieldTopicStance)+id+tagSep+string(f.Stance))
		}
	}
	return out
}

// filterTags are the tags the actor and topic filters of q ask for: an
// article needs one tag of every list.
func filterTags(tx *bolt.Tx, q SearchQuery) [][]string {
	var out [][]string
	for _, f := range q.Actors {
		out = append(out, []string{f.tag()})
	}
	for _, f := range q.Topics {
		out = append(out, f.tags(tx))
	}
	return out
}

// SortOrder is the order of a search result.
type SortOrder int

const (
	// SortAdded: newest added first.
	SortAdded SortOrder = iota
	// SortPublished: newest published first; articles without a known
	// date last, newest added first (their import date says nothing about
	// when they were written).
	SortPublished
	// SortRelevance: the best match for the words first (see
	// searchrank.go), equal ones newest first by their date (published,
	// else added). Without words, every article is an equal match.
	SortRelevance
)

// SearchResult is the articles a search found, in order.
type SearchResult struct {
	IDs []string
	// Scores, with SortRelevance, are how well each article matches
	// (beside IDs; higher is better): comparable within one search only.
	Scores []float64
	// Library is how many articles the library holds.
	Library int
	// Index says how far the search index was: articles it did not hold
	// yet were read one by one.
	Index IndexStatus
}

// hit is an article found, with what it is sorted by.
type hit struct {
	id               string
	added, published int64
	doc              uint32 // its document in the index (for an indexed hit)
	// match says, for each search word, how it matched (termMatch);
	// check, that a quote must be looked for in its text (keepPhrases).
	match []termMatch
	check bool
	score float64
}

// Search finds the articles q asks for. With a complete index it reads no
// article; articles the index does not hold yet are read one by one.
func (l *Library) Search(q SearchQuery) (SearchResult, error) {
	var res SearchResult
	terms := parseQuery(q.Text)
	phrases := phrasesOf(terms)
	err := l.db.View(func(tx *bolt.Tx) error {
		res.Index = l.indexStatus(tx)
		res.Library = res.Index.Articles
		names, err := nameTags(tx, terms)
		if err != nil {
			return err
		}
		filters := filterTags(tx, q)
		var hits []hit
		rs := newRankStats(terms)
		ix := l.usableIndex(tx)
		if ix != nil {
			if hits, err = ix.search(terms, phrases, names, filters, q, rs); err != nil {
				return err
			}
		}
		if ix == nil || ix.state != indexComplete {
			more, err := scanSearch(tx, ix, terms, phrases, names, filters, q, rs)
			if err != nil {
				return err
			}
			hits = append(hits, more...)
		}
		if hits, err = keepPhrases(tx, hits, phrases); err != nil {
			return err
		}
		if q.Sort == SortRelevance {
			rs.score(hits, terms)
			sortRanked(hits)
			res.Scores = make([]float64, len(hits))
		} else {
			sortHits(hits, q.Sort)
		}
		res.IDs = make([]string, len(hits))
		for i, h := range hits {
			res.IDs[i] = h.id
			if res.Scores != nil {
				res.Scores[i] = h.score
			}
		}
		return nil
	})
	if err != nil {
		return SearchResult{}, fmt.Errorf("searching the library: %w", err)
	}
	return res, nil
}

// sortHits orders hits newest first by the chosen date, then by id (ids
// grow with time), so that the order never depends on the index.
func sortHits(hits []hit, by SortOrder) {
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if by == SortPublished && a.published != b.published {
			switch {
			case a.published == 0:
				return false
			case b.published == 0:
				return true
			}
			return a.published > b.published
		}
		if a.added != b.added {
			return a.added > b.added
		}
		return a.id > b.id
	})
}

// nameTags are, for every search word, the tags of the actors and topics
// whose name or alias it finds ("nordkorea" → the actor Nordkorea, whose
// highlights' articles match even where the text says "Pjöngjang";
// "sanktion" → the topic Sanktionen, and every statement on it).
func nameTags(tx *bolt.Tx, terms []queryTerm) ([][]string, error) {
	out := make([][]string, len(terms))
	found, err := namesFoundBy(tx, terms)
	if err != nil {
		return nil, err
	}
	for field, m := range map[byte]map[string]foundName{fieldActor: found.actors, fieldTopic: found.topics} {
		for id, f := range m {
			for _, i := range f.terms {
				out[i] = append(out[i], string(field)+id)
			}
		}
	}
	for _, tags := range out {
		sort.Strings(tags) // the same order on every run
	}
	return out, nil
}

func anyName(t queryTerm, names []string) bool {
	for _, n := range names {
		if t.matchesName(n) {
			return true
		}
	}
	return false
}

// keep applies the filters that the document record answers.
func (q SearchQuery) keep(d docRecord) bool {
	date := d.Published
	if date == 0 {
		date = d.Added
	}
	switch {
	case q.HasHighlights && d.Highlights == 0, q.HasOrphans && d.Orphans == 0:
		return false
	case !q.Since.IsZero() && date < q.Since.UnixMilli(), !q.Before.IsZero() && date >= q.Before.UnixMilli():
		return false
	case q.Site != "" && !strings.Contains(d.Site, fold.String(strings.TrimSpace(q.Site))):
		return false
	}
	if q.Author == "" {
		return true
	}
	a := fold.String(strings.TrimSpace(q.Author))
	for _, au := range d.Authors {
		if strings.Contains(au, a) {
			return true
		}
	}
	return false
}

// search evaluates a query in the index: one set of documents per word
// and filter, intersected, then the document records for what they say.
func (ix *searchIndex) search(terms []queryTerm, phrases []phrase, names, filters [][]string, q SearchQuery, rs *rankStats) ([]hit, error) {
	inside, err := ix.wordsInside(terms)
	if err != nil {
		return nil, err
	}
	rs.articles += int(ix.count)
	set := newDocSet(ix.next)
	set.fill()
	found := make([]termDocs, len(terms))
	for i, t := range terms {
		if t.not && t.phrase > 0 {
			continue // a quote excluded: keepPhrases looks for it
		}
		td, err := ix.termDocs(t, inside[i], names[i])
		if err != nil {
			return nil, err
		}
		if t.not {
			set.andNot(td.any)
			continue
		}
		set.and(td.any)
		found[i] = td
		rs.df[i] += td.any.count()
	}
	// An excluded quote is looked for only in the articles that have
	// all its words.
	var notQuoted []docSet
	for _, p := range phrases {
		if !p.not {
			continue
		}
		all := newDocSet(ix.next)
		all.fill()
		for _, t := range p.words {
			td, err := ix.termDocs(queryTerm{word: t.word, alt: t.alt, exact: true}, nil, nil)
			if err != nil {
				return nil, err
			}
			all.and(td.any)
		}
		notQuoted = append(notQuoted, all)
	}
	for _, tags := range filters {
		ts := newDocSet(ix.next)
		for _, tag := range tags {
			if err := ix.orWord(ts, tag[0], tag[1:], true); err != nil {
				return nil, err
			}
		}
		set.and(ts)
	}
	hits, err := ix.hits(set, q)
	if err != nil {
		return nil, err
	}
	quoted := slices.ContainsFunc(phrases, func(p phrase) bool { return !p.not })
	for i := range hits {
		h := &hits[i]
		h.match = make([]termMatch, len(terms))
		for j := range terms {
			if found[j].any != nil {
				h.match[j] = found[j].matchOf(h.doc)
			}
		}
		h.check = quoted || slices.ContainsFunc(notQuoted, func(s docSet) bool { return s.has(h.doc) })
	}
	return hits, nil
}

// wordsInside finds, in one pass over the dictionary, the words each term
// that matches inside words is found in (nil for the other terms).
func (ix *searchIndex) wordsInside(terms []queryTerm) ([][]string, error) {
	out := make([][]string, len(terms))
	var infix []int
	for i, t := range terms {
		if t.mode(t.word) == modeInfix || t.alt != "" && t.mode(t.alt) == modeInfix {
			infix = append(infix, i)
		}
	}
	if len(infix) == 0 {
		return out, nil
	}
	c := ix.dict.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		w := string(k)
		for _, i := range infix {
			if terms[i].matches(w) {
				out[i] = append(out[i], w)
			}
		}
	}
	return out, nil
}

// hits reads the records of the documents in set, keeping those the
// filters accept. A small set is looked up document by document, a large
// one read in one pass over the records.
func (ix *searchIndex) hits(set docSet, q SearchQuery) ([]hit, error) {
	n := set.count()
	out := make([]hit, 0, n)
	keep := func(doc uint32, v []byte) error {
		h, ok, err := q.keepEncoded(v)
		if err == nil && ok {
			h.doc = doc
			out = append(out, h)
		}
		return err
	}
	if n < int(ix.count)/sparseHits {
		var err error
		set.each(func(doc uint32) {
			if v := ix.docs.Get(docKey(doc)); v != nil && err == nil {
				err = keep(doc, v)
			}
		})
		return out, err
	}
	c := ix.docs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) == 4 && set.has(binary.BigEndian.Uint32(k)) {
			if err := keep(binary.BigEndian.Uint32(k), v); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// sparseHits: a result of fewer than one in this many documents is read
// record by record; a bbolt Get costs about as much as this many steps of
// a cursor.
const sparseHits = 8

// keepEncoded applies the filters to a stored document record, decoding
// only what they need.
func (q SearchQuery) keepEncoded(v []byte) (hit, bool, error) {
	if q.Site != "" || q.Author != "" {
		d, err := decodeDocRecord(v)
		if err != nil || !q.keep(d) {
			return hit{}, false, err
		}
		return hit{id: d.ID, added: d.Added, published: d.Published}, true, nil
	}
	if len(v) < 25 {
		return hit{}, false, fmt.Errorf("%w: an unreadable document in the search index", ErrDamaged)
	}
	d := docRecord{Added: int64(binary.BigEndian.Uint64(v)), Published: int64(binary.BigEndian.Uint64(v[8:])),
		Highlights: binary.BigEndian.Uint32(v[16:]), Orphans: binary.BigEndian.Uint32(v[20:])}
	if !q.keep(d) {
		return hit{}, false, nil
	}
	id, _, ok := readString(v[24:])
	if !ok {
		return hit{}, false, fmt.Errorf("%w: an unreadable document in the search index", ErrDamaged)
	}
	return hit{id: id, added: d.Added, published: d.Published}, true, nil
}

// orWord adds the documents of a word (exact), or of every word it
// begins, in field: block by block, since the block leads the key
// (termKey).
func (ix *searchIndex) orWord(s docSet, field byte, word string, exact bool) error {
	c := ix.terms.Cursor()
	for blk := range ix.blocks() {
		p := termKey(field, blk, word)
		if exact {
			if v := ix.terms.Get(p); v != nil {
				if err := orBlockValue(s, blk, v); err != nil {
					return err
				}
			}
			continue
		}
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			if err := orBlockValue(s, blk, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// orBlockValue adds the documents of a stored postings block to s.
func orBlockValue(s docSet, blk uint32, v []byte) error {
	b, err := decodeBlock(v)
	if err != nil {
		return err
	}
	s.orBlock(blk, &b)
	return nil
}

// scanSearch finds, one by one, the articles the index does not hold
// (all of them without an index): each read and matched as the index
// would match it.
func scanSearch(tx *bolt.Tx, ix *searchIndex, terms []queryTerm, phrases []phrase, names, filters [][]string, q SearchQuery, rs *rankStats) ([]hit, error) {
	var out []hit
	c := tx.Bucket(bArticles).Cursor()
	k, v := c.First()
	if ix != nil && ix.cursor != "" {
		k, v = c.Seek([]byte(ix.cursor))
		if k != nil && string(k) == ix.cursor {
			k, v = c.Next()
		}
	}
	recordOnly := len(terms) == 0 && len(filters) == 0 && !q.HasHighlights && !q.HasOrphans
	for ; k != nil; k, v = c.Next() {
		rs.articles++
		rec, err := decodeArticleRecord(v)
		if err != nil {
			return nil, err
		}
		if recordOnly {
			// A listing, or one filtered by what the record says: the
			// text and highlights need not be read.
			if d := docRecordOf(rec, 0, 0); q.keep(d) {
				out = append(out, hit{id: rec.ID, added: d.Added, published: d.Published})
			}
			continue
		}
		cont, err := loadDocContent(tx, rec)
		if err != nil {
			return nil, err
		}
		match := make([]termMatch, len(terms))
		for i, t := range terms {
			if !t.not {
				match[i] = cont.termMatch(t, names[i])
				if match[i] != 0 {
					rs.df[i]++
				}
			}
		}
		if cont.matchesWith(match, terms, names, filters, q) {
			out = append(out, hit{id: rec.ID, added: cont.doc.Added, published: cont.doc.Published,
				match: match, check: len(phrases) > 0})
		}
	}
	return out, nil
}

// matches evaluates a query on one article's content, as the index does.
func (c docContent) matches(terms []queryTerm, names, filters [][]string, q SearchQuery) bool {
	match := make([]termMatch, len(terms))
	for i, t := range terms {
		if !t.not {
			match[i] = c.termMatch(t, names[i])
		}
	}
	return c.matchesWith(match, terms, names, filters, q)
}

// matchesWith is matches with how each word (but those excluded) matched
// the content already known.
func (c docContent) matchesWith(match []termMatch, terms []queryTerm, names, filters [][]string, q SearchQuery) bool {
	if !q.keep(c.doc) {
		return false
	}
	for _, tags := range filters {
		if !slices.ContainsFunc(tags, c.has) {
			return false
		}
	}
	for i, t := range terms {
		switch {
		case t.not && t.phrase > 0:
			// a quote excluded: keepPhrases looks for it
		case t.not:
			if c.termMatch(t, names[i]) != 0 {
				return false
			}
		case match[i] == 0:
			return false
		}
	}
	return true
}

// ArticleInfos returns the list entries of the articles with the given
// ids, in that order; ids no longer in the library are left out. The
// window reads the rows it shows this way, a screenful at a time.
func (l *Library) ArticleInfos(ids []string) ([]ArticleInfo, error) {
	out := make([]ArticleInfo, 0, len(ids))
	err := l.db.View(func(tx *bolt.Tx) error {
		for _, id := range ids {
			r, err := loadRecord(tx, id)
			if err != nil {
				if errors.Is(err, ErrNotFound) {
					continue
				}
				return err
			}
			out = append(out, infoOf(tx, r))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the library: %w", err)
	}
	return out, nil
}

// HasArticle reports whether the library holds an article with id (a
// remembered one may have been deleted since), without reading it.
func (l *Library) HasArticle(id string) bool {
	found := false
	_ = l.db.View(func(tx *bolt.Tx) error {
		found = id != "" && tx.Bucket(bArticles).Get([]byte(id)) != nil
		return nil
	})
	return found
}
