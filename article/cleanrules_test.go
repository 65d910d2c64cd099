package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// prose is a paragraph of article text, long enough to be scored.
const prose = "Der Stadtrat hat am Montag nach langer Debatte ein neues Konzept für die Innenstadt beschlossen, das mehr Grün, breitere Radwege und weniger Parkplätze vorsieht, und die Opposition kündigte an, dagegen zu klagen. "

// page wraps body markup in a German page with a title.
func page(body string) []byte {
	return []byte(`<!doctype html><html lang="de"><head><title>Ein neues Konzept für die Innenstadt</title></head><body>` + body + `</body></html>`)
}

// paras returns n paragraphs of prose, each marked with its number.
func paras(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("<p>Absatz " + string(rune('A'+i)) + ": " + prose + "</p>")
	}
	return b.String()
}

// TestCleanRules checks each rule that the snippet corpus asked for on a
// small page made for it: what the article must keep and what it must not.
func TestCleanRules(t *testing.T) {
	cases := []struct {
		name       string
		body       string
		keep, drop []string
	}{
		{"unlikely-named wrapper holding the page stays",
			`<div class="layout-container has-sidebar"><h1>Ein neues Konzept für die Innenstadt</h1><div class="text">` + paras(4) + `</div><div class="sidebar"><p>Werbung für etwas anderes, das hier nicht hingehört.</p></div></div>`,
			[]string{"Absatz A", "Absatz D"}, []string{"Werbung für etwas"}},
		{"page-builder blocks of one class are one article",
			`<div class="holder"><div class="row"><div class="col"><div class="text-widget">` + paras(3) + `</div></div><div class="col"><img src="a.jpg"></div></div>` +
				`<div class="row"><div class="col"><div class="text-widget"><p>Zweiter Teil: ` + prose + `</p><p>Dritter Teil: ` + prose + `</p></div></div></div></div>` +
				`<div class="more"><p>Ein anderer Text, der nicht zum Artikel gehört, aber auch lang genug ist, um gezählt zu werden, mit Kommas, vielen, vielen.</p></div>`,
			[]string{"Absatz A", "Zweiter Teil", "Dritter Teil"}, nil},
		{"an aside holding the article is not removed",
			`<main><aside class="pa"><article><div itemprop="articleBody">` + paras(3) + `</div></article></aside><aside class="ad"><p>Anzeige hier.</p></aside></main>`,
			[]string{"Absatz A", "Absatz C"}, []string{"Anzeige hier"}},
		{"a table inside the article gives way to the article",
			`<div class="story">` + paras(3) + `<div class="tbl"><div class="scroll"><div class="inner"><table><tr><th>Name</th><th>Adresse</th></tr>` + strings.Repeat(`<tr><td><p>Abgeordnete Erika Mustermann, Wahlkreis Nord, Fraktion, Ausschuss</p></td><td><p>erika.mustermann@parlament.example, Zimmer 101, Haus 2, Etage 3</p></td></tr>`, 80) + `</table></div></div></div></div>`,
			[]string{"Absatz A", "Absatz C"}, nil},
		{"author bio box",
			`<article>` + paras(3) + `<div class="author-bio"><p>Erika Mustermann schreibt seit zwanzig Jahren über Stadtplanung, Verkehr und die Frage, wie Städte grüner werden, und lebt mit ihrer Familie in Köln am Rhein.</p></div></article>`,
			[]string{"Absatz A"}, []string{"schreibt seit zwanzig Jahren"}},
		{"loose furniture text beside blocks",
			`<article>` + paras(3) + `<div><hr><strong>War der Artikel nützlich?</strong> <img src="s.gif"> (12 Stimmen)</div></article>`,
			[]string{"Absatz C"}, []string{"War der Artikel nützlich"}},
		{"picture credits",
			`<article>` + paras(2) + `<figure><img src="a.jpg"><figcaption>Der neue Platz am Rathaus. | © Stadt Köln</figcaption></figure><p>Judy Eddy/WENN.com</p>` + paras(1) + `</article>`,
			[]string{"Der neue Platz am Rathaus.", "Absatz A"}, []string{"Stadt Köln", "WENN"}},
		{"names around a slash that are no credit stay",
			`<article>` + paras(2) + `<h2>Add-ons / Web Extensions</h2>` + paras(1) + `</article>`,
			[]string{"Add-ons / Web Extensions"}, nil},
		{"dangling labels at the end",
			`<article>` + paras(3) + `<h3>Mehr aus dem Channel</h3><p>Weitere Informationen:</p></article>`,
			[]string{"Absatz C"}, []string{"Mehr aus dem Channel", "Weitere Informationen"}},
		{"a heading that is a sentence is no label",
			`<article>` + paras(3) + `<h3>Der Rat hat entschieden.</h3></article>`,
			[]string{"Der Rat hat entschieden."}, nil},
		{"contact line",
			`<article>` + paras(3) + `<p>Email Erika Mustermann at erika@example.com or follow her @erika.</p></article>`,
			[]string{"Absatz C"}, []string{"erika@example.com"}},
		{"gallery counter",
			`<article>` + paras(2) + `<p>Bild 3 von 12</p>` + paras(1) + `</article>`,
			[]string{"Absatz A"}, []string{"Bild 3 von 12"}},
		{"Drupal's field--label-hidden is visible content",
			`<article class="node"><div class="field field--name-field-paragraphs field--label-hidden"><div class="paragraph"><div class="content">` + paras(2) + `</div></div><div class="paragraph"><div class="content">` + paras(2) + `</div></div></div></article>`,
			[]string{"Absatz A", "Absatz B"}, nil},
		{"comment form and disclaimer phrases",
			`<article>` + paras(3) + `<p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.</p><p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p></article>`,
			[]string{"Absatz C"}, []string{"E-Mail-Adresse", "Meinung des Autors"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanHTML(page(c.body), "")
			if err != nil {
				t.Fatal(err)
			}
			out := a.Title + "\n\n" + a.Text()
			for _, k := range c.keep {
				if !strings.Contains(out, k) {
					t.Errorf("lost %q:\n%s", k, out)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(out, d) {
					t.Errorf("kept %q:\n%s", d, out)
				}
			}
		})
	}
}

// TestDeclaredBodies checks the stand-ins for a page whose markup shows
// too little: JSON-LD's articleBody, and the element microdata marks as
// the description when extraction finds nothing.
func TestDeclaredBodies(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8222;Krieg&#8220; &#8211; eine Analyse","articleBody":"` +
		strings.Repeat("Erster Absatz des Artikels mit vielen Worten, die erst ein Skript anzeigt. ", 8) + `\n` +
		strings.Repeat("Zweiter Absatz, ebenso lang und ebenso nur im JSON-LD zu finden. ", 8) + `"}</script>`
	a, err := CleanHTML([]byte(`<html lang="de"><head>`+ld+`</head><body><div id="app"><p>Laden …</p></div></body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "„Krieg“ – eine Analyse" {
		t.Errorf("title %q: JSON-LD entities not decoded", a.Title)
	}
	if len(a.Blocks) != 2 || !strings.HasPrefix(a.Blocks[1].Text, "Zweiter Absatz") {
		t.Errorf("declared body not used: %+v", a.Blocks)
	}

	desc := `<div class="product"><div class="buttons"><a href="/">Start</a> <a href="/shop">Shop</a></div><div itemprop="description" style="display: none"><p>` +
		"Im Glas zeigt der Wein ein helles Rosa; im Bukett rote Beeren und Zitrus, am Gaumen frisch und harmonisch." + `</p></div></div>`
	a, err = CleanHTML(page(desc), "")
	if err != nil {
		t.Fatalf("a page whose text sits in itemprop=description: %v", err)
	}
	if !strings.Contains(a.Text(), "Im Glas zeigt der Wein") {
		t.Errorf("description not used: %q", a.Text())
	}
}

// TestStricterPassWins checks that a short post keeps its text rather
// than losing to a slightly longer author box that only a laxer pass
// keeps.
func TestStricterPassWins(t *testing.T) {
	body := `<article class="post"><div class="entry-content"><p>Auf dem Camp haben wir live gepodcastet, mit zwei Gästen, die von ihren Eindrücken erzählen.</p></div></article>` +
		`<div id="author-info"><div id="author-description"><h2>Über Erika</h2><p>Erika Mustermann leitet eine Akademie, studierte Elektrotechnik und brennt für lernende Organisationen, Wissensmanagement und neue Arbeit in Städten.</p></div></div>`
	a, err := CleanHTML(page(body), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text(), "live gepodcastet") || strings.Contains(a.Text(), "leitet eine Akademie") {
		t.Errorf("got %q", a.Text())
	}
}

// TestOutOfTable checks that a best container inside a table moves up to
// the scored container that also holds the article's prose, and that a
// page whose text is the table keeps it.
func TestOutOfTable(t *testing.T) {
	doc, err := parsePage([]byte(`<html><body><div id="story">` + paras(3) + `<div><table id="t"><tbody id="b"><tr><td>Name</td><td>Adresse</td></tr></tbody></table></div></div>` +
		`<div id="lone"><table><tbody id="b2"><tr><td>` + prose + `</td></tr></tbody></table></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	walk(doc, func(n *html.Node) bool {
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
		return true
	})
	x := newExtractor(0, "")
	x.scores[byID["b"]], x.scores[byID["story"]] = 400, 50
	x.scores[byID["b2"]], x.scores[byID["lone"]] = 40, 5
	if got := x.outOfTable(byID["b"]); got != byID["story"] {
		t.Errorf("table in an article: best %q, want the story", attr(got, "id"))
	}
	if got := x.outOfTable(byID["b2"]); got != byID["b2"] {
		t.Errorf("a page that is a table: best %q, want the table body", attr(got, "id"))
	}
	if got := x.outOfTable(byID["story"]); got != byID["story"] {
		t.Errorf("no table: best %q", attr(got, "id"))
	}
}

// TestStandfirst checks that the lead paragraph a page shows in its header,
// outside the article's container, begins the text, and that a declared
// description the page does not show stays out of it.
func TestStandfirst(t *testing.T) {
	lead := "Die Stadt will die Innenstadt umbauen: mehr Grün, breitere Radwege, weniger Autos."
	for _, c := range []struct {
		name, shown string
		want        bool
	}{
		{"shown", `<p class="teaser">` + lead + `</p>`, true},
		{"not shown", ``, false},
	} {
		body := `<header><h1>Ein neues Konzept für die Innenstadt</h1>` + c.shown + `</header><article><div class="text">` + paras(3) + `</div></article>`
		a, err := CleanHTML([]byte(`<html lang="de"><head><title>Ein neues Konzept für die Innenstadt</title><meta name="description" content="`+lead+`"></head><body>`+body+`</body></html>`), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Blocks[0].Text == lead; got != c.want {
			t.Errorf("%s: first block %q", c.name, a.Blocks[0].Text)
		}
		if a.Description != lead {
			t.Errorf("%s: description %q", c.name, a.Description)
		}
	}
}

// TestNavigationOnlyPage checks that the exception for a wrapping <aside>
// does not turn a page of links into an article.
func TestNavigationOnlyPage(t *testing.T) {
	if a, err := CleanHTML([]byte(`<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`), ""); err == nil {
		t.Errorf("a page of links gave an article: %q", a.Text())
	}
}
