package storage

import (
	"encoding/json"
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

// deleteChildEnv names the library the deleting child works on.
const deleteChildEnv = "DRAMATIS_DELETE_CHILD_LIBRARY"

// TestDeleteCrashChild is the child half of
// TestCrashDuringDeleteKeepsRecordAndDeletionTogether: it deletes every
// highlight in turn and puts every third back (an undo), printing each
// after the call returned, until it is killed.
func TestDeleteCrashChild(t *testing.T) {
	path := os.Getenv(deleteChildEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashDuringDeleteKeepsRecordAndDeletionTogether")
	}
	l, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	data, err := os.ReadFile(path + ".highlights.json")
	var hs []annotation.Highlight
	if err == nil {
		err = json.Unmarshal(data, &hs)
	}
	if err != nil || len(hs) == 0 {
		fmt.Println("ERR no highlights", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		h := hs[i%len(hs)]
		op, err := "DEL", l.DeleteHighlight(h.ID)
		if err != nil { // deleted in an earlier round: put it back
			op, err = "PUT", l.PutHighlight(h)
		}
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		os.Stdout.WriteString(op + " " + h.ID + "\n")
		if i%3 == 0 && op == "DEL" {
			if err := l.PutHighlight(h); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			os.Stdout.WriteString("PUT " + h.ID + "\n")
		}
	}
}

// TestCrashDuringDeleteKeepsRecordAndDeletionTogether kills a child that
// deletes highlights and puts them back (undo) with SIGKILL at random
// moments, and checks after each kill that every highlight is either in
// the library or recorded as deleted, never both and never neither, and
// that the last change acknowledged before the kill is the one that holds.
func TestCrashDuringDeleteKeepsRecordAndDeletionTogether(t *testing.T) {
	if os.Getenv(deleteChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := newArticle("https://example.org/deletes", "Deletes", sampleParagraphs...)
	art := importArticle(t, l, a)
	var ids []string
	var hs []annotation.Highlight
	for i := range 40 {
		h, err := l.AddHighlight(annotation.Highlight{ArticleID: art, Start: i, End: i + 12})
		if err != nil {
			t.Fatal(err)
		}
		ids, hs = append(ids, h.ID), append(hs, h)
	}
	l.Close()
	data, err := json.Marshal(hs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".highlights.json", data, 0o600); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	last := map[string]string{} // acknowledged: id → DEL or PUT
	acked := 0
	for round := range rounds {
		lines := testkit.RunUntilKilled(t, "^TestDeleteCrashChild$", time.Duration(100+rng.IntN(400))*time.Millisecond, deleteChildEnv+"="+path)
		for _, ln := range lines {
			op, id, ok := strings.Cut(ln, " ")
			switch {
			case ok && (op == "DEL" || op == "PUT"):
				last[id] = op
				acked++
			case strings.HasPrefix(ln, "ERR"):
				t.Errorf("child: %s", ln)
			}
		}
		l, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: the library does not open after SIGKILL: %v", round, err)
		}
		inFlight := 0
		for _, id := range ids {
			_, herr := l.Highlight(id)
			_, recorded, err := l.Deletion(DeletedHighlight, id)
			if err != nil {
				t.Fatal(err)
			}
			present := herr == nil
			switch {
			case present == recorded:
				t.Fatalf("round %d: highlight %s present %v and recorded as deleted %v", round, id, present, recorded)
			case last[id] == "DEL" && present, last[id] == "PUT" && !present:
				// Killed after a change committed but before it was
				// printed: only the one change in flight may differ
				// from what was acknowledged.
				inFlight++
			}
			// What holds now is what the next round starts from.
			last[id] = map[bool]string{true: "PUT", false: "DEL"}[present]
		}
		if inFlight > 1 {
			t.Fatalf("round %d: %d highlights differ from their last acknowledged change; at most the one in flight may", round, inFlight)
		}
		checkIndexes(t, l)
		l.Close()
	}
	t.Logf("%d SIGKILLs during %d acknowledged deletions and undos: every highlight present or recorded as deleted, never both", rounds, acked)
	if acked == 0 {
		t.Fatal("the child never deleted a highlight; the test proved nothing")
	}
}
