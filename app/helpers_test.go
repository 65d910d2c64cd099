package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findDraggable returns the innermost draggable object under an absolute
// position and that object's absolute origin.
func findDraggable(c fyne.Canvas, p fyne.Position) (fyne.CanvasObject, fyne.Position) {
	var found fyne.CanvasObject
	var origin fyne.Position
	var walk func(o fyne.CanvasObject, off fyne.Position)
	walk = func(o fyne.CanvasObject, off fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := off.Add(o.Position())
		s := o.Size()
		if p.X < pos.X || p.Y < pos.Y || p.X >= pos.X+s.Width || p.Y >= pos.Y+s.Height {
			return
		}
		if _, ok := o.(fyne.Draggable); ok {
			found, origin = o, pos
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, ch := range x.Objects {
				walk(ch, pos)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(x).Objects() {
				walk(ch, pos)
			}
		}
	}
	walk(c.Content(), fyne.Position{})
	return found, origin
}

// mouseEvent presses (down) or releases the primary button over an object,
// which test.Drag does not do.
func mouseEvent(o fyne.CanvasObject, origin, abs fyne.Position, down bool) {
	m, ok := o.(desktop.Mouseable)
	if !ok {
		return
	}
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: abs.Subtract(origin), AbsolutePosition: abs}, Button: desktop.MouseButtonPrimary}
	if down {
		m.MouseDown(ev)
	} else {
		m.MouseUp(ev)
	}
}

// focusable returns o as a Focusable, or nil.
func focusable(o any) fyne.Focusable {
	f, _ := o.(fyne.Focusable)
	return f
}

// renderedText collects the text of every label and text object in a tree.
func renderedText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, ch := range x.Objects {
				walk(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(x).Objects() {
				walk(ch)
			}
		}
	}
	walk(o)
	return b.String()
}

// findFirst returns the first object of type T in a tree, depth first,
// for which match reports true (a nil match takes any T); the zero T when
// there is none. The find helpers of the app tests are this one walk.
func findFirst[T any](o fyne.CanvasObject, match func(T) bool) T {
	f, _ := findFirstOK(o, match)
	return f
}

func findFirstOK[T any](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	if x, ok := o.(T); ok && (match == nil || match(x)) {
		return x, true
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, ch := range kids {
		if f, ok := findFirstOK(ch, match); ok {
			return f, true
		}
	}
	var zero T
	return zero, false
}
