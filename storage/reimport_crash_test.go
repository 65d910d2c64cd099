package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

// reimportChildEnv names the library the re-import crash child works on.
const reimportChildEnv = "DRAMATIS_REIMPORT_CHILD_LIBRARY"

// reimportTexts are the two texts the child alternates between: the second
// has a paragraph more at the top (every highlight moves) and another title.
func reimportTexts() [2]*article.Article {
	a := benchArticle("https://example.org/crash-reimport", 200)
	b := *a
	b.Title = "Aktualisiert: " + a.Title
	b.Blocks = append([]article.Block{{Type: article.Paragraph, Text: "Eilmeldung: neue Entwicklungen am Abend."}}, a.Blocks...)
	return [2]*article.Article{a, &b}
}

// TestReimportCrashChild is the child half of
// TestCrashDuringReimportLosesNothing: it re-imports the article, forced,
// alternating its two texts, adds a highlight every few rounds, and prints
// what each call returned, until it is killed.
func TestReimportCrashChild(t *testing.T) {
	path := os.Getenv(reimportChildEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashDuringReimportLosesNothing")
	}
	l, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	texts := reimportTexts()
	for i := 0; ; i++ {
		a := texts[i%2]
		r, err := l.Import(a, ImportOptions{Source: a.URL, Force: true})
		if err != nil || r.Orphaned != 0 {
			fmt.Println("ERR", err, r.Orphaned)
			os.Exit(3)
		}
		// One write(2) per line: the parent sees whole lines or nothing.
		os.Stdout.WriteString(fmt.Sprintf("V %s %d %s\n", r.ID, r.Version, a.TextHash()))
		if i%3 == 0 {
			s := 40 * (i % 100)
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: r.ID, Start: s, End: s + 30})
			if err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			os.Stdout.WriteString("H " + h.ID + "\n")
		}
	}
}

// TestCrashDuringReimportLosesNothing kills a child that re-imports an
// article with hundreds of highlights (each re-import moves all of them
// and keeps a version) at random moments, and checks after each kill that
// the library opens, the article is at the version the last returned
// import gave or one later, with that text, every highlight returned
// before the kill is there and anchored, the kept versions are readable,
// and the indexes are in step.
func TestCrashDuringReimportLosesNothing(t *testing.T) {
	if os.Getenv(reimportChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 20
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	first := reimportTexts()[0]
	res, err := l.Import(first, ImportOptions{Source: first.URL})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		s := 300 * i
		if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: s + 50}); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	var highlights []string
	lastVersion, lastHash, imports := 1, first.TextHash(), 0
	for round := 0; round < rounds; round++ {
		lines := runUntilKilled(t, reimportChildEnv, path, "^TestReimportCrashChild$", time.Duration(150+rng.IntN(600))*time.Millisecond)
		for _, ln := range lines {
			f := strings.Fields(ln)
			switch {
			case len(f) == 4 && f[0] == "V":
				lastVersion, _ = strconv.Atoi(f[2])
				lastHash = f[3]
				imports++
			case len(f) == 2 && f[0] == "H":
				highlights = append(highlights, f[1])
			}
		}
		l, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: the library does not open after SIGKILL: %v", round, err)
		}
		checkAfterReimportKill(t, l, res.ID, lastVersion, lastHash, highlights)
		l.Close()
	}
	t.Logf("%d SIGKILLs during %d returned re-imports and %d highlights: nothing lost", rounds, imports, len(highlights))
	if imports == 0 {
		t.Fatal("the child never finished a re-import; the test proved nothing")
	}
}

// checkAfterReimportKill checks the article after a kill (see
// TestCrashDuringReimportLosesNothing).
func checkAfterReimportKill(t *testing.T, l *Library, id string, lastVersion int, lastHash string, highlights []string) {
	t.Helper()
	vs, err := l.Versions(id)
	if err != nil {
		t.Fatalf("versions: %v", err)
	}
	cur := vs[0]
	if cur.Number < lastVersion || (cur.Number == lastVersion && cur.Hash != lastHash) {
		t.Fatalf("the article is at version %d (%s); the last import returned version %d (%s)", cur.Number, cur.Hash, lastVersion, lastHash)
	}
	if want := min(cur.Number-1, keepVersions) + 1; len(vs) != want {
		t.Fatalf("%d versions at version %d, want %d", len(vs), cur.Number, want)
	}
	for _, hid := range highlights {
		h, err := l.Highlight(hid)
		if err != nil || h.Orphaned != "" {
			t.Fatalf("highlight %s returned before the kill: %+v, %v", hid, h, err)
		}
	}
	_, info, err := l.Article(id)
	if err != nil || info.Orphaned != 0 || info.Highlights < 200+len(highlights) {
		t.Fatalf("article after the kill: %+v, %v", info, err)
	}
	checkIndexes(t, l)
}

// runUntilKilled runs the test child in a child process with env=path,
// kills it with SIGKILL after d and returns the lines it printed. A line
// starting with ERR fails the test.
func runUntilKilled(t *testing.T, env, path, run string, d time.Duration) []string {
	t.Helper()
	lines := testkit.RunUntilKilled(t, run, d, env+"="+path)
	for _, ln := range lines {
		if strings.HasPrefix(ln, "ERR") {
			t.Fatalf("child: %s", ln)
		}
	}
	return lines
}
