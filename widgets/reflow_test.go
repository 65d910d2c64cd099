package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// longParagraphDoc has a few paragraphs of thousands of characters, like
// Wikipedia pages and court rulings, where a place kept only to the
// paragraph would be far off.
func longParagraphDoc() Document {
	words := strings.Fields("Die Regierung in Pjöngjang erklärte am Montag man werde die Gespräche mit Moskau fortsetzen während Peking schweigt und Seoul Gegenmaßnahmen ankündigt")
	var doc Document
	for p := 0; p < 4; p++ {
		var b strings.Builder
		for i := 0; b.Len() < 6000; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[(i*7+p)%len(words)])
			if i%13 == 12 {
				b.WriteString(fmt.Sprintf(" [%d-%d].", p, i))
			}
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: BlockParagraph, Text: b.String()})
	}
	return doc
}

// Resizing the window (or the pane) re-wraps the text; the line the reader
// was reading stays at the top, also when the edge is dragged in many steps.
func TestArticleViewResizeKeepsThePlace(t *testing.T) {
	doc := longParagraphDoc()
	text := canonical(doc)
	v, win := newTestView(t, doc, 560, 500)
	target := runeIndex(t, text, "[2-", 0) + 700 // deep inside the third paragraph
	v.SetTopOffset(target)
	if top := v.TopOffset(); top > target || target-top > 120 {
		t.Fatalf("SetTopOffset(%d) put %d at the top", target, top)
	}
	want := target
	check := func(what string) {
		t.Helper()
		got := v.TopOffset()
		// The top line holds the place: it starts at most a line before it.
		if got > want || want-got > 120 {
			t.Errorf("%s: top line starts at %d %q…, want the line holding %d %q…", what, got, string(text[got:got+30]), want, string(text[want:want+30]))
		}
	}
	win.Resize(fyne.NewSize(360, 500))
	check("narrower")
	for w := float32(360); w <= 700; w += 17 {
		win.Resize(fyne.NewSize(w, 500))
	}
	check("wider in 20 steps")
	win.Resize(fyne.NewSize(560, 500))
	check("back to 560")

	// Scrolled by the reader, the new top is what the next resize keeps.
	v.scrollBy(300)
	want = v.TopOffset()
	win.Resize(fyne.NewSize(400, 500))
	check("after scrolling")
}
