package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// controller owns what the window shows and is the only part of it that
// talks to the library: the article in the reader with its highlights, the
// actors, the recently used actors, the selected highlight and the undo
// history. Panes own their widgets and call back into it; it tells them
// what to show. Its fields are touched only on the main goroutine; disk
// work runs through the shell's runner.
type controller struct {
	sh    *shell
	store *storage.Library
	opts  Options

	library *libraryPane
	reader  *readerPane
	notes   *notesPane
	actorsW *actorsWindow // nil while the Actors window is closed
	topicsW *topicsWindow // nil while the Topics window is closed
	// analysisW is the Analysis window, nil while it is closed.
	analysisW *analysisWindow

	undo *undoStack
	// picker is the actor picker shown last (tests drive it); pickerDone
	// saves its choice while it is open, and is nil once it has closed.
	picker     *widgets.Picker
	pickerDone func(widgets.PickerResult)
	// matcher suggests actors for a passage: the library's actors, built-in
	// knowledge and names discovered in the article. Rebuilt off the main
	// goroutine whenever the actors change; nil until the first load. It
	// leaves out the demo's own actors; matcherAll, for the demo article,
	// has them.
	matcher, matcherAll *recognize.Matcher
	// demo is the demo article and the actors only it uses.
	demo demoState
	// onDemo hears whether the demo article is in the library, each time
	// that may have changed (the Help menu offers to remove it only then).
	onDemo func(present bool)
	// suggested holds the full actors behind the picker's suggestions
	// (built-in ones carry aliases and a Wikidata id), by folded name.
	suggested map[string]annotation.Actor
	// importLater imports sources given on the command line past the
	// first, once the window shows its first screen (the App's importer).
	importLater func(sources []string)
	// pendingJump is a highlight to scroll to once its article is open.
	pendingJump string
	// selected is the highlight last tapped in the reader or the notes
	// pane; Edit and Delete act on it.
	selected string
	// places are the reading positions of the articles read last.
	places *positions

	actors actorSet
	counts map[string]int // actor id → number of highlights
	recent []string       // actor ids, most recently used first
	// topics are the library's topics; recentTopics the topic ids used
	// last, most recent first (offered first in the picker's topic step).
	topics       topicSet
	recentTopics []string
	topicCounts  map[string]int // topic id → number of highlights with statements on it
	current      string         // id of the article in the reader
	art          *article.Article
	info         storage.ArticleInfo
	hls          []annotation.Highlight // the current article's highlights, reading order

	// onReady, when set, is called once the first article is on screen.
	onReady func()
	// loaded brings what start read to finishStart.
	loaded <-chan *startLoad
	// highlightMenuExtras adds items to a highlight's context menu (the
	// exporter's Copy as Markdown).
	highlightMenuExtras func(id string) []*fyne.MenuItem
}

func newController(sh *shell, store *storage.Library, opts Options) *controller {
	return &controller{sh: sh, store: store, opts: opts, undo: newUndoStack(),
		actors: actorSet{}, topics: topicSet{}, counts: map[string]int{}, places: &positions{}}
}

// openedArticle is an article read from the library with its highlights.
type openedArticle struct {
	id   string
	art  *article.Article
	info storage.ArticleInfo
	hls  []annotation.Highlight
	err  error
}

// readArticle reads an article and its highlights (off the main goroutine)
// and remembers it in the library as the one to show on the next start,
// in a job of its own: the article is shown without waiting for that
// write (which waits for the whole-file check after an unclean shutdown).
func (c *controller) readArticle(id string) openedArticle {
	o := readOpened(c.store, id)
	if o.err == nil {
		c.rememberLast(id)
	}
	return o
}

// readOpened reads an article and its highlights.
func readOpened(store *storage.Library, id string) openedArticle {
	o := openedArticle{id: id}
	if o.art, o.info, o.err = store.Article(id); o.err != nil {
		return o
	}
	o.hls, o.err = store.Highlights(id)
	return o
}

// rememberLast stores id as the article to show on the next start, in a
// job of its own.
func (c *controller) rememberLast(id string) {
	c.sh.run(func() { _ = c.store.SetPreference(libPrefLastArticle, []byte(id)) }, nil)
}

// startLoad is what start reads off the main goroutine.
type startLoad struct {
	list   listing
	actors []annotation.Actor
	topics []annotation.Topic
	// topicCounts: topic id → number of highlights with statements on it
	topicCounts map[string]int
	matcher     *recognize.Matcher
	recent      []string
	places      *positions
	demo        demoState
	all         *recognize.Matcher // matcher with the demo's own actors
	style       widgets.ReadingStyle
	last        string // the article to show
	// remember is set when last is not the article the library
	// remembers already (an import, the demo, the newest for want of one).
	remember bool
	demoHL   string // the demo's example highlight, on a first start
	opened   openedArticle
	// shaped gives the opened article's text shaped for the reader, when
	// that is done (see preshape).
	shaped <-chan *widgets.Preshaped
	errs   []error
	// later are the sources given on the command line past the first
	// (startImports): imported once the window is up, as one batch.
	later []string
}

// start loads the library off the main goroutine: the article list, the
// actors, the demo article on a first start, the sources given on the
// command line, and then the article read last. Run has begun that read
// as soon as the library was open (Options.preload), beside the window's
// creation; otherwise it begins here.
func (c *controller) start() {
	c.sh.setStatus("Opening the library…")
	if c.opts.preload != nil {
		c.loaded = c.opts.preload
		return
	}
	r := c.library.request()
	loaded := make(chan *startLoad, 1)
	c.loaded = loaded
	c.sh.run(func() { loaded <- c.loadStart(r) }, nil)
}

// finishStart shows what start read: at once when it is read within wait
// (so that the window's first frame has the article in it rather than
// empty panes painted and then painted again), else when it is.
func (c *controller) finishStart(wait time.Duration) {
	loaded := c.loaded
	c.loaded = nil
	select {
	case s := <-loaded:
		c.applyStart(s)
		return
	case <-time.After(wait):
	}
	var s *startLoad
	c.sh.run(func() { s = <-loaded }, func() { c.applyStart(s) })
}

// loadStart is start's work off the main goroutine.
func (c *controller) loadStart(r listRequest) *startLoad {
	return loadStart(c.store, c.opts, r)
}

// preloadStart begins start's read of store on a goroutine of its own,
// for a window not built yet (Run, while the GL window is created).
func preloadStart(store *storage.Library, opts Options, r listRequest) <-chan *startLoad {
	loaded := make(chan *startLoad, 1)
	go func() { loaded <- loadStart(store, opts, r) }()
	return loaded
}

// loadStart reads what the window's first screen shows (r is the library
// pane's listing); it needs no window, so that it can begin as soon as
// the library is open.
func loadStart(store *storage.Library, opts Options, r listRequest) *startLoad {
	s := &startLoad{}
	st, err := store.SearchIndexStatus()
	if err != nil {
		s.errs = append(s.errs, err)
		return s
	}
	if st.Articles == 0 && !opts.NoDemo && len(opts.Open) == 0 {
		if id, hl, err := importDemo(store); err != nil {
			s.errs = append(s.errs, err)
		} else {
			s.last, s.demoHL = id, hl
		}
	}
	now := opts.Open[:min(len(opts.Open), startImports)]
	s.later = opts.Open[len(now):]
	imported := importSources(store, now, s)
	remembered := ""
	if b, err := store.GetPreference(libPrefLastArticle); err == nil {
		remembered = string(b)
	}
	if s.last == "" {
		s.last = remembered
	}
	if b, err := store.GetPreference(libPrefRecentActors); err == nil && len(b) > 0 {
		s.recent = strings.Split(string(b), ",")
	}
	b, _ := store.GetPreference(libPrefPositions)
	s.places = parsePositions(b)
	if b, err := store.GetPreference(libPrefReading); err == nil {
		s.style = decodeReadingStyle(string(b))
	}
	if imported != "" {
		s.last = imported
	}
	// The list comes from the search index, with only its first
	// screenful of rows read: start-up costs the same at 50,000 articles
	// as at 500.
	if s.list, err = readListing(storeListing(store), r); err != nil {
		s.errs = append(s.errs, err)
	}
	s.actors, _ = store.Actors()
	s.topics, _ = store.Topics()
	s.topicCounts, _ = store.TopicCounts()
	s.demo = loadDemoState(store, demoID(store))
	s.matcher, s.all = buildMatchers(s.actors, s.demo)
	if s.last != "" && !store.HasArticle(s.last) {
		s.last = ""
	}
	if s.last == "" && len(s.list.ids) > 0 {
		s.last = s.list.ids[0]
	}
	if s.last != "" {
		// Read the article here too: one trip to the main loop, not two.
		s.opened = readOpened(store, s.last)
		s.remember = s.last != remembered
		s.shaped = preshape(s.opened.art, s.style, opts)
	}
	return s
}

// preshape shapes the text of the first article on a goroutine of its
// own (10-15 ms for a news article), while the main goroutine creates the
// window, instead of on the main goroutine when the reader lays it out;
// the reader takes it if it is done by then (readerPane.takeShaped).
// Without a theme to shape for (tests) or an article it gives nil.
func preshape(art *article.Article, style widgets.ReadingStyle, opts Options) <-chan *widgets.Preshaped {
	if art == nil || opts.shapeTheme == nil {
		return nil
	}
	ch := make(chan *widgets.Preshaped, 1)
	go func() { ch <- widgets.Preshape(opts.shapeTheme, document(art), opts.shapeSize, style) }()
	return ch
}

// startImports is how many of the sources given on the command line are
// imported before the window's first screen, which shows the last of them:
// one, since each costs up to a second to fetch and clean (a URL up to
// article.FetchTimeout), and 200 files would keep the window from
// appearing for minutes with nothing said. The others go to the window's
// import batch, with its progress and Cancel, once the window is up.
const startImports = 1

// importSources imports the files and URLs given on the command line and
// returns the id of the last one imported. The fetcher bounds each URL by
// article.FetchTimeout.
func importSources(store *storage.Library, sources []string, s *startLoad) string {
	last := ""
	for _, src := range sources {
		art, err := article.Load(context.Background(), src, nil)
		if err == nil {
			var res storage.ImportResult
			if res, err = store.Import(art, storage.ImportOptions{Source: src}); err == nil {
				last = res.ID
			}
		}
		if err != nil {
			s.errs = append(s.errs, err)
		}
	}
	return last
}

// applyStart shows what start read.
func (c *controller) applyStart(s *startLoad) {
	if len(s.later) > 0 && c.importLater != nil {
		defer c.importLater(s.later) // after the first screen is shown
	}
	c.setActors(s.actors, nil) // the counts come after the first article (countHighlights)
	c.setTopics(s.topics)
	c.topicCounts = s.topicCounts
	c.matcher, c.matcherAll = s.matcher, s.all
	c.takeDemo(s.demo)
	c.recent = s.recent
	c.places = s.places
	c.reader.view.SetReadingStyle(s.style)
	c.library.setListing(s.list)
	c.sh.setStatus("%s", c.store.Path())
	defer c.unifyActors()
	defer c.indexForSearch()
	defer c.countHighlights()
	if len(s.errs) > 0 {
		c.sh.showError("Could not open everything", errors.Join(s.errs...))
	}
	if s.last == "" {
		c.reader.clear()
		c.notes.show("", nil, c.actors, "")
		c.ready()
		return
	}
	if s.opened.err != nil {
		c.sh.showError("Could not open the article", s.opened.err)
		return
	}
	if s.remember {
		c.rememberLast(s.last)
	}
	if s.demoHL != "" {
		// The example highlight is the point of the demo: in view
		// even in a small window, and marked in the notes pane.
		c.pendingJump = s.demoHL
	}
	c.reader.shaped = s.shaped
	c.showArticle(s.opened)
}

// countHighlights reads how many highlights name each actor (what the
// Actors window and the picker sort by) after the first article is shown:
// it walks the whole actor index, ~150 ms at 50,000 articles, which the
// first article need not wait for.
func (c *controller) countHighlights() {
	var counts map[string]int
	c.sh.run(func() { counts, _ = c.store.HighlightCounts() }, func() {
		if counts != nil {
			c.counts = counts
		}
	})
}

// currentReadingStyle is the reader's column width, line spacing and
// typeface (Preferences shows them).
func (c *controller) currentReadingStyle() widgets.ReadingStyle {
	return c.reader.view.ReadingStyle()
}

// setReadingStyle applies a reading style and remembers it in the library,
// so it travels with the library to another computer.
func (c *controller) setReadingStyle(st widgets.ReadingStyle) {
	c.reader.view.SetReadingStyle(st)
	enc := encodeReadingStyle(c.reader.view.ReadingStyle())
	var err error
	c.sh.run(func() { err = c.store.SetPreference(libPrefReading, []byte(enc)) },
		func() { c.sh.showError("Could not remember the reading settings", err) })
}

// indexForSearch builds the search index in the background when it is
// not complete (a library from an older Dramatis, or one written by
// another program), once the window is on screen; the library pane says
// how far it is, and searches meanwhile read what is not indexed yet.
func (c *controller) indexForSearch() {
	c.store.IndexInBackground(func(st storage.IndexStatus) {
		c.sh.do(func() {
			c.library.indexProgress(st)
			if st.Ready {
				c.library.reload() // the same result, now from the index alone
			}
		})
	})
}

// listArticles runs a search of the library pane: the actor and the
// topic it names found by name or alias, then the index (off the main
// goroutine). It returns the query as run, for the snippets.
func listArticles(store *storage.Library, r listRequest) (storage.SearchResult, storage.SearchQuery, error) {
	if r.actor != "" {
		act, ok, err := store.FindActor(r.actor)
		if err != nil {
			return storage.SearchResult{}, r.query, err
		}
		if !ok {
			return storage.SearchResult{}, r.query, errNoSuchActor
		}
		r.query.Actors = append(r.query.Actors, storage.ActorFilter{ActorID: act.ID, Role: r.role})
	}
	if r.topic != "" {
		t, ok, err := store.FindTopic(r.topic)
		if err != nil {
			return storage.SearchResult{}, r.query, err
		}
		if !ok {
			return storage.SearchResult{}, r.query, errNoSuchTopic
		}
		r.query.Topics = append(r.query.Topics, storage.TopicFilter{TopicID: t.ID, Stance: r.stance})
	}
	res, err := store.Search(r.query)
	return res, r.query, err
}

// storeListing is what the library pane's listing reads of store: the
// pane's own actions (buildPanes) and start-up's first listing
// (loadStart, before the pane exists).
func storeListing(store *storage.Library) libraryActions {
	return libraryActions{
		list:  func(r listRequest) (storage.SearchResult, storage.SearchQuery, error) { return listArticles(store, r) },
		infos: store.ArticleInfos,
		hits:  store.SearchHits,
	}
}

// unifyActors merges the library's actors that are one entity, after the
// window shows the first article (it reads the built-in data, which takes
// a moment), and shows the result when it merged any.
func (c *controller) unifyActors() {
	var (
		merged []string
		err    error
	)
	c.sh.run(func() { merged, err = unifyActors(c.store) }, func() {
		if err != nil {
			c.sh.showError("Could not merge actors that are one", err)
		}
		if len(merged) > 0 {
			c.sh.setStatus("Merged actors that are one: %s.", strings.Join(merged, "; "))
			c.reloadActors(nil)
		}
	})
}

// ready tells a waiting benchmark or test that the first article is shown.
func (c *controller) ready() {
	if c.onReady != nil {
		f := c.onReady
		c.onReady = nil
		f()
	}
}

// openArticle reads an article with its highlights and shows it; the
// library remembers it as the one to show on the next start.
func (c *controller) openArticle(id string) {
	var o openedArticle
	c.sh.run(func() { o = c.readArticle(id) }, func() {
		if o.err != nil {
			c.sh.showError("Could not open the article", o.err)
			return
		}
		c.showArticle(o)
	})
}

// showArticle puts a loaded article into the reader, the notes pane and
// the window title, and marks it in the library list.
func (c *controller) showArticle(o openedArticle) {
	c.rememberPlace()
	c.current, c.art, c.info, c.hls = o.id, o.art, o.info, o.hls
	c.selected = ""
	c.reader.show(o.art, c.actors.viewHighlights(o.hls))
	c.notes.show(o.id, o.hls, c.actors, "")
	c.library.markOpened(o.id)
	c.library.updateInfo(o.info) // its row may be older than what was read (a restored version)
	c.sh.win.SetTitle(orUntitled(o.art.Title) + " — Dramatis")
	if o.id == c.demo.article {
		c.sh.setStatus("This is the example article. Help ▸ Remove the Example Article takes it and its actors out of the library.")
	}
	if j := c.pendingJump; j != "" {
		c.pendingJump = ""
		c.selectHighlight(j, true)
	} else if off := c.places.of(o.id); off > 0 {
		c.reader.setPlace(off) // where the reader left it
	}
	c.ready()
	c.prepareSuggestions()
}

// rememberPlace keeps the reading position of the article in the reader,
// in the library, off the main goroutine.
func (c *controller) rememberPlace() {
	if data, ok := c.placeChanged(); ok {
		c.sh.run(func() { _ = c.store.SetPreference(libPrefPositions, data) }, nil)
	}
}

// rememberPlaceNow is rememberPlace at quit: written before the library
// closes.
func (c *controller) rememberPlaceNow() {
	if data, ok := c.placeChanged(); ok {
		_ = c.store.SetPreference(libPrefPositions, data)
	}
}

// placeChanged records the current article's position and returns the
// positions to store when that changed them.
func (c *controller) placeChanged() ([]byte, bool) {
	if c.current == "" || c.art == nil || !c.places.set(c.current, c.reader.place()) {
		return nil, false
	}
	return c.places.encode(), true
}

// showNoArticle empties the reader and the notes when no article is left.
func (c *controller) showNoArticle() {
	c.current, c.art, c.hls, c.selected = "", nil, nil, ""
	c.sh.win.SetTitle("Dramatis")
	c.reader.clear()
	c.notes.show("", nil, c.actors, "")
}

// selectHighlight makes a highlight the target of Edit and Delete and shows
// it in both panes, outlined in the text and marked in the notes; scroll
// brings it into view in the reader. "" selects none.
func (c *controller) selectHighlight(id string, scroll bool) {
	c.selected = id
	c.reader.mark(id, scroll)
	c.notes.reveal(id)
	c.notes.markSelected(id)
}

// prepareSuggestions lets the matcher read the article's names in the
// background, so that the actor picker opens at once even on a long one.
func (c *controller) prepareSuggestions() {
	if m, art := c.actorMatcher(), c.art; art != nil {
		c.sh.run(func() { m.Prepare(art) }, nil)
	}
}

// refreshed is what refreshCurrent reads again after a change.
type refreshed struct {
	hls                 []annotation.Highlight
	info                storage.ArticleInfo
	counts, topicCounts map[string]int
	demo                demoState
	err                 error
}

// refreshCurrent re-reads the current article's highlights and info after a
// change, so that every pane shows what the library holds; then runs after.
func (c *controller) refreshCurrent(then func()) {
	id := c.current
	if id == "" {
		if then != nil {
			then()
		}
		return
	}
	var r refreshed
	demoID := c.demo.article
	c.sh.run(func() {
		r.demo = loadDemoState(c.store, demoID)
		if r.hls, r.err = c.store.Highlights(id); r.err != nil {
			return
		}
		if _, r.info, r.err = c.store.Article(id); r.err != nil {
			return
		}
		if r.counts, r.err = c.store.HighlightCounts(); r.err != nil {
			return
		}
		r.topicCounts, r.err = c.store.TopicCounts()
	}, func() {
		if r.err != nil {
			c.sh.showError("Could not read the library", r.err)
			return
		}
		if id != c.current {
			return
		}
		c.hls, c.info, c.counts, c.topicCounts = r.hls, r.info, r.counts, r.topicCounts
		c.setDemo(r.demo)
		c.reader.setHighlights(c.actors.viewHighlights(r.hls))
		c.notes.show(id, c.hls, c.actors, c.selected)
		c.library.updateInfo(r.info)
		if c.actorsW != nil {
			c.actorsW.reload()
		}
		if c.topicsW != nil {
			c.topicsW.reload()
		}
		if then != nil {
			then()
		}
	})
}

// reloadActors re-reads all actors (after a rename, merge, recolour) and
// redraws everything that shows them.
func (c *controller) reloadActors(then func()) {
	var (
		actors      []annotation.Actor
		topics      []annotation.Topic
		topicCounts map[string]int
		counts      map[string]int
		demo        demoState
		live, all   *recognize.Matcher
		err         error
		demoBefore  = c.demo.article
	)
	c.sh.run(func() {
		if actors, err = c.store.Actors(); err != nil {
			return
		}
		if topics, err = c.store.Topics(); err != nil {
			return
		}
		if topicCounts, err = c.store.TopicCounts(); err != nil {
			return
		}
		if counts, err = c.store.HighlightCounts(); err != nil {
			return
		}
		demo = loadDemoState(c.store, demoBefore)
		live, all = buildMatchers(actors, demo)
	}, func() {
		if err != nil {
			c.sh.showError("Could not read the actors", err)
			return
		}
		c.setActors(actors, counts)
		c.setTopics(topics)
		c.topicCounts = topicCounts
		c.matcher, c.matcherAll = live, all
		c.takeDemo(demo)
		c.prepareSuggestions()
		c.refreshCurrent(then)
	})
}

// setDemo takes a new demo state; when a demo actor was used elsewhere it
// joins the reader's actors, and the matchers are built again.
func (c *controller) setDemo(d demoState) {
	same := c.demo.sameActors(d)
	c.takeDemo(d)
	if same {
		return
	}
	actors := c.actors.sorted()
	var live, all *recognize.Matcher
	c.sh.run(func() { live, all = buildMatchers(actors, d) }, func() {
		c.matcher, c.matcherAll = live, all
		c.prepareSuggestions()
	})
}

// setActors replaces the actor cache.
func (c *controller) setActors(actors []annotation.Actor, counts map[string]int) {
	c.actors = newActorSet(actors)
	if c.library != nil {
		names := make([]string, 0, len(actors))
		for _, a := range actors {
			names = append(names, a.Name)
		}
		slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		c.library.filters.setActors(names)
	}
	if counts != nil {
		c.counts = counts
	}
}

// setTopics replaces the topic cache, which the notes pane reads too.
func (c *controller) setTopics(topics []annotation.Topic) {
	c.topics = newTopicSet(topics)
	c.notes.topics = c.topics
	if c.library != nil {
		names := make([]string, 0, len(topics))
		for _, t := range c.topics.sorted() {
			names = append(names, t.Name)
		}
		c.library.filters.setTopics(names)
	}
}

// useRecentTopics moves topics to the front of the topics offered first.
func (c *controller) useRecentTopics(ids []string) {
	out := append([]string(nil), ids...)
	for _, id := range c.recentTopics {
		if !slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	c.recentTopics = out[:min(len(out), maxRecent)]
}

// useRecent moves actors to the front of the recently-used list.
func (c *controller) useRecent(ids []string) {
	out := append([]string(nil), ids...)
	for _, id := range c.recent {
		dup := false
		for _, n := range ids {
			dup = dup || n == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	if len(out) > maxRecent {
		out = out[:maxRecent]
	}
	c.recent = out
	// Remembered in the library, so digits pick the same actors tomorrow.
	data := []byte(strings.Join(out, ","))
	c.sh.run(func() { _ = c.store.SetPreference(libPrefRecentActors, data) }, nil)
}

// forgetRecent drops actors from the recently-used list (they are gone).
func (c *controller) forgetRecent(ids []string) {
	kept := c.recent[:0]
	for _, id := range c.recent {
		if !slices.Contains(ids, id) {
			kept = append(kept, id)
		}
	}
	c.recent = kept
	data := []byte(strings.Join(kept, ","))
	c.sh.run(func() { _ = c.store.SetPreference(libPrefRecentActors, data) }, nil)
}

// maxRecent is how many recent actors are remembered: the picker's digits
// 1–9 reach that many.
const maxRecent = 9

// highlight returns the current article's highlight by id.
func (c *controller) highlight(id string) (annotation.Highlight, bool) {
	for _, h := range c.hls {
		if h.ID == id {
			return h, true
		}
	}
	return annotation.Highlight{}, false
}

// deleteCurrentArticle removes the article in the reader, with its
// highlights, after asking; the list then shows the next article.
func (c *controller) deleteCurrentArticle() {
	if c.current == "" || c.art == nil {
		return
	}
	id, title, n := c.current, orUntitled(c.art.Title), len(c.hls)
	msg := fmt.Sprintf("Delete “%s” from the library?", title)
	if n > 0 {
		msg = fmt.Sprintf("Delete “%s” and its %s from the library? This cannot be undone.", title, plural.Of(n, "highlight"))
	}
	dialog.ShowConfirm("Delete article", msg, func(yes bool) {
		if yes {
			c.deleteArticle(id)
		}
	}, c.sh.win)
}

// deleteArticle deletes an article and shows the one that took its place
// in the list, as in a mail client, not the first.
func (c *controller) deleteArticle(id string) {
	var (
		list   listing
		counts map[string]int
		err    error
	)
	pos := max(c.library.rowOf(id), 0)
	r := c.library.request()
	c.sh.run(func() {
		if err = c.store.DeleteArticle(id); err != nil {
			return
		}
		if list, err = readListing(c.library.do, r); err != nil {
			return
		}
		counts, err = c.store.HighlightCounts()
	}, func() {
		if err != nil {
			c.sh.showError("Could not delete the article", err)
			return
		}
		c.counts = counts
		c.undo.forget(id)
		if id == c.current {
			c.current, c.art = "", nil // gone: no place to remember
		}
		if id == c.demo.article {
			c.takeDemo(demoState{})
		}
		if c.places.forget(id) {
			data := c.places.encode()
			c.sh.run(func() { _ = c.store.SetPreference(libPrefPositions, data) }, nil)
		}
		c.library.selected = ""
		c.library.setListing(list)
		c.sh.setStatus("Article deleted.")
		if shown := c.library.ids; len(shown) > 0 {
			c.openArticle(shown[min(pos, len(shown)-1)])
			return
		}
		if list.total == 0 {
			c.showNoArticle()
			return
		}
		// A search or filter hides the rest: show them all again.
		c.library.showAll()
	})
}

// exportArticle is the article in the reader as export sees it, with the
// library's actors; ok is false when none is open.
func (c *controller) exportArticle() (export.Article, map[string]annotation.Actor, map[string]annotation.Topic, bool) {
	if c.art == nil {
		return export.Article{}, nil, nil, false
	}
	art := export.Article{ID: c.current, Added: c.info.Added, Article: *c.art, Highlights: append([]annotation.Highlight(nil), c.hls...)}
	return art, c.actors, c.topics, true
}
