package widgets

import "fyne.io/fyne/v2"

// Preshaped is an article's text shaped ahead of the ArticleView that
// shows it (SetDocumentShaped), on another goroutine: shaping a news
// article is 10-15 ms of the view's first layout, which the window's
// start-up otherwise spends on the main goroutine while the other core
// waits. It holds what shaping gives (advances and break opportunities)
// per paragraph text, font and size; the view takes a paragraph's shapes
// from it only when all three and the theme's fonts match, and shapes
// anything else itself, so a Preshaped made for other settings costs a
// lookup and changes nothing.
type Preshaped struct {
	th      fyne.Theme
	regular fyne.Resource // th's regular font when it was shaped
	shapes  map[shapeKey]shapedText
}

// shapeKey names one shaped paragraph: its text, font and font size.
type shapeKey struct {
	text string
	face faceKey
	size float32
}

// shapedText is what shaping a paragraph gives.
type shapedText struct {
	prefix []float32
	flags  []uint8
}

// Preshape shapes the paragraphs of doc as an ArticleView in theme th
// with body text size size and reading style style lays them out (the
// title aside: its size follows the column width), from the top and no
// more than a view lays out at once (eagerRunes): a longer text is laid
// out around the viewport, and shaping all of a book-length one ahead
// cost seconds and hundreds of megabytes the view never used. It parses
// fonts of its own and may run on any goroutine.
func Preshape(th fyne.Theme, doc Document, size float32, style ReadingStyle) *Preshaped {
	ps := &Preshaped{th: th, regular: th.Font(fyne.TextStyle{}), shapes: map[shapeKey]shapedText{}}
	l := newTextLayout(newTextShaper(th), size)
	l.setStyle(style.normal())
	l.size = size // setStyle clears it for a new typeface
	l.setDocument(doc, canonicalText(doc))
	budget := eagerRunes
	for _, p := range l.paras {
		if p.role == roleTitle {
			continue
		}
		if budget -= len(p.runes); budget < 0 {
			break
		}
		l.shape(p)
		ps.shapes[shapeKey{string(p.runes), l.face(p), l.fontSize(p)}] = shapedText{prefix: p.prefix, flags: p.flags}
	}
	return ps
}

// lookup returns the shapes of paragraph text in face at size, made with
// the fonts sh shapes with.
func (ps *Preshaped) lookup(sh *textShaper, text []rune, face faceKey, size float32) (shapedText, bool) {
	if ps == nil || ps.th != sh.th || ps.regular != sh.regular {
		return shapedText{}, false
	}
	s, ok := ps.shapes[shapeKey{string(text), face, size}]
	return s, ok
}
