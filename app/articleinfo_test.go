package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
)

// copiedPage is text as a browser copy gives it: a title and paragraphs,
// no site, address or date.
var copiedPage = `Seoul warnt Pjöngjang vor neuen Tests

Südkorea hat Nordkorea am Dienstag vor weiteren Raketentests gewarnt. Ein Sprecher der Regierung in Seoul sagte, man beobachte die Lage sehr genau.

Nordkorea hatte in der vergangenen Woche mehrere ballistische Raketen ins Japanische Meer gefeuert. Die Vereinigten Staaten verurteilten die Tests scharf.

Machthaber Kim Jong Un erklärte, sein Land werde sich von niemandem einschüchtern lassen und die Verteidigung weiter stärken.

China rief beide Seiten zur Zurückhaltung auf. Russland verhinderte im Sicherheitsrat eine gemeinsame Erklärung.
`

// detailsDialog returns the open "Where is this article from?" dialog's
// entries by their place in the form, or nil when it is not open.
func detailsDialog(a *App) []*dialogEntry {
	top := a.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(renderedText(top), "Where is this article from?") {
		return nil
	}
	form := findFirst(top, func(*widget.Form) bool { return true })
	var out []*dialogEntry
	for _, it := range form.Items {
		out = append(out, it.Widget.(*dialogEntry))
	}
	return out
}

// A page pasted from the browser that names no site, address or date
// asks for them once, in the Article Info form filled with what was
// found, the cursor in the site field. Typed by keyboard (Tab between
// fields, Enter saves), they are stored as the reader's corrections: a
// re-import keeps them and pasting the same page again does not ask.
func TestPastedCopyAsksForMissingDetails(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.fa.Clipboard().SetContent(copiedPage)
	a.importer.pastePage()
	entries := detailsDialog(a)
	if entries == nil {
		t.Fatalf("no details dialog after pasting a copy without site, address or date (status %q)", a.shell.status.Text)
	}
	if entries[0].Text != "Seoul warnt Pjöngjang vor neuen Tests" || entries[1].Text != "" {
		t.Errorf("the form is not filled with what was found: title %q, site %q", entries[0].Text, entries[1].Text)
	}
	if a.win.Canvas().Focused() != entries[1] {
		t.Fatalf("the cursor is not in the site field but in %T", a.win.Canvas().Focused())
	}
	typeInto(a, "Beispiel-Zeitung")
	a.win.Canvas().FocusNext()
	typeInto(a, "https://zeitung.example/seoul")
	a.win.Canvas().FocusNext()
	a.win.Canvas().FocusNext()
	typeInto(a, "2024-11-08 12:22")
	pressKey(a, fyne.KeyReturn)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter did not close the dialog")
	}
	id := a.ctl.current
	art, info, err := lib.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if art.Site != "Beispiel-Zeitung" || art.URL != "https://zeitung.example/seoul" || infoTimeText(info.Published) != "2024-11-08 12:22" {
		t.Fatalf("stored: site %q, url %q, published %v", art.Site, art.URL, info.Published)
	}
	if c := art.Corrected; c == nil || c.Site == nil || c.URL == nil || c.Published == nil || c.Title != nil || c.Authors != nil {
		t.Errorf("only what the reader entered is a correction: %+v", c)
	}
	if a.ctl.art.Site != "Beispiel-Zeitung" {
		t.Errorf("the window still shows the article without its site")
	}
	// Once: the same copy again is the same article, unchanged, and asks nothing.
	a.importer.pastePage()
	if a.win.Canvas().Overlays().Top() != nil {
		t.Errorf("pasting the same page again asked again: %s", renderedText(a.win.Canvas().Overlays().Top()))
	}
	if art, _, _ := lib.Article(id); art.Site != "Beispiel-Zeitung" {
		t.Errorf("the re-import undid the site: %q", art.Site)
	}
}

// Skip (and Escape, in a field or not) leaves the new article as it was
// found; the status line is not an error.
func TestSkippingTheDetailsChangesNothing(t *testing.T) {
	for _, how := range []string{"skip", "escape"} {
		t.Run(how, func(t *testing.T) {
			a, lib := newTestApp(t, Options{NoDemo: true})
			a.fa.Clipboard().SetContent(copiedPage)
			a.importer.pastePage()
			entries := detailsDialog(a)
			if entries == nil {
				t.Fatal("no details dialog")
			}
			typeInto(a, "wird verworfen")
			if how == "escape" {
				pressKey(a, fyne.KeyEscape)
			} else {
				findFirst(a.win.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == skipLabel }).OnTapped()
			}
			if a.win.Canvas().Overlays().Top() != nil {
				t.Fatal("the dialog is still open")
			}
			art, _, _ := lib.Article(a.ctl.current)
			if art.Site != "" || art.Corrected != nil {
				t.Errorf("after %s: site %q, corrections %+v", how, art.Site, art.Corrected)
			}
		})
	}
}

// Only a copy asks: an HTML page (even one without a date) and a .txt
// copy that names all three do not; a .txt copy dropped on the window
// without them does.
func TestOnlyCopiesWithoutDetailsAsk(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	dir := t.TempDir()
	write := func(name, data string) fyne.URI {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return fynestorage.NewFileURI(p)
	}
	html := write("page.html", `<html><head><title>Kreml droht Kiew</title></head><body><article><h1>Kreml droht Kiew</h1>`+
		strings.Repeat(`<p>Moskau hat am Montag erneut gedroht, sagte ein Sprecher des Kremls in einer langen Erklärung an die Presse.</p>`, 6)+
		`</article></body></html>`)
	a.importer.dropped(fyne.NewPos(1, 1), []fyne.URI{html})
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("an HTML page asked: %s", renderedText(top))
	}
	a.importer.dropped(fyne.NewPos(1, 1), []fyne.URI{write("kopie.txt", copiedPage)})
	if detailsDialog(a) == nil {
		t.Fatalf("a .txt copy without details did not ask (status %q)", a.shell.status.Text)
	}
	pressKey(a, fyne.KeyEscape)
	if infos, _ := lib.Articles(); len(infos) != 2 {
		t.Fatalf("%d articles, want 2", len(infos))
	}
}

// The question names what is missing, and a dialog already open is not
// covered by it.
func TestMissingDetailsText(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	if got := missingDetailsText(&article.Article{}); !strings.Contains(got, "names no site, address or date.") {
		t.Errorf("nothing found: %q", got)
	}
	found := &article.Article{Title: "T", Site: "Die Zeit"}
	if got := missingDetailsText(found); !strings.Contains(got, "names no address or date.") {
		t.Errorf("site found: %q", got)
	}
	dialog.ShowInformation("Busy", "another question", a.win)
	a.ctl.askMissingDetails("01NOPE", found)
	if !strings.Contains(a.shell.status.Text, "Article Info") || detailsDialog(a) != nil {
		t.Errorf("over another dialog: status %q", a.shell.status.Text)
	}
}

// A pasted copy that states its site, authors and date has them in the
// question's form already, the cursor on the first detail it lacks (the
// address), and the question names only that.
func TestPastedCopyPrefillsWhatItStates(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.fa.Clipboard().SetContent("Beispiel-Zeitung\nPolitik\nWirtschaft\n\n" +
		"Seoul warnt Pjöngjang vor neuen Tests\nVon Anna Schmidt\n08.11.2024, 12:22 Uhr\n\n" +
		strings.SplitN(copiedPage, "\n\n", 2)[1] + "\n© 2024 Beispiel-Zeitung. Alle Rechte vorbehalten.\n")
	a.importer.pastePage()
	entries := detailsDialog(a)
	if entries == nil {
		t.Fatalf("no details dialog for a copy without an address (status %q)", a.shell.status.Text)
	}
	published := "2024-11-08 12:22" // the page's own clock, in its zone
	if entries[1].Text != "Beispiel-Zeitung" || entries[3].Text != "Anna Schmidt" || entries[4].Text != published {
		t.Errorf("the form lacks what the copy states: site %q, authors %q, published %q (want %q)", entries[1].Text, entries[3].Text, entries[4].Text, published)
	}
	if a.win.Canvas().Focused() != entries[2] {
		t.Errorf("the cursor is not in the address field but in %T", a.win.Canvas().Focused())
	}
	if text := renderedText(a.win.Canvas().Overlays().Top()); !strings.Contains(text, "names no address.") {
		t.Errorf("the question does not name only the address: %q", text)
	}
	pressKey(a, fyne.KeyEscape)
}

// The title field wraps a long title over two lines (it scrolled sideways
// under a scroll bar), yet Enter in it still saves, and lines pasted into
// it are joined into one title.
func TestDetailsTitleWrapsAndEnterSaves(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.fa.Clipboard().SetContent(copiedPage)
	a.importer.pastePage()
	entries := detailsDialog(a)
	if entries == nil {
		t.Fatal("no details dialog")
	}
	title := entries[0]
	title.SetText("Seoul warnt Pjöngjang vor neuen Tests\nund droht mit Sanktionen, falls  der Norden weitere Raketen über Japan hinweg abfeuert")
	a.win.Canvas().Focus(title)
	pressKey(a, fyne.KeyReturn)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter in the title did not save and close the dialog")
	}
	art, _, err := lib.Article(a.ctl.current)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Seoul warnt Pjöngjang vor neuen Tests und droht mit Sanktionen, falls der Norden weitere Raketen über Japan hinweg abfeuert"; art.Title != want {
		t.Errorf("stored title %q, want %q", art.Title, want)
	}
}
