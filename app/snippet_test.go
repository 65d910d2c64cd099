package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// drawnSnippet lays a snippet out at a width and returns its texts by
// line (y), and the marked ones.
func drawnSnippet(t *testing.T, text string, marks [][2]int, width float32) (lines []string, marked []string) {
	t.Helper()
	s := newSnippetText()
	s.set(text, marks)
	s.Resize(fyne.NewSize(width, s.MinSize().Height))
	byY := map[float32][]string{}
	var ys []float32
	for _, o := range test.WidgetRenderer(s).Objects() {
		tx := o.(*canvas.Text)
		if tx.Position().Y+tx.Size().Height > s.Size().Height+0.5 || tx.Position().X+tx.Size().Width > width+0.5 {
			t.Errorf("%q at %v+%v lies outside the snippet's %v", tx.Text, tx.Position(), tx.Size(), s.Size())
		}
		if _, ok := byY[tx.Position().Y]; !ok {
			ys = append(ys, tx.Position().Y)
		}
		byY[tx.Position().Y] = append(byY[tx.Position().Y], tx.Text)
		if tx.TextStyle.Bold {
			marked = append(marked, tx.Text)
		}
	}
	slices.Sort(ys)
	for _, y := range ys {
		lines = append(lines, strings.Join(byY[y], "|"))
	}
	return lines, marked
}

// A snippet wraps at spaces into at most two lines, its marks bold, and
// ends with an ellipsis when the rest does not fit.
func TestSnippetWrapsIntoTwoLines(t *testing.T) {
	test.NewTempApp(t)
	const text = "Ian Bremmer opposes Bündnisse, China · “Es ist ein echtes Problem für die Chinesen, dass Russland und Nordkorea eine neue militärische Beziehung eingegangen sind.”"
	marks := [][2]int{{0, len("Ian Bremmer")}, {strings.Index(text, "China"), strings.Index(text, "China") + len("China")}}
	lines, marked := drawnSnippet(t, text, marks, 300)
	if len(lines) != snippetLines || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("a long snippet in 300 units: %q; want two lines, the last ending in …", lines)
	}
	if !slices.Equal(marked, []string{"Ian Bremmer", "China"}) {
		t.Fatalf("marked %q", marked)
	}
	if !strings.HasPrefix(lines[0], "Ian Bremmer|opposes Bündnisse,|China") {
		t.Fatalf("the first line %q does not keep the marks apart from the rest", lines[0])
	}
	lines, _ = drawnSnippet(t, "Nordkorea supports Atomprogramm", nil, 800)
	if !slices.Equal(lines, []string{"Nordkorea supports Atomprogramm"}) {
		t.Fatalf("a short snippet: %q", lines)
	}
	// A mark that ends inside a word keeps the word together.
	lines, _ = drawnSnippet(t, "Sanktionen, sagte er", [][2]int{{0, len("Sanktionen")}}, 800)
	if !slices.Equal(lines, []string{"Sanktionen|, sagte er"}) {
		t.Fatalf("a mark inside a word: %q", lines)
	}
}
