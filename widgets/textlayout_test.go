package widgets

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// FuzzTextLayoutWrap checks the wrapping and hit-testing invariants on any
// text and width: lines are contiguous and cover the paragraph, no line is
// wider than the column unless it holds a single character, and every
// position maps to an offset inside the paragraph.
func FuzzTextLayoutWrap(f *testing.F) {
	for _, s := range []string{
		"Die Regierung in Pjöngjang erklärte am Montag „Gespräche“.",
		"Donaudampfschifffahrtsgesellschaftskapitän",
		"a\tb\nc\r\n\n d",
		"김정은 日本語のテキスト العربية",
		"",
		"   ",
	} {
		f.Add(s, float32(120))
	}
	sh := newTextShaper(theme.DefaultTheme())
	f.Fuzz(func(t *testing.T, s string, width float32) {
		if !utf8.ValidString(s) || len(s) > 4000 || width != width {
			t.Skip()
		}
		text := []rune(s)
		l := newTextLayout(sh, 0)
		l.setDocument(Document{Blocks: []Block{{Kind: BlockPre, Text: s}}}, text)
		l.setGeometry(14, min(max(width, 1), 3000))
		l.ensure(0)
		p := l.paras[0]
		maxW := l.wrapWidth(p)
		if len(p.lines) == 0 || p.lines[0].from != 0 || int(p.lines[len(p.lines)-1].to) != len(text) {
			t.Fatalf("lines %v do not cover %d runes", p.lines, len(text))
		}
		for j, ln := range p.lines {
			if j > 0 && ln.from != p.lines[j-1].to {
				t.Fatalf("line %d starts at %d, previous ended at %d", j, ln.from, p.lines[j-1].to)
			}
			if ln.end < ln.from || ln.end > ln.to {
				t.Fatalf("line %d: bad drawn end %v", j, ln)
			}
			if w := p.prefix[ln.end] - p.prefix[ln.from]; w > maxW+0.01 && ln.end-ln.from > 1 {
				t.Fatalf("line %d is %.1f wide, column %.1f", j, w, maxW)
			}
		}
		l.updateTops()
		for _, y := range []float32{-10, 0, l.tops[0] + 1, l.height() / 2, l.height() + 10} {
			for _, x := range []float32{-10, 0, l.colX + maxW/2, l.width + 10} {
				if off := l.offsetAt(fyne.NewPos(x, y)); off < 0 || off > len(text) {
					t.Fatalf("offsetAt(%v,%v) = %d outside [0,%d]", x, y, off, len(text))
				}
				if c := l.charAt(fyne.NewPos(x, y)); c < -1 || c >= len(text) {
					t.Fatalf("charAt(%v,%v) = %d", x, y, c)
				}
			}
		}
	})
}
