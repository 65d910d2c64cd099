package widgets

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/fold"
)

// PickerActor is one actor the picker can offer. ID is empty for an actor
// that is not in the library yet (a built-in or discovered suggestion, or
// one the reader creates by typing a new name).
type PickerActor struct {
	ID      string
	Name    string
	Kind    string
	Color   color.Color
	Aliases []string
	// Hint says why the actor is offered ("in passage", "recent"); shown dimmed.
	Hint string
}

// PickedActor is an actor the reader chose, with the role it plays in the
// passage and, optionally, a topic it speaks or acts on and its stance on
// it: one statement. The same actor may be picked once per topic.
type PickedActor struct {
	PickerActor
	Role string
	// Topic is the statement's topic (zero when none; an empty ID is a
	// topic the reader created by typing its name).
	Topic PickerTopic
	// Stance is one of the PickerStance names given to SetTopics, or "".
	Stance string
}

// PickerResult is what the picker hands back when the reader saves.
type PickerResult struct {
	Actors []PickedActor
	Note   string
}

// maxRows bounds the candidate list so the picker stays one glance tall.
const maxRows = 9

// Picker chooses the actors of a highlight: type-ahead over names and
// aliases (diacritic-insensitive), suggestions first, digits 1–9 for the
// first rows of the empty-query list (suggestions, then recently used
// actors), Enter to add the current row or create a new actor of the chosen
// kind, a role per chosen actor (Alt+S/T/M for the one added last) and an
// optional note. With topics (SetTopics), # in the empty name field opens
// a topic field for the actor added last: type-ahead over topics, Enter
// picks or creates one, then +, − or 0 sets the stance (see
// pickertopics.go). Readers who do not use topics type exactly what they
// typed before. It knows nothing of storage: actors and topics in, a
// PickerResult out.
type Picker struct {
	widget.BaseWidget

	// OnSubmit is called with the chosen actors and note when the reader saves.
	OnSubmit func(PickerResult)
	// OnCancel is called when the reader presses Escape or Cancel.
	OnCancel func()
	// Lookup, when set, finds further candidates for a typed query (e.g.
	// built-in knowledge of states and leaders); they rank after library
	// actors and suggestions.
	Lookup func(query string) []PickerActor

	roles, kinds []string
	defaultRole  string
	library      []PickerActor
	suggested    []PickerActor
	recent       []PickerActor

	chosen []PickedActor
	shown  []PickerActor // rows currently listed; a row with empty Name and ID is never shown
	newRow bool          // the last row offers to create an actor named like the query
	cursor int
	// current is the chosen statement that Alt+S/T/M and # act on: the
	// one added last, or the one whose topic button was pressed.
	current int
	topics  pickerTopics

	maxH      float32           // bound on the picker's height; 0 = none
	lists     *container.Scroll // the candidate list
	chosenBar *container.Scroll // the chosen list
	listsBox  *fyne.Container   // both lists, no taller than maxH allows
	query     *pickerEntry
	kind      *widget.Select
	rows      *fyne.Container
	chosenBox *fyne.Container
	note      *noteEntry
	content   fyne.CanvasObject
}

// NewPicker builds a picker over the library's actors, the suggestions found
// in the passage (offered first) and the recently used actors. roles and
// kinds are the choices for a chosen actor's role and a new actor's kind; the
// first role is the default.
func NewPicker(library, suggested, recent []PickerActor, roles, kinds []string) *Picker {
	p := &Picker{library: library, suggested: suggested, recent: recent, roles: roles, kinds: kinds}
	if len(roles) > 0 {
		p.defaultRole = roles[0]
	}
	p.query = newPickerEntry(p)
	p.query.SetPlaceHolder("Name or alias · 1–9 picks · Alt+S/T/M role · Tab: note")
	p.topics.field = newTopicEntry(p)
	p.topics.field.Hide()
	p.topics.forStatement = -1
	p.query.OnChanged = func(string) {
		p.cursor = 0
		p.refreshRows()
		p.lists.ScrollToTop() // the candidates for what is typed
	}
	p.kind = widget.NewSelect(kinds, nil)
	if len(kinds) > 0 {
		p.kind.SetSelected(kinds[0])
	}
	p.rows = container.NewVBox()
	// The "New actor … (kind)" row says which kind Enter will create.
	p.kind.OnChanged = func(string) { p.refreshRows() }
	p.chosenBox = container.NewVBox()
	p.note = newNoteEntry(p)
	p.note.SetPlaceHolder("Note (optional) · Ctrl+Enter saves")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.SetMinRowsVisible(2)
	save := widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), p.Submit)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), p.Cancel)
	p.lists = container.NewVScroll(p.rows)
	p.chosenBar = container.NewVScroll(p.chosenBox)
	p.listsBox = container.New(&listsLayout{p: p}, p.lists, widget.NewSeparator(), p.chosenBar)
	// The lists take whatever height the picker is given beyond its
	// minimum, so that in a panel of fixed size the query, the note and
	// the buttons stay where they are while the lists change.
	p.content = container.New(&stretchLayout{stretch: p.listsBox},
		container.NewStack(p.query, p.topics.field),
		container.NewBorder(nil, nil, widget.NewLabel("New actors are a"), nil, p.kind),
		p.listsBox,
		p.note,
		container.NewHBox(layout.NewSpacer(), cancel, save),
	)
	p.ExtendBaseWidget(p)
	p.refreshRows()
	p.refreshChosen()
	return p
}

// CreateRenderer shows the picker's form.
func (p *Picker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// MinSize keeps the picker wide enough for names with aliases beside them.
func (p *Picker) MinSize() fyne.Size {
	s := p.BaseWidget.MinSize()
	return fyne.NewSize(fyne.Max(s.Width, 440), s.Height)
}

// SetMaxHeight bounds the picker's height, e.g. to what the window has
// room for: the candidate and chosen lists then scroll, so that the note
// and the Save button stay on screen however many actors are chosen.
// 0 removes the bound.
func (p *Picker) SetMaxHeight(h float32) {
	p.maxH = h
	p.Refresh()
}

// stretchLayout stacks objects like a VBox but gives the height beyond
// their minimum to one of them.
type stretchLayout struct{ stretch fyne.CanvasObject }

func (l *stretchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	extra := size.Height - l.MinSize(objs).Height
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		if o == l.stretch && extra > 0 {
			h += extra
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

func (l *stretchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
		n++
	}
	return fyne.NewSize(w, h+float32(max(0, n-1))*theme.Padding())
}

// listsLayout stacks the candidate list, a line and the chosen list, each
// scrolling on its own. Given less than both need (a picker bounded by a
// small window), the chosen list keeps up to half the room, so the actors
// already chosen stay in sight: in one scroll under the candidates they
// were squeezed out of view at 640×480.
type listsLayout struct{ p *Picker }

func (l *listsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rows, sep, chosen := objs[0], objs[1], objs[2]
	sepH, gap := sep.MinSize().Height, theme.Padding()
	room := max(0, size.Height-sepH-2*gap)
	want := l.p.chosenBox.MinSize().Height
	chosenH := min(want, max(room/2, room-l.p.rows.MinSize().Height))
	rowsH := room - chosenH
	rows.Move(fyne.NewPos(0, 0))
	rows.Resize(fyne.NewSize(size.Width, rowsH))
	sep.Move(fyne.NewPos(0, rowsH+gap))
	sep.Resize(fyne.NewSize(size.Width, sepH))
	chosen.Move(fyne.NewPos(0, rowsH+gap+sepH+gap))
	chosen.Resize(fyne.NewSize(size.Width, chosenH))
}

// MinSize is both lists whole, or less when the picker has a maximum
// height, but never less than a row of each.
func (l *listsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	sepH, gap := objs[1].MinSize().Height, theme.Padding()
	rows, chosen := l.p.rows.MinSize(), l.p.chosenBox.MinSize()
	m := fyne.NewSize(max(rows.Width, chosen.Width), rows.Height+sepH+chosen.Height+2*gap)
	if l.p.maxH <= 0 {
		return m
	}
	// Everything but the lists, with the gaps between the picker's parts.
	var fixed float32
	parts := l.p.content.(*fyne.Container).Objects
	for _, o := range parts {
		if o != l.p.listsBox {
			fixed += o.MinSize().Height
		}
	}
	fixed += float32(len(parts)-1) * theme.Padding()
	least := firstHeight(l.p.rows) + sepH + firstHeight(l.p.chosenBox) + 2*gap
	m.Height = min(m.Height, max(least, l.p.maxH-fixed))
	return m
}

// firstHeight is the height of a list's first row (0 when it has none).
func firstHeight(c *fyne.Container) float32 {
	if len(c.Objects) == 0 {
		return 0
	}
	return c.Objects[0].MinSize().Height
}

// Focus is the object to focus when the picker appears, so typing starts at once.
func (p *Picker) Focus() fyne.Focusable { return p.query }

// SetChosen preselects actors (with their topics and stances) and a note,
// for editing an existing highlight.
func (p *Picker) SetChosen(actors []PickedActor, note string) {
	p.chosen = append([]PickedActor(nil), actors...)
	p.current = len(p.chosen) - 1
	p.note.SetText(note)
	p.refreshChosen()
	p.refreshRows()
}

// Chosen returns the actors chosen so far, in the order they were added.
func (p *Picker) Chosen() []PickedActor { return append([]PickedActor(nil), p.chosen...) }

// Shown returns the candidate rows currently listed (without the "new actor" row).
func (p *Picker) Shown() []PickerActor { return append([]PickerActor(nil), p.shown...) }

// SetQuery types a query as if the reader had typed it.
func (p *Picker) SetQuery(q string) { p.query.SetText(q) }

// SetRole changes the role of the i-th chosen actor.
func (p *Picker) SetRole(i int, role string) {
	if i < 0 || i >= len(p.chosen) {
		return
	}
	p.chosen[i].Role = role
	p.refreshChosen()
}

// SetNote replaces the note text.
func (p *Picker) SetNote(s string) { p.note.SetText(s) }

// SetNewKind chooses the kind given to actors created from the query.
func (p *Picker) SetNewKind(kind string) { p.kind.SetSelected(kind) }

// Submit hands the chosen actors and note to OnSubmit.
func (p *Picker) Submit() {
	if p.OnSubmit != nil {
		// Text pasted on Windows keeps its CRLF line ends; the note keeps
		// "\n" only, like notes typed anywhere.
		note := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(p.note.Text)
		p.OnSubmit(PickerResult{Actors: p.Chosen(), Note: strings.TrimSpace(note)})
	}
}

// Cancel gives up without a result.
func (p *Picker) Cancel() {
	if p.OnCancel != nil {
		p.OnCancel()
	}
}

// Matches returns the candidates for a query, best first: library actors and
// suggestions whose name or alias matches regardless of case and diacritics
// ("pjo", "pjö" and "pjoe" all find an actor with the alias Pjöngjang). An
// empty query lists the suggestions, then the recent actors, then the rest
// of the library.
func (p *Picker) Matches(query string) []PickerActor {
	q := fold.String(strings.TrimSpace(query))
	if q == "" {
		// Suggestions, then recent actors, then the library so that a
		// small library can be browsed without typing.
		all := append(append([]PickerActor(nil), p.suggested...), p.recent...)
		return p.dedupe(append(all, p.library...))
	}
	type scored struct {
		a     PickerActor
		score int
		order int
	}
	var hits []scored
	add := func(list []PickerActor, bonus int) {
		for _, a := range list {
			s, alias := matchScore(q, a)
			if s == 0 {
				continue
			}
			if alias != "" && a.Hint != "" {
				a.Hint = alias + " · " + a.Hint
			} else if alias != "" {
				a.Hint = alias
			}
			hits = append(hits, scored{a, s + bonus, len(hits)})
		}
	}
	add(p.suggested, 10)
	add(p.library, 0)
	if p.Lookup != nil {
		for _, a := range p.Lookup(query) {
			s, _ := matchScore(q, a)
			if s == 0 {
				s = 30 // matched by the lookup's own rules
			}
			hits = append(hits, scored{a, s - 20, len(hits)})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out := make([]PickerActor, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.a)
	}
	return p.dedupe(out)
}

// dedupe keeps the first of entries naming the same actor (by ID, else by
// folded name), so a suggestion that is also in the library shows once.
func (p *Picker) dedupe(list []PickerActor) []PickerActor {
	seen := map[string]bool{}
	out := list[:0]
	for _, a := range list {
		key := "n:" + fold.String(a.Name)
		if seen[key] || (a.ID != "" && seen["i:"+a.ID]) {
			continue
		}
		seen[key] = true
		if a.ID != "" {
			seen["i:"+a.ID] = true
		}
		out = append(out, a)
	}
	return out
}

// matchScore rates how well a folded query matches an actor's name or
// aliases; 0 means no match. The alias that matched is returned for display.
func matchScore(q string, a PickerActor) (int, string) {
	best, via := 0, ""
	try := func(s string, bonus int, alias string) {
		for _, f := range []string{fold.String(s), fold.German(s)} {
			sc := 0
			switch {
			case f == q:
				sc = 100
			case strings.HasPrefix(f, q):
				sc = 80
			case strings.Contains(f, " "+q) || strings.Contains(f, "-"+q):
				sc = 60
			case strings.Contains(f, q):
				sc = 40
			}
			if sc > 0 && sc+bonus > best {
				best, via = sc+bonus, alias
			}
		}
	}
	try(a.Name, 5, "")
	for _, al := range a.Aliases {
		try(al, 0, al)
	}
	return best, via
}

// refreshRows rebuilds the candidate list for the current query (or, while
// the topic field is open, the topics or stances it offers).
func (p *Picker) refreshRows() {
	if p.topics.open() {
		p.refreshTopicRows()
		return
	}
	q := strings.TrimSpace(p.query.Text)
	p.shown = p.Matches(q)
	if len(p.shown) > maxRows {
		p.shown = p.shown[:maxRows]
	}
	p.newRow = q != "" && !p.exactMatch(q)
	n := len(p.shown)
	if p.newRow {
		n++
	}
	if p.cursor >= n {
		p.cursor = n - 1
	}
	if p.cursor < 0 {
		p.cursor = 0
	}
	objs := make([]fyne.CanvasObject, 0, n+1)
	if len(p.shown) == 0 && !p.newRow {
		objs = append(objs, dimLabel("No suggestions — type a name to find or create an actor."))
	}
	for i, a := range p.shown {
		label := a.Name
		if a.Kind != "" {
			label += " — " + a.Kind
		}
		if a.Hint != "" {
			label += " · " + a.Hint
		}
		if p.isChosen(a) {
			label += " · chosen"
		}
		if q == "" {
			label = fmt.Sprintf("%d  %s", i+1, label)
		}
		objs = append(objs, p.row(i, label, a.Color))
	}
	if p.newRow {
		objs = append(objs, p.row(len(p.shown), fmt.Sprintf("New actor “%s” (%s)", q, p.kind.Selected), nil))
	}
	p.rows.Objects = objs
	p.rows.Refresh()
}

// exactMatch reports whether a listed candidate is named exactly like the
// query, in which case offering to create it again would make a duplicate.
func (p *Picker) exactMatch(q string) bool {
	fq := fold.String(q)
	for _, a := range p.shown {
		if fold.String(a.Name) == fq {
			return true
		}
		for _, al := range a.Aliases {
			if fold.String(al) == fq {
				return true
			}
		}
	}
	return false
}

// row is one tappable candidate line; the cursor row is emphasised.
func (p *Picker) row(i int, label string, c color.Color) fyne.CanvasObject {
	b := newRowButton(label, func() { p.pick(i) })
	if i == p.cursor {
		b.Importance = widget.HighImportance
	} else {
		b.Importance = widget.LowImportance
	}
	if c == nil {
		c = color.Transparent
	}
	sw := canvas.NewRectangle(c)
	sw.CornerRadius = 3
	sw.SetMinSize(fyne.NewSize(12, 12))
	return container.NewBorder(nil, nil, container.NewCenter(sw), nil, b)
}

// pick adds the i-th row (or creates the new actor) and clears the query.
func (p *Picker) pick(i int) {
	var a PickerActor
	switch {
	case i < len(p.shown):
		a = p.shown[i]
		a.Hint = ""
	case i == len(p.shown) && p.newRow:
		a = PickerActor{Name: strings.TrimSpace(p.query.Text), Kind: p.kind.Selected}
	default:
		return
	}
	p.add(a)
	p.query.SetText("")
	// In a bounded picker the chosen list may scroll: show the actor just
	// added, whose role Alt+S/T/M changes.
	p.chosenBar.ScrollToBottom()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.query); c != nil {
		c.Focus(p.query)
	}
}

// isChosen reports whether an actor is in the chosen list already.
func (p *Picker) isChosen(a PickerActor) bool { return p.chosenAt(a, false) >= 0 }

// chosenAt returns the index of a statement of actor a (with untopiced:
// one without a topic), or -1.
func (p *Picker) chosenAt(a PickerActor, untopiced bool) int {
	for i, c := range p.chosen {
		if ((a.ID != "" && c.ID == a.ID) || fold.String(c.Name) == fold.String(a.Name)) && (!untopiced || c.Topic.Name == "") {
			return i
		}
	}
	return -1
}

// add appends an actor to the chosen list. An actor chosen already is
// added again only when each of its statements has a topic (the reader
// is about to give it another one); otherwise its statement without a
// topic becomes the current one.
func (p *Picker) add(a PickerActor) {
	if i := p.chosenAt(a, true); i >= 0 {
		p.current = i
		return
	}
	p.chosen = append(p.chosen, PickedActor{PickerActor: a, Role: p.defaultRole})
	p.current = len(p.chosen) - 1
	p.refreshChosen()
	p.refreshRows() // the row now says "chosen"
}

// remove drops the i-th chosen statement.
func (p *Picker) remove(i int) {
	if i < 0 || i >= len(p.chosen) {
		return
	}
	p.chosen = append(p.chosen[:i], p.chosen[i+1:]...)
	switch {
	case p.current == i:
		p.current = len(p.chosen) - 1
	case p.current > i:
		p.current--
	}
	if p.topics.forStatement == i {
		p.closeTopic()
	} else if p.topics.forStatement > i {
		p.topics.forStatement--
	}
	p.refreshChosen()
	p.refreshRows()
}

// refreshChosen lists the chosen statements (chosenRow).
func (p *Picker) refreshChosen() {
	if len(p.chosen) == 0 {
		p.chosenBox.Objects = []fyne.CanvasObject{dimLabel("No actors chosen yet.")}
		p.chosenBox.Refresh()
		return
	}
	objs := make([]fyne.CanvasObject, 0, len(p.chosen))
	for i := range p.chosen {
		objs = append(objs, p.chosenRow(i))
	}
	p.chosenBox.Objects = objs
	p.chosenBox.Refresh()
}

// chosenRow is one chosen statement: the actor with its colour, its role,
// a button to give it a topic and one to remove it; below, when it has a
// topic, the topic and the stance.
func (p *Picker) chosenRow(i int) fyne.CanvasObject {
	c := p.chosen[i]
	role := widget.NewSelect(p.roles, func(r string) {
		if i < len(p.chosen) {
			p.chosen[i].Role = r
		}
	})
	role.SetSelected(c.Role)
	name := c.Name
	if c.ID == "" {
		name += " (new " + c.Kind + ")"
	}
	col := c.Color
	if col == nil {
		col = theme.Color(theme.ColorNameDisabled)
	}
	buttons := container.NewHBox(role)
	if len(p.topics.stances) > 0 {
		buttons.Add(p.topicButton(i))
	}
	buttons.Add(widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.remove(i) }))
	// The name takes what the role and buttons leave, cut with an
	// ellipsis: a long one must not push them out of the picker.
	label := widget.NewLabel(name)
	label.Truncation = fyne.TextTruncateEllipsis
	line := container.NewBorder(nil, nil, container.NewCenter(chipSwatch(col)), buttons, label)
	if c.Topic.Name == "" {
		return line
	}
	return container.NewVBox(line, p.statementLine(i))
}

// moveCursor steps the emphasised row, wrapping at both ends.
func (p *Picker) moveCursor(d int) {
	n := p.rowCount()
	if n == 0 {
		return
	}
	p.cursor = (p.cursor + d + n) % n
	p.refreshRows()
	p.showCursor()
}

// showCursor scrolls a bounded picker's lists so that the cursor row is in
// view (Down past the last visible row used to move it out of sight).
func (p *Picker) showCursor() {
	at := p.cursor + p.headerRows()
	if at >= len(p.rows.Objects) {
		return
	}
	o := p.rows.Objects[at]
	y, h := p.rows.Position().Y+o.Position().Y, o.Size().Height
	top, vh := p.lists.Offset.Y, p.lists.Size().Height
	switch {
	case y < top:
		p.lists.ScrollToOffset(fyne.NewPos(0, y))
	case y+h > top+vh:
		p.lists.ScrollToOffset(fyne.NewPos(0, y+h-vh))
	}
}

// enter adds the cursor row; with an empty query and something chosen it saves.
func (p *Picker) enter() {
	if strings.TrimSpace(p.query.Text) == "" {
		if len(p.chosen) > 0 {
			p.Submit()
		}
		return
	}
	p.pick(p.cursor)
}

func dimLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	return l
}

func chipSwatch(c color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(12, 12))
	return r
}

// noteEntry is the note field: Ctrl+Enter saves, Escape cancels, so the
// picker never needs the mouse.
type noteEntry struct {
	widget.Entry
	p *Picker
}

func newNoteEntry(p *Picker) *noteEntry {
	e := &noteEntry{p: p}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

// isSave reports whether s is Ctrl+Enter (Cmd+Enter on macOS), which saves
// the picker from any of its fields.
func isSave(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
}

// TypedShortcut saves on Ctrl+Enter.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if isSave(s) {
		e.p.Submit()
		return
	}
	e.Entry.TypedShortcut(s)
}

// AcceptsTab takes Tab from the focus chain: Shift+Tab goes straight back
// to the name field, Tab on to the buttons (a note has no use for a tab
// character).
func (e *noteEntry) AcceptsTab() bool { return true }

// TypedKey cancels on Escape and moves the focus on Tab.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.p.Cancel()
	case fyne.KeyTab:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if shiftHeld() {
				e.p.closeTopic()
				c.Focus(e.p.query)
			} else {
				c.FocusNext()
			}
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// shiftHeld reports whether Shift is down (a KeyEvent carries no
// modifiers; the desktop driver knows them).
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// pickerEntry is the query field: it passes Up/Down/Enter/Escape and, when
// empty, digits to the picker so the whole job can be done from the keyboard.
type pickerEntry struct {
	widget.Entry
	p *Picker
}

func newPickerEntry(p *Picker) *pickerEntry {
	e := &pickerEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab keeps Tab for the picker: it goes straight to the note, past
// the kind, the rows and the chosen actors' roles.
func (e *pickerEntry) AcceptsTab() bool { return true }

// TypedKey steers the candidate list; Tab goes to the note.
func (e *pickerEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyTab:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if shiftHeld() {
				c.FocusPrevious()
			} else {
				c.Focus(e.p.note)
			}
		}
	case fyne.KeyDown:
		e.p.moveCursor(1)
	case fyne.KeyUp:
		e.p.moveCursor(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.enter()
	case fyne.KeyEscape:
		e.p.Cancel()
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut gives Alt+<first letter of a role> (Alt+S speaker, Alt+T
// target, Alt+M mentioned) to the current statement (the actor chosen
// last), so roles need no mouse.
// Ctrl+Enter adds what is typed (as Enter would) and saves.
func (e *pickerEntry) TypedShortcut(s fyne.Shortcut) {
	if isSave(s) {
		if strings.TrimSpace(e.Text) != "" {
			e.p.enter()
		}
		e.p.Submit()
		return
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && len(e.p.chosen) > 0 {
		for _, r := range e.p.roles {
			if r != "" && strings.EqualFold(string(cs.KeyName), r[:1]) {
				e.p.SetRole(e.p.current, r)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}

// TypedRune picks the n-th listed actor for a digit typed into an empty
// field; # there opens the topic field for the current statement.
func (e *pickerEntry) TypedRune(r rune) {
	if e.Text == "" && r == topicKey && len(e.p.chosen) > 0 && len(e.p.topics.stances) > 0 {
		e.p.StartTopic(e.p.current)
		return
	}
	if e.Text == "" && r >= '1' && r <= '9' {
		i := int(r - '1')
		if i < len(e.p.shown) {
			e.p.pick(i)
			return
		}
	}
	e.Entry.TypedRune(r)
}
