package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

// killChildEnv names the notes folder the kill test's child exports into
// over and over; with it set, the test binary is that child.
const killChildEnv = "DRAMATIS_EXPORT_KILL_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(killChildEnv); dir != "" {
		exportForever(dir)
	}
	os.Exit(m.Run())
}

// killLibrary is a library of n articles with three highlights each; its
// version changes every title and note, so that each export rewrites
// every note.
func killLibrary(n, version int) *Library {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	lib := &Library{Actors: []annotation.Actor{{ID: "01JACTOR", Name: "China", Kind: annotation.KindState}}}
	for i := range n {
		id := fmt.Sprintf("01JKILL%019d", i)
		a := Article{ID: id, Added: t0.Add(time.Duration(i) * time.Minute), Article: article.Article{
			Title:  fmt.Sprintf("Artikel %d, Fassung %d", i, version),
			Blocks: []article.Block{{Type: article.Paragraph, Text: strings.Repeat("Peking schweigt. ", 40)}}}}
		for j := range 3 {
			a.Highlights = append(a.Highlights, annotation.Highlight{ID: fmt.Sprintf("%s%d", id, j), ArticleID: id, Start: 17 * j, End: 17*j + 15,
				Quote: annotation.TextQuote{Exact: "Peking schweigt"}, Note: fmt.Sprintf("Notiz %d, Fassung %d", j, version),
				Actors: []annotation.ActorRef{{ActorID: "01JACTOR", Role: annotation.RoleSpeaker}}})
		}
		lib.Articles = append(lib.Articles, a)
	}
	return lib
}

// killNotes is the size of the kill test's library.
const killNotes = 300

// exportForever is the child: it exports the two versions of the library
// in turn, with real syncs, until it is killed.
func exportForever(dir string) {
	libs := []*Library{killLibrary(killNotes, 1), killLibrary(killNotes, 2)}
	for i := 0; ; i++ {
		if _, err := WriteFolder(dir, libs[i%2], PerArticle); err != nil {
			fmt.Fprintln(os.Stderr, "export:", err)
			os.Exit(3)
		}
	}
}

// TestKilledExportLeavesWholeNotes kills a process exporting 300 notes
// with SIGKILL at random moments: every note is afterwards whole (its
// properties, one managed part, the reader's lines inside and below it),
// and the next export leaves no temporary file behind.
func TestKilledExportLeavesWholeNotes(t *testing.T) {
	rounds := 8
	if testing.Short() {
		rounds = 3
	}
	dir := t.TempDir()
	if _, err := WriteFolder(dir, killLibrary(killNotes, 1), PerArticle); err != nil {
		t.Fatal(err)
	}
	for _, e := range listDir(t, dir) {
		if strings.HasSuffix(e, ".md") {
			editNote(t, filepath.Join(dir, e), func(s string) string {
				s = strings.Replace(s, "\n\n^hl-", "\n\nReader inside.\n\n^hl-", 1)
				return s + "Reader below.\n"
			})
		}
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	temps := 0
	for round := range rounds {
		testkit.RunUntilKilled(t, "^$", time.Duration(200+rng.IntN(1500))*time.Millisecond, killChildEnv+"="+dir)
		notes := 0
		for _, e := range listDir(t, dir) {
			if strings.HasSuffix(e, tempSuffix) {
				temps++
			}
			if !strings.HasSuffix(e, ".md") {
				continue
			}
			notes++
			s := readFile(t, filepath.Join(dir, e))
			if frontMatterID(s) == "" || !strings.Contains(s, "\nReader inside.\n") || !strings.HasSuffix(s, markerClose+"\nReader below.\n") {
				t.Fatalf("round %d: %s is not whole:\n%s", round, e, s)
			}
			checkOneManagedPart(t, s)
		}
		if notes != killNotes {
			t.Fatalf("round %d: %d notes", round, notes)
		}
	}
	t.Logf("%d kills left %d temporary files (kills in the middle of a batch)", rounds, temps)
	// The killed exports' processes are gone: the next export removes
	// their temporary files at once, young as they are.
	if _, err := WriteFolder(dir, killLibrary(killNotes, 1), PerArticle); err != nil {
		t.Fatal(err)
	}
	for _, e := range listDir(t, dir) {
		if strings.HasSuffix(e, tempSuffix) {
			t.Errorf("temporary file %s left", e)
		}
	}
}
