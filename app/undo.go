package app

import "github.com/dramatis-app/dramatis/annotation"

// change is one highlight change: before is nil for an added highlight,
// after is nil for a deleted one.
type change struct {
	before, after *annotation.Highlight
}

// undoStack remembers highlight changes so Ctrl+Z can take them back, most
// recent first. Actors created along the way stay: they may be in use.
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
	c.sh.run(func() {
		if ch.before == nil {
			artID = ch.after.ArticleID
			err = c.store.DeleteHighlight(ch.after.ID)
			return
		}
		artID = ch.before.ArticleID
		err = c.store.PutHighlight(*ch.before)
	}, func() {
		if err != nil {
			c.sh.showError("Could not undo", err)
			return
		}
		c.showUndone(ch, artID)
		c.sh.setStatus("Undone.")
	})
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
