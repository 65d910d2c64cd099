package widgets

import (
	"image/color"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// variantTheme is Fyne's default theme pinned to one variant, so that the
// reference images do not depend on the desktop's light/dark setting.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// imageDoc is germanDoc without the Korean name: its glyphs come from a
// system font, which would make the images depend on the machine.
func imageDoc() Document {
	doc := germanDoc()
	doc.Blocks[0].Text = strings.Replace(doc.Blocks[0].Text, " (김정은)", "", 1)
	doc.Blocks = append(doc.Blocks, Block{Kind: BlockPre, Text: "preformatted\n  indented line"})
	doc.Kicker = "Nordkorea"
	doc.Byline = "Anna Meier · 3 March 2026"
	doc.SourceLabel = "Source: example.org"
	doc.Source, _ = url.Parse("https://example.org/")
	return doc
}

// TestArticleViewImages renders the view in both theme variants and in a
// narrow window: the header with its source link, overlapping highlights
// (one with two actors' markers) and a selection across a block break.
// The references were reviewed by eye.
func TestArticleViewImages(t *testing.T) {
	for _, c := range []struct {
		name    string
		variant fyne.ThemeVariant
		w, h    float32
	}{
		{"articleview_light.png", theme.VariantLight, 640, 560},
		{"articleview_dark.png", theme.VariantDark, 640, 560},
		{"articleview_narrow.png", theme.VariantLight, 300, 560},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.NewTempApp(t)
			fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), c.variant})
			doc := imageDoc()
			text := canonical(doc)
			v := NewArticleView()
			v.SetDocument(doc)
			yellow := color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0xff}
			blue := color.NRGBA{R: 0x21, G: 0x96, B: 0xf3, A: 0xff}
			red := color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0xff}
			v.SetHighlights([]Highlight{
				{ID: "a", Start: runeIndex(t, text, "Regierung", 0), End: runeIndex(t, text, "ausbauen", 0), Color: yellow},
				{ID: "b", Start: runeIndex(t, text, "strategische", 0), End: runeIndex(t, text, "Machthaber", 0), Color: blue, Stripes: []color.Color{blue, red}},
				{ID: "c", Start: runeIndex(t, text, "beobachten", 0), End: runeIndex(t, text, "Sprecher", 0), Color: red},
			})
			v.SetSelection(runeIndex(t, text, "Gegenmaßnahmen", 0), runeIndex(t, text, "Donau", 0)+5)
			w := test.NewTempWindow(t, v)
			w.Resize(fyne.NewSize(c.w, c.h))
			test.AssertImageMatches(t, c.name, w.Canvas().Capture())
		})
	}
}

// TestArticleViewRefreshRereadsTheTheme switches light to dark: the text
// takes the new theme's colours after Refresh.
func TestArticleViewRefreshRereadsTheTheme(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	v := NewArticleView()
	v.SetDocument(imageDoc())
	test.NewTempWindow(t, v).Resize(fyne.NewSize(500, 400))
	fg := func() color.Color {
		for _, o := range test.WidgetRenderer(v.page).Objects() {
			if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, "Die Regierung") {
				return tx.Color
			}
		}
		t.Fatal("first line not drawn")
		return nil
	}
	light := nrgba(fg())
	if l := luminance(light); l > 0.1 {
		t.Fatalf("light theme text colour %v is not dark", light)
	}
	fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	v.Refresh()
	if c := nrgba(fg()); luminance(c) < 0.5 {
		t.Errorf("after switching to dark the text colour is %v", c)
	}
}
