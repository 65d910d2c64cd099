package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
)

// passageQuoteLen is how much of a passage a row of the Actors and Topics
// windows quotes (runes): about a wide row, cut with an ellipsis after.
const passageQuoteLen = 160

// newPassageList lists highlights as two lines each, the quote and what
// line says of it (its article, who says what); a click hands the
// highlight to jump and lets go of the row, so the same one can be
// clicked again. hls is read at every refresh; Escape closes the window
// (keys).
func newPassageList(keys *windowKeys, hls func() []annotation.Highlight, line func(annotation.Highlight) string, jump func(articleID, highlightID string)) *windowList {
	l := keys.list(
		func() int { return len(hls()) },
		func() fyne.CanvasObject {
			q := widget.NewLabel("quote")
			q.Truncation = fyne.TextTruncateEllipsis
			q.TextStyle.Italic = true
			t := widget.NewLabel("article")
			t.SizeName = theme.SizeNameCaptionText
			t.Truncation = fyne.TextTruncateEllipsis
			return container.New(&tightVBox{}, q, t)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			all := hls()
			if i >= len(all) {
				return
			}
			h := all[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText("“" + shortQuote(h.Quote.Exact, passageQuoteLen) + "”")
			c.Objects[1].(*widget.Label).SetText(line(h))
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if all := hls(); i < len(all) {
			h := all[i]
			l.UnselectAll()
			jump(h.ArticleID, h.ID)
		}
	}
	return l
}
