package storage

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/article"
)

// When is a page an article the library already holds? A page's own claim
// (its <link rel=canonical> or og:url) is not enough: some sites point every
// page's canonical at their home page, and a saved file can carry any link.
// An import updates an article only when it is recognisably that article:
//
//  1. it was fetched from the same web address (the one the reader gave);
//  2. or an address ties them (the page's canonical is the other's canonical
//     or the address it was fetched from, or the other named the address
//     this page was fetched from, or both came from the same file), and
//     their texts are similar (textSimilarity ≥ sameArticleSimilarity);
//  3. or the texts are identical and one of the two has no address at all
//     (text copied from a browser, then the page imported, or the reverse).
//
// Otherwise it is a new article.

// sameArticleSimilarity is the share of the shorter text's five-word
// phrases that must recur in the other text for two texts tied by an
// address to count as one article. Measured on the 417 corpus pages with an
// article (TestSimilaritySeparatesArticles): two different pages score at
// most 0.02 (86,736 pairs; one press release republished by a second site,
// the same story, 0.73); one article scores a median 0.99 between its HTML
// and its browser copy, 0.97 with a paragraph replaced, 1.00 grown by a
// ticker's entries, 0.72 with a third of it rewritten. The bar is at 0.5,
// not lower, because a short article whose author box or newsletter pitch
// survived cleaning can share a third of its phrases with another article
// of its site; missing a heavily rewritten text only makes a second
// article, taking over a different one would not.
const sameArticleSimilarity = 0.5

// shingleWords is the length of the phrases compared: long enough that
// common phrases ("in der Nacht zu", "according to the") do not make two
// articles alike, short enough that a corrected word spoils few of them.
const shingleWords = 5

// maxCandidates bounds how many articles tied to a page by one address are
// compared with it (the newest). An address shared by more is a site's
// catch-all canonical and says little; comparing thousands of texts would
// make every import from that site slow.
const maxCandidates = 50

// maxIndexedLen bounds the addresses kept in an index (bbolt keys are at
// most 32 KB; no real address is near this): a longer one is stored with
// its article but not looked up.
const maxIndexedLen = 2048

// ImportOptions says where an article came from and what an import may do.
type ImportOptions struct {
	// Source is where the reader got the page: the web address they gave
	// (http or https), or the path of a saved file; empty for text pasted
	// or read from standard input. A web address identifies the article;
	// a file path only together with similar text.
	Source string
	// Force replaces an article's text even when most of its highlights
	// would be orphaned (see ErrWouldOrphan). The text it replaces is kept
	// as a version either way.
	Force bool
}

// sourceKey normalises an import's source: a web address without its
// fragment and with a lower-case scheme and host; a file path made
// absolute and clean; "" for anything else.
func sourceKey(src string) string {
	src = strings.TrimSpace(src)
	if src == "" || src == "-" {
		return ""
	}
	if article.IsURL(src) {
		u, err := url.Parse(src)
		if err != nil || u.Host == "" {
			return ""
		}
		u.Fragment, u.RawFragment = "", ""
		u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
		return u.String()
	}
	if abs, err := filepath.Abs(src); err == nil {
		return abs
	}
	return ""
}

// isWebSource reports whether a source key is a web address, which alone
// identifies an article.
func isWebSource(src string) bool {
	return strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://")
}

// match is the article an import updates, and why.
type match struct {
	id         string
	by         string  // MatchAddress, MatchCanonical or MatchText
	similarity float64 // for MatchCanonical
	// lookalike is an article tied to the page by an address whose text is
	// too different (the page became a new article), with its similarity.
	lookalike           string
	lookalikeSimilarity float64
}

// How an import recognised the article it updated.
const (
	MatchAddress   = "address"   // fetched from the same web address
	MatchCanonical = "canonical" // tied by an address, with similar text
	MatchText      = "text"      // the same text, one of them without an address
)

// findSame applies the rules above to a normalised article a fetched from
// src (a sourceKey).
func findSame(tx *bolt.Tx, a *article.Article, text, src string) (match, error) {
	sources, urls := tx.Bucket(bSourceIndex), tx.Bucket(bURLIndex)
	if isWebSource(src) {
		for _, id := range indexIDs(sources, src) {
			if r, err := loadRecord(tx, id); err == nil && r.Source == src {
				return match{id: id, by: MatchAddress}, nil
			}
		}
	}
	var candidates []string
	for _, ref := range []struct {
		b     *bolt.Bucket
		value string
	}{{urls, a.URL}, {sources, a.URL}, {urls, src}, {sources, src}} {
		if ref.value != "" {
			ids := indexIDs(ref.b, ref.value) // oldest first: ids sort by time
			candidates = append(candidates, ids[max(0, len(ids)-maxCandidates):]...)
		}
	}
	var m match
	if len(candidates) > 0 {
		shingles := textShingles(text)
		for _, id := range uniq(candidates) {
			t, err := loadText(tx, id)
			if err != nil {
				return match{}, err
			}
			s, err := t.String()
			if err != nil {
				return match{}, err
			}
			sim := similarity(shingles, textShingles(s))
			switch {
			case sim >= sameArticleSimilarity && sim > m.similarity:
				m.id, m.by, m.similarity = id, MatchCanonical, sim
			case sim < sameArticleSimilarity && (m.lookalike == "" || sim > m.lookalikeSimilarity):
				m.lookalike, m.lookalikeSimilarity = id, sim
			}
		}
		if m.id != "" {
			return m, nil
		}
	}
	if id := sameTextWithoutAddress(tx, a, src); id != "" {
		m.id, m.by = id, MatchText
	}
	return m, nil
}

// sameTextWithoutAddress finds an article with exactly a's text where one
// of the two has no address (no canonical URL and no source). An address
// only the reader gave (a copy's URL typed into Article Info) is none the
// page had: a copy restored from a backup (which keeps no source) is
// still found by its text.
func sameTextWithoutAddress(tx *bolt.Tx, a *article.Article, src string) string {
	newBare := a.URL == "" && src == ""
	for _, id := range indexIDs(tx.Bucket(bHashIndex), a.TextHash()) {
		r, err := loadRecord(tx, id)
		if err != nil {
			continue
		}
		pageURL := r.URL
		if r.Edited != nil && r.Edited.URL != nil {
			pageURL = r.Edited.PageURL
		}
		if newBare || (pageURL == "" && r.Source == "") {
			return id
		}
	}
	return ""
}

func uniq(ids []string) []string {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// FNV-1a, for hashing words and phrases without allocating.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// textShingles returns the sorted, distinct hashes of a text's runs of
// shingleWords words (letters and digits, case-folded); a text of fewer
// words is one shingle.
func textShingles(text string) []uint64 {
	var words []uint64
	h, inWord := uint64(fnvOffset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && unicode.Is(unicode.Mn, r)) {
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			inWord = true
			continue
		}
		if inWord {
			words = append(words, h)
			h, inWord = fnvOffset, false
		}
	}
	if inWord {
		words = append(words, h)
	}
	if len(words) == 0 {
		return nil
	}
	n := max(1, len(words)-shingleWords+1)
	out := make([]uint64, n)
	for i := range out {
		p := uint64(fnvOffset)
		for _, w := range words[i:min(len(words), i+shingleWords)] {
			p = (p ^ w) * fnvPrime
		}
		out[i] = p
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similarity is the overlap coefficient of two shingle sets: the share of
// the smaller set found in the larger. Unlike the Jaccard index it does
// not fall when one text grows (a ticker's new entries, a page's full text
// after its teaser), and a text cut short (a paywall) still shows whose
// lead it is.
func similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(min(len(a), len(b)))
}
