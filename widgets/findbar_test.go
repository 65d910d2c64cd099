package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestFindBarCountsAndWraps(t *testing.T) {
	test.NewTempApp(t)
	b := NewFindBar()
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(500, 60))
	var typed []string
	var moved []int
	b.OnChanged = func(s string) { typed = append(typed, s) }
	b.OnMove = func(i int) { moved = append(moved, i) }
	closed := 0
	b.OnClose = func() { closed++ }

	if b.CountText() != "" {
		t.Errorf("empty field says %q", b.CountText())
	}
	w.Canvas().Focus(b.Field())
	test.Type(b.Field().(fyne.Focusable), "nord")
	if len(typed) == 0 || typed[len(typed)-1] != "nord" {
		t.Fatalf("OnChanged got %q", typed)
	}
	if b.CountText() != "…" {
		t.Errorf("before the count came: %q, want …", b.CountText())
	}
	b.SetCount(3, -1)
	field := b.Field()
	steps := []struct {
		key   fyne.KeyName
		shift bool
		want  string
		moved int
	}{
		{fyne.KeyReturn, false, "1 of 3", 0},
		{fyne.KeyReturn, false, "2 of 3", 1},
		{fyne.KeyF3, false, "3 of 3", 2},
		{fyne.KeyReturn, false, "1 of 3", 0}, // wraps forward
		{fyne.KeyReturn, true, "3 of 3", 2},  // and back
		{fyne.KeyF3, true, "2 of 3", 1},
	}
	for i, s := range steps {
		if s.shift {
			field.(desktop.Keyable).KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		field.TypedKey(&fyne.KeyEvent{Name: s.key})
		if s.shift {
			field.(desktop.Keyable).KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		if got := b.CountText(); got != s.want {
			t.Errorf("step %d (%s shift=%v): %q, want %q", i, s.key, s.shift, got, s.want)
		}
		if moved[len(moved)-1] != s.moved {
			t.Errorf("step %d: OnMove(%d), want %d", i, moved[len(moved)-1], s.moved)
		}
	}
	b.Previous()
	b.Previous()
	if got := b.CountText(); got != "3 of 3" {
		t.Errorf("Previous from the first: %q, want 3 of 3", got)
	}
	b.SetCount(0, -1)
	if got := b.CountText(); got != "No matches" {
		t.Errorf("no matches: %q", got)
	}
	n := len(moved)
	b.Next()
	if len(moved) != n {
		t.Error("Next with no matches moved")
	}
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 {
		t.Errorf("Escape closed %d times", closed)
	}
}
