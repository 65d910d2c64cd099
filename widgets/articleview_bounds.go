package widgets

import "fyne.io/fyne/v2"

// RangeBounds is the part of the text range [start, end) that is in view,
// in the view's coordinates: from the top of its first visible line to the
// bottom of its last visible line, across the text column. ok is false
// when none of it is in view (or nothing is laid out yet). The app places
// panels beside a passage with it, so that they never cover it.
func (v *ArticleView) RangeBounds(start, end int) (pos fyne.Position, size fyne.Size, ok bool) {
	l := v.layout
	if l == nil || len(l.paras) == l.nHead || l.colW <= 0 {
		return fyne.Position{}, fyne.Size{}, false
	}
	start, end = v.clamp(min(start, end)), v.clamp(max(start, end))
	pi, line, _ := l.position(start)
	pj, lineEnd, _ := l.position(end)
	if pi < 0 || pj < 0 {
		return fyne.Position{}, fyne.Size{}, false
	}
	y0 := l.lineTop(pi, line) - v.scroll.Offset.Y
	y1 := l.lineTop(pj, lineEnd) + l.lineHeight(l.paras[pj]) - v.scroll.Offset.Y
	vh := v.scroll.Size().Height
	y0, y1 = max(y0, 0), min(y1, vh)
	if y1 <= y0 {
		return fyne.Position{}, fyne.Size{}, false
	}
	return fyne.NewPos(l.colX, y0), fyne.NewSize(l.colW, y1-y0), true
}
