package app

import "github.com/dramatis-app/dramatis/annotation"

// change is one highlight change: before is nil for an added highlight,
// after is nil for a deleted one. created are the actors the change made
// in the picker: undoing it removes those that no highlight uses then.
type change struct {
	before, after *annotation.Highlight
	// created and createdTopics are the actors and topics made with the
	// change; undoing it deletes those no other highlight uses.
	created, createdTopics []string
}

// undoStack remembers highlight changes so Ctrl+Z can take them back, most
// recent first.
type undoStack struct {
	changes []change
}

// maxUndo bounds the memory the stack uses in a long session.
const maxUndo = 100

func newUndoStack() *undoStack { return &undoStack{} }

func (u *undoStack) push(c change) {
	u.changes = append(u.changes, c)
	if len(u.changes) > maxUndo {
		u.changes = u.changes[len(u.changes)-maxUndo:]
	}
}

// forget drops the changes of a deleted article: they cannot be undone.
func (u *undoStack) forget(articleID string) {
	kept := u.changes[:0]
	for _, c := range u.changes {
		h := c.after
		if h == nil {
			h = c.before
		}
		if h.ArticleID != articleID {
			kept = append(kept, c)
		}
	}
	u.changes = kept
}

func (u *undoStack) pop() (change, bool) {
	if len(u.changes) == 0 {
		return change{}, false
	}
	c := u.changes[len(u.changes)-1]
	u.changes = u.changes[:len(u.changes)-1]
	return c, true
}

// undoLast takes back the last highlight change: it deletes an added
// highlight, or puts back the previous state of an edited or deleted one
// exactly as it was stored.
func (c *controller) undoLast() {
	ch, ok := c.undo.pop()
	if !ok {
		c.sh.setStatus("Nothing to undo.")
		return
	}
	var err error
	var artID string
	var dropped []string
	var droppedTopics int
	c.sh.run(func() {
		if ch.before == nil {
			artID = ch.after.ArticleID
			if err = c.store.DeleteHighlight(ch.after.ID); err == nil {
				dropped, err = c.dropUnused(ch.created)
			}
			if err == nil {
				droppedTopics, err = c.dropUnusedTopics(ch.createdTopics)
			}
			return
		}
		artID = ch.before.ArticleID
		err = c.store.PutHighlight(*ch.before)
	}, func() {
		if err != nil {
			c.sh.showError("Could not undo", err)
			return
		}
		if len(dropped) > 0 || droppedTopics > 0 {
			c.forgetRecent(dropped)
			c.reloadActors(nil)
		}
		c.showUndone(ch, artID)
		c.sh.setStatus("Undone.")
	})
}

// dropUnusedTopics deletes the topics a change created that no highlight
// uses (off the main goroutine) and returns how many it deleted.
func (c *controller) dropUnusedTopics(created []string) (int, error) {
	n := 0
	for _, id := range created {
		hls, err := c.store.TopicHighlights(id)
		if err != nil {
			return n, err
		}
		if len(hls) > 0 {
			continue
		}
		if err := c.store.DeleteTopic(id); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// dropUnused deletes the actors a change created that no highlight uses
// (off the main goroutine) and returns their ids: an actor made in the
// picker and undone with its highlight is gone with it.
func (c *controller) dropUnused(created []string) ([]string, error) {
	var dropped []string
	for _, id := range created {
		hls, err := c.store.ActorHighlights(id)
		if err != nil {
			return dropped, err
		}
		if len(hls) > 0 {
			continue
		}
		if err := c.store.DeleteActor(id); err != nil {
			return dropped, err
		}
		dropped = append(dropped, id)
	}
	return dropped, nil
}

// showUndone shows what an undo did: the highlight put back is selected
// and in view; the passage of an undone new highlight is selected again,
// so that H tags it anew.
func (c *controller) showUndone(ch change, artID string) {
	if ch.before == nil {
		c.reader.removeHighlight(ch.after.ID)
	}
	if artID != c.current {
		if ch.before != nil {
			c.pendingJump = ch.before.ID
		}
		c.openArticle(artID)
		return
	}
	c.refreshCurrent(func() {
		if ch.before != nil {
			c.selectHighlight(ch.before.ID, true)
			return
		}
		c.reader.reselect(ch.after.Start, ch.after.End)
	})
}
