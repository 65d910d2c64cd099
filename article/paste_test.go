package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pasteCopy is a browser copy of a news page whose standfirst reads more
// like a headline than the headline does: from the text alone the
// cleaner takes the standfirst.
const pasteCopy = `Startseite
Politik
Wirtschaft
Kultur
Suche

Politik

Zähes Ringen
Die Koalition streitet seit Wochen über die Schuldenbremse und die Finanzierung der Bahn

Von Anna Beispiel
3. Dezember 2026

Die Koalition hat sich am Mittwochabend nach langen Verhandlungen auf einen Haushaltsentwurf geeinigt, der nun im Bundestag beraten werden soll. Offen bleibt, wie die Investitionen in die Schiene bezahlt werden.

Der Finanzminister sagte, man habe einen tragfähigen Kompromiss gefunden. Die Opposition kritisierte den Entwurf als Flickwerk und kündigte Widerstand im Haushaltsausschuss an, wo die Beratungen im Januar beginnen.

Ökonomen hatten zuvor gewarnt, dass ohne neue Kredite wichtige Projekte gestrichen werden müssten. Die Länder fordern mehr Geld für den Nahverkehr und drohen mit einer Blockade im Bundesrat.

Teilen
Drucken
Impressum
Datenschutz
`

// pasteFragment is the HTML flavour of the same copy, as a browser puts
// it on the clipboard: the site's name as a linked <h1> in the banner, the
// article's own <h1>, and a hidden box the copy does not show.
const pasteFragment = `<meta charset='utf-8'>
<header><h1><a href="https://example.org/">Beispielzeitung</a></h1>
<nav><ul><li>Startseite</li><li>Politik</li><li>Wirtschaft</li><li>Kultur</li><li>Suche</li></ul></nav></header>
<main><article>
<p class="kicker">Politik</p>
<h1>Zähes Ringen</h1>
<p class="standfirst">Die Koalition streitet seit Wochen über die Schuldenbremse und die Finanzierung der Bahn</p>
<p class="byline">Von Anna Beispiel</p><time datetime="2026-12-03">3. Dezember 2026</time>
<p>Die Koalition hat sich am Mittwochabend nach langen Verhandlungen auf einen Haushaltsentwurf geeinigt, der nun im Bundestag beraten werden soll. Offen bleibt, wie die Investitionen in die Schiene bezahlt werden.</p>
<p>Der Finanzminister sagte, man habe einen tragfähigen Kompromiss gefunden. Die Opposition kritisierte den Entwurf als Flickwerk und kündigte Widerstand im Haushaltsausschuss an, wo die Beratungen im Januar beginnen.</p>
<div class="paywall-teaser"><p>Jetzt weiterlesen mit unserem Digitalabo für nur einen Euro im ersten Monat, jederzeit kündbar, mit allen Artikeln und der App.</p></div>
<p>Ökonomen hatten zuvor gewarnt, dass ohne neue Kredite wichtige Projekte gestrichen werden müssten. Die Länder fordern mehr Geld für den Nahverkehr und drohen mit einer Blockade im Bundesrat.</p>
</article></main>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>`

func TestCleanPaste(t *testing.T) {
	fromText, err := CleanText([]byte(pasteCopy), "copy")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		text      string
		fragment  string
		title     string
		want      []string // in the text
		dontWant  []string // not in the text
		sameAsTxt bool     // the result is CleanText's
	}{
		{
			name: "the marked headline wins", text: pasteCopy, fragment: pasteFragment,
			title:    "Zähes Ringen",
			want:     []string{"Die Koalition hat sich am Mittwochabend", "drohen mit einer Blockade im Bundesrat"},
			dontWant: []string{"Digitalabo", "Beispielzeitung", "Impressum"},
		},
		{name: "no HTML flavour", text: pasteCopy, fragment: "", sameAsTxt: true},
		{name: "blank HTML flavour", text: pasteCopy, fragment: " \n\t", sameAsTxt: true},
		{
			name: "HTML of another copy", text: pasteCopy,
			fragment:  `<article><h1>Ganz andere Nachricht</h1><p>` + strings.Repeat("Ein völlig anderer Artikel über das Wetter an der Küste, mit Sturm und Regen. ", 12) + `</p></article>`,
			sameAsTxt: true,
		},
		{name: "binary HTML flavour", text: pasteCopy, fragment: "\x00\x01\x02\xff\xfe", sameAsTxt: true},
		{name: "nested too deeply", text: pasteCopy, fragment: strings.Repeat("<div>", 2000) + "x", sameAsTxt: true},
		{
			name: "only the HTML flavour", text: "", fragment: pasteFragment,
			title: "Zähes Ringen",
			want:  []string{"Die Koalition hat sich am Mittwochabend"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var frag []byte
			if tt.fragment != "" {
				frag = []byte(tt.fragment)
			}
			a, err := CleanPaste([]byte(tt.text), frag, "", "paste")
			if err != nil {
				t.Fatal(err)
			}
			if tt.sameAsTxt {
				if a.Title != fromText.Title || a.Text() != fromText.Text() {
					t.Errorf("got title %q and text %q, want CleanText's %q and %q", a.Title, a.Text(), fromText.Title, fromText.Text())
				}
				return
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text(), w) {
					t.Errorf("text lacks %q:\n%s", w, a.Text())
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(a.Text(), w) {
					t.Errorf("text holds %q:\n%s", w, a.Text())
				}
			}
		})
	}
	if fromText.Title == "Zähes Ringen" {
		t.Errorf("the copy alone already gives the headline %q: the test no longer shows what the HTML adds", fromText.Title)
	}
}

func TestCleanPasteMetadata(t *testing.T) {
	a, err := CleanPaste([]byte(pasteCopy), []byte(pasteFragment), "https://example.org/politik/haushalt-123", "paste")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Anna Beispiel" {
		t.Errorf("authors %q, want [Anna Beispiel]", a.Authors)
	}
	if got := a.Published.Format("2006-01-02"); got != "2026-12-03" {
		t.Errorf("published %s, want 2026-12-03", got)
	}
	if a.Lang != "de" {
		t.Errorf("lang %q, want de", a.Lang)
	}
	if a.URL != "https://example.org/politik/haushalt-123" {
		t.Errorf("url %q, want the page's address", a.URL)
	}
}

// TestCleanPasteAddress checks which addresses a paste takes: only a web
// page's, and never over one the page declares.
func TestCleanPasteAddress(t *testing.T) {
	declared := strings.Replace(pasteFragment, "<main>", `<main><link rel="canonical" href="https://example.org/kanonisch">`, 1)
	tests := []struct {
		name, fragment, pageURL, want string
	}{
		{"web page", pasteFragment, "https://example.org/a", "https://example.org/a"},
		{"no HTML flavour", "", "https://example.org/a", "https://example.org/a"},
		{"a saved file", pasteFragment, "file:///home/leser/seite.html", ""},
		{"nonsense", pasteFragment, "javascript:alert(1)", ""},
		{"the site's origin only", pasteFragment, "https://example.org", ""},
		{"the home page", pasteFragment, "https://example.org/", ""},
		{"none", pasteFragment, "", ""},
		{"declared by the page", declared, "https://example.org/a?utm_source=x", "https://example.org/kanonisch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := CleanPaste([]byte(pasteCopy), []byte(tt.fragment), tt.pageURL, "paste")
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tt.want {
				t.Errorf("url %q, want %q", a.URL, tt.want)
			}
		})
	}
}

func TestCleanPasteErrors(t *testing.T) {
	tests := []struct {
		name, text, fragment string
		want                 error
	}{
		{"nothing at all", "", "", ErrNoText},
		{"menus only", "Teilen\nDrucken\n\nImpressum\nDatenschutz\nKontakt\nNewsletter\nAnmelden\n", "<nav><a href='/'>Startseite</a></nav>", ErrNoText},
		{"copy too large", strings.Repeat("x", MaxTextBytes+1), pasteFragment, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CleanPaste([]byte(tt.text), []byte(tt.fragment), "", "paste")
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestFragmentHeadlines(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"article h1", `<article><h1>Die Schlagzeile</h1></article>`, []string{"Die Schlagzeile"}},
		{"logo linking home", `<div><h1><a href="/">Site</a></h1></div><h1>Die Schlagzeile</h1>`, []string{"Die Schlagzeile"}},
		{"absolute home link", `<h1><a href="https://example.org">Site</a></h1>`, nil},
		{"banner", `<header><h1>Site</h1></header><main><h1>Die Schlagzeile</h1></main>`, []string{"Die Schlagzeile"}},
		{"header inside the article", `<article><header><h1>Die Schlagzeile</h1></header></article>`, []string{"Die Schlagzeile"}},
		{"itemprop headline", `<div itemprop="headline">Die Schlagzeile</div>`, []string{"Die Schlagzeile"}},
		{"for screen readers only", `<h1 class="is-aural">Willkommen</h1><h1 class="heading__title">Die Schlagzeile</h1>`, []string{"Die Schlagzeile"}},
		{"hidden by class", `<h1 class="Fz-2xl Hidden">Sendung</h1><h1 class="headline">Die Schlagzeile</h1>`, []string{"Die Schlagzeile"}},
		{"a logo for presentation", `<h1 role="presentation">Site</h1><h1>Die Schlagzeile</h1>`, []string{"Die Schlagzeile"}},
		{"link to the article itself", `<h1><a href="/politik/haushalt-123">Die Schlagzeile</a></h1>`, []string{"Die Schlagzeile"}},
		{"empty", `<h1> </h1>`, nil},
		{"too long", `<h1>` + strings.Repeat("Wort ", 100) + `</h1>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parsePage([]byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			got := fragmentHeadlines(doc)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzCleanPaste(f *testing.F) {
	f.Add([]byte(pasteCopy), []byte(pasteFragment))
	f.Add([]byte(""), []byte("<h1>x</h1>"))
	f.Add([]byte("a\nb"), []byte("\xff\xfe<\x00h\x001\x00>"))
	f.Fuzz(func(t *testing.T, text, fragment []byte) {
		a, err := CleanPaste(text, fragment, "", "fuzz")
		if err == nil && (a == nil || len(a.Blocks) == 0) {
			t.Fatalf("no error and no article")
		}
	})
}

// TestPasteBrowserCopies cleans real copies: pages of the corpus opened in
// Firefox 153 and Chromium 156 (without their style sheets and scripts,
// which were not saved), selected with Ctrl+A and copied with Ctrl+C, both
// clipboard flavours saved as they came (testdata/paste; the page's
// address in its links replaced by https://page.example/). From the text
// alone the cleaner takes another line than the headline on each of them.
func TestPasteBrowserCopies(t *testing.T) {
	tests := []struct {
		dir, headline, text string
	}{
		{"firefox-de_spoe_at_mieterh_hung", "Rendi-Wagner will automatische Mieterhöhung verhindern",
			"Egal ob Strom, Heizen oder Lebensmittel: Das tägliche Leben wird immer teurer"},
		{"firefox-en_github_blog_spiceland", "Leader spotlight: Erin Spiceland",
			"Every March we recognize the women who have shaped history"},
		{"firefox-ebb-org", "On Recent Controversial Events",
			"The last 33 days have been unprecedentedly difficult for the software freedom community"},
		{"firefox-de_interscenar_io_hoeren", "Was wir über uns nicht hören wollen",
			"So wie wir heute mit zwischenmenschlichen Beziehungen umgehen"},
		// The headline, with the byline under it on the next line: the
		// copy alone joins the two as one wrapped line.
		{"chromium-herald-sun-1", "Angry media won’t buckle over new surveillance laws",
			"A HIGH-powered federal government team has been doing the rounds of media organisations"},
		{"chromium-de_infosperber_ch_Madagaskar", "Madagaskar: Wo Françafrique endet",
			"Der Insel Madagaskar wurde einst eine blühende Zukunft vorausgesagt"},
		{"chromium-la-nacion", "Una solución no violenta para la cuestión mapuche",
			"Abdullah Ocalan, el líder independentista kurdo, desembarcó en Italia"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "paste", tt.dir)
			text, err := os.ReadFile(filepath.Join(dir, "copy.txt"))
			if err != nil {
				t.Fatal(err)
			}
			fragment, err := os.ReadFile(filepath.Join(dir, "fragment.html"))
			if err != nil {
				t.Fatal(err)
			}
			if a, err := CleanText(text, tt.dir); err == nil && a.Title == tt.headline {
				t.Errorf("the text alone gives the headline: the copy no longer shows what the HTML adds")
			}
			a, err := CleanPaste(text, fragment, "", tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.headline {
				t.Errorf("title %q, want %q", a.Title, tt.headline)
			}
			if !strings.Contains(a.Text(), tt.text) {
				t.Errorf("the text lacks %q", tt.text)
			}
		})
	}
}
