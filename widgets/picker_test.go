package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/fold"
)

func pickerFixture(t *testing.T) *Picker {
	t.Helper()
	test.NewTempApp(t)
	lib := []PickerActor{
		{ID: "a1", Name: "Nordkorea", Kind: "state", Aliases: []string{"DVRK", "Pjöngjang", "North Korea"}},
		{ID: "a2", Name: "Russland", Kind: "state", Aliases: []string{"Moskau", "Kreml"}},
		{ID: "a3", Name: "Kim Jong Un", Kind: "person"},
		{ID: "a4", Name: "Élysée", Kind: "organisation"},
	}
	sugg := []PickerActor{{ID: "a2", Name: "Russland", Kind: "state", Hint: "in passage"}, {Name: "Wladimir Putin", Kind: "person", Hint: "built-in"}}
	recent := []PickerActor{{ID: "a3", Name: "Kim Jong Un", Kind: "person"}, {ID: "a2", Name: "Russland", Kind: "state"}}
	p := NewPicker(lib, sugg, recent, []string{"mentioned", "speaker", "target"}, []string{"person", "state", "organisation", "group", "other"})
	test.NewTempWindow(t, p)
	return p
}

func names(as []PickerActor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestPickerMatchesIgnoreDiacritics(t *testing.T) {
	p := pickerFixture(t)
	for _, tc := range []struct{ q, want string }{
		{"pjö", "Nordkorea"}, {"pjo", "Nordkorea"}, {"PJOE", "Nordkorea"}, {"dvrk", "Nordkorea"},
		{"north", "Nordkorea"}, {"korea", "Nordkorea"}, {"kreml", "Russland"}, {"elys", "Élysée"},
		{"jong", "Kim Jong Un"}, {"putin", "Wladimir Putin"},
	} {
		got := p.Matches(tc.q)
		if len(got) == 0 || got[0].Name != tc.want {
			t.Errorf("Matches(%q) = %v, want %s first", tc.q, names(got), tc.want)
		}
	}
	if got := p.Matches("xyz"); len(got) != 0 {
		t.Errorf("Matches(xyz) = %v, want none", names(got))
	}
}

func TestPickerEmptyQueryListsSuggestionsThenRecentThenLibrary(t *testing.T) {
	p := pickerFixture(t)
	got := names(p.Shown())
	want := []string{"Russland", "Wladimir Putin", "Kim Jong Un", "Nordkorea", "Élysée"}
	if len(got) != len(want) {
		t.Fatalf("shown = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("shown = %v, want %v", got, want)
		}
	}
}

func TestPickerKeyboardFlow(t *testing.T) {
	p := pickerFixture(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	c := fyne.CurrentApp().Driver().AllWindows()[0].Canvas()
	c.Focus(p.Focus())
	// digit 3 picks the third listed actor (recent: Kim Jong Un)
	test.Type(p.query, "3")
	// type-ahead with diacritics, Enter adds the best match
	test.Type(p.query, "pjö")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// a name nobody knows: Enter creates a new actor of the chosen kind
	p.SetNewKind("organisation")
	test.Type(p.query, "Rosatom")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.SetRole(0, "speaker")
	p.SetRole(1, "target")
	p.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierAlt})
	if r := p.Chosen()[2].Role; r != "target" {
		t.Errorf("Alt+T gave the last actor the role %q", r)
	}
	p.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierAlt}) // Alt+M: back to mentioned
	p.SetNote("warns again")
	// Enter on the empty query saves
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if res == nil {
		t.Fatal("no result submitted")
	}
	if len(res.Actors) != 3 {
		t.Fatalf("actors = %+v", res.Actors)
	}
	if a := res.Actors[0]; a.ID != "a3" || a.Role != "speaker" {
		t.Errorf("first = %+v, want Kim Jong Un as speaker", a)
	}
	if a := res.Actors[1]; a.ID != "a1" || a.Role != "target" {
		t.Errorf("second = %+v, want Nordkorea as target", a)
	}
	if a := res.Actors[2]; a.ID != "" || a.Name != "Rosatom" || a.Kind != "organisation" || a.Role != "mentioned" {
		t.Errorf("third = %+v, want new organisation Rosatom, mentioned", a)
	}
	if res.Note != "warns again" {
		t.Errorf("note = %q", res.Note)
	}
}

func TestPickerNoDuplicateAndNoNewRowForExactAlias(t *testing.T) {
	p := pickerFixture(t)
	p.SetQuery("DVRK")
	if p.newRow {
		t.Error("an exact alias match still offers to create a new actor")
	}
	p.enter()
	p.SetQuery("nordkorea")
	p.enter()
	if got := p.Chosen(); len(got) != 1 {
		t.Errorf("chosen = %+v, want Nordkorea once", got)
	}
}

func TestPickerEscapeCancels(t *testing.T) {
	p := pickerFixture(t)
	cancelled := false
	p.OnCancel = func() { cancelled = true }
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !cancelled {
		t.Error("Escape did not cancel")
	}
}

func TestPickerLookupAndCtrlEnter(t *testing.T) {
	p := pickerFixture(t)
	p.Lookup = func(q string) []PickerActor {
		if fold.String(q) == "usa" {
			return []PickerActor{{Name: "Vereinigte Staaten", Kind: "state", Aliases: []string{"USA"}}}
		}
		return nil
	}
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	p.SetQuery("usa")
	if got := names(p.Shown()); len(got) == 0 || got[0] != "Vereinigte Staaten" || p.newRow {
		t.Fatalf("shown for usa = %v (new row %v), want the looked-up actor and no new row", got, p.newRow)
	}
	p.enter()
	p.note.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if res == nil || len(res.Actors) != 1 || res.Actors[0].Name != "Vereinigte Staaten" {
		t.Fatalf("Ctrl+Enter in the note submitted %+v", res)
	}
}

// rowLabels are the texts of the candidate rows as the reader sees them.
func rowLabels(p *Picker) []string {
	var out []string
	for _, o := range p.rows.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				if b, ok := x.(*rowButton); ok {
					out = append(out, b.Text)
				}
			}
		}
	}
	return out
}

// Picking an actor by its digit marks its row at once, so the reader sees
// what is chosen without looking down at the chosen list.
func TestPickerMarksChosenRows(t *testing.T) {
	p := pickerFixture(t)
	c := fyne.CurrentApp().Driver().AllWindows()[0].Canvas()
	c.Focus(p.Focus())
	test.Type(p.query, "1")
	rows := rowLabels(p)
	if len(rows) == 0 || !strings.HasSuffix(rows[0], "· chosen") || strings.HasSuffix(rows[1], "· chosen") {
		t.Fatalf("rows after picking the first: %q", rows)
	}
	p.remove(0)
	if rows := rowLabels(p); strings.HasSuffix(rows[0], "· chosen") {
		t.Errorf("rows after removing it again: %q", rows)
	}
}

// Ctrl+Enter in the name field adds what is typed and saves: "pjö",
// Ctrl+Enter is a whole tagging.
func TestPickerCtrlEnterInQueryAddsAndSaves(t *testing.T) {
	p := pickerFixture(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	test.Type(p.query, "pjö")
	p.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if res == nil || len(res.Actors) != 1 || res.Actors[0].Name != "Nordkorea" {
		t.Fatalf("Ctrl+Enter in the name field submitted %+v", res)
	}
}

// The row that creates a new actor names the kind Enter will give it, also
// after the reader changed the kind (it used to keep saying the old one).
func TestPickerNewActorRowFollowsKind(t *testing.T) {
	p := pickerFixture(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	test.Type(p.query, "Lin Jian")
	p.kind.SetSelected("organisation")
	rows := rowLabels(p)
	if len(rows) == 0 || rows[len(rows)-1] != "New actor “Lin Jian” (organisation)" {
		t.Fatalf("rows after choosing the kind: %q", rows)
	}
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.Submit()
	if res == nil || len(res.Actors) != 1 || res.Actors[0].Kind != "organisation" {
		t.Errorf("submitted %+v, want Lin Jian as a new organisation", res)
	}
}

// With a maximum height the picker stays within it however many actors are
// chosen: the lists scroll, the note and the Save button stay visible.
func TestPickerMaxHeightKeepsSaveOnScreen(t *testing.T) {
	p := pickerFixture(t)
	for _, n := range []string{"Anna", "Bernd", "Clara", "Dieter", "Emil", "Frieda"} {
		p.add(PickerActor{Name: n, Kind: "person"})
	}
	natural := p.MinSize().Height
	p.SetMaxHeight(natural - 150)
	if h := p.MinSize().Height; h > natural-150 {
		t.Fatalf("picker is %v tall with a maximum of %v", h, natural-150)
	}
	win := fyne.CurrentApp().Driver().AllWindows()[0]
	win.Resize(fyne.NewSize(520, natural-150+2*theme.Padding()))
	save := findPickerButton(p.content, "Save")
	if save == nil {
		t.Fatal("no Save button")
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(save).Subtract(d.AbsolutePositionForObject(p))
	if bottom := pos.Y + save.Size().Height; bottom > natural-150 {
		t.Errorf("Save button ends at %v, below the picker's %v", bottom, natural-150)
	}
	// A new actor picked shows at the bottom of the scrolled chosen list;
	// typing shows the candidates at the top again.
	test.Type(p.query, "Gerda")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.chosenBar.Offset.Y <= 0 {
		t.Error("the chosen list did not scroll to the actor just added")
	}
	test.Type(p.query, "Ru")
	if p.lists.Offset.Y != 0 {
		t.Errorf("typing left the lists scrolled to %v", p.lists.Offset.Y)
	}
	p.query.SetText("")
	p.remove(len(p.chosen) - 1)
	p.SetMaxHeight(0)
	if h := p.MinSize().Height; h != natural {
		t.Errorf("without a maximum the picker is %v tall, want %v", h, natural)
	}
}

func findPickerButton(o fyne.CanvasObject, label string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == label {
			return x
		}
	case *fyne.Container:
		for _, ch := range x.Objects {
			if b := findPickerButton(ch, label); b != nil {
				return b
			}
		}
	}
	return nil
}

// In a bounded picker, Down keeps the emphasised row in view.
func TestPickerCursorRowStaysInView(t *testing.T) {
	p := pickerFixture(t)
	var lib []PickerActor
	for _, n := range []string{"Anna", "Bernd", "Clara", "Dieter", "Emil", "Frieda", "Gustav", "Hanna", "Ida"} {
		lib = append(lib, PickerActor{ID: n, Name: n, Kind: "person"})
	}
	p.library = lib
	p.suggested, p.recent = nil, nil
	p.refreshRows()
	win := fyne.CurrentApp().Driver().AllWindows()[0]
	p.SetMaxHeight(p.MinSize().Height - 200)
	win.Resize(fyne.NewSize(520, p.MinSize().Height+2*theme.Padding()))
	for range 8 {
		p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	row := p.rows.Objects[p.cursor]
	y := p.rows.Position().Y + row.Position().Y
	if top := p.lists.Offset.Y; y < top || y+row.Size().Height > top+p.lists.Size().Height {
		t.Errorf("cursor row %d at %v, out of the lists' view [%v, %v]", p.cursor, y, top, top+p.lists.Size().Height)
	}
}

// The note is one key away: Tab in the name field goes straight to it, and
// Shift+Tab in the note comes back.
func TestPickerTabGoesToTheNote(t *testing.T) {
	p := pickerFixture(t)
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	c.Focus(p.query)
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if c.Focused() != p.note {
		t.Fatalf("Tab in the name field went to %T, not the note", c.Focused())
	}
	test.Type(p.note, "kurz")
	if p.note.Text != "kurz" {
		t.Errorf("note = %q", p.note.Text)
	}
}

// Given more height than it needs (a panel of fixed size), the picker gives
// it to the lists: the note and the buttons do not move as rows come and go.
func TestPickerKeepsItsPartsInPlaceWhileTyping(t *testing.T) {
	p := pickerFixture(t)
	win := fyne.CurrentApp().Driver().AllWindows()[0]
	win.Resize(fyne.NewSize(520, 700))
	p.SetMaxHeight(640)
	p.Resize(fyne.NewSize(500, 640))
	save := findPickerButton(p.content, "Save")
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(p.note)
	saveAt := d.AbsolutePositionForObject(save)
	for _, q := range []string{"R", "Ru", "Rux", ""} {
		test.Type(p.query, q)
		if got := d.AbsolutePositionForObject(p.note); got != before {
			t.Errorf("after typing %q the note moved from %v to %v", q, before, got)
		}
		if got := d.AbsolutePositionForObject(save); got != saveAt {
			t.Errorf("after typing %q Save moved from %v to %v", q, saveAt, got)
		}
		p.query.SetText("")
	}
}

// A note pasted on Windows arrives with CRLF (or a lone CR from old Mac
// text): it is saved with "\n" line ends only.
func TestPickerNoteLineEnds(t *testing.T) {
	for pasted, want := range map[string]string{
		"Erste Zeile\r\nzweite Zeile\r\n": "Erste Zeile\nzweite Zeile",
		"a\rb":                            "a\nb",
		"a\n\nb":                          "a\n\nb",
	} {
		p := pickerFixture(t)
		var res *PickerResult
		p.OnSubmit = func(r PickerResult) { res = &r }
		p.SetNote(pasted)
		p.Submit()
		if res == nil || res.Note != want {
			t.Errorf("note %q saved as %+v, want %q", pasted, res, want)
		}
	}
}

// TestPickerRowsFitItsPanel: long actor names neither widen the picker
// past its panel (460 units, the app's pickerWidth) nor run past their
// rows: the candidate rows, the new-actor row and the chosen actors' names
// are cut with an ellipsis to the width they get.
func TestPickerRowsFitItsPanel(t *testing.T) {
	test.NewTempApp(t)
	long := PickerActor{ID: "a1", Name: "Kim Jong Un, Oberster Führer der Demokratischen Volksrepublik Korea", Kind: "person", Hint: "in passage"}
	p := NewPicker([]PickerActor{long}, []PickerActor{long}, nil, []string{"mentioned", "speaker", "target"}, []string{"person", "state"})
	w := test.NewTempWindow(t, p)
	const panel = 460
	w.Resize(fyne.NewSize(panel, 500))
	fits := func(stage string) {
		t.Helper()
		if mw := p.MinSize().Width; mw > panel {
			t.Errorf("%s: the picker needs %.0f units, more than the panel's %d", stage, mw, panel)
		}
		for _, o := range p.rows.Objects {
			if o.Size().Width > panel {
				t.Errorf("%s: a row is %.0f units wide", stage, o.Size().Width)
			}
		}
	}
	fits("the suggestions")
	p.SetQuery("Kim")
	fits("a query")
	p.SetQuery("Neuer Akteur mit einem Namen, der in keine Zeile dieses Fensters passt")
	fits("the new-actor row")
	p.SetQuery("Kim")
	p.pick(0)
	fits("a long actor chosen")
	if got := p.Chosen(); len(got) != 1 || got[0].Name != long.Name {
		t.Fatalf("chosen %+v", got)
	}
}

// In a picker bounded to its least height (a 640×480 window), the chosen
// actors stay in sight beside the candidates, however many there are of
// each: under the candidates in one scroll they were squeezed out of view.
func TestPickerSmallKeepsChosenInSight(t *testing.T) {
	for _, chosen := range []int{1, 2, 6} {
		p := pickerFixture(t)
		for _, n := range []string{"Anna", "Bernd", "Clara", "Dieter", "Emil", "Frieda"}[:chosen] {
			p.add(PickerActor{Name: n, Kind: "person"})
		}
		p.SetMaxHeight(1) // as small as it goes
		h := p.MinSize().Height
		win := fyne.CurrentApp().Driver().AllWindows()[0]
		win.Resize(fyne.NewSize(520, h+2*theme.Padding()))
		row := p.chosenBox.Objects[0]
		if got, want := p.chosenBar.Size().Height, row.MinSize().Height; got < want {
			t.Errorf("%d chosen: the chosen list is %v tall, less than its first row's %v", chosen, got, want)
		}
		if got, want := p.lists.Size().Height, p.rows.Objects[0].MinSize().Height; got < want {
			t.Errorf("%d chosen: the candidate list is %v tall, less than a row's %v", chosen, got, want)
		}
	}
}
