package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/fold"
	"github.com/dramatis-app/dramatis/internal/topicpath"
)

// PickerTopic is one topic the picker can offer. ID is empty for a topic
// the reader creates by typing a new name.
type PickerTopic struct {
	ID      string
	Name    string
	Color   color.Color
	Aliases []string
	// Parent is the name of the topic it sits under, shown before it
	// ("Sanktionen › Wirtschaft"). For a new topic typed under a parent
	// ("Sanktionen/Wirtschaft"), ParentID is that parent's id, or empty
	// when the parent is new too.
	Parent   string
	ParentID string
}

// Label is the topic as the picker shows it: its name, after its
// parent's.
func (t PickerTopic) Label() string {
	if t.Parent == "" {
		return t.Name
	}
	return t.Parent + topicpath.Shown + t.Name
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
	// newTopic is what the new-topic row creates (see newTopicFor).
	newTopic PickerTopic
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
// actors are (names and aliases, regardless of case and diacritics); a
// topic under a matching parent follows at a lower rank. "Parent/Topic"
// (or "Parent › Topic") matches the topics under the parent by their own
// names; "Parent/" lists them all. An empty query lists the recent
// topics, then the rest.
func (p *Picker) TopicMatches(query string) []PickerTopic {
	q := fold.String(strings.TrimSpace(query))
	if q == "" {
		return dedupeTopics(append(append([]PickerTopic(nil), p.topics.recent...), p.topics.library...))
	}
	parent, child, isPath := topicpath.Split(q)
	parents := p.parentsByName()
	parentScores := map[string]int{} // each parent is matched once, not once per topic under it
	type scored struct {
		t     PickerTopic
		score int
	}
	var hits []scored
	for i, list := range [][]PickerTopic{p.topics.recent, p.topics.library} {
		for _, t := range list {
			s, _ := matchScore(q, PickerActor{Name: t.Name, Aliases: t.Aliases})
			if s == 0 && t.Parent != "" {
				pq := q
				if isPath {
					pq = parent
				}
				ps, ok := parentScores[t.Parent]
				if !ok {
					ps, _ = matchScore(pq, withName(parents[t.Parent], t.Parent))
					parentScores[t.Parent] = ps
				}
				switch {
				case ps == 0:
				case isPath:
					s = pathScore(child, ps, t)
				default:
					s = ps / 2 // under a matching parent: after the parent and its namesakes
				}
			}
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

// parentsByName are the top-level topics by name, with their aliases, so
// that a topic's parent matches by alias too ("Sanctions/…").
func (p *Picker) parentsByName() map[string]PickerActor {
	m := map[string]PickerActor{}
	for _, t := range p.topics.library {
		if t.Parent == "" {
			m[t.Name] = PickerActor{Name: t.Name, Aliases: t.Aliases}
		}
	}
	return m
}

// withName is a, or an actor of that name when a is the zero value.
func withName(a PickerActor, name string) PickerActor {
	if a.Name == "" {
		a.Name = name
	}
	return a
}

// pathScore rates a topic under a parent against the child part of a
// folded "parent/child" query, given how well its parent (by name or
// alias) matched the parent part: the child (or any child, when none is
// typed) ranks as a name query would.
func pathScore(child string, parentScore int, t PickerTopic) int {
	if child == "" {
		return parentScore
	}
	cs, _ := matchScore(child, PickerActor{Name: t.Name, Aliases: t.Aliases})
	if cs == 0 {
		return 0
	}
	return cs + parentScore/10
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
	p.topics.newTopic, p.topics.newRow = PickerTopic{}, false
	hint := ""
	if q != "" && !p.exactTopic(q) {
		p.topics.newTopic, hint = p.newTopicFor(q)
		p.topics.newRow = p.topics.newTopic.Name != ""
	}
	p.clampCursor()
	objs = append(objs, dimLabel("Topic of "+st.Name+" · Parent/Name for a sub-topic"))
	if len(p.topics.shown) == 0 && !p.topics.newRow && hint == "" {
		objs = append(objs, dimLabel("No topics yet — type a name to create one."))
	}
	for i, t := range p.topics.shown {
		label := t.Label()
		if q == "" {
			label = fmt.Sprintf("%d  %s", i+1, label)
		}
		objs = append(objs, p.topicRow(i, label, t.Color, p.pickTopic))
	}
	if p.topics.newRow {
		objs = append(objs, p.topicRow(len(p.topics.shown), newTopicLabel(p.topics.newTopic), nil, p.pickTopic))
	}
	if hint != "" {
		objs = append(objs, dimLabel(hint))
	}
	p.rows.Objects = objs
	p.rows.Refresh()
}

// newTopicFor is the topic typing q would create: a top-level one, or
// for "Parent/Topic" one under that parent (an existing top-level topic,
// found by name or alias, or a new one). A name some topic has already
// (topic names are unique, at any level) creates nothing, nor does a
// parent that is under another (topics go one level deep): hint then
// says why.
func (p *Picker) newTopicFor(q string) (t PickerTopic, hint string) {
	parent, child, isPath := topicpath.Split(q)
	if !isPath {
		return PickerTopic{Name: q}, ""
	}
	if child == "" {
		return PickerTopic{}, ""
	}
	if _, ok := p.findTopic(child); ok {
		return PickerTopic{}, fmt.Sprintf("“%s” is a topic already: pick it above.", child)
	}
	t = PickerTopic{Name: child, Parent: parent}
	if pt, ok := p.findTopic(parent); ok {
		if pt.Parent != "" {
			return PickerTopic{}, fmt.Sprintf("“%s” is under “%s”: topics go one level deep.", pt.Name, pt.Parent)
		}
		t.Parent, t.ParentID = pt.Name, pt.ID
	}
	return t, ""
}

// findTopic finds a topic on offer whose name or an alias is s (folded).
func (p *Picker) findTopic(s string) (PickerTopic, bool) {
	fs := fold.String(s)
	for _, list := range [][]PickerTopic{p.topics.library, p.topics.recent} {
		for _, t := range list {
			if fold.String(t.Name) == fs || slices.ContainsFunc(t.Aliases, func(a string) bool { return fold.String(a) == fs }) {
				return t, true
			}
		}
	}
	return PickerTopic{}, false
}

// newTopicLabel is the row that creates a typed topic.
func newTopicLabel(t PickerTopic) string {
	switch {
	case t.Parent == "":
		return fmt.Sprintf("New topic “%s”", t.Name)
	case t.ParentID == "":
		return fmt.Sprintf("New topic “%s” under new topic “%s”", t.Name, t.Parent)
	}
	return fmt.Sprintf("New topic “%s” under %s", t.Name, t.Parent)
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

// findButton is the row button of a row p.row made.
func findButton(o fyne.CanvasObject) *rowButton {
	switch x := o.(type) {
	case *rowButton:
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
		t = p.topics.newTopic
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
	name := statementTopicLabel(c.Topic)
	topic := newRowButton(name, func() { p.StartTopic(i) })
	topic.Importance = widget.LowImportance
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
		container.NewHBox(indent, container.NewCenter(chipSwatch(col))),
		container.NewHBox(stance, drop), topic)
}

// maxStatementLabel is how many characters of a topic the statement line
// shows with its parent: with the stance chooser and the remove button
// beside it, a longer line would push the rows above past the picker's
// edge at its narrowest (460 units).
const maxStatementLabel = 24

// statementTopicLabel names a statement's topic: with its parent when
// that fits ("Sanktionen › Finanzen"), else alone; "(new)" when the
// picker creates it.
func statementTopicLabel(t PickerTopic) string {
	label := t.Label()
	if len([]rune(label)) > maxStatementLabel {
		label = t.Name
	}
	if t.ID == "" {
		label += " (new)"
	}
	return label
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
