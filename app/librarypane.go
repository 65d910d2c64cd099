package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// Sort orders offered by the library pane. Best match orders a search by
// how well each article matches its words (storage.SortRelevance); with no
// words there is nothing to match, and it lists the newest added first.
const (
	sortBest      = "Best match"
	sortAdded     = "Newest added"
	sortPublished = "Newest published"
)

// libraryPane lists the library's articles with title, site, date and number
// of highlights, found by a search (words in any order, across titles,
// texts, notes, actors and topics) and filters. The listing comes from the
// library's search index: the pane holds the ids in order and reads the
// rows it shows, a screenful at a time, as they come into view, so that a
// library of 50,000 articles opens as fast as one of 500. While words or
// an actor or topic filter narrow the list, each row shows under it the
// snippet where the search found the article; a row whose hit is a
// highlight opens the article at that passage.
type libraryPane struct {
	sh        *shell
	do        libraryActions
	search    *searchEntry
	sortBy    *widget.Select
	filters   *filterBar
	filterBtn *widget.Button
	list      *articleList
	count     *widget.Label
	content   fyne.CanvasObject
	// fit cuts the rows' titles and lines to their width (rowLabel).
	fit *widgets.Ellipsis

	// ids are the articles listed, in order; infos the rows read so far,
	// and hits their snippets when the listing shows them (snippets).
	ids      []string
	infos    map[string]storage.ArticleInfo
	hits     map[string]storage.Hit
	snippets bool
	// query is the search the listing shows, for the snippets of rows
	// read later.
	query storage.SearchQuery
	// listed counts the listings shown, so that rows read for an older
	// one are dropped.
	listed int
	// wantLo and wantHi are the rows drawn without their info (wantHi <
	// wantLo for none); fetching is set while rows are read.
	wantLo, wantHi int
	fetching       bool
	// indexNote says how far the search index is while it is built.
	indexNote string
	total     int // articles in the library

	selected string
	// reading is set while a list or search read runs in the background,
	// again when the search text changed meanwhile: typing then starts
	// one read after the running one instead of one per keystroke.
	reading, again bool
	// reads counts the reads started, so that tests can see typing
	// coalesce them.
	reads int
	// selecting is set while the program (not the reader) selects a row.
	selecting bool
	// onFind hands the search's words ("" for none) to the reader for the
	// article about to open, to mark them there; jump: and to scroll to
	// the first (not when the search found a highlight, opened at).
	onFind func(id, words string, jump bool)
	// row is the row the list marks, -1 for none. List.Select scrolls to
	// a new row and redraws every visible row (their texts measured again,
	// ~20 ms); knowing the mark spares a second ScrollTo and redraw.
	row int
}

// Rows read at once around the rows drawn without their info: a screenful
// and a half, so that scrolling on reads ahead of what is drawn.
const (
	rowsBehind = 20
	rowsAhead  = 60
)

// libraryActions are what the library pane asks of the controller.
type libraryActions struct {
	// list finds the articles a request asks for; infos reads the rows
	// of some of them (ids no longer there are left out). Both run off
	// the main goroutine.
	// list gives the query too, with the actor and topic found.
	list  func(r listRequest) (storage.SearchResult, storage.SearchQuery, error)
	infos func(ids []string) ([]storage.ArticleInfo, error)
	// hits says where a search found some of its articles (the
	// snippets); it runs off the main goroutine too.
	hits func(ids []string, q storage.SearchQuery) ([]storage.Hit, error)
	// open shows an article in the reader; openAt shows it at one of
	// its highlights.
	open   func(id string)
	openAt func(articleID, highlightID string)
	// focusReader gives the keyboard to the article text.
	focusReader func()
	// analyse opens the Analysis window for the articles listed.
	analyse func(ids []string, search string, filtered bool)
}

// listRequest is a search as the pane asks for it: the query, the actor
// the reader typed (a name or alias, found by list) in a role, and the
// topic typed (found the same way) in a stance.
type listRequest struct {
	query  storage.SearchQuery
	actor  string
	role   annotation.Role
	topic  string
	stance annotation.Stance
	// filtered is set when words or filters narrow the list; problem
	// says why a filter the reader typed is left out; snippets when the
	// rows show where the search found them (words, or a filter of
	// statements).
	filtered, snippets bool
	problem            string
}

// errNoSuchActor and errNoSuchTopic say that the actor or topic filter
// names none.
var (
	errNoSuchActor = errors.New("no such actor")
	errNoSuchTopic = errors.New("no such topic")
)

// listing is what a read gives the pane: the articles in order, the
// first screenful of rows, and how far the index is.
type listing struct {
	ids      []string
	rows     []storage.ArticleInfo
	hits     []storage.Hit
	query    storage.SearchQuery
	total    int
	index    storage.IndexStatus
	filtered bool
	snippets bool
	noActor  string
	noTopic  string
	problem  string
}

func newLibraryPane(sh *shell, do libraryActions) *libraryPane {
	p := &libraryPane{sh: sh, do: do, row: -1, infos: map[string]storage.ArticleInfo{}, hits: map[string]storage.Hit{}, wantHi: -1,
		fit: widgets.NewEllipsis(sh.fonts)}
	p.search = newSearchEntry(p)
	p.search.fitHint(p.search.Size().Width)
	p.search.OnChanged = func(string) { p.reload() }
	p.search.OnSubmitted = func(string) { p.openFirst() }
	p.sortBy = widget.NewSelect([]string{sortBest, sortAdded, sortPublished}, nil)
	p.sortBy.SetSelected(sh.prefs().StringWithFallback(prefSort, sortBest))
	p.sortBy.OnChanged = func(s string) {
		sh.prefs().SetString(prefSort, s)
		p.reload()
	}
	p.filters = newFilterBar(func() {
		p.filterBtn.SetText(p.filters.summary())
		p.reload()
	})
	p.filterBtn = widget.NewButton("Filters", p.toggleFilters)
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.list = newArticleList(
		func() int { return len(p.ids) },
		func() fyne.CanvasObject {
			title := newRowLabel(p.fit, fyne.TextStyle{Bold: true}, theme.SizeNameText)
			title.SetText("Title")
			meta := newRowLabel(p.fit, fyne.TextStyle{}, theme.SizeNameCaptionText)
			meta.SetText("site · date")
			snip := newSnippetText()
			if !p.snippets {
				snip.Hide() // the List measures this template for every row's height
			}
			return container.New(&tightVBox{}, title, meta, snip)
		},
		p.updateRow,
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
		if i < len(p.ids) && p.ids[i] != p.selected {
			p.openRow(i)
		}
	}
	find := container.NewBorder(nil, nil, nil, p.filterBtn, p.search)
	analyse := widget.NewButton("Analyse", func() { do.analyse(p.ids, p.search.Text, p.filters.active()) })
	analyse.Importance = widget.LowImportance
	top := container.NewVBox(find, newSortBar(p.count, p.sortBy, analyse), p.filters.content)
	p.content = container.NewBorder(top, nil, nil, nil, p.list)
	return p
}

// toggleFilters shows or hides the filters; hidden, they still apply
// (the button says how many are on).
func (p *libraryPane) toggleFilters() {
	if p.filters.content.Visible() {
		p.filters.content.Hide()
	} else {
		p.filters.content.Show()
	}
	p.content.Refresh()
}

// openRow opens the article of row i, at the passage where the search
// found it when that is a highlight.
func (p *libraryPane) openRow(i int) {
	id := p.ids[i]
	p.selected = id
	h, ok := p.hits[id]
	atHighlight := ok && p.snippets && h.HighlightID != "" && p.do.openAt != nil
	p.handWords(id, !atHighlight)
	if atHighlight {
		p.do.openAt(id, h.HighlightID)
		return
	}
	p.do.open(id)
}

// updateRow draws row i: from its info when it was read, else empty for
// now, and the row is read with those around it (want).
func (p *libraryPane) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.ids) {
		return
	}
	c := o.(*fyne.Container)
	snip := c.Objects[2].(*snippetText)
	p.updateSnippet(i, snip)
	title, line := c.Objects[0].(*rowLabel), c.Objects[1].(*rowLabel)
	it, ok := p.infos[p.ids[i]]
	if !ok {
		title.SetText(" ")
		line.SetText(" ")
		p.want(i)
		return
	}
	title.SetText(orUntitled(it.Title))
	line.SetText(articleLine(it))
}

// rowLabel is one line of a library row: a Label cut with "…" to its
// width exactly as fyne.TextTruncateEllipsis cuts it, but through the
// pane's one Ellipsis: Fyne's truncation builds a HarfBuzz shaper for
// every label on every SetText and resize (about a millisecond each; a
// screenful of rows was a tenth of the window's start-up).
type rowLabel struct {
	widget.BaseWidget
	label  *widget.Label // truncation off: it draws what Fit left of text
	text   string
	fit    *widgets.Ellipsis
	fitted rowFit // what label.Text was cut for
}

// rowFit is what a rowLabel's cut depends on: the text, the width it is
// cut to, and the theme's font and text size for the label's style.
type rowFit struct {
	text        string
	width, size float32
	font        fyne.Resource
}

func newRowLabel(fit *widgets.Ellipsis, style fyne.TextStyle, size fyne.ThemeSizeName) *rowLabel {
	l := widget.NewLabel("")
	l.TextStyle, l.SizeName = style, size
	r := &rowLabel{label: l, fit: fit}
	r.ExtendBaseWidget(r)
	return r
}

// SetText shows s, cut to the row; a row that shows s already is left
// alone (the list redraws every visible row when one is selected).
func (r *rowLabel) SetText(s string) {
	if s == r.text {
		return
	}
	r.text = s
	if r.fitTo(r.Size()) {
		r.label.Refresh()
	}
}

// fitTo cuts the text to a row of the given size; it reports whether the
// label's text changed (and wants a Refresh). The text is shaped only when
// something the cut depends on changed: the list refreshes every visible
// row when one is selected, and lays rows out again as they scroll, with
// the same text at the same width (a cut is about 80 µs).
func (r *rowLabel) fitTo(size fyne.Size) bool {
	if size.Width <= 0 {
		return false // not laid out yet (the list's template row): Layout cuts it
	}
	th := r.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	f := rowFit{text: r.text, width: size.Width - 2*pad, size: th.Size(r.label.SizeName), font: th.Font(r.label.TextStyle)}
	if f == r.fitted {
		return false
	}
	r.fitted = f
	shown := r.fit.Fit(th, f.text, r.label.TextStyle, f.size, f.width)
	if shown == r.label.Text {
		return false
	}
	r.label.Text = shown
	return true
}

// MinSize is a cut Label's: room for a letter and "…", one line high.
func (r *rowLabel) MinSize() fyne.Size {
	r.ExtendBaseWidget(r)
	return r.BaseWidget.MinSize()
}

func (r *rowLabel) CreateRenderer() fyne.WidgetRenderer { return &rowLabelRenderer{r: r} }

type rowLabelRenderer struct{ r *rowLabel }

func (rr *rowLabelRenderer) Layout(size fyne.Size) {
	changed := rr.r.fitTo(size)
	rr.r.label.Resize(size)
	if changed {
		rr.r.label.Refresh()
	}
}

// MinSize is what Fyne's RichText gives a Label with TextTruncateEllipsis.
func (rr *rowLabelRenderer) MinSize() fyne.Size {
	ts := rr.r.Theme().Size(theme.SizeNameText)
	w := fyne.MeasureText("M", ts, fyne.TextStyle{}).Width + fyne.MeasureText("…", ts, fyne.TextStyle{}).Width
	return fyne.NewSize(w, rr.r.label.MinSize().Height)
}

func (rr *rowLabelRenderer) Refresh() {
	rr.r.fitTo(rr.r.Size())
	rr.r.label.Refresh()
}

func (rr *rowLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.label} }

func (rr *rowLabelRenderer) Destroy() {}

// updateSnippet shows row i's snippet while the listing has them; a tap
// on it opens the article at the passage, even when the row is the one
// selected already.
func (p *libraryPane) updateSnippet(i int, snip *snippetText) {
	if !p.snippets {
		snip.Hide()
		return
	}
	snip.Show()
	h, ok := p.hits[p.ids[i]]
	if !ok {
		snip.set(" ", nil)
		snip.onTapped, snip.pointer = nil, false
		return
	}
	snip.set(h.Snippet, h.Marks)
	snip.pointer = h.HighlightID != ""
	snip.onTapped = func() { p.tapSnippet(i) }
}

// tapSnippet marks row i and opens its article at the passage (a tap on
// the snippet does not reach the List, which would select the row).
func (p *libraryPane) tapSnippet(i int) {
	if i >= len(p.ids) {
		return
	}
	if p.row != i {
		p.selectRow(i)
	}
	p.sh.focus(p.list)
	p.openRow(i)
}

// want asks for row i's info; rows are read in the background, those
// drawn meanwhile join the next read.
func (p *libraryPane) want(i int) {
	if p.wantHi < p.wantLo {
		p.wantLo, p.wantHi = i, i
	} else {
		p.wantLo, p.wantHi = min(p.wantLo, i), max(p.wantHi, i)
	}
	if !p.fetching {
		p.fetch()
	}
}

// fetch reads the rows wanted, with some around them, off the main
// goroutine, and redraws the list when they are there.
func (p *libraryPane) fetch() {
	lo, hi := max(p.wantLo-rowsBehind, 0), min(p.wantHi+rowsAhead, len(p.ids))
	p.wantLo, p.wantHi = 0, -1
	var ids []string
	for _, id := range p.ids[lo:hi] {
		if _, ok := p.infos[id]; !ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	p.fetching = true
	listed := p.listed
	var rows []storage.ArticleInfo
	var hits []storage.Hit
	var err error
	snippets, q := p.snippets, p.query
	p.sh.run(func() {
		if rows, err = p.do.infos(ids); err == nil && snippets {
			hits, err = p.do.hits(ids, q)
		}
	}, func() {
		p.fetching = false
		if listed != p.listed {
			p.fetchWanted()
			return
		}
		if err != nil {
			p.sh.showError("Could not read the library", err)
			return
		}
		for _, id := range ids {
			// One deleted meanwhile is drawn untitled until the next
			// listing, not asked for again and again.
			p.infos[id] = storage.ArticleInfo{ID: id}
		}
		for _, r := range rows {
			p.infos[r.ID] = r
		}
		for _, h := range hits {
			p.hits[h.ArticleID] = h
		}
		p.list.Refresh()
		p.fetchWanted()
	})
}

// fetchWanted reads the rows asked for while a read ran.
func (p *libraryPane) fetchWanted() {
	if p.wantHi >= p.wantLo && !p.fetching {
		p.fetch()
	}
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
	if it.Highlights > 0 {
		parts = append(parts, plural.Of(it.Highlights, "highlight"))
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

// request is the search the pane shows: its words, filters and order.
func (p *libraryPane) request() listRequest {
	r := listRequest{query: storage.SearchQuery{Text: strings.TrimSpace(p.search.Text)}}
	switch {
	case p.sortBy.Selected == sortPublished:
		r.query.Sort = storage.SortPublished
	case p.sortBy.Selected == sortBest && r.query.Text != "":
		r.query.Sort = storage.SortRelevance
	}
	p.filters.apply(&r.query)
	r.actor, r.role = p.filters.actorName(), p.filters.roleChosen()
	r.topic, r.stance = p.filters.topicName(), p.filters.stanceChosen()
	r.filtered = r.query.Text != "" || p.filters.active()
	r.snippets = r.query.Text != "" || p.filters.statements()
	r.problem = p.filters.problem()
	return r
}

// startRequest is the request of a library pane just built: no words, no
// filters, the order chosen last. Run reads the first listing with it as
// soon as the library is open, before the pane exists.
func startRequest(prefs fyne.Preferences) listRequest {
	var r listRequest
	if prefs.StringWithFallback(prefSort, sortBest) == sortPublished {
		r.query.Sort = storage.SortPublished
	}
	return r
}

// readListing runs a request off the main goroutine: the ids in order
// from the index, and the first screenful of rows with their snippets.
func readListing(do libraryActions, r listRequest) (listing, error) {
	res, q, err := do.list(r)
	l := listing{filtered: r.filtered, snippets: r.snippets, problem: r.problem, query: q}
	switch {
	case errors.Is(err, errNoSuchActor):
		l.noActor = r.actor
		return l, nil
	case errors.Is(err, errNoSuchTopic):
		l.noTopic = r.topic
		return l, nil
	case err != nil:
		return l, err
	}
	l.ids, l.total, l.index = res.IDs, res.Library, res.Index
	if len(l.ids) == 0 {
		return l, nil
	}
	first := l.ids[:min(len(l.ids), rowsAhead)]
	if l.rows, err = do.infos(first); err != nil || !l.snippets || do.hits == nil {
		return l, err
	}
	l.hits, err = do.hits(first, q)
	return l, err
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
	r := p.request()
	var l listing
	var err error
	p.sh.run(func() {
		l, err = readListing(p.do, r)
	}, func() {
		if err != nil {
			p.sh.showError("Could not read the library", err)
		} else {
			p.setListing(l)
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

// setListing shows a list of articles.
func (p *libraryPane) setListing(l listing) {
	p.listed++
	p.ids, p.total = l.ids, l.total
	p.infos = make(map[string]storage.ArticleInfo, len(l.rows))
	for _, r := range l.rows {
		p.infos[r.ID] = r
	}
	p.hits = make(map[string]storage.Hit, len(l.hits))
	for _, h := range l.hits {
		p.hits[h.ArticleID] = h
	}
	p.snippets, p.query = l.snippets, l.query
	p.wantLo, p.wantHi = 0, -1
	p.setIndexStatus(l.index)
	switch {
	case l.noActor != "":
		p.count.SetText(fmt.Sprintf("No actor %q", l.noActor))
	case l.noTopic != "":
		p.count.SetText(fmt.Sprintf("No topic %q", l.noTopic))
	case l.problem != "":
		p.count.SetText(fmt.Sprintf("%s found · %s", thousands(len(l.ids)), l.problem))
	case l.filtered:
		p.count.SetText(fmt.Sprintf("%s found%s", thousands(len(l.ids)), p.indexNote))
	case len(l.ids) == 1:
		p.count.SetText("1 article" + p.indexNote)
	default:
		p.count.SetText(thousands(len(l.ids)) + " articles" + p.indexNote)
	}
	p.list.Refresh()
	p.markSelected(p.selected)
}

// setIndexStatus notes how far the search index is (searches are slower
// until it is complete, never wrong).
func (p *libraryPane) setIndexStatus(st storage.IndexStatus) {
	p.indexNote = ""
	if !st.Ready && st.Articles > 0 {
		p.indexNote = fmt.Sprintf(" · indexing %d%%", st.Indexed*100/st.Articles)
	}
}

// indexProgress is told how far the background index build is.
func (p *libraryPane) indexProgress(st storage.IndexStatus) {
	before := p.indexNote
	p.setIndexStatus(st)
	if before != p.indexNote {
		text := strings.TrimSuffix(p.count.Text, before)
		p.count.SetText(text + p.indexNote)
	}
}

// thousands writes n with thin groups: 50,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
	for i, it := range p.ids {
		if it == id {
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
		p.infos[info.ID] = info
		p.list.RefreshItem(i)
	}
}

// info is the row of article id when it was read.
func (p *libraryPane) info(id string) (storage.ArticleInfo, bool) {
	it, ok := p.infos[id]
	return it, ok
}

// step opens the next or previous article in the list.
func (p *libraryPane) step(d int) {
	if p.sh.dialogOpen() {
		return // the picker or a question belongs to the article in the reader
	}
	if i := p.rowOf(p.selected); i >= 0 {
		if j := i + d; j >= 0 && j < len(p.ids) {
			p.showRow(j)
		}
		return
	}
	if len(p.ids) > 0 {
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
	if len(p.ids) == 0 {
		return
	}
	if p.ids[0] != p.selected {
		p.selectRow(0)
	} else if h, ok := p.hits[p.ids[0]]; ok && p.snippets && h.HighlightID != "" {
		p.openRow(0) // open already: go to the passage found
	} else {
		p.handWords(p.ids[0], true) // open already: go to the first word found
	}
	p.do.focusReader()
}

// handWords gives the reader the search's words for article id, which
// is being opened from the list (none when the list is not a search).
func (p *libraryPane) handWords(id string, jump bool) {
	if p.onFind == nil {
		return
	}
	words := ""
	if p.snippets {
		words = p.query.Text
	}
	p.onFind(id, words, jump)
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

// searchHints are the search field's placeholders, longest first: the
// field shows the longest that fits its width. A placeholder wider than
// the field was cut off, and Fyne drew a scroll bar under it.
var searchHints = []string{"Search titles, text, notes, actors, topics", "Search titles, text, notes", "Search"}

// Resize fits the placeholder to the new width.
func (e *searchEntry) Resize(size fyne.Size) {
	e.Entry.Resize(size)
	e.fitHint(size.Width)
}

// fitHint shows the longest of searchHints that fits a field width wide
// (the last when none does).
func (e *searchEntry) fitHint(width float32) {
	room := width - 2*theme.InnerPadding() - 2*theme.InputBorderSize()
	hint := searchHints[len(searchHints)-1]
	for _, h := range searchHints {
		if fyne.MeasureText(h, theme.TextSize(), fyne.TextStyle{}).Width <= room {
			hint = h
			break
		}
	}
	if hint != e.PlaceHolder {
		e.SetPlaceHolder(hint)
	}
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

// tightVBox stacks objects without padding, for two-line list rows (three
// with a search's snippet); hidden ones take no room.
type tightVBox struct{}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height - 8
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+8))
		y += h
	}
}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
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

// sortBar is the line under the search field: the count of articles, the
// sort menu and Analyse. Where the pane is too narrow for the menu to read
// in full between the other two (an 800 px window, or the library's share
// of 1200 px), the count takes a line of its own above the menu and
// Analyse. Fyne's layouts give a height for no width, so the bar keeps
// the choice made at its last width, and MinSize follows it; the canvas
// lays the pane out again when that changes.
type sortBar struct {
	widget.BaseWidget
	count, analyse fyne.CanvasObject
	sortBy         *widget.Select
	oneLine        *fyne.Container // count, menu, Analyse side by side
	twoLines       *fyne.Container // count above menu and Analyse
	wrapped        bool
}

func newSortBar(count fyne.CanvasObject, sortBy *widget.Select, analyse fyne.CanvasObject) *sortBar {
	b := &sortBar{count: count, sortBy: sortBy, analyse: analyse}
	b.oneLine = container.NewBorder(nil, nil, count, analyse, sortBy)
	b.ExtendBaseWidget(b)
	return b
}

// fitsOnOneLine reports whether the count, the menu with its longest
// choice in full and Analyse fit side by side in width.
func (b *sortBar) fitsOnOneLine(width float32) bool {
	th := b.Theme()
	pad := th.Size(theme.SizeNamePadding)
	return b.count.MinSize().Width+pad+b.menuWidth()+pad+b.analyse.MinSize().Width <= width
}

// menuWidth is the width at which the sort menu shows its longest choice
// in full: the text, and the room Fyne's Select gives its text (its
// MinSize's, with the choice in place of the placeholder).
func (b *sortBar) menuWidth() float32 {
	th := b.Theme()
	innerPad := th.Size(theme.SizeNameInnerPadding)
	w := float32(0)
	for _, o := range b.sortBy.Options {
		w = fyne.Max(w, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	return w + innerPad*4 + th.Size(theme.SizeNameInlineIcon)
}

// arrange puts the parts on one line or two for width; it reports
// whether that changed.
func (b *sortBar) arrange(width float32) bool {
	wrap := !b.fitsOnOneLine(width)
	if wrap == b.wrapped {
		return false
	}
	b.wrapped = wrap
	if wrap {
		b.oneLine.Objects = nil
		b.twoLines = container.NewVBox(b.count, container.NewBorder(nil, nil, nil, b.analyse, b.sortBy))
	} else {
		b.twoLines = nil
		b.oneLine = container.NewBorder(nil, nil, b.count, b.analyse, b.sortBy)
	}
	return true
}

// shown is the container in use.
func (b *sortBar) shown() *fyne.Container {
	if b.wrapped {
		return b.twoLines
	}
	return b.oneLine
}

func (b *sortBar) CreateRenderer() fyne.WidgetRenderer { return &sortBarRenderer{b: b} }

type sortBarRenderer struct{ b *sortBar }

func (r *sortBarRenderer) Layout(size fyne.Size) {
	if r.b.arrange(size.Width) {
		r.b.Refresh() // Objects changed; the canvas sees the new MinSize
	}
	r.b.shown().Resize(size)
}

// MinSize is as narrow as the bar can be with the menu read in full: the
// menu and Analyse side by side, the count above them.
func (r *sortBarRenderer) MinSize() fyne.Size {
	min := r.b.shown().MinSize()
	pad := r.b.Theme().Size(theme.SizeNamePadding)
	min.Width = fyne.Max(r.b.count.MinSize().Width, r.b.menuWidth()+pad+r.b.analyse.MinSize().Width)
	return min
}

func (r *sortBarRenderer) Refresh() { r.b.shown().Refresh() }

func (r *sortBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.shown()}
}

func (r *sortBarRenderer) Destroy() {}
