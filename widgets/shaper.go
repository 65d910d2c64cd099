package widgets

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// textShaper measures text the way Fyne's painter draws it, but with one
// reused HarfBuzz shaper: fyne.MeasureText builds a new shaper per call and
// costs ~0.2 ms per distinct word, far too slow for whole articles. The face
// list mirrors Fyne's (theme font, default font, emoji, a system font for the
// locale, then per-rune system fallback such as Noto CJK for Hangul), so the
// advances we wrap and hit-test with match the glyphs on screen.
type textShaper struct {
	th      fyne.Theme
	fonts   *Fonts        // parsed fonts shared with other shapers; nil: its own
	regular fyne.Resource // th's regular font when the shaper was built
	hb      shaping.HarfbuzzShaper
	seg     shaping.Segmenter
	maps    map[faceKey]*faceMap
	sys     *fontscan.FontMap
	sysErr  bool
	// metrics caches line metrics per style and size.
	metrics map[metricKey]lineMetrics
}

type metricKey struct {
	faceKey
	size float32
}

// faceKey names a font: a style of the theme's fonts (src nil) or a font
// resource drawn with canvas.Text.FontSource.
type faceKey struct {
	style fyne.TextStyle
	src   fyne.Resource
}

// lineMetrics are the vertical measures Fyne uses to place a canvas.Text.
type lineMetrics struct {
	ascent    float32
	thickness float32
}

// faceMap resolves the face for each rune in the order Fyne's painter does.
// Faces after the first two (emoji, the locale's system font) are loaded
// only when a rune is missing from the faces before them: the order stays
// Fyne's, but a German article never pays for parsing the emoji font or
// scanning the system fonts.
type faceMap struct {
	sh      *textShaper
	faces   []*font.Face
	pending []func() *font.Face
	aspect  font.Aspect
	family  string // asked of the system for runes none of the faces has
}

// newTextShaper prepares a shaper for the fonts of th.
func newTextShaper(th fyne.Theme) *textShaper { return newTextShaperWith(th, nil) }

// newTextShaperWith prepares a shaper for the fonts of th that takes
// parsed fonts from fonts (nil: parses its own).
func newTextShaperWith(th fyne.Theme, fonts *Fonts) *textShaper {
	s := &textShaper{th: th, fonts: fonts, regular: th.Font(fyne.TextStyle{}), maps: map[faceKey]*faceMap{}, metrics: map[metricKey]lineMetrics{}}
	// The default cache holds one font, so alternating headings and body
	// text would rebuild HarfBuzz font tables (~50 µs) on every paragraph.
	s.hb.SetFontCacheSize(16)
	return s
}

// ResolveFace returns the first face that has a glyph for r, looking up a
// system fallback font (as Fyne does) when none of the known faces has it.
func (m *faceMap) ResolveFace(r rune) *font.Face {
	for _, f := range m.faces {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	for len(m.pending) > 0 {
		load := m.pending[0]
		m.pending = m.pending[1:]
		f := load()
		if f == nil {
			continue
		}
		m.faces = append(m.faces, f)
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	if sys := m.sh.systemFonts(); sys != nil {
		sys.SetQuery(fontscan.Query{Families: []string{m.family}})
		if f := sys.ResolveFace(r); f != nil {
			m.faces = append(m.faces, f)
			return f
		}
	}
	return m.faces[0]
}

// systemFonts loads the system font index once, lazily: most articles never
// need it, and the first scan can take a moment.
func (s *textShaper) systemFonts() *fontscan.FontMap {
	if s.sys == nil && !s.sysErr {
		fm := fontscan.NewFontMap(quietLogger{})
		if err := fm.UseSystemFonts(""); err != nil {
			s.sysErr = true
			return nil
		}
		s.sys = fm
	}
	return s.sys
}

// faces returns the face map for a font, building it on first use.
func (s *textShaper) faces(k faceKey) *faceMap {
	if m, ok := s.maps[k]; ok {
		return m
	}
	if k.src != nil {
		m := s.sourceFaces(k.src)
		s.maps[k] = m
		return m
	}
	style := k.style
	var primary, fallback fyne.Resource
	switch {
	case style.Monospace:
		primary, fallback = s.th.Font(style), theme.DefaultTextMonospaceFont()
	case style.Bold && style.Italic:
		primary, fallback = s.th.Font(style), theme.DefaultTextBoldItalicFont()
	case style.Bold:
		primary, fallback = s.th.Font(style), theme.DefaultTextBoldFont()
	case style.Italic:
		primary, fallback = s.th.Font(style), theme.DefaultTextItalicFont()
	default:
		primary, fallback = s.th.Font(style), theme.DefaultTextFont()
	}
	m := &faceMap{sh: s, family: fontscan.SansSerif}
	if style.Bold {
		m.aspect.Weight = font.WeightBold
	}
	if style.Italic {
		m.aspect.Style = font.StyleItalic
	}
	for _, res := range []fyne.Resource{primary, fallback} {
		if len(m.faces) > 0 && res == primary {
			continue
		}
		if f := s.parse(res); f != nil {
			m.faces = append(m.faces, f)
		}
	}
	if len(m.faces) == 0 { // a broken theme font: fall back to Fyne's own
		m.faces = append(m.faces, s.parse(theme.DefaultTextFont()))
	}
	m.pending = append(m.pending, func() *font.Face { return s.parse(theme.DefaultEmojiFont()) })
	m.pending = append(m.pending, func() *font.Face {
		sys := s.systemFonts()
		if sys == nil {
			return nil
		}
		sys.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}, Aspect: m.aspect})
		l, _ := fontscan.NewLangID(language.Language(lang.SystemLocale().LanguageString()))
		return sys.ResolveFaceForLang(l)
	})
	s.maps[k] = m
	return m
}

// sourceFaces mirrors what Fyne's painter does for a canvas.Text with a
// FontSource: that font alone, then the system's font for any rune it
// lacks, asked for by the resource's name.
func (s *textShaper) sourceFaces(src fyne.Resource) *faceMap {
	m := &faceMap{sh: s, family: src.Name()}
	if f := s.parse(src); f != nil {
		m.faces = append(m.faces, f)
	} else {
		m.faces = append(m.faces, s.parse(theme.DefaultTextFont()))
	}
	return m
}

// advances writes the advance of each rune of text in font k into adv (len(text)),
// shaping runs exactly as Fyne's painter splits them. Runes of one glyph
// cluster (ligatures) share its advance evenly so that hit-testing inside
// them still works.
func (s *textShaper) advances(text []rune, k faceKey, size float32, adv []float32) {
	for i := range adv {
		adv[i] = 0
	}
	if len(text) == 0 {
		return
	}
	fm := s.faces(k)
	in := shaping.Input{
		Text:      text,
		RunStart:  0,
		RunEnd:    len(text),
		Direction: di.DirectionLTR,
		Face:      fm.ResolveFace(' '),
		Size:      fixed.Int26_6(float64(size) * 64),
	}
	for _, run := range s.seg.Split(in, fm) {
		out := s.hb.Shape(run)
		for _, g := range out.Glyphs {
			if g.ClusterIndex >= 0 && g.ClusterIndex < len(adv) {
				adv[g.ClusterIndex] += float32(g.XAdvance) / 64
			}
		}
		for i := 0; i < len(out.Glyphs); {
			g := out.Glyphs[i]
			if n := g.RuneCount; n > 1 && g.ClusterIndex+n <= len(adv) {
				share := adv[g.ClusterIndex] / float32(n)
				for k := 0; k < n; k++ {
					adv[g.ClusterIndex+k] = share
				}
			}
			i += max(1, g.GlyphCount)
		}
	}
}

// lineMetrics returns ascent and line thickness for a style and size, the
// numbers canvas.Text uses for its minimum height.
func (s *textShaper) lineMetrics(f faceKey, size float32) lineMetrics {
	k := metricKey{f, size}
	if m, ok := s.metrics[k]; ok {
		return m
	}
	fm := s.faces(f)
	out := s.hb.Shape(shaping.Input{
		Text: []rune{' '}, RunStart: 0, RunEnd: 1,
		Direction: di.DirectionLTR,
		Face:      fm.ResolveFace(' '),
		Size:      fixed.Int26_6(float64(size) * 64),
	})
	m := lineMetrics{
		ascent:    float32(out.LineBounds.Ascent) / 64,
		thickness: float32(out.LineBounds.LineThickness()) / 64,
	}
	s.metrics[k] = m
	return m
}

// quietLogger drops fontscan's progress messages: a missing or unreadable
// system font is not worth a line on the reader's terminal.
type quietLogger struct{}

// Printf is part of fontscan.Logger.
func (quietLogger) Printf(string, ...any) {}

// fontsOf reports whether th still gives the fonts this shaper was built
// for, so a theme switch (or a theme whose font changed) re-shapes.
func (s *textShaper) fontsOf(th fyne.Theme) bool {
	return s.th == th && s.th.Font(fyne.TextStyle{}) == s.regular
}

// parse gives the parsed font of res: from the shared Fonts when the
// shaper has them, else parsed anew.
func (s *textShaper) parse(res fyne.Resource) *font.Face {
	if s.fonts != nil {
		return s.fonts.face(res)
	}
	return parseFont(res)
}

// Fonts are parsed fonts that the text shapers of several widgets share
// (ArticleView.SetFonts, NewEllipsis), so that each font file is parsed
// once (NotoSans: 3-4 ms a style) and can be parsed on another goroutine
// before the window needs it (Preload). Its methods are safe on any
// goroutine; the faces it gives are used on the main goroutine only.
type Fonts struct {
	mu    sync.Mutex
	faces map[fyne.Resource]*font.Face
}

// NewFonts makes an empty set of parsed fonts.
func NewFonts() *Fonts { return &Fonts{faces: map[fyne.Resource]*font.Face{}} }

// Preload parses the fonts th draws the given styles with, and Fyne's
// own fonts behind them (the faces textShaper puts first).
func (f *Fonts) Preload(th fyne.Theme, styles ...fyne.TextStyle) {
	for _, st := range styles {
		f.face(th.Font(st))
		switch {
		case st.Bold && st.Italic:
			f.face(theme.DefaultTextBoldItalicFont())
		case st.Bold:
			f.face(theme.DefaultTextBoldFont())
		case st.Italic:
			f.face(theme.DefaultTextItalicFont())
		default:
			f.face(theme.DefaultTextFont())
		}
	}
}

// face is the parsed font of res, parsed on first use (nil when absent or
// unreadable, as parseFont). A caller that asks while another goroutine
// parses waits for it rather than parsing the same file again.
func (f *Fonts) face(res fyne.Resource) *font.Face {
	if res == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[res]; ok {
		return face
	}
	face := parseFont(res)
	f.faces[res] = face
	return face
}

// parseFont parses a font resource; nil when absent or unreadable.
func parseFont(res fyne.Resource) *font.Face {
	if res == nil {
		return nil
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		return nil
	}
	return f
}

// Ellipsis cuts one-line texts to a width with "…" exactly as Fyne's
// Label does with fyne.TextTruncateEllipsis (the same faces, shaping, line
// wrapper and rule, so the same text is drawn), but with one reused
// shaper: Fyne builds a new HarfBuzz shaper, and with it the font's
// lookup tables, for every label it cuts, again on every resize (about a
// millisecond a label; a screenful of library rows was a tenth of the
// window's start-up). Use one Ellipsis on the main goroutine only.
type Ellipsis struct {
	fonts *Fonts
	sh    *textShaper
	seg   shaping.Segmenter
	wrap  shaping.LineWrapper
}

// NewEllipsis makes an Ellipsis that takes its parsed fonts from fonts
// (nil: parses its own), for the theme Fit is given.
func NewEllipsis(fonts *Fonts) *Ellipsis { return &Ellipsis{fonts: fonts} }

// ellipsisRune is what Fyne's Label puts where it cuts a text.
const ellipsisRune = '…'

// Fit returns what a Label with fyne.TextTruncateEllipsis shows of the
// one-line text s, in th's font of style at size, within width (the
// label's width less its inner padding on both sides): s itself when it
// fits, else its beginning and "…" (only "…" when nothing fits).
func (e *Ellipsis) Fit(th fyne.Theme, s string, style fyne.TextStyle, size, width float32) string {
	if s == "" {
		return s
	}
	if e.sh == nil || !e.sh.fontsOf(th) {
		e.sh = newTextShaperWith(th, e.fonts)
	}
	fm := e.sh.faces(faceKey{style: style})
	runes := []rune(s)
	ell := []rune{ellipsisRune}
	in := shaping.Input{
		Text:      ell,
		RunStart:  0,
		RunEnd:    len(ell),
		Direction: di.DirectionLTR,
		Face:      fm.ResolveFace(ellipsisRune),
		Size:      fixed.Int26_6(float64(size) * 64),
	}
	conf := shaping.WrapConfig{}.WithTruncator(&e.sh.hb, in)
	conf.BreakPolicy = shaping.WhenNecessary
	conf.TruncateAfterLines = 1
	in.Text, in.RunEnd = runes, len(runes)
	ins := e.seg.Split(in, fm)
	outs := make([]shaping.Output, len(ins))
	for i, run := range ins {
		outs[i] = e.sh.hb.Shape(run)
	}
	e.wrap.Prepare(conf, runes, shaping.NewSliceIterator(outs))
	line, done := e.wrap.WrapNextLine(int(width))
	count := len(runes)
	if line.Truncated != 0 {
		count += len(ell) - line.Truncated
	}
	if done && count == len(runes) {
		return s
	}
	return string(runes[:min(max(count-1, 0), len(runes))]) + string(ell)
}
