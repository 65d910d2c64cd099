package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// snippetLines is how many lines a search result's snippet takes in the
// library list: two show a statement and its quote, or a sentence around
// the words found, without making a screenful of results a handful.
const snippetLines = 2

// snippetText is the snippet under a search result in the library list:
// the passage where the search found the article, the words and names
// found in bold and the theme's primary colour, wrapped at spaces into
// snippetLines lines and cut with an ellipsis. Its size is fixed, so that
// every row of the list has the same height (a List with rows of their
// own heights scans them all on every frame). Tapping it goes to the
// passage.
//
// It lays its words out itself: a RichText with several inline segments
// counts each segment's height against its truncation budget, so a
// snippet with marks lost its second line.
type snippetText struct {
	widget.BaseWidget
	runs []snippetRun
	// onTapped, when set, is called on a tap; pointer says whether the
	// snippet leads somewhere (the hand cursor shows it).
	onTapped func()
	pointer  bool
}

// snippetRun is a stretch of a snippet, marked or not.
type snippetRun struct {
	text   string
	marked bool
}

func newSnippetText() *snippetText {
	s := &snippetText{}
	s.ExtendBaseWidget(s)
	return s
}

// set shows text with the byte ranges marks marked; a snippet that shows
// them already is left alone (the list updates every visible row when
// one is selected, and Refresh wraps the words and makes the texts anew).
func (s *snippetText) set(text string, marks [][2]int) {
	runs := snippetRuns(text, marks)
	if slices.Equal(runs, s.runs) {
		return
	}
	s.runs = runs
	s.Refresh()
}

// String is the snippet's text, as set.
func (s *snippetText) String() string {
	var b strings.Builder
	for _, r := range s.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// snippetRuns splits a snippet into plain and marked runs of text.
func snippetRuns(text string, marks [][2]int) []snippetRun {
	var out []snippetRun
	add := func(t string, marked bool) {
		if t != "" {
			out = append(out, snippetRun{t, marked})
		}
	}
	at := 0
	for _, m := range marks {
		if m[0] < at || m[1] > len(text) || m[0] >= m[1] {
			continue // out of order or out of range: shown plain
		}
		add(text[at:m[0]], false)
		add(text[m[0]:m[1]], true)
		at = m[1]
	}
	add(text[at:], false)
	return out
}

// Tapped goes to the passage.
func (s *snippetText) Tapped(*fyne.PointEvent) {
	if s.onTapped != nil {
		s.onTapped()
	}
}

// Cursor is the hand over a snippet that leads to a passage.
func (s *snippetText) Cursor() desktop.Cursor {
	if s.pointer {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

func (s *snippetText) CreateRenderer() fyne.WidgetRenderer {
	return &snippetRenderer{s: s}
}

// snippetRenderer draws a snippet as one canvas.Text per stretch of a
// line in one style.
type snippetRenderer struct {
	s     *snippetText
	texts []fyne.CanvasObject
}

// snippetWord is a word of a snippet with the space before it.
type snippetWord struct {
	text          string
	marked, space bool
}

// words splits the runs at spaces; a word keeps whether a space came
// before it (a mark may end inside a word: "Sanktionen," is two runs).
func (r *snippetRenderer) words() []snippetWord {
	var out []snippetWord
	space := false
	for _, run := range r.s.runs {
		for i, w := range strings.Split(run.text, " ") {
			if i > 0 {
				space = true
			}
			if w == "" {
				continue
			}
			out = append(out, snippetWord{w, run.marked, space && len(out) > 0})
			space = false
		}
	}
	return out
}

// Layout wraps the words greedily into snippetLines lines of the width
// given, and ends the last with an ellipsis when words are left over.
func (r *snippetRenderer) Layout(size fyne.Size) {
	th := r.s.Theme()
	textSize := th.Size(theme.SizeNameCaptionText)
	pad := th.Size(theme.SizeNameInnerPadding)
	lineH := fyne.MeasureText("Mg", textSize, fyne.TextStyle{}).Height
	step := lineH + th.Size(theme.SizeNameLineSpacing)
	styleOf := func(marked bool) fyne.TextStyle { return fyne.TextStyle{Bold: marked} }
	width := func(s string, marked bool) float32 { return fyne.MeasureText(s, textSize, styleOf(marked)).Width }
	spaceW := width(" ", false)
	ellipsis := "…"
	right := size.Width - pad

	var texts []fyne.CanvasObject
	var line []snippetPiece
	x, row := pad, 0
	flush := func() {
		for _, p := range line {
			t := canvas.NewText(p.text, theme.ColorForWidget(theme.ColorNameForeground, r.s))
			if p.marked {
				t.Color = theme.ColorForWidget(theme.ColorNamePrimary, r.s)
			}
			t.TextSize, t.TextStyle = textSize, styleOf(p.marked)
			t.Move(fyne.NewPos(p.x, pad+float32(row)*step))
			t.Resize(fyne.NewSize(width(p.text, p.marked), lineH))
			texts = append(texts, t)
		}
		line = line[:0]
	}
	words := r.words()
	for _, w := range words {
		gap := float32(0)
		if w.space && x > pad {
			gap = spaceW
		}
		ww := width(w.text, w.marked)
		if x > pad && x+gap+ww > right {
			if row == snippetLines-1 {
				// No room for the rest: the ellipsis ends the last line.
				if n := len(line); n > 0 && x+width(ellipsis, false) > right {
					line[n-1].text = trimToWidth(line[n-1].text, right-line[n-1].x-width(ellipsis, false), func(s string) float32 { return width(s, line[n-1].marked) })
				}
				line = append(line, snippetPiece{ellipsis, false, lineEnd(line, width)})
				flush()
				r.texts = texts
				return
			}
			flush()
			row++
			x, gap = pad, 0
		}
		if n := len(line); n > 0 && line[n-1].marked == w.marked {
			sep := ""
			if gap > 0 {
				sep = " "
			}
			line[n-1].text += sep + w.text
		} else {
			line = append(line, snippetPiece{w.text, w.marked, x + gap})
		}
		x += gap + ww
	}
	flush()
	r.texts = texts
}

// snippetPiece is a stretch of one line in one style, from x.
type snippetPiece struct {
	text   string
	marked bool
	x      float32
}

// lineEnd is where the last piece of a line ends.
func lineEnd(line []snippetPiece, width func(string, bool) float32) float32 {
	if len(line) == 0 {
		return 0
	}
	p := line[len(line)-1]
	return p.x + width(p.text, p.marked)
}

// trimToWidth shortens s, rune by rune from its end, until it fits room.
func trimToWidth(s string, room float32, width func(string) float32) string {
	r := []rune(s)
	for len(r) > 0 && width(string(r)) > room {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,;:")
}

// MinSize is snippetLines lines of caption text with the inner padding
// above and below, whatever the text.
func (r *snippetRenderer) MinSize() fyne.Size {
	th := r.s.Theme()
	line := fyne.MeasureText("Mg", th.Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Height
	pad := th.Size(theme.SizeNameInnerPadding)
	height := 2*pad + float32(snippetLines)*line + float32(snippetLines-1)*th.Size(theme.SizeNameLineSpacing)
	return fyne.NewSize(4*line, height)
}

func (r *snippetRenderer) Refresh() {
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

func (r *snippetRenderer) Objects() []fyne.CanvasObject { return r.texts }
func (r *snippetRenderer) Destroy()                     {}
