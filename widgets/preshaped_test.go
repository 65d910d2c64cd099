package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestPreshapedLaysOutAsShapingDoes shows one article shaped ahead (for
// the view's settings, and for other ones) and shaped by the view itself,
// and compares the lines: shaping ahead may only spare the view work,
// never change what it shows.
func TestPreshapedLaysOutAsShapingDoes(t *testing.T) {
	test.NewTempApp(t)
	doc := germanDoc()
	doc.Kicker = "Außenpolitik"
	doc.Byline = "Anna Meier · 3 March 2026"
	th := fyne.CurrentApp().Settings().Theme()
	// The view shapes the title twice whatever it is given (its size
	// follows the column width, known once the view is laid out), and every
	// other paragraph once unless it is given its shapes.
	cases := []struct {
		name string
		pre  *Preshaped
		// shaped is how many paragraphs the view shapes itself.
		shaped int
	}{
		{"none", nil, 11},
		{"for the view", Preshape(th, doc, 16, ReadingStyle{}), 2},
		{"another size", Preshape(th, doc, 20, ReadingStyle{}), 11},
		{"another typeface", Preshape(th, doc, 16, ReadingStyle{Font: FontSerif}), 9}, // kicker and byline stay sans
		{"another document", Preshape(th, Document{Blocks: doc.Blocks[:1]}, 16, ReadingStyle{}), 10},
	}
	var want [][]span
	for _, tc := range cases {
		v := NewArticleView()
		v.SetTextSize(16)
		v.SetDocumentShaped(doc, tc.pre)
		w := test.NewTempWindow(t, v)
		w.Resize(fyne.NewSize(700, 500))
		var got [][]span
		for i := range v.layout.paras {
			v.layout.ensure(i)
			got = append(got, v.layout.paras[i].lines)
		}
		if want == nil {
			want = got
		} else if !slices.EqualFunc(got, want, slices.Equal[[]span]) {
			t.Errorf("%s: lines %v, want %v", tc.name, got, want)
		}
		if v.layout.shapes != tc.shaped {
			t.Errorf("%s: the view shaped %d paragraphs, want %d", tc.name, v.layout.shapes, tc.shaped)
		}
	}
}

// TestPreshapedSurvivesReshaping checks that a view re-shaping its text
// (another size, and back) does not write into the shapes it was given.
func TestPreshapedSurvivesReshaping(t *testing.T) {
	test.NewTempApp(t)
	doc := germanDoc()
	pre := Preshape(fyne.CurrentApp().Settings().Theme(), doc, 16, ReadingStyle{})
	before := map[shapeKey][]float32{}
	for k, s := range pre.shapes {
		before[k] = slices.Clone(s.prefix)
	}
	v := NewArticleView()
	v.SetTextSize(16)
	v.SetDocumentShaped(doc, pre)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(700, 500))
	v.SetTextSize(22)
	v.SetTextSize(16)
	for k, s := range pre.shapes {
		if !slices.Equal(s.prefix, before[k]) {
			t.Errorf("shapes of %.20q changed", k.text)
		}
	}
}
