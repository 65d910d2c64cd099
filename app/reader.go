package app

import (
	"image/color"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// Reader text sizes the View menu and Preferences move between.
const (
	minTextSize     = 11
	maxTextSize     = 28
	defaultTextSize = 16
)

// reader shows the current article: a metadata header (kicker, title,
// byline with date and site, link to the source) above the ArticleView.
type reader struct {
	a       *App
	kicker  *widget.Label
	title   *widget.Label
	byline  *widget.Label
	link    *widget.Hyperlink
	view    *widgets.ArticleView
	header  *fyne.Container
	empty   *widget.Label
	content *fyne.Container

	textSize float32
	// selectedHL is the highlight last tapped in the reader or the notes
	// pane; Edit and Delete act on it.
	selectedHL string
}

func newReader(a *App) *reader {
	r := &reader{a: a}
	r.kicker = widget.NewLabel("")
	r.kicker.Importance = widget.HighImportance
	r.kicker.TextStyle.Bold = true
	r.kicker.Wrapping = fyne.TextWrapWord
	r.title = widget.NewLabel("")
	r.title.SizeName = theme.SizeNameHeadingText
	r.title.TextStyle.Bold = true
	r.title.Wrapping = fyne.TextWrapWord
	r.byline = widget.NewLabel("")
	r.byline.Wrapping = fyne.TextWrapWord
	r.link = widget.NewHyperlink("", nil)
	r.view = widgets.NewArticleView()
	r.textSize = float32(a.fa.Preferences().FloatWithFallback(prefFontSize, defaultTextSize))
	r.view.SetTextSize(r.textSize)
	r.view.OnHighlightTapped = func(id string) { r.selectHighlight(id, false) }
	r.view.OnHighlightContext = r.highlightMenu
	r.view.OnContext = r.selectionMenu
	r.view.OnTypedKey = func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			r.letGo()
		}
	}
	r.view.OnSelectionChanged = func(start, end int) {
		// A click elsewhere or a new selection lets go of the highlight
		// (a click on one selects it again right after, on release).
		if r.selectedHL != "" {
			r.selectHighlight("", false)
		}
	}
	// With nothing focused (at start, or after choosing an article in the
	// library list) Ctrl+A and Ctrl+C still mean the article: the desktop
	// driver hands them to the canvas, which had no handler for them.
	c := a.win.Canvas()
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(s fyne.Shortcut) {
		r.focus()
		r.view.TypedShortcut(s)
	})
	c.AddShortcut(&fyne.ShortcutCopy{}, func(s fyne.Shortcut) { r.view.TypedShortcut(s) })
	r.empty = widget.NewLabel("Open an article with File ▸ Open, paste a page copied from the browser with Ctrl+Shift+V, or drop a file here.")
	r.empty.Alignment = fyne.TextAlignCenter
	r.empty.Truncation = fyne.TextTruncateEllipsis
	r.header = container.NewVBox(r.kicker, r.title, container.NewBorder(nil, nil, nil, r.link, r.byline), widget.NewSeparator())
	r.header.Hide()
	r.content = container.NewBorder(r.header, nil, nil, nil, container.NewStack(r.view, container.NewCenter(r.empty)))
	return r
}

// show puts an article and its highlights on screen.
func (r *reader) show(art *article.Article, info storage.ArticleInfo, hls []annotation.Highlight) {
	r.empty.Hide()
	r.selectedHL = ""
	r.kicker.SetText(art.Kicker)
	r.kicker.Hidden = art.Kicker == ""
	r.title.SetText(orUntitled(art.Title))
	r.byline.SetText(byline(art))
	r.link.Hidden = true
	if art.URL != "" {
		if u, err := url.Parse(art.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			r.link.SetText("Source: " + u.Hostname())
			r.link.SetURL(u)
			r.link.Hidden = false
		}
	}
	r.header.Show()
	r.header.Refresh()
	// Lay the pane out now, not at the next frame: a jump to a highlight
	// right after this must see the view's height under the header.
	r.content.Refresh()
	r.view.SetDocument(document(art))
	r.view.SetHighlights(r.viewHighlights(hls))
	// Ready to read from the keyboard (Page Down, Shift+arrows) unless the
	// reader is typing elsewhere, e.g. in the search field.
	if r.a.win.Canvas().Focused() == nil {
		r.focus()
	}
}

// clear shows the empty state, e.g. when the library has no article.
func (r *reader) clear() {
	r.header.Hide()
	r.view.SetDocument(widgets.Document{})
	r.view.SetHighlights(nil)
	r.empty.Show()
}

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

// document turns an article into the ArticleView's model; offsets match
// because both join block texts with two separator code points.
func document(art *article.Article) widgets.Document {
	doc := widgets.Document{Blocks: make([]widgets.Block, len(art.Blocks))}
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

// viewHighlights maps stored highlights to coloured ranges; orphaned ones
// have no place in the text and are listed only in the notes pane.
func (r *reader) viewHighlights(hls []annotation.Highlight) []widgets.Highlight {
	out := make([]widgets.Highlight, 0, len(hls))
	for _, h := range hls {
		if h.Orphaned != "" {
			continue
		}
		out = append(out, r.a.viewHighlight(h))
	}
	return out
}

// viewHighlight colours a highlight by its own colour, else its first
// actor's; with several actors each gets a stripe under the passage.
func (a *App) viewHighlight(h annotation.Highlight) widgets.Highlight {
	vh := widgets.Highlight{ID: h.ID, Start: h.Start, End: h.End, Color: defaultHighlightColor}
	cols := a.actorColors(h)
	if c, ok := parseColor(h.Color); ok {
		vh.Color = c
	} else if len(cols) > 0 {
		vh.Color = cols[0]
	}
	if len(cols) > 1 {
		// one stripe per actor, so every actor's colour shows
		vh.Stripes = cols
	}
	return vh
}

// actorColors lists the colours of a highlight's actors, in its order.
func (a *App) actorColors(h annotation.Highlight) []color.Color {
	var out []color.Color
	for _, ref := range h.Actors {
		if act, ok := a.actors[ref.ActorID]; ok {
			if c, ok := parseColor(act.Color); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// defaultHighlightColor marks passages without coloured actors.
var defaultHighlightColor = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}

// parseColor reads "#rrggbb" (the storage format) into a colour.
func parseColor(s string) (color.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return nil, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return nil, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// formatColor writes a colour as "#rrggbb".
func formatColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const hex = "0123456789abcdef"
	b := []byte{'#', hex[n.R>>4], hex[n.R&15], hex[n.G>>4], hex[n.G&15], hex[n.B>>4], hex[n.B&15]}
	return string(b)
}

// selectHighlight makes a highlight the target of Edit/Delete and shows it
// in both panes, outlined in the text and marked in the notes; fromNotes
// scrolls the reader to it. "" selects none.
func (r *reader) selectHighlight(id string, fromNotes bool) {
	r.selectedHL = id
	if fromNotes {
		r.view.ScrollToHighlight(id)
	}
	r.view.MarkHighlight(id)
	r.a.notes.reveal(id)
	r.a.notes.markSelected(id)
}

// letGo is Escape in the text: the selection collapses to its end and no
// highlight stays selected.
func (r *reader) letGo() {
	_, e := r.view.Selection()
	r.view.SetSelection(e, e)
	r.selectHighlight("", false)
}

// highlightMenu is the reader's context menu on a highlight.
func (r *reader) highlightMenu(id string, abs fyne.Position) {
	r.selectHighlight(id, false)
	r.a.showHighlightMenu(id, abs)
}

// selectionMenu is the reader's context menu elsewhere in the text.
func (r *reader) selectionMenu(offset int, abs fyne.Position) {
	items := []*fyne.MenuItem{fyne.NewMenuItem("Highlight Selection…", r.a.highlightSelection)}
	if s, e := r.view.Selection(); s == e {
		items[0].Disabled = true
	}
	items = append(items, fyne.NewMenuItem("Copy", func() {
		if t := r.view.SelectedText(); t != "" {
			r.a.fa.Clipboard().SetContent(t)
		}
	}))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), r.a.win.Canvas(), abs)
}

// changeTextSize grows or shrinks the reader's text, keeping the place.
func (r *reader) changeTextSize(d float32) {
	r.setTextSize(r.textSize + d)
}

// setTextSize applies and remembers the reader's text size.
func (r *reader) setTextSize(s float32) {
	if s < minTextSize {
		s = minTextSize
	}
	if s > maxTextSize {
		s = maxTextSize
	}
	r.textSize = s
	r.view.SetTextSize(s)
	r.a.fa.Preferences().SetFloat(prefFontSize, float64(s))
}

// focus gives the keyboard to the article text.
func (r *reader) focus() {
	if f, ok := any(r.view).(fyne.Focusable); ok {
		r.a.win.Canvas().Focus(f)
	}
}
