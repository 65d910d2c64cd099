package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Side names one of the two side columns of Columns.
type Side int

// The side columns.
const (
	Leading  Side = iota // left of the main column (the library)
	Trailing             // right of it (the notes)
)

// Split shares that keep the main column the widest: a side column may
// take this much of its split at most, whatever the reader dragged or
// remembered, so that the text never gets narrower than the notes.
const (
	maxLeadingShare  = 0.35 // of the whole width
	maxTrailingShare = 0.45 // of the main and trailing columns together
	minSideShare     = 0.10 // a side column never shrinks to a sliver
)

// Columns lays out a main column between two side columns with draggable
// dividers, as a reading app does with its library and notes. Below
// NarrowWidth the side columns hide, so that the main column keeps a
// readable width; SetShown brings one back (or hides it) for the width
// class the window is in. The choice for wide windows is kept; a window
// that gets narrow starts again with both hidden.
type Columns struct {
	widget.BaseWidget

	// NarrowWidth is the width below which side columns are hidden unless
	// the reader shows them.
	NarrowWidth float32
	// OnShownChanged is told when a side column shows or hides (a menu
	// item's check mark follows).
	OnShownChanged func(s Side, shown bool)

	main  fyne.CanvasObject
	sides [2]fyne.CanvasObject
	// Outer splits the leading column from the rest, Inner the main
	// column from the trailing one; their offsets are the reader's.
	Outer, Inner *container.Split

	narrow bool
	// shownWide and shownNarrow say which side columns show in each width
	// class.
	shownWide, shownNarrow [2]bool
	top                    fyne.CanvasObject // what is laid out now
}

// NewColumns lays out leading | main | trailing; both side columns show in
// wide windows and hide in narrow ones until shown.
func NewColumns(leading, main, trailing fyne.CanvasObject) *Columns {
	c := &Columns{main: main, sides: [2]fyne.CanvasObject{leading, trailing}, NarrowWidth: 900}
	c.Inner = container.NewHSplit(main, trailing)
	c.Outer = container.NewHSplit(leading, c.Inner)
	c.shownWide = [2]bool{true, true}
	c.top = c.Outer
	c.ExtendBaseWidget(c)
	return c
}

// Shown reports whether a side column shows now.
func (c *Columns) Shown(s Side) bool { return c.shown()[s] }

// Narrow reports whether the window is in the narrow class.
func (c *Columns) Narrow() bool { return c.narrow }

func (c *Columns) shown() *[2]bool {
	if c.narrow {
		return &c.shownNarrow
	}
	return &c.shownWide
}

// SetShown shows or hides a side column for the current width class.
func (c *Columns) SetShown(s Side, on bool) {
	if c.shown()[s] == on {
		return
	}
	c.shown()[s] = on
	c.arrange()
	if c.OnShownChanged != nil {
		c.OnShownChanged(s, on)
	}
}

// SetShownWide sets which side columns a wide window shows (remembered
// between runs by the app).
func (c *Columns) SetShownWide(leading, trailing bool) {
	c.shownWide = [2]bool{leading, trailing}
	c.arrange()
}

// ShownWide says which side columns a wide window shows.
func (c *Columns) ShownWide() (leading, trailing bool) {
	return c.shownWide[Leading], c.shownWide[Trailing]
}

// arrange picks the container tree for the side columns shown and lays it
// out again.
func (c *Columns) arrange() {
	c.setArrangement()
	c.Refresh()
}

// setArrangement picks the container tree for the side columns shown. A
// split whose columns changed is refreshed (it draws the children it had
// until then), which refreshes every widget in them; one whose columns
// stay is left alone: refreshing it again redid the start-up's layout of
// the three panes two more times, each label measured and cut again.
func (c *Columns) setArrangement() {
	sh := c.shown()
	inner := [2]fyne.CanvasObject{c.Inner.Leading, c.Inner.Trailing}
	outer := [2]fyne.CanvasObject{c.Outer.Leading, c.Outer.Trailing}
	switch {
	case sh[Leading] && sh[Trailing]:
		c.Inner.Leading, c.Inner.Trailing = c.main, c.sides[Trailing]
		c.Outer.Leading, c.Outer.Trailing = c.sides[Leading], c.Inner
		c.top = c.Outer
	case sh[Leading]:
		c.Outer.Leading, c.Outer.Trailing = c.sides[Leading], c.main
		c.top = c.Outer
	case sh[Trailing]:
		c.Inner.Leading, c.Inner.Trailing = c.main, c.sides[Trailing]
		c.top = c.Inner
	default:
		c.top = c.main
	}
	for i, o := range c.sides {
		if sh[i] {
			o.Show()
		} else {
			o.Hide()
		}
	}
	innerChanged := inner != [2]fyne.CanvasObject{c.Inner.Leading, c.Inner.Trailing}
	if innerChanged {
		c.Inner.Refresh()
	}
	if outer != [2]fyne.CanvasObject{c.Outer.Leading, c.Outer.Trailing} || (innerChanged && c.Outer.Trailing == c.Inner) {
		c.Outer.Refresh()
	}
}

// CreateRenderer lays out the arrangement.
func (c *Columns) CreateRenderer() fyne.WidgetRenderer { return &columnsRenderer{c: c} }

type columnsRenderer struct {
	c *Columns
	// laid is the tree the last Layout sized, so that a tree put in
	// place since then is laid out even at the size it had.
	laid fyne.CanvasObject
}

func (r *columnsRenderer) Layout(size fyne.Size) {
	c := r.c
	// A width of 0 is not a window's: the columns are not laid out yet.
	if narrow := size.Width < c.NarrowWidth; narrow != c.narrow && size.Width > 0 {
		was := *c.shown()
		c.narrow = narrow
		// Each time the window gets narrow the side columns start hidden;
		// what the reader showed last time was for that moment.
		c.shownNarrow = [2]bool{}
		c.setArrangement()
		now := *c.shown()
		for s := range now {
			if was[s] != now[s] && c.OnShownChanged != nil {
				c.OnShownChanged(Side(s), now[s])
			}
		}
	}
	c.keepMainWidest()
	// A tree put in place at the size it had is not laid out by Resize,
	// though a split in it may have been sized otherwise while it was out;
	// at any other size Resize lays it out and a refresh would only redo
	// the panes' layout (Fyne's SetContent sizes the window's content to
	// its minimum first: narrow, and then wide again at the window's size).
	same := c.top.Size() == size
	c.top.Move(fyne.NewPos(0, 0))
	c.top.Resize(size)
	if same && r.laid != nil && r.laid != c.top {
		c.top.Refresh()
	}
	r.laid = c.top
}

// keepMainWidest clamps the dividers so that the main column stays wider
// than either side column.
func (c *Columns) keepMainWidest() {
	clamp := func(v, lo, hi float64) float64 { return min(max(v, lo), hi) }
	c.Outer.Offset = clamp(c.Outer.Offset, minSideShare, maxLeadingShare)
	if c.top == c.Inner || c.Outer.Trailing == c.Inner {
		c.Inner.Offset = clamp(c.Inner.Offset, 1-maxTrailingShare, 1-minSideShare)
	}
}

func (r *columnsRenderer) MinSize() fyne.Size { return r.c.main.MinSize() }

// Refresh lays the columns out again; their widgets refresh themselves
// (a theme change refreshes every widget in the window, these included).
func (r *columnsRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *columnsRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.top} }

func (r *columnsRenderer) Destroy() {}
