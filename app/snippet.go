package app

import (
	"fyne.io/fyne/v2"
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
// found in bold and the theme's primary colour, cut with an ellipsis to
// snippetLines lines. Its size is fixed, so that every row of the list
// has the same height (a List with rows of their own heights scans them
// all on every frame). Tapping it goes to the passage.
type snippetText struct {
	widget.BaseWidget
	text *widget.RichText
	// onTapped, when set, is called on a tap; pointer says whether the
	// snippet leads somewhere (the hand cursor shows it).
	onTapped func()
	pointer  bool
}

func newSnippetText() *snippetText {
	s := &snippetText{text: widget.NewRichText()}
	s.text.Wrapping = fyne.TextWrapWord
	s.text.Truncation = fyne.TextTruncateEllipsis
	s.ExtendBaseWidget(s)
	return s
}

// set shows text with the byte ranges marks marked.
func (s *snippetText) set(text string, marks [][2]int) {
	s.text.Segments = snippetSegments(text, marks)
	s.text.Refresh()
}

// snippetSegments splits a snippet into plain and marked runs of text.
func snippetSegments(text string, marks [][2]int) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	add := func(t string, marked bool) {
		if t == "" {
			return
		}
		st := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNameForeground}
		if marked {
			st.TextStyle.Bold = true
			st.ColorName = theme.ColorNamePrimary
		}
		out = append(out, &widget.TextSegment{Text: t, Style: st})
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

// MinSize is snippetLines lines of caption text, whatever the text.
func (s *snippetText) MinSize() fyne.Size {
	s.ExtendBaseWidget(s)
	return s.BaseWidget.MinSize()
}

func (s *snippetText) CreateRenderer() fyne.WidgetRenderer {
	return &snippetRenderer{s: s}
}

type snippetRenderer struct{ s *snippetText }

func (r *snippetRenderer) Layout(size fyne.Size) { r.s.text.Resize(size) }

// MinSize: a RichText's own padding and one line, plus a line and its
// spacing for each further line.
func (r *snippetRenderer) MinSize() fyne.Size {
	th := r.s.Theme()
	size := th.Size(theme.SizeNameCaptionText)
	line := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	pad := th.Size(theme.SizeNameInnerPadding)
	height := 2*pad + float32(snippetLines)*line + float32(snippetLines-1)*th.Size(theme.SizeNameLineSpacing)
	return fyne.NewSize(4*line, height)
}

func (r *snippetRenderer) Refresh()                     { r.s.text.Refresh() }
func (r *snippetRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.text} }
func (r *snippetRenderer) Destroy()                     {}
