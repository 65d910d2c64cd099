package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// key presses a caret key on v's page the way the desktop driver delivers
// it: plain and Shift+ keys as TypedKey (Shift tracked by KeyDown/KeyUp),
// Ctrl+ keys as a CustomShortcut.
func key(v *ArticleView, name fyne.KeyName, mod fyne.KeyModifier) {
	shift := mod&fyne.KeyModifierShift != 0
	if mod&fyne.KeyModifierShortcutDefault != 0 {
		v.page.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
		return
	}
	if shift {
		v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	v.page.TypedKey(&fyne.KeyEvent{Name: name})
	if shift {
		v.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
}

const (
	ctrl  = fyne.KeyModifierShortcutDefault
	shift = fyne.KeyModifierShift
)

// TestArticleViewCaretKeys drives the caret by keyboard only (issue
// 17.11): characters, words, lines, paragraphs, the article's ends, each
// alone and with Shift extending the selection.
func TestArticleViewCaretKeys(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	idx := func(s string) int { return runeIndex(t, text, s, 0) }
	secondPara := idx("Reaktionen")
	firstEnd := idx("Außenminister.") + len([]rune("Außenminister."))
	for _, c := range []struct {
		name       string
		from       int
		keys       []fyne.KeyName
		mods       []fyne.KeyModifier
		start, end int
	}{
		{"right", idx("Montag"), []fyne.KeyName{fyne.KeyRight}, []fyne.KeyModifier{0}, idx("Montag") + 1, idx("Montag") + 1},
		{"left", idx("Montag"), []fyne.KeyName{fyne.KeyLeft}, []fyne.KeyModifier{0}, idx("Montag") - 1, idx("Montag") - 1},
		{"ctrl+right: end of word", idx("Montag"), []fyne.KeyName{fyne.KeyRight}, []fyne.KeyModifier{ctrl}, idx("Montag") + 6, idx("Montag") + 6},
		{"ctrl+left: start of word", idx("Montag") + 3, []fyne.KeyName{fyne.KeyLeft}, []fyne.KeyModifier{ctrl}, idx("Montag"), idx("Montag")},
		{"right at a paragraph's end: the next one's start", firstEnd, []fyne.KeyName{fyne.KeyRight}, []fyne.KeyModifier{0}, secondPara, secondPara},
		{"left at a paragraph's start: the one before's end", secondPara, []fyne.KeyName{fyne.KeyLeft}, []fyne.KeyModifier{0}, firstEnd, firstEnd},
		{"ctrl+down: next paragraph", idx("Montag"), []fyne.KeyName{fyne.KeyDown}, []fyne.KeyModifier{ctrl}, secondPara, secondPara},
		{"ctrl+up: this paragraph's start", idx("Sprecher"), []fyne.KeyName{fyne.KeyUp}, []fyne.KeyModifier{ctrl}, idx("„Wir"), idx("„Wir")},
		{"ctrl+up twice: the paragraph before", idx("Sprecher"), []fyne.KeyName{fyne.KeyUp, fyne.KeyUp}, []fyne.KeyModifier{ctrl, ctrl}, secondPara, secondPara},
		{"ctrl+home", idx("Sprecher"), []fyne.KeyName{fyne.KeyHome}, []fyne.KeyModifier{ctrl}, 0, 0},
		{"ctrl+end", idx("Sprecher"), []fyne.KeyName{fyne.KeyEnd}, []fyne.KeyModifier{ctrl}, len(text), len(text)},
		{"shift+right ×3", idx("Montag"), []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyRight}, []fyne.KeyModifier{shift, shift, shift}, idx("Montag"), idx("Montag") + 3},
		{"ctrl+shift+right ×2", idx("Montag"), []fyne.KeyName{fyne.KeyRight, fyne.KeyRight}, []fyne.KeyModifier{ctrl | shift, ctrl | shift}, idx("Montag"), idx("Montag, man") + len("Montag, man")},
		{"ctrl+shift+down: to the next paragraph", idx("Montag"), []fyne.KeyName{fyne.KeyDown}, []fyne.KeyModifier{ctrl | shift}, idx("Montag"), secondPara},
		{"ctrl+shift+home", idx("Montag"), []fyne.KeyName{fyne.KeyHome}, []fyne.KeyModifier{ctrl | shift}, 0, idx("Montag")},
		{"shift+right then left collapses to the start", idx("Montag"), []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyLeft}, []fyne.KeyModifier{shift, shift, 0}, idx("Montag"), idx("Montag")},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, win := newTestView(t, doc, 700, 600)
			win.Canvas().Focus(v.FocusTarget())
			v.SetSelection(c.from, c.from)
			for i, k := range c.keys {
				key(v, k, c.mods[i])
			}
			if s, e := v.Selection(); s != c.start || e != c.end {
				t.Errorf("selection [%d,%d) %q, want [%d,%d) %q", s, e, v.SelectedText(), c.start, c.end, string(text[c.start:c.end]))
			}
		})
	}
}

// TestArticleViewCaretLinesKeepTheColumn: Home and End go to the visual
// line's ends; Up and Down keep the column they started in across a
// shorter line in between.
func TestArticleViewCaretLinesKeepTheColumn(t *testing.T) {
	doc := Document{Blocks: []Block{
		{Text: "Eine lange Zeile mit vielen Wörtern darin"},
		{Text: "Kurz"},
		{Text: "Eine lange Zeile mit vielen Wörtern darin"},
	}}
	text := canonical(doc)
	v, win := newTestView(t, doc, 900, 400)
	win.Canvas().Focus(v.FocusTarget())
	col := runeIndex(t, text, "vielen", 0)
	v.SetSelection(col, col)
	key(v, fyne.KeyDown, 0)
	if s, _ := v.Selection(); s != runeIndex(t, text, "Kurz", 0)+4 {
		t.Fatalf("down onto the short line: caret at %d", s)
	}
	key(v, fyne.KeyDown, 0)
	if s, _ := v.Selection(); s != runeIndex(t, text, "vielen", 1) {
		t.Errorf("down again: caret at %d (%q…), want the start column again at %d", s, string(text[s:min(s+6, len(text))]), runeIndex(t, text, "vielen", 1))
	}
	key(v, fyne.KeyHome, 0)
	if s, _ := v.Selection(); s != runeIndex(t, text, "Eine", 1) {
		t.Errorf("home: caret at %d", s)
	}
	key(v, fyne.KeyEnd, shift)
	if got := v.SelectedText(); got != "Eine lange Zeile mit vielen Wörtern darin" {
		t.Errorf("shift+end selected %q", got)
	}
}

// TestArticleViewCaretStepsOverGraphemeClusters: a character step never
// splits a combining accent, an emoji sequence or a flag.
func TestArticleViewCaretStepsOverGraphemeClusters(t *testing.T) {
	clusters := []string{"e\u0301", "👩\u200d👩\u200d👧", "🇩🇪", "한"}
	text := "a"
	for _, c := range clusters {
		text += c
	}
	doc := Document{Blocks: []Block{{Text: text + "b"}}}
	v, win := newTestView(t, doc, 700, 300)
	win.Canvas().Focus(v.FocusTarget())
	v.SetSelection(1, 1)
	want := 1
	for _, c := range clusters {
		key(v, fyne.KeyRight, 0)
		want += len([]rune(c))
		if s, _ := v.Selection(); s != want {
			t.Fatalf("right over %q: caret at %d, want %d", c, s, want)
		}
	}
	for i := len(clusters) - 1; i >= 0; i-- {
		key(v, fyne.KeyLeft, 0)
		want -= len([]rune(clusters[i]))
		if s, _ := v.Selection(); s != want {
			t.Fatalf("left over %q: caret at %d, want %d", clusters[i], s, want)
		}
	}
}

// TestArticleViewCaretShowsWithFocusAndFollowsTheKeys: focusing the view
// draws a caret at the first line in view; keys far away scroll to it;
// Page Down moves it with the page; a caret left behind by the wheel
// starts again from the top of the view.
func TestArticleViewCaretShowsWithFocusAndFollowsTheKeys(t *testing.T) {
	doc := generatedDoc(60_000)
	text := canonical(doc)
	v, win := newTestView(t, doc, 700, 400)
	caretRects := func() int { return countRects(v, v.palette().caret)[0] }
	if n := caretRects(); n != 0 {
		t.Fatalf("%d caret rectangles without focus", n)
	}
	win.Canvas().Focus(v.FocusTarget())
	if n := caretRects(); n != 1 {
		t.Fatalf("%d caret rectangles with focus, want 1", n)
	}
	key(v, fyne.KeyEnd, ctrl)
	if s, _ := v.Selection(); s != len(text) || !v.offsetInView(s) {
		t.Fatalf("ctrl+end: caret at %d (in view %v)", s, v.offsetInView(s))
	}
	key(v, fyne.KeyHome, ctrl)
	y0 := v.scroll.Offset.Y
	key(v, fyne.KeyPageDown, 0)
	s, _ := v.Selection()
	if v.scroll.Offset.Y <= y0 || s == 0 || !v.offsetInView(s) {
		t.Errorf("page down: offset %.0f → %.0f, caret at %d (in view %v)", y0, v.scroll.Offset.Y, s, v.offsetInView(s))
	}
	v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3000)})
	top := v.TopOffset()
	key(v, fyne.KeyRight, shift)
	if a, b := v.Selection(); a != top || b <= top {
		t.Errorf("after scrolling away, shift+right selected [%d,%d); want it to start at the top line %d", a, b, top)
	}
}

// TestArticleViewKeyboardOnlySelectAndHighlight: with the keyboard alone
// a reader goes to a passage, selects it and presses H, which the app
// receives to highlight the selection.
func TestArticleViewKeyboardOnlySelectAndHighlight(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, win := newTestView(t, doc, 700, 600)
	var got []rune
	v.OnTypedRune = func(r rune) { got = append(got, r) }
	win.Canvas().Focus(v.FocusTarget())
	key(v, fyne.KeyDown, ctrl) // to "Reaktionen aus Peking"
	key(v, fyne.KeyDown, ctrl) // to the quote
	key(v, fyne.KeyRight, ctrl|shift)
	key(v, fyne.KeyRight, ctrl|shift)
	key(v, fyne.KeyRight, ctrl|shift)
	if sel := v.SelectedText(); sel != "„Wir beobachten die" {
		t.Fatalf("selected %q", sel)
	}
	win.Canvas().Focused().TypedRune('h')
	if string(got) != "h" {
		t.Errorf("the app received %q", string(got))
	}
	if s, _ := v.Selection(); s != runeIndex(t, text, "„Wir", 0) {
		t.Errorf("selection starts at %d", s)
	}
}
