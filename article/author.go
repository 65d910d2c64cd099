package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/words"
	"golang.org/x/net/html"
)

// reAuthorSplit splits a byline into names; reByPrefix is the word that
// introduces it.
var reAuthorSplit = regexp.MustCompile(`\s*(?:,|;|&|\||\band\b|\bund\b|\bsowie\b|\bet\b|\by\b)\s*`)
var reByPrefix = regexp.MustCompile(`(?i)^\s*(by|von|text|autor|autorin|author|written by|a cura di|par|por)\s*:?\s+`)

// An author's name is at most maxNameChars characters and maxNameWords
// words; an all-letter name of minNameChars or fewer is an abbreviation
// or a stray word. A byline element's text is under maxBylineChars.
const (
	maxNameChars   = 60
	maxNameWords   = 5
	minNameChars   = 3
	maxBylineChars = 100
)

// splitAuthors turns a byline into names: "By A and B", "Von A und B",
// "A, B". Only the first line of a byline counts (dates and desks follow
// on later lines), and a date glued to a name is cut off. Values from page
// markup (strict) must also look like names, as bylines found by class
// name often hold "View my profile" or a job title; values that metadata
// declares as authors only lose links, dates and degrees ("MA").
func splitAuthors(s string, strict bool) []string {
	s = reByPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	if i := strings.IndexByte(s, '\n'); i > 0 {
		s = s[:i]
	}
	s = CleanInline(s)
	s = reByPrefix.ReplaceAllString(s, "")
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return nil
	}
	var out []string
	for _, p := range reAuthorSplit.Split(s, -1) {
		p = cutDate(p)
		p = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != ')' })
		p = reByPrefix.ReplaceAllString(p, "")
		n := len([]rune(p))
		if n == 0 || n > maxNameChars || n <= minNameChars && len(p) == n || len(strings.Fields(p)) > maxNameWords || strict && !looksLikeAuthor(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// isDateWord reports a month name or a word that introduces a date
// (bylinewords.txt's dated: "Jane Doe Updated July 10").
func isDateWord(w string) bool {
	_, month := words.Month(w)
	return month || bylineWordsList().dated[w]
}

// cutDate cuts s at its first word with a digit, and a month name or
// "Updated" just before it: "Laura Topolsky July 10" → "Laura Topolsky".
func cutDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			words = words[:i]
			for len(words) > 0 && isDateWord(strings.ToLower(strings.Trim(words[len(words)-1], ".,:"))) {
				words = words[:len(words)-1]
			}
			return strings.Join(words, " ")
		}
	}
	return s
}

// looksLikeAuthor reports whether s could be a person's or desk's name: at
// most five words, every word capitalised except name particles, and none
// a word of the buttons and links that sit in byline markup ("Follow
// Author", "Autor folgen"; bylinewords.txt button).
func looksLikeAuthor(s string) bool {
	for _, w := range strings.Fields(s) {
		if bylineWordsList().buttons[strings.ToLower(strings.Trim(w, ".,:;!"))] {
			return false
		}
		r := []rune(strings.TrimLeft(w, "(\"'“„"))
		if p, _ := words.Particle(w); len(r) > 0 && unicode.IsLower(r[0]) && !p {
			return false
		}
	}
	return true
}

// isByline records n as the page's byline when it looks like one.
func (x *extractor) isByline(n *html.Node, match string) bool {
	if x.byline != "" {
		return false
	}
	if attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author") || kwByline.in(match) {
		t := strings.TrimSpace(bylineText(n))
		if t != "" && len([]rune(t)) < maxBylineChars {
			x.byline = t
			return true
		}
	}
	return false
}

// bylineText is n's text with a space where the texts of two elements
// meet without one ("By <a>Jane Doe</a><time>Updated …</time>"): a byline
// row sets its parts apart by layout, and glued they read as one name.
func bylineText(n *html.Node) string {
	var b strings.Builder
	var last *html.Node
	walk(n, func(c *html.Node) bool {
		if c.Type != html.TextNode || c.Data == "" {
			return true
		}
		if last != nil && last.Parent != c.Parent && b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(c.Data)
			if unicode.IsLetter(prev) && unicode.IsUpper(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(c.Data)
		last = c
		return true
	})
	return b.String()
}
