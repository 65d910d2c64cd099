package widgets

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chip is one actor shown on a highlight card: its name, the role it plays
// in the passage, its colour and, when it makes a statement on a topic,
// what it says ("opposes Sanctions").
type Chip struct {
	Label     string
	Role      string
	Color     color.Color
	Statement string
}

// maxQuoteRunes keeps long passages from turning the notes pane into a
// second copy of the article; the full passage is one click away.
const maxQuoteRunes = 320

// HighlightCard shows one highlight in the notes pane: the quoted passage
// with a bar in the highlight's colour, the actors as coloured chips, and the
// note. It is data in, events out: tapping calls OnTapped, a secondary tap
// calls OnSecondaryTapped with the absolute position for a context menu.
type HighlightCard struct {
	widget.BaseWidget

	OnTapped          func()
	OnSecondaryTapped func(abs fyne.Position)

	bar      *canvas.Rectangle
	quote    *widget.Label
	chips    *fyne.Container
	note     *widget.Label
	warn     *widget.Label
	bg       *canvas.Rectangle
	ring     *canvas.Rectangle // the keyboard's focus ring, around bg
	content  *fyne.Container
	selected bool
	focused  bool
	// drawn is set once the card has its renderer (see Set).
	drawn bool
}

// NewHighlightCard builds a card; Set fills it.
func NewHighlightCard() *HighlightCard {
	c := &HighlightCard{
		bar:   canvas.NewRectangle(color.Transparent),
		quote: widget.NewLabel(""),
		chips: container.New(&flowLayout{}),
		note:  widget.NewLabel(""),
		warn:  widget.NewLabel(""),
		bg:    canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		ring:  canvas.NewRectangle(color.Transparent),
	}
	c.bar.SetMinSize(fyne.NewSize(4, 4))
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.quote.Wrapping = fyne.TextWrapWord
	c.quote.TextStyle.Italic = true
	c.note.Wrapping = fyne.TextWrapWord
	c.warn.Importance = widget.WarningImportance
	c.warn.Wrapping = fyne.TextWrapWord
	c.warn.Hide()
	body := container.NewVBox(c.warn, c.quote, c.chips, c.note)
	c.ring.CornerRadius = c.bg.CornerRadius + focusGap
	c.content = container.New(&ringLayout{}, c.ring, container.NewStack(c.bg, container.NewBorder(nil, nil, c.bar, nil, body)))
	c.ExtendBaseWidget(c)
	return c
}

// Set shows a highlight: its quote, actor chips, note and colour. warning,
// when not empty, is shown above the quote (e.g. for an orphaned highlight).
func (c *HighlightCard) Set(quote string, chips []Chip, note string, col color.Color, warning string) {
	if col == nil {
		col = theme.Color(theme.ColorNamePrimary)
	}
	c.bar.FillColor = col
	c.quote.Text = "“" + shorten(quote, maxQuoteRunes) + "”"
	objs := make([]fyne.CanvasObject, 0, len(chips))
	for _, ch := range chips {
		objs = append(objs, newChipView(ch))
	}
	c.chips.Objects = objs
	if len(objs) == 0 {
		c.chips.Hide()
	} else {
		c.chips.Show()
	}
	c.note.Text = note
	if note == "" {
		c.note.Hide()
	} else {
		c.note.Show()
	}
	c.warn.Text = warning
	if warning == "" {
		c.warn.Hide()
	} else {
		c.warn.Show()
	}
	// The labels take their texts when refreshed (or first drawn): a
	// card not drawn yet (a new one, filled before the notes pane lays it
	// out) is not refreshed, which would wrap its quote and note at no
	// width, measuring every word for nothing (a third of a millisecond a
	// card, and the pane builds up to 50).
	if c.drawn {
		c.Refresh()
	}
}

// Quote returns the shown quote text (for tests and accessibility).
func (c *HighlightCard) Quote() string { return c.quote.Text }

// Note returns the shown note.
func (c *HighlightCard) Note() string { return c.note.Text }

// ChipLabels returns the chips' texts as shown, e.g. "Kim Jong Un · speaker".
func (c *HighlightCard) ChipLabels() []string {
	var out []string
	for _, o := range c.chips.Objects {
		if cv, ok := o.(*chipView); ok {
			out = append(out, cv.text.Text)
		}
	}
	return out
}

// CreateRenderer draws the card's content.
func (c *HighlightCard) CreateRenderer() fyne.WidgetRenderer {
	c.drawn = true
	return widget.NewSimpleRenderer(c.content)
}

// SetSelected marks the card of the highlight the reader is working on.
func (c *HighlightCard) SetSelected(on bool) {
	if c.selected != on {
		c.selected = on
		c.Refresh()
	}
}

// Selected reports whether the card is marked.
func (c *HighlightCard) Selected() bool { return c.selected }

// SetFocused draws the keyboard's focus ring around the card (the card a
// CardList's arrows are on).
func (c *HighlightCard) SetFocused(on bool) {
	if c.focused != on {
		c.focused = on
		c.Refresh()
	}
}

// Focused reports whether the card has the focus ring.
func (c *HighlightCard) Focused() bool { return c.focused }

// focusRing is the width of the keyboard focus ring, and focusGap the
// space between it and the card, so that it shows apart from the
// selection's fill and outline when both are on one card.
const (
	focusRing = 2
	focusGap  = 2
)

// ringLayout draws the focus ring (the first object) around the card (the
// second), which it insets by the ring and its gap.
type ringLayout struct{}

func (ringLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	in := float32(focusRing + focusGap)
	objs[1].Move(fyne.NewPos(in, in))
	objs[1].Resize(size.SubtractWidthHeight(2*in, 2*in))
}

func (ringLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	in := float32(focusRing + focusGap)
	return objs[1].MinSize().AddWidthHeight(2*in, 2*in)
}

// Refresh re-reads theme colours, which change with light/dark mode.
func (c *HighlightCard) Refresh() {
	c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	c.bg.StrokeWidth = 0
	if c.selected {
		c.bg.FillColor = theme.Color(theme.ColorNameSelection)
		c.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		c.bg.StrokeWidth = 1
	}
	c.ring.StrokeWidth = 0
	if c.focused {
		c.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
		c.ring.StrokeWidth = focusRing
	}
	c.ring.Refresh()
	c.BaseWidget.Refresh()
}

// Tapped forwards a click so the reader can scroll to the passage.
func (c *HighlightCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// TappedSecondary forwards a right click for the edit/delete menu.
func (c *HighlightCard) TappedSecondary(e *fyne.PointEvent) {
	if c.OnSecondaryTapped != nil {
		c.OnSecondaryTapped(e.AbsolutePosition)
	}
}

// shorten cuts s to at most n runes at a word boundary, adding an ellipsis.
// It reads only the runes it keeps: the card of a 30 MB highlight spent
// 140 ms on the main goroutine spreading the whole quote into runes.
func shorten(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	cut := s[:i]
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

// chipView is a small rounded label in an actor's colour.
type chipView struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newChipView(ch Chip) *chipView {
	col := ch.Color
	if col == nil {
		col = theme.Color(theme.ColorNameDisabled)
	}
	label := ch.Label
	if ch.Role != "" {
		label += " · " + ch.Role
	}
	if ch.Statement != "" {
		label += " · " + ch.Statement
	}
	v := &chipView{bg: canvas.NewRectangle(withAlpha(col, 0x60)), text: canvas.NewText(label, theme.Color(theme.ColorNameForeground))}
	v.bg.StrokeColor = col
	v.bg.StrokeWidth = 1
	v.bg.CornerRadius = 8
	v.text.TextSize = theme.CaptionTextSize()
	v.ExtendBaseWidget(v)
	return v
}

func (v *chipView) CreateRenderer() fyne.WidgetRenderer {
	return &chipRenderer{v: v}
}

type chipRenderer struct{ v *chipView }

func (r *chipRenderer) Layout(s fyne.Size) {
	r.v.bg.Resize(s)
	ts := r.v.text.MinSize()
	r.v.text.Move(fyne.NewPos((s.Width-ts.Width)/2, (s.Height-ts.Height)/2))
	r.v.text.Resize(ts)
}

func (r *chipRenderer) MinSize() fyne.Size {
	ts := r.v.text.MinSize()
	return fyne.NewSize(ts.Width+2*theme.Padding()+4, ts.Height+theme.Padding())
}

func (r *chipRenderer) Refresh() {
	r.v.text.Color = theme.Color(theme.ColorNameForeground)
	r.v.bg.Refresh()
	r.v.text.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.bg, r.v.text}
}

func (r *chipRenderer) Destroy() {}

// withAlpha gives a colour the given opacity, for a chip's fill.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// flowLayout places objects left to right and wraps to a new row when the
// width runs out, like words in a line; Fyne has no built-in flow layout.
type flowLayout struct{ width float32 }

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad := theme.Padding()
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > size.Width {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		x += m.Width + pad
		rowH = fyne.Max(rowH, m.Height)
	}
}

// MinSize wraps at the width of the last layout, so the card grows in height
// as the pane gets narrower.
func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w := l.width
	var x, y, rowH, maxW float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		maxW = fyne.Max(maxW, m.Width)
		if w > 0 && x > 0 && x+m.Width > w {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		x += m.Width + pad
		rowH = fyne.Max(rowH, m.Height)
	}
	if w == 0 {
		return fyne.NewSize(maxW, rowH)
	}
	return fyne.NewSize(maxW, y+rowH)
}
