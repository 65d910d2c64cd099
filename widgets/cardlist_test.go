package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestCardListKeys(t *testing.T) {
	test.NewTempApp(t)
	l := NewCardList()
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, 200))
	var cards []*HighlightCard
	for i := 0; i < 12; i++ {
		c := NewHighlightCard()
		c.Set("Pjöngjang droht erneut mit einem Raketentest.", nil, "", nil, "")
		cards = append(cards, c)
	}
	l.SetContent(nil, cards, nil)
	var got []string
	l.OnActivate = func(i int) { got = append(got, "enter", string(rune('0'+i))) }
	l.OnEdit = func(i int) { got = append(got, "edit", string(rune('0'+i))) }
	l.OnDelete = func(i int) { got = append(got, "delete", string(rune('0'+i))) }
	l.OnEscape = func() { got = append(got, "escape") }
	w.Canvas().Focus(l)
	if !cards[0].Focused() {
		t.Fatal("the focused list marks no card")
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyReturn, fyne.KeyEnd, fyne.KeyDelete, fyne.KeyDown, fyne.KeyEscape} {
		l.TypedKey(&fyne.KeyEvent{Name: k})
	}
	l.TypedRune('e')
	want := "enter 1 delete ; escape edit ;"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("calls %q, want %q", s, want)
	}
	if off := l.Scroller().Offset.Y; off <= 0 {
		t.Errorf("End did not scroll to the last card (offset %v)", off)
	}
	w.Canvas().Unfocus()
	if cards[11].Focused() {
		t.Error("the mark stays without the focus")
	}
	l.SetContent(nil, cards[:3], nil)
	if l.Cursor() != 2 {
		t.Errorf("after the list got shorter the mark is on %d, want the last card 2", l.Cursor())
	}
}
