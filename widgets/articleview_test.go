package widgets

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// germanDoc is a short article in the style of the sample page: umlauts,
// „German quotes“, a Korean name and a very long compound word.
func germanDoc() Document {
	return Document{
		Title:      "Nordkorea rückt näher an Russland",
		Standfirst: "Pjöngjang und Moskau vertiefen ihre Zusammenarbeit",
		Blocks: []Block{
			{Kind: BlockParagraph, Text: "Die Regierung in Pjöngjang erklärte am Montag, man werde die „strategische Partnerschaft“ mit Moskau ausbauen. Machthaber Kim Jong-un (김정은) empfing dazu den russischen Außenminister."},
			{Kind: BlockHeading, Level: 2, Text: "Reaktionen aus Peking"},
			{Kind: BlockQuote, Text: "„Wir beobachten die Entwicklung genau“, sagte ein Sprecher des chinesischen Außenministeriums."},
			{Kind: BlockListItem, Level: 1, Text: "Südkorea kündigte Gegenmaßnahmen an."},
			{Kind: BlockParagraph, Text: "Die Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsgenehmigungsverfahrensbeschleunigung bleibt ein Rätsel."},
			{Kind: BlockCaption, Text: "Foto: Archiv"},
		},
	}
}

// canonical joins the block texts as article.Article.Text() does.
func canonical(doc Document) []rune {
	var parts []string
	for _, b := range doc.Blocks {
		parts = append(parts, b.Text)
	}
	return []rune(strings.Join(parts, "\n\n"))
}

// runeIndex returns the code point offset of the n-th (0-based) occurrence of sub.
func runeIndex(t testing.TB, text []rune, sub string, n int) int {
	t.Helper()
	s := string(text)
	from := 0
	for ; n >= 0; n-- {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		from += i
		if n > 0 {
			from += len(sub)
		}
	}
	return len([]rune(s[:from]))
}

// newTestView shows doc in a test window of the given size.
func newTestView(t testing.TB, doc Document, w, h float32) (*ArticleView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := NewArticleView()
	v.SetDocument(doc)
	win := test.NewTempWindow(t, v)
	win.Resize(fyne.NewSize(w, h))
	return v, win
}

// charCenter returns the page position of the middle of the character at off.
func charCenter(t testing.TB, v *ArticleView, off int) fyne.Position {
	t.Helper()
	l := v.layout
	pi, line, x := l.position(off)
	if pi < 0 {
		t.Fatalf("no position for offset %d", off)
	}
	p := l.paras[pi]
	k := off - p.start
	adv := p.prefix[k+1] - p.prefix[k]
	return fyne.NewPos(x+adv/2, l.lineTop(pi, line)+l.lineHeight(p)/2)
}

// caretAt returns a page position that hits the caret before off.
func caretAt(t testing.TB, v *ArticleView, off int) fyne.Position {
	t.Helper()
	c := charCenter(t, v, off)
	l := v.layout
	pi := l.bodyPara(off)
	p := l.paras[pi]
	k := off - p.start
	return c.SubtractXY((p.prefix[k+1]-p.prefix[k])/2-1, 0)
}

// slowClock returns a clock that advances a second per reading.
func slowClock() func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func press(v *ArticleView, pos fyne.Position, mod fyne.KeyModifier) {
	v.page.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod})
}

func release(v *ArticleView, pos fyne.Position) {
	v.page.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary})
}

// drag presses at from, drags to to and releases, as the GLFW driver does.
func drag(v *ArticleView, from, to fyne.Position) {
	press(v, from, 0)
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	v.page.DragEnd()
	release(v, to)
}

func TestArticleViewDragAcrossWordsSelectsWholeWordsAndCopies(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	var got [2]int
	v.OnSelectionChanged = func(s, e int) { got = [2]int{s, e} }

	from := runeIndex(t, text, "Regierung", 0) + 3 // inside "Regierung"
	to := runeIndex(t, text, "Pjöngjang", 0) + 4   // inside "Pjöngjang"
	drag(v, charCenter(t, v, from), charCenter(t, v, to))

	wantS := runeIndex(t, text, "Regierung", 0)
	wantE := runeIndex(t, text, "Pjöngjang", 0) + len([]rune("Pjöngjang"))
	if s, e := v.Selection(); s != wantS || e != wantE {
		t.Fatalf("selection = [%d,%d), want [%d,%d) %q", s, e, wantS, wantE, string(text[wantS:wantE]))
	}
	if got != [2]int{wantS, wantE} {
		t.Errorf("OnSelectionChanged last got %v", got)
	}
	v.page.TypedShortcut(&fyne.ShortcutCopy{})
	if c := fyne.CurrentApp().Clipboard().Content(); c != "Regierung in Pjöngjang" {
		t.Errorf("clipboard = %q", c)
	}
}

func TestArticleViewDragInsideWordAndBackwardsAcrossBlocks(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)

	w := runeIndex(t, text, "Partnerschaft", 0)
	drag(v, charCenter(t, v, w+1), charCenter(t, v, w+6))
	// char centres round to the caret after the character: [w+1, w+6)… plus rounding
	if s, e := v.Selection(); s != w+1 && s != w+2 || e != w+6 && e != w+7 || v.SelectedText() == "Partnerschaft" {
		t.Fatalf("drag inside a word selected [%d,%d) %q, want part of the word", s, e, v.SelectedText())
	}

	// Backwards from "Sprecher" (quote block) to "Außenminister" (first block).
	a := runeIndex(t, text, "Sprecher", 0) + 2
	b := runeIndex(t, text, "Außenminister", 0) + 3
	drag(v, charCenter(t, v, a), charCenter(t, v, b))
	want := "Außenminister.\n\nReaktionen aus Peking\n\n„Wir beobachten die Entwicklung genau“, sagte ein Sprecher"
	if got := v.SelectedText(); got != want {
		t.Errorf("selected %q\nwant %q", got, want)
	}
	v.page.TypedShortcut(&fyne.ShortcutCopy{})
	if c := fyne.CurrentApp().Clipboard().Content(); c != want {
		t.Errorf("clipboard = %q", c)
	}
}

func TestArticleViewDoubleAndTripleClick(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v.now = func() time.Time { return clock }

	off := runeIndex(t, text, "Außenministeriums", 0) + 5
	pos := charCenter(t, v, off)
	press(v, pos, 0)
	release(v, pos)
	clock = clock.Add(150 * time.Millisecond)
	press(v, pos, 0)
	release(v, pos)
	if got := v.SelectedText(); got != "Außenministeriums" {
		t.Fatalf("double click selected %q", got)
	}
	clock = clock.Add(150 * time.Millisecond)
	press(v, pos, 0)
	release(v, pos)
	if got, want := v.SelectedText(), doc.Blocks[2].Text; got != want {
		t.Fatalf("triple click selected %q, want the quote", got)
	}

	// Two clicks far apart in time are two single clicks.
	clock = clock.Add(2 * time.Second)
	press(v, pos, 0)
	release(v, pos)
	clock = clock.Add(time.Second)
	press(v, pos, 0)
	release(v, pos)
	if s, e := v.Selection(); s != e {
		t.Errorf("slow clicks selected %q", v.SelectedText())
	}

	// Double click on the Korean name selects it whole.
	k := runeIndex(t, text, "김정은", 0)
	kp := charCenter(t, v, k+1)
	clock = clock.Add(time.Second)
	press(v, kp, 0)
	press(v, kp, 0)
	if got := v.SelectedText(); got != "김정은" {
		t.Errorf("double click on Hangul selected %q", got)
	}

	// Double click then drag extends by whole words.
	clock = clock.Add(time.Second)
	a := runeIndex(t, text, "beobachten", 0) + 2
	press(v, charCenter(t, v, a), 0)
	press(v, charCenter(t, v, a), 0)
	b := runeIndex(t, text, "Entwicklung", 0) + 1
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: charCenter(t, v, b)}})
	v.page.DragEnd()
	if got := v.SelectedText(); got != "beobachten die Entwicklung" {
		t.Errorf("double click + drag selected %q", got)
	}
}

func TestArticleViewShiftClickAndKeyboard(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, win := newTestView(t, doc, 700, 600)
	v.now = slowClock() // every click a single click

	a := runeIndex(t, text, "Montag", 0)
	press(v, caretAt(t, v, a), 0)
	release(v, caretAt(t, v, a))
	if win.Canvas().Focused() != v.FocusTarget() {
		t.Fatal("a click does not focus the view")
	}
	b := runeIndex(t, text, "ausbauen", 0) + 3
	press(v, charCenter(t, v, b), fyne.KeyModifierShift)
	release(v, charCenter(t, v, b))
	// Shift-click extends from the click; crossing words, it snaps to the whole word.
	if s, e := v.Selection(); s != a || e != b-3+len("ausbauen") {
		t.Fatalf("shift-click selected [%d,%d) %q", s, e, v.SelectedText())
	}

	// Shift+Right ×3 from a click.
	press(v, caretAt(t, v, a), 0)
	release(v, caretAt(t, v, a))
	v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range 3 {
		v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if got := v.SelectedText(); got != "Mon" {
		t.Fatalf("shift+right ×3 selected %q", got)
	}
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if got := v.SelectedText(); got != "Mo" {
		t.Fatalf("shift+left selected %q", got)
	}
	// Shift+End: to the end of the visual line.
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	pi, line, _ := v.layout.position(a)
	p := v.layout.paras[pi]
	if _, e := v.Selection(); e != p.start+int(p.lines[line].end) {
		t.Fatalf("shift+end ended at %d, want line end %d", e, p.start+int(p.lines[line].end))
	}
	// Shift+Down: one more line.
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if _, e := v.Selection(); e <= p.start+int(p.lines[line].end) {
		t.Fatalf("shift+down did not extend past the line: %d", e)
	}
	v.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	// Without shift an arrow collapses the selection to that side.
	_, end := v.Selection()
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := v.Selection(); s != end || e != end {
		t.Errorf("plain right on a selection ending at %d left [%d,%d)", end, s, e)
	}

	// Ctrl+Shift+Right extends by a word.
	press(v, caretAt(t, v, a), 0)
	release(v, caretAt(t, v, a))
	v.page.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	v.page.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if got := v.SelectedText(); got != "Montag, man" {
		t.Errorf("ctrl+shift+right ×2 selected %q", got)
	}

	v.page.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := v.Selection(); s != 0 || e != len(text) {
		t.Errorf("ctrl+A selected [%d,%d)", s, e)
	}
}

func TestArticleViewForwardsRunesKeysAndShortcuts(t *testing.T) {
	v, win := newTestView(t, germanDoc(), 700, 600)
	var runes []rune
	var shortcuts []string
	var keys []fyne.KeyName
	v.OnTypedRune = func(r rune) { runes = append(runes, r) }
	v.OnShortcut = func(s fyne.Shortcut) { shortcuts = append(shortcuts, s.ShortcutName()) }
	v.OnTypedKey = func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) }
	test.Type(v.FocusTarget(), "h")
	win.Canvas().Focus(v) // the view itself is focusable too
	if win.Canvas().Focused() != v {
		t.Error("the view cannot take the focus")
	}
	test.Type(v, "x")
	v.page.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	v.page.TypedShortcut(&fyne.ShortcutCopy{}) // used by the view: not forwarded
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if string(runes) != "hx" || len(shortcuts) != 1 || !strings.Contains(shortcuts[0], "E") || len(keys) != 1 || keys[0] != fyne.KeyEscape {
		t.Errorf("forwarded runes %q shortcuts %v keys %v", string(runes), shortcuts, keys)
	}
}

func TestArticleViewHighlightEvents(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	v.now = slowClock()
	long := Highlight{ID: "long", Start: runeIndex(t, text, "Regierung", 0), End: runeIndex(t, text, "Moskau", 0), Color: color.NRGBA{R: 255, G: 200, A: 255}}
	short := Highlight{ID: "short", Start: runeIndex(t, text, "Montag", 0), End: runeIndex(t, text, "Montag", 0) + 6, Color: color.NRGBA{B: 255, A: 255},
		Stripes: []color.Color{color.NRGBA{R: 255, A: 255}, color.NRGBA{G: 255, A: 255}}}
	v.SetHighlights([]Highlight{long, short})

	var tapped []string
	v.OnHighlightTapped = func(id string) { tapped = append(tapped, id) }
	var ctxID string
	var ctxPos fyne.Position
	v.OnHighlightContext = func(id string, abs fyne.Position) { ctxID, ctxPos = id, abs }
	ctxOff := -1
	v.OnContext = func(off int, abs fyne.Position) { ctxOff = off }

	click := func(off int) {
		p := charCenter(t, v, off)
		press(v, p, 0)
		release(v, p)
	}
	click(runeIndex(t, text, "Pjöngjang", 0))
	click(runeIndex(t, text, "Montag", 0) + 2) // overlap: the shorter one wins
	click(runeIndex(t, text, "Südkorea", 0))   // no highlight
	if strings.Join(tapped, ",") != "long,short" {
		t.Fatalf("tapped %v", tapped)
	}

	// A drag over a highlight is a selection, not a tap.
	tapped = nil
	drag(v, charCenter(t, v, long.Start+1), charCenter(t, v, long.Start+12))
	if len(tapped) != 0 {
		t.Errorf("drag reported a tap: %v", tapped)
	}

	pos := charCenter(t, v, short.Start+1)
	test.TapSecondaryAt(v.page, pos)
	if ctxID != "short" || ctxPos == (fyne.Position{}) {
		t.Errorf("context on highlight: %q at %v", ctxID, ctxPos)
	}
	s := runeIndex(t, text, "Südkorea", 0)
	test.TapSecondaryAt(v.page, charCenter(t, v, s))
	if ctxOff != s && ctxOff != s+1 {
		t.Errorf("context elsewhere at offset %d, want %d", ctxOff, s)
	}

	// Hover: pointer over highlights, text cursor elsewhere (asked as the
	// desktop driver asks, before any mouse-move event reaches the page).
	if cursorAt(v, pos) != desktop.PointerCursor {
		t.Error("no pointer cursor over a highlight")
	}
	if cursorAt(v, charCenter(t, v, s)) != desktop.TextCursor {
		t.Error("no text cursor outside highlights")
	}

	// The long highlight's tint, the deeper tint of the overlap (in the
	// mean colour of both), the long one's marker and the short one's
	// dashed marker in both actor colours are drawn.
	pal := v.palette()
	overlap := func(a, b color.Color) color.Color {
		x, y := opaque(a), opaque(b)
		return pal.tint(color.NRGBA{R: uint8((int(x.R) + int(y.R)) / 2), G: uint8((int(x.G) + int(y.G)) / 2), B: uint8((int(x.B) + int(y.B)) / 2), A: 0xff}, 2)
	}
	fills := countRects(v, tintOf(v, long.Color), overlap(long.Color, short.Color), pal.marker(opaque(long.Color)))
	for i, n := range fills {
		if n == 0 {
			t.Errorf("colour %d not drawn (counts %v)", i, fills)
		}
	}
	if n := countDashes(v, short.Stripes...); n != 1 {
		t.Errorf("%d dashed markers in both actor colours, want 1", n)
	}

	// UpdateHighlight recolours without re-shaping; RemoveHighlight removes.
	shaped := v.layout.shapes
	v.UpdateHighlight(Highlight{ID: "short", Start: short.Start, End: short.End, Color: color.NRGBA{G: 128, A: 255}})
	if c := countRects(v, overlap(long.Color, color.NRGBA{G: 128, A: 255}), overlap(long.Color, short.Color)); c[0] == 0 || c[1] != 0 {
		t.Errorf("after update: new colour drawn %d times, old %d", c[0], c[1])
	}
	v.RemoveHighlight("long")
	if c := countRects(v, tintOf(v, long.Color)); c[0] != 0 {
		t.Error("removed highlight still drawn")
	}
	if v.layout.shapes != shaped {
		t.Errorf("highlight changes re-shaped text (%d → %d)", shaped, v.layout.shapes)
	}
}

// cursorAt is the cursor the desktop driver shows at a page position: it
// walks the objects under the pointer, parents first, and the last one
// that is desktop.Cursorable decides.
func cursorAt(v *ArticleView, pos fyne.Position) desktop.Cursor {
	c := v.page.Cursor()
	for _, o := range test.WidgetRenderer(v.page).Objects() {
		cu, ok := o.(desktop.Cursorable)
		p, sz := o.Position(), o.Size()
		if ok && o.Visible() && pos.X >= p.X && pos.Y >= p.Y && pos.X < p.X+sz.Width && pos.Y < p.Y+sz.Height {
			c = cu.Cursor()
		}
	}
	return c
}

// countRects counts the visible rectangles filled with each colour.
func countRects(v *ArticleView, cs ...color.Color) []int {
	n := make([]int, len(cs))
	for _, o := range test.WidgetRenderer(v.page).Objects() {
		if rc, ok := o.(*canvas.Rectangle); ok {
			for i, c := range cs {
				if sameColor(rc.FillColor, c) {
					n[i]++
				}
			}
		}
	}
	return n
}

// tintOf is the tint of a lone highlight in colour c.
func tintOf(v *ArticleView, c color.Color) color.Color { return v.palette().tint(opaque(c), 1) }

// countDashes counts the dashed markers that cycle through exactly cs.
func countDashes(v *ArticleView, cs ...color.Color) int {
	n := 0
	for _, d := range test.WidgetRenderer(v.page).(*pageRenderer).dashes {
		if !slices.ContainsFunc(test.WidgetRenderer(v.page).Objects(), func(o fyne.CanvasObject) bool { return o == d.r }) || len(d.cols) != len(cs) {
			continue
		}
		same := true
		for i := range cs {
			same = same && sameColor(d.cols[i], v.palette().marker(opaque(cs[i])))
		}
		if same {
			n++
		}
	}
	return n
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func TestArticleViewWrapsLongWordsGermanAndHangul(t *testing.T) {
	doc := germanDoc()
	for _, width := range []float32{700, 320, 160} {
		v, _ := newTestView(t, doc, width, 500)
		l := v.layout
		for i := l.nHead; i < len(l.paras); i++ {
			l.ensure(i)
			p := l.paras[i]
			var rebuilt []rune
			for j, ln := range p.lines {
				if j > 0 && ln.from != p.lines[j-1].to {
					t.Fatalf("width %v para %d: lines not contiguous", width, i)
				}
				if w := p.prefix[ln.end] - p.prefix[ln.from]; w > l.wrapWidth(p)+0.01 {
					t.Errorf("width %v para %d line %d is %.1f wide, wrap width %.1f: %q", width, i, j, w, l.wrapWidth(p), string(p.runes[ln.from:ln.end]))
				}
				rebuilt = append(rebuilt, p.runes[ln.from:ln.to]...)
			}
			if string(rebuilt) != string(p.runes) {
				t.Fatalf("width %v para %d: lines lose text", width, i)
			}
		}
		// Hangul has real, non-zero advances (a fallback face, not a .notdef box of 0 width).
		k := runeIndex(t, canonical(doc), "김", 0)
		pi := l.bodyPara(k)
		p := l.paras[pi]
		if adv := p.prefix[k-p.start+1] - p.prefix[k-p.start]; adv < l.size*0.5 {
			t.Errorf("width %v: Hangul advance %.2f", width, adv)
		}
		// The long compound word is split only where it must be.
		long := l.paras[l.nHead+4]
		if width == 700 && len(long.lines) > 3 {
			t.Errorf("long word paragraph has %d lines at 700", len(long.lines))
		}
	}
}

func TestArticleViewReadableColumnCentred(t *testing.T) {
	v, _ := newTestView(t, germanDoc(), 1600, 600)
	l := v.layout
	if l.colW > 800 || l.colW < 450 {
		t.Errorf("column %.0f wide in a 1600 window, want about 70 characters", l.colW)
	}
	left, right := l.colX, v.scroll.Size().Width-(l.colX+l.colW)
	if d := left - right; d > 1 || d < -1 {
		t.Errorf("column not centred: margins %.0f and %.0f", left, right)
	}
}

func TestArticleViewScrollToOffsetTopOffsetAndTextSize(t *testing.T) {
	doc := generatedDoc(200_000)
	text := canonical(doc)
	v, _ := newTestView(t, doc, 800, 600)
	target := len(text) / 2
	v.ScrollToOffset(target)
	top := v.TopOffset()
	if top > target || top < target-3000 {
		t.Fatalf("after ScrollToOffset(%d) the top is at %d", target, top)
	}
	pi, line, _ := v.layout.position(target)
	ly := v.layout.lineTop(pi, line)
	if y := v.scroll.Offset.Y; ly < y || ly > y+600 {
		t.Fatalf("target line at y=%.0f not in viewport [%.0f,%.0f]", ly, y, y+600)
	}

	// SetTopOffset restores a place exactly.
	v.SetTopOffset(target)
	if got := v.TopOffset(); got > target || target-got > 200 {
		t.Errorf("SetTopOffset(%d) put %d at the top", target, got)
	}

	// A larger text size keeps the line at the top.
	v.ScrollToOffset(top)
	before := v.TopOffset()
	v.SetTextSize(22)
	after := v.TopOffset()
	if after > before || before-after > 200 {
		t.Errorf("SetTextSize moved the top from %d to %d", before, after)
	}
	if v.layout.size != 22 {
		t.Errorf("layout size %v", v.layout.size)
	}

	// ScrollToHighlight.
	v.SetHighlights([]Highlight{{ID: "x", Start: len(text) - 100, End: len(text) - 90}})
	v.ScrollToHighlight("x")
	pi, line, _ = v.layout.position(len(text) - 100)
	ly = v.layout.lineTop(pi, line)
	if y := v.scroll.Offset.Y; ly < y || ly > y+600 {
		t.Errorf("highlight line at %.0f not in viewport from %.0f", ly, y)
	}
	if c := countRects(v, tintOf(v, nil)); c[0] == 0 {
		t.Error("highlight near the end not drawn after ScrollToHighlight")
	}
}

func TestArticleViewResizeReflowsOnlyTheViewport(t *testing.T) {
	doc := generatedDoc(3 << 20)
	v, win := newTestView(t, doc, 800, 600)
	v.ScrollToOffset(len(canonical(doc)) / 3)
	win.Resize(fyne.NewSize(500, 600))
	exact := 0
	for _, p := range v.layout.paras {
		if p.exact {
			exact++
		}
	}
	if exact > 40 {
		t.Errorf("%d paragraphs laid out after a resize; only the viewport's should be", exact)
	}
	if v.layout.width != v.scroll.Size().Width || v.layout.width > 500 {
		t.Errorf("layout width %v after resize", v.layout.width)
	}
}

func TestArticleViewObjectsIndependentOfLength(t *testing.T) {
	count := func(size int, highlights int) int {
		doc := generatedDoc(size)
		v, _ := newTestView(t, doc, 800, 600)
		v.SetHighlights(generatedHighlights(len(canonical(doc)), highlights))
		return len(test.WidgetRenderer(v.page).Objects())
	}
	small := count(10_000, 33)
	big := count(3<<20, 10_000)
	t.Logf("objects: 10 KB %d, 3 MB %d", small, big)
	if big > 2*small {
		t.Errorf("3 MB view holds %d objects, 10 KB view %d: more than twice", big, small)
	}
}

func TestArticleViewAutoScrollWhileDraggingPastTheEdge(t *testing.T) {
	doc := generatedDoc(50_000)
	v, _ := newTestView(t, doc, 800, 400)
	// The test takes the steps itself: the test driver's fyne.Do runs a
	// ticker's step on the ticker's goroutine, racing with the test.
	v.autoTick = time.Hour
	start := charCenter(t, v, 10)
	press(v, start, 0)
	below := fyne.NewPos(300, 450) // under the bottom edge
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(0, 400)})
	if v.auto == nil {
		t.Fatal("no auto-scroll below the viewport")
	}
	_, e0 := v.Selection()
	a := v.auto
	for range 5 {
		v.autoScrollStep(a)
	}
	if v.scroll.Offset.Y <= 0 {
		t.Fatal("auto-scroll did not scroll")
	}
	if _, e := v.Selection(); e <= e0 {
		t.Errorf("auto-scroll did not extend the selection (%d → %d)", e0, e)
	}
	v.page.DragEnd()
	release(v, below)
	if v.auto != nil {
		t.Error("auto-scroll still running after the drag ended")
	}
}

// generatedDoc makes a reproducible article of about n bytes: German-ish
// paragraphs of varying length with a heading now and then.
func generatedDoc(n int) Document {
	words := strings.Fields("die der und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei Regierung Pjöngjang Moskau Peking Washington Außenminister Gespräche Zusammenarbeit Sanktionen Verhandlungen Südkorea Nordkorea Russland China Präsident Sprecher „Wir“ erklärte Montag Dienstag Raketentests Militärübung Bündnis Gegenmaßnahmen Öffentlichkeit Grüße Straße")
	rng := rand.New(rand.NewPCG(1, 2))
	var doc Document
	doc.Title = "Generierter Artikel"
	size := 0
	for size < n {
		if len(doc.Blocks)%15 == 14 {
			b := Block{Kind: BlockHeading, Level: 2, Text: fmt.Sprintf("Abschnitt %d", len(doc.Blocks))}
			doc.Blocks = append(doc.Blocks, b)
			size += len(b.Text) + 2
			continue
		}
		var sb strings.Builder
		target := 200 + rng.IntN(700)
		for sb.Len() < target {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[rng.IntN(len(words))])
		}
		sb.WriteByte('.')
		doc.Blocks = append(doc.Blocks, Block{Kind: BlockParagraph, Text: sb.String()})
		size += sb.Len() + 2
	}
	return doc
}

// generatedHighlights spreads n highlights (some overlapping) over a text.
func generatedHighlights(textLen, n int) []Highlight {
	rng := rand.New(rand.NewPCG(3, 4))
	colors := []color.Color{color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}, color.NRGBA{R: 0x4f, G: 0xc3, B: 0xf7, A: 0xff}, color.NRGBA{R: 0xe5, G: 0x73, B: 0x73, A: 0xff}}
	hs := make([]Highlight, n)
	for i := range hs {
		s := rng.IntN(max(1, textLen-200))
		hs[i] = Highlight{ID: fmt.Sprint(i), Start: s, End: s + 5 + rng.IntN(150), Color: colors[i%len(colors)]}
		if i%7 == 0 {
			hs[i].Stripes = colors[:2]
		}
	}
	return hs
}

func BenchmarkArticleViewLayout(b *testing.B) {
	for _, c := range []struct {
		name      string
		size, hls int
	}{{"10KB", 10_000, 33}, {"3MB", 3 << 20, 10_000}} {
		b.Run(c.name, func(b *testing.B) {
			test.NewTempApp(b)
			doc := generatedDoc(c.size)
			hs := generatedHighlights(len(canonical(doc)), c.hls)
			b.SetBytes(int64(c.size))
			b.ResetTimer()
			for b.Loop() {
				v := NewArticleView()
				v.SetDocument(doc)
				v.SetHighlights(hs)
				w := test.NewWindow(v)
				w.Resize(fyne.NewSize(800, 600))
				b.StopTimer()
				w.Close()
				b.StartTimer()
			}
		})
	}
}

func BenchmarkArticleViewScroll(b *testing.B) {
	doc := generatedDoc(3 << 20)
	v, _ := newTestView(b, doc, 800, 600)
	v.SetHighlights(generatedHighlights(len(canonical(doc)), 10_000))
	b.ResetTimer()
	for b.Loop() {
		if v.scroll.Offset.Y+1200 > v.page.minH {
			b.StopTimer()
			v.ScrollToOffset(0)
			b.StartTimer()
		}
		v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -600)})
	}
}

func BenchmarkArticleViewHitTest(b *testing.B) {
	doc := generatedDoc(3 << 20)
	v, _ := newTestView(b, doc, 800, 600)
	v.ScrollToOffset(len(canonical(doc)) / 2)
	y0 := v.scroll.Offset.Y
	rng := rand.New(rand.NewPCG(5, 6))
	b.ResetTimer()
	for b.Loop() {
		pos := fyne.NewPos(rng.Float32()*800, y0+rng.Float32()*600)
		v.layout.offsetAt(pos)
	}
}

func TestArticleViewScrollingUpIntoEstimatedTextDoesNotJump(t *testing.T) {
	doc := generatedDoc(3 << 20)
	v, _ := newTestView(t, doc, 800, 600)
	v.ScrollToOffset(len(canonical(doc)) * 2 / 3)
	for step := 0; step < 40; step++ {
		top := v.TopOffset()
		pi, line, _ := v.layout.position(top)
		before := v.layout.lineTop(pi, line) - v.scroll.Offset.Y
		v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 150)}) // up
		pi, line, _ = v.layout.position(top)
		after := v.layout.lineTop(pi, line) - v.scroll.Offset.Y
		if d := after - before - 150; d > 1 || d < -1 {
			t.Fatalf("step %d: the top line moved %.1f on screen for a 150 scroll", step, after-before)
		}
	}
}

func TestArticleViewOddInputDoesNotBreak(t *testing.T) {
	docs := map[string]Document{
		"empty":         {},
		"title only":    {Title: "Nur ein Titel"},
		"empty blocks":  {Blocks: []Block{{Text: ""}, {Text: ""}, {Kind: BlockHeading, Text: ""}}},
		"controls":      {Blocks: []Block{{Kind: BlockPre, Text: "a\tb\r\nc\n\n\nd\x00e"}, {Text: "  lead and trail  "}}},
		"scripts":       {Blocks: []Block{{Text: "e\u0301 combining, emoji 👩‍👩‍👧 family, العربية RTL, עברית, 日本語のテキストは空白なしで折り返す必要があります。"}}},
		"one huge word": {Blocks: []Block{{Text: strings.Repeat("x", 100_000)}}},
		"many tiny blocks": {Blocks: func() []Block {
			bs := make([]Block, 20_000)
			for i := range bs {
				bs[i] = Block{Kind: BlockKind(i % 6), Level: i % 4, Text: "ä"}
			}
			return bs
		}()},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			v, win := newTestView(t, doc, 400, 300)
			text := canonical(doc)
			for _, pos := range []fyne.Position{{}, {X: 200, Y: 150}, {X: -5, Y: -5}, {X: 5000, Y: 1e6}} {
				if off := v.layout.offsetAt(pos); off < 0 || off > len(text) {
					t.Errorf("offsetAt(%v) = %d outside [0,%d]", pos, off, len(text))
				}
				v.layout.charAt(pos)
			}
			drag(v, fyne.NewPos(10, 10), fyne.NewPos(390, 290))
			v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			for _, k := range []fyne.KeyName{fyne.KeyRight, fyne.KeyDown, fyne.KeyEnd, fyne.KeyUp, fyne.KeyLeft, fyne.KeyHome} {
				v.page.TypedKey(&fyne.KeyEvent{Name: k})
			}
			v.page.TypedShortcut(&fyne.ShortcutSelectAll{})
			if s, e := v.Selection(); s != 0 || e != len(text) || v.SelectedText() != string(text) {
				t.Errorf("select all gave [%d,%d)", s, e)
			}
			v.SetHighlights([]Highlight{{ID: "a", Start: -5, End: 3}, {ID: "b", Start: 2, End: len(text) + 10}, {ID: "c", Start: 5, End: 1}})
			v.SetSelection(len(text)+5, -3)
			v.ScrollToOffset(len(text) + 100)
			v.ScrollToOffset(-1)
			v.SetTextSize(30)
			win.Resize(fyne.NewSize(120, 200))
			for i := v.layout.nHead; i < len(v.layout.paras); i++ {
				v.layout.ensure(i)
				p := v.layout.paras[i]
				if got := p.lines[len(p.lines)-1].to; int(got) != len(p.runes) {
					t.Fatalf("paragraph %d lines end at %d of %d", i, got, len(p.runes))
				}
			}
		})
	}
}
