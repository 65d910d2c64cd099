package export

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// rendered is what a reader sees of a Markdown note: its properties as
// parsed by a YAML parser, and its body rendered by goldmark (CommonMark,
// raw HTML suppressed, as a safe viewer does).
type rendered struct {
	props map[string]any
	root  *html.Node
}

// render parses a note back.
func render(t testing.TB, md []byte) rendered {
	t.Helper()
	var r rendered
	body := string(md)
	if y, rest, ok := splitFrontMatter(body); ok {
		if err := yaml.Unmarshal([]byte(y), &r.props); err != nil {
			t.Fatalf("front matter is not YAML: %v\n%s", err, y)
		}
		body = rest
	}
	var out bytes.Buffer
	if err := goldmark.New().Convert([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	r.root = root
	return r
}

// all returns the elements with the tag, in document order, not looking
// inside matches.
func (r rendered) all(tag string) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(r.root)
	return out
}

// textOf is the text a reader sees in an element: paragraphs separated by
// blank lines, line breaks as newlines.
func textOf(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			cur.WriteString("\n")
		case n.Type == html.ElementNode && (n.Data == "p" || strings.HasPrefix(n.Data, "h") && len(n.Data) == 2):
			if cur.Len() > 0 {
				paras = append(paras, cur.String())
				cur.Reset()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			paras = append(paras, cur.String())
			cur.Reset()
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if strings.TrimSpace(cur.String()) != "" {
		paras = append(paras, cur.String())
	}
	return visible(strings.Join(paras, "\n\n"))
}

// visible normalises text to what a reader can tell apart: paragraphs
// (separated by blank lines) of lines, whitespace runs as one space,
// control characters gone.
func visible(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == '\ufeff' {
			if r == '\t' {
				return ' '
			}
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
			lines = nil
		}
	}
	for ln := range strings.SplitSeq(s, "\n") {
		f := strings.Join(strings.Fields(ln), " ")
		if f == "" {
			flush()
			continue
		}
		lines = append(lines, f)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// hostile are texts that would break a Markdown note if written raw.
var hostile = []string{
	"# Not a heading",
	"## Also not",
	"- not a list item",
	"+ nor this",
	"* nor this one",
	"> not a quote",
	"1. not an ordered list",
	"2024) not one either",
	"---",
	"===",
	"***",
	"___",
	"Text with [[Wiki Link]] and ]] stray",
	"a | b | c",
	"|---|---|",
	"Code `x` and ```fence",
	"```go",
	"~~~",
	"<b>bold</b> and <script>alert(1)</script>",
	"<!-- comment -->",
	"<div>block html</div>",
	"Templating {{ .Title }} here",
	"An &amp; entity &lt;b&gt;",
	"*emphasis* and _under_ and **strong**",
	"~~strike~~ ==highlight== %%comment%%",
	"$x^2$ maths",
	"#tag and ^block-id",
	"[link](http://example.com) and ![img](x.png)",
	"[^1] footnote and [ref]: /url",
	"> [!note] callout",
	"<http://example.com> autolink",
	"trailing backslash \\",
	"two trailing spaces  ",
	"    indented code",
	"\tindented by tab",
	"line one\nline two\n\nnew paragraph",
	"Zeile mit Umlauten: Äußerung – „Zitat“ « guillemets »",
	"\\# escaped already",
	"Nordkoreas Machthaber Kim Jong-un: \"Wir sind bereit\"",
	"- [ ] task",
	"Setext\n---",
	"Setext\n===",
	"12345678901. long number",
	"line\r\nwith CRLF\rand CR",
	"control\x00chars\x07here\x1b[31m",
	"\u2028line separator",
}

// fixtureLibrary is a small library with hostile text everywhere.
func fixtureLibrary() *Library {
	t0 := time.Date(2024, 11, 8, 12, 22, 0, 0, time.FixedZone("", 3600))
	china := annotation.Actor{ID: "01JCHINA0000000000000000AA", Name: "China", Kind: annotation.KindState, Aliases: []string{"Peking", "Chinas", "Volksrepublik China"}, Wikidata: "Q148", Created: t0, Updated: t0}
	bremmer := annotation.Actor{ID: "01JBREMMER00000000000000AA", Name: "Ian Bremmer", Kind: annotation.KindPerson, Aliases: []string{"Bremmer"}, Created: t0, Updated: t0}
	weird := annotation.Actor{ID: "01JWEIRD000000000000000AAA", Name: "AC/DC | The [Band] #1", Kind: annotation.KindGroup, Created: t0, Updated: t0}
	sanktionen := annotation.Topic{ID: "01JTOPSANKTIONEN0000000000", Name: "Sanktionen", Color: "#dc2626", Aliases: []string{"Sanctions"}, Created: t0, Updated: t0}
	atom := annotation.Topic{ID: "01JTOPATOM0000000000000000", Name: "Atomprogramm", Color: "#7c3aed", Aliases: []string{"nuclear programme"}, Created: t0, Updated: t0}
	oel := annotation.Topic{ID: "01JTOPOEL00000000000000000", Name: "Ölembargo", Color: "#0891b2", Parent: sanktionen.ID, Note: `Embargo | "Öl" — #1`, Created: t0, Updated: t0}
	kim := annotation.Actor{ID: "01JKIM00000000000000000AAA", Name: "Kim Jong-un", Kind: annotation.KindPerson, Aliases: []string{"Kim", "Machthaber Kim"}, Wikidata: "https://www.wikidata.org/wiki/Q56226", Created: t0, Updated: t0}
	a1 := article.Article{
		Title: `Kim: "Wir sind bereit" – Nordkorea, Russland & China`, Kicker: "Geopolitik",
		Description: "Pjöngjang droht: # nicht bereit? – Peking schweigt, sagt: \"nichts\".",
		Authors:     []string{"Anna Müller", "J. O'Brien"}, Published: t0, Site: "Beispiel: Zeitung", URL: "https://example.com/politik/nordkorea?id=1&x=2",
		Lang: "de",
		Blocks: []article.Block{
			{Type: article.Paragraph, Text: "Nordkoreas Machthaber Kim Jong-un sagt: # Wir sind bereit. Peking schweigt."},
			{Type: article.Paragraph, Text: "- Russland liefert [[Waffen]] | und Öl, sagt Ian Bremmer: <b>neu</b> ist das nicht."},
			{Type: article.ListItem, Level: 1, Text: "1. Punkt eins {{ template }} und `code`"},
			{Type: article.Paragraph, Text: "--- Ende ---"},
		},
		Cleaner: "1",
	}
	text := []rune(a1.Text())
	hl := func(id string, start, end int, note string, refs ...annotation.ActorRef) annotation.Highlight {
		return annotation.Highlight{ID: id, ArticleID: "01JART1000000000000000000A", Start: start, End: end,
			Quote: annotation.QuoteAt(text, start, end), Actors: refs, Note: note, Created: t0, Updated: t0}
	}
	find := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		if i < 0 {
			panic("fixture: no " + s)
		}
		start := len([]rune(string(text)[:i]))
		return start, start + len([]rune(s))
	}
	s1, e1 := find("Kim Jong-un sagt: # Wir sind bereit.")
	s2, e2 := find("- Russland liefert [[Waffen]] | und Öl, sagt Ian Bremmer: <b>neu</b> ist das nicht.\n\n1. Punkt eins {{ template }} und `code`")
	s3, e3 := find("--- Ende ---")
	orphan := hl("01JHL4000000000000000000AA", 3, 9, "Was this *really* said?")
	orphan.Quote = annotation.TextQuote{Exact: "> Ein Satz, der nicht mehr da ist"}
	orphan.Orphaned = "the quoted passage is no longer in the text"
	art1 := Article{ID: "01JART1000000000000000000A", Added: t0.Add(time.Hour), Article: a1, Highlights: []annotation.Highlight{
		hl("01JHL2000000000000000000AA", s2, e2, "- a note that starts like a list\n\n# and a heading\n<script>x</script>",
			annotation.ActorRef{ActorID: bremmer.ID, Role: annotation.RoleSpeaker, Topic: oel.ID, Stance: annotation.StanceNeutral}, annotation.ActorRef{ActorID: china.ID, Role: annotation.RoleMentioned}, annotation.ActorRef{ActorID: weird.ID, Role: annotation.RoleTarget}),
		hl("01JHL1000000000000000000AA", s1, e1, "", annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: sanktionen.ID, Stance: annotation.StanceOpposes},
			annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: atom.ID}, annotation.ActorRef{ActorID: china.ID, Role: annotation.RoleMentioned}),
		coloured(hl("01JHL3000000000000000000AA", s3, e3, "no actors here"), "#ffd54f"),
		orphan,
	}}
	a2 := article.Article{
		Title: "CON", Lang: "en", Published: t0.AddDate(0, 1, 0),
		Blocks: []article.Block{{Type: article.Paragraph, Text: "China and North Korea: Bremmer says | nothing."}},
	}
	t2 := []rune(a2.Text())
	h5 := annotation.Highlight{ID: "01JHL5000000000000000000AA", ArticleID: "01JART2000000000000000000A", Start: 0, End: len(t2),
		Quote: annotation.QuoteAt(t2, 0, len(t2)), Actors: []annotation.ActorRef{{ActorID: china.ID, Role: annotation.RoleTarget}, {ActorID: bremmer.ID}}, Created: t0, Updated: t0}
	art2 := Article{ID: "01JART2000000000000000000A", Added: t0.Add(2 * time.Hour), Article: a2, Highlights: []annotation.Highlight{h5}}
	return &Library{Articles: []Article{art2, art1}, Actors: []annotation.Actor{weird, kim, bremmer, china}, Topics: []annotation.Topic{oel, atom, sanktionen}, Preferences: map[string]string{"theme": "dark", "textSize": "16"}}
}

// coloured gives a highlight its own colour.
func coloured(h annotation.Highlight, c string) annotation.Highlight {
	h.Color = c
	return h
}

// nextElement returns the next sibling element of n, or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}
