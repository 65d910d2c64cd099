package app

import (
	"sort"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/widgets"
)

// articleFind is finding words in the article in the reader, as a
// browser's find bar does: every word found is marked, the reader steps
// through them (Enter, F3; with Shift back) and "n of N" says where.
//
// Words come from two places: the bar over the text (Edit ▸ Find in
// Article, Ctrl+Shift+F; Ctrl+F stays Find in Library, which readers of
// the earlier versions and the help know), and the library search an
// article is opened from, whose words it then marks and scrolls to. The
// words are looked for off the main goroutine (a 3 MB article takes tens
// of milliseconds); a find for words the reader has typed on from stops
// early and only the newest result is shown.
type articleFind struct {
	r   *readerPane
	bar *widgets.FindBar

	text    string              // the article's text, as the view's offsets count
	matches []widgets.TextRange // what the last find found in text
	gen     atomic.Int64        // counts the finds asked for; an older result is dropped
	// running is set while a find runs; again when other words came
	// meanwhile, to be looked for when it ends.
	running, again bool
	againFirst     bool // the words waiting are a library search's

	// fromLibrary is set while the bar's words are a library search's:
	// an article opened later without search words closes the bar.
	fromLibrary bool
	// pending are the words of the library search the next article is
	// opened from, for the article whose id is pendingID.
	pending   string
	pendingID string
	jump      bool // the pending words scroll to their first match
	// currentID is the id of the article the reader shows.
	currentID func() string

	// place is what a library find does with the reading position the
	// window restores after opening (setPlace): placeWaiting keeps it
	// until the find knows whether the words are in the text (no: it is
	// restored), placeTaken drops it (the reader is at the first match).
	place      placeMode
	savedPlace int
	hasPlace   bool
}

type placeMode int

const (
	placeFree placeMode = iota
	placeWaiting
	placeTaken
)

func newArticleFind(r *readerPane) *articleFind {
	f := &articleFind{r: r, bar: widgets.NewFindBar(), currentID: func() string { return "" }}
	f.bar.OnChanged = func(words string) {
		f.fromLibrary = false
		f.start(words, false)
	}
	f.bar.OnMove = func(i int) { r.view.ShowFindMark(i) }
	f.bar.OnClose = func() {
		f.close()
		r.focus()
	}
	f.bar.Hide()
	return f
}

// open shows the bar with the keyboard in it, its words selected so that
// typing replaces them.
func (f *articleFind) open() {
	if !f.bar.Visible() {
		f.bar.Show()
		f.r.content.Refresh()
	}
	f.fromLibrary = false
	f.r.sh.focus(f.bar.Field())
	if e, ok := f.bar.Field().(fyne.Shortcutable); ok && f.bar.Text() != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// close hides the bar and clears the marks.
func (f *articleFind) close() {
	f.gen.Add(1) // a find under way is not wanted any more
	f.again = false
	f.matches = nil
	f.fromLibrary = false
	f.r.view.SetFindMarks(nil, -1)
	if f.bar.Visible() {
		f.bar.Hide()
		f.r.content.Refresh()
	}
}

// active reports whether words are marked in the text.
func (f *articleFind) active() bool { return len(f.matches) > 0 }

// step moves to the next (d > 0) or previous match.
func (f *articleFind) step(d int) bool {
	if !f.active() {
		return false
	}
	if d > 0 {
		f.bar.Next()
	} else {
		f.bar.Previous()
	}
	return true
}

// fromSearch hands over the words of the library search that article id
// is opened from ("": none); jump says whether to scroll to the first of
// them (not when the search found the article in a highlight, which the
// window scrolls to).
func (f *articleFind) fromSearch(id, words string, jump bool) {
	f.pending, f.pendingID, f.jump = words, id, jump
	if id == f.currentID() && f.text != "" {
		f.applyPending() // open already: no articleShown follows
	}
}

// articleShown looks for the words in a newly shown article: the library
// search's it was opened from, else the bar's while it is open.
func (f *articleFind) articleShown(art *article.Article) {
	f.gen.Add(1)
	f.matches = nil
	f.place, f.hasPlace = placeFree, false
	f.text = art.Text()
	if f.pendingID != "" && f.pendingID == f.currentID() && len(parseFindWords(f.pending)) > 0 {
		f.applyPending()
		return
	}
	f.pendingID, f.pending = "", ""
	switch {
	case f.fromLibrary || !f.bar.Visible():
		f.close()
	default:
		f.start(f.bar.Text(), false)
	}
}

// applyPending marks the library search's words in the article shown.
func (f *articleFind) applyPending() {
	words, jump := f.pending, f.jump
	f.pending, f.pendingID = "", ""
	if len(parseFindWords(words)) == 0 {
		if f.fromLibrary {
			f.close()
		}
		return
	}
	if jump {
		f.place = placeWaiting
	}
	f.bar.OnChanged = nil // the words are set, not typed
	f.bar.SetText(words)
	f.bar.OnChanged = func(words string) {
		f.fromLibrary = false
		f.start(words, false)
	}
	f.fromLibrary = true
	if !f.bar.Visible() {
		f.bar.Show()
		f.r.content.Refresh()
	}
	f.start(words, jump)
}

// keepPlace is the window restoring the reading position of the article
// just opened: it reports whether a library find decides the place
// instead (then the position is kept for when the words are not found).
func (f *articleFind) keepPlace(off int) bool {
	switch f.place {
	case placeWaiting:
		f.savedPlace, f.hasPlace = off, true
		return true
	case placeTaken:
		return true
	}
	return false
}

// start looks for words in the article off the main goroutine; first
// says whether to show the first match (a library search) rather than
// the first from the top of the view on (typing in the bar).
func (f *articleFind) start(words string, first bool) {
	terms := parseFindWords(words)
	g := f.gen.Add(1)
	if len(terms) == 0 {
		f.matches = nil
		f.r.view.SetFindMarks(nil, -1)
		f.bar.SetCount(0, -1)
		return
	}
	if f.running {
		f.again = true // looked for when the running find ends
		f.againFirst = f.againFirst || first
		return
	}
	f.running = true
	text := f.text
	var found []widgets.TextRange
	stale := func() bool { return f.gen.Load() != g }
	f.r.sh.jobs.runLoose(func() { found = findInText(text, terms, stale) }, func() {
		f.running = false
		if !stale() {
			f.show(found, first)
		}
		if f.again {
			f.again = false
			again := f.againFirst
			f.againFirst = false
			if f.bar.Visible() {
				f.start(f.bar.Text(), again)
			}
		}
	})
}

// show marks what a find found and makes one current: the first, or the
// first at or after the top of the view.
func (f *articleFind) show(found []widgets.TextRange, first bool) {
	f.matches = found
	cur := -1
	if len(found) > 0 {
		cur = 0
		if !first {
			top := f.r.view.TopOffset()
			cur = sort.Search(len(found), func(i int) bool { return found[i].Start >= top }) % len(found)
		}
	}
	f.r.view.SetFindMarks(found, -1)
	f.bar.SetCount(len(found), cur)
	if cur >= 0 {
		f.r.view.ShowFindMark(cur)
	}
	if f.place == placeWaiting {
		// Found: the reader is at the first match, whatever the window
		// restores next. Not found (the words were in a note, a name or
		// the title): the reading position is restored, now if the window
		// asked for it already, else when it does.
		f.place = placeTaken
		if len(found) == 0 {
			f.place = placeFree
			if f.hasPlace {
				f.r.view.SetTopOffset(f.savedPlace)
			}
		}
	}
}

// key takes the find's keys from the text and the panes: F3 (with Shift
// back) while words are marked, Escape to clear them.
func (f *articleFind) key(k fyne.KeyName) bool {
	switch k {
	case keyFindNext:
		if shiftHeld() {
			return f.step(-1)
		}
		return f.step(+1)
	}
	return false
}

// shiftHeld reports whether a Shift key is down (key events carry no
// modifiers); the test driver knows none.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// wireFind hands the words of the library search an article is opened
// from to the reader's find.
func (a *App) wireFind() {
	a.reader.find.currentID = func() string { return a.ctl.current }
	a.library.onFind = a.reader.find.fromSearch
}
