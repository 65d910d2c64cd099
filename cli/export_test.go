package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// exportCLI runs a command against the library file at lib.
func exportCLI(t *testing.T, lib string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "DRAMATIS_LIBRARY" {
			return lib
		}
		return ""
	}}
	code := Run(e, args)
	return code, out.String(), errb.String()
}

// seedLibrary makes a library with two articles, actors, highlights (one
// with a hostile quote and note) and preferences; it returns its path and
// the article ids (newest first).
func seedLibrary(t *testing.T) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	a1 := &article.Article{Title: `Kim: "Wir sind bereit"`, URL: "https://example.org/nk", Site: "Beispiel", Lang: "de",
		Published: time.Date(2024, 11, 8, 12, 0, 0, 0, time.UTC), Authors: []string{"Anna Müller"},
		Blocks: []article.Block{
			{Type: article.Paragraph, Text: "Nordkoreas Machthaber Kim Jong-un sagt: # Wir sind [[bereit]]."},
			{Type: article.Paragraph, Text: "- Peking schweigt | vorerst, sagt Ian Bremmer."},
		}}
	a2 := &article.Article{Title: "Leaders meet", URL: "https://example.org/summit", Lang: "en",
		Blocks: []article.Block{{Type: article.Paragraph, Text: "The leaders met in Geneva and agreed on very little."}}}
	var ids []string
	for _, a := range []*article.Article{a1, a2} {
		r, err := lib.ImportArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append([]string{r.ID}, ids...)
	}
	china, err := lib.AddActor(annotation.Actor{Name: "China", Kind: annotation.KindState, Aliases: []string{"Peking"}, Wikidata: "Q148"})
	if err != nil {
		t.Fatal(err)
	}
	ian, err := lib.AddActor(annotation.Actor{Name: "Ian Bremmer", Kind: annotation.KindPerson})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(a1.Text())
	idx := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		st := len([]rune(string(text)[:i]))
		return st, st + len([]rune(s))
	}
	s, e := idx("- Peking schweigt | vorerst, sagt Ian Bremmer.")
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: ids[1], Start: s, End: e, Note: "# not a heading\n- not a list",
		Actors: []annotation.ActorRef{{ActorID: ian.ID, Role: annotation.RoleSpeaker}, {ActorID: china.ID, Role: annotation.RoleMentioned}}}); err != nil {
		t.Fatal(err)
	}
	s, e = idx("Kim Jong-un sagt: # Wir sind [[bereit]].")
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: ids[1], Start: s, End: e}); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: ids[0], Start: 4, End: 11, Actors: []annotation.ActorRef{{ActorID: china.ID, Role: annotation.RoleTarget}}}); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetPreference("theme", []byte("dark")); err != nil {
		t.Fatal(err)
	}
	return path, ids
}

func TestExportMarkdownStdout(t *testing.T) {
	path, ids := seedLibrary(t)
	code, out, errs := exportCLI(t, path, "", "export", strings.ToLower(ids[1]), "--library", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"title: 'Kim: \"Wir sind bereit\"'\n", "dramatis_id: " + ids[1] + "\n", "# Kim: \"Wir sind bereit\"\n",
		"> \\- Peking schweigt \\| vorerst, sagt Ian Bremmer.\n", "[[Ian Bremmer]] (speaker) · [[China]]\n", "\\# not a heading\n\\- not a list\n",
		"> Kim Jong-un sagt: \\# Wir sind \\[\\[bereit\\]\\].\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	// The whole library: one document, both articles, newest first.
	code, out, _ = exportCLI(t, path, "", "export")
	if code != 0 || strings.Index(out, "# Leaders meet") > strings.Index(out, "# Kim") || strings.Index(out, "# Leaders meet") < 0 || strings.HasPrefix(out, "---") {
		t.Errorf("whole library (%d):\n%s", code, out)
	}
	code, out, _ = exportCLI(t, path, "", "export", "--actors")
	if code != 0 || !strings.Contains(out, "# China\n") || !strings.Contains(out, "# Ian Bremmer\n") || !strings.Contains(out, "|source]]") {
		t.Errorf("--actors (%d):\n%s", code, out)
	}
	code, out, _ = exportCLI(t, path, "", "export", "--by-actor", ids[1])
	if code != 0 || !strings.Contains(out, "## [[China]]\n") || !strings.Contains(out, "## No actor\n") {
		t.Errorf("--by-actor (%d):\n%s", code, out)
	}
}

func TestExportUsage(t *testing.T) {
	path, _ := seedLibrary(t)
	for _, args := range [][]string{
		{"export", "--format", "pdf"},
		{"export", "--by-actor", "--actors"},
		{"export", "--format", "w3c", "--actors"},
	} {
		if code, _, errs := exportCLI(t, path, "", args...); code != 2 || !strings.Contains(errs, "usage: dramatis export") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if code, _, errs := exportCLI(t, path, "", "export", "NOPE"); code != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("unknown article: exit %d, %q", code, errs)
	}
}

func TestExportFolder(t *testing.T) {
	path, ids := seedLibrary(t)
	dir := filepath.Join(t.TempDir(), "vault")
	code, out, errs := exportCLI(t, path, "", "export", "--actors", "--out", dir)
	if code != 0 || out != "4 notes written, 0 unchanged in "+dir+"\n" {
		t.Fatalf("exit %d: %q %s", code, out, errs)
	}
	notePath := filepath.Join(dir, "Kim Wir sind bereit.md")
	note, err := os.ReadFile(notePath)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(notePath, append(note, "\nMy own line.\n"...), 0o644)
	// Delete a highlight, export again.
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	hs, _ := lib.Highlights(ids[1])
	if err := lib.DeleteHighlight(hs[0].ID); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	code, out, _ = exportCLI(t, path, "", "export", "--actors", "--out", dir)
	if code != 0 {
		t.Fatal(out)
	}
	got, _ := os.ReadFile(notePath)
	if !strings.HasSuffix(string(got), "\nMy own line.\n") || strings.Contains(string(got), strings.ToLower(hs[0].ID)) {
		t.Errorf("re-export:\n%s", got)
	}
}

func TestExportW3C(t *testing.T) {
	path, _ := seedLibrary(t)
	out := filepath.Join(t.TempDir(), "a.jsonld")
	if code, _, errs := exportCLI(t, path, "", "export", "--format", "w3c", "--out", out); code != 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(out)
	var c struct {
		Context []any `json:"@context"`
		Total   int   `json:"total"`
	}
	if err := json.Unmarshal(data, &c); err != nil || len(c.Context) != 2 || c.Context[0] != export.AnnotationContext || c.Total != 3 {
		t.Errorf("%v %+v", err, c)
	}
}

// TestExportFileInMissingFolder: w3c or backup --out into a folder that
// does not exist is one line naming that folder, not a temporary file.
func TestExportFileInMissingFolder(t *testing.T) {
	path, _ := seedLibrary(t)
	out := filepath.Join(t.TempDir(), "typo", "a.jsonld")
	for _, format := range []string{"w3c", "backup"} {
		code, stdout, errs := exportCLI(t, path, "", "export", "--format", format, "--out", out)
		if code != 1 || stdout != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "typo does not exist") || strings.Contains(errs, ".tmp") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", format, code, stdout, errs)
		}
	}
}

// TestBackupRoundTripThroughStorage: library → backup → new library →
// backup gives the same bytes; importing again adds nothing.
func TestBackupRoundTripThroughStorage(t *testing.T) {
	path, _ := seedLibrary(t)
	code, b1, errs := exportCLI(t, path, "", "export", "--format", "backup")
	if code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "backup.json")
	os.WriteFile(file, []byte(b1), 0o644)
	fresh := filepath.Join(t.TempDir(), "new.db")
	code, out, errs := exportCLI(t, fresh, "", "import-backup", file)
	if code != 0 || !strings.Contains(out, "2 new articles") || !strings.Contains(out, "3 new highlights") {
		t.Fatalf("import: exit %d %q %s", code, out, errs)
	}
	_, b2, _ := exportCLI(t, fresh, "", "export", "--format", "backup")
	if b1 != b2 {
		t.Errorf("the backup of the restored library differs:\n%s\n---\n%s", b1, b2)
	}
	// Again, into the library that has it all: nothing new.
	code, out, _ = exportCLI(t, fresh, "", "import-backup", file)
	if code != 0 || !strings.Contains(out, "0 new articles (2 already in the library), 0 new actors") || !strings.Contains(out, "0 new highlights (0 updated, 3 kept") {
		t.Errorf("second import: %q", out)
	}
	_, b3, _ := exportCLI(t, fresh, "", "export", "--format", "backup")
	if b3 != b1 {
		t.Error("a repeated import changed the library")
	}
	if !strings.Contains(b1, `"theme": "dark"`) {
		t.Error("preferences missing from the backup")
	}
}

// TestImportBackupMergesSameNamedActor imports into a library that has its
// own "china" actor: the backup's China is merged into it.
func TestImportBackupMergesSameNamedActor(t *testing.T) {
	path, _ := seedLibrary(t)
	_, b1, _ := exportCLI(t, path, "", "export", "--format", "backup")
	file := filepath.Join(t.TempDir(), "backup.json")
	os.WriteFile(file, []byte(b1), 0o644)
	other := filepath.Join(t.TempDir(), "other.db")
	lib, err := storage.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	mine, err := lib.AddActor(annotation.Actor{Name: "CHINA", Kind: annotation.KindState, Aliases: []string{"Volksrepublik"}})
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	code, out, errs := exportCLI(t, other, "", "import-backup", file)
	if code != 0 || !strings.Contains(out, "1 merged by name") {
		t.Fatalf("exit %d %q %s", code, out, errs)
	}
	lib, _ = storage.Open(other)
	defer lib.Close()
	actors, _ := lib.Actors()
	if len(actors) != 2 {
		t.Fatalf("actors: %+v", actors)
	}
	c, _ := lib.Actor(mine.ID)
	if strings.Join(c.Aliases, ",") != "Volksrepublik,Peking" {
		t.Errorf("aliases %q", c.Aliases)
	}
	counts, _ := lib.HighlightCounts()
	if counts[mine.ID] != 2 {
		t.Errorf("highlights of the merged actor: %v", counts)
	}
}

// TestImportBackupEmptyFile checks that an empty backup, named or given
// on stdin, is refused in one line that says it is empty (not how the
// JSON decoder met its end).
func TestImportBackupEmptyFile(t *testing.T) {
	path, _ := seedLibrary(t)
	empty := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{empty, "-"} {
		code, _, errs := exportCLI(t, path, "", "import-backup", arg)
		want := arg + ": not a Dramatis backup: the file is empty\n"
		if code != 1 || !strings.HasSuffix(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d %q, want the line to end %q", arg, code, errs, want)
		}
	}
}

// TestImportBackupRefusesAndChangesNothing checks bad files are refused
// before anything is written.
func TestImportBackupRefusesAndChangesNothing(t *testing.T) {
	path, _ := seedLibrary(t)
	_, before, _ := exportCLI(t, path, "", "export", "--format", "backup")
	dir := t.TempDir()
	for name, content := range map[string]string{
		"newer.json":   `{"format":"dramatis-backup","version":9}`,
		"other.json":   `{"format":"something","version":1}`,
		"garbage.json": "\x00\xff not json",
		"dangling.json": `{"format":"dramatis-backup","version":1,"articles":[{"id":"A1","added":"2024-01-01T00:00:00Z","title":"t","blocks":[{"type":"paragraph","text":"abc"}],
			"highlights":[{"id":"H1","article":"A1","start":0,"end":2,"quote":{"exact":"ab"},"actors":[{"actor":"NOPE","role":"speaker"}],"created":"2024-01-01T00:00:00Z","updated":"2024-01-01T00:00:00Z"}]}],"actors":[],"preferences":{}}`,
	} {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte(content), 0o644)
		code, _, errs := exportCLI(t, path, "", "import-backup", f)
		if code != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d %q", name, code, errs)
		}
		t.Logf("%s: %s", name, strings.TrimSpace(errs))
	}
	if code, _, _ := exportCLI(t, path, "", "import-backup", filepath.Join(dir, "missing.json")); code != 1 {
		t.Error("missing file accepted")
	}
	if code, _, _ := exportCLI(t, path, "", "import-backup"); code != 2 {
		t.Error("no file is not a usage error")
	}
	// A backup that a tool rewrote with its keys sorted (actors and
	// articles before the format) and that adds an actor whose name is
	// longer than the library stores, after a new article and a
	// preference: the whole file is checked before anything is written.
	var doc map[string]any
	json.Unmarshal([]byte(before), &doc)
	doc["actors"] = append(doc["actors"].([]any), map[string]any{"id": "01JNEWACTOR", "name": strings.Repeat("Neu", 100), "kind": "person", "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z"})
	doc["articles"] = append(doc["articles"].([]any), map[string]any{"id": "01JNEWART", "added": "2024-01-01T00:00:00Z", "title": "t", "url": "https://example.org/new",
		"blocks": []any{map[string]any{"type": "paragraph", "text": "zzz"}}, "highlights": []any{}})
	doc["preferences"].(map[string]any)["new-pref"] = "x"
	data, _ := json.Marshal(doc)
	f := filepath.Join(dir, "late-failure.json")
	os.WriteFile(f, data, 0o644)
	if code, _, errs := exportCLI(t, path, "", "import-backup", f); code != 1 || !strings.Contains(errs, "longer than any actor's") {
		t.Errorf("late failure: exit %d %q", code, errs)
	}
	_, after, _ := exportCLI(t, path, "", "export", "--format", "backup")
	if before != after {
		t.Error("a refused import changed the library")
	}
}

// TestExportRemovesStaleTemporaries: a temporary file a killed export
// left beside its target is removed by the next export; a fresh one (an
// export running now) and other files stay.
func TestExportRemovesStaleTemporaries(t *testing.T) {
	path, _ := seedLibrary(t)
	dir := t.TempDir()
	stale := filepath.Join(dir, ".dramatis-123.tmp")
	fresh := filepath.Join(dir, ".dramatis-456.tmp")
	other := filepath.Join(dir, ".other-789.tmp")
	for _, f := range []string{stale, fresh, other} {
		os.WriteFile(f, []byte("half"), 0o644)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if code, _, errs := exportCLI(t, path, "", "export", "--format", "backup", "--out", dir); code != 0 {
		t.Fatal(errs)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the stale temporary file is still there")
	}
	for _, f := range []string{fresh, other, filepath.Join(dir, "dramatis-backup.json")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestExportFolderConflict: a line the reader changed inside the managed
// part, which Dramatis changed too, stays; the command says so on stderr
// and names the conflict copy; exit 0.
func TestExportFolderConflict(t *testing.T) {
	path, ids := seedLibrary(t)
	dir := filepath.Join(t.TempDir(), "vault")
	if code, _, errs := exportCLI(t, path, "", "export", "--out", dir); code != 0 {
		t.Fatal(errs)
	}
	notePath := filepath.Join(dir, "Leaders meet.md")
	note, _ := os.ReadFile(notePath)
	edited := strings.Replace(string(note), "[[China]] (target)\n", "[[China]] (target, says who?)\nMy line.\n", 1)
	if edited == string(note) {
		t.Fatalf("no actor line in\n%s", note)
	}
	os.WriteFile(notePath, []byte(edited), 0o644)
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	hs, _ := lib.Highlights(ids[0])
	hs[0].Actors[0].Role = annotation.RoleSpeaker
	if _, err := lib.UpdateHighlight(hs[0]); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	code, out, errs := exportCLI(t, path, "", "export", "--out", dir)
	if code != 0 || !strings.HasPrefix(out, "1 note written, 1 unchanged") || !strings.Contains(errs, "Leaders meet.md: you and Dramatis changed the same lines; your lines are kept, and Dramatis's version is in Leaders meet (Dramatis conflict ") {
		t.Fatalf("exit %d: %q %q", code, out, errs)
	}
	got, _ := os.ReadFile(notePath)
	if !strings.Contains(string(got), "[[China]] (target, says who?)\nMy line.\n") {
		t.Errorf("the reader's lines:\n%s", got)
	}
}

// TestImportBackupTampered: a backup whose keys a tool sorted, with a
// highlight whose offsets lie outside its text, one whose range is empty,
// an orphan with stale offsets beyond any text, and a byte order mark is
// imported: highlights are placed by their quotes, the orphan keeps
// offsets inside the text.
func TestImportBackupTampered(t *testing.T) {
	text := "Nordkorea droht. Peking schweigt dazu."
	doc := map[string]any{"format": "dramatis-backup", "version": 1, "actors": []any{}, "preferences": map[string]any{},
		"articles": []any{map[string]any{"id": "01JNEWART", "added": "2024-01-01T00:00:00Z", "title": "t",
			"blocks": []any{map[string]any{"type": "paragraph", "text": text}},
			"highlights": []any{
				map[string]any{"id": "01JH1", "start": 4000, "end": 4021, "quote": map[string]any{"exact": "Peking schweigt dazu.", "prefix": "Nordkorea droht. "}},
				map[string]any{"id": "01JH2", "start": 3, "end": 3, "quote": map[string]any{"exact": "Nordkorea droht.", "suffix": " Peking"}},
				map[string]any{"id": "01JH3", "start": 1, "end": 5000000000, "quote": map[string]any{"exact": "gone"}, "orphaned": "gone"},
			}}}}
	data, _ := json.Marshal(doc)
	f := filepath.Join(t.TempDir(), "tampered.json")
	os.WriteFile(f, append([]byte("\xef\xbb\xbf"), data...), 0o644)
	lib := filepath.Join(t.TempDir(), "lib.db")
	code, out, errs := exportCLI(t, lib, "", "import-backup", f)
	if code != 0 || !strings.Contains(out, "1 new article (") || !strings.Contains(out, "3 new highlights (0 updated, 0 kept as they were; 2 re-anchored, 0 orphaned)") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	l, err := storage.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	hs, _ := l.Highlights("01JNEWART")
	n := len([]rune(text))
	for _, h := range hs {
		if h.End > n || h.Start < 0 || h.End < h.Start || h.Orphaned == "" && string([]rune(text)[h.Start:h.End]) != h.Quote.Exact {
			t.Errorf("%+v", h)
		}
	}
}

// damageRecords overwrites the first highlight record and one actor
// record of a closed library with bytes that do not decode.
func damageRecords(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, bucket := range []string{"highlights", "actors"} {
			b := tx.Bucket([]byte(bucket))
			k, _ := b.Cursor().First()
			if err := b.Put(append([]byte(nil), k...), []byte("{damaged")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestExportSalvagesDamagedLibrary: with one highlight record and one
// actor record that do not read, every export writes everything else,
// names what it skipped on stderr and exits 1; the salvaged backup
// imports into a new library.
func TestExportSalvagesDamagedLibrary(t *testing.T) {
	path, _ := seedLibrary(t)
	damageRecords(t, path)
	damaged, _ := os.ReadFile(path)
	out := t.TempDir()
	for _, args := range [][]string{
		{"export"},
		{"export", "--format", "w3c"},
		{"export", "--format", "backup", "--out", filepath.Join(out, "b.json")},
		{"export", "--actors", "--out", filepath.Join(out, "vault")},
	} {
		code, stdout, errs := exportCLI(t, path, "", args...)
		if code != 1 || !strings.Contains(errs, "skipped: the highlight ") || !strings.Contains(errs, "skipped: the actor ") || stdout == "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %.200q", args, code, errs, stdout)
		}
		t.Logf("%v: %s", args, errs)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
		t.Error("a salvaging export wrote to the damaged library")
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	code, stdout, errs := exportCLI(t, fresh, "", "import-backup", filepath.Join(out, "b.json"))
	if code != 0 || !strings.Contains(stdout, "2 new articles") || !strings.Contains(stdout, "2 new highlights") {
		t.Errorf("importing the salvaged backup: exit %d %q %q", code, stdout, errs)
	}
}

// TestBackupKeepsWhereArticlesCameFrom: a backup carries each article's
// source (the file or address it was imported from) and when its text
// last changed; a library restored from it backs up to the same bytes,
// and importing the same file again into it finds the article instead of
// adding a second one.
func TestBackupKeepsWhereArticlesCameFrom(t *testing.T) {
	l := newLibEnv(t)
	page := l.page("nk.html", nkPage)
	id := strings.TrimSpace(l.ok("import", page))
	os.WriteFile(page, []byte(strings.Replace(nkPage, "Kim Jong Un sagte", "Kim Jong Un sagte am Montag", 1)), 0o644)
	l.ok("import", page) // a new text: the article is updated
	b1 := l.ok("export", "--format", "backup")
	abs, _ := filepath.Abs(page)
	src, _ := json.Marshal(abs)
	if !strings.Contains(b1, "\n \"version\": 5,\n") || !strings.Contains(b1, `"source": `+string(src)) || !strings.Contains(b1, `"updated": "`) {
		t.Fatalf("the backup lacks the version, source or update time:\n%.900s", b1)
	}
	file := filepath.Join(l.dir, "backup.json")
	os.WriteFile(file, []byte(b1), 0o644)
	fresh := newLibEnv(t)
	fresh.ok("import-backup", file)
	if b2 := fresh.ok("export", "--format", "backup"); b2 != b1 {
		t.Fatalf("the restored library backs up differently:\n%s\n---\n%s", b1, b2)
	}
	var infos []storage.ArticleInfo
	if err := json.Unmarshal([]byte(fresh.ok("list", "--json")), &infos); err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Source != abs || infos[0].Updated.IsZero() {
		t.Fatalf("the restored record: %+v", infos)
	}
	code, out, errs := fresh.run("", "import", page)
	if code != 0 || strings.TrimSpace(out) != id || strings.Contains(errs, " new") {
		t.Fatalf("importing the same file into the restored library: %d %q %q", code, out, errs)
	}
}

// TestBackupOfAFileNamedWithATab: a file's name may hold a tab (or a line
// break), and the article imported from it keeps that path as its
// source; the library's backup must import into a new library, to the
// same bytes, not be refused for the name of one file.
func TestBackupOfAFileNamedWithATab(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("Bericht\tNordkorea\n2024.html", nkPage))
	b1 := l.ok("export", "--format", "backup")
	if !strings.Contains(b1, `Bericht\tNordkorea\n2024.html"`) {
		t.Fatalf("the backup lacks the source:\n%.900s", b1)
	}
	file := filepath.Join(l.dir, "backup.json")
	if err := os.WriteFile(file, []byte(b1), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := newLibEnv(t)
	if code, _, errs := fresh.run("", "import-backup", file); code != 0 {
		t.Fatalf("import-backup refused the library's own backup: %d %s", code, errs)
	}
	if b2 := fresh.ok("export", "--format", "backup"); b2 != b1 {
		t.Fatalf("the restored library backs up differently:\n%s\n---\n%s", b1, b2)
	}
}
