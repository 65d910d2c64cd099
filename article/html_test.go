package article

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCleanHTMLGermanNews checks a German news page built like the seed's
// source: metadata from JSON-LD and meta tags, kicker from the headline's
// overline, body with sub-headings and a quote in order, and none of the
// furniture (cookie banner, breadcrumbs, "Artikel anhören", ad label,
// "Mehr zum Thema", "Verwandte Themen", partners, comments, footer), while
// the paragraphs after the "Verwandte Themen" box are kept.
func TestCleanHTMLGermanNews(t *testing.T) {
	a, err := CleanHTML(readFixture(t, "de-news.html"), "https://www.handelsblatt.com/politik/x.html?utm=1")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Annäherung von Russland und Nordkorea bietet Chance für den Westen"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if a.Kicker != "Geopolitik" {
		t.Errorf("kicker %q", a.Kicker)
	}
	if strings.Join(a.Authors, "; ") != "Martin Benninghoff; Martin Kölling" {
		t.Errorf("authors %q", a.Authors)
	}
	if want := time.Date(2024, 11, 8, 11, 22, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	if a.Site != "Handelsblatt" || a.Lang != "de-DE" {
		t.Errorf("site %q lang %q", a.Site, a.Lang)
	}
	if want := "https://www.handelsblatt.com/politik/international/geopolitik-annaeherung/100083938.html"; a.URL != want {
		t.Errorf("url %q, want %q", a.URL, want)
	}
	if !strings.HasPrefix(a.Description, "Nordkoreas Entsendung von Soldaten") {
		t.Errorf("description %q", a.Description)
	}
	text := a.Text()
	for _, want := range []string{
		"Shanghai, Tokio. Nordkorea versteht es",
		"Nordkorea drängt China an den Rand",
		"„Eine Verbesserung der Beziehungen",
		"Eine Möglichkeit wäre nach Ansicht",
		"bleibt abzuwarten.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Index(text, "Shanghai, Tokio.") > strings.Index(text, "bleibt abzuwarten.") {
		t.Error("body paragraphs out of order")
	}
	for _, bad := range []string{
		"Cookies", "Startseite", "Artikel anhören", "Anzeige", "Mehr zum Thema",
		"Kim Jong-un schickt Soldaten", "Verwandte Themen", "Unsere Partner", "Depot eröffnen",
		"Kommentare", "Leser Meier", "Impressum", "Alle Rechte", "Foto:", "Auf Facebook teilen",
	} {
		if strings.Contains(text, bad) {
			t.Errorf("text contains furniture %q", bad)
		}
	}
	var headings, quotes int
	for _, b := range a.Blocks {
		switch b.Type {
		case Heading:
			headings++
			if b.Level != 2 {
				t.Errorf("heading %q has level %d", b.Text, b.Level)
			}
		case Quote:
			quotes++
		}
	}
	if headings != 2 || quotes != 1 {
		t.Errorf("%d headings and %d quotes, want 2 and 1", headings, quotes)
	}
}

// TestCleanHTMLCharsets checks that German pages in Latin-1 and
// windows-1252 (declared, or undeclared as browsers assume) come out with
// correct umlauts, quotes and euro signs, and that the HTTP header's charset
// wins over the page's own declaration.
func TestCleanHTMLCharsets(t *testing.T) {
	tests := []struct {
		file, contentType string
		want              []string
	}{
		{"de-iso-8859-1.html", "", []string{"Öffnungszeiten: Ämter in Köln", "Bürgerinnen und Bürger in Köln und Düsseldorf äußerten", "Größere Änderungen"}},
		{"de-windows-1252.html", "", []string{"„Wir sind sehr zufrieden“", "37 €", "Schöne Grüße"}},
		{"de-undeclared-1252.html", "", []string{"„Wir sind sehr zufrieden“", "die Hälfte"}},
		{"de-undeclared-1252.html", "text/html; charset=windows-1252", []string{"„Wir sind sehr zufrieden“"}},
		{"de-news.html", "text/html; charset=utf-8", []string{"Annäherung"}},
	}
	for _, tt := range tests {
		a, err := CleanHTMLContentType(readFixture(t, tt.file), tt.contentType, "")
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		all := a.Title + "\n" + a.Text()
		if !utf8.ValidString(all) || strings.ContainsRune(all, '\uFFFD') {
			t.Errorf("%s: text is not clean UTF-8", tt.file)
		}
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s (%q): lacks %q in %q", tt.file, tt.contentType, w, firstWords(all, 30))
			}
		}
	}
	if a, _ := CleanHTML(readFixture(t, "de-iso-8859-1.html"), ""); a != nil && a.Title != "Öffnungszeiten: Ämter in Köln verlängern ihre Sprechstunden" {
		t.Errorf("site suffix not stripped from title: %q", a.Title)
	}
}

func TestChooseTitle(t *testing.T) {
	tests := []struct {
		h1, site, host string
		declared       []string
		want           string
	}{
		{"", "Handelsblatt", "handelsblatt.com", []string{"Annäherung bietet Chance - Handelsblatt"}, "Annäherung bietet Chance"},
		{"", "Handelsblatt", "", []string{"Handelsblatt | Annäherung bietet Chance"}, "Annäherung bietet Chance"},
		{"", "", "tagesschau.de", []string{"Krieg in Nahost: Was wir wissen | tagesschau.de"}, "Krieg in Nahost: Was wir wissen"},
		{"", "", "spiegel.de", []string{"Wahl in Thüringen - DER SPIEGEL"}, "Wahl in Thüringen"},
		{"", "", "example.com", []string{"Minecraft 1.8 - The Bountiful Update"}, "Minecraft 1.8 - The Bountiful Update"},
		{"List of films featuring time loops", "", "", []string{"Wikimedia list article", "", "", "List of films featuring time loops - Wikipedia"}, "List of films featuring time loops"},
		{"Geopolitik Annäherung bietet Chance", "", "", []string{"Annäherung bietet Chance"}, "Annäherung bietet Chance"},
		{"Only a headline", "", "", []string{""}, "Only a headline"},
	}
	for _, tt := range tests {
		if got := chooseTitle(tt.h1, tt.site, tt.host, tt.declared...); got != tt.want {
			t.Errorf("chooseTitle(%q, %q) = %q, want %q", tt.h1, tt.declared, got, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"By Jane Doe and John Smith", "Jane Doe|John Smith"},
		{"Von Martin Benninghoff und Martin Kölling", "Martin Benninghoff|Martin Kölling"},
		{"Martin Benninghoff, Martin Kölling", "Martin Benninghoff|Martin Kölling"},
		{"https://www.facebook.com/someone", ""},
		{"By Nathan Willis\n  March 25, 2015", "Nathan Willis"},
		{"Laura June Topolsky July 10, 2015", "Laura June Topolsky"},
		{"By\n\t\tScott Cunningham", "Scott Cunningham"},
		{"By Brenda Goodman, MA", "Brenda Goodman"},
		{"Andrew Zonenberg, View my complete profile", "Andrew Zonenberg"},
		{"Alexandre Hervaud et Jérémy Piette", "Alexandre Hervaud|Jérémy Piette"},
		{"肖春芳", "肖春芳"},
		{"Follow Author", ""},
		{"Anna Meier Autorin folgen", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitAuthors(tt.in, true), "|"); got != tt.want {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-11-08T12:22:00+01:00", "2024-11-08T11:22:00Z", "2024-11-08T11:22:00.000Z", "2024-11-08 11:22:00", "Fri, 08 Nov 2024 11:22:00 GMT", "2024-11-08T11:22+0000", "2024-11-08T12:22+0100"} {
		got, ok := parseDate(s)
		if !ok || !got.Equal(time.Date(2024, 11, 8, 11, 22, 0, 0, time.UTC)) {
			t.Errorf("parseDate(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "yesterday", "0000-01-01", strings.Repeat("9", 100)} {
		if _, ok := parseDate(s); ok {
			t.Errorf("parseDate(%q) accepted", s)
		}
	}
}

// TestCleanHTMLBlocks checks block typing: heading levels, list nesting,
// quotes, captions, preformatted text keeping its lines, table rows.
func TestCleanHTMLBlocks(t *testing.T) {
	long := strings.Repeat("This sentence is part of a long paragraph of the article body, written to be scored. ", 4)
	page := `<html><head><title>Blocks</title></head><body><article>
<p>` + long + `</p>
<h3>A third-level heading</h3>
<p>` + long + `</p>
<ul><li>First item with some words</li><li>Second item<ul><li>Nested item</li></ul></li></ul>
<blockquote><p>A quoted sentence, said by someone important.</p></blockquote>
<figure><img src="x.jpg"><figcaption>A caption of the photo. <span class="credit">Photo: Jane Doe</span></figcaption></figure>
<figure><img src="y.jpg"><figcaption>Another caption. Photo: John Roe</figcaption></figure>
<pre>line one
  line two</pre>
<p>` + long + `</p>
</article></body></html>`
	a, err := CleanHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Paragraph, 0, strings.TrimSpace(long)},
		{Heading, 3, "A third-level heading"},
		{Paragraph, 0, strings.TrimSpace(long)},
		{ListItem, 1, "First item with some words"},
		{ListItem, 1, "Second item"},
		{ListItem, 2, "Nested item"},
		{Quote, 0, "A quoted sentence, said by someone important."},
		{Caption, 0, "A caption of the photo."},
		{Caption, 0, "Another caption."},
		{Preformatted, 0, "line one\n  line two"},
		{Paragraph, 0, strings.TrimSpace(long)},
	}
	if len(a.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(a.Blocks), len(want), a.Blocks)
	}
	for i := range want {
		if a.Blocks[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, a.Blocks[i], want[i])
		}
	}
}

// TestCleanHTMLBadInput checks that hostile and empty pages give clear
// errors, never a panic or a hang.
func TestCleanHTMLBadInput(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000) + "</body></html>"
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"no article text", []byte(`<html><head><title>Menu</title><script>var x = "not text";</script></head><body><nav><a href="/">Home</a></nav></body></html>`), ErrNoText},
		{"empty page", []byte(""), ErrNoText},
		{"100,000 nested divs", []byte(deep), ErrTooDeep},
		{"too large", make([]byte, MaxPageBytes+1), ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := CleanHTML(tt.data, "")
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", tt.name, err)
		}
	}
	// Deep, but within what the parser accepts: must not recurse per level.
	mid := "<html><body>" + strings.Repeat("<div>", 500) + strings.Repeat("Some words of text here. ", 40) + strings.Repeat("</div>", 500) + "</body></html>"
	if _, err := CleanHTML([]byte(mid), ""); err != nil {
		t.Errorf("500 nested divs: %v", err)
	}
	// Invalid UTF-8 in a page that claims UTF-8 is replaced, not passed on.
	bad := "<html><head><meta charset=utf-8></head><body><p>" + strings.Repeat("Gr\xfc\xdfe aus K\xf6ln, sagte er. ", 30) + "</p></body></html>"
	a, err := CleanHTML([]byte(bad), "")
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(a.Text()) {
		t.Error("invalid UTF-8 passed through")
	}
}

// TestTextLens checks that the one-pass lengths equal textLen everywhere.
func TestTextLens(t *testing.T) {
	for _, name := range []string{"de-news.html", "de-iso-8859-1.html"} {
		doc, err := parsePage(toUTF8(readFixture(t, name), ""))
		if err != nil {
			t.Fatal(err)
		}
		lens := textLens(doc)
		checked := 0
		walk(doc, func(n *html.Node) bool {
			if n.Type == html.ElementNode {
				if got, want := lens[n], textLen(n); got != want {
					t.Errorf("%s <%s>: textLens %d, textLen %d", name, n.Data, got, want)
				}
				checked++
			}
			return true
		})
		if checked < 10 {
			t.Errorf("%s: only %d elements checked", name, checked)
		}
	}
	doc, _ := parsePage([]byte("<p> a  <b> b </b>c<i></i> <span> </span>d </p>"))
	p := findFirst(doc, atom.P)
	if got, want := textLens(doc)[p], len(innerText(p)); got != want || want != 7 {
		t.Errorf("lens %d, innerText %q", got, innerText(p))
	}
}

// readFixtureBytes reads an HTML fixture outside a test (for fuzz seeds).
func readFixtureBytes(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "html", name))
}

// TestCleanHTMLEnglishNeutralMarkup checks an English page whose markup
// names nothing (no article, class or id hints): the furniture must go by
// the phrase lists and the structure, the rubric above the headline becomes
// the kicker, the date line goes to metadata, and the paragraph after the
// "Related" box stays.
func TestCleanHTMLEnglishNeutralMarkup(t *testing.T) {
	a, err := CleanHTML(readFixture(t, "en-news.html"), "https://daily.example.com/x")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ministers agree on a new grain deal after talks in Ankara" || a.Kicker != "World" ||
		strings.Join(a.Authors, "|") != "Jane Doe|John Roe" || a.Lang != "en-GB" || a.Site != "The Daily Example" ||
		a.URL != "https://daily.example.com/world/grain-deal" || !a.Published.Equal(time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("metadata: %+v", *a)
	}
	text := a.Text()
	for _, want := range []string{"Negotiators from Ukraine", "A cargo ship loaded with grain waits near Istanbul.", "“This is a step", "What happens next", "Aid agencies welcomed the deal"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"World\n", "5 March 2024", "Share", "Listen to this article", "Photograph:", "Advertisement", "Related", "Grain prices hit", "newsletter", "Comments", "Reader1", "Most read", "cookies", "Privacy Policy", "Business"} {
		if strings.Contains(text, bad) {
			t.Errorf("text contains furniture %q", bad)
		}
	}
	if a.Blocks[0].Type != Paragraph || !strings.HasPrefix(a.Blocks[0].Text, "Negotiators") {
		t.Errorf("first block %+v", a.Blocks[0])
	}
}

// TestCleanHTMLDeterministic checks that the same page gives the same
// article, byte for byte, as offsets into stored texts depend on it.
func TestCleanHTMLDeterministic(t *testing.T) {
	for _, name := range []string{"de-news.html", "en-news.html", "de-windows-1252.html"} {
		data := readFixture(t, name)
		a, err1 := CleanHTML(data, "https://example.com/")
		b, err2 := CleanHTML(data, "https://example.com/")
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

// TestCleanHTMLKeepsPaywalledText checks that text inside a container named
// "paywall" (where sites put the part behind the paywall, shown to
// subscribers) is article text, and that a "Stand:" date line is not.
func TestCleanHTMLKeepsPaywalledText(t *testing.T) {
	para := func(s string) string {
		return "<p>" + strings.Repeat(s+", sagte der Sprecher am Montag in Berlin. ", 3) + "</p>"
	}
	page := `<html lang="de"><body><div class="article"><h1><span class="seitenkopf__topline">Haushalt</span> Einigung im Streit</h1>
<p class="metatextline">Stand: 08.11.2024 12:22 Uhr</p>` + para("Die Koalition hat sich geeinigt") + `
<div class="paywall">` + para("Der zweite Teil ist nur für Abonnenten") + para("Auch dieser Absatz gehört dazu") + `</div></div></body></html>`
	a, err := CleanHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	if !strings.Contains(text, "Der zweite Teil") || !strings.Contains(text, "Auch dieser Absatz") {
		t.Errorf("paywalled text lost: %q", text)
	}
	if strings.Contains(text, "Stand:") || a.Kicker != "Haushalt" || a.Title != "Einigung im Streit" {
		t.Errorf("kicker %q, title %q, text %q", a.Kicker, a.Title, firstWords(text, 10))
	}
}

// TestRemoveFurnitureInnermost checks that phrases are judged on the
// innermost blocks: a credit line does not take a short paragraph in the
// same wrapper with it, and a "Verwandte Themen" box ends where article
// text starts again.
func TestRemoveFurnitureInnermost(t *testing.T) {
	doc, err := parsePage([]byte(`<div id=c><div><p>Foto: dpa</p><p>Ein kurzer Absatz.</p></div>
<div><p>Verwandte Themen</p></div><ul><li><a href=/a>China</a></li><li><a href=/b>USA</a></li></ul>
<p>Der Text geht nach dem Kasten weiter, und das ist Artikeltext.</p><p>Anzeige</p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	var content *html.Node
	walk(doc, func(n *html.Node) bool {
		if attr(n, "id") == "c" {
			content = n
		}
		return content == nil
	})
	removeFurniture(content, phraseSet{boilerplateFor("de")})
	got := strings.Join(strings.Fields(textContent(content)), " ")
	if want := "Ein kurzer Absatz. Der Text geht nach dem Kasten weiter, und das ist Artikeltext."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRemoveFurnitureEndOnlyAtTheEnd checks that an end phrase closes the
// article only in its second half.
func TestRemoveFurnitureEndOnlyAtTheEnd(t *testing.T) {
	long := strings.Repeat("Ein Satz des Artikels mit einigen Wörtern. ", 10)
	for _, tt := range []struct {
		page string
		want []string
		not  []string
	}{
		{`<div id=c><p>` + long + `</p><h2>Diskussion</h2><p>` + long + `</p><p>` + long + `</p></div>`, []string{"Diskussion"}, nil},
		{`<div id=c><p>` + long + `</p><p>` + long + `</p><h2>Kommentare</h2><p>Leser: Toller Text!</p></div>`, nil, []string{"Kommentare", "Leser"}},
	} {
		doc, _ := parsePage([]byte(tt.page))
		var content *html.Node
		walk(doc, func(n *html.Node) bool {
			if attr(n, "id") == "c" {
				content = n
			}
			return content == nil
		})
		removeFurniture(content, phraseSet{boilerplateFor("de")})
		text := textContent(content)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("lost %q", w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("kept %q", w)
			}
		}
	}
}

func TestSizeString(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 kB"},
		{1<<20 - 1, "1023 kB"},
		{1 << 20, "1.0 MB"},
		{3 << 19, "1.5 MB"},
	} {
		if got := SizeString(tc.n); got != tc.want {
			t.Errorf("SizeString(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
