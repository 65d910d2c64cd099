package export

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestFolderRepeatedExport writes notes, lets the reader edit them, then
// exports again after a highlight was deleted and the article renamed.
func TestFolderRepeatedExport(t *testing.T) {
	dir := t.TempDir()
	lib := fixtureLibrary()
	// A file of the reader's with the name the first article would get.
	if err := os.WriteFile(filepath.Join(dir, "_CON.md"), []byte("my own note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := WriteFolder(dir, lib, PerActor)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 6 || len(rep.Skipped) != 0 {
		t.Fatalf("first export: %+v", rep)
	}
	if got := readFile(t, filepath.Join(dir, "_CON.md")); got != "my own note\n" {
		t.Fatalf("the reader's file was touched: %q", got)
	}
	files := listDir(t, dir)
	want := []string{".dramatis", "AC DC The Band 1.md", "China.md", "Ian Bremmer.md", "Kim Jong-un.md", "Kim Wir sind bereit – Nordkorea, Russland & China.md", "_CON 0000000a.md", "_CON.md"}
	if !slices.Equal(files, want) {
		t.Fatalf("files %q, want %q", files, want)
	}
	kimPath := filepath.Join(dir, "Kim Wir sind bereit – Nordkorea, Russland & China.md")
	note := readFile(t, kimPath)
	if !strings.Contains(note, "\n"+beginLine+"\n") || !strings.HasSuffix(strings.TrimRight(note, "\n"), markerClose) || !strings.Contains(note, "\n"+endMarker+" ") {
		t.Fatalf("no managed region:\n%s", note)
	}
	// The actor notes link to the article notes' real names.
	if china := readFile(t, filepath.Join(dir, "China.md")); !strings.Contains(china, "[[_CON 0000000a#^hl-01jhl5") {
		t.Errorf("China does not link to the renamed CON note:\n%s", china)
	}

	// The reader adds a property, a line above and lines below.
	fm, body, _ := splitFrontMatter(note)
	edited := "---\n" + fm + "rating: 5\n---\nMy summary above.\n" + strings.TrimPrefix(body, "\n") + "\n## My thoughts\n\nKeep this!\n"
	edited = strings.Replace(edited, "tags:\n  - dramatis\n", "tags:\n  - reading\n  - dramatis\n", 1)
	if err := os.WriteFile(kimPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err = WriteFolder(dir, lib, PerActor)
	if got := readFile(t, kimPath); got != edited {
		t.Fatalf("an unchanged export rewrote the edited note:\n%s\n----\n%s", edited, got)
	}
	if err != nil || len(rep.Written) != 0 || len(rep.Unchanged) != 6 {
		t.Fatalf("unchanged re-export wrote: %+v %v", rep, err)
	}
	if got := readFile(t, kimPath); got != edited {
		t.Fatalf("an unchanged export rewrote the edited note:\n%s\n----\n%s", edited, got)
	}

	// Delete a highlight and rename the article in Dramatis.
	art := &lib.Articles[1]
	art.Highlights = slices.DeleteFunc(art.Highlights, func(h annotation.Highlight) bool { return h.ID == "01JHL2000000000000000000AA" })
	art.Title = "Neuer Titel"
	rep, err = WriteFolder(dir, lib, PerActor)
	if err != nil || len(rep.Skipped) != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	got := readFile(t, kimPath) // found by its dramatis_id, name kept
	for _, keep := range []string{"rating: 5", "- reading", "- dramatis", "My summary above.\n", "## My thoughts\n\nKeep this!\n", "# Neuer Titel", "title: Neuer Titel", "^hl-01jhl1"} {
		if !strings.Contains(got, keep) {
			t.Errorf("lost %q:\n%s", keep, got)
		}
	}
	if strings.Contains(got, "hl-01jhl2") || strings.Contains(got, "Waffen") {
		t.Errorf("the deleted highlight is still there:\n%s", got)
	}
	if strings.Count(got, "dramatis:begin") != 1 || strings.Count(got, "dramatis:end") != 1 {
		t.Errorf("markers doubled:\n%s", got)
	}
	if ian := readFile(t, filepath.Join(dir, "Ian Bremmer.md")); strings.Contains(ian, "hl-01jhl2") {
		t.Errorf("the deleted highlight is still in the actor note")
	}
	r := render(t, []byte(got))
	if r.props["rating"] != 5 || r.props["dramatis_id"] != art.ID {
		t.Errorf("properties after merge: %v", r.props)
	}
	if len(listDir(t, dir)) != 8 {
		t.Errorf("files: %q", listDir(t, dir))
	}
}

// TestFolderBrokenNotes checks notes Dramatis cannot merge are reported
// and left untouched.
func TestFolderBrokenNotes(t *testing.T) {
	lib := fixtureLibrary()
	for _, tc := range []struct{ name, content, reason string }{
		{"bad yaml", "---\ndramatis_id: 01JART2000000000000000000A\ntitle: [unclosed\n---\n", "not valid YAML"},
		{"no end", "---\ndramatis_id: 01JART2000000000000000000A\n---\n" + beginLine + "\n# x\n", "no dramatis:end"},
		{"two begins", "---\ndramatis_id: 01JART2000000000000000000A\n---\n" + beginLine + "\n" + endMarker + " -->\n" + beginLine + "\n" + endMarker + " -->\n", "more than one"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "mine.md")
		os.WriteFile(path, []byte(tc.content), 0o644)
		rep, err := WriteFolder(dir, &Library{Articles: lib.Articles[:1], Actors: lib.Actors}, PerArticle)
		if err != nil {
			t.Fatal(err)
		}
		if tc.name == "bad yaml" {
			// Its id cannot be read, so it is not taken for the note:
			// the note is written beside it.
			if len(rep.Written) != 1 || readFile(t, path) != tc.content {
				t.Errorf("%s: %+v", tc.name, rep)
			}
			continue
		}
		if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Error(), tc.reason) || readFile(t, path) != tc.content {
			t.Errorf("%s: %+v", tc.name, rep)
		}
	}
}

// TestFolderNoMarkers: a note whose markers the reader removed keeps all
// its text; the managed part is added after it.
func TestFolderNoMarkers(t *testing.T) {
	dir := t.TempDir()
	lib := &Library{Articles: fixtureLibrary().Articles[:1], Actors: fixtureLibrary().Actors}
	path := filepath.Join(dir, "renamed by me.md")
	os.WriteFile(path, []byte("---\ndramatis_id: 01JART2000000000000000000A\n---\nOnly my words.\n"), 0o644)
	if _, err := WriteFolder(dir, lib, PerArticle); err != nil {
		t.Fatal(err)
	}
	got := readFile(t, path)
	if !strings.Contains(got, "\nOnly my words.\n\n"+beginLine) || !strings.Contains(got, "# CON") {
		t.Errorf("got:\n%s", got)
	}
	if files := listDir(t, dir); len(files) != 2 {
		t.Errorf("files %q", files)
	}
}

// FuzzMergeNote feeds arbitrary existing notes to the merge: it must not
// panic, and when it merges, the result has one managed part, reads back
// with its dramatis_id, and merging again changes nothing.
func FuzzMergeNote(f *testing.F) {
	lib := fixtureLibrary()
	n := Notes(&Library{Articles: lib.Articles[:1], Actors: lib.Actors}, PerArticle, NewNames(lib, nil, nil), false)[0]
	f.Add(string(freshNote(n)))
	f.Add("---\ntitle: x\nrating: 5\n---\nmine\n" + beginLine + "\nold\n" + endMarker + " -->\nafter\n")
	f.Add("no front matter at all\n")
	f.Add("---\n[broken\n---\n")
	f.Add("---\n---\n" + endMarker + " -->\n")
	f.Fuzz(func(t *testing.T, old string) {
		out, _, err := mergeNote(old, n, nil)
		if err != nil {
			return
		}
		s := string(out)
		if c := strings.Count(s, "\n"+beginMarker); c != 1 {
			t.Fatalf("%d begin markers in\n%s", c, s)
		}
		if frontMatterID(s) != n.ID {
			t.Fatalf("the merged note lost its id:\n%s", s)
		}
		again, _, err := mergeNote(s, n, nil)
		if err != nil || string(again) != s {
			t.Fatalf("merging twice changes the note (%v):\n%s\n----\n%s", err, s, again)
		}
	})
}

func TestFolderFileMode(t *testing.T) {
	dir := t.TempDir()
	lib := fixtureLibrary()
	if _, err := WriteFolder(dir, lib, PerArticle); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, "_CON.md"))
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v %v", fi.Mode(), err)
	}
	for _, e := range listDir(t, dir) {
		if strings.HasSuffix(e, ".tmp") {
			t.Errorf("temporary file left: %s", e)
		}
	}
}

// TestFolderStateDirNotFollowed: a link (or a file) where the record of
// the export is kept is refused before anything is written, so the
// record is never read from or written to another folder through it.
func TestFolderStateDirNotFollowed(t *testing.T) {
	for _, tc := range []struct {
		name   string
		make   func(t *testing.T, state, victim string)
		reason string
	}{
		{"link to a folder", func(t *testing.T, state, victim string) {
			if err := os.Symlink(victim, state); err != nil {
				t.Fatal(err)
			}
		}, "is a link to " + "VICTIM"},
		{"dangling link", func(t *testing.T, state, victim string) {
			if err := os.Symlink(filepath.Join(victim, "gone"), state); err != nil {
				t.Fatal(err)
			}
		}, "does not follow"},
		{"a file", func(t *testing.T, state, victim string) {
			if err := os.WriteFile(state, []byte("mine\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "is not a folder"},
	} {
		dir, victim := t.TempDir(), t.TempDir()
		tc.make(t, filepath.Join(dir, stateDir), victim)
		_, err := WriteFolder(dir, fixtureLibrary(), PerActor)
		reason := strings.ReplaceAll(tc.reason, "VICTIM", victim)
		if err == nil || !strings.Contains(err.Error(), reason) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line with %q", tc.name, err, reason)
		}
		if files := listDir(t, victim); len(files) != 0 {
			t.Errorf("%s: written outside the notes folder: %q", tc.name, files)
		}
		if files := listDir(t, dir); len(files) != 1 {
			t.Errorf("%s: files %q, want only %s", tc.name, files, stateDir)
		}
	}
}

// TestFolderNoteLinks: a note whose file is a symbolic link is never
// written through, replaced or written a second time under another name
// (the reader's links would point at a note no longer updated): it is
// refused with one line naming the link and its target. A link to the
// note's own file inside the folder is not needed: the note is found by
// its dramatis_id in that file and updated there.
func TestFolderNoteLinks(t *testing.T) {
	for _, tc := range []struct {
		name string
		// link replaces the exported note (kimNote) with a link and
		// returns the link's target.
		link func(t *testing.T, dir, outside string) string
		// refused: the note is skipped, with the link named; else it is
		// written into target.
		refused bool
	}{
		{"note moved out of the folder", func(t *testing.T, dir, outside string) string {
			target := filepath.Join(outside, "x.md")
			if err := os.Rename(filepath.Join(dir, kimNote), target); err != nil {
				t.Fatal(err)
			}
			return target
		}, true},
		{"link to another file", func(t *testing.T, dir, outside string) string {
			target := filepath.Join(outside, "x.md")
			os.WriteFile(target, []byte("the reader's own file\n"), 0o644)
			os.Remove(filepath.Join(dir, kimNote))
			return target
		}, true},
		{"dangling link", func(t *testing.T, dir, outside string) string {
			os.Remove(filepath.Join(dir, kimNote))
			return filepath.Join(outside, "gone.md")
		}, true},
		{"link to the note renamed in the folder", func(t *testing.T, dir, outside string) string {
			target := filepath.Join(dir, "Kim moved.md")
			if err := os.Rename(filepath.Join(dir, kimNote), target); err != nil {
				t.Fatal(err)
			}
			return target
		}, false},
	} {
		dir, outside := t.TempDir(), t.TempDir()
		lib := fixtureLibrary()
		if _, err := WriteFolder(dir, lib, PerActor); err != nil {
			t.Fatal(err)
		}
		target := tc.link(t, dir, outside)
		if err := os.Symlink(target, filepath.Join(dir, kimNote)); err != nil {
			t.Fatal(err)
		}
		targetBefore, _ := os.ReadFile(target)
		before := listDir(t, dir)
		for i := range lib.Articles {
			for j := range lib.Articles[i].Highlights {
				lib.Articles[i].Highlights[j].Note += " changed"
			}
		}
		rep, err := WriteFolder(dir, lib, PerActor)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if files := listDir(t, dir); !slices.Equal(files, before) {
			t.Errorf("%s: files %q, were %q", tc.name, files, before)
		}
		if fi, err := os.Lstat(filepath.Join(dir, kimNote)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced: %v", tc.name, err)
		}
		targetAfter, _ := os.ReadFile(target)
		if !tc.refused {
			if len(rep.Skipped) != 0 || !strings.Contains(string(targetAfter), " changed") {
				t.Errorf("%s: %+v\n%s", tc.name, rep, targetAfter)
			}
			continue
		}
		if string(targetAfter) != string(targetBefore) {
			t.Errorf("%s: the link's target was written", tc.name)
		}
		want := kimNote + " is a link to " + target + ", which Dramatis does not follow"
		if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Error(), want) {
			t.Errorf("%s: skipped %q, want one with %q", tc.name, rep.Skipped, want)
		}
	}
}
