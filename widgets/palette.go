package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Contrast floors of the reading colours against the page background
// (WCAG 2 contrast ratios). The theme's colours are used where they meet
// them and pushed towards black or white where they do not: Fyne's light
// foreground #565656 has 7.3:1, which reads grey on white.
const (
	// bodyContrast is for body text: well above the 7:1 floor for long
	// reading, close to the near-black of print and reading apps.
	bodyContrast = 12
	// mutedContrast is for captions and the byline: quieter than the
	// body, still at the 7:1 floor for text meant to be read.
	mutedContrast = 7
	// accentContrast is for the kicker and the source link, which are in
	// the theme's accent colour.
	accentContrast = 5
	// textOnTint is what body text keeps over any highlight tint: a tint
	// that would drop below it is made paler.
	textOnTint = 7
	// selectionOnText is the contrast between the selection's fill and the
	// text drawn on it in the page colour (the selection is inverse video).
	selectionOnText = 7
	// markerContrast is what a highlight's marker keeps against the page:
	// WCAG's floor for graphics that carry meaning (a pale yellow actor
	// colour is deepened until its line shows).
	markerContrast = 3
	// selectionOnTint is the least contrast between the selection's fill
	// and any highlight tint, so a selection never looks like a highlight.
	selectionOnTint = 3
)

// Highlight tints: the share of the actor's colour laid over the page.
// Overlapping highlights darken (light theme) or lighten (dark theme) a
// step per extra highlight, up to tintMaxLayers, so overlaps show without
// turning into a patchwork.
const (
	tintLight     = 0.20
	tintDark      = 0.24
	tintStep      = 0.40 // extra share per overlapping highlight, relative to the base
	tintMaxLayers = 3
)

// palette is the colours one render uses, derived from the theme.
type palette struct {
	dark    bool
	bg      color.NRGBA
	text    color.NRGBA // body text
	muted   color.NRGBA // captions, byline
	accent  color.NRGBA // kicker, link
	sel     color.NRGBA // selection fill
	selText color.NRGBA // text on the selection
	caret   color.NRGBA
	bar     color.NRGBA // the rule beside quotes and under the header
	ink     color.NRGBA // black on a light page, white on a dark one
	tints   map[tintKey]color.NRGBA
	markers map[color.NRGBA]color.NRGBA
	finds   [2]color.NRGBA // find marks: every match, the current one (findMark)
}

// tintKey caches a tint: the mean colour of the highlights over a stretch
// and how many overlap there.
type tintKey struct {
	c      color.NRGBA
	layers int
}

// newPalette derives the reading colours from th in variant vr.
func newPalette(th fyne.Theme, vr fyne.ThemeVariant) *palette {
	bg := nrgba(th.Color(theme.ColorNameBackground, vr))
	bg.A = 0xff
	p := &palette{bg: bg, dark: luminance(bg) < 0.5, tints: map[tintKey]color.NRGBA{}, markers: map[color.NRGBA]color.NRGBA{}}
	ink := color.NRGBA{A: 0xff} // what text moves towards: black on light pages
	if p.dark {
		ink = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	p.ink = ink
	p.text = reachContrast(over(nrgba(th.Color(theme.ColorNameForeground, vr)), bg), ink, bg, bodyContrast)
	p.muted = reachContrast(over(nrgba(th.Color(theme.ColorNamePlaceHolder, vr)), bg), ink, bg, mutedContrast)
	primary := over(nrgba(th.Color(theme.ColorNamePrimary, vr)), bg)
	p.accent = reachContrast(primary, ink, bg, accentContrast)
	p.selText = bg
	p.sel = p.selectionFill(primary, ink)
	p.caret = p.text
	p.bar = over(color.NRGBA{R: p.text.R, G: p.text.G, B: p.text.B, A: 0x40}, bg)
	return p
}

// selectionFill is the theme's accent, taken towards the ink until the
// page-coloured text on it has selectionOnText and it stands at least
// selectionOnTint apart from the palest and the deepest tint any highlight
// can have (tints keep textOnTint with the body text, which bounds them).
func (p *palette) selectionFill(primary, ink color.NRGBA) color.NRGBA {
	// The tint nearest to the selection in luminance is the one whose
	// contrast with the body text is exactly textOnTint.
	lt := luminance(p.text)
	var nearest float64
	if p.dark {
		nearest = (lt+0.05)/textOnTint - 0.05
	} else {
		nearest = textOnTint*(lt+0.05) - 0.05
	}
	return towards(primary, ink, func(c color.NRGBA) bool {
		l := luminance(c)
		return contrast(c, p.selText) >= selectionOnText && ratio(l, nearest) >= selectionOnTint
	})
}

// tint is the fill of a stretch covered by layers highlights whose mean
// colour is c: a pale wash of c, stronger with more layers, never so strong
// that the body text over it falls below textOnTint.
func (p *palette) tint(c color.NRGBA, layers int) color.NRGBA {
	layers = min(max(layers, 1), tintMaxLayers)
	k := tintKey{c, layers}
	if t, ok := p.tints[k]; ok {
		return t
	}
	base := tintLight
	if p.dark {
		base = tintDark
	}
	share := base * (1 + tintStep*float64(layers-1))
	var t color.NRGBA
	for ; share > 0; share -= 0.02 {
		t = mix(p.bg, color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}, share)
		if contrast(t, p.text) >= textOnTint {
			break
		}
	}
	p.tints[k] = t
	return t
}

// marker is the colour of a highlight marker for an actor colour c: c
// itself, or deepened towards the ink until it stands out from the page.
func (p *palette) marker(c color.NRGBA) color.NRGBA {
	if m, ok := p.markers[c]; ok {
		return m
	}
	m := reachContrast(c, p.ink, p.bg, markerContrast)
	p.markers[c] = m
	return m
}

// nrgba converts any colour to non-premultiplied RGBA.
func nrgba(c color.Color) color.NRGBA {
	if c == nil {
		return color.NRGBA{}
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// over composites c (with its alpha) onto the opaque bg.
func over(c, bg color.NRGBA) color.NRGBA {
	return mix(bg, color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}, float64(c.A)/0xff)
}

// mix returns a + (b - a)·t per channel, opaque.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	ch := func(x, y uint8) uint8 {
		return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t))
	}
	return color.NRGBA{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: 0xff}
}

// towards moves c towards target in small steps until ok holds (or target
// is reached).
func towards(c, target color.NRGBA, ok func(color.NRGBA) bool) color.NRGBA {
	const steps = 64
	for i := 0; i <= steps; i++ {
		m := mix(c, target, float64(i)/steps)
		if ok(m) {
			return m
		}
	}
	return target
}

// reachContrast moves c towards ink until it has at least min against bg.
func reachContrast(c, ink, bg color.NRGBA, min float64) color.NRGBA {
	return towards(c, ink, func(m color.NRGBA) bool { return contrast(m, bg) >= min })
}

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.NRGBA) float64 { return ratio(luminance(a), luminance(b)) }

// ratio is the contrast ratio of two luminances.
func ratio(la, lb float64) float64 {
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
