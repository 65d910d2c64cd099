package widgets

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/widgets/internal/serif"
)

// TestArticleViewReadingStyleMeasureAndSpacing: narrow, medium and wide
// columns and tight, normal and loose lines grow in that order, unknown
// words mean the defaults, and a change keeps the reader's place.
func TestArticleViewReadingStyleMeasureAndSpacing(t *testing.T) {
	doc := generatedDoc(60_000)
	v, _ := newTestView(t, doc, 1600, 700)
	body := func() *para { return v.layout.paras[v.layout.nHead] }
	var widths, heights []float32
	for _, m := range Measures() {
		v.SetReadingStyle(ReadingStyle{Measure: m})
		widths = append(widths, v.layout.colW)
	}
	for _, s := range Spacings() {
		v.SetReadingStyle(ReadingStyle{Spacing: s})
		heights = append(heights, v.layout.lineHeight(body()))
	}
	if !(widths[0] < widths[1] && widths[1] < widths[2]) {
		t.Errorf("column widths narrow/medium/wide: %v", widths)
	}
	if !(heights[0] < heights[1] && heights[1] < heights[2]) {
		t.Errorf("line heights tight/normal/loose: %v", heights)
	}
	v.SetReadingStyle(ReadingStyle{Measure: "huge", Spacing: "double", Font: "comic"})
	if got := v.ReadingStyle(); got != (ReadingStyle{MeasureMedium, SpacingNormal, FontSans}) {
		t.Errorf("unknown words gave %+v, want the defaults", got)
	}
	mid := len(canonical(doc)) / 2
	v.SetTopOffset(mid)
	v.SetReadingStyle(ReadingStyle{Measure: MeasureNarrow, Spacing: SpacingLoose, Font: FontSerif})
	if after := v.TopOffset(); after > mid || mid-after > 200 {
		t.Errorf("changing the style put offset %d at the top of the view, want the line holding %d", after, mid)
	}
}

// TestArticleViewSerifIsDrawnAndMeasuredAlike: with the serif setting the
// article's words are drawn in the bundled Noto Serif (kicker and byline
// stay sans), and the advances the view wraps and hit-tests with match
// what Fyne's renderer measures for that font, so selections line up with
// the glyphs.
func TestArticleViewSerifIsDrawnAndMeasuredAlike(t *testing.T) {
	doc := headerDoc()
	v, _ := newTestView(t, doc, 900, 700)
	v.SetReadingStyle(ReadingStyle{Font: FontSerif})
	for _, c := range []struct {
		prefix string
		want   fyne.Resource
	}{{doc.Kicker, nil}, {"Annäherung", serif.For(fyne.TextStyle{Bold: true})}, {"Nordkorea spielt", serif.For(fyne.TextStyle{})}, {"Martin Benninghoff", nil}} {
		tx := drawnText(v, c.prefix)
		if len(tx) == 0 {
			t.Fatalf("%q not drawn", c.prefix)
		}
		if tx[0].FontSource != c.want {
			t.Errorf("%q drawn with font %v, want %v", c.prefix, tx[0].FontSource, c.want)
		}
	}
	l := v.layout
	p := l.paras[l.nHead]
	ln := p.lines[0]
	line := string(p.runes[ln.from:ln.end])
	ours := p.prefix[ln.end] - p.prefix[ln.from]
	fynes, _ := fyne.CurrentApp().Driver().RenderedTextSize(line, l.fontSize(p), p.style, serif.For(p.style))
	if math.Abs(float64(ours-fynes.Width)) > 1 {
		t.Errorf("first body line %q: %.2f px by our shaper, %.2f px by Fyne's", line, ours, fynes.Width)
	}
	v.SetReadingStyle(ReadingStyle{Font: FontSans})
	if p := l.paras[l.nHead]; p.prefix[p.lines[0].end]-p.prefix[0] == ours {
		t.Error("the sans text measures like the serif")
	}
}
