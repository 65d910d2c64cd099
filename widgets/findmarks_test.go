package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// rangesOf are the ranges of every occurrence of word in text.
func rangesOf(text []rune, word string) []TextRange {
	var out []TextRange
	s := string(text)
	w := []rune(word)
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return out
		}
		start := len([]rune(s[:i+j]))
		out = append(out, TextRange{start, start + len(w)})
		i += j + len(word)
	}
}

func TestArticleViewDrawsFindMarks(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	for _, c := range []struct {
		name     string
		variant  fyne.ThemeVariant
		word     string
		current  int
		wantMark int // marks drawn besides the current one
	}{
		{"light, two of Außen…, first current", theme.VariantLight, "Außenminister", 0, 1},
		{"dark, both of die… none current", theme.VariantDark, "Die", -1, 2},
		{"a word over a wrapped compound", theme.VariantLight, "Donaudampfschifffahrts", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := newTestView(t, doc, 500, 2000)
			fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), c.variant})
			rs := rangesOf(text, c.word)
			if len(rs) == 0 {
				t.Fatalf("%q not in the text", c.word)
			}
			v.SetFindMarks(rs, c.current)
			v.Refresh()
			pal := v.palette()
			got := countRects(v, pal.findMark(false), pal.findMark(true))
			wantCur := 0
			if c.current >= 0 {
				wantCur = 1
			}
			if got[0] < c.wantMark || got[1] != wantCur {
				t.Errorf("drawn: %d marks, %d current; want ≥ %d and %d", got[0], got[1], c.wantMark, wantCur)
			}
			if frame := countRects(v, pal.marker(findCurColor)); frame[0] != 4*wantCur {
				t.Errorf("the current mark has %d sides of a frame, want %d", frame[0], 4*wantCur)
			}
			v.SetFindMarks(nil, -1)
			if got := countRects(v, pal.findMark(false), pal.findMark(true)); got[0]+got[1] != 0 {
				t.Errorf("after clearing: %v marks drawn", got)
			}
		})
	}
}

func TestFindMarksAreTheirOwnColours(t *testing.T) {
	test.NewTempApp(t)
	for _, vr := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		pal := newPalette(theme.DefaultTheme(), vr)
		mark, cur := pal.findMark(false), pal.findMark(true)
		if mark == cur {
			t.Errorf("variant %d: the current mark looks like the others (%v)", vr, mark)
		}
		for _, c := range []struct {
			name string
			c    color.NRGBA
		}{{"selection", pal.sel}, {"page", pal.bg}, {"yellow highlight tint", pal.tint(defaultHighlight, 1)}} {
			if sameColor(mark, c.c) {
				t.Errorf("variant %d: a find mark looks like the %s", vr, c.name)
			}
		}
		if contrast(mark, pal.text) < textOnTint || contrast(cur, pal.text) < textOnTint {
			t.Errorf("variant %d: text on a find mark is hard to read (%.1f, %.1f)", vr, contrast(mark, pal.text), contrast(cur, pal.text))
		}
	}
}

func TestShowFindMarkScrollsToIt(t *testing.T) {
	doc := generatedDoc(200_000)
	v, _ := newTestView(t, doc, 600, 400)
	text := canonical(doc)
	rs := rangesOf(text, "Grüße")
	if len(rs) < 10 {
		t.Fatalf("only %d matches", len(rs))
	}
	last := len(rs) - 1
	v.SetFindMarks(rs, -1)
	v.ShowFindMark(last)
	if _, cur := v.FindMarks(); cur != last {
		t.Errorf("current = %d, want %d", cur, last)
	}
	if _, _, ok := v.RangeBounds(rs[last].Start, rs[last].End); !ok {
		t.Error("the current match is not in view")
	}
	if got := countRects(v, v.palette().findMark(true)); got[0] != 1 {
		t.Errorf("%d current marks drawn, want 1", got[0])
	}
	v.SetDocument(doc)
	if rs, _ := v.FindMarks(); rs != nil {
		t.Error("a new document kept the old find marks")
	}
}

// BenchmarkFindMarksPaint is marking 10,000 matches in a 3 MB article
// and drawing the frame, and stepping to a match far down and drawing
// that: what the window does when a find's result arrives and on F3.
func BenchmarkFindMarksPaint(b *testing.B) {
	test.NewTempApp(b)
	doc := generatedDoc(3 << 20)
	text := canonical(doc)
	rs := rangesOf(text, "Grüße")
	step := max(1, len(rs)/10_000)
	var marks []TextRange
	for i := 0; i < len(rs); i += step {
		marks = append(marks, rs[i])
	}
	v := NewArticleView()
	v.SetDocument(doc)
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	b.ReportMetric(float64(len(marks)), "marks")
	b.ResetTimer()
	i := 0
	for b.Loop() {
		v.SetFindMarks(marks, 0)
		i = (i + 997) % len(marks)
		v.ShowFindMark(i)
	}
}
