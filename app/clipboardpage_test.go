package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/article"
)

// pastedText is a browser copy whose standfirst reads more like a headline
// than its short headline: from the text alone the cleaner takes the
// standfirst.
const pastedText = `Startseite
Politik
Wirtschaft
Suche

Politik

Zähes Ringen
Die Koalition streitet seit Wochen über die Schuldenbremse und die Finanzierung der Bahn

Von Anna Beispiel
3. Dezember 2026

Die Koalition hat sich am Mittwochabend nach langen Verhandlungen auf einen Haushaltsentwurf geeinigt, der nun im Bundestag beraten werden soll. Offen bleibt, wie die Investitionen in die Schiene bezahlt werden.

Der Finanzminister sagte, man habe einen tragfähigen Kompromiss gefunden. Die Opposition kritisierte den Entwurf als Flickwerk und kündigte Widerstand im Haushaltsausschuss an.

Impressum
Datenschutz
`

// pastedHTML is the HTML flavour of the same copy.
const pastedHTML = `<meta charset='utf-8'><header><h1><a href="/">Beispielzeitung</a></h1>
<nav>Startseite Politik Wirtschaft Suche</nav></header>
<main><article><p>Politik</p><h1>Zähes Ringen</h1>
<p>Die Koalition streitet seit Wochen über die Schuldenbremse und die Finanzierung der Bahn</p>
<p>Von Anna Beispiel</p><p>3. Dezember 2026</p>
<p>Die Koalition hat sich am Mittwochabend nach langen Verhandlungen auf einen Haushaltsentwurf geeinigt, der nun im Bundestag beraten werden soll. Offen bleibt, wie die Investitionen in die Schiene bezahlt werden.</p>
<p>Der Finanzminister sagte, man habe einen tragfähigen Kompromiss gefunden. Die Opposition kritisierte den Entwurf als Flickwerk und kündigte Widerstand im Haushaltsausschuss an.</p>
</article></main><footer>Impressum Datenschutz</footer>`

const pastedURL = "https://zeitung.example/politik/haushalt"

// A paste whose clipboard also holds the copy's HTML and the page's
// address takes the page's marked headline and its address; pasting the
// same page again is the same article.
func TestPasteWithClipboardHTML(t *testing.T) {
	calls := 0
	a, lib := newTestApp(t, Options{NoDemo: true, ClipboardPage: func(ctx context.Context) ([]byte, string, error) {
		calls++
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the clipboard is read without a deadline")
		}
		return []byte(pastedHTML), pastedURL, nil
	}})
	a.fa.Clipboard().SetContent(pastedText)
	a.importer.pastePage()
	if calls != 1 {
		t.Fatalf("the clipboard's HTML was read %d times, want once", calls)
	}
	art, _, err := lib.Article(a.ctl.current)
	if err != nil {
		t.Fatalf("nothing imported (status %q): %v", a.shell.status.Text, err)
	}
	if art.Title != "Zähes Ringen" || art.URL != pastedURL {
		t.Errorf("imported title %q, address %q; want the page's headline and address", art.Title, art.URL)
	}
	if len(art.Authors) != 1 || art.Authors[0] != "Anna Beispiel" {
		t.Errorf("authors %q", art.Authors)
	}
	// The page names no site: the details form asks for it, with the
	// address the browser gave filled in.
	if entries := detailsDialog(a); entries == nil || entries[2].Text != pastedURL {
		t.Errorf("the details form does not ask for the site with the address filled in (status %q)", a.shell.status.Text)
	}
	pressKey(a, fyne.KeyEscape)
	first := a.ctl.current
	a.importer.pastePage()
	infos, err := lib.Articles()
	if err != nil || len(infos) != 1 || a.ctl.current != first {
		t.Errorf("pasting the same page again made %d articles (%v), want the one", len(infos), err)
	}
}

// Without the HTML flavour (a copy from an editor, or a program that does
// not answer) a paste is cleaned from its text alone.
func TestPasteWithoutClipboardHTML(t *testing.T) {
	want, err := article.CleanText([]byte(pastedText), "clipboard")
	if err != nil {
		t.Fatal(err)
	}
	if want.Title == "Zähes Ringen" {
		t.Fatal("the text alone gives the headline: the test no longer tells the two apart")
	}
	for _, read := range []func(context.Context) ([]byte, string, error){
		nil,
		func(context.Context) ([]byte, string, error) {
			return nil, "", errors.New("the clipboard holds no HTML")
		},
		func(ctx context.Context) ([]byte, string, error) { return nil, "", context.DeadlineExceeded },
	} {
		a, lib := newTestApp(t, Options{NoDemo: true, ClipboardPage: read})
		a.fa.Clipboard().SetContent(pastedText)
		a.importer.pastePage()
		art, _, err := lib.Article(a.ctl.current)
		if err != nil {
			t.Fatalf("nothing imported (status %q): %v", a.shell.status.Text, err)
		}
		if art.Title != want.Title || art.URL != "" || !strings.Contains(art.Text(), "Mittwochabend") {
			t.Errorf("imported %q (address %q), want the text's %q", art.Title, art.URL, want.Title)
		}
	}
}

func TestIsPageAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"https://zeitung.example/politik/a": true,
		"http://zeitung.example/a?b=1":      true,
		"https://zeitung.example/":          false,
		"https://zeitung.example":           false,
		"file:///home/leser/a.html":         false,
		"":                                  false,
	} {
		if got := article.IsPageAddress(s); got != want {
			t.Errorf("IsPageAddress(%q) = %v, want %v", s, got, want)
		}
	}
}
