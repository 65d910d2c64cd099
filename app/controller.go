package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// start loads the library off the main goroutine: the article list, the
// actors, the demo article on a first start, the sources given on the
// command line, and then the article read last.
func (a *App) start() {
	var (
		items   []storage.ArticleInfo
		actors  []annotation.Actor
		counts  map[string]int
		last    string
		imports []string
		errs    []error
		demoHL  string
		matcher *recognize.Matcher
		recent  []string
		art     *article.Article
		info    storage.ArticleInfo
		hls     []annotation.Highlight
		artErr  error
	)
	a.setStatus("Opening the library…")
	a.run(func() {
		var err error
		if items, err = a.lib.Articles(); err != nil {
			errs = append(errs, err)
			return
		}
		if len(items) == 0 && !a.opts.NoDemo && len(a.opts.Open) == 0 {
			if id, hl, err := importDemo(a.lib); err != nil {
				errs = append(errs, err)
			} else {
				last, demoHL = id, hl
			}
		}
		for _, src := range a.opts.Open {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			art, err := article.Load(ctx, src, nil)
			cancel()
			if err == nil {
				var res storage.ImportResult
				if res, err = a.lib.ImportArticle(art); err == nil {
					imports = append(imports, res.ID)
				}
			}
			if err != nil {
				errs = append(errs, err)
			}
		}
		if last == "" {
			if b, err := a.lib.GetPreference(libPrefLastArticle); err == nil {
				last = string(b)
			}
		}
		if b, err := a.lib.GetPreference(libPrefRecentActors); err == nil && len(b) > 0 {
			recent = strings.Split(string(b), ",")
		}
		if len(imports) > 0 {
			last = imports[len(imports)-1]
		}
		if items, err = a.lib.Articles(); err != nil {
			errs = append(errs, err)
		}
		actors, _ = a.lib.Actors()
		counts, _ = a.lib.HighlightCounts()
		matcher = recognize.NewMatcher(actors)
		if !containsArticle(items, last) && len(items) > 0 {
			last = items[0].ID
		}
		if last != "" {
			// Read the article here too: one trip to the main loop, not two.
			art, info, artErr = a.lib.Article(last)
			if artErr == nil {
				hls, artErr = a.lib.Highlights(last)
			}
			_ = a.lib.SetPreference(libPrefLastArticle, []byte(last))
		}
	}, func() {
		a.setActors(actors, counts)
		a.matcher = matcher
		a.recent = recent
		a.library.setItems(items, false)
		a.setStatus("%s", a.lib.Path())
		if len(errs) > 0 {
			a.showError("Could not open everything", errors.Join(errs...))
		}
		if last == "" {
			a.reader.clear()
			a.notes.show()
			a.ready()
			return
		}
		if artErr != nil {
			a.showError("Could not open the article", artErr)
			return
		}
		if demoHL != "" {
			// The example highlight is the point of the demo: in view
			// even in a small window, and marked in the notes pane.
			a.pendingJump = demoHL
		}
		a.showArticle(last, art, info, hls)
	})
}

func containsArticle(items []storage.ArticleInfo, id string) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// ready tells a waiting benchmark or test that the first article is shown.
func (a *App) ready() {
	if a.onReady != nil {
		f := a.onReady
		a.onReady = nil
		f()
	}
}

// openArticle reads an article with its highlights and shows it; the
// library remembers it as the one to show on the next start.
func (a *App) openArticle(id string) {
	var (
		art  *article.Article
		info storage.ArticleInfo
		hls  []annotation.Highlight
		err  error
	)
	a.run(func() {
		if art, info, err = a.lib.Article(id); err != nil {
			return
		}
		if hls, err = a.lib.Highlights(id); err != nil {
			return
		}
		_ = a.lib.SetPreference(libPrefLastArticle, []byte(id))
	}, func() {
		if err != nil {
			a.showError("Could not open the article", err)
			return
		}
		a.showArticle(id, art, info, hls)
	})
}

// showArticle puts a loaded article into the reader, the notes pane and
// the window title, and marks it in the library list.
func (a *App) showArticle(id string, art *article.Article, info storage.ArticleInfo, hls []annotation.Highlight) {
	a.current, a.art, a.info, a.hls = id, art, info, hls
	a.reader.show(art, info, hls)
	a.notes.show()
	a.library.markOpened(id)
	a.win.SetTitle(orUntitled(art.Title) + " — Dramatis")
	if j := a.pendingJump; j != "" {
		a.pendingJump = ""
		a.reader.selectHighlight(j, true)
	}
	a.ready()
	a.prepareSuggestions()
}

// prepareSuggestions lets the matcher read the article's names in the
// background, so that the actor picker opens at once even on a long one.
func (a *App) prepareSuggestions() {
	if m, art := a.matcher, a.art; m != nil && art != nil {
		a.run(func() { m.Prepare(art) }, nil)
	}
}

// refreshCurrent re-reads the current article's highlights and info after a
// change, so that every pane shows what the library holds.
func (a *App) refreshCurrent(then func()) {
	id := a.current
	if id == "" {
		if then != nil {
			then()
		}
		return
	}
	var (
		hls    []annotation.Highlight
		info   storage.ArticleInfo
		counts map[string]int
		err    error
	)
	a.run(func() {
		if hls, err = a.lib.Highlights(id); err != nil {
			return
		}
		if _, info, err = a.lib.Article(id); err != nil {
			return
		}
		counts, err = a.lib.HighlightCounts()
	}, func() {
		if err != nil {
			a.showError("Could not read the library", err)
			return
		}
		if id != a.current {
			return
		}
		a.hls, a.info, a.counts = hls, info, counts
		a.reader.view.SetHighlights(a.reader.viewHighlights(hls))
		a.notes.show()
		a.library.updateInfo(info)
		if a.actorsW != nil {
			a.actorsW.reload()
		}
		if then != nil {
			then()
		}
	})
}

// reloadActors re-reads all actors (after a rename, merge, recolour) and
// redraws everything that shows them.
func (a *App) reloadActors(then func()) {
	var (
		actors  []annotation.Actor
		counts  map[string]int
		matcher *recognize.Matcher
		err     error
	)
	a.run(func() {
		if actors, err = a.lib.Actors(); err != nil {
			return
		}
		if counts, err = a.lib.HighlightCounts(); err != nil {
			return
		}
		matcher = recognize.NewMatcher(actors)
	}, func() {
		if err != nil {
			a.showError("Could not read the actors", err)
			return
		}
		a.setActors(actors, counts)
		a.matcher = matcher
		a.prepareSuggestions()
		a.refreshCurrent(then)
	})
}

// setActors replaces the actor cache.
func (a *App) setActors(actors []annotation.Actor, counts map[string]int) {
	a.actors = make(map[string]annotation.Actor, len(actors))
	for _, act := range actors {
		a.actors[act.ID] = act
	}
	if counts != nil {
		a.counts = counts
	}
}

// actorName is an actor's display name, or a placeholder for one that was deleted.
func (a *App) actorName(id string) string {
	if act, ok := a.actors[id]; ok {
		return act.Name
	}
	return "(unknown actor)"
}

// useRecent moves actors to the front of the recently-used list.
func (a *App) useRecent(ids []string) {
	out := append([]string(nil), ids...)
	for _, id := range a.recent {
		dup := false
		for _, n := range ids {
			dup = dup || n == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	if len(out) > 9 {
		out = out[:9]
	}
	a.recent = out
	// Remembered in the library, so digits pick the same actors tomorrow.
	data := []byte(strings.Join(out, ","))
	a.run(func() { _ = a.lib.SetPreference(libPrefRecentActors, data) }, nil)
}

// highlight returns the current article's highlight by id.
func (a *App) highlight(id string) (annotation.Highlight, bool) {
	for _, h := range a.hls {
		if h.ID == id {
			return h, true
		}
	}
	return annotation.Highlight{}, false
}

// deleteCurrentArticle removes the article in the reader, with its
// highlights, after asking; the list then shows the next article.
func (a *App) deleteCurrentArticle() {
	if a.current == "" || a.art == nil {
		return
	}
	id, title, n := a.current, orUntitled(a.art.Title), len(a.hls)
	msg := fmt.Sprintf("Delete “%s” from the library?", title)
	if n > 0 {
		msg = fmt.Sprintf("Delete “%s” and its %d highlight(s) from the library? This cannot be undone.", title, n)
	}
	dialog.ShowConfirm("Delete article", msg, func(yes bool) {
		if yes {
			a.deleteArticle(id)
		}
	}, a.win)
}

// deleteArticle deletes an article and shows the newest remaining one.
func (a *App) deleteArticle(id string) {
	var (
		items  []storage.ArticleInfo
		counts map[string]int
		err    error
	)
	// The reader goes on with the article that took the deleted one's
	// place in the list, as in a mail client, not with the first.
	pos := 0
	for i, it := range a.library.items {
		if it.ID == id {
			pos = i
		}
	}
	a.run(func() {
		if err = a.lib.DeleteArticle(id); err != nil {
			return
		}
		if items, err = a.lib.Articles(); err != nil {
			return
		}
		counts, err = a.lib.HighlightCounts()
	}, func() {
		if err != nil {
			a.showError("Could not delete the article", err)
			return
		}
		a.counts = counts
		a.undo.forget(id)
		a.library.selected = ""
		a.library.setItems(items, false)
		a.setStatus("Article deleted.")
		if len(items) == 0 {
			a.current, a.art, a.hls = "", nil, nil
			a.win.SetTitle("Dramatis")
			a.reader.clear()
			a.notes.show()
			return
		}
		next := items[0].ID
		if shown := a.library.items; len(shown) > 0 {
			next = shown[min(pos, len(shown)-1)].ID
		}
		a.openArticle(next)
	})
}
