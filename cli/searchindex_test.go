package cli

import (
	"context"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/storage"
)

// indexStatus opens the test library and reports its search index.
func (l *libEnv) indexStatus() storage.IndexStatus {
	l.t.Helper()
	lib, err := storage.OpenWith(l.path, storage.Options{ReadOnly: true})
	if err != nil {
		l.t.Fatal(err)
	}
	defer lib.Close()
	st, err := lib.SearchIndexStatus()
	if err != nil {
		l.t.Fatal(err)
	}
	return st
}

// writeAsOlderDramatis changes the library in a transaction that does not
// keep the search index, as a Dramatis that predates it would: the next
// open finds the index stale.
func (l *libEnv) writeAsOlderDramatis() {
	l.t.Helper()
	db, err := bolt.Open(l.path, 0o600, nil)
	if err != nil {
		l.t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("search_meta")).Put([]byte("stamp"), make([]byte, 8))
	}); err != nil {
		l.t.Fatal(err)
	}
}

// TestSearchBuildsAStaleIndex: a search (and a filtered list) that finds
// the index stale or unfinished answers first, by reading the articles,
// then builds the index, saying so in one line; the next search uses it
// and says nothing. The answer is the same either way.
func TestSearchBuildsAStaleIndex(t *testing.T) {
	l, nk, _, _ := searchEnv(t)
	fresh := l.ok("search", "pjongjang")
	l.writeAsOlderDramatis()
	if st := l.indexStatus(); st.Ready {
		t.Fatalf("the index is not stale after an older Dramatis wrote: %+v", st)
	}
	code, out, errs := l.run("", "search", "pjongjang")
	if code != 0 || out != fresh || !strings.Contains(errs, "dramatis: building the search index (once: 2 articles)") ||
		!strings.Contains(errs, "indexing for search: 2 of 2 articles") {
		t.Fatalf("search on a stale index: %d %q %q", code, out, errs)
	}
	if st := l.indexStatus(); !st.Ready || st.Indexed != 2 {
		t.Fatalf("after the search the index is %+v, want ready with 2", st)
	}
	code, out, errs = l.run("", "search", "pjongjang")
	if code != 0 || out != fresh || errs != "" {
		t.Fatalf("the next search: %d %q %q", code, out, errs)
	}

	// An unfinished index (reset, as a build starts), and list's filters.
	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.ResetSearchIndex(); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	code, out, errs = l.run("", "list", "--actor", "Nordkorea")
	if code != 0 || !strings.HasPrefix(out, nk) || !strings.Contains(errs, "dramatis: building the search index") {
		t.Fatalf("list on an unfinished index: %d %q %q", code, out, errs)
	}
	if st := l.indexStatus(); !st.Ready {
		t.Fatalf("after list the index is %+v, want ready", st)
	}
}

// TestSearchLeavesAnIndexItCannotBuild: when the library cannot be
// written now (another reader holds it), the search still answers, exits
// 0, and says in one line why it was slow and how to build the index.
func TestSearchLeavesAnIndexItCannotBuild(t *testing.T) {
	l, _, _, _ := searchEnv(t)
	fresh := l.ok("search", "pjongjang")
	l.writeAsOlderDramatis()
	other, err := storage.OpenWith(l.path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	code, out, errs := l.run("", "search", "pjongjang", "--wait", "50ms")
	if code != 0 || out != fresh || strings.Count(errs, "\n") != 1 ||
		!strings.HasPrefix(errs, "dramatis: the search index holds 0 of 2 articles, so this search read the others one by one (slower), and it cannot be built now: ") {
		t.Fatalf("search with the library held: %d %q %q", code, out, errs)
	}
}

// stopAfterFirstCheck is a context the reader cancels (Ctrl-C) right
// after the build looked at it for the first time: during its first
// batch.
type stopAfterFirstCheck struct {
	context.Context
	checks int
}

func (c *stopAfterFirstCheck) Err() error {
	c.checks++
	if c.checks > 1 {
		return context.Canceled
	}
	return nil
}

// TestStoppingTheIndexBuildSaysHowFarItIs: a build stopped before its
// first batch says how many of how many articles the index holds (none
// of 2, not "0 of 0"); one stopped during its last batch, which commits
// whole, finishes the index and does not claim it stopped.
func TestStoppingTheIndexBuildSaysHowFarItIs(t *testing.T) {
	l, _, _, _ := searchEnv(t)
	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if err := lib.ResetSearchIndex(); err != nil {
		t.Fatal(err)
	}
	var errs strings.Builder
	e := &Env{Stderr: &errs}
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	if err := buildIndexUntil(stopped, e, lib); err != nil || !strings.Contains(errs.String(), "stopped; the search index holds 0 of 2 articles") {
		t.Fatalf("a build stopped at once: %v %q", err, errs.String())
	}
	errs.Reset()
	if err := buildIndexUntil(&stopAfterFirstCheck{Context: context.Background()}, e, lib); err != nil || strings.Contains(errs.String(), "stopped") {
		t.Fatalf("a build stopped during its last batch: %v %q", err, errs.String())
	}
	if st, err := lib.SearchIndexStatus(); err != nil || !st.Ready {
		t.Fatalf("after the last batch the index is %+v (%v), want ready", st, err)
	}
}
