package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/widgets"
)

// Reader text sizes the View menu and Preferences move between.
const (
	minTextSize     = 11
	maxTextSize     = 28
	defaultTextSize = 16
)

// readerActions are what the reader pane asks of the controller.
type readerActions struct {
	// selectHighlight makes a highlight (a click on it) or none ("", a
	// click elsewhere, Escape) the one Edit and Delete act on.
	selectHighlight func(id string)
	// highlightMenu opens a highlight's context menu.
	highlightMenu func(id string, abs fyne.Position)
	// highlight highlights the selection (the context menu's first item).
	highlight func()
}

// readerPane shows the current article in an ArticleView, whose page
// begins with the article's header (kicker, title, standfirst, byline with
// date and site, link to the source) and scrolls it with the text.
type readerPane struct {
	sh      *shell
	do      readerActions
	view    *widgets.ArticleView
	find    *articleFind
	empty   *widget.Label
	content *fyne.Container

	textSize float32
	// shaped, when set, gives the next article's text shaped ahead, on
	// another goroutine (start-up's first article; see preloadStart).
	shaped <-chan *widgets.Preshaped
	// onKey gets the keys the text does not use (F10 opens the menus).
	onKey func(fyne.KeyName)
}

func newReaderPane(sh *shell, do readerActions) *readerPane {
	r := &readerPane{sh: sh, do: do}
	r.view = widgets.NewArticleView()
	r.view.SetFonts(sh.fonts)
	r.textSize = savedTextSize(sh.prefs())
	r.view.SetTextSize(r.textSize)
	r.view.OnHighlightTapped = do.selectHighlight
	r.view.OnHighlightContext = do.highlightMenu
	r.view.OnContext = r.selectionMenu
	r.view.OnTypedKey = func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape:
			r.find.close() // the find's marks go with the selection
			r.letGo()
		case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && r.find.active():
			if shiftHeld() {
				r.find.step(-1)
			} else {
				r.find.step(+1)
			}
		case r.onKey != nil:
			r.onKey(ev.Name)
		}
	}
	r.view.OnSelectionChanged = func(start, end int) {
		// A click elsewhere or a new selection lets go of the highlight
		// (a click on one selects it again right after, on release).
		if r.view.MarkedHighlight() != "" {
			do.selectHighlight("")
		}
	}
	// With nothing focused (at start, or after choosing an article in the
	// library list) Ctrl+A and Ctrl+C still mean the article: the desktop
	// driver hands them to the canvas, which had no handler for them.
	c := sh.canvas()
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(s fyne.Shortcut) {
		r.focus()
		r.view.TypedShortcut(s)
	})
	c.AddShortcut(&fyne.ShortcutCopy{}, func(s fyne.Shortcut) { r.view.TypedShortcut(s) })
	r.empty = widget.NewLabel("Open an article with File ▸ Open, paste a page copied from the browser with Ctrl+Shift+V, or drop a file here.")
	r.empty.Alignment = fyne.TextAlignCenter
	r.empty.Truncation = fyne.TextTruncateEllipsis
	r.find = newArticleFind(r)
	r.content = container.NewBorder(r.find.bar, nil, nil, nil, container.NewStack(r.view, container.NewCenter(r.empty)))
	return r
}

// setKeys hands the letters, keys and shortcuts the article text does not
// use to the window (H highlights, E edits, F10 and menu shortcuts).
func (r *readerPane) setKeys(onRune func(rune), onKey func(fyne.KeyName), onShortcut func(fyne.Shortcut)) {
	r.view.OnTypedRune = onRune
	r.onKey = onKey
	r.view.OnShortcut = onShortcut
}

// show puts an article and its highlights on screen.
func (r *readerPane) show(art *article.Article, hls []widgets.Highlight) {
	r.empty.Hide()
	r.view.SetDocumentShaped(document(art), r.takeShaped())
	r.view.SetHighlights(hls)
	r.find.articleShown(art)
	// Ready to read from the keyboard (Page Down, Shift+arrows) unless the
	// reader is typing elsewhere, e.g. in the search field.
	if r.sh.canvas().Focused() == nil {
		r.focus()
	}
}

// takeShaped returns the text shaped ahead for the article shown next
// when it is done (nil otherwise: the view shapes it then), once.
func (r *readerPane) takeShaped() *widgets.Preshaped {
	ch := r.shaped
	r.shaped = nil
	select {
	case pre := <-ch: // a nil channel is never ready
		return pre
	default:
		return nil
	}
}

// savedTextSize is the reader's text size the reader chose last.
func savedTextSize(p fyne.Preferences) float32 {
	return float32(p.FloatWithFallback(prefFontSize, defaultTextSize))
}

// clear shows the empty state, e.g. when the library has no article.
func (r *readerPane) clear() {
	r.view.SetDocument(widgets.Document{})
	r.view.SetHighlights(nil)
	r.find.close()
	r.empty.Show()
}

// standfirst is the article's description to show under the title, or ""
// when the text already begins with it: a page's meta description is
// often its lead paragraph, cut short with an ellipsis, or the text's
// first standfirstBlocks paragraphs together (a quote and the line that
// introduces the interview).
func standfirst(art *article.Article) string {
	d := strings.TrimSpace(art.Description)
	lead := strings.Join(strings.Fields(strings.TrimRight(d, "….  ")), " ")
	if lead == "" {
		return d
	}
	var opening []string
	for _, b := range art.Blocks[:min(standfirstBlocks, len(art.Blocks))] {
		opening = append(opening, strings.Fields(b.Text)...)
		if strings.HasPrefix(strings.Join(opening, " "), lead) {
			return ""
		}
	}
	return d
}

// standfirstBlocks is how many of the text's first paragraphs a
// description may repeat: a page's description is its lead, which a text
// may split into two or three paragraphs.
const standfirstBlocks = 3

// byline joins authors, date and site: "Anna Meier, Tom Roth · 3 Mar 2026 · tagesschau.de".
func byline(art *article.Article) string {
	var parts []string
	if len(art.Authors) > 0 {
		parts = append(parts, strings.Join(art.Authors, ", "))
	}
	if !art.Published.IsZero() {
		parts = append(parts, art.Published.Format("2 January 2006"))
	}
	if art.Site != "" {
		parts = append(parts, art.Site)
	}
	return strings.Join(parts, " · ")
}

// document turns an article into the ArticleView's model, header and
// body; offsets match because both join block texts with two separator
// code points.
func document(art *article.Article) widgets.Document {
	doc := widgets.Document{
		Kicker:     art.Kicker,
		Title:      orUntitled(art.Title),
		Standfirst: standfirst(art),
		Byline:     byline(art),
		Blocks:     make([]widgets.Block, len(art.Blocks)),
	}
	if u, err := url.Parse(art.URL); art.URL != "" && err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		doc.SourceLabel, doc.Source = "Source: "+u.Hostname(), u
	}
	for i, b := range art.Blocks {
		k := widgets.BlockParagraph
		switch b.Type {
		case article.Heading:
			k = widgets.BlockHeading
		case article.Quote:
			k = widgets.BlockQuote
		case article.ListItem:
			k = widgets.BlockListItem
		case article.Caption:
			k = widgets.BlockCaption
		case article.Preformatted:
			k = widgets.BlockPre
		}
		doc.Blocks[i] = widgets.Block{Kind: k, Level: b.Level, Text: b.Text}
	}
	return doc
}

// mark outlines a highlight in the text ("" none); scroll brings it into view.
func (r *readerPane) mark(id string, scroll bool) {
	if scroll {
		r.view.ScrollToHighlight(id)
	}
	r.view.MarkHighlight(id)
}

// letGo is Escape in the text: the selection collapses to its end and no
// highlight stays selected.
func (r *readerPane) letGo() {
	_, e := r.view.Selection()
	r.view.SetSelection(e, e)
	r.do.selectHighlight("")
}

// selectionMenu is the reader's context menu elsewhere in the text.
func (r *readerPane) selectionMenu(offset int, abs fyne.Position) {
	items := []*fyne.MenuItem{fyne.NewMenuItem("Highlight Selection…", r.do.highlight)}
	if s, e := r.view.Selection(); s == e {
		items[0].Disabled = true
	}
	items = append(items, fyne.NewMenuItem("Copy", func() {
		if t := r.view.SelectedText(); t != "" {
			r.sh.clipboard().SetContent(t)
		}
	}))
	r.sh.showMenu(items, abs)
}

// changeTextSize grows or shrinks the reader's text, keeping the place.
func (r *readerPane) changeTextSize(d float32) {
	r.setTextSize(r.textSize + d)
}

// currentTextSize is the reader's text size (Preferences shows it).
func (r *readerPane) currentTextSize() float32 { return r.textSize }

// setTextSize applies and remembers the reader's text size.
func (r *readerPane) setTextSize(s float32) {
	s = min(max(s, minTextSize), maxTextSize)
	r.textSize = s
	r.view.SetTextSize(s)
	r.sh.prefs().SetFloat(prefFontSize, float64(s))
}

// encodeReadingStyle is how a reading style is stored in the library:
// "medium normal serif" (the widget's words, so a later version reads it).
func encodeReadingStyle(st widgets.ReadingStyle) string {
	return string(st.Measure) + " " + string(st.Spacing) + " " + string(st.Font)
}

// decodeReadingStyle reads encodeReadingStyle's form; missing or unknown
// words are the defaults.
func decodeReadingStyle(s string) widgets.ReadingStyle {
	f := append(strings.Fields(s), "", "", "")
	return widgets.ReadingStyle{Measure: widgets.Measure(f[0]), Spacing: widgets.Spacing(f[1]), Font: widgets.BodyFont(f[2])}
}

// focus gives the keyboard to the article text.
func (r *readerPane) focus() {
	r.sh.focus(r.view)
}

// setHighlights draws the article's highlights.
func (r *readerPane) setHighlights(hs []widgets.Highlight) { r.view.SetHighlights(hs) }

// updateHighlight redraws one highlight, new or changed.
func (r *readerPane) updateHighlight(h widgets.Highlight) { r.view.UpdateHighlight(h) }

// removeHighlight takes a highlight out of the text.
func (r *readerPane) removeHighlight(id string) { r.view.RemoveHighlight(id) }

// selection is the selected range of the text, start ≤ end.
func (r *readerPane) selection() (start, end int) {
	start, end = r.view.Selection()
	if start > end {
		start, end = end, start
	}
	return start, end
}

// reselect selects a passage again and scrolls to it (undo of a new
// highlight: H tags it anew).
func (r *readerPane) reselect(start, end int) {
	r.view.SetSelection(start, end)
	r.view.ScrollToOffset(start)
}

// collapseSelection ends the selection at end, e.g. once it is highlighted.
func (r *readerPane) collapseSelection(end int) { r.view.SetSelection(end, end) }

// Where anchorFor scrolls a passage to: into view if it is not (the
// reader's place otherwise kept), to the top of the view (the most room
// below it) or to its bottom (the most room above).
type passagePlace int

const (
	passageInView passagePlace = iota
	passageAtTop
	passageAtBottom
)

// bottomSearch bounds how far before a passage scrolling it to the
// bottom of the view looks for the top line: more text than any screen
// shows, so that a passage deep in a 30 MB page lays out lines near it
// only.
const bottomSearch = 20000

// anchorFor is where the passage [start, end) is on the canvas, for a
// panel to sit beside it, once scrolled to place. nil when it has no
// place (start < 0) or is not laid out.
func (r *readerPane) anchorFor(start, end int, place passagePlace) *anchor {
	if start < 0 || end <= start {
		return nil
	}
	// Blank space after the text lets a line near its end (or any line
	// of a short article) reach the top of the view; the picker takes it
	// away as it closes (endPicker).
	if place == passageAtTop {
		r.view.SetEndSpace(r.view.Size().Height)
	} else {
		r.view.SetEndSpace(0)
	}
	switch place {
	case passageInView:
		r.view.ScrollToOffset(start)
	case passageAtTop:
		r.view.SetTopOffset(start)
	case passageAtBottom:
		r.scrollToBottom(start, end)
	}
	pos, size, ok := r.view.RangeBounds(start, end)
	if !ok {
		return nil
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view)
	return &anchor{pos: abs.Add(pos), size: size, column: abs.AddXY(pos.X, 0), columnW: size.Width}
}

// endPicker takes away the blank space anchorFor put after the text.
func (r *readerPane) endPicker() { r.view.SetEndSpace(0) }

// scrollToBottom scrolls the passage [start, end) to the bottom of the
// view, whole: the view can only put a line at its top, so this looks
// for the earliest top line that leaves the passage whole in view (the
// passage moves down as the top line moves up). A passage taller than
// the view stays at its top.
func (r *readerPane) scrollToBottom(start, end int) {
	r.view.SetTopOffset(start)
	_, full, ok := r.view.RangeBounds(start, end)
	if !ok {
		return
	}
	whole := func(top int) bool {
		r.view.SetTopOffset(top)
		pos, size, ok := r.view.RangeBounds(start, end)
		return ok && size.Height >= full.Height && pos.Y+size.Height <= r.view.Size().Height
	}
	lo, hi := max(0, start-bottomSearch), start
	for lo < hi {
		if mid := (lo + hi) / 2; whole(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	r.view.SetTopOffset(lo)
}

// place is the reading position: the offset of the first line in view.
func (r *readerPane) place() int { return r.view.TopOffset() }

// setPlace scrolls back to a reading position, unless the article was
// opened from a search whose words the reader is taken to instead.
func (r *readerPane) setPlace(off int) {
	if r.find.keepPlace(off) {
		return
	}
	r.view.SetTopOffset(off)
}
