package widgets

import (
	"image/color"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// Document is what an ArticleView shows. The header (Kicker, Title,
// Standfirst, Byline and the source link) is drawn above the body inside
// the scrolled page, aligned with the body text, and is not part of the
// offset space: the offsets count code points of the block texts joined by
// two separator code points, exactly like article.Article.Text(). Block
// texts are expected in NFC, as stored.
type Document struct {
	Kicker     string // the rubric over the title, e.g. "Geopolitik"
	Title      string
	Standfirst string // the lead under the title (the page's description)
	Byline     string // authors, date and site in one line
	// SourceLabel is drawn as a link after the byline; a click opens Source.
	SourceLabel string
	Source      *url.URL
	Blocks      []Block
}

// Highlight is a coloured range [Start, End) of code point offsets. It is
// drawn as a pale tint of Color behind the text (overlaps deepen it) and a
// thin marker under the text, below the descenders: one line in Color, or,
// with Stripes (one colour per actor), a dashed line cycling through them.
type Highlight struct {
	ID      string
	Start   int
	End     int
	Color   color.Color
	Stripes []color.Color
}

// separatorLen is the number of code points between two blocks in the
// canonical text ("\n\n").
const separatorLen = 2

// ArticleView shows an article for reading: wrapped proportional text with
// mouse and keyboard selection and coloured, possibly overlapping
// highlights. Only the visible lines hold canvas objects, and only the
// paragraphs near the viewport are shaped, so book-length texts stay fast.
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
	// OnTypedKey receives the keys the view does not use (e.g. Escape, Delete).
	OnTypedKey func(ev *fyne.KeyEvent)

	doc      Document
	text     []rune // canonical text
	hl       highlightSet
	textSize float32 // 0: the theme's text size
	themeRef fyne.Theme
	fonts    *Fonts // parsed fonts shared with other widgets (SetFonts); nil: its own

	layout *textLayout
	page   *articlePage
	scroll *container.Scroll

	pal        *palette // colours of palTheme in palVariant
	palTheme   fyne.Theme
	palVariant fyne.ThemeVariant

	marked   string  // ID of the outlined highlight
	endSpace float32 // blank space after the text (SetEndSpace)
	find     findMarks
	sel      selectionState
	rendered renderState
	auto     *autoScroller
	autoTick time.Duration // how often auto-scroll steps (autoScrollTick)
	now      func() time.Time
	openURL  func(*url.URL) error
}

// NewArticleView returns an empty view.
func NewArticleView() *ArticleView {
	v := &ArticleView{now: time.Now, autoTick: autoScrollTick, openURL: func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }}
	v.ExtendBaseWidget(v)
	v.page = newArticlePage(v)
	v.scroll = container.NewVScroll(v.page)
	v.scroll.OnScrolled = func(fyne.Position) { v.page.Refresh() }
	return v
}

// SetDocument replaces the shown article, clearing the selection and
// scrolling to the top.
func (v *ArticleView) SetDocument(doc Document) { v.SetDocumentShaped(doc, nil) }

// SetDocumentShaped is SetDocument with the article's text shaped ahead
// (Preshape, on another goroutine): the view shapes only what pre does
// not hold for its fonts and sizes. pre serves this document only.
func (v *ArticleView) SetDocumentShaped(doc Document, pre *Preshaped) {
	v.doc = doc
	text := canonicalText(doc)
	v.text = text
	v.ensureLayout()
	v.layout.pre = pre
	v.layout.setDocument(doc, text)
	v.sel = selectionState{placed: v.page.focused} // a focused view shows its caret at the start
	v.marked = ""
	v.find = findMarks{cur: -1} // a find's offsets belong to the text it searched
	v.rendered = renderState{}
	v.scroll.Offset = fyne.Position{}
	v.relayout()
}

// canonicalText is the text of doc's blocks, separated by separatorLen
// runes: what highlight offsets count in.
func canonicalText(doc Document) []rune {
	n := 0
	for i, b := range doc.Blocks {
		if i > 0 {
			n += separatorLen
		}
		n += len(b.Text) // bytes ≥ runes: enough capacity
	}
	text := make([]rune, 0, n)
	for i, b := range doc.Blocks {
		if i > 0 {
			text = append(text, '\n', '\n')
		}
		for _, r := range b.Text { // not []rune(b.Text): a second copy of a long block
			text = append(text, r)
		}
	}
	return text
}

// Document returns the document shown.
func (v *ArticleView) Document() Document { return v.doc }

// SetHighlights replaces all highlights; only the visible lines are redrawn.
func (v *ArticleView) SetHighlights(hs []Highlight) {
	v.hl.set(hs)
	v.page.Refresh()
}

// UpdateHighlight adds h or replaces the highlight with the same ID,
// without laying the text out again.
func (v *ArticleView) UpdateHighlight(h Highlight) {
	v.hl.put(h)
	v.page.Refresh()
}

// RemoveHighlight removes the highlight with the given ID, if any.
func (v *ArticleView) RemoveHighlight(id string) {
	if v.hl.remove(id) {
		v.page.Refresh()
	}
}

// MarkHighlight outlines the highlight with the given ID, e.g. the one the
// app's Edit and Delete act on, so the reader sees which it is even among
// overlapping highlights; "" removes the outline.
func (v *ArticleView) MarkHighlight(id string) {
	if id != v.marked {
		v.marked = id
		v.page.Refresh()
	}
}

// MarkedHighlight returns the ID given to MarkHighlight.
func (v *ArticleView) MarkedHighlight() string { return v.marked }

// Selection returns the selected range; start == end means nothing selected.
func (v *ArticleView) Selection() (start, end int) { return v.sel.bounds() }

// SetSelection selects [start, end), clamped to the text (an inverted
// range is swapped).
func (v *ArticleView) SetSelection(start, end int) {
	if start > end {
		start, end = end, start
	}
	start, end = v.clamp(start), v.clamp(end)
	// The caret goes to the end, so that it is drawn there and Shift+arrows
	// extend from there, not from where the mouse last was.
	v.sel.anchor, v.sel.caret, v.sel.placed, v.sel.unit, v.sel.goalSet = start, end, true, unitChar, false
	if start == v.sel.start && end == v.sel.end {
		v.page.Refresh() // only the caret moved
		return
	}
	v.setSel(start, end)
}

// SelectedText returns the selected part of the canonical text.
func (v *ArticleView) SelectedText() string {
	s, e := v.sel.bounds()
	return string(v.text[s:e])
}

// ScrollToOffset scrolls so that the line holding off is in view; a line
// already in view stays where it is.
func (v *ArticleView) ScrollToOffset(off int) {
	v.scrollToOffset(v.clamp(off), false)
}

// SetTopOffset scrolls so that the line holding off is the first line of
// the viewport: with TopOffset it restores the reader's place.
func (v *ArticleView) SetTopOffset(off int) {
	v.scrollToOffset(v.clamp(off), true)
}

// SetEndSpace puts h of blank space after the text, so that a line near
// the end, or any line of a text shorter than the view, can be scrolled
// to the top of the view: a panel beside a passage (the actor picker)
// then has room below it in a small window. 0 takes it away again, and
// the view scrolls back within the text.
func (v *ArticleView) SetEndSpace(h float32) {
	h = max(0, h)
	if h == v.endSpace {
		return
	}
	v.endSpace = h
	if v.layout != nil {
		v.page.minH = v.layout.height() + h
	}
	v.scroll.Refresh()
	v.page.Refresh()
}

// ScrollToHighlight scrolls to the start of the highlight with the given ID.
func (v *ArticleView) ScrollToHighlight(id string) {
	if i := v.hl.index(id); i >= 0 {
		v.scrollToOffset(v.hl.hs[i].Start, false)
	}
}

// SetTextSize sets the body text size in Fyne units (0: the theme's), keeping
// the line at the top of the viewport at the top.
func (v *ArticleView) SetTextSize(size float32) {
	if size == v.textSize {
		return
	}
	v.keepPlace(func() { v.textSize = size })
}

// keepPlace applies a change that re-flows the text (change) and keeps
// the line at the top of the viewport there; a view scrolled to the very
// top stays there, header and all.
func (v *ArticleView) keepPlace(change func()) {
	if v.scroll.Offset.Y > 0 {
		top := v.keptTop()
		v.rendered.pending, v.rendered.pendingAt = top+1, true
	}
	change()
	v.relayout()
}

// TextSize returns the body text size in use.
func (v *ArticleView) TextSize() float32 {
	if v.textSize > 0 {
		return v.textSize
	}
	return v.Theme().Size(theme.SizeNameText)
}

// TopOffset returns the offset of the first line at the top of the viewport
// (to restore the reader's place later with ScrollToOffset).
func (v *ArticleView) TopOffset() int {
	l := v.layout
	if l == nil || len(l.paras) == l.nHead {
		return 0
	}
	y := v.scroll.Offset.Y
	l.updateTops()
	i := l.paraAtY(y)
	if i < l.nHead {
		return 0
	}
	l.ensure(i)
	l.updateTops()
	p := l.paras[i]
	j := int((y - l.tops[i] - p.before*l.size + l.lineHeight(p)/2) / l.lineHeight(p))
	if j >= len(p.lines) {
		if i+1 < len(l.paras) {
			return l.paras[i+1].start
		}
		return p.start + len(p.runes)
	}
	return p.start + int(p.lines[max(0, j)].from)
}

// keptTop is the offset a re-flow (new width or text size) keeps at the
// top of the viewport: the one put there last if the reader has not
// scrolled since, else the line at the top now.
func (v *ArticleView) keptTop() int {
	st := &v.rendered
	if st.topKnown && st.topY == v.scroll.Offset.Y {
		return st.topOff
	}
	return v.TopOffset()
}

// Refresh re-reads the theme (colours, fonts, text size) and redraws.
func (v *ArticleView) Refresh() {
	v.BaseWidget.Refresh() // first: it drops the cached theme
	v.pal = nil
	v.relayout()
}

// CreateRenderer is part of fyne.Widget.
func (v *ArticleView) CreateRenderer() fyne.WidgetRenderer {
	return &articleViewRenderer{v: v, objects: []fyne.CanvasObject{v.scroll}}
}

// articleViewRenderer lays out the view's scroll container and rebuilds the
// visible lines whenever the viewport changed size. The scroll container
// resizes the page only when the page's own size changes, and a page taller
// than the viewport keeps its size when only the viewport grows taller (as
// when the pane's height is settled in a second layout pass after a wider
// window): without this the lines below the old viewport stayed blank until
// the next scroll.
type articleViewRenderer struct {
	v       *ArticleView
	objects []fyne.CanvasObject
}

// Layout is part of fyne.WidgetRenderer.
func (r *articleViewRenderer) Layout(size fyne.Size) {
	r.v.scroll.Resize(size)
	r.v.scroll.Move(fyne.Position{})
	if r.v.scroll.Size() != r.v.rendered.viewport {
		r.v.page.Refresh()
	}
}

// MinSize is part of fyne.WidgetRenderer.
func (r *articleViewRenderer) MinSize() fyne.Size { return r.v.scroll.MinSize() }

// Refresh is part of fyne.WidgetRenderer.
func (r *articleViewRenderer) Refresh() { r.v.scroll.Refresh() }

// Objects is part of fyne.WidgetRenderer.
func (r *articleViewRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy is part of fyne.WidgetRenderer.
func (r *articleViewRenderer) Destroy() {}

// FocusTarget is the object to focus (canvas.Focus) for keyboard use; it
// is also focused by a click into the text.
func (v *ArticleView) FocusTarget() fyne.Focusable { return v.page }

// ensureLayout creates or renews the shaper and layout when the theme
// changed, since fonts come from the theme.
func (v *ArticleView) ensureLayout() {
	th := v.Theme()
	if v.layout != nil && th == v.themeRef && v.layout.sh.fontsOf(th) {
		return
	}
	v.themeRef = th
	sh := newTextShaperWith(th, v.fonts)
	if v.layout == nil {
		v.layout = newTextLayout(sh, 0)
		return
	}
	v.layout.sh = sh
	v.layout.size, v.layout.width = 0, 0 // forces re-shaping on the next render
}

// SetFonts makes the view take its parsed fonts from fonts, shared with
// other widgets and perhaps parsed before the view needs them; call it
// before the view is shown.
func (v *ArticleView) SetFonts(fonts *Fonts) {
	v.fonts = fonts
	if v.layout != nil {
		v.themeRef = nil // a new shaper with the shared fonts on the next render
	}
}

// relayout applies theme and size changes and redraws the visible part.
func (v *ArticleView) relayout() {
	v.ensureLayout()
	v.page.Refresh()
}

// clamp limits an offset to the text.
func (v *ArticleView) clamp(off int) int { return max(0, min(off, len(v.text))) }

// The view itself is focusable too (canvas.Focus(view) works); it hands
// keyboard events to its page, which a click focuses.

// FocusGained is part of fyne.Focusable.
func (v *ArticleView) FocusGained() { v.page.FocusGained() }

// FocusLost is part of fyne.Focusable.
func (v *ArticleView) FocusLost() { v.page.FocusLost() }

// TypedRune is part of fyne.Focusable.
func (v *ArticleView) TypedRune(r rune) { v.page.TypedRune(r) }

// TypedKey is part of fyne.Focusable.
func (v *ArticleView) TypedKey(ev *fyne.KeyEvent) { v.page.TypedKey(ev) }

// TypedShortcut is part of fyne.Shortcutable.
func (v *ArticleView) TypedShortcut(s fyne.Shortcut) { v.page.TypedShortcut(s) }

// KeyDown is part of desktop.Keyable.
func (v *ArticleView) KeyDown(ev *fyne.KeyEvent) { v.page.KeyDown(ev) }

// KeyUp is part of desktop.Keyable.
func (v *ArticleView) KeyUp(ev *fyne.KeyEvent) { v.page.KeyUp(ev) }
