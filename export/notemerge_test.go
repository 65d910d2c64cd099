package export

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

// kimNote is the file name of the fixture's first article's note.
const kimNote = "Kim Wir sind bereit – Nordkorea, Russland & China.md"

// exportFixture writes the fixture's article notes into a new folder.
func exportFixture(t *testing.T) (string, *Library) {
	t.Helper()
	dir := t.TempDir()
	lib := fixtureLibrary()
	if _, err := WriteFolder(dir, lib, PerArticle); err != nil {
		t.Fatal(err)
	}
	return dir, lib
}

// editNote rewrites a note with edit applied to its text.
func editNote(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	old := readFile(t, path)
	s := edit(old)
	if s == old {
		t.Fatalf("the edit changed nothing in\n%s", old)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// highlightOf returns a pointer to the fixture highlight id.
func highlightOf(lib *Library, id string) *annotation.Highlight {
	for i := range lib.Articles {
		for j := range lib.Articles[i].Highlights {
			if h := &lib.Articles[i].Highlights[j]; h.ID == id {
				return h
			}
		}
	}
	panic("no highlight " + id)
}

// checkOneManagedPart fails unless the note has one begin and one end
// marker, in that order.
func checkOneManagedPart(t *testing.T, note string) {
	t.Helper()
	d := parseNote(note)
	if b, e, err := d.managedSpan(); err != nil || b < 0 || e < b {
		t.Errorf("managed part (%d, %d, %v) in\n%s", b, e, err, note)
	}
}

// TestReaderLinesInsideManagedPart: a line written under a highlight and
// text typed after the end marker on its line survive an export that
// changes that highlight's actors, deletes another highlight and renames
// the article.
func TestReaderLinesInsideManagedPart(t *testing.T) {
	dir, lib := exportFixture(t)
	path := filepath.Join(dir, kimNote)
	editNote(t, path, func(s string) string {
		s = strings.Replace(s, "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]]\n", "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]]\nMy thought on this.\n", 1)
		return strings.Replace(s, " -->\n", " --> and my remark\n", 2)
	})
	h1 := highlightOf(lib, "01JHL1000000000000000000AA")
	h1.Actors = append(h1.Actors, annotation.ActorRef{ActorID: "01JBREMMER00000000000000AA", Role: annotation.RoleTarget})
	art := &lib.Articles[1]
	art.Highlights = slices.DeleteFunc(art.Highlights, func(h annotation.Highlight) bool { return h.ID == "01JHL2000000000000000000AA" })
	art.Title = "Neuer Titel"
	rep, err := WriteFolder(dir, lib, PerArticle)
	if err != nil || len(rep.Conflicts) != 0 || len(rep.Skipped) != 0 || rep.Kept != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	got := readFile(t, path)
	for _, want := range []string{
		"[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]] · [[Ian Bremmer]] (target)\nMy thought on this.\n",
		"\n and my remark\n", "# Neuer Titel\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "hl-01jhl2") || strings.Count(got, "and my remark") != 2 {
		t.Errorf("after the export:\n%s", got)
	}
	checkOneManagedPart(t, got)
	// Again, unchanged: nothing is written, nothing moves.
	rep, _ = WriteFolder(dir, lib, PerArticle)
	if len(rep.Written) != 0 || readFile(t, path) != got {
		t.Errorf("a repeated export rewrote the note: %+v", rep)
	}
}

// TestConflictCopy: the reader and Dramatis change the same line. The
// note keeps the reader's line, a conflict copy holds Dramatis's version,
// the report names both, and the copy is never taken for the note.
func TestConflictCopy(t *testing.T) {
	dir, lib := exportFixture(t)
	path := filepath.Join(dir, kimNote)
	editNote(t, path, func(s string) string {
		return strings.Replace(s, "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]]\n", "[[Kim Jong-un]] (speaker, I think; opposes Sanktionen; on Atomprogramm) · [[China]]\n", 1)
	})
	h1 := highlightOf(lib, "01JHL1000000000000000000AA")
	h1.Actors = h1.Actors[:1]
	rep, err := WriteFolder(dir, lib, PerArticle)
	if err != nil || len(rep.Conflicts) != 1 || rep.Conflicts[0].Note != kimNote || rep.Conflicts[0].Copy == "" {
		t.Fatalf("%+v %v", rep, err)
	}
	got := readFile(t, path)
	if !strings.Contains(got, "(speaker, I think; opposes Sanktionen; on Atomprogramm) · [[China]]\n") {
		t.Errorf("the reader's line was not kept:\n%s", got)
	}
	cp := readFile(t, filepath.Join(dir, rep.Conflicts[0].Copy))
	if !strings.Contains(cp, "\n[[Kim Jong-un]] (speaker; opposes Sanktionen)\n") || strings.Contains(cp, "dramatis_id") || !strings.Contains(cp, "conflict_of: '[["+strings.TrimSuffix(kimNote, ".md")+"]]'") {
		t.Errorf("conflict copy:\n%s", cp)
	}
	checkOneManagedPart(t, got)
	// The next export finds nothing new to argue about.
	rep, _ = WriteFolder(dir, lib, PerArticle)
	if len(rep.Conflicts) != 0 || len(rep.Written) != 0 || readFile(t, path) != got {
		t.Errorf("second export: %+v", rep)
	}
	notes := 0
	for _, f := range listDir(t, dir) {
		if strings.HasPrefix(f, "Kim Wir sind bereit") {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("files %q", listDir(t, dir))
	}
}

// TestNoteFoundDespiteBOMOrTextAbove: a byte order mark, or text the
// reader wrote above the front matter, does not hide the note: no second
// note is written, and the text above stays.
func TestNoteFoundDespiteBOMOrTextAbove(t *testing.T) {
	dir, lib := exportFixture(t)
	path := filepath.Join(dir, kimNote)
	con := filepath.Join(dir, "_CON.md")
	editNote(t, path, func(s string) string { return "\ufeff" + s })
	editNote(t, con, func(s string) string { return "Written above the properties.\n\n" + s })
	lib.Articles[1].Title = "Neuer Titel"
	lib.Articles[0].Highlights[0].Note = "new note"
	rep, err := WriteFolder(dir, lib, PerArticle)
	if err != nil || len(rep.Written) != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	if files := listDir(t, dir); len(files) != 3 {
		t.Errorf("a second note was written: %q", files)
	}
	if got := readFile(t, path); !strings.HasPrefix(got, "---\ntitle: Neuer Titel\n") {
		t.Errorf("BOM note:\n%s", got)
	}
	got := readFile(t, con)
	if !strings.HasPrefix(got, "Written above the properties.\n\n---\n") || !strings.Contains(got, "\nnew note\n") {
		t.Errorf("note with text above:\n%s", got)
	}
}

// TestDeletedMarkers: with the record of the last export, a note whose
// markers the reader deleted is merged as a whole: Dramatis's lines are
// updated in place, not added a second time, and the markers come back.
func TestDeletedMarkers(t *testing.T) {
	for _, which := range []string{"begin", "end", "both"} {
		dir, lib := exportFixture(t)
		path := filepath.Join(dir, kimNote)
		editNote(t, path, func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				k := markerKind(l)
				if k == isBegin && which != "end" || k == isEnd && which != "begin" {
					continue
				}
				out = append(out, l)
				if strings.HasPrefix(l, "^hl-01jhl3") {
					out = append(out, "", "My line under the third.")
				}
			}
			return "My line above.\n" + strings.Join(out, "\n")
		})
		highlightOf(lib, "01JHL3000000000000000000AA").Note = "changed in Dramatis"
		rep, err := WriteFolder(dir, lib, PerArticle)
		if err != nil || len(rep.Skipped) != 0 || len(rep.Conflicts) != 0 {
			t.Fatalf("%s: %+v %v", which, rep, err)
		}
		got := readFile(t, path)
		if strings.Count(got, "^hl-01jhl1") != 1 || !strings.Contains(got, "My line under the third.") ||
			!strings.Contains(got, "changed in Dramatis") || strings.Contains(got, "no actors here") || !strings.Contains(got, "My line above.") {
			t.Errorf("%s:\n%s", which, got)
		}
		checkOneManagedPart(t, got)
	}
}

// TestNoteFromOlderDramatis: a note written before exports kept a record
// (its end marker has no hash) keeps every line that Dramatis's new
// version lacks, and says how many.
func TestNoteFromOlderDramatis(t *testing.T) {
	dir, lib := exportFixture(t)
	os.RemoveAll(filepath.Join(dir, stateDir))
	path := filepath.Join(dir, kimNote)
	editNote(t, path, func(s string) string {
		s = strings.Replace(s, "no actors here\n", "no actors here\nMine, under it.\n", 1)
		i := strings.Index(s, endMarker)
		return s[:i] + endMarker + " -->\n"
	})
	art := &lib.Articles[1]
	art.Highlights = slices.DeleteFunc(art.Highlights, func(h annotation.Highlight) bool { return h.ID == "01JHL2000000000000000000AA" })
	rep, err := WriteFolder(dir, lib, PerArticle)
	if err != nil || rep.Kept == 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	got := readFile(t, path)
	if !strings.Contains(got, "no actors here\nMine, under it.\n") {
		t.Errorf("the reader's line was lost:\n%s", got)
	}
	checkOneManagedPart(t, got)
}
