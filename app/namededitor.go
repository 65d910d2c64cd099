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

// named is what the Actors and Topics windows show of every actor or
// topic alike: its name, colour, aliases and note, and the second line of
// its row in the list.
type named struct {
	ID, Name, Color, Note string
	Aliases               []string
	// Line is the row's second line (kind or parent, uses, aliases).
	Line string
}

// namedKind is what a window of named things (actors, topics) asks of
// the kind it edits. The editor keeps the list, the selection, the form's
// shared fields, the passages and the questions; the kind supplies its
// records, its own form field and its wording.
type namedKind interface {
	// rows lists the records in the order shown, reading them afresh.
	rows() []named
	// record reads one record afresh; false when it is gone.
	record(id string) (named, bool)
	// fillOwn sets the kind's own form field (kind, parent) for a record.
	fillOwn(id string)
	// offerOwn sets the choices of the kind's own field for the selected
	// record (a topic's possible parents).
	offerOwn(sel string)
	// save stores a record with the form's shared fields and the kind's
	// own field.
	save(n named)
	// loadPassages reads the record's highlights and their articles'
	// titles off the main goroutine and hands them to then.
	loadPassages(id string, then func(hls []annotation.Highlight, titles map[string]string, err error))
	// passageLine is the second line of a passage: its article and what
	// the record does there.
	passageLine(sel string, h annotation.Highlight, titles map[string]string) string
	// passagesHeading heads the passage list.
	passagesHeading(id string, n int) string
	// mergeQuestion and deleteQuestion ask before merging and deleting;
	// uses quotes the passages listed.
	mergeQuestion(fromID, intoID string, uses []annotation.Highlight, titles map[string]string) string
	deleteQuestion(id string, uses []annotation.Highlight, titles map[string]string) string
	// merge and remove carry the change out, reporting over parent.
	merge(fromID, intoID string, parent fyne.Window)
	remove(id string, parent fyne.Window)
	// jumpToHighlight shows a highlight in the main window.
	jumpToHighlight(articleID, hlID string)
	// showError says what went wrong over a window.
	showError(w fyne.Window, title string, err error)
}

// namedLook is the wording and shape of one window of named things.
type namedLook struct {
	// noun is "actor" or "topic", in the messages.
	noun string
	// title is the window's title.
	title string
	// hint fills the right side while nothing is chosen.
	hint string
	// passages heads the passage list until a record is chosen.
	passages string
	// own is the kind's own form field (Kind, Under).
	own *widget.FormItem
	// aliasHint and noteHint are the placeholders of the two fields.
	aliasHint, noteHint string
	// aliasRows is how many alias lines show; noteRows is 0 for a
	// one-line note (Enter saves) or the lines a multi-line note shows.
	aliasRows, noteRows int
}

// namedEditorSize is the window's first size: a list beside a form and the
// passages, each wide enough for a name and a quote, and no bigger than a
// 1024×768 screen (the smallest still in use) less its panels and the
// window's title bar. Fyne tells nothing of the screen, so the window's
// content must not ask for more: a hint that wrapped one letter a line
// made the Topics window 1742 px tall.
var namedEditorSize = fyne.NewSize(980, 640)

// namedHintWidth is the width the hint on the right wraps at while nothing
// is chosen: about 45 characters, a line read at a glance; a narrower
// side wraps it at its own width.
const namedHintWidth = 360

// namedListShare is the list's part of the window's width.
const namedListShare = 0.34

// namedEditor is a window listing every actor or every topic with colour
// and uses; the chosen one can be renamed, recoloured, given aliases and a
// note, merged into another or deleted after a question, and its passages
// across the library are listed, each a click away from its place in the
// reader.
type namedEditor struct {
	of   namedKind
	look namedLook
	win  fyne.Window
	keys *windowKeys

	list    *windowList
	rows    []named
	sel     string
	name    *windowEntry
	swatch  *canvas.Rectangle
	col     color.Color
	aliases *windowEntry
	note    *windowEntry
	merge   *widget.Select
	detail  *fyne.Container
	hlList  *windowList
	hls     []annotation.Highlight
	titles  map[string]string
	hlLabel *widget.Label
	hint    *widget.Label
	// syncing is set while the list's selection is moved to follow the
	// chosen record, which must not reload the form.
	syncing bool
}

// newNamedEditor builds the window (not yet shown).
func newNamedEditor(fa fyne.App, kind namedKind, look namedLook) *namedEditor {
	w := &namedEditor{of: kind, look: look, win: fa.NewWindow(look.title), titles: map[string]string{}}
	// Escape and Ctrl+W close the window; its questions (merge, delete)
	// and messages take Enter and Escape, as the main window's do.
	w.keys = installWindowKeys(w.win)
	w.list = w.newList()
	form, buttons := w.newForm()
	w.hlLabel = widget.NewLabel(look.passages)
	w.hlLabel.TextStyle.Bold = true
	w.hlList = newPassageList(w.keys, func() []annotation.Highlight { return w.hls }, w.passageLine, kind.jumpToHighlight)
	top := container.NewVBox(form, buttons, widget.NewSeparator(), w.hlLabel)
	w.detail = container.NewBorder(top, nil, nil, nil, w.hlList)
	w.detail.Hide()
	w.hint = widget.NewLabel(look.hint)
	w.hint.Importance = widget.LowImportance
	w.hint.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(w.list, container.NewStack(container.New(&hintLayout{width: namedHintWidth}, w.hint), w.detail))
	split.SetOffset(namedListShare)
	w.win.SetContent(split)
	w.win.Resize(namedEditorSize)
	if s, ok := look.own.Widget.(*widget.Select); ok {
		w.keys.releaseAfterChoice(s)
	}
	w.keys.releaseAfterChoice(w.merge)
	return w
}

// newList is the list of records: a colour swatch, the name, and the row's
// second line.
func (w *namedEditor) newList() *windowList {
	l := w.keys.list(
		func() int { return len(w.rows) },
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(color.Transparent)
			sw.CornerRadius = 3
			sw.SetMinSize(fyne.NewSize(14, 14))
			name := widget.NewLabel("Name")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("meta")
			meta.SizeName = theme.SizeNameCaptionText
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(sw), nil, container.New(&tightVBox{}, name, meta))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(w.rows) {
				return
			}
			r := w.rows[i]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(r.Name)
			texts.Objects[1].(*widget.Label).SetText(r.Line)
			sw := c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			sw.FillColor = color.Transparent
			if col, ok := parseColor(r.Color); ok {
				sw.FillColor = col
			}
			sw.Refresh()
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(w.rows) && !w.syncing {
			w.choose(w.rows[i].ID)
		}
	}
	return l
}

// newForm is the chosen record's form and its buttons (save, merge,
// delete).
func (w *namedEditor) newForm() (*widget.Form, *fyne.Container) {
	w.name = w.keys.entry()
	w.swatch = canvas.NewRectangle(color.Transparent)
	w.swatch.CornerRadius = 4
	w.swatch.SetMinSize(fyne.NewSize(28, 28))
	recolour := widget.NewButton("Change…", w.pickColour)
	w.aliases = w.keys.multiLineEntry()
	w.aliases.SetPlaceHolder(w.look.aliasHint)
	w.aliases.SetMinRowsVisible(w.look.aliasRows)
	w.note = w.newNoteEntry()
	// Enter in a one-line field saves, as in any form.
	w.name.OnSubmitted = func(string) { w.save() }
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), w.save)
	save.Importance = widget.HighImportance
	w.merge = widget.NewSelect(nil, nil)
	w.merge.PlaceHolder = "Merge into…"
	mergeBtn := widget.NewButton("Merge", w.mergeSelected)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), w.deleteSelected)
	del.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Name", w.name),
		w.look.own,
		widget.NewFormItem("Colour", container.NewHBox(w.swatch, recolour)),
		widget.NewFormItem("Aliases", w.aliases),
		widget.NewFormItem("Note", w.note),
	)
	return form, container.NewHBox(save, widget.NewSeparator(), w.merge, mergeBtn, widget.NewSeparator(), del)
}

// newNoteEntry is the note field: one line that saves on Enter, or as
// many lines as the look asks for.
func (w *namedEditor) newNoteEntry() *windowEntry {
	if w.look.noteRows == 0 {
		e := w.keys.entry()
		e.OnSubmitted = func(string) { w.save() }
		e.SetPlaceHolder(w.look.noteHint)
		return e
	}
	e := w.keys.multiLineEntry()
	e.SetPlaceHolder(w.look.noteHint)
	e.SetMinRowsVisible(w.look.noteRows)
	return e
}

// passageLine is the second line of a passage of the chosen record.
func (w *namedEditor) passageLine(h annotation.Highlight) string {
	return w.of.passageLine(w.sel, h, w.titles)
}

// reload re-reads the list and the passages of the chosen record; a
// record gone (deleted, merged away) empties the form.
func (w *namedEditor) reload() {
	w.rows = w.of.rows()
	w.list.Refresh()
	if w.sel == "" {
		return
	}
	if _, ok := w.of.record(w.sel); !ok {
		w.sel = ""
		w.detail.Hide()
		w.hint.Show()
		w.list.UnselectAll()
		return
	}
	w.offerChoices()
	w.followSelection()
	w.loadPassages()
}

// followSelection marks the chosen record's row: a rename can move it in
// the sorted list, and the list selects rows by index, so it would mark
// another record, and a click on that one would do nothing.
func (w *namedEditor) followSelection() {
	for i, r := range w.rows {
		if r.ID == w.sel {
			w.syncing = true
			w.list.Select(i)
			w.syncing = false
		}
	}
}

// offerChoices offers every other record to merge the chosen one into,
// and the kind's own choices.
func (w *namedEditor) offerChoices() {
	var opts []string
	for _, r := range w.rows {
		if r.ID != w.sel {
			opts = append(opts, r.Name)
		}
	}
	w.merge.Options = opts
	w.merge.ClearSelected()
	w.of.offerOwn(w.sel)
}

// choose fills the form with a record and lists its passages.
func (w *namedEditor) choose(id string) {
	r, ok := w.of.record(id)
	if !ok {
		return
	}
	w.sel = id
	w.name.SetText(r.Name)
	w.offerChoices()
	w.of.fillOwn(id)
	w.col, _ = parseColor(r.Color)
	if w.col == nil {
		w.col = color.Transparent
	}
	w.swatch.FillColor = w.col
	w.swatch.Refresh()
	w.aliases.SetText(strings.Join(r.Aliases, "\n"))
	w.note.SetText(r.Note)
	w.detail.Show()
	w.hint.Hide()
	w.followSelection()
	w.loadPassages()
}

// loadPassages reads the chosen record's passages across the library.
func (w *namedEditor) loadPassages() {
	id := w.sel
	w.of.loadPassages(id, func(hls []annotation.Highlight, titles map[string]string, err error) {
		if err != nil {
			w.of.showError(w.win, fmt.Sprintf("Could not read the %s's highlights", w.look.noun), err)
			return
		}
		if id != w.sel {
			return
		}
		w.hls, w.titles = hls, titles
		w.hlLabel.SetText(w.of.passagesHeading(id, len(hls)))
		w.hlList.Refresh()
	})
}

// pickColour opens Fyne's colour picker for the chosen record; the colour
// is saved at once, so the reader sees it everywhere.
func (w *namedEditor) pickColour() {
	d := dialog.NewColorPicker("Colour", "Colour of "+w.name.Text, func(c color.Color) {
		w.col = c
		w.swatch.FillColor = c
		w.swatch.Refresh()
		w.save()
	}, w.win)
	d.Advanced = true
	d.Show()
}

// save stores the form: name, colour, aliases, note and the kind's own
// field.
func (w *namedEditor) save() {
	r, ok := w.of.record(w.sel)
	if !ok {
		return
	}
	name := strings.TrimSpace(w.name.Text)
	if name == "" {
		w.of.showError(w.win, "Could not save the "+w.look.noun, fmt.Errorf("a %s needs a name", w.look.noun))
		return
	}
	r.Name = name
	if w.col != nil {
		if _, _, _, al := w.col.RGBA(); al > 0 {
			r.Color = formatColor(w.col)
		}
	}
	r.Aliases = splitAliases(w.aliases.Text)
	r.Note = strings.TrimSpace(w.note.Text)
	w.of.save(r)
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

// mergeSelected merges the chosen record into the one picked in the menu,
// after asking.
func (w *namedEditor) mergeSelected() {
	if _, ok := w.of.record(w.sel); !ok || w.merge.Selected == "" {
		return
	}
	from := w.sel
	into := ""
	for _, r := range w.rows {
		if r.Name == w.merge.Selected && r.ID != from {
			into = r.ID
		}
	}
	if into == "" {
		return
	}
	msg := w.of.mergeQuestion(from, into, w.hls, w.titles)
	dialog.ShowConfirm("Merge "+w.look.noun+"s", msg, func(yes bool) {
		if yes {
			w.of.merge(from, into, w.win)
		}
	}, w.win)
}

// deleteSelected deletes the chosen record after asking.
func (w *namedEditor) deleteSelected() {
	if _, ok := w.of.record(w.sel); !ok {
		return
	}
	id := w.sel
	msg := w.of.deleteQuestion(id, w.hls, w.titles)
	dialog.ShowConfirm("Delete "+w.look.noun, msg, func(yes bool) {
		if yes {
			w.of.remove(id, w.win)
		}
	}, w.win)
}

// hintLayout centres a wrapping label at a readable width, or the width
// there is when that is less. A wrapping label asks for the width of one
// letter, so centred at its minimum (container.NewCenter) it stood one
// letter a line. It asks for no room itself: the hint must not make its
// window grow.
type hintLayout struct{ width float32 }

func (l *hintLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(l.width, size.Width-2*theme.Padding())
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height)) // the label wraps at w first
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, max(0, (size.Height-h)/2)))
	}
}

func (l *hintLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
