package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// everyColour is a sweep of the RGB cube (6 steps a channel) plus the
// app's actor palette and highlight colours: what a highlight may be.
func everyColour() []color.NRGBA {
	var out []color.NRGBA
	for r := 0; r < 256; r += 51 {
		for g := 0; g < 256; g += 51 {
			for b := 0; b < 256; b += 51 {
				out = append(out, color.NRGBA{R: uint8(r), G: uint8(g), B: uint8(b), A: 0xff})
			}
		}
	}
	for _, hex := range []uint32{0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x17becf, 0x8c564b, 0xe377c2, 0xbcbd22, 0x7f7f7f, 0x393b79, 0x637939,
		0xffe066, 0xa9e5a0, 0xa5d8ff, 0xffc9de, 0xffc078, 0xd0bfff, 0xffa8a8, 0xdee2e6, 0x4e79a7, 0xe15759, 0x59a14f, 0xf28e2b} {
		out = append(out, color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff})
	}
	return out
}

// TestPaletteContrast holds the reading colours of Fyne's light and dark
// themes to their floors (issue 17: body text at least 7:1; a selection
// at least 3:1 from every highlight fill), for every highlight colour and
// overlap depth: text stays readable on any tint, and no tint can be
// mistaken for the selection.
func TestPaletteContrast(t *testing.T) {
	for _, c := range []struct {
		name string
		vr   fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(c.name, func(t *testing.T) {
			p := newPalette(theme.DefaultTheme(), c.vr)
			for _, f := range []struct {
				what string
				fg   color.NRGBA
				min  float64
			}{
				{"body text", p.text, bodyContrast},
				{"captions and byline", p.muted, mutedContrast},
				{"kicker and link", p.accent, accentContrast},
				{"selected text", p.selText, selectionOnText},
			} {
				bg := p.bg
				if f.what == "selected text" {
					bg = p.sel
				}
				if got := contrast(f.fg, bg); got < f.min {
					t.Errorf("%s %v on %v: %.2f:1, want ≥ %.1f:1", f.what, f.fg, bg, got, f.min)
				}
			}
			if got := contrast(p.text, p.bg); got < 7 {
				t.Errorf("body text %.2f:1", got)
			}
			for _, col := range everyColour() {
				if m := p.marker(col); contrast(m, p.bg) < markerContrast {
					t.Errorf("marker %v for %v: %.2f:1 on the page", m, col, contrast(m, p.bg))
				}
			}
			worstText, worstSel := 100.0, 100.0
			for _, col := range everyColour() {
				for layers := 1; layers <= tintMaxLayers+1; layers++ {
					tn := p.tint(col, layers)
					worstText = min(worstText, contrast(p.text, tn))
					worstSel = min(worstSel, contrast(p.sel, tn))
				}
			}
			t.Logf("%s: text %.1f:1, muted %.1f:1, selection %v; worst text on a tint %.2f:1, worst selection against a tint %.2f:1",
				c.name, contrast(p.text, p.bg), contrast(p.muted, p.bg), p.sel, worstText, worstSel)
			if worstText < textOnTint {
				t.Errorf("body text on a tint falls to %.2f:1", worstText)
			}
			if worstSel < selectionOnTint {
				t.Errorf("the selection stands only %.2f:1 from a tint", worstSel)
			}
		})
	}
}

// TestHighlightMarkersSitBelowTheDescenders: a highlight's marker is a
// thin line (under 2 px at 16 pt) below the descenders of g, j, p and y,
// not through them (issue 17.5), on every line the highlight covers.
func TestHighlightMarkersSitBelowTheDescenders(t *testing.T) {
	doc := Document{Blocks: []Block{{Text: strings.Repeat("Pjöngjang zeigt gegenüber Peking jetzt deutlich Zurückhaltung. ", 6)}}}
	v, _ := newTestView(t, doc, 500, 400)
	red := color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	v.SetHighlights([]Highlight{{ID: "x", Start: 0, End: 200, Color: red}})
	l := v.layout
	p := l.paras[l.nHead]
	fs := l.fontSize(p)
	m := l.sh.lineMetrics(l.face(p), fs)
	lh := l.lineHeight(p)
	want := v.palette().marker(red)
	n := 0
	for _, o := range test.WidgetRenderer(v.page).Objects() {
		rc, ok := o.(*canvas.Rectangle)
		if !ok || !sameColor(rc.FillColor, want) {
			continue
		}
		n++
		y, h := rc.Position().Y, rc.Size().Height
		line := int((y - l.tops[l.nHead]) / lh)
		top := l.lineTop(l.nHead, line)
		baseline := top + (lh-m.thickness)/2 + m.ascent
		if y < baseline+descenderDepth*fs || h >= 2 {
			t.Errorf("marker on line %d at y=%.1f, %.1f px thick; the descenders end at %.1f", line, y, h, baseline+descenderDepth*fs)
		}
	}
	if n < 2 {
		t.Errorf("%d marker lines for a highlight over several lines", n)
	}
}

// TestArticleViewReselectedPassageLooksSelected: what Ctrl+Z does to a new
// highlight - remove it and select its passage - leaves the passage drawn
// as the selection (the inverse fill, its words in the page colour), with
// no tint left and nothing in a highlight's colours (issue 17.4).
func TestArticleViewReselectedPassageLooksSelected(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	blue := color.NRGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
	h := Highlight{ID: "x", Start: runeIndex(t, text, "Regierung", 0), End: runeIndex(t, text, "Montag", 0) + 6, Color: blue}
	v.SetHighlights([]Highlight{h})
	v.RemoveHighlight("x")
	v.SetSelection(h.Start, h.End)
	pal := v.palette()
	if c := countRects(v, tintOf(v, blue), pal.marker(blue)); c[0]+c[1] != 0 {
		t.Errorf("the undone highlight still drawn: %d tints, %d markers", c[0], c[1])
	}
	if c := countRects(v, pal.sel); c[0] == 0 {
		t.Error("the reselected passage has no selection fill")
	}
	if tx := drawnText(v, "Regierung"); len(tx) != 1 || !sameColor(tx[0].Color, pal.selText) {
		t.Errorf("the selected words are not drawn in the page colour: %v", tx)
	}
	if r := contrast(pal.sel, pal.tint(blue, 1)); r < selectionOnTint {
		t.Errorf("selection against this highlight's tint: %.2f:1", r)
	}
}
