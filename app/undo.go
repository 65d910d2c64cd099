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
func (a *App) undoLast() {
	c, ok := a.undo.pop()
	if !ok {
		a.setStatus("Nothing to undo.")
		return
	}
	var err error
	var artID string
	a.run(func() {
		if c.before == nil {
			artID = c.after.ArticleID
			err = a.lib.DeleteHighlight(c.after.ID)
			return
		}
		artID = c.before.ArticleID
		err = a.lib.PutHighlight(*c.before)
	}, func() {
		if err != nil {
			a.showError("Could not undo", err)
			return
		}
		if c.before == nil {
			a.reader.view.RemoveHighlight(c.after.ID)
		}
		// Show what the undo did: the highlight put back is selected and in
		// view; the passage of an undone new highlight is selected again,
		// so that H tags it anew.
		show := func() {
			if c.before != nil {
				a.reader.selectHighlight(c.before.ID, true)
				return
			}
			a.reader.view.SetSelection(c.after.Start, c.after.End)
			a.reader.view.ScrollToOffset(c.after.Start)
		}
		if artID != a.current {
			if c.before != nil {
				a.pendingJump = c.before.ID
			}
			a.openArticle(artID)
		} else {
			a.refreshCurrent(show)
		}
		a.setStatus("Undone.")
	})
}
