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

// topicTop is the parent choice for a topic at the top level.
const topicTop = "(top level)"

// maxUsesInQuestion is how many highlights the delete and merge questions
// quote before saying how many more there are.
const maxUsesInQuestion = 5

// topicsWindow lists every topic with its colour, parent, aliases and
// number of highlights; the selected topic can be renamed, recoloured,
// moved under another, given aliases and a note, merged into another or
// deleted (the question quotes the highlights that use it), and the
// statements on it across the library are listed, each a click away from
// its place in the reader.
type topicsWindow struct {
	c   *controller
	win fyne.Window

	list    *widget.List
	topics  []annotation.Topic
	sel     string
	name    *widget.Entry
	parent  *widget.Select
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
	syncing bool
}

// newTopicsWindow builds the Topics window (not yet shown).
func newTopicsWindow(c *controller) *topicsWindow {
	w := &topicsWindow{c: c, win: c.sh.fa.NewWindow("Topics — Dramatis"), titles: map[string]string{}}
	w.list = w.newTopicList()
	form, buttons := w.newForm()
	w.hlLabel = widget.NewLabel("Statements")
	w.hlLabel.TextStyle.Bold = true
	w.hlList = w.newHighlightList()
	top := container.NewVBox(form, buttons, widget.NewSeparator(), w.hlLabel)
	w.detail = container.NewBorder(top, nil, nil, nil, w.hlList)
	w.detail.Hide()
	w.hint = widget.NewLabel("Choose a topic on the left. New topics are made in the highlight picker: # after an actor.")
	w.hint.Importance = widget.LowImportance
	w.hint.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(w.list, container.NewStack(container.NewCenter(w.hint), w.detail))
	split.SetOffset(0.34)
	w.win.SetContent(split)
	w.win.Resize(fyne.NewSize(980, 640))
	installDialogKeysOn(w.win)
	return w
}

// newTopicList is the list of topics: a swatch, the name, and a line with
// parent, count and aliases.
func (w *topicsWindow) newTopicList() *widget.List {
	l := widget.NewList(
		func() int { return len(w.topics) },
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
			if i >= len(w.topics) {
				return
			}
			t := w.topics[i]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(t.Name)
			texts.Objects[1].(*widget.Label).SetText(w.topicLine(t))
			sw := c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			sw.FillColor = color.Transparent
			if col, ok := parseColor(t.Color); ok {
				sw.FillColor = col
			}
			sw.Refresh()
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(w.topics) && !w.syncing {
			w.selectTopic(w.topics[i].ID)
		}
	}
	return l
}

// topicLine is the second line of a topic's row.
func (w *topicsWindow) topicLine(t annotation.Topic) string {
	var parts []string
	if t.Parent != "" {
		parts = append(parts, "in "+w.c.topics.name(t.Parent))
	}
	parts = append(parts, countWord(w.c.topicCounts[t.ID], "highlight"))
	if len(t.Aliases) > 0 {
		parts = append(parts, strings.Join(t.Aliases, ", "))
	}
	return strings.Join(parts, " · ")
}

// countWord is "1 highlight", "3 highlights".
func countWord(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// newForm is the selected topic's form and its buttons.
func (w *topicsWindow) newForm() (*widget.Form, *fyne.Container) {
	w.name = widget.NewEntry()
	w.name.OnSubmitted = func(string) { w.save() }
	w.parent = widget.NewSelect(nil, nil)
	w.swatch = canvas.NewRectangle(color.Transparent)
	w.swatch.CornerRadius = 4
	w.swatch.SetMinSize(fyne.NewSize(28, 28))
	recolour := widget.NewButton("Change…", w.pickColour)
	w.aliases = widget.NewMultiLineEntry()
	w.aliases.SetPlaceHolder("Other names, one per line (Sanctions, Strafmaßnahmen …)")
	w.aliases.SetMinRowsVisible(2)
	w.note = widget.NewMultiLineEntry()
	w.note.SetPlaceHolder("What the topic covers (optional)")
	w.note.SetMinRowsVisible(2)
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), w.save)
	save.Importance = widget.HighImportance
	w.merge = widget.NewSelect(nil, nil)
	w.merge.PlaceHolder = "Merge into…"
	mergeBtn := widget.NewButton("Merge", w.mergeSelected)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), w.deleteSelected)
	del.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Name", w.name),
		widget.NewFormItem("Under", w.parent),
		widget.NewFormItem("Colour", container.NewHBox(w.swatch, recolour)),
		widget.NewFormItem("Aliases", w.aliases),
		widget.NewFormItem("Note", w.note),
	)
	return form, container.NewHBox(save, widget.NewSeparator(), w.merge, mergeBtn, widget.NewSeparator(), del)
}

// newHighlightList lists the statements on the selected topic; a click
// goes there in the main window.
func (w *topicsWindow) newHighlightList() *widget.List {
	return newPassageList(func() []annotation.Highlight { return w.hls }, w.hlLine, w.c.jumpToHighlight)
}

// hlLine names a highlight's article and who says what on the topic:
// "Title · Kim Jong-un opposes".
func (w *topicsWindow) hlLine(h annotation.Highlight) string {
	t := w.titles[h.ArticleID]
	if t == "" {
		t = "Untitled"
	}
	parts := []string{t}
	for _, r := range h.Actors {
		if r.Topic != w.sel {
			continue
		}
		s := w.c.actors.name(r.ActorID)
		if r.Stance != annotation.StanceUnset {
			s += " " + string(r.Stance)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// reload re-reads the topics from the controller and the statements on
// the selected one.
func (w *topicsWindow) reload() {
	w.topics = w.c.topics.sorted()
	w.list.Refresh()
	if w.sel == "" {
		return
	}
	if _, ok := w.c.topics[w.sel]; !ok {
		w.sel = ""
		w.detail.Hide()
		w.hint.Show()
		w.list.UnselectAll()
		return
	}
	w.setChoices()
	for i, t := range w.topics {
		if t.ID == w.sel {
			w.syncing = true
			w.list.Select(i)
			w.syncing = false
		}
	}
	w.loadHighlights()
}

// setChoices offers the parents the selected topic may have (top-level
// topics other than itself, none when it has topics under it) and the
// topics it may be merged into.
func (w *topicsWindow) setChoices() {
	hasChildren := false
	for _, t := range w.topics {
		hasChildren = hasChildren || t.Parent == w.sel
	}
	parents := []string{topicTop}
	var merge []string
	for _, t := range w.topics {
		if t.ID == w.sel {
			continue
		}
		merge = append(merge, t.Name)
		if t.Parent == "" && !hasChildren {
			parents = append(parents, t.Name)
		}
	}
	w.parent.Options = parents
	w.merge.Options = merge
	w.merge.ClearSelected()
}

// selectTopic fills the form and lists the statements on the topic.
func (w *topicsWindow) selectTopic(id string) {
	t, ok := w.c.topics[id]
	if !ok {
		return
	}
	w.sel = id
	w.name.SetText(t.Name)
	w.setChoices()
	if t.Parent != "" {
		w.parent.SetSelected(w.c.topics.name(t.Parent))
	} else {
		w.parent.SetSelected(topicTop)
	}
	w.col, _ = parseColor(t.Color)
	if w.col == nil {
		w.col = color.Transparent
	}
	w.swatch.FillColor = w.col
	w.swatch.Refresh()
	w.aliases.SetText(strings.Join(t.Aliases, "\n"))
	w.note.SetText(t.Note)
	w.detail.Show()
	w.hint.Hide()
	for i, o := range w.topics {
		if o.ID == id {
			w.syncing = true
			w.list.Select(i)
			w.syncing = false
		}
	}
	w.loadHighlights()
}

// loadHighlights reads the statements on the selected topic.
func (w *topicsWindow) loadHighlights() {
	id := w.sel
	w.c.loadTopicHighlights(id, func(hls []annotation.Highlight, titles map[string]string, err error) {
		if err != nil {
			w.c.showError(w.win, "Could not read the topic's highlights", err)
			return
		}
		if id != w.sel {
			return
		}
		w.hls, w.titles = hls, titles
		w.hlLabel.SetText(fmt.Sprintf("Statements on %s (%d) — click one to go there", w.c.topics.name(id), len(hls)))
		w.hlList.Refresh()
	})
}

// pickColour recolours the selected topic and saves at once.
func (w *topicsWindow) pickColour() {
	d := dialog.NewColorPicker("Colour", "Colour of "+w.name.Text, func(c color.Color) {
		w.col = c
		w.swatch.FillColor = c
		w.swatch.Refresh()
		w.save()
	}, w.win)
	d.Advanced = true
	d.Show()
}

// save stores the form.
func (w *topicsWindow) save() {
	t, ok := w.c.topics[w.sel]
	if !ok {
		return
	}
	name := strings.TrimSpace(w.name.Text)
	if name == "" {
		w.c.showError(w.win, "Could not save the topic", fmt.Errorf("a topic needs a name"))
		return
	}
	t.Name = name
	t.Parent = ""
	for _, o := range w.topics {
		if o.Name == w.parent.Selected && o.ID != t.ID {
			t.Parent = o.ID
		}
	}
	if w.col != nil {
		if _, _, _, al := w.col.RGBA(); al > 0 {
			t.Color = formatColor(w.col)
		}
	}
	t.Aliases = splitAliases(w.aliases.Text)
	t.Note = strings.TrimSpace(w.note.Text)
	w.c.saveTopic(t, w.win)
}

// usesText quotes up to maxUsesInQuestion of the highlights shown for
// the selected topic, for a question about it.
func (w *topicsWindow) usesText() string {
	var b strings.Builder
	for i, h := range w.hls {
		if i == maxUsesInQuestion {
			fmt.Fprintf(&b, "\n… and %d more", len(w.hls)-i)
			break
		}
		fmt.Fprintf(&b, "\n“%s” (%s)", shortQuote(h.Quote.Exact, 60), w.titles[h.ArticleID])
	}
	return b.String()
}

// mergeSelected merges the selected topic into the one chosen in the menu.
func (w *topicsWindow) mergeSelected() {
	from, ok := w.c.topics[w.sel]
	if !ok || w.merge.Selected == "" {
		return
	}
	var into annotation.Topic
	for _, t := range w.topics {
		if t.Name == w.merge.Selected && t.ID != from.ID {
			into = t
		}
	}
	if into.ID == "" {
		return
	}
	msg := fmt.Sprintf("Merge %s into %s? Its %s and its names become %s's.%s", from.Name, into.Name,
		countWord(len(w.hls), "highlight"), into.Name, w.usesText())
	dialog.ShowConfirm("Merge topics", msg, func(yes bool) {
		if yes {
			w.c.mergeTopics(from.ID, into.ID, w.win)
		}
	}, w.win)
}

// deleteSelected deletes the selected topic after asking, with its uses
// quoted in the question.
func (w *topicsWindow) deleteSelected() {
	t, ok := w.c.topics[w.sel]
	if !ok {
		return
	}
	msg := fmt.Sprintf("Delete %s? No highlight uses it.", t.Name)
	if len(w.hls) > 0 {
		msg = fmt.Sprintf("Delete %s? %s lose it; their actors stay:%s", t.Name, countWord(len(w.hls), "highlight"), w.usesText())
	}
	dialog.ShowConfirm("Delete topic", msg, func(yes bool) {
		if yes {
			w.c.deleteTopic(t.ID, w.win)
		}
	}, w.win)
}
