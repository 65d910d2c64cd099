package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// newTestApp opens a temporary library and builds the window over it with
// the headless test driver; background work runs inline.
func newTestApp(t *testing.T, opts Options) (*App, *storage.Library) {
	t.Helper()
	fa := test.NewTempApp(t)
	lib, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	a := newApp(fa, lib, opts, true, nil)
	a.win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(a.win.Close)
	return a, lib
}

func TestFirstStartShowsDemoWithExampleHighlight(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	infos, err := lib.Articles()
	if err != nil || len(infos) != 1 {
		t.Fatalf("articles = %v, %v; want the demo article", infos, err)
	}
	if a.ctl.current != infos[0].ID || a.ctl.art == nil || a.ctl.art.Title != "The Atlantic Charter" {
		t.Fatalf("reader shows %q, want the demo article", a.ctl.current)
	}
	hls, err := lib.Highlights(a.ctl.current)
	if err != nil || len(hls) != 1 {
		t.Fatalf("highlights = %v, %v; want one example", hls, err)
	}
	h := hls[0]
	if !strings.HasPrefix(h.Quote.Exact, "they respect the right of all peoples") || len(h.Actors) != 2 {
		t.Errorf("example highlight = %+v", h)
	}
	card := a.notes.Card(h.ID)
	if card == nil {
		t.Fatal("notes pane shows no card for the example highlight")
	}
	if a.ctl.selected != h.ID {
		t.Errorf("the example highlight is not the selected one (%q)", a.ctl.selected)
	}
	chips := strings.Join(card.ChipLabels(), "|")
	if chips != "Franklin D. Roosevelt · speaker|Winston Churchill · speaker" {
		t.Errorf("chips = %q", chips)
	}
	if a.reader.view.Document().Title != "The Atlantic Charter" || !strings.Contains(a.reader.view.Document().Byline, "14 August 1941") {
		t.Errorf("header = %q / %q", a.reader.view.Document().Title, a.reader.view.Document().Byline)
	}
	// A second start over the same library must not import the demo again.
	a2 := newApp(a.fa, lib, Options{}, true, nil)
	defer a2.win.Close()
	if infos, _ := lib.Articles(); len(infos) != 1 {
		t.Errorf("second start: %d articles, want 1", len(infos))
	}
	if a2.ctl.current != a.ctl.current {
		t.Errorf("second start shows %q, want the last article %q", a2.ctl.current, a.ctl.current)
	}
}

// importTestFile imports the user's sample page copy through the File ▸ Open path.
func importTestFile(t *testing.T, a *App) string {
	t.Helper()
	seed := filepath.Join("..", "..", "shared", "seeds", "000_dcb08cbd2e7ce4f1.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("the sample page copy is not here (../shared/seeds): " + err.Error())
	}
	a.importer.importURI(fynestorage.NewFileURI(seed), nil)
	if a.ctl.current == "" || a.ctl.art == nil || len(a.ctl.art.Blocks) == 0 {
		t.Fatalf("import did not open the article (status %q)", a.shell.status.Text)
	}
	if detailsDialog(a) != nil {
		pressKey(a, fyne.KeyEscape) // the copy names no address: Skip the question (articleinfo_test.go asks it)
	}
	return a.ctl.current
}

// dragSelect selects text in the ArticleView as a reader does, by pressing
// the mouse, dragging across the first lines and letting go.
func dragSelect(t *testing.T, a *App) (int, int) {
	t.Helper()
	c := a.win.Canvas()
	v := a.reader.view
	v.SetTopOffset(0) // the body's first line at the top, the header above it scrolled away
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	from := pos.Add(fyne.NewPos(30, 20))
	to := from.Add(fyne.NewPos(300, 40))
	target, origin := findDraggable(c, from)
	if target == nil {
		t.Fatal("no draggable object under the article text")
	}
	mouseEvent(target, origin, from, true)
	test.Drag(c, to, to.X-from.X, to.Y-from.Y)
	mouseEvent(target, origin, to, false)
	s, e := v.Selection()
	if s == e {
		t.Fatalf("dragging over the article selected nothing")
	}
	return s, e
}

func TestHighlightFlow(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	artID := importTestFile(t, a)
	start, end := dragSelect(t, a)

	// H opens the picker at once.
	if f := focusable(a.reader.view); f != nil {
		a.win.Canvas().Focus(f)
	}
	test.TypeOnCanvas(a.win.Canvas(), "h")
	p := a.ctl.picker
	if p == nil {
		t.Fatal("H did not open the actor picker")
	}
	q := p.Focus()
	// Two actors typed by name: both are known to the built-in knowledge,
	// so they come with their canonical names, aliases and Wikidata ids.
	p.SetNewKind("person")
	test.Type(q, "Kim Jong Un")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.SetNewKind("state")
	test.Type(q, "Russland")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// and one nobody knows: Enter creates it with the chosen kind
	p.SetNewKind("organisation")
	test.Type(q, "Koreastudien-Institut Seoul")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.SetRole(0, "speaker")
	p.SetRole(1, "target")
	p.SetNote("Drohung gegen Seoul")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter on the empty field saves

	hls, err := lib.Highlights(artID)
	if err != nil || len(hls) != 1 {
		t.Fatalf("highlights = %+v, %v; want 1", hls, err)
	}
	h := hls[0]
	if h.Start != start || h.End != end || h.Note != "Drohung gegen Seoul" {
		t.Errorf("highlight = [%d,%d) %q, want [%d,%d) with the note", h.Start, h.End, h.Note, start, end)
	}
	if len(h.Actors) != 3 || h.Actors[0].Role != annotation.RoleSpeaker || h.Actors[1].Role != annotation.RoleTarget || h.Actors[2].Role != annotation.RoleMentioned {
		t.Fatalf("actors = %+v", h.Actors)
	}
	inst, err := lib.Actor(h.Actors[2].ActorID)
	if err != nil || inst.Name != "Koreastudien-Institut Seoul" || inst.Kind != annotation.KindOrganisation {
		t.Errorf("new actor = %+v, %v", inst, err)
	}
	kim, err := lib.Actor(h.Actors[0].ActorID)
	if err != nil || kim.Name != "Kim Jong-un" || kim.Kind != annotation.KindPerson || kim.Wikidata == "" {
		t.Errorf("first actor = %+v, %v", kim, err)
	}
	ru, err := lib.Actor(h.Actors[1].ActorID)
	if err != nil || ru.Name != "Russland" || ru.Kind != annotation.KindState {
		t.Errorf("second actor = %+v, %v", ru, err)
	}
	if c := a.notes.Card(h.ID); c == nil || c.Note() != "Drohung gegen Seoul" {
		t.Fatalf("notes pane does not show the new highlight")
	}

	// A second highlight with Russland only, chosen by digit 1 (recent).
	a.reader.view.SetSelection(end+5, end+40)
	a.ctl.highlightSelection()
	p = a.ctl.picker
	q = p.Focus()
	// the empty-query list is suggestions then recent actors; pick Russland
	idx := -1
	for i, pa := range p.Shown() {
		if pa.ID == ru.ID {
			idx = i
		}
	}
	if idx < 0 || idx > 8 {
		t.Fatalf("Russland is not among the listed recent actors: %+v", p.Shown())
	}
	test.Type(q, string(rune('1'+idx)))
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if hls, _ = lib.Highlights(artID); len(hls) != 2 {
		t.Fatalf("want 2 highlights, have %d", len(hls))
	}

	// Filter by actor: Kim appears in one highlight, Russland in two.
	a.notes.setFilter(kim.ID)
	if n := len(a.notes.cards); n != 1 {
		t.Errorf("filtered by Kim Jong Un: %d cards, want 1", n)
	}
	a.notes.setFilter(ru.ID)
	if n := len(a.notes.cards); n != 2 {
		t.Errorf("filtered by Russland: %d cards, want 2", n)
	}
	a.notes.setFilter("")

	// Rename an actor in the Actors window: the notes pane follows.
	a.ctl.showActors()
	a.ctl.actorsW.selectActor(ru.ID)
	a.ctl.actorsW.name.SetText("Russische Föderation")
	a.ctl.actorsW.save()
	if got := strings.Join(a.notes.Card(h.ID).ChipLabels(), "|"); got != "Kim Jong-un · speaker|Russische Föderation · target|Koreastudien-Institut Seoul" {
		t.Errorf("after rename, chips = %q", got)
	}
	if len(a.ctl.actorsW.hls) != 2 {
		t.Errorf("Actors window lists %d highlights of the renamed actor, want 2", len(a.ctl.actorsW.hls))
	}

	// Undo takes back the last change (the second highlight), then the first.
	a.ctl.undoLast()
	if hls, _ = lib.Highlights(artID); len(hls) != 1 || hls[0].ID != h.ID {
		t.Fatalf("after undo: %+v, want only the first highlight", hls)
	}
	// Delete and undo the delete: the highlight comes back as it was.
	a.ctl.deleteHighlight(h.ID)
	if hls, _ = lib.Highlights(artID); len(hls) != 0 {
		t.Fatalf("after delete: %d highlights", len(hls))
	}
	a.undoKey()
	hls, _ = lib.Highlights(artID)
	if len(hls) != 1 || hls[0].ID != h.ID || hls[0].Note != h.Note || len(hls[0].Actors) != 3 {
		t.Fatalf("undo of delete: %+v", hls)
	}
	if a.notes.Card(h.ID) == nil {
		t.Error("notes pane does not show the restored highlight")
	}
}

func TestEditHighlightAndUndo(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.editHighlight(h.ID)
	p := a.ctl.picker
	p.SetNote("changed")
	p.Submit()
	got, _ := lib.Highlight(h.ID)
	if got.Note != "changed" {
		t.Fatalf("note after edit = %q", got.Note)
	}
	if c := a.notes.Card(h.ID); c == nil || c.Note() != "changed" {
		t.Error("notes pane did not follow the edit")
	}
	// The closed picker must not keep the keyboard: Ctrl+Z (the menu's
	// action, as the real key runs it) has to reach the highlight, not the
	// hidden note field.
	if f := a.win.Canvas().Focused(); f != focusable(a.reader.view) {
		t.Errorf("after the picker closed the focus is on %T, want the reader", f)
	}
	// Ctrl+Z as the desktop driver delivers it: Fyne's ShortcutUndo to
	// the focused reader.
	a.reader.view.TypedShortcut(&fyne.ShortcutUndo{})
	got, _ = lib.Highlight(h.ID)
	if got.Note != demoNote {
		t.Errorf("note after undo = %q, want the original", got.Note)
	}
}

func TestPickerSuggestsActorsNamedInPassage(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	// "President of the United States" names an actor by its alias.
	i := strings.Index(a.ctl.art.Text(), "The President of the United States")
	start := len([]rune(a.ctl.art.Text()[:i]))
	a.reader.view.SetSelection(start, start+len([]rune("The President of the United States of America and the Prime Minister, Mr. Churchill")))
	a.ctl.highlightSelection()
	var names []string
	for _, pa := range a.ctl.picker.Shown() {
		names = append(names, pa.Name)
	}
	got := strings.Join(names, "|")
	for _, want := range []string{"Franklin D. Roosevelt", "United States", "Winston Churchill"} {
		if !strings.Contains(got, want) {
			t.Errorf("suggestions %q lack %s", got, want)
		}
	}
}

func TestImportErrorIsShownInPlainWords(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	empty := filepath.Join(t.TempDir(), "empty.html")
	if err := os.WriteFile(empty, []byte("<html><body><nav>Menu</nav></body></html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.importer.importURI(fynestorage.NewFileURI(empty), nil)
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Errorf("a page without text left %d article(s) behind", len(infos))
	}
	ov := a.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no error dialog shown")
	}
	if !strings.Contains(renderedText(ov), "empty.html") {
		t.Errorf("error dialog does not name the file: %q", renderedText(ov))
	}
}

func TestMenusShowShortcuts(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	want := map[string]bool{"Open File…": false, "Open URL…": false, "Paste Page from Browser": false,
		"Undo Highlight Change": false, "Highlight Selection… (or H)": false, "Actors…": false, "Quit": false}
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if _, ok := want[it.Label]; ok {
				want[it.Label] = it.Shortcut != nil
			}
		}
	}
	for label, ok := range want {
		if !ok {
			t.Errorf("menu item %q has no shortcut", label)
		}
	}
}

func TestPickingKnownSuggestionAddsActorWithAliases(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	importTestFile(t, a)
	text := a.ctl.art.Text()
	i := strings.Index(text, "Nordkorea")
	if i < 0 {
		t.Fatal("the sample page no longer mentions Nordkorea: choose a state it does mention")
	}
	start := len([]rune(text[:i]))
	a.reader.view.SetSelection(start, start+len([]rune("Nordkorea")))
	a.ctl.highlightSelection()
	p := a.ctl.picker
	idx := -1
	for i, pa := range p.Shown() {
		if pa.Name == "Nordkorea" && pa.ID == "" {
			idx = i
		}
	}
	if idx < 0 || idx > 8 {
		t.Fatalf("Nordkorea is not suggested as a known actor: %+v", p.Shown())
	}
	q := p.Focus()
	test.Type(q, string(rune('1'+idx)))
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	act, ok, err := lib.FindActor("pjöngjang")
	if err != nil || !ok {
		t.Fatalf("the new actor is not found by its alias Pjöngjang: %v %v", ok, err)
	}
	if act.Name != "Nordkorea" || act.Kind != annotation.KindState || act.Wikidata == "" {
		t.Errorf("actor = %+v, want the built-in Nordkorea with its Wikidata id", act)
	}
	if c := a.notes.Card(a.ctl.hls[0].ID); c == nil || !strings.Contains(strings.Join(c.ChipLabels(), "|"), "Nordkorea") {
		t.Error("notes pane does not show the new actor")
	}
}

func TestExportAndCopyAsMarkdown(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	workWithDemo(t, a)
	dir := t.TempDir()
	a.exporter.exportTo(dir, 0)
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) != 1 {
		t.Fatalf("export wrote %v, %v; want one note", files, err)
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), "they respect the right of all peoples") || !strings.Contains(string(b), "[[Winston Churchill") {
		t.Errorf("note lacks the highlight or its actor link:\n%s", b)
	}
	a.exporter.copyArticleMarkdown()
	if c := a.fa.Clipboard().Content(); !strings.Contains(c, "The Atlantic Charter") {
		t.Errorf("clipboard after Copy Article as Markdown: %q", c)
	}
	a.exporter.copyHighlightMarkdown(a.ctl.hls[0].ID)
	if c := a.fa.Clipboard().Content(); !strings.HasPrefix(c, "> they respect") {
		t.Errorf("clipboard after Copy as Markdown: %q", c)
	}
}

func TestPasteAndDropImport(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	seed := filepath.Join("..", "..", "shared", "seeds", "000_dcb08cbd2e7ce4f1.txt")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Skip("the sample page copy is not here (../shared/seeds): " + err.Error())
	}
	a.fa.Clipboard().SetContent(string(data))
	a.importer.pastePage()
	infos, _ := lib.Articles()
	if len(infos) != 1 || a.ctl.current != infos[0].ID || !strings.Contains(a.ctl.art.Title, "Nordkorea") {
		t.Fatalf("paste imported %+v; reader shows %q", infos, a.ctl.current)
	}
	if strings.Contains(a.ctl.art.Text(), "Artikel anhören") {
		t.Error("the pasted page kept the page furniture (\"Artikel anhören\"): the plain-text cleaner was not used")
	}
	if detailsDialog(a) == nil {
		t.Fatal("the copy names no address, but nobody asked for it")
	}
	pressKey(a, fyne.KeyEscape) // Skip: a file dropped while a dialog is open is imported, not opened
	html := filepath.Join(t.TempDir(), "page.html")
	page := `<html><head><title>Kreml droht Kiew</title></head><body><article><h1>Kreml droht Kiew</h1>` +
		strings.Repeat(`<p>Moskau hat am Montag erneut gedroht, sagte ein Sprecher des Kremls in einer langen Erklärung an die Presse.</p>`, 6) +
		`</article></body></html>`
	if err := os.WriteFile(html, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	a.importer.dropped(fyne.NewPos(10, 10), []fyne.URI{fynestorage.NewFileURI(html)})
	if infos, _ = lib.Articles(); len(infos) != 2 {
		t.Fatalf("drop: %d articles, want 2", len(infos))
	}
	if a.ctl.art.Title != "Kreml droht Kiew" || len(rows(a.library)) != 2 {
		t.Errorf("after drop the reader shows %q and the list has %d rows", a.ctl.art.Title, len(rows(a.library)))
	}
}

func TestTypingAKnownNameOffersBuiltInActor(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	importTestFile(t, a)
	a.reader.view.SetSelection(0, 20)
	a.ctl.highlightSelection()
	p := a.ctl.picker
	q := p.Focus()
	test.Type(q, "Vereinigte Staaten")
	shown := p.Shown()
	if len(shown) == 0 || shown[0].ID != "" || len(shown[0].Aliases) == 0 {
		t.Fatalf("typing a known state offers %+v, want the built-in actor with aliases", shown)
	}
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.Submit()
	act, ok, err := lib.FindActor("USA")
	if err != nil || !ok || act.Kind != annotation.KindState {
		t.Fatalf("the built-in actor was not added with its aliases: %+v %v %v", act, ok, err)
	}
}
