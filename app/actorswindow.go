package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
)

// actorEditor is what the Actors window asks of the controller: the actors
// it knows, their highlights across the library, and the changes to them.
// Every change is reported over parent, the window it was made in.
type actorEditor interface {
	// actorList lists the actors by name.
	actorList() []annotation.Actor
	// actorByID returns an actor the window knows.
	actorByID(id string) (annotation.Actor, bool)
	// actorName is an actor's name, or a placeholder for one deleted.
	actorName(id string) string
	// highlightCount is the number of highlights an actor is in.
	highlightCount(id string) int
	// loadActorHighlights reads an actor's highlights and the titles of
	// their articles off the main goroutine and hands them to then.
	loadActorHighlights(id string, then func(hls []annotation.Highlight, titles map[string]string, err error))
	// saveActor stores an edited actor.
	saveActor(act annotation.Actor, parent fyne.Window)
	// mergeActors merges one actor into another, which the window then shows.
	mergeActors(fromID, intoID string, parent fyne.Window)
	// deleteActor removes an actor from the library and its highlights.
	deleteActor(id string, parent fyne.Window)
	// jumpToHighlight shows a highlight in the main window.
	jumpToHighlight(articleID, hlID string)
	// showError says what went wrong over a window.
	showError(w fyne.Window, title string, err error)
}

// actorsWindow lists every actor with kind, colour, aliases and number of
// highlights; the selected actor can be renamed, recoloured, given aliases,
// merged into another or deleted, and its highlights across the library are
// listed, each a click away from its place in the reader.
type actorsWindow struct {
	ed  actorEditor
	win fyne.Window

	list    *widget.List
	actors  []annotation.Actor
	sel     string
	name    *widget.Entry
	kind    *widget.Select
	swatch  *canvas.Rectangle
	col     color.Color
	aliases *widget.Entry
	note    *widget.Entry
	merge   *widget.Select
	detail  *fyne.Container
	hlList  *widget.List
	hls     []annotation.Highlight
	titles  map[string]string
	hlLabel *widget.Label
	hint    *widget.Label
	// syncing is set while the list's selection is moved to follow the
	// selected actor, which must not reload the form.
	syncing bool
}

// newActorsWindow builds the Actors window (not yet shown).
func newActorsWindow(fa fyne.App, ed actorEditor) *actorsWindow {
	w := &actorsWindow{ed: ed, win: fa.NewWindow("Actors — Dramatis"), titles: map[string]string{}}
	w.list = w.newActorList()
	form, buttons := w.newForm()
	w.hlLabel = widget.NewLabel("Highlights")
	w.hlLabel.TextStyle.Bold = true
	w.hlList = w.newHighlightList()
	top := container.NewVBox(form, buttons, widget.NewSeparator(), w.hlLabel)
	w.detail = container.NewBorder(top, nil, nil, nil, w.hlList)
	w.detail.Hide()
	w.hint = widget.NewLabel("Choose an actor on the left.")
	w.hint.Importance = widget.LowImportance
	split := container.NewHSplit(w.list, container.NewStack(container.NewCenter(w.hint), w.detail))
	split.SetOffset(0.34)
	w.win.SetContent(split)
	w.win.Resize(fyne.NewSize(980, 640))
	// Its questions (merge, delete) and messages take Enter and Escape,
	// as the main window's do.
	installDialogKeysOn(w.win)
	return w
}

// newActorList is the list of actors: a colour swatch, the name, and a
// line with kind, count and aliases.
func (w *actorsWindow) newActorList() *widget.List {
	l := widget.NewList(
		func() int { return len(w.actors) },
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(color.Transparent)
			sw.CornerRadius = 3
			sw.SetMinSize(fyne.NewSize(14, 14))
			name := widget.NewLabel("Name")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("kind")
			meta.SizeName = theme.SizeNameCaptionText
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(sw), nil, container.New(&tightVBox{}, name, meta))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(w.actors) {
				return
			}
			act := w.actors[i]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(act.Name)
			texts.Objects[1].(*widget.Label).SetText(w.actorLine(act))
			sw := c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			if col, ok := parseColor(act.Color); ok {
				sw.FillColor = col
			} else {
				sw.FillColor = color.Transparent
			}
			sw.Refresh()
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(w.actors) && !w.syncing {
			w.selectActor(w.actors[i].ID)
		}
	}
	return l
}

// newForm is the selected actor's form and its buttons (save, merge,
// delete).
func (w *actorsWindow) newForm() (*widget.Form, *fyne.Container) {
	w.name = widget.NewEntry()
	w.kind = widget.NewSelect(pickerKinds, nil)
	w.swatch = canvas.NewRectangle(color.Transparent)
	w.swatch.CornerRadius = 4
	w.swatch.SetMinSize(fyne.NewSize(28, 28))
	recolour := widget.NewButton("Change…", w.pickColour)
	w.aliases = widget.NewMultiLineEntry()
	w.aliases.SetPlaceHolder("Other names, one per line (Pjöngjang, DVRK, Nordkoreas …)")
	w.aliases.SetMinRowsVisible(3)
	w.note = widget.NewEntry()
	w.note.SetPlaceHolder("Note about this actor (optional)")
	// Enter in a one-line field saves, as in any form.
	w.name.OnSubmitted = func(string) { w.save() }
	w.note.OnSubmitted = func(string) { w.save() }
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), w.save)
	save.Importance = widget.HighImportance
	w.merge = widget.NewSelect(nil, nil)
	w.merge.PlaceHolder = "Merge into…"
	mergeBtn := widget.NewButton("Merge", w.mergeSelected)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), w.deleteSelected)
	del.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Name", w.name),
		widget.NewFormItem("Kind", w.kind),
		widget.NewFormItem("Colour", container.NewHBox(w.swatch, recolour)),
		widget.NewFormItem("Aliases", w.aliases),
		widget.NewFormItem("Note", w.note),
	)
	return form, container.NewHBox(save, widget.NewSeparator(), w.merge, mergeBtn, widget.NewSeparator(), del)
}

// newHighlightList lists the selected actor's highlights across the
// library; a click goes there in the main window.
func (w *actorsWindow) newHighlightList() *widget.List {
	return newPassageList(func() []annotation.Highlight { return w.hls }, w.hlLine, w.ed.jumpToHighlight)
}

// actorLine is the second line of an actor's row: kind, count, aliases.
func (w *actorsWindow) actorLine(act annotation.Actor) string {
	n := w.ed.highlightCount(act.ID)
	parts := []string{string(act.Kind)}
	if n == 1 {
		parts = append(parts, "1 highlight")
	} else {
		parts = append(parts, fmt.Sprintf("%d highlights", n))
	}
	if len(act.Aliases) > 0 {
		parts = append(parts, strings.Join(act.Aliases, ", "))
	}
	return strings.Join(parts, " · ")
}

// hlLine names the article a highlight is in, with its role for this actor.
func (w *actorsWindow) hlLine(h annotation.Highlight) string {
	t := w.titles[h.ArticleID]
	if t == "" {
		t = "Untitled"
	}
	for _, r := range h.Actors {
		if r.ActorID == w.sel && r.Role != annotation.RoleMentioned {
			return t + " · " + string(r.Role)
		}
	}
	return t
}

// reload re-reads the actor list from the controller and the highlights of
// the selected actor.
func (w *actorsWindow) reload() {
	w.actors = w.ed.actorList()
	w.list.Refresh()
	w.setMergeOptions()
	if w.sel == "" {
		return
	}
	if _, ok := w.ed.actorByID(w.sel); !ok {
		w.sel = ""
		w.detail.Hide()
		w.hint.Show()
		w.list.UnselectAll()
		return
	}
	// A rename can move the actor in the sorted list: the list selects
	// rows by index, so it would mark another actor, and a click on that
	// one would do nothing.
	for i, act := range w.actors {
		if act.ID == w.sel {
			w.syncing = true
			w.list.Select(i)
			w.syncing = false
		}
	}
	w.loadHighlights()
}

// setMergeOptions offers every other actor to merge the selected one into.
func (w *actorsWindow) setMergeOptions() {
	var opts []string
	for _, act := range w.actors {
		if act.ID != w.sel {
			opts = append(opts, act.Name)
		}
	}
	w.merge.Options = opts
	w.merge.ClearSelected()
}

// selectActor fills the detail form and lists the actor's highlights.
func (w *actorsWindow) selectActor(id string) {
	act, ok := w.ed.actorByID(id)
	if !ok {
		return
	}
	w.sel = id
	w.name.SetText(act.Name)
	w.kind.SetSelected(string(act.Kind))
	w.col, _ = parseColor(act.Color)
	if w.col == nil {
		w.col = color.Transparent
	}
	w.swatch.FillColor = w.col
	w.swatch.Refresh()
	w.aliases.SetText(strings.Join(act.Aliases, "\n"))
	w.note.SetText(act.Note)
	w.setMergeOptions()
	w.detail.Show()
	w.hint.Hide()
	for i, o := range w.actors {
		if o.ID == id {
			w.list.Select(i)
		}
	}
	w.loadHighlights()
}

// loadHighlights reads the actor's highlights across the library.
func (w *actorsWindow) loadHighlights() {
	id := w.sel
	w.ed.loadActorHighlights(id, func(hls []annotation.Highlight, titles map[string]string, err error) {
		if err != nil {
			w.ed.showError(w.win, "Could not read the actor's highlights", err)
			return
		}
		if id != w.sel {
			return
		}
		w.hls, w.titles = hls, titles
		w.hlLabel.SetText(fmt.Sprintf("Highlights with %s (%d) — click one to go there", w.ed.actorName(id), len(hls)))
		w.hlList.Refresh()
	})
}

// pickColour opens Fyne's colour picker for the selected actor; the chosen
// colour is saved at once, so the reader sees it everywhere.
func (w *actorsWindow) pickColour() {
	d := dialog.NewColorPicker("Colour", "Colour of "+w.name.Text, func(c color.Color) {
		w.col = c
		w.swatch.FillColor = c
		w.swatch.Refresh()
		w.save()
	}, w.win)
	d.Advanced = true
	d.Show()
}

// save stores the form: name, kind, colour, aliases and note.
func (w *actorsWindow) save() {
	act, ok := w.ed.actorByID(w.sel)
	if !ok {
		return
	}
	name := strings.TrimSpace(w.name.Text)
	if name == "" {
		w.ed.showError(w.win, "Could not save the actor", fmt.Errorf("an actor needs a name"))
		return
	}
	act.Name = name
	act.Kind = annotation.Kind(w.kind.Selected)
	if w.col != nil {
		if _, _, _, al := w.col.RGBA(); al > 0 {
			act.Color = formatColor(w.col)
		}
	}
	act.Aliases = splitAliases(w.aliases.Text)
	act.Note = strings.TrimSpace(w.note.Text)
	w.ed.saveActor(act, w.win)
}

// splitAliases reads one alias per line (commas also separate), dropping
// empty and repeated ones.
func splitAliases(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		f = strings.TrimSpace(f)
		if f != "" && !seen[strings.ToLower(f)] {
			seen[strings.ToLower(f)] = true
			out = append(out, f)
		}
	}
	return out
}

// mergeSelected merges the selected actor into the one chosen in the menu.
func (w *actorsWindow) mergeSelected() {
	from, ok := w.ed.actorByID(w.sel)
	if !ok || w.merge.Selected == "" {
		return
	}
	var into annotation.Actor
	for _, act := range w.actors {
		if act.Name == w.merge.Selected && act.ID != from.ID {
			into = act
		}
	}
	if into.ID == "" {
		return
	}
	msg := fmt.Sprintf("Merge %s into %s? Its %d highlight(s) and its names become %s's.", from.Name, into.Name, w.ed.highlightCount(from.ID), into.Name)
	dialog.ShowConfirm("Merge actors", msg, func(yes bool) {
		if yes {
			w.ed.mergeActors(from.ID, into.ID, w.win)
		}
	}, w.win)
}

// deleteSelected deletes the selected actor after asking.
func (w *actorsWindow) deleteSelected() {
	act, ok := w.ed.actorByID(w.sel)
	if !ok {
		return
	}
	msg := fmt.Sprintf("Delete %s? It is removed from its %d highlight(s); the highlights stay.", act.Name, w.ed.highlightCount(act.ID))
	dialog.ShowConfirm("Delete actor", msg, func(yes bool) {
		if yes {
			w.ed.deleteActor(act.ID, w.win)
		}
	}, w.win)
}
