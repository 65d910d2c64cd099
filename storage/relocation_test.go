package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
)

// Something else moves, deletes or replaces the library file while it is
// open (the reader in a file manager, a sync tool renaming its own copy
// over it). Then the reader's library must still be where Dramatis looks
// next time, with everything stored before, nothing already at the path
// may be overwritten, and later changes are refused in one line.
func TestALibraryMovedWhileOpenIsPutBack(t *testing.T) {
	for _, c := range []struct {
		name string
		// disturb acts on the library file at p.
		disturb func(t *testing.T, p string)
		// atPath: whether the path gets the rescue copy (else a file
		// beside it does, and the path keeps what is there).
		atPath bool
		// writeAfter: whether a change is tried before Close.
		writeAfter bool
	}{
		{"moved, then a change", func(t *testing.T, p string) { rename(t, p, p+".moved") }, true, true},
		{"deleted, then a change", func(t *testing.T, p string) { remove(t, p) }, true, true},
		{"deleted, then closed without a change", func(t *testing.T, p string) { remove(t, p) }, true, false},
		{"replaced by another file, then a change", func(t *testing.T, p string) { replaceWith(t, p, []byte("a sync tool's copy")) }, false, true},
		{"replaced by another file, then closed", func(t *testing.T, p string) { replaceWith(t, p, []byte("a sync tool's copy")) }, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "library.db")
			var mu sync.Mutex
			var problems []error
			l, err := OpenWith(p, Options{StartBackup: func(string) {}, OnProblem: func(err error) {
				mu.Lock()
				problems = append(problems, err)
				mu.Unlock()
			}})
			if err != nil {
				t.Fatal(err)
			}
			res, err := l.ImportArticle(newArticle("https://example.org/a", "Nordkorea testet Raketen", sampleParagraphs...))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: 0, End: 9, Note: "vor dem Verschieben"}); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(p)
			c.disturb(t, p)
			other, _ := os.ReadFile(p) // what is at the path now, if anything

			if c.writeAfter {
				_, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: 10, End: 20, Note: "danach"})
				if !errors.Is(err, ErrMoved) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("a change after the move: %v, want one line of ErrMoved", err)
				}
				if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: 10, End: 20}); !errors.Is(err, ErrMoved) {
					t.Fatalf("a second change: %v, want ErrMoved", err)
				}
			}
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			if len(problems) != 1 || !errors.Is(problems[0], ErrMoved) {
				t.Errorf("the library told %v, want ErrMoved once", problems)
			}
			mu.Unlock()

			copyPath := p
			if !c.atPath {
				if got, _ := os.ReadFile(p); !bytes.Equal(got, other) {
					t.Fatalf("the file now at the path was overwritten")
				}
				rescued, _ := filepath.Glob(filepath.Join(dir, "library-rescued-*.db"))
				if len(rescued) != 1 {
					t.Fatalf("rescue copies: %v, want one", rescued)
				}
				copyPath = rescued[0]
				if !strings.Contains(problems[0].Error(), copyPath) {
					t.Errorf("the message %q does not say where the copy is", problems[0])
				}
			}
			if len(before) == 0 {
				t.Fatal("no library file before the move")
			}
			r, err := OpenWith(copyPath, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("the rescued copy: %v", err)
			}
			defer r.Close()
			hs, err := r.Highlights(res.ID)
			if err != nil || len(hs) != 1 || hs[0].Note != "vor dem Verschieben" {
				t.Fatalf("the rescued copy holds %v (%v), want the one highlight stored before the move", hs, err)
			}
		})
	}
}

// A library the path still names is left alone: no copy, no notice.
func TestALibraryInPlaceIsNotRescued(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "library.db")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}, OnProblem: func(err error) { t.Errorf("told %v", err) }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.ImportArticle(newArticle("https://example.org/a", "Titel", sampleParagraphs...)); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*rescued*")); len(m) > 0 {
		t.Errorf("rescue copies of a library in place: %v", m)
	}
}

func rename(t *testing.T, from, to string) {
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, p string) {
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}

// replaceWith puts a new file at p as sync tools do: written beside it,
// then renamed over it.
func replaceWith(t *testing.T, p string, data []byte) {
	tmp := p + ".sync-tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	rename(t, tmp, p)
}
