package widgets

import (
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// drawnText returns the drawn text objects whose text starts with prefix.
func drawnText(v *ArticleView, prefix string) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(v.page).Objects() {
		if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, prefix) {
			out = append(out, tx)
		}
	}
	return out
}

func headerDoc() Document {
	doc := generatedDoc(20_000)
	doc.Kicker = "Geopolitik"
	doc.Title = "Annäherung von Russland und Nordkorea"
	doc.Standfirst = "Nordkorea spielt seine Schutzmächte gegeneinander aus."
	doc.Byline = "Martin Benninghoff · 8 November 2024"
	doc.SourceLabel = "Source: example.org"
	doc.Source, _ = url.Parse("https://example.org/artikel")
	return doc
}

// TestArticleViewHeaderScrollsWithTheText: the kicker, title, standfirst
// and byline are part of the page (issue 17.2): at a small size they
// scroll away with the text instead of taking the viewport, and they start
// where the body text starts.
func TestArticleViewHeaderScrollsWithTheText(t *testing.T) {
	doc := headerDoc()
	v, _ := newTestView(t, doc, 640, 300)
	bodyX := v.layout.textX(v.layout.paras[v.layout.nHead])
	for _, s := range []string{doc.Kicker, "Annäherung", "Nordkorea spielt", "Martin Benninghoff"} {
		tx := drawnText(v, s)
		if len(tx) == 0 {
			t.Fatalf("%q not drawn at the top", s)
		}
		if x := tx[0].Position().X; x != float32(int(bodyX+0.5)) && x != bodyX {
			t.Errorf("%q starts at x=%.1f, the body at %.1f", s, x, bodyX)
		}
	}
	if len(drawnText(v, "Source: example.org")) == 0 {
		t.Error("the source link is not drawn")
	}
	v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -600)})
	for _, s := range []string{doc.Kicker, "Annäherung", "Martin Benninghoff"} {
		if len(drawnText(v, s)) != 0 {
			t.Errorf("%q still drawn after scrolling 600 down", s)
		}
	}
	if got := lowestTextBottom(v); got < 300-2*v.layout.lineHeight(v.layout.paras[v.layout.nHead]) {
		t.Errorf("body text ends %.0f px down a 300 px viewport", got)
	}
}

// TestArticleViewSourceLinkOpens: a click on the link in the byline opens
// the article's source; a click on the byline before it does not, nor does
// a drag over the link.
func TestArticleViewSourceLinkOpens(t *testing.T) {
	doc := headerDoc()
	v, _ := newTestView(t, doc, 900, 600)
	var opened []string
	v.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	link := drawnText(v, "Source: example.org")
	byline := drawnText(v, "Martin Benninghoff")
	if len(link) != 1 || len(byline) != 1 {
		t.Fatalf("link drawn %d times, byline %d times", len(link), len(byline))
	}
	mid := func(tx *canvas.Text) fyne.Position {
		return tx.Position().Add(fyne.NewPos(tx.Size().Width/2, tx.Size().Height/2))
	}
	press(v, mid(byline[0]), 0)
	release(v, mid(byline[0]))
	if len(opened) != 0 {
		t.Fatalf("a click on the byline opened %v", opened)
	}
	if cursorAt(v, mid(link[0])) != desktop.PointerCursor {
		t.Error("no pointer cursor over the link")
	}
	press(v, mid(link[0]), 0)
	release(v, mid(link[0]))
	if len(opened) != 1 || opened[0] != "https://example.org/artikel" {
		t.Errorf("a click on the link opened %v", opened)
	}
}
