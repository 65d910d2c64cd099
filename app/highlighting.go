package app

import (
	"unicode"

	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/widgets"
)

// pickerRoles lists roles in the order the picker offers them; the first
// is the default because most actors in a passage are only mentioned.
var pickerRoles = annotation.RoleNames()

// pickerKinds lists kinds for new actors, the most common in news first.
var pickerKinds = annotation.KindNames()

// highlightSelection highlights the reader's selection and opens the actor
// picker at once.
func (c *controller) highlightSelection() {
	if c.art == nil {
		return
	}
	text := []rune(c.art.Text())
	start, end := c.reader.selection()
	start, end = trimSpaces(text, start, end)
	if start == end {
		c.sh.setStatus("Select a passage in the article first, then press H.")
		return
	}
	// The same passage again (e.g. a double click on a highlighted word)
	// edits that highlight instead of laying a duplicate over it.
	for _, h := range c.hls {
		if h.Orphaned == "" && h.Start == start && h.End == end {
			c.selectHighlight(h.ID, false)
			c.editHighlight(h.ID)
			return
		}
	}
	passage := string(text[start:end])
	artID := c.current
	c.openPicker("Highlight", passage, start, end, nil, func(res widgets.PickerResult) {
		c.saveNewHighlight(artID, start, end, res)
	})
}

// trimSpaces narrows [start, end) to the words: a highlight is not the
// spaces or paragraph breaks around them (a keyboard selection often takes
// some).
func trimSpaces(text []rune, start, end int) (int, int) {
	start, end = max(0, start), min(end, len(text))
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	return start, max(start, end)
}

// editSelectedHighlight opens the picker on the highlight tapped last.
func (c *controller) editSelectedHighlight() {
	if id := c.selected; id != "" {
		c.editHighlight(id)
		return
	}
	c.sh.setStatus("Click a highlight first, then choose Edit.")
}

// deleteSelectedHighlight deletes the highlight tapped last.
func (c *controller) deleteSelectedHighlight() {
	if id := c.selected; id != "" {
		c.deleteHighlight(id)
		return
	}
	c.sh.setStatus("Click a highlight first, then choose Delete.")
}

// showHighlightMenu is the context menu of a highlight, in the reader and
// in the notes pane alike.
func (c *controller) showHighlightMenu(id string, abs fyne.Position) {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Edit Actors and Note…", func() { c.editHighlight(id) }),
		fyne.NewMenuItem("Delete Highlight", func() { c.deleteHighlight(id) }),
		fyne.NewMenuItem("Copy Quote", func() {
			if h, ok := c.highlight(id); ok {
				c.sh.clipboard().SetContent(h.Quote.Exact)
			}
		}),
	}
	if c.highlightMenuExtras != nil {
		items = append(items, c.highlightMenuExtras(id)...)
	}
	c.sh.showMenu(items, abs)
}

// editHighlight lets the reader change a highlight's actors, roles and note.
func (c *controller) editHighlight(id string) {
	h, ok := c.highlight(id)
	if !ok {
		return
	}
	var chosen []widgets.PickedActor
	for _, ref := range h.Actors {
		if act, ok := c.actors[ref.ActorID]; ok {
			chosen = append(chosen, widgets.PickedActor{PickerActor: pickerActor(act), Role: string(ref.Role)})
		}
	}
	start, end := h.Start, h.End
	if h.Orphaned != "" {
		start, end = -1, -1 // no place in the text to sit beside
	}
	c.openPicker("Edit highlight", h.Quote.Exact, start, end, &pickerStart{chosen: chosen, note: h.Note}, func(res widgets.PickerResult) {
		c.saveEditedHighlight(h, res)
	})
}

// openPicker shows the actor picker with the library's actors, the ones
// suggested for the passage and the recent ones, beside the passage at
// [from, to) (-1: none in the text).
func (c *controller) openPicker(title, passage string, from, to int, start *pickerStart, done func(widgets.PickerResult)) {
	// The demo's own actors stay out of the way away from the demo.
	var library []widgets.PickerActor
	for _, act := range c.actors.sorted() {
		if !c.demo.hides(act.ID, c.current) {
			library = append(library, pickerActor(act))
		}
	}
	var recent []widgets.PickerActor
	for _, id := range c.recent {
		if act, ok := c.actors[id]; ok && !c.demo.hides(id, c.current) {
			pa := pickerActor(act)
			pa.Hint = "recent"
			recent = append(recent, pa)
		}
	}
	p := widgets.NewPicker(library, c.suggest(passage), recent, pickerRoles, pickerKinds)
	p.Lookup = c.lookupActors
	if start != nil {
		p.SetChosen(start.chosen, start.note)
	}
	// Give the keyboard back to the reader when the picker closes:
	// otherwise its note field keeps the focus and swallows Ctrl+Z, H and
	// the arrows.
	showPicker(c.sh, p, title, passage, c.reader.anchorFor(from, to), done, c.reader.focus)
	c.picker = p
}

// newActors turns the picker's choice into actor references. Actors not in
// the library yet get their ids here and are returned to be stored in the
// same transaction as the highlight that names them. It runs off the main
// goroutine.
func (c *controller) newActors(picked []widgets.PickedActor, suggested map[string]annotation.Actor) ([]annotation.ActorRef, []annotation.Actor, error) {
	var refs []annotation.ActorRef
	var created []annotation.Actor
	for _, p := range picked {
		id := p.ID
		if id == "" {
			act, isNew, err := c.actorFor(p, suggested, created)
			if err != nil {
				return nil, nil, err
			}
			if isNew {
				created = append(created, act)
			}
			id = act.ID
		}
		role := annotation.Role(p.Role)
		if !role.Valid() {
			role = annotation.RoleMentioned
		}
		refs = append(refs, annotation.ActorRef{ActorID: id, Role: role})
	}
	return refs, created, nil
}

// actorFor finds the library actor a picked name means, or one created
// earlier in the same choice, or makes a new one (isNew: with a fresh id,
// not yet stored). A built-in suggestion brings its aliases and Wikidata id.
func (c *controller) actorFor(p widgets.PickedActor, suggested map[string]annotation.Actor, created []annotation.Actor) (act annotation.Actor, isNew bool, err error) {
	if act, found, err := c.store.FindActor(p.Name); err != nil || found {
		return act, false, err
	}
	for _, act := range created {
		if annotation.NameKey(act.Name) == annotation.NameKey(p.Name) {
			return act, false, nil
		}
	}
	kind := annotation.Kind(p.Kind)
	if !kind.Valid() {
		kind = annotation.KindOther
	}
	full, ok := suggested[annotation.NameKey(p.Name)]
	if !ok {
		full = annotation.Actor{Name: p.Name, Aliases: p.Aliases}
	}
	full.ID, full.Kind, full.Color = annotation.NewID(), kind, ""
	return full, true, nil
}

// saveNewHighlight stores a new highlight with its actors and note; actors
// created in the picker are stored in the same transaction, so that a
// window killed halfway leaves neither without the other.
func (c *controller) saveNewHighlight(artID string, start, end int, res widgets.PickerResult) {
	suggested := c.suggested
	var (
		saved   annotation.Highlight
		created []annotation.Actor
		err     error
	)
	c.sh.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = c.newActors(res.Actors, suggested); err != nil {
			return
		}
		saved, created, err = c.store.AddHighlightWithActors(annotation.Highlight{ArticleID: artID, Start: start, End: end, Actors: refs, Note: res.Note}, created)
	}, func() {
		if err != nil {
			c.sh.showError("Could not save the highlight", err)
			return
		}
		if artID == c.current {
			c.reader.collapseSelection(end)
		}
		c.afterChange(created, saved, func() { c.selectHighlight(saved.ID, false) })
		c.undo.push(change{after: &saved, created: actorIDs(created)})
		c.sh.setStatus("Highlighted. Ctrl+Z undoes it.")
	})
}

// saveEditedHighlight stores a highlight's new actors and note, with the
// actors created in the picker, in one transaction.
func (c *controller) saveEditedHighlight(before annotation.Highlight, res widgets.PickerResult) {
	suggested := c.suggested
	var (
		saved   annotation.Highlight
		created []annotation.Actor
		err     error
	)
	c.sh.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = c.newActors(res.Actors, suggested); err != nil {
			return
		}
		h := before
		h.Actors, h.Note = refs, res.Note
		saved, created, err = c.store.UpdateHighlightWithActors(h, created)
	}, func() {
		if err != nil {
			c.sh.showError("Could not save the highlight", err)
			return
		}
		b := before
		c.undo.push(change{before: &b, after: &saved})
		c.afterChange(created, saved, nil)
		c.sh.setStatus("Highlight changed. Ctrl+Z undoes it.")
	})
}

// actorIDs lists the actors' ids.
func actorIDs(actors []annotation.Actor) []string {
	ids := make([]string, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	return ids
}

// deleteHighlight removes a highlight; Ctrl+Z brings it back.
func (c *controller) deleteHighlight(id string) {
	h, ok := c.highlight(id)
	if !ok {
		return
	}
	var err error
	c.sh.run(func() { err = c.store.DeleteHighlight(id) }, func() {
		if err != nil {
			c.sh.showError("Could not delete the highlight", err)
			return
		}
		c.undo.push(change{before: &h})
		if c.selected == id {
			c.selectHighlight("", false)
		}
		c.reader.removeHighlight(id)
		c.refreshCurrent(nil)
		c.sh.setStatus("Highlight deleted. Ctrl+Z brings it back.")
	})
}

// afterChange updates the caches and panes after a highlight was saved;
// then runs once the panes show the library's state.
func (c *controller) afterChange(created []annotation.Actor, saved annotation.Highlight, then func()) {
	for _, act := range created {
		c.actors[act.ID] = act
	}
	var ids []string
	for _, r := range saved.Actors {
		ids = append(ids, r.ActorID)
	}
	c.useRecent(ids)
	if saved.ArticleID == c.current {
		c.reader.updateHighlight(c.actors.viewHighlight(saved))
	}
	if len(created) > 0 {
		c.reloadActors(then)
		return
	}
	c.refreshCurrent(then)
}
