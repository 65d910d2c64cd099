package app

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// pickerRoles lists roles in the order the picker offers them; the first
// is the default because most actors in a passage are only mentioned.
var pickerRoles = annotation.RoleNames()

// pickerKinds lists kinds for new actors, the most common in news first.
var pickerKinds = annotation.KindNames()

// highlightSelection highlights the reader's selection and opens the actor
// picker at once. The passage is a slice of the article's text, not a copy
// in code points: a select-all of a 30 MB page spread into runes took
// 120 MB and tens of milliseconds before anything else was done.
func (c *controller) highlightSelection() {
	if c.art == nil || c.refuseReadOnly("no highlight can be saved in it") {
		return
	}
	text := c.art.Text()
	start, end := c.reader.selection()
	passage, start, end := trimSpaces(text, start, end)
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
	artID := c.current
	c.openPicker("Highlight", passage, start, end, nil, func(res widgets.PickerResult) {
		c.saveNewHighlight(artID, start, end, res)
	})
}

// trimSpaces narrows the code point range [start, end) of text to the
// words: a highlight is not the spaces or paragraph breaks around them (a
// keyboard selection often takes some). It returns the passage (a slice
// of text) and its range.
func trimSpaces(text string, start, end int) (string, int, int) {
	from, start := advance(text, 0, 0, max(0, start))
	to, end := advance(text, from, start, max(start, end))
	for from < to {
		r, n := utf8.DecodeRuneInString(text[from:])
		if !unicode.IsSpace(r) {
			break
		}
		from, start = from+n, start+1
	}
	for to > from {
		r, n := utf8.DecodeLastRuneInString(text[:to])
		if !unicode.IsSpace(r) {
			break
		}
		to, end = to-n, end-1
	}
	return text[from:to], start, end
}

// advance walks text from byte at (code point atOff) on to code point off,
// or to the end of text when off is past it, and says where it stopped in
// bytes and in code points.
func advance(text string, at, atOff, off int) (int, int) {
	for i := range text[at:] {
		if atOff >= off {
			return at + i, atOff
		}
		atOff++
	}
	return len(text), atOff
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
	if !ok || c.refuseReadOnly("no highlight can be changed in it") {
		return
	}
	var chosen []widgets.PickedActor
	for _, ref := range h.Actors {
		if act, ok := c.actors[ref.ActorID]; ok {
			pa := widgets.PickedActor{PickerActor: pickerActor(act), Role: string(ref.Role), Stance: string(ref.Stance)}
			if t, ok := c.topics[ref.Topic]; ok {
				pa.Topic = c.topics.pickerTopic(t)
			}
			chosen = append(chosen, pa)
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
	p.SetTopics(c.pickerTopics())
	if start != nil {
		p.SetChosen(start.chosen, start.note)
	}
	// Give the keyboard back to the reader when the picker closes:
	// otherwise its note field keeps the focus and swallows Ctrl+Z, H and
	// the arrows.
	showPicker(c.sh, p, title, passage, c.pickerAnchor(from, to), done, func() {
		c.pickerDone = nil
		c.reader.endPicker()
		c.reader.focus()
	})
	c.picker, c.pickerDone = p, done
}

// pickerAnchor scrolls the passage [from, to) to where the picker's panel
// has room beside it without covering it, and says where it is then: in
// view as the reader left it if there is room, else at the top of the
// view (room below), else at its bottom (room above; at 640×480 only
// there). The view gets blank space after the text for this, so that a
// short article scrolls too. Where none has room (a passage taller than
// the view), the place with the tallest panel is taken.
func (c *controller) pickerAnchor(from, to int) *anchor {
	area := c.sh.canvas().Size()
	best, bestH := passageInView, float32(-1)
	for _, place := range []passagePlace{passageInView, passageAtTop, passageAtBottom} {
		at := c.reader.anchorFor(from, to, place)
		_, size, fits := placePicker(area, at)
		if fits {
			return at
		}
		if size.Height > bestH {
			best, bestH = place, size.Height
		}
	}
	return c.reader.anchorFor(from, to, best)
}

// keepPickerAtQuit saves the passage of a picker still open when the
// window quits as it stands, with the actors and note chosen so far: the
// reader's words are not thrown away by Ctrl+Q or the close button, and a
// logout (SIGTERM) cannot wait for an answer to a question. Nothing is
// asked either way, as an editor that autosaves does not ask; a highlight
// not wanted is deleted in the next session like any other.
func (c *controller) keepPickerAtQuit() {
	done := c.pickerDone
	if done == nil {
		return
	}
	c.pickerDone = nil
	c.picker.OnSubmit = done // without hiding the panel: the window is going
	c.picker.Submit()
}

// refuseReadOnly says in the status line, before any work is done, that
// the library is read-only, why, and what cannot be done; it reports
// whether it refused.
func (c *controller) refuseReadOnly(cannot string) bool {
	why := c.store.ReadOnly()
	if why != "" {
		c.sh.setStatus("%s", readOnlyRefusal(why, cannot))
	}
	return why != ""
}

// readOnlyRefusal is the one line that refuses a change to a read-only
// library: why it is read-only (as the notice bar says) and what cannot
// be done.
func readOnlyRefusal(why, cannot string) string {
	return fmt.Sprintf("This library is read-only (%s): %s.", why, cannot)
}

// pickerTopics lists the library's topics and the recent ones for the
// picker's topic step, with the stances.
func (c *controller) pickerTopics() (library, recent []widgets.PickerTopic, stances []widgets.PickerStance) {
	for _, t := range c.topics.sorted() {
		library = append(library, c.topics.pickerTopic(t))
	}
	for _, id := range c.recentTopics {
		if t, ok := c.topics[id]; ok {
			recent = append(recent, c.topics.pickerTopic(t))
		}
	}
	return library, recent, pickerStances()
}

// newStatements turns the picker's choice into statements (actor, role,
// topic, stance). Actors and topics not in the library yet get their ids
// here and are returned to be stored in the same transaction as the
// highlight that names them. It runs off the main goroutine.
func (c *controller) newStatements(picked []widgets.PickedActor, suggested map[string]annotation.Actor) ([]annotation.ActorRef, storage.NewTags, error) {
	var refs []annotation.ActorRef
	var tags storage.NewTags
	for _, p := range picked {
		id := p.ID
		if id == "" {
			act, isNew, err := c.actorFor(p, suggested, tags.Actors)
			if err != nil {
				return nil, tags, err
			}
			if isNew {
				tags.Actors = append(tags.Actors, act)
			}
			id = act.ID
		}
		role := annotation.Role(p.Role)
		if !role.Valid() {
			role = annotation.RoleMentioned
		}
		ref := annotation.ActorRef{ActorID: id, Role: role}
		if p.Topic.Name != "" {
			t, err := c.topicWithParent(p.Topic, &tags)
			if err != nil {
				return nil, tags, err
			}
			ref.Topic = t.ID
			if st, ok := annotation.ParseStance(p.Stance); ok {
				ref.Stance = st
			}
		}
		refs = append(refs, ref)
	}
	return refs, tags, nil
}

// topicWithParent finds or makes the topic a picked one means (topicFor)
// and, for a new topic typed under a parent ("Sanktionen/Wirtschaft"),
// the parent: the library's, one made earlier in the same choice, or a
// new top-level topic. New topics join tags, a new parent before its
// child, so that they are stored with the highlight in one transaction.
func (c *controller) topicWithParent(pt widgets.PickerTopic, tags *storage.NewTags) (annotation.Topic, error) {
	t, isNew, err := c.topicFor(pt, tags.Topics)
	if err != nil || !isNew {
		return t, err
	}
	if pt.Parent != "" {
		parent, parentNew, err := c.topicFor(widgets.PickerTopic{ID: pt.ParentID, Name: pt.Parent}, tags.Topics)
		if err != nil {
			return t, err
		}
		if parentNew {
			tags.Topics = append(tags.Topics, parent)
		}
		t.Parent = parent.ID
	}
	tags.Topics = append(tags.Topics, t)
	return t, nil
}

// topicFor finds the topic a picked one means: the library's (by id, else
// by name or alias), one created earlier in the same choice, or a new one
// with a fresh id, not yet stored.
func (c *controller) topicFor(pt widgets.PickerTopic, created []annotation.Topic) (annotation.Topic, bool, error) {
	if pt.ID != "" {
		if t, ok := c.topics[pt.ID]; ok {
			return t, false, nil
		}
	}
	if t, found, err := c.store.FindTopic(pt.Name); err != nil || found {
		return t, false, err
	}
	for _, t := range created {
		if annotation.NameKey(t.Name) == annotation.NameKey(pt.Name) {
			return t, false, nil
		}
	}
	return annotation.Topic{ID: annotation.NewID(), Name: pt.Name}, true, nil
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
		created storage.NewTags
		err     error
	)
	c.sh.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = c.newStatements(res.Actors, suggested); err != nil {
			return
		}
		saved, created, err = c.store.AddHighlightWith(annotation.Highlight{ArticleID: artID, Start: start, End: end, Actors: refs, Note: res.Note}, created)
	}, func() {
		if err != nil {
			c.sh.showError("Could not save the highlight", err)
			return
		}
		if artID == c.current {
			c.reader.collapseSelection(end)
		}
		c.afterChange(created, saved, func() { c.selectHighlight(saved.ID, false) })
		c.undo.push(change{after: &saved, created: actorIDs(created.Actors), createdTopics: topicIDs(created.Topics)})
		c.sh.setStatus("Highlighted. Ctrl+Z undoes it.")
	})
}

// saveEditedHighlight stores a highlight's new actors and note, with the
// actors created in the picker, in one transaction.
func (c *controller) saveEditedHighlight(before annotation.Highlight, res widgets.PickerResult) {
	suggested := c.suggested
	var (
		saved   annotation.Highlight
		created storage.NewTags
		err     error
	)
	c.sh.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = c.newStatements(res.Actors, suggested); err != nil {
			return
		}
		h := before
		h.Actors, h.Note = refs, res.Note
		saved, created, err = c.store.UpdateHighlightWith(h, created)
	}, func() {
		if err != nil {
			c.sh.showError("Could not save the highlight", err)
			return
		}
		b := before
		c.undo.push(change{before: &b, after: &saved, created: actorIDs(created.Actors), createdTopics: topicIDs(created.Topics)})
		c.afterChange(created, saved, nil)
		c.sh.setStatus("Highlight changed. Ctrl+Z undoes it.")
	})
}

// topicIDs lists the topics' ids.
func topicIDs(topics []annotation.Topic) []string {
	ids := make([]string, len(topics))
	for i, t := range topics {
		ids[i] = t.ID
	}
	return ids
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
func (c *controller) afterChange(created storage.NewTags, saved annotation.Highlight, then func()) {
	for _, act := range created.Actors {
		c.actors[act.ID] = act
	}
	for _, t := range created.Topics {
		c.topics[t.ID] = t
	}
	var ids, topics []string
	for _, r := range saved.Actors {
		ids = append(ids, r.ActorID)
		if r.Topic != "" && !slices.Contains(topics, r.Topic) {
			topics = append(topics, r.Topic)
		}
	}
	c.useRecent(ids)
	c.useRecentTopics(topics)
	if saved.ArticleID == c.current {
		c.reader.updateHighlight(c.actors.viewHighlight(saved))
	}
	if len(created.Actors) > 0 || len(created.Topics) > 0 {
		c.reloadActors(then)
		return
	}
	c.refreshCurrent(then)
}
