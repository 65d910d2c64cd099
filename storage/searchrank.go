package storage

import (
	"math"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Ranking (SortRelevance) is BM25 on what the postings hold. They say
// whether an article has a word, not how often nor how long the article
// is, so every word found counts once (BM25's term frequency is 1) and
// nothing is normalised by length (b = 0: without counts, that would only
// push long articles down for being long). What is left is BM25's idf,
// ln(1 + (N − n + 0.5)/(n + 0.5)) for a word n of N articles have (rare
// words weigh more: "Sanktionen Regierung" puts the articles on sanctions
// before those that merely mention the government), times the weight of
// how the word was found, as BM25F weighs fields: in the title counts
// again (titleWeight), the word itself fully, a longer word it begins
// (an inflection, a compound) less, the word inside another least.
// Equal scores go newest first by the article's date.
const (
	// weightExact: the word as typed (or its umlaut spelling).
	weightExact = 1.0
	// weightPrefix: a longer word it begins ("Regierungen" for
	// "regierung"). Below half of weightExact, so that the word itself in
	// the text outranks a longer word in the title too (2 × 0.4 < 1).
	weightPrefix = 0.4
	// weightInfix: the word inside another ("Wirtschaftssanktionen" for
	// "sanktion"): a compound's last part, often not what was meant.
	weightInfix = 0.25
	// titleWeight: what a word found in the title adds, as a share of its
	// weight found in the text: a title word counts twice (BM25F's usual
	// title boost is 2 to 3; more, and a passing title word would beat an
	// article about all the words).
	titleWeight = 1.0
)

// termMatch is how one search word matched an article: the kind in its
// text, highlights or actors' names (low bits) and in its title.
type termMatch uint8

func newTermMatch(body, title matchKind) termMatch { return termMatch(body) | termMatch(title)<<2 }

func (m termMatch) body() matchKind  { return matchKind(m & 3) }
func (m termMatch) title() matchKind { return matchKind(m >> 2 & 3) }

// weight is what a kind of match is worth.
func (k matchKind) weight() float64 {
	switch k {
	case matchExact:
		return weightExact
	case matchPrefix:
		return weightPrefix
	case matchInfix:
		return weightInfix
	}
	return 0
}

// rankStats counts, as a search runs, what the scores need: the articles
// searched and, for each word, how many of them have it.
type rankStats struct {
	articles int
	df       []int
}

func newRankStats(terms []queryTerm) *rankStats {
	return &rankStats{df: make([]int, len(terms))}
}

// idf is BM25's inverse document frequency (with Lucene's + 1, so that a
// word in most articles still counts a little).
func (rs *rankStats) idf(i int) float64 {
	n, df := float64(rs.articles), float64(rs.df[i])
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// score gives every hit its score.
func (rs *rankStats) score(hits []hit, terms []queryTerm) {
	idf := make([]float64, len(terms))
	for i := range terms {
		idf[i] = rs.idf(i)
	}
	for i := range hits {
		s := 0.0
		for j, m := range hits[i].match {
			if !terms[j].not {
				s += idf[j] * (m.body().weight() + titleWeight*m.title().weight())
			}
		}
		hits[i].score = s
	}
}

// sortRanked orders hits best first, then newest first by their date
// (published, else added), then by id, so that the order never depends on
// the index.
func sortRanked(hits []hit) {
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if da, db := a.date(), b.date(); da != db {
			return da > db
		}
		return a.id > b.id
	})
}

// date is the article's date: published, else added.
func (h hit) date() int64 {
	if h.published != 0 {
		return h.published
	}
	return h.added
}

// termDocs are the documents a search word finds, by how: any is all of
// them; exact, those with the word itself (or an actor or topic it names);
// prefix, those with a word it begins (or the word); title and
// titleExact the same in the title alone.
type termDocs struct {
	any, exact, prefix, title, titleExact docSet
}

// matchOf says how the word matched document doc.
func (d termDocs) matchOf(doc uint32) termMatch {
	body, title := matchNone, matchNone
	switch {
	case d.exact.has(doc):
		body = matchExact
	case d.prefix.has(doc):
		body = matchPrefix
	case d.any.has(doc):
		body = matchInfix
	}
	switch {
	case d.titleExact.has(doc):
		title = matchExact
	case d.title.has(doc):
		title = matchPrefix
	}
	return newTermMatch(body, title)
}

// termDocs finds the documents of a search word in the articles' words,
// their highlights' words, and the actors and topics whose names it finds
// (tags). inside are the dictionary words it is found inside, when it is
// looked up that way (wordsInside); those it begins or is are looked up
// by prefix already.
func (ix *searchIndex) termDocs(t queryTerm, inside, tags []string) (termDocs, error) {
	d := termDocs{any: newDocSet(ix.next), exact: newDocSet(ix.next), prefix: newDocSet(ix.next),
		title: newDocSet(ix.next), titleExact: newDocSet(ix.next)}
	for _, w := range t.variants() {
		m := t.mode(w)
		for _, f := range []byte{fieldText, fieldHighlight} {
			if err := ix.orWord(d.exact, f, w, true); err != nil {
				return d, err
			}
			if m != modeExact {
				if err := ix.orWord(d.prefix, f, w, false); err != nil {
					return d, err
				}
			}
		}
		if err := ix.orWord(d.titleExact, fieldTitle, w, true); err != nil {
			return d, err
		}
		if m != modeExact {
			if err := ix.orWord(d.title, fieldTitle, w, false); err != nil {
				return d, err
			}
		}
	}
	for _, w := range inside {
		if t.kind(w) != matchInfix {
			continue
		}
		for _, f := range []byte{fieldText, fieldHighlight} {
			if err := ix.orWord(d.any, f, w, true); err != nil {
				return d, err
			}
		}
	}
	for _, tag := range tags {
		if err := ix.orWord(d.exact, tag[0], tag[1:], true); err != nil {
			return d, err
		}
	}
	d.prefix.or(d.exact)
	d.title.or(d.titleExact)
	d.any.or(d.prefix)
	return d, nil
}

// termMatch says how a search word matches one article's content, as
// termDocs would find it in the index.
func (c docContent) termMatch(t queryTerm, tags []string) termMatch {
	body := matchNone
	for _, tag := range tags {
		if c.has(tag) {
			body = matchExact
		}
	}
	best := func(k matchKind, w string) matchKind { return max(k, t.kind(w)) }
	if body != matchExact {
		for w := range c.words {
			if body = best(body, w); body == matchExact {
				break
			}
		}
	}
	for term, n := range c.refs {
		if body == matchExact {
			break
		}
		if n > 0 && term[0] == fieldHighlight {
			body = best(body, term[1:])
		}
	}
	title := matchNone
	for w := range c.title {
		if title = max(title, t.kind(w)); title == matchExact {
			break
		}
	}
	if title == matchInfix {
		title = matchNone // the index keeps no title words to look inside
	}
	return newTermMatch(body, title)
}

// keepPhrases keeps the hits whose texts hold every quote of several
// words searched for, and none excluded: it reads only the hits marked
// for it (hit.check), the others have not all the words of an excluded
// quote. A quote is looked for in the title, kicker, standfirst and text,
// and in the highlights' notes and orphaned quotes, each on its own.
func keepPhrases(tx *bolt.Tx, hits []hit, phrases []phrase) ([]hit, error) {
	if len(phrases) == 0 {
		return hits, nil
	}
	out := hits[:0]
	for _, h := range hits {
		if !h.check {
			out = append(out, h)
			continue
		}
		ok, err := phrasesHold(tx, h.id, phrases)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, h)
		}
	}
	return out, nil
}

// phrasesHold reports whether article id holds every quote that is asked
// for and none that is excluded.
func phrasesHold(tx *bolt.Tx, id string, phrases []phrase) (bool, error) {
	rec, err := loadRecord(tx, id)
	if err != nil {
		return false, err
	}
	text, err := loadText(tx, id)
	if err != nil {
		return false, err
	}
	s, err := text.String()
	if err != nil {
		return false, err
	}
	fields := []string{rec.Title, rec.Kicker, rec.Description, s}
	var notes []string // read only when the article's own text lacks a quote
	for _, p := range phrases {
		found := anyHolds(p, fields)
		if !found {
			if notes == nil {
				hs, err := articleHighlights(tx, id)
				if err != nil {
					return false, err
				}
				notes = []string{}
				for _, h := range hs {
					notes = append(notes, h.Note)
					if h.Orphaned != "" {
						notes = append(notes, h.Quote.Exact)
					}
				}
			}
			found = anyHolds(p, notes)
		}
		if found == p.not {
			return false, nil
		}
	}
	return true, nil
}

func anyHolds(p phrase, texts []string) bool {
	for _, s := range texts {
		if p.in(s) {
			return true
		}
	}
	return false
}
