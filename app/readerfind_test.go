package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// addLongArticle stores an article of many paragraphs whose words of
// interest stand only in paragraphs far down, where no first screen shows
// them.
func addLongArticle(t *testing.T, lib *storage.Library) string {
	t.Helper()
	art := &article.Article{Title: "Lange Analyse", Site: "example.org"}
	for i := range 120 {
		text := fmt.Sprintf("Absatz %d: Die Regierung erklärte am Montag, man werde die Zusammenarbeit ausbauen, und die Opposition widersprach lautstark.", i)
		switch i {
		case 90:
			text += " Die Wirtschaftssanktionen gegen Pjöngjang wirken."
		case 100, 110:
			text += " Neue Sanktionen gegen PJÖNGJANG an der Straße."
		}
		art.Blocks = append(art.Blocks, article.Block{Type: article.Paragraph, Text: text})
	}
	art.Normalize()
	res, err := lib.ImportArticle(art)
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

func TestOpeningFromASearchGoesToTheWords(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	other := addArticle(t, lib, "Kurz", "Nichts Besonderes.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	long := addLongArticle(t, lib)
	a.library.reload()
	a.ctl.openArticle(other)
	v := a.reader.view

	a.library.search.SetText("pjoengjang sanktion") // the German spelling, a word part
	if len(a.library.ids) != 1 || a.library.ids[0] != long {
		t.Fatalf("the search lists %v", a.library.ids)
	}
	a.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.ctl.current != long {
		t.Fatalf("Enter opened %q", a.ctl.current)
	}
	marks, cur := v.FindMarks()
	text := []rune(a.ctl.art.Text())
	var got []string
	for _, m := range marks {
		got = append(got, string(text[m.Start:m.End]))
	}
	if want := "Wirtschaftssanktionen|Pjöngjang|Sanktionen|PJÖNGJANG|Sanktionen|PJÖNGJANG"; strings.Join(got, "|") != want {
		t.Fatalf("marked %q, want %q", strings.Join(got, "|"), want)
	}
	if cur != 0 {
		t.Errorf("current mark %d, want the first", cur)
	}
	if _, _, ok := v.RangeBounds(marks[0].Start, marks[0].End); !ok {
		t.Error("the reader is not at the first word found")
	}
	if !a.reader.find.bar.Visible() || a.reader.find.bar.CountText() != "1 of 6" {
		t.Errorf("find bar shown %v, says %q; want 1 of 6", a.reader.find.bar.Visible(), a.reader.find.bar.CountText())
	}

	// Enter in the text and F3 step on, wrapping at the end.
	for i, want := range []string{"2 of 6", "3 of 6", "4 of 6", "5 of 6", "6 of 6", "1 of 6"} {
		if i%2 == 0 {
			v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		} else {
			a.menuKey(keyFindNext)
		}
		if got := a.reader.find.bar.CountText(); got != want {
			t.Fatalf("step %d: %q, want %q", i, got, want)
		}
		_, cur := v.FindMarks()
		if _, _, ok := v.RangeBounds(marks[cur].Start, marks[cur].End); !ok {
			t.Fatalf("step %d: match %d is not in view", i, cur)
		}
	}

	// Escape in the text clears the marks and the bar.
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if marks, _ := v.FindMarks(); len(marks) != 0 || a.reader.find.bar.Visible() {
		t.Errorf("after Escape: %d marks, bar shown %v", len(marks), a.reader.find.bar.Visible())
	}

	// An article opened from the list without search words has no marks.
	a.library.search.SetText("")
	a.ctl.openArticle(other)
	a.ctl.openArticle(long)
	if marks, _ := v.FindMarks(); len(marks) != 0 {
		t.Errorf("opened without a search: %d marks", len(marks))
	}
}

func TestOpeningFromASearchKeepsThePlaceWhenTheWordsAreNotInTheText(t *testing.T) {
	for _, c := range []struct {
		words   string
		atMatch bool // else at the reading position
	}{
		{"Analyse", false}, // in the title only
		{"Sanktionen", true},
	} {
		t.Run(c.words, func(t *testing.T) {
			a, lib := newTestApp(t, Options{NoDemo: true})
			long := addLongArticle(t, lib)
			a.library.reload()
			place := len([]rune(a.libraryText(t, long))) / 3
			a.ctl.places.set(long, place)
			a.library.search.SetText(c.words)
			a.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if a.ctl.current != long {
				t.Fatalf("Enter opened %q", a.ctl.current)
			}
			v := a.reader.view
			marks, cur := v.FindMarks()
			if c.atMatch {
				if len(marks) == 0 || cur != 0 {
					t.Fatalf("marks %v, current %d", marks, cur)
				}
				if _, _, ok := v.RangeBounds(marks[0].Start, marks[0].End); !ok {
					t.Error("the first match is not in view")
				}
				return
			}
			if len(marks) != 0 || a.reader.find.bar.CountText() != "No matches" {
				t.Errorf("%d marks, bar says %q", len(marks), a.reader.find.bar.CountText())
			}
			if top := v.TopOffset(); top < place-200 || top > place {
				t.Errorf("reader at %d, want the reading position %d", top, place)
			}
		})
	}
}

// libraryText is the text of an article in the library.
func (a *App) libraryText(t *testing.T, id string) string {
	t.Helper()
	art, _, err := a.ctl.store.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	return art.Text()
}

func TestFindInArticleBar(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	long := addLongArticle(t, lib)
	a.library.reload()
	a.ctl.openArticle(long)
	v := a.reader.view
	a.reader.focus()
	a.triggerShortcut(scFindArticle)
	bar := a.reader.find.bar
	if !bar.Visible() || a.win.Canvas().Focused() != bar.Field() {
		t.Fatalf("Ctrl+Shift+F: bar shown %v, focus on %T", bar.Visible(), a.win.Canvas().Focused())
	}
	test.Type(bar.Field(), "strasse")
	if got := bar.CountText(); got != "1 of 2" {
		t.Errorf("typed 'strasse': %q, want 1 of 2", got)
	}
	marks, cur := v.FindMarks()
	if len(marks) != 2 || cur != 0 {
		t.Fatalf("marks %v, current %d", marks, cur)
	}
	if _, _, ok := v.RangeBounds(marks[0].Start, marks[0].End); !ok {
		t.Error("the first match is not in view")
	}
	bar.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	bar.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := bar.CountText(); got != "1 of 2" {
		t.Errorf("Enter twice: %q, want 1 of 2 (wrapped)", got)
	}
	// Ctrl+F still finds in the library.
	a.triggerShortcut(scFind)
	if a.win.Canvas().Focused() != a.library.search {
		t.Errorf("Ctrl+F focused %T, not the library search", a.win.Canvas().Focused())
	}
	bar.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if bar.Visible() {
		t.Error("Escape left the bar open")
	}
	if marks, _ := v.FindMarks(); len(marks) != 0 {
		t.Errorf("Escape left %d marks", len(marks))
	}
}

func TestFindBarFollowsTheReaderToTheNextArticle(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	long := addLongArticle(t, lib)
	short := addArticle(t, lib, "Kurz", "Die Straße ist gesperrt, sagt die Stadt.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	a.library.reload()
	a.ctl.openArticle(long)
	a.triggerShortcut(scFindArticle)
	bar := a.reader.find.bar
	test.Type(bar.Field(), "strasse")
	if got := bar.CountText(); got != "1 of 2" {
		t.Fatalf("typed 'strasse': %q", got)
	}
	for i, id := range a.library.ids {
		if id == short {
			a.library.openRow(i) // from the list, no search words
		}
	}
	if a.ctl.current != short {
		t.Fatalf("opened %q", a.ctl.current)
	}
	if marks, _ := a.reader.view.FindMarks(); !bar.Visible() || len(marks) != 1 || bar.CountText() != "1 of 1" {
		t.Errorf("the typed words in the next article: bar shown %v, %d marks, %q", bar.Visible(), len(marks), bar.CountText())
	}
}
