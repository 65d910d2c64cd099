package app

import (
	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/annotation"
)

// The controller's side of the Actors window (actorEditor).

// showActors opens (or raises) the Actors window.
func (c *controller) showActors() {
	if c.actorsW == nil {
		c.actorsW = newActorsWindow(c.sh.fa, c)
		c.actorsW.win.SetOnClosed(func() { c.actorsW = nil })
	}
	c.actorsW.reload()
	c.actorsW.win.Show()
	c.actorsW.win.RequestFocus()
}

func (c *controller) actorList() []annotation.Actor { return c.actors.sorted() }

func (c *controller) actorByID(id string) (annotation.Actor, bool) {
	act, ok := c.actors[id]
	return act, ok
}

func (c *controller) actorName(id string) string { return c.actors.name(id) }

func (c *controller) highlightCount(id string) int { return c.counts[id] }

func (c *controller) showError(w fyne.Window, title string, err error) {
	c.sh.showErrorIn(w, title, err)
}

// loadActorHighlights reads an actor's highlights across the library and
// the titles of their articles.
func (c *controller) loadActorHighlights(id string, then func([]annotation.Highlight, map[string]string, error)) {
	c.loadPassages(func() ([]annotation.Highlight, error) { return c.store.ActorHighlights(id) }, then)
}

// loadPassages reads highlights with read off the main goroutine, and the
// titles of the articles they are in (only those, not the library's),
// and hands both to then.
func (c *controller) loadPassages(read func() ([]annotation.Highlight, error), then func([]annotation.Highlight, map[string]string, error)) {
	var (
		hls    []annotation.Highlight
		titles = map[string]string{}
		err    error
	)
	c.sh.run(func() {
		if hls, err = read(); err != nil {
			return
		}
		var ids []string
		seen := map[string]bool{}
		for _, h := range hls {
			if !seen[h.ArticleID] {
				seen[h.ArticleID] = true
				ids = append(ids, h.ArticleID)
			}
		}
		infos, lerr := c.store.ArticleInfos(ids)
		if lerr != nil {
			err = lerr
			return
		}
		for _, in := range infos {
			titles[in.ID] = in.Title
		}
	}, func() { then(hls, titles, err) })
}

// saveActor stores an actor and redraws everything that shows it.
func (c *controller) saveActor(act annotation.Actor, parent fyne.Window) {
	var err error
	c.sh.run(func() { _, err = c.store.UpdateActor(act) }, func() {
		if err != nil {
			c.sh.showErrorIn(parent, "Could not save the actor", err)
			return
		}
		c.reloadActors(nil)
	})
}

// mergeActors merges one actor into another in the library; the Actors
// window then shows the one merged into.
func (c *controller) mergeActors(fromID, intoID string, parent fyne.Window) {
	var err error
	c.sh.run(func() { err = c.store.MergeActors(fromID, intoID) }, func() {
		if err != nil {
			c.sh.showErrorIn(parent, "Could not merge the actors", err)
			return
		}
		c.reloadActors(func() {
			if c.actorsW != nil {
				c.actorsW.selectActor(intoID)
			}
		})
	})
}

// deleteActor removes an actor; its highlights stay without it.
func (c *controller) deleteActor(id string, parent fyne.Window) {
	var err error
	c.sh.run(func() { err = c.store.DeleteActor(id) }, func() {
		if err != nil {
			c.sh.showErrorIn(parent, "Could not delete the actor", err)
			return
		}
		c.reloadActors(nil)
	})
}

// jumpToHighlight opens an article in the main window and scrolls to one
// of its highlights; the main window comes to the front either way.
func (c *controller) jumpToHighlight(articleID, hlID string) {
	c.sh.win.RequestFocus()
	if articleID == c.current {
		c.selectHighlight(hlID, true)
		return
	}
	c.pendingJump = hlID
	c.openArticle(articleID)
}
