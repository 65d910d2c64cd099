package export

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cancelAfter is a NoteSource that cancels the export (as Ctrl-C does)
// when the export reads its article number n.
type cancelAfter struct {
	NoteSource
	n, read int
	cancel  context.CancelFunc
}

func (c *cancelAfter) Article(id string) *Article {
	c.read++
	if c.read == c.n {
		c.cancel()
	}
	return c.NoteSource.Article(id)
}

// stopNotes is the size of the stopped export's library.
const stopNotes = 100

// An export stopped part way (Ctrl-C) leaves no temporary file, every note
// whole and either as it was or as the export wrote it (those it reports
// written), and a record of what it put in place: the next export then
// finishes the job with no conflict, as if it had never been stopped.
func TestStoppedExportLeavesNothingHalfDone(t *testing.T) {
	for _, tc := range []struct {
		name     string
		workers  int
		stopAt   int
		batch    int
		grouping Grouping
	}{
		{"in the first batch", 2, 5, 20, PerArticle},
		{"after batches", 2, 70, 20, PerArticle},
		{"in order", 0, 50, 20, PerArticle},
		{"actors' notes", 2, 70, 20, PerActor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := WriteFolder(dir, killLibrary(stopNotes, 1), tc.grouping); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			f := newFolderWriter(dir)
			f.ctx, f.workers, f.batchNotes = ctx, tc.workers, tc.batch
			rep, err := f.writeFrom(&cancelAfter{NoteSource: killLibrary(stopNotes, 2).NoteSource(), n: tc.stopAt, cancel: cancel}, tc.grouping)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("the stopped export returned %v", err)
			}
			if len(rep.Written) >= tc.stopAt {
				t.Fatalf("%d notes written after a stop at the %dth article", len(rep.Written), tc.stopAt)
			}
			written := map[string]bool{}
			for _, n := range rep.Written {
				written[n] = true
			}
			for _, e := range listDir(t, dir) {
				if strings.HasSuffix(e, tempSuffix) {
					t.Errorf("temporary file %s left", e)
				}
				if !strings.HasPrefix(e, "Artikel") {
					continue
				}
				s := readFile(t, filepath.Join(dir, e))
				checkOneManagedPart(t, s)
				if v2 := strings.Contains(s, "Fassung 2"); v2 != written[e] || (!v2 && !strings.Contains(s, "Fassung 1")) {
					t.Errorf("%s: version 2 %v, reported written %v", e, v2, written[e])
				}
			}
			t.Logf("stopped at article %d: %d notes written", tc.stopAt, len(rep.Written))
			rep, err = WriteFolder(dir, killLibrary(stopNotes, 2), tc.grouping)
			if err != nil || len(rep.Conflicts) > 0 || len(rep.Skipped) > 0 || rep.Kept > 0 {
				t.Fatalf("the export after: %v, %+v", err, rep)
			}
			fresh := t.TempDir()
			for v := 1; v <= 2; v++ {
				if _, err := WriteFolder(fresh, killLibrary(stopNotes, v), tc.grouping); err != nil {
					t.Fatal(err)
				}
			}
			for _, e := range listDir(t, fresh) {
				if strings.HasSuffix(e, ".md") && readFile(t, filepath.Join(dir, e)) != readFile(t, filepath.Join(fresh, e)) {
					t.Fatalf("%s differs from a fresh export", e)
				}
			}
		})
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// RemoveStaleTemps removes the temporary files of an export whose process
// is gone at once, and those without a process id only when old; it
// keeps the files of a process that runs (this one, or another), and
// every file that is not an export's temporary file, however close its
// name.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	dead, alive, self := strconv.Itoa(deadPID(t)), strconv.Itoa(os.Getppid()), strconv.Itoa(os.Getpid())
	old := time.Now().Add(-time.Hour)
	for _, tc := range []struct {
		name   string
		old    bool
		folder bool
		stays  bool
	}{
		{name: ".dramatis-" + dead + "-123.tmp"},
		{name: ".dramatis-" + dead + "-123.tmp.keep", stays: true},
		{name: ".dramatis-" + alive + "-123.tmp", stays: true},
		{name: ".dramatis-" + alive + "-456.tmp", old: true},
		{name: ".dramatis-" + self + "-123.tmp", stays: true},
		{name: ".dramatis-123456.tmp", stays: true},
		{name: ".dramatis-654321.tmp", old: true},
		{name: "dramatis-" + dead + "-123.tmp", stays: true},
		{name: ".dramatis-" + dead + "-notes.md", stays: true},
		{name: ".dramatis-" + dead + "-9.tmp", folder: true, stays: true},
		{name: "Notiz.md", old: true, stays: true},
	} {
		p := filepath.Join(dir, tc.name)
		if tc.folder {
			os.Mkdir(p, 0o755)
		} else {
			os.WriteFile(p, []byte("x"), 0o644)
		}
		if tc.old {
			os.Chtimes(p, old, old)
		}
		defer func() {
			_, err := os.Stat(p)
			if stays := err == nil; stays != tc.stays {
				t.Errorf("%s: stays %v, want %v", tc.name, stays, tc.stays)
			}
		}()
	}
	RemoveStaleTemps(dir)
}
