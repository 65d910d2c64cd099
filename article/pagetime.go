package article

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// timeMark is a <time datetime> of the page and what its place says of it.
type timeMark struct {
	value string
	// published: the markup calls it the publication date
	// (itemprop="datePublished", the pubdate attribute).
	published bool
	// foreign: it stands in a comment, a list of related articles, a
	// teaser or a widget, and dates that text, not the page's article.
	// modified: the markup calls it the date of the last change
	// (itemprop="dateModified"), which is no publication date (see
	// articleDate).
	foreign, modified bool
}

// foreignDateWords are the words of the class and id names of the parts
// of a page whose dates are other texts': comments and their replies,
// lists of related articles, teasers, widgets (an events calendar).
var foreignDateWords = map[string]bool{
	"comment": true, "comments": true, "replies": true, "related": true,
	"teaser": true, "teasers": true, "widget": true, "widgets": true,
}

// maxPartNameWords is the most words a part's class or id name has
// ("comment-metadata", "related-posts__post", "td_block_widget"); a
// longer one is an article's slug ("…-on-drug-related-charges") or
// describes a part of its own ("article--date-and-comments").
const maxPartNameWords = 4

// markTime reads a <time> element.
func markTime(n *html.Node) timeMark {
	return timeMark{
		value:     attr(n, "datetime"),
		published: strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate"),
		foreign:   inForeignPart(n),
		modified:  strings.EqualFold(attr(n, "itemprop"), "dateModified"),
	}
}

// inForeignPart reports a node inside a part named as another text's
// (foreignDateWords). The body's classes say the page's state
// ("active-footer-widgets-0"), and the taxonomy classes a blog gives its
// article ("category-comment", "tag-related") its subject: neither names
// a part, and they are not read.
func inForeignPart(n *html.Node) bool {
	for _, p := range ancestors(n, 0) {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			break
		}
		for _, name := range strings.Fields(matchString(p)) {
			if strings.HasPrefix(name, "category-") || strings.HasPrefix(name, "tag-") {
				continue
			}
			ws := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) })
			if len(ws) > maxPartNameWords {
				continue
			}
			for _, w := range ws {
				if foreignDateWords[w] {
					return true
				}
			}
		}
	}
	return false
}

// published returns the article's publication date from the page's
// declarations, most specific first: JSON-LD's datePublished, the meta
// tags, JSON-LD's dateCreated, then the article's own <time> elements,
// those the markup calls the publication date first. A <time> in a
// comment, a teaser or a list of related articles dates another text and
// is never taken, though it may be the first on the page, nor is one the
// markup calls the date of the last change. A moment
// declared in UTC is given in the page's zone when another declaration
// tells it (inPageZone).
func (pm *pageMarks) published(ld ldArticle, meta func(keys ...string) string) time.Time {
	cands := []string{ld.DatePublished, meta("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"), ld.DateCreated}
	var own []string
	for _, pass := range []bool{true, false} {
		for _, tm := range pm.times {
			if !tm.foreign && !tm.modified && tm.published == pass {
				own = append(own, tm.value)
			}
		}
	}
	cands = append(cands, own...)
	for i, v := range cands {
		if t, ok := parseDate(v); ok {
			return inPageZone(t, cands[i+1:])
		}
	}
	return time.Time{}
}
