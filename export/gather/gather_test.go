package gather

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// newLibrary opens a library in a temporary folder with two articles (the
// second imported later) and a highlight on the first.
func newLibrary(t *testing.T) (*storage.Library, []string) {
	t.Helper()
	lib, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	var ids []string
	for _, title := range []string{"Erster", "Zweiter"} {
		r, err := lib.ImportArticle(&article.Article{Title: title, Blocks: []article.Block{{Type: article.Paragraph, Text: title + " Text über Peking."}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
		time.Sleep(2 * time.Millisecond)
	}
	china, err := lib.AddActor(annotation.Actor{Name: "China", Kind: annotation.KindState})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: ids[0], Start: 0, End: 6, Actors: []annotation.ActorRef{{ActorID: china.ID}}}); err != nil {
		t.Fatal(err)
	}
	return lib, ids
}

func TestLibrary(t *testing.T) {
	lib, ids := newLibrary(t)
	all, skipped, err := Library(lib, nil)
	if err != nil || len(skipped) != 0 {
		t.Fatal(err, skipped)
	}
	if len(all.Articles) != 2 || all.Articles[0].ID != ids[1] || all.Articles[1].Title != "Erster" || len(all.Actors) != 1 {
		t.Fatalf("whole library, newest first: %+v", all)
	}
	if hs := all.Articles[1].Highlights; len(hs) != 1 || hs[0].Quote.Exact != "Erster" || len(all.Articles[1].Blocks) != 0 {
		t.Errorf("first article: %+v", all.Articles[1])
	}
	// By id and by prefix, each once, in the order asked.
	some, _, err := Library(lib, []string{ids[0], ids[1], ids[0][:len(ids[0])-1]})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range some.Articles {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("named articles %q, want %q", got, ids)
	}
	if _, _, err := Library(lib, []string{"NOPE"}); err == nil {
		t.Error("an unknown article was not refused")
	}
}

func TestPreferences(t *testing.T) {
	lib, _ := newLibrary(t)
	lib.SetPreference("theme", []byte("dark"))
	lib.SetPreference("blob", []byte{0xff, 0xfe})
	prefs, skipped, err := Preferences(lib)
	if err != nil {
		t.Fatal(err)
	}
	if prefs["theme"] != "dark" || len(prefs) != 1 || !slices.Equal(skipped, []string{"blob"}) {
		t.Errorf("prefs %v, skipped %v", prefs, skipped)
	}
}

// TestNotesWriteWhatLibraryWrites: a folder export read one article at a
// time (Notes) writes the same files, byte for byte, as one of the whole
// library read first (Library), in every grouping, and leaves out what it
// is told to.
func TestNotesWriteWhatLibraryWrites(t *testing.T) {
	lib, ids := newLibrary(t)
	// A title shared by an older and a newer article: the older keeps the
	// plain name, whichever is written first.
	if _, err := lib.ImportArticle(&article.Article{Title: "Erster", URL: "https://example.org/again",
		Blocks: []article.Block{{Type: article.Paragraph, Text: "Noch ein erster Text über Peking."}}}); err != nil {
		t.Fatal(err)
	}
	for _, g := range []export.Grouping{export.PerArticle, export.ByActor, export.PerActor} {
		whole, skipped, err := Library(lib, nil)
		if err != nil || len(skipped) != 0 {
			t.Fatal(err, skipped)
		}
		want := t.TempDir()
		if _, err := export.WriteFolder(want, whole, g); err != nil {
			t.Fatal(err)
		}
		src, err := NewNotes(lib, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := t.TempDir()
		rep, err := export.WriteFolderFrom(got, src, g)
		if err != nil || len(src.Skipped) != 0 || len(rep.Skipped) != 0 {
			t.Fatal(err, src.Skipped, rep.Skipped)
		}
		w, s := folderFiles(t, want), folderFiles(t, got)
		if !maps.Equal(w, s) || len(w) < 3 {
			t.Errorf("grouping %d: streamed export wrote\n%v\nwant\n%v", g, s, w)
		}
		if !strings.Contains(s["Erster.md"], ids[0]) {
			t.Errorf("grouping %d: the older of two articles titled Erster is not Erster.md:\n%s", g, s["Erster.md"])
		}
	}
	src, err := NewNotes(lib, nil)
	if err != nil {
		t.Fatal(err)
	}
	actors, _ := lib.Actors()
	src.LeaveOut(ids[0], map[string]bool{actors[0].ID: true})
	dir := t.TempDir()
	if _, err := export.WriteFolderFrom(dir, src, export.PerActor); err != nil {
		t.Fatal(err)
	}
	for name, text := range folderFiles(t, dir) {
		if strings.Contains(text, ids[0]) || strings.Contains(text, actors[0].ID) || strings.HasPrefix(name, "China") {
			t.Errorf("%s holds what was left out:\n%s", name, text)
		}
	}
}

// folderFiles reads the notes of a folder (name → text), without the
// export's record.
func folderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestNotesSkipAnUnreadableArticle: an article whose record does not read
// is left out of a folder export and named; the others are written.
func TestNotesSkipAnUnreadableArticle(t *testing.T) {
	lib, ids := newLibrary(t)
	path := lib.Path()
	lib.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("articles")).Put([]byte(ids[1]), []byte("{damaged"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	lib, err = storage.OpenWith(path, storage.Options{Salvage: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	src, err := NewNotes(lib, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Heads()) != 1 || src.Heads()[0].ID != ids[0] || len(src.Skipped) != 1 || !strings.Contains(src.Skipped[0].Error(), ids[1]) {
		t.Fatalf("heads %+v, skipped %v; want only %s, and %s named", src.Heads(), src.Skipped, ids[0], ids[1])
	}
	dir := t.TempDir()
	rep, err := export.WriteFolderFrom(dir, src, export.PerArticle)
	if err != nil || len(rep.Written) != 1 || rep.Written[0] != "Erster.md" {
		t.Errorf("wrote %v (%v), want Erster.md", rep.Written, err)
	}
}

// The notice for an article left out says what goes with it, in words
// that agree with the count.
func TestUnreadableTextNotice(t *testing.T) {
	for _, c := range []struct {
		highlights int
		want       string
	}{
		{0, `article A1 ("Titel") is not in the backup: its text could not be read`},
		{1, `article A1 ("Titel") and its 1 highlight are not in the backup: its text could not be read`},
		{3, `article A1 ("Titel") and its 3 highlights are not in the backup: its text could not be read`},
	} {
		a := &export.Article{Highlights: make([]annotation.Highlight, c.highlights)}
		a.Title = "Titel"
		if got := unreadableText("A1", a).Error(); got != c.want {
			t.Errorf("%d highlights: %q, want %q", c.highlights, got, c.want)
		}
	}
}
