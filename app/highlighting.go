package app

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
func (a *App) highlightSelection() {
	if a.art == nil {
		return
	}
	start, end := a.reader.view.Selection()
	if start > end {
		start, end = end, start
	}
	// A highlight is the words, not the spaces or paragraph breaks around
	// them (a keyboard selection often takes some).
	text := []rune(a.art.Text())
	start, end = max(0, start), min(end, len(text))
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	if start == end {
		a.setStatus("Select a passage in the article first, then press H.")
		return
	}
	// The same passage again (e.g. a double click on a highlighted word)
	// edits that highlight instead of laying a duplicate over it.
	for _, h := range a.hls {
		if h.Orphaned == "" && h.Start == start && h.End == end {
			a.reader.selectHighlight(h.ID, false)
			a.editHighlight(h.ID)
			return
		}
	}
	passage := string(text[start:end])
	a.openPicker("Highlight", passage, nil, func(res widgets.PickerResult) {
		a.saveNewHighlight(start, end, res)
	})
}

// editSelectedHighlight opens the picker on the highlight tapped last.
func (a *App) editSelectedHighlight() {
	if id := a.reader.selectedHL; id != "" {
		a.editHighlight(id)
		return
	}
	a.setStatus("Click a highlight first, then choose Edit.")
}

// deleteSelectedHighlight deletes the highlight tapped last.
func (a *App) deleteSelectedHighlight() {
	if id := a.reader.selectedHL; id != "" {
		a.deleteHighlight(id)
		return
	}
	a.setStatus("Click a highlight first, then choose Delete.")
}

// showHighlightMenu is the context menu of a highlight, in the reader and
// in the notes pane alike.
func (a *App) showHighlightMenu(id string, abs fyne.Position) {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Edit Actors and Note…", func() { a.editHighlight(id) }),
		fyne.NewMenuItem("Delete Highlight", func() { a.deleteHighlight(id) }),
		fyne.NewMenuItem("Copy Quote", func() {
			if h, ok := a.highlight(id); ok {
				a.fa.Clipboard().SetContent(h.Quote.Exact)
			}
		}),
	}
	items = append(items, a.highlightExportItems(id)...)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), a.win.Canvas(), abs)
}

// editHighlight lets the reader change a highlight's actors, roles and note.
func (a *App) editHighlight(id string) {
	h, ok := a.highlight(id)
	if !ok {
		return
	}
	var chosen []widgets.PickedActor
	for _, ref := range h.Actors {
		if act, ok := a.actors[ref.ActorID]; ok {
			chosen = append(chosen, widgets.PickedActor{PickerActor: a.pickerActor(act), Role: string(ref.Role)})
		}
	}
	a.openPicker("Edit highlight", h.Quote.Exact, &pickerStart{chosen: chosen, note: h.Note}, func(res widgets.PickerResult) {
		a.saveEditedHighlight(h, res)
	})
}

// pickerStart preloads the picker when editing.
type pickerStart struct {
	chosen []widgets.PickedActor
	note   string
}

// openPicker shows the actor picker in a dialog over the main window.
func (a *App) openPicker(title, passage string, start *pickerStart, done func(widgets.PickerResult)) {
	var library []widgets.PickerActor
	for _, act := range a.sortedActors() {
		library = append(library, a.pickerActor(act))
	}
	var recent []widgets.PickerActor
	for _, id := range a.recent {
		if act, ok := a.actors[id]; ok {
			pa := a.pickerActor(act)
			pa.Hint = "recent"
			recent = append(recent, pa)
		}
	}
	suggested := a.suggest(passage)
	p := widgets.NewPicker(library, suggested, recent, pickerRoles, pickerKinds)
	p.Lookup = a.lookupActors
	if start != nil {
		p.SetChosen(start.chosen, start.note)
	}
	quote := widget.NewLabel("“" + shortQuote(passage, 200) + "”")
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	d := dialog.NewCustomWithoutButtons(title, container.New(&pickerLayout{}, quote, p), a.win)
	p.OnCancel = d.Hide
	p.OnSubmit = func(res widgets.PickerResult) {
		d.Hide()
		done(res)
	}
	// Give the keyboard back to the reader: otherwise the closed picker's
	// note field keeps the focus and swallows Ctrl+Z, H and the arrows.
	d.SetOnClosed(a.reader.focus)
	// Keep Save on screen in a small window: the lists scroll instead.
	// pickerChrome is the dialog's title, padding and the quote above.
	p.SetMaxHeight(a.win.Canvas().Size().Height - pickerChrome - quote.MinSize().Height)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	a.picker = p
	a.win.Canvas().Focus(p.Focus())
}

// pickerChrome is the height a dialog adds around the picker: its title,
// its padding and the margin to the window's edges.
const pickerChrome = 120

// pickerLayout stacks the quote above the picker at the picker's width.
type pickerLayout struct{}

func (pickerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	q := objs[0]
	qh := q.MinSize().Height
	q.Move(fyne.NewPos(0, 0))
	q.Resize(fyne.NewSize(size.Width, qh))
	objs[1].Move(fyne.NewPos(0, qh))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-qh))
}

func (pickerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	p := objs[1].MinSize()
	return fyne.NewSize(p.Width, p.Height+objs[0].MinSize().Height)
}

// shortQuote cuts a passage for the picker's header.
func shortQuote(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + " …"
}

// pickerActor converts a library actor for the picker.
func (a *App) pickerActor(act annotation.Actor) widgets.PickerActor {
	pa := widgets.PickerActor{ID: act.ID, Name: act.Name, Kind: string(act.Kind), Aliases: act.Aliases}
	if c, ok := parseColor(act.Color); ok {
		pa.Color = c
	}
	return pa
}

// resolveActors turns the picker's choice into actor references, creating
// the actors that are not in the library yet. It runs off the main goroutine.
func (a *App) resolveActors(picked []widgets.PickedActor, suggested map[string]annotation.Actor) ([]annotation.ActorRef, []annotation.Actor, error) {
	var refs []annotation.ActorRef
	var created []annotation.Actor
	for _, p := range picked {
		id := p.ID
		if id == "" {
			if act, found, err := a.lib.FindActor(p.Name); err != nil {
				return nil, nil, err
			} else if found {
				id = act.ID
			} else {
				kind := annotation.Kind(p.Kind)
				if !kind.Valid() {
					kind = annotation.KindOther
				}
				// A built-in suggestion brings its aliases and Wikidata id.
				full, ok := suggested[widgets.Fold(p.Name)]
				if !ok {
					full = annotation.Actor{Name: p.Name, Aliases: p.Aliases}
				}
				full.ID, full.Kind, full.Color = "", kind, ""
				act, err := a.lib.AddActor(full)
				if err != nil {
					return nil, nil, fmt.Errorf("could not add the actor %s: %w", p.Name, err)
				}
				created = append(created, act)
				id = act.ID
			}
		}
		role := annotation.Role(p.Role)
		if !role.Valid() {
			role = annotation.RoleMentioned
		}
		refs = append(refs, annotation.ActorRef{ActorID: id, Role: role})
	}
	return refs, created, nil
}

// saveNewHighlight stores a new highlight with its actors and note.
func (a *App) saveNewHighlight(start, end int, res widgets.PickerResult) {
	artID := a.current
	suggested := a.suggested
	var (
		saved   annotation.Highlight
		created []annotation.Actor
		err     error
	)
	a.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = a.resolveActors(res.Actors, suggested); err != nil {
			return
		}
		saved, err = a.lib.AddHighlight(annotation.Highlight{ArticleID: artID, Start: start, End: end, Actors: refs, Note: res.Note})
	}, func() {
		if err != nil {
			a.showError("Could not save the highlight", err)
			return
		}
		a.reader.view.SetSelection(end, end)
		a.afterChange(created, saved, func() { a.reader.selectHighlight(saved.ID, false) })
		a.undo.push(change{after: &saved})
		a.setStatus("Highlighted. Ctrl+Z undoes it.")
	})
}

// saveEditedHighlight stores a highlight's new actors and note.
func (a *App) saveEditedHighlight(before annotation.Highlight, res widgets.PickerResult) {
	suggested := a.suggested
	var (
		saved   annotation.Highlight
		created []annotation.Actor
		err     error
	)
	a.run(func() {
		var refs []annotation.ActorRef
		if refs, created, err = a.resolveActors(res.Actors, suggested); err != nil {
			return
		}
		h := before
		h.Actors, h.Note = refs, res.Note
		saved, err = a.lib.UpdateHighlight(h)
	}, func() {
		if err != nil {
			a.showError("Could not save the highlight", err)
			return
		}
		b := before
		a.undo.push(change{before: &b, after: &saved})
		a.afterChange(created, saved, nil)
		a.setStatus("Highlight changed. Ctrl+Z undoes it.")
	})
}

// deleteHighlight removes a highlight; Ctrl+Z brings it back.
func (a *App) deleteHighlight(id string) {
	h, ok := a.highlight(id)
	if !ok {
		return
	}
	var err error
	a.run(func() { err = a.lib.DeleteHighlight(id) }, func() {
		if err != nil {
			a.showError("Could not delete the highlight", err)
			return
		}
		a.undo.push(change{before: &h})
		if a.reader.selectedHL == id {
			a.reader.selectHighlight("", false)
		}
		a.reader.view.RemoveHighlight(id)
		a.refreshCurrent(nil)
		a.setStatus("Highlight deleted. Ctrl+Z brings it back.")
	})
}

// afterChange updates the caches and panes after a highlight was saved;
// then runs once the panes show the library's state.
func (a *App) afterChange(created []annotation.Actor, saved annotation.Highlight, then func()) {
	for _, act := range created {
		a.actors[act.ID] = act
	}
	var ids []string
	for _, r := range saved.Actors {
		ids = append(ids, r.ActorID)
	}
	a.useRecent(ids)
	a.reader.view.UpdateHighlight(a.viewHighlight(saved))
	if len(created) > 0 {
		a.reloadActors(then)
		return
	}
	a.refreshCurrent(then)
}
