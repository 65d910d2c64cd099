package article

import (
	"strings"
	"testing"
)

// TestCopySponsoredBox: a box of sponsored links inside the article
// ("by Taboola / Promoted Links / More for you", "Gesponserte Inhalte")
// holds short headline-like lines and the advertisers' names; none of it
// is article text, in English or German, even after a paragraph that
// announces what follows ("watch the footage below:").
func TestCopySponsoredBox(t *testing.T) {
	en := strings.Repeat("The city council approved the new bus lanes on Tuesday after a long debate about parking and deliveries. ", 3)
	de := strings.Repeat("Der Stadtrat hat am Dienstag die neuen Busspuren beschlossen, nach einer langen Debatte über Parkplätze. ", 3)
	cases := []struct{ name, in, leak string }{
		{"en", "Council approves new bus lanes after long debate\n\n" + en + "\n\nTo see the new lanes in use, watch the footage below:\n\n\nby Taboola\nPromoted Links\nMORE FOR YOU\nSay Goodbye To Snoring Tonight\nSleepWell\nSlow Computer? You Don't Need a New One\nXtra-PC\n\n" + en + "\n", "Snoring"},
		{"de", "Stadtrat beschließt neue Busspuren nach langer Debatte\n\n" + de + "\n\nWie die neuen Spuren aussehen, zeigt das Video unten:\n\n\nvon Outbrain\nGesponserte Inhalte\nSo schlafen Sie endlich wieder durch\nSchlafGut\nLangsamer Computer? Kein neuer nötig\nXtra-PC\n\n" + de + "\n", "Computer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if text := a.Text(); strings.Contains(text, c.leak) || strings.Contains(text, "Xtra-PC") {
				t.Errorf("the sponsored box stayed in the text:\n%s", text)
			}
		})
	}
}

// TestCopyNotesAndCredits: a disclosure paragraph (affiliate links,
// advertisers) and a caption that ends with a copyright sign and its
// credit are not article text; a paragraph that mentions a disclaimer or
// the copyright sign in passing is.
func TestCopyNotesAndCredits(t *testing.T) {
	body := "Headline of the article\n\n" + para("harbour", 80) + "\n\n"
	cases := []struct{ name, line, mark string }{
		{"disclosure", "This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.", "references to products"},
		{"advertising disclaimer", "NOTE: The advertising disclaimer below does not apply to this article, nor any originating from the editorial department.", "advertising disclaimer"},
		{"card site disclaimer", "Disclaimer: The responses below are not provided or commissioned by the bank advertiser.", "responses below"},
		{"caption with glued credit", "Schneeräumpflicht - was man darüber wissen muss© Rike/pixelio.de", "Schneeräumpflicht"},
		{"caption with credit", "Stau auf der Autobahn © aremac / Clipdealer", "Stau auf der Autobahn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(body+c.line+"\n\n"+para("bridge", 70)), c.name)
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			if strings.Contains(text, c.mark) {
				t.Errorf("kept %q:\n%s", c.mark, text)
			}
			if !strings.Contains(text, "bridge report") {
				t.Errorf("lost the text after it:\n%s", text)
			}
		})
	}
	for _, keep := range []string{
		"Disclaimer: if you see different patch sizes when you press update manually, that is because we are not using the new method yet.",
		"The logo, marked with the sign ©, belongs to the club since 1904, and the club has defended it in court twice.",
	} {
		a, err := CleanText([]byte(body+keep+"\n\n"+para("bridge", 70)), "keep")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text(), keep[:30]) {
			t.Errorf("lost %q:\n%s", keep, a.Text())
		}
	}
}

// TestCopyTruncatedTeasers: headlines a page cut short with an ellipsis
// are other articles' teasers; a sentence of the article that trails off
// is text.
func TestCopyTruncatedTeasers(t *testing.T) {
	in := "Headline of the article\n\n" + para("harbour", 80) + "\n\nAnd then the council waited, and waited, and waited for the minister to answer…\n\n" + para("bridge", 70) +
		"\n\nMore stories\n\n23 things every girl of the 2000s will rem…\n\nTwenty-one tattoos that are marvellously well…\n\nThe 43 times a hospital drama made us all…\n\n" + para("tunnel", 60)
	a, err := CleanText([]byte(in), "teasers")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	for _, teaser := range []string{"every girl", "tattoos", "hospital drama"} {
		if strings.Contains(text, teaser) {
			t.Errorf("kept the teaser %q:\n%s", teaser, text)
		}
	}
	if !strings.Contains(text, "waited for the minister") || !strings.Contains(text, "tunnel report") {
		t.Errorf("lost the article's text:\n%s", text)
	}
}

// TestCopyRecipeUnderComments: a short recipe under its headline, a list
// of ingredients, then a longer discussion in its comments: the recipe is
// the body (the comments are never it, however long), and its headline,
// not an ingredient, is the title.
func TestCopyRecipeUnderComments(t *testing.T) {
	comment := "Ich habe die Muffins gestern gebacken und sie sind wunderbar locker geworden, nur etwas weniger Zucker würde ich beim nächsten Mal nehmen, dann passt es perfekt für uns alle."
	var b strings.Builder
	b.WriteString("Rezepte\nHomepage\nGrundrezept\nHerzhaft\nSchokoladig\n\nMuffin Grundrezept\n\n")
	b.WriteString("Für Experimentierfreudige ist dieses Muffin Grundrezept absolut ideal, es kann mit allen möglichen Zutaten erweitert werden.\n\n")
	b.WriteString("Zutaten\n250 Gramm Mehl\n250 Gramm Butter\n150 Gramm Zucker\n4 Eier\n½ Teelöffel Zimt\n4 Esslöffel Milch\n\n")
	b.WriteString("Zubereitung\nDas Mehl in eine Schüssel sieben und die übrigen Zutaten nach und nach dazugeben und alles gut verrühren.\n\nDen Teig in die gefetteten Förmchen füllen und bei 180 Grad etwa zwanzig Minuten backen, bis die Muffins goldbraun sind.\n\n")
	b.WriteString("51 Kommentare\n")
	for range 8 {
		b.WriteString("sarah sagt:\nJuli 30, 2013 um 2:33 pm\n\n" + comment + "\n\nAntworten\n")
	}
	a, err := CleanText([]byte(b.String()), "recipe")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Muffin Grundrezept" {
		t.Errorf("title %q, want the recipe's headline", a.Title)
	}
	if text := a.Text(); strings.Contains(text, "wunderbar locker") || !strings.Contains(text, "Mehl in eine Schüssel") {
		t.Errorf("the body is not the recipe:\n%s", text)
	}
}

// TestCopySlashCredit: a picture's credit on a line of its own,
// photographer and agency joined by a slash, is furniture, and the
// caption right above it goes with it: neither is the title or text.
func TestCopySlashCredit(t *testing.T) {
	body := strings.Repeat("Der Kino-Star hatte lange Zeit kein gutes Verhältnis zu seinem ältesten Sohn, das hat sich inzwischen geändert. ", 3)
	in := "Kino\nStars\n\nWill Smith mit seinem ältesten Sohn Trey\nJudy Eddy/WENN.com\n\nWill Smith und sein Sohn versöhnen sich\n\n" + body + "\n\n" + body + "\n"
	a, err := CleanText([]byte(in), "credit")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Will Smith und sein Sohn versöhnen sich" {
		t.Errorf("title %q", a.Title)
	}
	if text := a.Text(); strings.Contains(text, "WENN") || strings.Contains(text, "ältesten Sohn Trey") {
		t.Errorf("the caption or its credit stayed:\n%s", text)
	}
}

// TestCopyTaglineUnderLogo: the motto right under a site's logo written
// as its host name at the top of the page is furniture; a line after a
// blank line, or under a logo further down, is not.
func TestCopyTaglineUnderLogo(t *testing.T) {
	cases := []struct {
		name, in string
		line     int
		want     bool
	}{
		{"tagline", "strafprozess.ch\nAktuelles zum Straf- und Strafprozessrecht\nStartseite\n", 1, true},
		{"blank line", "strafprozess.ch\n\nRasende Polizisten im Dienst\nStartseite\n", 1, false},
		{"not on top", "Startseite\nDownloads\nPublikationen\nSuchen\nstrafprozess.ch\nRasende Polizisten im Dienst\n", 5, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pc := newPageCopy(c.in)
			if got := pc.lines[c.line].drop; got != c.want {
				t.Errorf("line %q dropped: %v, want %v", pc.lines[c.line].text, got, c.want)
			}
		})
	}
}
