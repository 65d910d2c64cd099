package storage

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Re-imports and restores under injected faults: the library's own file
// operations (opening, closing, its state marker, backups) through faultFS,
// ENOSPC and EIO at every step; and the disk filling up inside bbolt's
// commit (the file cannot grow), at every size the commit could need.
// After each: the library reads whole, the article is exactly its old
// version or exactly its new one (with the old kept as a version), and
// every highlight is there.

// reimportCase is a library with one article and its highlights, closed.
type reimportCase struct {
	lib        string
	id         string
	highlights []string
	before     snapshot
}

// newReimportCase makes a library in dir with an article of paragraphs and
// a highlight on every every-th paragraph.
func newReimportCase(t *testing.T, dir string, paragraphs, every int) reimportCase {
	t.Helper()
	p := filepath.Join(dir, "library.db")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a := benchArticle("https://example.org/faults", paragraphs)
	r, err := l.Import(a, ImportOptions{Source: a.URL})
	if err != nil {
		t.Fatal(err)
	}
	c := reimportCase{lib: p, id: r.ID}
	for i := 0; i < len(a.Blocks); i += every {
		s, e := span(t, a, a.Blocks[i].Text[:40])
		h, err := l.AddHighlight(annotation.Highlight{ArticleID: r.ID, Start: s, End: e})
		if err != nil {
			t.Fatal(err)
		}
		c.highlights = append(c.highlights, h.ID)
	}
	c.before = snap(t, l, r.ID)
	return c
}

// replacement is the text the faulty re-imports bring: a different page
// at the same address (every highlight is orphaned; forced).
func replacement(paragraphs int) *article.Article {
	a := benchArticle("https://example.org/faults", paragraphs)
	b := benchArticle("https://example.org/other", paragraphs+1)
	b.URL, b.Title = a.URL, "Ersetzt"
	return b
}

// checkOldOrNew checks that the library at c.lib reads whole and holds the
// article either exactly as before, with no version kept, or with the
// replacement's text, version 1 holding the text before, and every
// highlight present. It returns whether the re-import happened.
func checkOldOrNew(t *testing.T, c reimportCase, repl *article.Article) bool {
	t.Helper()
	rep, err := checkPath(c.lib)
	if err != nil || rep.Err() != nil {
		t.Fatalf("the library does not read whole: %v %v", err, rep.Err())
	}
	l, err := OpenWith(c.lib, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the library does not open: %v", err)
	}
	defer l.Close()
	now := snap(t, l, c.id)
	vs, err := l.Versions(c.id)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(now, c.before) && len(vs) == 1 {
		return false
	}
	old, _, err := l.VersionArticle(c.id, 1)
	if err != nil || !reflect.DeepEqual(old, c.before.article) || now.article.Text() != repl.Text() || len(vs) != 2 {
		t.Fatalf("the article is neither as before nor replaced with its old text kept: %d versions, %v", len(vs), err)
	}
	if len(now.highlights) != len(c.highlights) {
		t.Fatalf("%d highlights after the re-import, want %d", len(now.highlights), len(c.highlights))
	}
	return true
}

// reimportFaultScenario: 'dramatis import --force' of a page that replaces
// an article's text, through the fault layer.
func reimportFaultScenario() faultScenario {
	var cases = map[string]reimportCase{}
	return faultScenario{name: "forced re-import",
		setup: func(t *testing.T, dir string) *faultCase {
			c := newReimportCase(t, dir, 30, 10)
			cases[dir] = c
			return &faultCase{dir: dir, lib: c.lib, want: c.highlights, before: fileHash(t, c.lib)}
		},
		run: func(fc *faultCase, fs fileSystem) error {
			l, err := OpenWith(fc.lib, Options{fs: fs, StartBackup: func(string) {}})
			if err != nil {
				return err
			}
			_, err = l.Import(replacement(30), ImportOptions{Source: "https://example.org/faults", Force: true})
			return errors.Join(err, l.Close())
		},
		verify: func(t *testing.T, fc *faultCase, err error, fs *faultFS) {
			checkOldOrNew(t, cases[fc.dir], replacement(30))
			assertIntact(t, fc, fc.lib, fc.want)
		},
	}
}

// restoreVersionFaultScenario: 'dramatis versions restore' of the text a
// forced re-import replaced, through the fault layer.
func restoreVersionFaultScenario() faultScenario {
	var cases = map[string]reimportCase{}
	return faultScenario{name: "restoring a version",
		setup: func(t *testing.T, dir string) *faultCase {
			c := newReimportCase(t, dir, 30, 10)
			l, err := OpenWith(c.lib, Options{StartBackup: func(string) {}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.Import(replacement(30), ImportOptions{Source: "https://example.org/faults", Force: true}); err != nil {
				t.Fatal(err)
			}
			c.before = snap(t, l, c.id)
			l.Close()
			cases[dir] = c
			return &faultCase{dir: dir, lib: c.lib, want: c.highlights, before: fileHash(t, c.lib)}
		},
		run: func(fc *faultCase, fs fileSystem) error {
			l, err := OpenWith(fc.lib, Options{fs: fs, StartBackup: func(string) {}})
			if err != nil {
				return err
			}
			_, err = l.RestoreVersion(cases[fc.dir].id, 1, false)
			return errors.Join(err, l.Close())
		},
		verify: func(t *testing.T, fc *faultCase, err error, fs *faultFS) {
			c := cases[fc.dir]
			l, oerr := OpenWith(c.lib, Options{ReadOnly: true})
			if oerr != nil {
				t.Fatalf("the library does not open: %v", oerr)
			}
			defer l.Close()
			now := snap(t, l, c.id)
			vs, _ := l.Versions(c.id)
			restored := len(vs) == 3 && vs[0].Number == 3
			if !restored && (!reflect.DeepEqual(now, c.before) || len(vs) != 2) {
				t.Fatalf("after a failed restore (%v) the article changed: %d versions", err, len(vs))
			}
			if restored {
				for _, h := range now.highlights {
					if h.Orphaned != "" {
						t.Fatalf("restored, but highlight %s is still orphaned", h.ID)
					}
				}
			}
			assertIntact(t, fc, fc.lib, fc.want)
		},
	}
}

func TestFaultsDuringReimportAndRestoreLoseNothing(t *testing.T) {
	var total faultCount
	for _, sc := range []faultScenario{reimportFaultScenario(), restoreVersionFaultScenario()} {
		n := runFaultScenario(t, sc)
		total.cases += n.cases
		total.injected += n.injected
	}
	t.Logf("re-import and restore: %d runs, %d faults injected, lost 0", total.cases, total.injected)
}

// diskLimitChildEnv carries the library and file size limit of the child
// of TestDiskFullDuringReimportLosesNothing.
const diskLimitChildEnv = "DRAMATIS_DISK_LIMIT_CHILD"

// TestDiskLimitChild re-imports (forced) under a file size limit
// (RLIMIT_FSIZE), so that bbolt cannot grow the file: a full disk inside
// the commit. It prints OK or the error.
func TestDiskLimitChild(t *testing.T) {
	env := os.Getenv(diskLimitChildEnv)
	if env == "" {
		t.Skip("only runs as the child of TestDiskFullDuringReimportLosesNothing")
	}
	var lib string
	var limit uint64
	if _, err := fmt.Sscanf(env, "%d %s", &limit, &lib); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	ignoreFileSizeSignal() // a write past the limit fails with EFBIG instead of killing
	if err := setFileSizeLimit(limit, limit); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
	if err != nil {
		fmt.Println("FAIL open:", err)
		return
	}
	_, err = l.Import(replacement(400), ImportOptions{Source: "https://example.org/faults", Force: true})
	if cerr := l.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Println("FAIL", oneLineErr(err))
		return
	}
	fmt.Println("OK")
}

func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// TestDiskFullDuringReimportLosesNothing re-imports a 200 KB article over
// another in a child process whose files may not grow past a limit, the
// limit rising by 64 KB from the file's size until the re-import fits: each failure
// is a full disk at another point of the commit. After each run the
// library reads whole and is exactly as before or exactly replaced.
func TestDiskFullDuringReimportLosesNothing(t *testing.T) {
	if os.Getenv(diskLimitChildEnv) != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	base := newReimportCase(t, dir, 400, 100) // few highlights: orphaning each costs a search of the text
	pristine, err := os.ReadFile(base.lib)
	if err != nil {
		t.Fatal(err)
	}
	failures := 0
	step := uint64(64 << 10)
	if raceEnabled {
		step *= 4 // fewer, slower children
	}
	for limit := uint64(len(pristine)); ; limit += step {
		if err := os.WriteFile(base.lib, pristine, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestDiskLimitChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d %s", diskLimitChildEnv, limit, base.lib))
		out, _ := cmd.CombinedOutput()
		switch {
		case strings.Contains(string(out), "\nOK\n") || strings.HasPrefix(string(out), "OK\n"):
			if !checkOldOrNew(t, base, replacement(400)) {
				t.Fatalf("limit %d: the child said OK but the article is unchanged", limit)
			}
			t.Logf("file size limits from %d bytes: %d re-imports failed for a full disk, the next one fitted; nothing lost", len(pristine), failures)
			if failures == 0 {
				t.Fatal("no re-import ever hit the limit; the test proved nothing")
			}
			return
		case strings.Contains(string(out), "FAIL"):
			failures++
			if !strings.Contains(string(out), ErrFull.Error()) || strings.Contains(string(out), "resize error") {
				t.Errorf("limit %d: a full disk is told as %q, not as ErrFull", limit, out)
			}
			if checkOldOrNew(t, base, replacement(400)) {
				t.Fatalf("limit %d: the re-import failed but the article changed", limit)
			}
		default:
			t.Fatalf("limit %d: child said %s", limit, out)
		}
		if limit > uint64(len(pristine))+64<<20 {
			t.Fatal("the re-import never fitted")
		}
	}
}
