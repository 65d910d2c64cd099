package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/storage"
)

// Sort orders offered by the library pane.
const (
	sortAdded     = "Newest added"
	sortPublished = "Newest published"
)

// libraryPane lists the library's articles with title, site, date and number
// of highlights, filtered by a search over title and text.
type libraryPane struct {
	sh      *shell
	do      libraryActions
	search  *searchEntry
	sortBy  *widget.Select
	list    *articleList
	count   *widget.Label
	content fyne.CanvasObject

	items    []storage.ArticleInfo
	selected string
	// reading is set while a list or search read runs in the background,
	// again when the search text changed meanwhile: typing then starts
	// one read after the running one instead of one per keystroke (each
	// scans every article's text, ~150 ms for 1,000 articles, and eight
	// of them at once made the last one's result arrive late).
	reading, again bool
	// reads counts the reads started, so that tests can see typing
	// coalesce them.
	reads int
	// selecting is set while the program (not the reader) selects a row.
	selecting bool
	// row is the row the list marks, -1 for none. List.Select scrolls to
	// a new row and redraws every visible row (their texts measured again,
	// ~20 ms); knowing the mark spares a second ScrollTo and redraw.
	row int
}

// libraryActions are what the library pane asks of the controller.
type libraryActions struct {
	// list reads the articles, or those whose title or text holds query;
	// it runs off the main goroutine.
	list func(query string) ([]storage.ArticleInfo, error)
	// open shows an article in the reader.
	open func(id string)
	// focusReader gives the keyboard to the article text.
	focusReader func()
}

func newLibraryPane(sh *shell, do libraryActions) *libraryPane {
	p := &libraryPane{sh: sh, do: do, row: -1}
	p.search = newSearchEntry(p)
	p.search.SetPlaceHolder("Search title and text")
	p.search.OnChanged = func(string) { p.reload() }
	p.search.OnSubmitted = func(string) { p.openFirst() }
	p.sortBy = widget.NewSelect([]string{sortAdded, sortPublished}, func(s string) {
		sh.prefs().SetString(prefSort, s)
		p.sortItems()
		p.list.Refresh()
		// The list remembers a row number, not an article: without this the
		// mark stays on whatever row moved there, and a click on that row
		// opens nothing because the list thinks it is already selected.
		p.markSelected(p.selected)
	})
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.list = newArticleList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Title")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("site · date")
			meta.SizeName = theme.SizeNameCaptionText
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.New(&tightVBox{}, title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.items) {
				return
			}
			it := p.items[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(orUntitled(it.Title))
			c.Objects[1].(*widget.Label).SetText(articleLine(it))
		},
	)
	p.list.onRune = func(r rune) {
		// The window's letter keys (H, E), as when nothing has the focus.
		if h := sh.canvas().OnTypedRune(); h != nil {
			h(r)
		}
	}
	p.list.OnSelected = func(i widget.ListItemID) {
		p.row = i
		if !p.selecting {
			// A click or a key in the list: the list keeps the keyboard,
			// so that the arrows go on through the articles. (A click
			// does not focus a List that another widget extends: the
			// desktop driver cannot find its canvas.)
			sh.focus(p.list)
		}
		if i < len(p.items) && p.items[i].ID != p.selected {
			p.selected = p.items[i].ID
			do.open(p.items[i].ID)
		}
	}
	p.sortBy.SetSelected(sh.prefs().StringWithFallback(prefSort, sortAdded))
	top := container.NewVBox(p.search, container.NewBorder(nil, nil, p.count, nil, p.sortBy))
	p.content = container.NewBorder(top, nil, nil, nil, p.list)
	return p
}

// articleLine is the second line of a library row: site, date, highlights.
func articleLine(it storage.ArticleInfo) string {
	var parts []string
	if it.Site != "" {
		parts = append(parts, it.Site)
	}
	switch {
	case !it.Published.IsZero():
		parts = append(parts, it.Published.Format("2 Jan 2006"))
	case !it.Added.IsZero():
		// Said as such, so that it is not read as the publication date.
		parts = append(parts, "added "+it.Added.Format("2 Jan 2006"))
	}
	switch it.Highlights {
	case 0:
	case 1:
		parts = append(parts, "1 highlight")
	default:
		parts = append(parts, fmt.Sprintf("%d highlights", it.Highlights))
	}
	if it.Orphaned > 0 {
		// "orphaned", as the README, the notes pane and the export call
		// them: the highlight is kept, only its place in the text is gone.
		parts = append(parts, fmt.Sprintf("%d orphaned", it.Orphaned))
	}
	return strings.Join(parts, " · ")
}

func orUntitled(s string) string {
	if s == "" {
		return "Untitled"
	}
	return s
}

// reload reads the article list (or the search result) off the main
// goroutine and shows it, keeping the current article selected. While a
// read runs, a new one waits for it and then reads the text as it is by
// then, so that fast typing never queues a search per keystroke; reads
// finish in order, so a result shown is never older than the one before.
func (p *libraryPane) reload() {
	if p.reading {
		p.again = true
		return
	}
	p.reading = true
	p.reads++
	q := strings.TrimSpace(p.search.Text)
	var items []storage.ArticleInfo
	var err error
	p.sh.run(func() {
		items, err = p.do.list(q)
	}, func() {
		if err != nil {
			p.sh.showError("Could not read the library", err)
		} else {
			p.setItems(items, q != "")
		}
		p.readDone()
	})
}

// readDone ends a read and starts the one that waited for it, if the
// search text changed meanwhile.
func (p *libraryPane) readDone() {
	p.reading = false
	if p.again {
		p.again = false
		p.reload()
	}
}

// setItems shows a list of articles.
func (p *libraryPane) setItems(items []storage.ArticleInfo, searching bool) {
	p.items = items
	p.sortItems()
	switch {
	case searching:
		p.count.SetText(fmt.Sprintf("%d found", len(items)))
	case len(items) == 1:
		p.count.SetText("1 article")
	default:
		p.count.SetText(fmt.Sprintf("%d articles", len(items)))
	}
	p.list.Refresh()
	p.markSelected(p.selected)
}

// sortItems orders the list by the chosen date, newest first. Sorted by
// publication, articles without a known date come last (newest added
// first): their import date says nothing about when they were published,
// and would put every undated page above this week's news.
func (p *libraryPane) sortItems() {
	byPub := p.sortBy.Selected == sortPublished
	sort.SliceStable(p.items, func(i, j int) bool {
		a, b := p.items[i], p.items[j]
		if byPub && !a.Published.Equal(b.Published) {
			switch {
			case a.Published.IsZero():
				return false
			case b.Published.IsZero():
				return true
			}
			return a.Published.After(b.Published)
		}
		return a.Added.After(b.Added)
	})
}

// markSelected highlights an article's row without opening it again.
func (p *libraryPane) markSelected(id string) {
	p.selected = id
	if i := p.rowOf(id); i >= 0 {
		p.showRow(i)
		return
	}
	p.unmark()
}

// markOpened marks the row of the article just opened. Opened from the
// list (a click, the arrows) the row is marked and in view already;
// opened another way (a file, a jump, start-up), marking it scrolls to it.
func (p *libraryPane) markOpened(id string) {
	p.selected = id
	switch i := p.rowOf(id); {
	case i < 0:
		p.unmark()
	case i != p.row:
		p.selectRow(i)
	}
}

// rowOf is the row of the article with id in the list, -1 when it is not
// listed (a search hides it, or it is gone).
func (p *libraryPane) rowOf(id string) int {
	for i, it := range p.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// unmark takes the mark off every row.
func (p *libraryPane) unmark() {
	p.list.UnselectAll()
	p.row = -1
}

// showRow marks row i and brings it into view, with one redraw of the
// list: Select scrolls to a row it newly marks by itself.
func (p *libraryPane) showRow(i int) {
	if p.row == i {
		p.list.ScrollTo(i)
		return
	}
	p.selectRow(i)
}

// updateInfo refreshes one row after its highlights changed.
func (p *libraryPane) updateInfo(info storage.ArticleInfo) {
	if i := p.rowOf(info.ID); i >= 0 {
		p.items[i] = info
		p.list.RefreshItem(i)
	}
}

// step opens the next or previous article in the list.
func (p *libraryPane) step(d int) {
	if p.sh.dialogOpen() {
		return // the picker or a question belongs to the article in the reader
	}
	if i := p.rowOf(p.selected); i >= 0 {
		if j := i + d; j >= 0 && j < len(p.items) {
			p.showRow(j)
		}
		return
	}
	if len(p.items) > 0 {
		p.selectRow(0)
	}
}

// selectRow selects a row for the program, leaving the focus where it is.
func (p *libraryPane) selectRow(i int) {
	p.selecting = true
	defer func() { p.selecting = false }()
	p.list.Select(i)
}

// openFirst opens the first article found and gives the keyboard to the
// reader: Ctrl+F, a few letters, Enter, and the article is there to read.
func (p *libraryPane) openFirst() {
	if len(p.items) == 0 {
		return
	}
	if p.items[0].ID != p.selected {
		p.selectRow(0)
	}
	p.do.focusReader()
}

// searchEntry is the search field: Escape clears the search, and on an
// empty field gives the keyboard back to the reader.
type searchEntry struct {
	widget.Entry
	p *libraryPane
	// onKey and onShortcut get F10 and the menus' Alt+letter.
	onKey      func(fyne.KeyName)
	onShortcut func(fyne.Shortcut)
}

func newSearchEntry(p *libraryPane) *searchEntry {
	e := &searchEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and F10; everything else is the Entry's.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF10 && e.onKey != nil {
		e.onKey(ev.Name)
		return
	}
	if ev.Name != fyne.KeyEscape {
		e.Entry.TypedKey(ev)
		return
	}
	if e.Text != "" {
		e.SetText("")
		return
	}
	e.p.do.focusReader()
}

// focusList gives the keyboard to the article list (↑/↓ open articles).
func (p *libraryPane) focusList() {
	p.sh.focus(p.list)
}

// TypedShortcut passes Alt+letter on to the window (the menus): an Entry
// has no use for it.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && e.onShortcut != nil {
		e.onShortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}

// setKeys hands F10 and the shortcuts the list and search field do not use
// to the window.
func (p *libraryPane) setKeys(onKey func(fyne.KeyName), onShortcut func(fyne.Shortcut)) {
	p.search.onKey, p.search.onShortcut = onKey, onShortcut
	p.list.onKey = onKey
}

// focusSearch puts the cursor into the search field.
func (p *libraryPane) focusSearch() {
	p.sh.focus(p.search)
}

// articleList is the list of articles: Up and Down open the next article at
// once. Fyne's List only moves a faint focus mark with the arrows and
// opens nothing until Space, so a clicked list seemed not to react.
type articleList struct {
	widget.List
	// onRune receives the letters the list does not use (H highlights
	// the reader's selection even when the list has the keyboard).
	onRune func(rune)
	// onKey receives F10.
	onKey func(fyne.KeyName)
}

func newArticleList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *articleList {
	l := &articleList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedRune passes letters on: a List uses none.
func (l *articleList) TypedRune(r rune) {
	if l.onRune != nil {
		l.onRune(r)
	}
}

// TypedKey moves the focus mark as the List does and selects the row it
// lands on; Enter selects like Space.
func (l *articleList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		l.List.TypedKey(ev)
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyF10:
		if l.onKey != nil {
			l.onKey(ev.Name)
		}
	default:
		l.List.TypedKey(ev)
	}
}

// tightVBox stacks objects without padding, for two-line list rows.
type tightVBox struct{}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height - 8
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+8))
		y += h
	}
}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w = fyne.Max(w, m.Width)
		h += m.Height - 8
	}
	return fyne.NewSize(w, h+8)
}

// showAll clears the search and reads the whole list again, e.g. after an
// import, so that the new article is listed.
func (p *libraryPane) showAll() {
	p.search.SetText("")
	p.selected = ""
	p.reload()
}
