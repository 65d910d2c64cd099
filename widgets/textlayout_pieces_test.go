package widgets

import (
	"image/color"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// sentences makes about n runes of German-ish sentences, reproducibly.
func sentences(n int, seed uint64) string {
	words := strings.Fields("die Regierung in Pjöngjang erklärte am Montag man werde Gespräche mit Moskau fortsetzen während Peking schweigt und Seoul Gegenmaßnahmen ankündigt Außenminister Grüße Straße")
	rng := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	runes := 0
	for runes < n {
		if runes > 0 {
			b.WriteByte(' ')
			runes++
		}
		k := 6 + rng.IntN(14)
		for i := range k {
			w := words[rng.IntN(len(words))]
			if i > 0 {
				b.WriteByte(' ')
				runes++
			}
			b.WriteString(w)
			runes += len([]rune(w))
		}
		b.WriteByte('.')
		runes++
	}
	return b.String()
}

// longBlockDoc has one block far longer than splitRunes between normal
// ones, and a long list item: what a page of one huge paragraph gives.
func longBlockDoc() Document {
	return Document{
		Title: "Ein Absatz ohne Ende",
		Blocks: []Block{
			{Kind: BlockParagraph, Text: sentences(300, 1)},
			{Kind: BlockParagraph, Text: sentences(60_000, 2)},
			{Kind: BlockListItem, Level: 1, Text: sentences(25_000, 3)},
			{Kind: BlockParagraph, Text: sentences(300, 4)},
		},
	}
}

func TestPieceEnd(t *testing.T) {
	word := func(n int) string { return strings.Repeat("x", n) }
	half := pieceRunes / 2
	cases := []struct {
		name string
		text string
		from int
		want int // -1: the length of the text
	}{
		{"short rest is one piece", word(pieceRunes), 0, -1},
		{"line break first", word(half+10) + "\n" + word(100) + ". " + word(pieceRunes), 0, half + 11},
		{"then a sentence's end", word(half+10) + ". " + word(100) + " " + word(pieceRunes), 0, half + 12},
		{"after closing quote and spaces", word(half+10) + ".“  " + word(pieceRunes), 0, half + 14},
		{"quoted word is no sentence", word(half+10) + ". " + word(50) + "“ " + word(pieceRunes), 0, half + 12},
		{"then any space", word(half+10) + " " + word(pieceRunes), 0, half + 11},
		{"only spaces in the first half: cut at the limit", word(100) + ". " + word(2*pieceRunes), 0, pieceRunes},
		{"from inside the text", word(10) + " " + word(half+20) + " " + word(pieceRunes), 11, 11 + half + 21},
		{"no spaces (Japanese)", strings.Repeat("日本語", pieceRunes), 0, pieceRunes},
		{"never inside a flag", word(pieceRunes-1) + "🇩🇪" + word(100), 0, pieceRunes - 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := []rune(c.text)
			want := c.want
			if want < 0 {
				want = len(rs)
			}
			if got := pieceEnd(rs, c.from); got != want {
				t.Errorf("pieceEnd = %d, want %d (%q|%q)", got, want, string(rs[max(0, got-5):got]), string(rs[got:min(len(rs), got+5)]))
			}
		})
	}
}

// TestArticleViewLongBlockInPieces checks how a long block is cut: pieces
// that cover it in order, none longer than pieceRunes, knowing their
// block, with the block's space above its first piece and below its last
// only; blocks up to splitRunes stay whole.
func TestArticleViewLongBlockInPieces(t *testing.T) {
	doc := longBlockDoc()
	doc.Blocks = append(doc.Blocks, Block{Text: string([]rune(sentences(splitRunes+100, 5))[:splitRunes])})
	v, _ := newTestView(t, doc, 700, 600)
	l := v.layout
	counts := map[int]int{} // pieces per block start
	off := 0
	for i := l.nHead; i < len(l.paras); i++ {
		p := l.paras[i]
		counts[p.blockStart]++
		if p.start != off && p.start != off+separatorLen {
			t.Fatalf("para %d starts at %d after %d", i, p.start, off)
		}
		if i > l.nHead && p.start == off && p.blockStart != l.paras[i-1].blockStart {
			t.Fatalf("para %d starts a block inside the one before", i)
		}
		if len(p.runes) > pieceRunes && p.blockEnd-p.blockStart > splitRunes {
			t.Errorf("piece %d holds %d runes", i, len(p.runes))
		}
		if p.start > p.blockStart && p.before != 0 {
			t.Errorf("para %d continues a block but has space above %v", i, p.before)
		}
		if last := p.start+len(p.runes) == p.blockEnd; (p.after > 0) != last {
			t.Errorf("para %d (last of its block: %v) has space below %v", i, last, p.after)
		}
		if string(p.runes) != string(v.text[p.start:p.start+len(p.runes)]) {
			t.Fatalf("para %d does not hold its own text", i)
		}
		off = p.start + len(p.runes)
	}
	if off != len(v.text) {
		t.Errorf("paras end at %d of %d", off, len(v.text))
	}
	var got []int
	for i := range doc.Blocks {
		start := 0
		for _, b := range doc.Blocks[:i] {
			start += len([]rune(b.Text)) + separatorLen
		}
		got = append(got, counts[start])
	}
	if got[0] != 1 || got[1] < 60_000/pieceRunes || got[2] < 25_000/pieceRunes || got[3] != 1 || got[4] != 1 {
		t.Errorf("pieces per block %v", got)
	}
}

// shapedRunes counts the runes of the body paragraphs shaped so far.
func shapedRunes(l *textLayout) int {
	n := 0
	for _, p := range l.paras[l.nHead:] {
		if p.shapedAt > 0 {
			n += len(p.runes)
		}
	}
	return n
}

// TestArticleViewLongBlockShapesOnlyWhatIsShown opens a document that is
// one long paragraph and moves through it: each step shapes a few pieces,
// never the block (which took 72 s and 5 GB for 31 MB).
func TestArticleViewLongBlockShapesOnlyWhatIsShown(t *testing.T) {
	doc := Document{Title: "Ein Absatz", Blocks: []Block{{Text: sentences(400_000, 9)}}}
	v, win := newTestView(t, doc, 800, 600)
	n := len(v.text)
	steps := []struct {
		name string
		do   func()
	}{
		{"open", func() {}},
		{"the end", func() { v.SetTopOffset(n) }},
		{"the middle", func() { v.ScrollToOffset(n / 2) }},
		{"a page down", func() { key(v, fyne.KeyPageDown, 0) }},
		{"narrower", func() { win.Resize(fyne.NewSize(500, 600)) }},
	}
	for _, s := range steps {
		before := shapedRunes(v.layout)
		s.do()
		if got := shapedRunes(v.layout) - before; got > 4*pieceRunes {
			t.Errorf("%s shaped %d runes", s.name, got)
		}
	}
}

// boundary is the offset where piece k of the block starting at
// blockStart ends.
func boundary(t *testing.T, l *textLayout, blockStart, k int) int {
	t.Helper()
	for i := l.nHead; i < len(l.paras); i++ {
		if p := l.paras[i]; p.blockStart == blockStart && p.start > blockStart {
			if k--; k < 0 {
				return p.start
			}
		}
	}
	t.Fatalf("no piece boundary %d in block at %d", k, blockStart)
	return 0
}

// TestArticleViewAcrossPieces checks that where two pieces of a block meet
// the reader sees one paragraph: the caret steps, lines, selection, copy,
// triple click, paragraph keys and highlights act as inside a piece.
func TestArticleViewAcrossPieces(t *testing.T) {
	doc := longBlockDoc()
	text := canonical(doc)
	blockStart := len([]rune(doc.Blocks[0].Text)) + separatorLen
	blockEnd := blockStart + len([]rune(doc.Blocks[1].Text))
	listStart := blockEnd + separatorLen
	cases := []struct {
		name  string
		check func(t *testing.T, v *ArticleView, win fyne.Window, b int)
	}{
		{"arrows step one character over the meeting point", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			v.SetSelection(b-2, b-2)
			for _, want := range []int{b - 1, b, b + 1, b + 2} {
				key(v, fyne.KeyRight, 0)
				if s, e := v.Selection(); s != want || e != want {
					t.Fatalf("right: caret [%d,%d), want %d", s, e, want)
				}
			}
			for _, want := range []int{b + 1, b, b - 1, b - 2} {
				key(v, fyne.KeyLeft, 0)
				if s, _ := v.Selection(); s != want {
					t.Fatalf("left: caret %d, want %d", s, want)
				}
			}
		}},
		{"shift+arrows select over it", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			v.SetSelection(b-2, b-2)
			for range 4 {
				key(v, fyne.KeyRight, shift)
			}
			if s, e := v.Selection(); s != b-2 || e != b+2 || v.SelectedText() != string(text[b-2:b+2]) {
				t.Errorf("selected [%d,%d) %q", s, e, v.SelectedText())
			}
		}},
		{"a drag over it selects and copies the text exactly", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			v.ScrollToOffset(b)
			drag(v, charCenter(t, v, b-40), charCenter(t, v, b+40))
			s, e := v.Selection()
			if s > b-38 || e < b+38 || e-s > 120 {
				t.Fatalf("drag selected [%d,%d) around %d", s, e, b)
			}
			v.page.TypedShortcut(&fyne.ShortcutCopy{})
			if got := fyne.CurrentApp().Clipboard().Content(); got != string(text[s:e]) {
				t.Errorf("copied %q, want %q", got, string(text[s:e]))
			}
		}},
		{"down and up keep the column into the next piece", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			l := v.layout
			pi, _, _ := l.position(b)
			l.ensure(pi - 1)
			prev := l.paras[pi-1]
			last := prev.lines[len(prev.lines)-1]
			from := prev.start + int(last.from) + 2
			v.SetSelection(from, from)
			_, _, x := l.position(from)
			key(v, fyne.KeyDown, 0)
			c, _ := v.Selection()
			if qi, line, x2 := l.position(c); qi != pi || line != 0 || x2-x > 12 || x-x2 > 12 {
				t.Errorf("down went to para %d line %d x %.0f, want para %d line 0 x %.0f", qi, line, x2, pi, x)
			}
			key(v, fyne.KeyUp, 0)
			if c, _ := v.Selection(); c != from {
				t.Errorf("up came back to %d, want %d", c, from)
			}
		}},
		{"triple click selects the whole block", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			v.ScrollToOffset(b + 10)
			v.now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
			pos := charCenter(t, v, b+10)
			for range 3 {
				press(v, pos, 0)
				release(v, pos)
			}
			s, e := v.Selection()
			bs, be := blockStart, blockEnd
			if b > blockEnd {
				bs, be = listStart, listStart+len([]rune(doc.Blocks[2].Text))
			}
			if s != bs || e != be {
				t.Errorf("triple click selected [%d,%d), want the block [%d,%d)", s, e, bs, be)
			}
		}},
		{"ctrl+arrows go to the ends of blocks, not pieces", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			bs, next := blockStart, listStart
			if b > blockEnd {
				bs, next = listStart, listStart+len([]rune(doc.Blocks[2].Text))+separatorLen
			}
			v.SetSelection(b+5, b+5)
			key(v, fyne.KeyDown, ctrl)
			if c, _ := v.Selection(); c != next {
				t.Errorf("ctrl+down went to %d, want the next block at %d", c, next)
			}
			v.SetSelection(b+5, b+5)
			key(v, fyne.KeyUp, ctrl)
			if c, _ := v.Selection(); c != bs {
				t.Errorf("ctrl+up went to %d, want the block's start %d", c, bs)
			}
		}},
		{"the caret there is drawn once, at the next line's start", func(t *testing.T, v *ArticleView, win fyne.Window, b int) {
			win.Canvas().Focus(v.FocusTarget())
			v.SetSelection(b, b)
			v.ScrollToOffset(b)
			pal := v.palette()
			var xs []float32
			for _, o := range test.WidgetRenderer(v.page).Objects() {
				if rc, ok := o.(*canvas.Rectangle); ok && sameColor(rc.FillColor, pal.caret) {
					xs = append(xs, rc.Position().X+rc.Size().Width/2)
				}
			}
			pi, _, _ := v.layout.position(b)
			want := v.layout.textX(v.layout.paras[pi])
			if len(xs) != 1 || xs[0] > want+1 || xs[0] < want-1 {
				t.Errorf("caret drawn at x %v, want once at the line's left edge %.0f", xs, want)
			}
		}},
		{"a later piece of a list item has no bullet", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			if got := drawnText(v, "•"); len(got) != 0 {
				t.Errorf("%d bullets drawn in the middle of a block", len(got))
			}
		}},
		{"a highlight over it is tinted on both lines, with no paragraph nub", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			c := color.NRGBA{R: 0x4f, G: 0xc3, B: 0xf7, A: 0xff}
			l := v.layout
			pi, _, _ := l.position(b)
			l.ensure(pi - 1)
			prev := l.paras[pi-1]
			last := prev.lines[len(prev.lines)-1]
			start := max(b-10, prev.start+int(last.from))
			v.SetHighlights([]Highlight{{ID: "h", Start: start, End: b + 10, Color: c}})
			v.ScrollToOffset(b)
			lineEnd := l.textX(prev) + prev.prefix[last.to] - prev.prefix[last.from]
			var tints []*canvas.Rectangle
			for _, o := range test.WidgetRenderer(v.page).Objects() {
				if rc, ok := o.(*canvas.Rectangle); ok && sameColor(rc.FillColor, tintOf(v, c)) {
					tints = append(tints, rc)
				}
			}
			slices.SortFunc(tints, func(a, b *canvas.Rectangle) int { return int(a.Position().Y - b.Position().Y) })
			if len(tints) != 2 {
				t.Fatalf("%d tints, want one on each line", len(tints))
			}
			if right := tints[0].Position().X + tints[0].Size().Width; right > lineEnd+0.5 || right < lineEnd-0.5 {
				t.Errorf("the upper tint ends at %.1f, want the line's end %.1f", right, lineEnd)
			}
			if h, ok := v.highlightAt(charCenter(t, v, b)); !ok || h.ID != "h" {
				t.Errorf("no highlight under the first character of the piece")
			}
		}},
		{"positions and offsets agree around it", func(t *testing.T, v *ArticleView, _ fyne.Window, b int) {
			l := v.layout
			v.ScrollToOffset(b)
			for off := b - 30; off <= b+30; off++ {
				pi, line, x := l.position(off)
				if p := l.paras[pi]; off-p.start > int(p.lines[line].end) {
					continue // a space hanging at a line's end is drawn at the end
				}
				pos := fyne.NewPos(x+0.1, l.lineTop(pi, line)+l.lineHeight(l.paras[pi])/2)
				if got := l.offsetAt(pos); got != off {
					t.Fatalf("offset %d is drawn at %v, which maps back to %d", off, pos, got)
				}
			}
		}},
	}
	for _, c := range cases {
		for k, block := range []int{blockStart, listStart} {
			t.Run(c.name+[]string{"/paragraph", "/list item"}[k], func(t *testing.T) {
				v, win := newTestView(t, doc, 700, 600)
				b := boundary(t, v.layout, block, 2)
				v.ScrollToOffset(b)
				c.check(t, v, win, b)
			})
		}
	}
}
