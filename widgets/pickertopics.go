package widgets

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/fold"
)

// PickerTopic is one topic the picker can offer. ID is empty for a topic
// the reader creates by typing a new name.
type PickerTopic struct {
	ID      string
	Name    string
	Color   color.Color
	Aliases []string
	// Parent is the name of the topic it sits under, shown beside it.
	Parent string
}

// PickerStance is one stance the picker offers after a topic: its name
// ("supports"), its sign as shown ("+") and the keys that choose it (the
// sign, and e.g. "-" for "−").
type PickerStance struct {
	Name, Sign, Keys string
}

// topicPlaceHolder is the name field's hint once topics are on offer: it
// names the key that opens the topic step.
const topicPlaceHolder = "Name or alias · 1–9 picks · Alt+S/T/M role · # topic · Tab: note"

// topicKey, typed into the empty name field, opens the topic field: the
// character readers tag topics with in notes (#Sanktionen).
const topicKey = '#'

// pickerTopics is the picker's topic step: the topics on offer, the
// stances, and while the topic field is open, the statement it is for and
// whether it now asks for the stance.
type pickerTopics struct {
	library, recent []PickerTopic
	stances         []PickerStance

	field        *topicEntry
	forStatement int // the chosen statement the field is for; -1: closed
	askStance    bool
	shown        []PickerTopic
	newRow       bool
}

func (t *pickerTopics) open() bool { return t.forStatement >= 0 }

// SetTopics offers topics in the picker: the library's topics, the ones
// used recently (offered first), and the stances in the order their keys
// are listed. Without stances the picker has no topic step.
func (p *Picker) SetTopics(library, recent []PickerTopic, stances []PickerStance) {
	p.topics.library, p.topics.recent, p.topics.stances = library, recent, stances
	if len(stances) > 0 {
		p.query.SetPlaceHolder(topicPlaceHolder)
	}
	p.refreshChosen()
}

// StartTopic opens the topic field for the i-th chosen statement and gives
// it the keyboard.
func (p *Picker) StartTopic(i int) {
	if i < 0 || i >= len(p.chosen) || len(p.topics.stances) == 0 {
		return
	}
	p.current = i
	p.topics.forStatement, p.topics.askStance = i, false
	p.topics.field.SetText("")
	p.topics.field.SetPlaceHolder("Topic of " + p.chosen[i].Name + " · Enter picks · Esc: back")
	p.query.Hide()
	p.topics.field.Show()
	p.cursor = 0
	p.refreshRows()
	p.lists.ScrollToTop()
	p.focusObject(p.topics.field)
}

// closeTopic closes the topic field and gives the keyboard back to the
// name field.
func (p *Picker) closeTopic() {
	if !p.topics.open() {
		return
	}
	p.topics.forStatement, p.topics.askStance = -1, false
	p.topics.field.SetText("")
	p.topics.field.Hide()
	p.query.Show()
	p.cursor = 0
	p.refreshRows()
	p.focusObject(p.query)
}

// TopicOpen reports whether the topic field is open (for tests and the
// window's key handling).
func (p *Picker) TopicOpen() bool { return p.topics.open() }

// TopicField is the topic field, for tests that type into it.
func (p *Picker) TopicField() fyne.Focusable { return p.topics.field }

func (p *Picker) focusObject(f fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(f)
	}
}

// SetTopic gives the i-th chosen statement a topic (the zero PickerTopic
// removes it, with the stance).
func (p *Picker) SetTopic(i int, t PickerTopic) {
	if i < 0 || i >= len(p.chosen) {
		return
	}
	p.chosen[i].Topic = t
	if t.Name == "" {
		p.chosen[i].Stance = ""
	}
	p.refreshChosen()
	if !p.topics.open() {
		p.refreshRows()
	}
}

// SetStance sets the stance of the i-th chosen statement ("" unsets it).
func (p *Picker) SetStance(i int, stance string) {
	if i < 0 || i >= len(p.chosen) || p.chosen[i].Topic.Name == "" {
		return
	}
	p.chosen[i].Stance = stance
	p.refreshChosen()
}

// TopicMatches returns the topics for a query, best first, matched as
// actors are (names and aliases, regardless of case and diacritics). An
// empty query lists the recent topics, then the rest.
func (p *Picker) TopicMatches(query string) []PickerTopic {
	q := fold.String(strings.TrimSpace(query))
	if q == "" {
		return dedupeTopics(append(append([]PickerTopic(nil), p.topics.recent...), p.topics.library...))
	}
	type scored struct {
		t     PickerTopic
		score int
	}
	var hits []scored
	for i, list := range [][]PickerTopic{p.topics.recent, p.topics.library} {
		for _, t := range list {
			s, _ := matchScore(q, PickerActor{Name: t.Name, Aliases: t.Aliases})
			if s > 0 {
				hits = append(hits, scored{t, s + 10*(1-i)})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out := make([]PickerTopic, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.t)
	}
	return dedupeTopics(out)
}

// dedupeTopics keeps the first of entries naming the same topic.
func dedupeTopics(list []PickerTopic) []PickerTopic {
	seen := map[string]bool{}
	out := list[:0]
	for _, t := range list {
		key := "n:" + fold.String(t.Name)
		if seen[key] || (t.ID != "" && seen["i:"+t.ID]) {
			continue
		}
		seen[key] = true
		if t.ID != "" {
			seen["i:"+t.ID] = true
		}
		out = append(out, t)
	}
	return out
}

// headerRows is the number of lines above the candidate rows: the topic
// step names whose topic or stance it asks for.
func (p *Picker) headerRows() int {
	if p.topics.open() {
		return 1
	}
	return 0
}

// rowCount is the number of rows the cursor moves over.
func (p *Picker) rowCount() int {
	switch {
	case p.topics.open() && p.topics.askStance:
		return len(p.topics.stances)
	case p.topics.open():
		n := len(p.topics.shown)
		if p.topics.newRow {
			n++
		}
		return n
	}
	n := len(p.shown)
	if p.newRow {
		n++
	}
	return n
}

// refreshTopicRows lists what the topic field offers: under a line that
// says whose topic it is, the matching topics and a row to create the
// typed one; or, once the topic is chosen, the stances with their keys.
func (p *Picker) refreshTopicRows() {
	st := p.chosen[p.topics.forStatement]
	var objs []fyne.CanvasObject
	if p.topics.askStance {
		objs = append(objs, dimLabel(fmt.Sprintf("Stance of %s on %s — Enter: none", st.Name, st.Topic.Name)))
		for i, s := range p.topics.stances {
			objs = append(objs, p.topicRow(i, s.Sign+"  "+s.Name, nil, func(i int) { p.chooseStance(i) }))
		}
		p.clampCursor()
		p.rows.Objects = objs
		p.rows.Refresh()
		return
	}
	q := strings.TrimSpace(p.topics.field.Text)
	p.topics.shown = p.TopicMatches(q)
	if len(p.topics.shown) > maxRows {
		p.topics.shown = p.topics.shown[:maxRows]
	}
	p.topics.newRow = q != "" && !p.exactTopic(q)
	p.clampCursor()
	objs = append(objs, dimLabel("Topic of "+st.Name))
	if len(p.topics.shown) == 0 && !p.topics.newRow {
		objs = append(objs, dimLabel("No topics yet — type a name to create one."))
	}
	for i, t := range p.topics.shown {
		label := t.Name
		if t.Parent != "" {
			label += " · in " + t.Parent
		}
		if q == "" {
			label = fmt.Sprintf("%d  %s", i+1, label)
		}
		objs = append(objs, p.topicRow(i, label, t.Color, p.pickTopic))
	}
	if p.topics.newRow {
		objs = append(objs, p.topicRow(len(p.topics.shown), fmt.Sprintf("New topic “%s”", q), nil, p.pickTopic))
	}
	p.rows.Objects = objs
	p.rows.Refresh()
}

// topicRow is a candidate row in the topic step; its row index for the
// cursor is i (the header line above the rows does not count).
func (p *Picker) topicRow(i int, label string, c color.Color, pick func(int)) fyne.CanvasObject {
	row := p.row(i, label, c)
	// p.row's button picks an actor; the topic step's rows pick their own.
	if b := findButton(row); b != nil {
		b.OnTapped = func() { pick(i) }
	}
	return row
}

func findButton(o fyne.CanvasObject) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		return x
	case *fyne.Container:
		for _, ch := range x.Objects {
			if b := findButton(ch); b != nil {
				return b
			}
		}
	}
	return nil
}

func (p *Picker) clampCursor() {
	n := p.rowCount()
	if p.cursor >= n {
		p.cursor = n - 1
	}
	if p.cursor < 0 {
		p.cursor = 0
	}
}

// exactTopic reports whether a listed topic is named exactly like q.
func (p *Picker) exactTopic(q string) bool {
	fq := fold.String(q)
	for _, t := range p.topics.shown {
		if fold.String(t.Name) == fq {
			return true
		}
		for _, al := range t.Aliases {
			if fold.String(al) == fq {
				return true
			}
		}
	}
	return false
}

// pickTopic gives the statement the i-th listed topic (or the new one
// typed) and asks for the stance.
func (p *Picker) pickTopic(i int) {
	var t PickerTopic
	switch {
	case i < len(p.topics.shown):
		t = p.topics.shown[i]
	case i == len(p.topics.shown) && p.topics.newRow:
		t = PickerTopic{Name: strings.TrimSpace(p.topics.field.Text)}
	default:
		return
	}
	p.SetTopic(p.topics.forStatement, t)
	p.topics.askStance = true
	p.topics.field.SetText("")
	p.topics.field.SetPlaceHolder("Stance: " + p.stanceKeys() + " · Enter: none")
	p.cursor = 0
	p.refreshRows()
	p.focusObject(p.topics.field)
}

// stanceKeys lists the stances with their signs: "+ supports · − opposes · 0 neutral".
func (p *Picker) stanceKeys() string {
	parts := make([]string, len(p.topics.stances))
	for i, s := range p.topics.stances {
		parts[i] = s.Sign + " " + s.Name
	}
	return strings.Join(parts, " · ")
}

// chooseStance sets the i-th stance on the statement and closes the field.
func (p *Picker) chooseStance(i int) {
	if i >= 0 && i < len(p.topics.stances) {
		p.SetStance(p.topics.forStatement, p.topics.stances[i].Name)
	}
	p.closeTopic()
}

// stanceFor returns the index of the stance a typed key chooses, or -1.
func (p *Picker) stanceFor(r rune) int {
	for i, s := range p.topics.stances {
		if strings.ContainsRune(s.Keys, r) {
			return i
		}
	}
	return -1
}

// topicButton opens the topic field for the i-th statement.
func (p *Picker) topicButton(i int) *widget.Button {
	b := widget.NewButton(string(topicKey), func() { p.StartTopic(i) })
	b.Importance = widget.LowImportance
	return b
}

// statementLine shows the i-th statement's topic, which opens the topic
// field when tapped, and its stance, with a button removing the topic.
func (p *Picker) statementLine(i int) fyne.CanvasObject {
	c := p.chosen[i]
	name := c.Topic.Name
	if c.Topic.ID == "" {
		name += " (new topic)"
	}
	topic := widget.NewButton(name, func() { p.StartTopic(i) })
	topic.Importance = widget.LowImportance
	topic.Alignment = widget.ButtonAlignLeading
	col := c.Topic.Color
	if col == nil {
		col = theme.Color(theme.ColorNameDisabled)
	}
	labels := []string{"no stance"}
	selected := labels[0]
	for _, s := range p.topics.stances {
		l := s.Sign + " " + s.Name
		labels = append(labels, l)
		if s.Name == c.Stance {
			selected = l
		}
	}
	stance := widget.NewSelect(labels, nil)
	stance.SetSelected(selected)
	stance.OnChanged = func(l string) {
		if i >= len(p.chosen) {
			return
		}
		p.chosen[i].Stance = ""
		for _, s := range p.topics.stances {
			if l == s.Sign+" "+s.Name {
				p.chosen[i].Stance = s.Name
			}
		}
	}
	drop := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { p.SetTopic(i, PickerTopic{}) })
	drop.Importance = widget.LowImportance
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(theme.IconInlineSize()+theme.Padding(), 1))
	return container.NewBorder(nil, nil,
		container.NewHBox(indent, container.NewCenter(chipSwatch(col)), topic),
		container.NewHBox(stance, drop))
}

// topicEntry is the topic field: like the name field it steers its list
// with Up/Down and Enter, takes 1–9 for the listed topics, and once a
// topic is chosen takes +, − (or -) and 0 for the stance. Escape, or
// Backspace in the empty field, goes back to the name field without a
// change; Enter in the empty field goes back keeping what is set.
type topicEntry struct {
	widget.Entry
	p *Picker
}

func newTopicEntry(p *Picker) *topicEntry {
	e := &topicEntry{p: p}
	e.OnChanged = func(string) {
		if p.topics.open() && !p.topics.askStance {
			p.cursor = 0
			p.refreshRows()
			p.lists.ScrollToTop()
		}
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab keeps Tab for the picker: it goes to the note, as from the
// name field.
func (e *topicEntry) AcceptsTab() bool { return true }

// TypedKey steers the topic or stance list.
func (e *topicEntry) TypedKey(k *fyne.KeyEvent) {
	p := e.p
	switch k.Name {
	case fyne.KeyTab:
		p.closeTopic()
		p.focusObject(p.note)
	case fyne.KeyDown:
		p.moveCursor(1)
	case fyne.KeyUp:
		p.moveCursor(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.enter()
	case fyne.KeyEscape:
		p.closeTopic()
	case fyne.KeyBackspace:
		if e.Text == "" {
			p.closeTopic()
			return
		}
		e.Entry.TypedKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

// enter picks the cursor row; in the empty field it leaves the stance
// unset (or, before a topic is chosen, the topic as it was) and goes back.
func (e *topicEntry) enter() {
	p := e.p
	switch {
	case p.topics.askStance && e.Text == "":
		p.closeTopic()
	case p.topics.askStance:
		p.chooseStance(p.cursor)
	case strings.TrimSpace(e.Text) == "":
		p.closeTopic()
	default:
		p.pickTopic(p.cursor)
	}
}

// TypedRune takes the stance keys after a topic, and digits for the
// listed topics in the empty field. Any other key after a topic ends the
// topic step and goes to the name field, where it is typed: the next
// actor's name.
func (e *topicEntry) TypedRune(r rune) {
	p := e.p
	if p.topics.askStance {
		if i := p.stanceFor(r); i >= 0 {
			p.chooseStance(i)
			return
		}
		p.closeTopic()
		p.query.TypedRune(r)
		return
	}
	if e.Text == "" && r >= '1' && r <= '9' {
		if i := int(r - '1'); i < len(p.topics.shown) {
			p.pickTopic(i)
			return
		}
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut saves on Ctrl+Enter, taking what is typed first.
func (e *topicEntry) TypedShortcut(s fyne.Shortcut) {
	if isSave(s) {
		if strings.TrimSpace(e.Text) != "" && !e.p.topics.askStance {
			e.p.pickTopic(e.p.cursor)
		}
		e.p.closeTopic()
		e.p.Submit()
		return
	}
	e.Entry.TypedShortcut(s)
}
