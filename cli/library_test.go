package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

const nkPage = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Raketen | Beispiel</title>
<link rel="canonical" href="https://example.org/nk"><meta property="og:site_name" content="Beispiel"></head>
<body><article><h1>Nordkorea testet Raketen</h1>
<p>Nordkorea hat erneut Raketen getestet. Die Regierung in Seoul zeigte sich besorgt über die Entwicklung.</p>
<p>Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen. Die USA kritisierten das scharf.</p>
<p>Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang. Die USA kündigten Konsequenzen an.</p>
</article></body></html>`

const otherPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Summit</title>
<link rel="canonical" href="https://example.org/summit"></head>
<body><article><h1>Leaders meet</h1><p>The leaders met in Geneva and agreed on very little, officials said afterwards.</p>
<p>A second round of talks is planned for the spring, according to the foreign ministry.</p></article></body></html>`

// libEnv runs commands against one temporary library named by
// DRAMATIS_LIBRARY, as a user's shell would.
type libEnv struct {
	t    *testing.T
	path string
	dir  string
}

func newLibEnv(t *testing.T) *libEnv {
	dir := t.TempDir()
	return &libEnv{t: t, path: filepath.Join(dir, "lib", "library.db"), dir: dir}
}

// create makes an empty library (reading commands never do).
func (l *libEnv) create() {
	l.t.Helper()
	lib, err := storage.Open(l.path)
	if err != nil {
		l.t.Fatal(err)
	}
	lib.Close()
}

// run runs a command and returns exit status, stdout and stderr.
func (l *libEnv) run(stdin string, args ...string) (int, string, string) {
	l.t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "DRAMATIS_LIBRARY" {
			return l.path
		}
		return ""
	}}
	code := Run(e, args)
	return code, out.String(), errb.String()
}

// ok runs a command that must succeed and returns its stdout.
func (l *libEnv) ok(args ...string) string {
	l.t.Helper()
	code, out, errs := l.run("", args...)
	if code != 0 {
		l.t.Fatalf("dramatis %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// page writes an HTML fixture and returns its path.
func (l *libEnv) page(name, html string) string {
	p := filepath.Join(l.dir, name)
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		l.t.Fatal(err)
	}
	return p
}

// snapshot is everything the commands can see of the library, to prove a
// failed command changed nothing.
func (l *libEnv) snapshot(articleIDs ...string) string {
	s := l.ok("list", "--json") + l.ok("actors", "--json")
	for _, id := range articleIDs {
		s += l.ok("show", id, "--json")
	}
	return s
}

func TestLibraryPathResolution(t *testing.T) {
	e := &Env{Getenv: func(k string) string {
		if k == "DRAMATIS_LIBRARY" {
			return "/from/env.db"
		}
		return ""
	}}
	flagged := libraryFlags{path: pathFlag{value: "/from/flag.db", set: true}}
	if p, _ := libraryPath(e, flagged); p != "/from/flag.db" {
		t.Errorf("flag: %q", p)
	}
	if p, _ := libraryPath(e, libraryFlags{}); p != "/from/env.db" {
		t.Errorf("env: %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "/xdg")
	e.Getenv = func(string) string { return "" }
	if p, _ := libraryPath(e, libraryFlags{}); p != "/xdg/dramatis/library.db" {
		t.Errorf("default: %q", p)
	}
	t.Setenv("HOME", "/home/leser")
	home := libraryFlags{path: pathFlag{value: "~/notes/x.db", set: true}}
	if p, _ := libraryPath(e, home); p != "/home/leser/notes/x.db" {
		t.Errorf("~/: %q", p)
	}
}

func TestImportAnnotateShow(t *testing.T) {
	l := newLibEnv(t)
	out := l.ok("import", l.page("nk.html", nkPage), l.page("summit.html", otherPage))
	ids := strings.Fields(out)
	if len(ids) != 2 || len(ids[0]) != 26 {
		t.Fatalf("import printed %q, want two ids", out)
	}
	nk := ids[0]
	var list []storage.ArticleInfo
	json.Unmarshal([]byte(l.ok("list", "--json")), &list)
	if len(list) != 2 || list[1].ID != nk || list[1].URL != "https://example.org/nk" {
		t.Fatalf("list --json = %+v", list)
	}
	if text := l.ok("list"); !strings.Contains(text, nk) || !strings.Contains(text, "Raketen | Beispiel") {
		t.Fatalf("list = %q", text)
	}

	l.ok("actors", "add", "Nordkorea", "--kind", "state", "--alias", "DVRK", "--alias", "Pjöngjang")
	hl := strings.TrimSpace(l.ok("annotate", nk[:22], "--quote", "man werde  sich von niemandem einschüchtern lassen",
		"--actor", "Kim Jong Un:speaker", "--actor", "dvrk:target", "--note", "Drohung", "--color", "Yellow"))
	if len(hl) != 26 {
		t.Fatalf("annotate printed %q", hl)
	}
	l.ok("annotate", nk, "--quote", "Die USA", "--occurrence", "2", "--actor", "USA:speaker")

	var show showJSON
	if err := json.Unmarshal([]byte(l.ok("show", nk, "--json")), &show); err != nil {
		t.Fatal(err)
	}
	if show.ID != nk || show.URL != "https://example.org/nk" || len(show.Blocks) != 4 || !strings.Contains(show.Text, "\n\nMachthaber") {
		t.Fatalf("show --json metadata: %+v", show)
	}
	if len(show.Highlights) != 2 {
		t.Fatalf("show --json highlights: %+v", show.Highlights)
	}
	h := show.Highlights[0]
	if h.ID != hl || h.Quote != "man werde sich von niemandem einschüchtern lassen" || h.Note != "Drohung" || h.Color != "yellow" ||
		[]rune(show.Text)[h.Start] != 'm' || len(h.Actors) != 2 ||
		h.Actors[0].Name != "Kim Jong-un" || h.Actors[0].Role != "speaker" || h.Actors[1].Name != "Nordkorea" || h.Actors[1].Role != "target" {
		t.Fatalf("first highlight: %+v", h)
	}
	second := show.Highlights[1]
	if second.Quote != "Die USA" || !strings.HasPrefix(second.Suffix, " kündigten") {
		t.Fatalf("--occurrence 2 chose %+v", second)
	}
	text := l.ok("show", nk)
	if !strings.Contains(text, "Highlights (2):") || !strings.Contains(text, "Kim Jong-un (speaker), Nordkorea (target)") || !strings.Contains(text, "note: Drohung") {
		t.Fatalf("show text:\n%s", text)
	}
	var actors []actorJSON
	json.Unmarshal([]byte(l.ok("actors", "--json")), &actors)
	if len(actors) != 3 || actors[0].Name != "Kim Jong-un" || actors[0].Highlights != 1 || actors[1].Kind != "state" {
		t.Fatalf("actors --json = %+v", actors)
	}
}

func TestReimportReportsReanchoring(t *testing.T) {
	l := newLibEnv(t)
	page := l.page("nk.html", nkPage)
	id := strings.TrimSpace(l.ok("import", page))
	l.ok("annotate", id, "--quote", "man werde sich von niemandem einschüchtern lassen")
	l.ok("annotate", id, "--quote", "Die Regierung in Seoul zeigte sich besorgt")
	l.ok("annotate", id, "--quote", "verhinderten im Sicherheitsrat")
	edited := strings.Replace(nkPage, "<p>Nordkorea hat erneut Raketen getestet. Die Regierung in Seoul zeigte sich besorgt über die Entwicklung.</p>",
		"<p>Nordkorea hat am Montag erneut mehrere Raketen getestet.</p>", 1)
	edited = strings.Replace(edited, "von niemandem", "von absolut niemandem", 1)
	code, out, errs := l.run("", "import", l.page("nk2.html", edited))
	if code != 0 || strings.TrimSpace(out) != id {
		t.Fatalf("re-import: exit %d, out %q, err %q", code, out, errs)
	}
	// The words under the first highlight changed: it is not "moved",
	// and the import line names it.
	var show showJSON
	json.Unmarshal([]byte(l.ok("show", id, "--json")), &show)
	orphans, changed := 0, ""
	for _, h := range show.Highlights {
		if h.Orphaned != "" {
			orphans++
			continue
		}
		got := string([]rune(show.Text)[h.Start:h.End])
		switch {
		case h.Quote == "man werde sich von niemandem einschüchtern lassen" && got == "man werde sich von absolut niemandem einschüchtern lassen" && h.NowReads == got:
			changed = h.ID
		case got != h.Quote || h.NowReads != "":
			t.Fatalf("highlight covers %q but quotes %q (now reads %q)", got, h.Quote, h.NowReads)
		}
	}
	if orphans != 1 || changed == "" {
		t.Fatalf("%d orphans, changed %q in %+v", orphans, changed, show.Highlights)
	}
	if !strings.Contains(errs, "nk2.html: "+id+" updated: 1 highlight moved, 1 highlight's quoted text changed, 1 orphaned (the previous version is kept as version 1)") ||
		!strings.Contains(errs, "the words under "+changed+" changed") {
		t.Fatalf("re-import stderr %q", errs)
	}
	if text := l.ok("show", id); !strings.Contains(text, "quoted text changed, the page now reads „man werde sich von absolut niemandem einschüchtern lassen“") {
		t.Fatalf("show does not mark the changed highlight:\n%s", text)
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	l := newLibEnv(t)
	ids := strings.Fields(l.ok("import", l.page("nk.html", nkPage), l.page("summit.html", otherPage)))
	nk := ids[0]
	l.ok("annotate", nk, "--quote", "Kim Jong Un", "--actor", "Kim Jong Un:speaker")
	before := l.snapshot(ids...)
	long := strings.Repeat("Raketen ", 200)
	cases := []struct {
		name   string
		args   []string
		code   int
		errHas string
	}{
		{"unknown article", []string{"annotate", "ZZZZZZ", "--quote", "Kim"}, 1, "no article with id prefix ZZZZZZ"},
		{"ambiguous prefix", []string{"annotate", "0", "--quote", "Kim"}, 1, "matches 2 articles"},
		{"empty quote", []string{"annotate", nk, "--quote", "  "}, 2, "--quote is empty"},
		{"quote not found", []string{"annotate", nk, "--quote", "Angela Merkel", "--actor", "Merkel"}, 1, "„Angela Merkel“ is not in article " + nk},
		{"quote longer than article", []string{"annotate", nk, "--quote", long}, 1, "is longer than article"},
		{"ambiguous quote", []string{"annotate", nk, "--quote", "Die USA", "--actor", "USA"}, 1, "occurs 2 times in article " + nk + "; choose one with --occurrence 1 to 2"},
		{"occurrence out of range", []string{"annotate", nk, "--quote", "Die USA", "--occurrence", "3"}, 1, "--occurrence 3 does not exist"},
		{"invalid role", []string{"annotate", nk, "--quote", "Kim Jong Un", "--actor", "Kim:boss"}, 2, `invalid role "boss"`},
		{"bad colour", []string{"annotate", nk, "--quote", "Kim Jong Un", "--color", "mauve"}, 2, `unknown colour "mauve"`},
		{"show unknown", []string{"show", "ZZZ"}, 1, "no article with id prefix ZZZ"},
		{"actor add duplicate", []string{"actors", "add", "kim jong-un"}, 1, "already an actor named"},
		{"actor bad kind", []string{"actors", "add", "X", "--kind", "planet"}, 2, `unknown kind "planet"`},
		{"rename unknown", []string{"actors", "rename", "Merkel", "Scholz"}, 1, `no actor named "Merkel"`},
		{"merge unknown", []string{"actors", "merge", "Kim Jong Un", "Merkel"}, 1, `no actor named "Merkel"`},
		{"merge into itself", []string{"actors", "merge", "Kim Jong Un", "KIM JONG UN"}, 1, "same actor"},
		{"unknown actors command", []string{"actors", "frobnicate", "Kim"}, 2, "unknown actors command"},
		{"import missing file", []string{"import", filepath.Join(l.dir, "missing.html")}, 1, "missing.html"},
		{"restore damaged", []string{"restore", l.page("junk.db", "not a library")}, 1, "damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := l.run("", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if !strings.Contains(errs, tc.errHas) {
				t.Fatalf("stderr %q lacks %q", errs, tc.errHas)
			}
			if tc.code == 1 && strings.Count(errs, "\n") != 1 {
				t.Fatalf("error is not one line: %q", errs)
			}
			if out != "" {
				t.Fatalf("printed %q on failure", out)
			}
			if after := l.snapshot(ids...); after != before {
				t.Fatal("the library changed")
			}
		})
	}
}

func TestActorsRenameMerge(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Nordkorea hat erneut", "--actor", "Nordkorea:speaker")
	l.ok("annotate", id, "--quote", "gegen Pjöngjang", "--actor", "Führung in Pjöngjang:target") // not a built-in name
	l.ok("actors", "rename", "nordkorea", "Nordkorea (DVRK)")
	l.ok("actors", "merge", "Führung in Pjöngjang", "Nordkorea (DVRK)")
	var actors []actorJSON
	json.Unmarshal([]byte(l.ok("actors", "--json")), &actors)
	if len(actors) != 1 || actors[0].Name != "Nordkorea (DVRK)" || actors[0].Highlights != 2 || !slices.Contains(actors[0].Aliases, "Führung in Pjöngjang") {
		t.Fatalf("after rename and merge: %+v", actors)
	}
	var show showJSON
	json.Unmarshal([]byte(l.ok("show", id, "--json")), &show)
	for _, h := range show.Highlights {
		if len(h.Actors) != 1 || h.Actors[0].Name != "Nordkorea (DVRK)" {
			t.Fatalf("highlight actors after merge: %+v", h.Actors)
		}
	}
	if list := l.ok("actors"); !strings.Contains(list, "Nordkorea (DVRK)") || !strings.Contains(list, "Führung in Pjöngjang") {
		t.Fatalf("actors = %q", list)
	}
}

func TestBackupRestoreAndInUse(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Kim Jong Un")
	copyPath := filepath.Join(l.dir, "copy.db")
	l.ok("backup", copyPath)
	before := l.snapshot(id)
	l.ok("annotate", id, "--quote", "Seoul")
	l.ok("actors", "add", "Seoul")
	if l.snapshot(id) == before {
		t.Fatal("the changes after the backup did not show")
	}
	code, _, errs := l.run("", "restore", copyPath)
	if code != 0 || !strings.Contains(errs, "restored from") {
		t.Fatalf("restore: exit %d, %q", code, errs)
	}
	if l.snapshot(id) != before {
		t.Fatal("restore did not bring the backed-up library back")
	}
	kept, _ := filepath.Glob(filepath.Join(storage.BackupDir(l.path), "*before-restore*"))
	if len(kept) != 1 {
		t.Fatalf("the replaced library was not kept: %v", kept)
	}

	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	code, _, errs = l.run("", "list")
	if code != 1 || !strings.Contains(errs, "library is in use by another Dramatis process") {
		t.Fatalf("list on a library in use: exit %d, %q", code, errs)
	}
	code, _, errs = l.run("", "restore", copyPath)
	if code != 1 || !strings.Contains(errs, "in use") {
		t.Fatalf("restore on a library in use: exit %d, %q", code, errs)
	}
}

func TestImportFromStdin(t *testing.T) {
	l := newLibEnv(t)
	code, out, errs := l.run(nkPage, "import", "-")
	if code != 0 || len(strings.TrimSpace(out)) != 26 {
		t.Fatalf("import -: exit %d, %q, %q", code, out, errs)
	}
	if code, _, _ := l.run("", "import", "-", "-"); code != 2 {
		t.Fatalf("import - -: exit %d, want 2", code)
	}
	if code, _, _ := l.run("", "import"); code != 2 {
		t.Fatalf("import without sources: exit %d, want 2", code)
	}
}

// TestImportSlowURLLeavesLibraryFree: while import waits for a slow server
// the library is not locked (the window or another command can use it), and
// --timeout gives up on the URL with one line, leaving the other sources
// stored.
func TestImportSlowURLLeavesLibraryFree(t *testing.T) {
	l := newLibEnv(t)
	l.create()
	asked := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- struct{}{}
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	file := l.page("nk.html", nkPage)
	type result struct {
		code      int
		out, errs string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := l.run("", "import", "--timeout", "2s", file, srv.URL+"/slow")
		done <- result{code, out, errs}
	}()
	select {
	case <-asked:
	case r := <-done:
		t.Fatalf("import never asked the server: exit %d, %q", r.code, r.errs)
	}
	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatalf("the library is locked while import waits for a URL: %v", err)
	}
	lib.Close()
	r := <-done
	if r.code != 1 || len(strings.Fields(r.out)) != 1 {
		t.Fatalf("import with a timed-out URL: exit %d, stdout %q, stderr %q", r.code, r.out, r.errs)
	}
	if strings.Count(r.errs, "\n") != 2 || !strings.Contains(r.errs, "no complete answer within 2s") ||
		!strings.Contains(r.errs, "nk.html: "+strings.TrimSpace(r.out)+" new") {
		t.Fatalf("stderr %q, want one line about the timeout and one about nk.html", r.errs)
	}
	if code, _, _ := l.run("", "import", "--timeout", "0s", file); code != 2 {
		t.Fatalf("import --timeout 0s: exit %d, want 2", code)
	}
}

// TestBackupTargetRefused: a folder or a file in a missing folder as the
// backup's FILE is one clear line (exit 1), and nothing is created.
func TestBackupTargetRefused(t *testing.T) {
	l := newLibEnv(t)
	l.create()
	missing := filepath.Join(l.dir, "typo", "sub", "copy.db")
	tests := []struct{ name, target, want string }{
		{"folder", l.dir, "is a folder; give the copy a file name"},
		{"missing folder", missing, "typo/sub does not exist"},
	}
	for _, tt := range tests {
		code, out, errs := l.run("", "backup", tt.target)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q, want one line with %q", tt.name, code, out, errs, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(l.dir, "typo")); !os.IsNotExist(err) {
		t.Errorf("backup into a missing folder created it (%v)", err)
	}
}
