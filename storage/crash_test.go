package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

// crashChildEnv names the library the crash child writes to; the child
// test does nothing without it.
const crashChildEnv = "DRAMATIS_CRASH_CHILD_LIBRARY"

// TestCrashChild is the child half of TestCrashKeepsEveryReturnedHighlight:
// it adds highlights in a loop and prints each id after AddHighlight
// returned, until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashKeepsEveryReturnedHighlight")
	}
	l, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	arts, err := l.Articles()
	if err != nil || len(arts) == 0 {
		fmt.Println("ERR no article", err)
		os.Exit(3)
	}
	actors, _ := l.Actors()
	id := arts[0].ID
	for i := 0; ; i++ {
		h := annotation.Highlight{ArticleID: id, Start: i % 50, End: i%50 + 10, Note: strings.Repeat("n", i%200)}
		if len(actors) > 0 {
			h.Actors = []annotation.ActorRef{{ActorID: actors[i%len(actors)].ID, Role: annotation.RoleSpeaker}}
		}
		got, err := l.AddHighlight(h)
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		// One write(2) per line: the parent sees whole lines or nothing.
		os.Stdout.WriteString("ID " + got.ID + "\n")
	}
}

// TestCrashKeepsEveryReturnedHighlight kills a child process that adds
// highlights with SIGKILL at random moments, many times, and checks after
// each kill that the library opens and holds every highlight whose add had
// returned (and that its indexes are in step).
func TestCrashKeepsEveryReturnedHighlight(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 25
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.ImportArticle(newArticle("https://example.org/crash", "Crash", sampleParagraphs...)); err != nil {
		t.Fatal(err)
	}
	addActor(t, l, "Kim Jong Un")
	addActor(t, l, "China")
	l.Close()

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var returned []string
	total := 0
	for round := 0; round < rounds; round++ {
		var ids []string
		for _, ln := range testkit.RunUntilKilled(t, "^TestCrashChild$", time.Duration(100+rng.IntN(400))*time.Millisecond, crashChildEnv+"="+path) {
			if id, ok := strings.CutPrefix(ln, "ID "); ok && len(id) == 26 {
				ids = append(ids, id)
			} else if strings.HasPrefix(ln, "ERR") {
				t.Errorf("child: %s", ln)
			}
		}
		returned = append(returned, ids...)
		total += len(ids)

		l, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: library does not open after SIGKILL: %v", round, err)
		}
		for _, id := range returned {
			if _, err := l.Highlight(id); err != nil {
				l.Close()
				t.Fatalf("round %d: highlight %s was returned before the kill but is gone: %v", round, id, err)
			}
		}
		checkIndexes(t, l)
		l.Close()
	}
	t.Logf("%d SIGKILLs, %d highlights returned before the kills, all present", rounds, total)
	if total == 0 {
		t.Fatal("the child never added a highlight; the test proved nothing")
	}
}
