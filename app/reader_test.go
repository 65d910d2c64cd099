package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// With nothing focused, as after clicking an article in the library list,
// the desktop driver gives Ctrl+A and Ctrl+C to the canvas: they select
// and copy the article all the same.
func TestSelectAllAndCopyWithNothingFocused(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	c := a.win.Canvas()
	c.Unfocus()
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := a.reader.view.Selection(); s != 0 || e != len([]rune(a.ctl.art.Text())) {
		t.Fatalf("Ctrl+A with nothing focused selected [%d,%d)", s, e)
	}
	a.reader.view.SetSelection(0, 8)
	c.Unfocus()
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{})
	if got, want := a.fa.Clipboard().Content(), string([]rune(a.ctl.art.Text())[:8]); got != want {
		t.Errorf("Ctrl+C with nothing focused copied %q, want %q", got, want)
	}
}

// An opened article has the keyboard, so Page Down reads on at once.
func TestOpenedArticleHasTheKeyboard(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.win.Canvas().Unfocus()
	a.ctl.openArticle(a.ctl.current)
	f := a.win.Canvas().Focused()
	if f == nil || (f != fyne.Focusable(a.reader.view) && f != a.reader.view.FocusTarget()) {
		t.Errorf("after opening an article the focus is %v, want the reader", f)
	}
}

// A clicked highlight is outlined in the text and marked in the notes; a
// click elsewhere lets go of it, so E and Ctrl+Delete no longer act on a
// highlight the reader cannot see is chosen.
func TestClickedHighlightIsOutlinedUntilClickElsewhere(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	v := a.reader.view
	// What a click does: the press moves the caret, the release taps.
	v.SetSelection(h.Start+1, h.Start+1)
	v.OnHighlightTapped(h.ID)
	if v.MarkedHighlight() != h.ID || !a.notes.Card(h.ID).Selected() {
		t.Fatalf("clicked highlight: outlined %q, card marked %v", v.MarkedHighlight(), a.notes.Card(h.ID).Selected())
	}
	v.SetSelection(h.End+20, h.End+20) // a click elsewhere
	if v.MarkedHighlight() != "" || a.notes.Card(h.ID).Selected() || a.ctl.selected != "" {
		t.Errorf("after a click elsewhere: outlined %q, card marked %v, selected %q", v.MarkedHighlight(), a.notes.Card(h.ID).Selected(), a.ctl.selected)
	}
	a.ctl.editSelectedHighlight()
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("E after a click elsewhere opened the picker on the old highlight")
	}
}

// Undo shows what it did: a deleted highlight comes back selected, and the
// passage of an undone new highlight is selected again for H.
func TestUndoSelectsWhatItRestored(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.deleteHighlight(h.ID)
	a.ctl.undoLast()
	if a.ctl.selected != h.ID || a.reader.view.MarkedHighlight() != h.ID {
		t.Errorf("after undoing a delete: selected %q, outlined %q, want %q", a.ctl.selected, a.reader.view.MarkedHighlight(), h.ID)
	}

	a.reader.view.SetSelection(h.End+10, h.End+30)
	a.ctl.highlightSelection()
	a.ctl.picker.Submit()
	if len(a.ctl.hls) != 2 {
		t.Fatalf("%d highlights after adding one", len(a.ctl.hls))
	}
	added := a.ctl.hls[1]
	a.ctl.undoLast()
	if s, e := a.reader.view.Selection(); s != added.Start || e != added.End {
		t.Errorf("after undoing a new highlight the selection is [%d,%d), want its passage [%d,%d)", s, e, added.Start, added.End)
	}
}

// In a small window the picker with many chosen actors still fits, its
// Save button on screen.
func TestPickerFitsSmallWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	for _, n := range []string{"Anna", "Bernd", "Clara", "Dieter", "Emil", "Frieda", "Gustav"} {
		if _, err := lib.AddActor(annotation.Actor{Name: n, Kind: annotation.KindPerson}); err != nil {
			t.Fatal(err)
		}
	}
	a.ctl.reloadActors(nil)
	a.win.Resize(fyne.NewSize(900, 560))
	h := a.ctl.hls[0]
	a.ctl.editHighlight(h.ID)
	p := a.ctl.picker
	for i := 0; i < 9; i++ {
		test.Type(p.Focus(), string(rune('1'+i)))
	}
	if n := len(p.Chosen()); n < 6 {
		t.Fatalf("only %d actors chosen", n)
	}
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no picker dialog")
	}
	save := findButton(top, "Save")
	d := fyne.CurrentApp().Driver()
	if bottom := d.AbsolutePositionForObject(save).Y + save.Size().Height; bottom > a.win.Canvas().Size().Height {
		t.Errorf("Save ends at %v, below the window's %v", bottom, a.win.Canvas().Size().Height)
	}
}

// Ctrl++ makes the text larger as Ctrl+= does: on a German keyboard + is
// its own key (the driver names it KeyPlus), on a US one it is Ctrl+Shift+=.
func TestCtrlPlusEnlargesText(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierControl},
		{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	} {
		before := a.reader.textSize
		// With the reader focused the shortcut reaches it, as in the real window.
		a.reader.view.FocusTarget().(fyne.Shortcutable).TypedShortcut(sc)
		if a.reader.textSize != before+1 {
			t.Errorf("%s: text size %v → %v, want one larger", sc.ShortcutName(), before, a.reader.textSize)
		}
		// With nothing focused it reaches the canvas.
		a.win.Canvas().Unfocus()
		before = a.reader.textSize
		a.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
		if a.reader.textSize != before+1 {
			t.Errorf("%s with nothing focused: text size %v → %v", sc.ShortcutName(), before, a.reader.textSize)
		}
	}
}

// Escape in the text lets go of the selection and of a selected highlight.
func TestEscapeInReaderLetsGo(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.reader.view.OnHighlightTapped(h.ID)
	a.reader.focus()
	a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.ctl.selected != "" || a.reader.view.MarkedHighlight() != "" {
		t.Errorf("after Escape the highlight %q is still selected", a.ctl.selected)
	}
	a.reader.view.SetSelection(10, 30)
	a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s, e := a.reader.view.Selection(); s != e {
		t.Errorf("after Escape [%d,%d) is still selected", s, e)
	}
}

// A selection with spaces or a paragraph break at its ends highlights the
// words only.
func TestHighlightTrimsSpacesAndBreaks(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	id := importTestFile(t, a)
	text := []rune(a.ctl.art.Text())
	brk := strings.Index(string(text), "\n\n")
	if brk < 0 {
		t.Fatal("test article has one paragraph")
	}
	start := len([]rune(string(text)[:brk])) // the break before the second block
	end := start + 2 + 12
	for end < len(text) && text[end] != ' ' {
		end++
	}
	a.reader.view.SetSelection(start, end+1) // "\n\nword … word "
	a.ctl.highlightSelection()
	a.ctl.picker.Submit()
	hls, _ := lib.Highlights(id)
	if len(hls) != 1 {
		t.Fatalf("%d highlights", len(hls))
	}
	if h := hls[0]; h.Start != start+2 || h.End != end {
		t.Errorf("highlight [%d,%d) %q, want [%d,%d) %q", h.Start, h.End, h.Quote.Exact, start+2, end, string(text[start+2:end]))
	}
}

// H on exactly a highlighted passage edits that highlight rather than
// laying a second, identical one over it.
func TestHighlightOnHighlightedPassageEditsIt(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.Start, h.End)
	a.ctl.highlightSelection()
	if a.ctl.picker == nil || len(a.ctl.picker.Chosen()) != len(h.Actors) {
		t.Fatalf("the picker does not show the highlight's %d actors", len(h.Actors))
	}
	a.ctl.picker.SetNote("geändert")
	a.ctl.picker.Submit()
	hls, _ := lib.Highlights(a.ctl.current)
	if len(hls) != 1 || hls[0].ID != h.ID || hls[0].Note != "geändert" {
		t.Errorf("after H on the highlighted passage: %d highlights, note %q", len(hls), hls[0].Note)
	}
}

// TestStandfirstUnlessTheTextBeginsWithIt: the description shows under
// the title unless the first blocks already begin with it (a meta
// description copied from the lead, whole or cut short).
func TestStandfirstUnlessTheTextBeginsWithIt(t *testing.T) {
	lead := "Nordkorea spielt seine Schutzmächte gegeneinander aus. Russland hilft dabei."
	for _, c := range []struct {
		desc, want string
	}{
		{"Ein Teaser, der nicht im Text steht.", "Ein Teaser, der nicht im Text steht."},
		{lead, ""},
		{"Nordkorea spielt seine Schutzmächte …", ""},
		{"", ""},
		{"Nordkorea spielt seine Schutzmächte gegeneinander aus. Russland hilft dabei. Ein Kommentar.", ""}, // the lead split into two paragraphs
		{"Nordkorea spielt seine Schutzmächte gegeneinander aus. Russland hilft dabei. Ein Kommentar. Und mehr.", "Nordkorea spielt seine Schutzmächte gegeneinander aus. Russland hilft dabei. Ein Kommentar. Und mehr."},
	} {
		art := &article.Article{Description: c.desc, Blocks: []article.Block{{Type: article.Paragraph, Text: lead}, {Type: article.Paragraph, Text: "Ein Kommentar."}, {Type: article.Paragraph, Text: "Der Text."}}}
		if got := standfirst(art); got != c.want {
			t.Errorf("standfirst(%q) = %q, want %q", c.desc, got, c.want)
		}
	}
}
