package app

import (
	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// change is one highlight change: before is nil for an added highlight,
// after is nil for a deleted one. created are the actors the change (an
// add or an edit) made in the picker: undoing it removes those that no
// highlight uses then.
type change struct {
	before, after *annotation.Highlight
	// created and createdTopics are the actors and topics made with the
	// change; undoing it deletes those no other highlight uses.
	created, createdTopics []string
	// dropped are the created actors and topics the undo deleted, as they
	// were stored: redoing the change puts them back with their ids,
	// names and aliases before the highlight that names them.
	dropped storage.NewTags
}

// undoStack remembers highlight changes so Ctrl+Z can take them back, most
// recent first, and the changes taken back so Ctrl+Y can make them again.
type undoStack struct {
	changes []change
	// undone are the changes undone since the last new one, the last
	// undone at the end; a new change clears them, as in every editor.
	undone []change
	// onChange hears that what can be undone or redone may have changed
	// (the Edit menu enables its items by it); nil when no one listens.
	onChange func()
}

// maxUndo bounds the memory the stack uses in a long session.
const maxUndo = 100

func newUndoStack() *undoStack { return &undoStack{} }

// push records a new change: the changes undone before it cannot be
// redone any more, since they may clash with it.
func (u *undoStack) push(c change) {
	u.undone = nil
	u.record(c)
}

// record puts a change on the undo side without touching the redo side
// (a redo puts its change back this way).
func (u *undoStack) record(c change) {
	u.changes = append(u.changes, c)
	if len(u.changes) > maxUndo {
		u.changes = u.changes[len(u.changes)-maxUndo:]
	}
	u.changed()
}

// recordUndone keeps a change that was undone, for a redo.
func (u *undoStack) recordUndone(c change) {
	u.undone = append(u.undone, c)
	if len(u.undone) > maxUndo {
		u.undone = u.undone[len(u.undone)-maxUndo:]
	}
	u.changed()
}

// canUndo and canRedo say whether there is a change to take back or to
// make again.
func (u *undoStack) canUndo() bool { return len(u.changes) > 0 }
func (u *undoStack) canRedo() bool { return len(u.undone) > 0 }

// changed tells the listener, if any, that the stack changed.
func (u *undoStack) changed() {
	if u.onChange != nil {
		u.onChange()
	}
}

// forget drops the changes of a deleted article, on both sides: they can
// be neither undone nor redone.
func (u *undoStack) forget(articleID string) {
	u.changes = withoutArticle(u.changes, articleID)
	u.undone = withoutArticle(u.undone, articleID)
	u.changed()
}

// withoutArticle keeps the changes of other articles than articleID.
func withoutArticle(changes []change, articleID string) []change {
	kept := changes[:0]
	for _, c := range changes {
		if c.highlight().ArticleID != articleID {
			kept = append(kept, c)
		}
	}
	return kept
}

// highlight is the highlight a change is about (after it, or before it for
// a deletion).
func (c change) highlight() *annotation.Highlight {
	if c.after != nil {
		return c.after
	}
	return c.before
}

// pop takes the last change off the undo side.
func (u *undoStack) pop() (change, bool) {
	return u.take(&u.changes)
}

// popUndone takes the last undone change off the redo side.
func (u *undoStack) popUndone() (change, bool) {
	return u.take(&u.undone)
}

// take removes and returns the last change of *side.
func (u *undoStack) take(side *[]change) (change, bool) {
	s := *side
	if len(s) == 0 {
		return change{}, false
	}
	c := s[len(s)-1]
	*side = s[:len(s)-1]
	u.changed()
	return c, true
}

// undoLast takes back the last highlight change: it deletes an added
// highlight, or puts back the previous state of an edited or deleted one
// exactly as it was stored. The change can then be redone.
func (c *controller) undoLast() {
	ch, ok := c.undo.pop()
	if !ok {
		c.sh.setStatus("Nothing to undo.")
		return
	}
	var err error
	c.sh.run(func() {
		if ch.before == nil {
			ch.dropped, err = c.deleteAdded(ch)
			return
		}
		if err = c.store.PutHighlight(*ch.before); err == nil {
			ch.dropped, err = c.dropCreated(ch) // an edit's new actors and topics
		}
	}, func() {
		if err != nil {
			c.sh.showError("Could not undo", err)
			return
		}
		c.undo.recordUndone(ch)
		if len(ch.dropped.Actors) > 0 || len(ch.dropped.Topics) > 0 {
			c.forgetRecent(actorIDs(ch.dropped.Actors))
			c.reloadActors(nil)
		}
		c.showUndone(ch, ch.highlight().ArticleID)
		c.sh.setStatus("Undone. Ctrl+Y redoes it.")
	})
}

// deleteAdded takes back an added highlight (off the main goroutine): it
// deletes the highlight and the actors and topics made with it that no
// other highlight uses, and returns those as they were stored.
func (c *controller) deleteAdded(ch change) (storage.NewTags, error) {
	if err := c.store.DeleteHighlight(ch.after.ID); err != nil {
		return storage.NewTags{}, err
	}
	return c.dropCreated(ch)
}

// dropCreated deletes the actors and topics a change made in the picker
// that no highlight uses once it is undone, and returns them as they were
// stored (off the main goroutine).
func (c *controller) dropCreated(ch change) (storage.NewTags, error) {
	var dropped storage.NewTags
	var err error
	if dropped.Actors, err = c.dropUnused(ch.created); err != nil {
		return dropped, err
	}
	dropped.Topics, err = c.dropUnusedTopics(ch.createdTopics)
	return dropped, err
}

// redoLast makes the last undone highlight change again, through the same
// library calls as undo, so the library holds what it held before the
// undo: an added highlight comes back with its id, times and statements,
// with the actors and topics the undo deleted in the same transaction; an
// edit stores the edited highlight as it was saved; a deletion deletes.
// The status says "Redone" only once the library has it.
func (c *controller) redoLast() {
	ch, ok := c.undo.popUndone()
	if !ok {
		c.sh.setStatus("Nothing to redo.")
		return
	}
	var err error
	c.sh.run(func() { err = c.redoChange(ch) }, func() {
		if err != nil {
			c.sh.showError("Could not redo", err)
			return
		}
		c.undo.record(ch)
		c.showRedone(ch)
		c.sh.setStatus("Redone. Ctrl+Z undoes it.")
	})
}

// redoChange stores a change again (off the main goroutine).
func (c *controller) redoChange(ch change) error {
	switch {
	case ch.after == nil:
		return c.store.DeleteHighlight(ch.before.ID)
	case len(ch.dropped.Actors) > 0 || len(ch.dropped.Topics) > 0:
		// One transaction, as when the highlight was first made or
		// edited: a window killed halfway leaves neither the actors
		// without their highlight nor the reverse.
		return c.store.PutBatch(storage.Batch{Actors: ch.dropped.Actors, Topics: ch.dropped.Topics,
			Highlights: []annotation.Highlight{*ch.after}})
	default:
		return c.store.PutHighlight(*ch.after)
	}
}

// showRedone shows what a redo did: a highlight made or changed again is
// selected and in view, a deleted one leaves the reader.
func (c *controller) showRedone(ch change) {
	if ch.after == nil {
		if c.selected == ch.before.ID {
			c.selectHighlight("", false)
		}
		c.reader.removeHighlight(ch.before.ID)
		if artID := ch.before.ArticleID; artID != c.current {
			c.openArticle(artID) // show where the change was, as undo does
		} else {
			c.refreshCurrent(nil)
		}
		return
	}
	id, artID := ch.after.ID, ch.after.ArticleID
	then := func() { c.selectHighlight(id, true) }
	switch {
	case artID != c.current:
		// Undone in another article: open it at the highlight, as undo does.
		then = func() {
			c.pendingJump = id
			c.openArticle(artID)
		}
	case ch.before == nil:
		c.reader.collapseSelection(ch.after.End) // the passage is a highlight again
	}
	c.afterChange(ch.dropped, *ch.after, then)
}

// dropUnusedTopics deletes the topics a change created that no highlight
// uses (off the main goroutine) and returns them as they were stored. All
// are read before any is deleted: deleting a topic moves the topics under
// it, and a redo must put back what was there.
func (c *controller) dropUnusedTopics(created []string) ([]annotation.Topic, error) {
	var unused []annotation.Topic
	for _, id := range created {
		hls, err := c.store.TopicHighlights(id)
		if err != nil {
			return nil, err
		}
		if len(hls) > 0 {
			continue
		}
		t, err := c.store.Topic(id)
		if err != nil {
			return nil, err
		}
		unused = append(unused, t)
	}
	for i, t := range unused {
		if err := c.store.DeleteTopic(t.ID); err != nil {
			return unused[:i], err
		}
	}
	return unused, nil
}

// dropUnused deletes the actors a change created that no highlight uses
// (off the main goroutine) and returns them as they were stored: an actor
// made in the picker and undone with its highlight is gone with it, and
// comes back with it on a redo.
func (c *controller) dropUnused(created []string) ([]annotation.Actor, error) {
	var dropped []annotation.Actor
	for _, id := range created {
		hls, err := c.store.ActorHighlights(id)
		if err != nil {
			return dropped, err
		}
		if len(hls) > 0 {
			continue
		}
		act, err := c.store.Actor(id)
		if err != nil {
			return dropped, err
		}
		if err := c.store.DeleteActor(id); err != nil {
			return dropped, err
		}
		dropped = append(dropped, act)
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
