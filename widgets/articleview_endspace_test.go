package widgets

import "testing"

// With blank space after the text, a line of a text shorter than the
// view scrolls to the top of the view (the picker's panel then has room
// below it); taking the space away scrolls back within the text.
func TestEndSpaceLetsAShortTextScroll(t *testing.T) {
	doc := Document{Blocks: []Block{{Text: "First paragraph of a short article."}, {Text: "Second paragraph, the passage."}}}
	for _, c := range []struct {
		name  string
		space float32
		atTop bool
	}{
		{"no space", 0, false},
		{"a view's height", 400, true},
	} {
		v, _ := newTestView(t, doc, 600, 400)
		off := runeIndex(t, v.text, "Second", 0)
		v.SetEndSpace(c.space)
		v.SetTopOffset(off)
		pos, _, ok := v.RangeBounds(off, off+6)
		if !ok {
			t.Fatalf("%s: the passage is not in view", c.name)
		}
		if top := pos.Y < 1; top != c.atTop {
			t.Errorf("%s: the passage is at y %v: at the top %v, want %v", c.name, pos.Y, top, c.atTop)
		}
		v.SetEndSpace(0)
		if pos, _, _ := v.RangeBounds(off, off+6); c.atTop && pos.Y < 1 {
			t.Errorf("%s: the passage stays at the top without the space", c.name)
		}
	}
}
