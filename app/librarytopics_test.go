package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// topicLibraryApp is newLibraryApp's library of 30 articles with topics:
// Sanktionen (alias Strafmaßnahmen) under Sicherheit, and in "Artikel 10"
// the second highlight says Nordkorea opposes Sanktionen. It returns the
// app, that article and that highlight.
func topicLibraryApp(t *testing.T) (a *App, article, hl string) {
	t.Helper()
	path := buildLibrary(t, t.TempDir(), 30)
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	parent, err := lib.AddTopic(annotation.Topic{Name: "Sicherheit"})
	if err != nil {
		t.Fatal(err)
	}
	child, err := lib.AddTopic(annotation.Topic{Name: "Sanktionen", Aliases: []string{"Strafmaßnahmen"}, Parent: parent.ID})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lib.Search(storage.SearchQuery{Text: `"artikel 10"`})
	if err != nil || len(res.IDs) != 1 {
		t.Fatalf("Artikel 10: %v, %v", res.IDs, err)
	}
	article = res.IDs[0]
	hs, err := lib.Highlights(article)
	if err != nil || len(hs) != 3 {
		t.Fatalf("highlights of Artikel 10: %d, %v", len(hs), err)
	}
	h := hs[1]
	h.Actors[0].Topic, h.Actors[0].Stance = child.ID, annotation.StanceOpposes
	if _, err := lib.UpdateHighlight(h); err != nil {
		t.Fatal(err)
	}
	a = newApp(test.NewTempApp(t), lib, Options{NoDemo: true}, true, nil)
	a.win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(a.win.Close)
	return a, article, h.ID
}

// shownSnippets are the texts of the snippets the window shows.
func shownSnippets(a *App) []*snippetText {
	var out []*snippetText
	for _, o := range test.LaidOutObjects(a.win.Content()) {
		if s, ok := o.(*snippetText); ok && s.Visible() {
			out = append(out, s)
		}
	}
	return out
}

func snippetString(s *snippetText) string { return s.String() }

// markedParts are the runs of a snippet shown marked, as drawn (bold).
func markedParts(s *snippetText) []string {
	var out []string
	for _, o := range test.WidgetRenderer(s).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.TextStyle.Bold {
			out = append(out, t.Text)
		}
	}
	return out
}

// The topic filter finds a topic by name or alias, with the topics under
// it, in a stance; the rows show the statement found, its topic marked,
// and a tap on the snippet opens the article at the passage.
func TestLibraryTopicFilterShowsStatements(t *testing.T) {
	a, art, hl := topicLibraryApp(t)
	p, f := a.library, a.library.filters
	if snips := shownSnippets(a); len(snips) != 0 {
		t.Fatalf("snippets without a search: %d", len(snips))
	}
	p.filterBtn.Tapped(nil)
	f.topic.SetText("strafmaßnahmen")
	if len(p.ids) != 1 || p.ids[0] != art || p.filterBtn.Text != "Filters (1)" {
		t.Fatalf("topic by alias lists %v (%q, %q), want Artikel 10", p.ids, p.count.Text, p.filterBtn.Text)
	}
	snips := shownSnippets(a)
	const want = "Nordkorea opposes Sanktionen · “"
	if len(snips) != 1 || !strings.HasPrefix(snippetString(snips[0]), want) {
		t.Fatalf("the row's snippet: %d shown, %q; want it to start %q", len(snips), snippetString(snips[0]), want)
	}
	if m := markedParts(snips[0]); strings.Join(m, "|") != "Sanktionen" {
		t.Fatalf("marked %q, want the topic", m)
	}
	for _, c := range []struct {
		topic, stance string
		want          int
	}{
		{"Sanktionen", "supports", 0},
		{"Sanktionen", "opposes", 1},
		{"Sicherheit", "opposes", 1}, // the parent takes its child's statements
		{"Sicherheit", anyStance, 1},
	} {
		f.topic.SetText(c.topic)
		f.stance.SetSelected(c.stance)
		if len(p.ids) != c.want {
			t.Errorf("%s, %s: %d listed (%q), want %d", c.topic, c.stance, len(p.ids), p.count.Text, c.want)
		}
	}
	if f.summary() != "Filters (1)" {
		t.Errorf("summary %q", f.summary())
	}

	// A tap on the snippet opens the article at the statement.
	snips = shownSnippets(a)
	if len(snips) != 1 || !snips[0].pointer {
		t.Fatalf("%d snippets, the first leading to a passage: %v", len(snips), len(snips) == 1 && snips[0].pointer)
	}
	snips[0].Tapped(&fyne.PointEvent{})
	if a.ctl.current != art || a.ctl.selected != hl {
		t.Fatalf("after a tap on the snippet: article %s, highlight %q; want %s at %s", a.ctl.current, a.ctl.selected, art, hl)
	}
	if p.row != 0 {
		t.Errorf("the tapped row is not marked (row %d)", p.row)
	}

	f.topic.SetText("Klima")
	if len(p.ids) != 0 || !strings.Contains(p.count.Text, `No topic "Klima"`) {
		t.Fatalf("an unknown topic lists %d with %q", len(p.ids), p.count.Text)
	}
	f.clear.Tapped(nil)
	if f.topic.Text != "" || f.stance.Selected != anyStance || len(p.ids) != 30 || len(shownSnippets(a)) != 0 {
		t.Fatalf("after Clear filters: topic %q, stance %q, %d listed, %d snippets", f.topic.Text, f.stance.Selected, len(p.ids), len(shownSnippets(a)))
	}
}

// Words searched for show a snippet under every row, the words marked;
// selecting a row whose hit is a highlight (the arrows, Enter from the
// search field) opens the article at it; an empty search shows rows
// without snippets again.
func TestLibrarySearchShowsSnippets(t *testing.T) {
	a, art, hl := topicLibraryApp(t)
	p := a.library
	p.search.SetText("raketen")
	if len(p.ids) != 30 {
		t.Fatalf("'raketen' lists %d", len(p.ids))
	}
	snips := shownSnippets(a)
	if len(snips) < 5 {
		t.Fatalf("%d snippets shown for a screenful of rows", len(snips))
	}
	for _, s := range snips {
		if m := markedParts(s); len(m) == 0 || !strings.EqualFold(m[0], "Raketen") {
			t.Fatalf("snippet %q marks %q", snippetString(s), m)
		}
	}
	// Scrolled into view later, rows come with their snippets too.
	p.list.ScrollToBottom()
	p.list.Refresh()
	if _, ok := p.hits[p.ids[len(p.ids)-1]]; !ok {
		t.Fatal("the last row has no snippet after scrolling to it")
	}

	// The topic's name as a word: its statement is the hit, and Enter in
	// the search field opens the first result there.
	p.search.SetText("Sanktionen")
	if len(p.ids) != 1 || p.ids[0] != art {
		t.Fatalf("'Sanktionen' lists %v", p.ids)
	}
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.ctl.current != art || a.ctl.selected != hl {
		t.Fatalf("Enter: article %s, highlight %q; want %s at %s", a.ctl.current, a.ctl.selected, art, hl)
	}
	p.search.SetText("")
	if p.snippets || len(shownSnippets(a)) != 0 {
		t.Fatalf("an empty search still shows %d snippets", len(shownSnippets(a)))
	}
}
