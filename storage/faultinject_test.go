package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// The fault-injection tests run a scenario (a backup, the daily backup in
// the window and from a command, a restore, a migration, creating a
// library) once to count its file operations, then once for every
// operation with that operation failing with ENOSPC and once with EIO.
// After every run: the library reads whole (every page and record), holds
// every highlight that was acknowledged, and every file in backups/ reads
// whole too; no temporary file is left.

// injectedErrors are the failures every step is tried with.
var injectedErrors = []error{syscall.ENOSPC, syscall.EIO}

// faultScenario is one scenario: setup makes its files in dir (no faults),
// run does the work through fs, verify checks the outcome.
type faultScenario struct {
	name   string
	setup  func(t *testing.T, dir string) *faultCase
	run    func(c *faultCase, fs fileSystem) error
	verify func(t *testing.T, c *faultCase, err error, fs *faultFS)
}

// faultCase is the state of one run.
type faultCase struct {
	dir, lib, other string // the library, a second file (backup, target)
	want            []string
	before          [32]byte // hash of the library before the run
	told            []error  // problems told through OnProblem
	// removeFailed: the injected fault was a removal, so a temporary file
	// may be left, unlocked, for the next run to clean up.
	removeFailed bool
}

// faultCount sums what the fault tests did, for the report.
type faultCount struct{ cases, injected int }

func runFaultScenario(t *testing.T, sc faultScenario) faultCount {
	var n faultCount
	t.Run(sc.name, func(t *testing.T) {
		counter := &faultFS{fs: osFS{}}
		c := sc.setup(t, t.TempDir())
		err := sc.run(c, counter)
		if err != nil {
			t.Fatalf("without faults: %v", err)
		}
		sc.verify(t, c, nil, counter)
		steps := counter.steps
		if steps < 3 {
			t.Fatalf("only %d steps counted: the scenario does not go through the fault layer", steps)
		}
		for k := 1; k <= steps; k++ {
			for _, injected := range injectedErrors {
				fs := &faultFS{fs: osFS{}, failAt: k, err: injected}
				c := sc.setup(t, t.TempDir())
				err := sc.run(c, fs)
				if t.Failed() {
					return
				}
				c.removeFailed = fs.what == "remove"
				sc.verify(t, c, err, fs)
				if t.Failed() {
					t.Logf("after %v", fs)
					return
				}
				n.cases++
				n.injected += fs.injected
			}
		}
		t.Logf("%s: %d steps, %d runs, %d faults injected, lost 0", sc.name, steps, n.cases, n.injected)
	})
	return n
}

// faultLibrary makes a closed library at dir/library.db with a few
// highlights and returns its path and their ids.
func faultLibrary(t *testing.T, dir, url string) (string, []string) {
	t.Helper()
	p := filepath.Join(dir, "library.db")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a := newArticle(url, "F", sampleParagraphs...)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, passage := range []string{"Nordkorea", "Kim Jong Un", "Sicherheitsrat"} {
		s, e := span(t, a, passage)
		h, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: e, Note: url})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, h.ID)
	}
	return p, ids
}

// assertIntact checks that the library file reads whole and holds exactly
// the highlights want (any of the sets in wants, for outcomes that may go
// either way), and that no temporary file is left in dir.
func assertIntact(t *testing.T, c *faultCase, lib string, wants ...[]string) []string {
	t.Helper()
	rep, err := checkPath(lib)
	if err != nil || rep.Err() != nil {
		t.Fatalf("the library does not read whole: %v %v", err, rep.Err())
	}
	l, err := OpenWith(lib, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the library does not open: %v", err)
	}
	var got []string
	arts, _ := l.Articles()
	for _, a := range arts {
		hs, err := l.Highlights(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			got = append(got, h.ID)
		}
	}
	l.Close()
	sort.Strings(got)
	match := false
	for _, want := range wants {
		w := append([]string(nil), want...)
		sort.Strings(w)
		match = match || strings.Join(w, ",") == strings.Join(got, ",")
	}
	if !match {
		t.Fatalf("the library holds highlights %v, want one of %v", got, wants)
	}
	assertNoTemps(t, c)
	assertBackupsRead(t, lib)
	return got
}

// assertNoTemps fails on a temporary file left behind, unless the fault
// was the removal of it and it is free for the next run to clean up.
func assertNoTemps(t *testing.T, c *faultCase) {
	t.Helper()
	filepath.WalkDir(c.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isOurTemp(d.Name(), "") {
			if c.removeFailed && isStale(p, time.Hour) {
				return nil
			}
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// assertBackupsRead checks that every file in backups/ reads whole: a
// failed backup never leaves half a copy where a restore would find it.
func assertBackupsRead(t *testing.T, lib string) {
	t.Helper()
	bs, _ := backups(lib)
	for _, b := range bs {
		if rep, err := checkPath(b); err != nil || rep.Err() != nil {
			t.Errorf("backup %s does not read whole: %v %v", filepath.Base(b), err, rep.Err())
		}
	}
}

func TestFaultsNeverLoseAcknowledgedWork(t *testing.T) {
	var total faultCount
	for _, sc := range []faultScenario{
		backupScenario(false), backupScenario(true), windowBackupScenario(), commandBackupScenario(),
		restoreScenario(), migrationScenario(), createScenario(),
	} {
		n := runFaultScenario(t, sc)
		total.cases += n.cases
		total.injected += n.injected
	}
	t.Logf("fault injection: %d runs, %d faults injected (ENOSPC and EIO at every step), acknowledged highlights lost: 0", total.cases, total.injected)
}

// backupScenario: 'dramatis backup FILE', onto a new file or over an
// earlier copy, which a failed backup must leave as it was.
func backupScenario(over bool) faultScenario {
	name := "backup to a new file"
	if over {
		name = "backup over an earlier copy"
	}
	return faultScenario{name: name,
		setup: func(t *testing.T, dir string) *faultCase {
			p, ids := faultLibrary(t, dir, "https://example.org/f")
			c := &faultCase{dir: dir, lib: p, other: filepath.Join(dir, "copy.db"), want: ids}
			if over {
				l, err := OpenWith(p, Options{ReadOnly: true})
				if err != nil {
					t.Fatal(err)
				}
				l.Backup(c.other)
				l.Close()
				c.before = fileHash(t, c.other)
			}
			return c
		},
		run: func(c *faultCase, fs fileSystem) error {
			l, err := OpenWith(c.lib, Options{ReadOnly: true, fs: fs})
			if err != nil {
				return err
			}
			defer l.Close()
			return l.Backup(c.other)
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			assertIntact(t, c, c.lib, c.want)
			_, serr := os.Stat(c.other)
			switch {
			case err == nil || (serr == nil && !over):
				assertIntact(t, c, c.other, c.want) // done, or renamed before the fault
			case over:
				if fileHash(t, c.other) != c.before {
					if rep, err := checkPath(c.other); err != nil || rep.Err() != nil {
						t.Fatalf("a failed backup spoilt the earlier copy: %v", err)
					}
				}
			default:
				if serr == nil {
					t.Fatal("a failed backup left a file")
				}
			}
		},
	}
}

// windowBackupScenario: the window's daily backup in the background while
// the reader adds a highlight; Close waits for it.
func windowBackupScenario() faultScenario {
	return faultScenario{name: "daily backup in the window",
		setup: func(t *testing.T, dir string) *faultCase {
			p, ids := faultLibrary(t, dir, "https://example.org/w")
			return &faultCase{dir: dir, lib: p, want: ids}
		},
		run: func(c *faultCase, fs fileSystem) error {
			l, err := OpenWith(c.lib, Options{fs: fs, OnProblem: func(err error) { c.told = append(c.told, err) }})
			if err != nil {
				return err
			}
			if p := l.BackupProblem(); p != nil {
				c.told = append(c.told, p)
			}
			arts, err := l.Articles()
			if err != nil {
				l.Close()
				return err
			}
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: arts[0].ID, Start: 3, End: 9})
			if err == nil {
				c.want = append(c.want, h.ID) // acknowledged
			}
			if cerr := l.Close(); err == nil {
				err = cerr
			}
			return err
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			if err != nil {
				t.Fatalf("a fault in the background stopped the reader's work: %v", err)
			}
			assertIntact(t, c, c.lib, c.want)
			bs, _ := backups(c.lib)
			if len(bs) == 0 && len(c.told) == 0 {
				t.Fatalf("the daily backup was not made and nobody was told (%v)", fs)
			}
		},
	}
}

// commandBackupScenario: 'dramatis backup --auto' after a command.
func commandBackupScenario() faultScenario {
	return faultScenario{name: "daily backup of a command (unlocked copy)",
		setup: func(t *testing.T, dir string) *faultCase {
			p, ids := faultLibrary(t, dir, "https://example.org/c")
			return &faultCase{dir: dir, lib: p, want: ids, before: fileHash(t, p)}
		},
		run: func(c *faultCase, fs fileSystem) error {
			made, err := makeDailyBackupUnlocked(fs, c.lib, time.Now)
			if err == nil && !made {
				return errors.New("no backup made")
			}
			return err
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			if fileHash(t, c.lib) != c.before {
				t.Fatal("the backup wrote to the library")
			}
			assertIntact(t, c, c.lib, c.want)
			if bs, _ := backups(c.lib); len(bs) == 0 && err == nil {
				t.Fatal("no backup, no error")
			}
			if err != nil {
				if p, ok := readBackupProblem(c.lib); !ok || p.Reported {
					t.Errorf("the failure (%v) was not noted for the next command to tell: %+v", fs, p)
				}
			}
		},
	}
}

// restoreScenario: restore over a library holding other highlights; the
// library is the old one or the backup's, whole, never anything between.
func restoreScenario() faultScenario {
	return faultScenario{name: "restore",
		setup: func(t *testing.T, dir string) *faultCase {
			bdir := filepath.Join(dir, "elsewhere")
			os.MkdirAll(bdir, 0o700)
			bp, bids := faultLibrary(t, bdir, "https://example.org/backup")
			p, ids := faultLibrary(t, dir, "https://example.org/current")
			return &faultCase{dir: dir, lib: p, other: bp, want: ids, told: []error{errors.New(strings.Join(bids, ","))}}
		},
		run: func(c *faultCase, fs fileSystem) error {
			return restore(fs, c.lib, c.other, time.Now)
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			restored := strings.Split(c.told[0].Error(), ",")
			got := assertIntact(t, c, c.lib, c.want, restored)
			replaced := strings.Join(got, ",") == strings.Join(sortedCopy(restored), ",")
			switch {
			case err == nil && !replaced:
				t.Fatal("restore said it succeeded but the library is the old one")
			case err != nil && replaced && fs.what != "sync folder":
				// Only making the rename durable comes after it.
				t.Fatalf("restore failed (%v) but the library was replaced", err)
			}
			if replaced {
				kept, _ := filepath.Glob(filepath.Join(BackupDir(c.lib), "library-*-before-restore-*.db"))
				if len(kept) != 1 {
					t.Fatalf("the replaced library was not kept: %v", kept)
				}
				assertIntact(t, c, kept[0], c.want)
			}
		},
	}
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// migrationScenario: opening a schema 1 library migrates it only after a
// backup of it was made; a failed backup leaves the file as it was.
func migrationScenario() faultScenario {
	return faultScenario{name: "migration from schema 1",
		setup: func(t *testing.T, dir string) *faultCase {
			f := newFixture(t)
			p := filepath.Join(dir, "library.db")
			writeSchemaFile(t, p, 1, f)
			var ids []string
			for _, h := range f.highlights {
				ids = append(ids, h.ID)
			}
			return &faultCase{dir: dir, lib: p, want: ids, before: fileHash(t, p)}
		},
		run: func(c *faultCase, fs fileSystem) error {
			l, err := OpenWith(c.lib, Options{fs: fs, StartBackup: func(string) {}})
			if err != nil {
				return err
			}
			return l.Close()
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			if err != nil {
				if fileHash(t, c.lib) != c.before {
					t.Fatalf("the migration failed (%v) but changed the file", err)
				}
				assertNoTemps(t, c)
				assertBackupsRead(t, c.lib)
				// The next open, without faults, migrates.
				l, err := OpenWith(c.lib, Options{StartBackup: func(string) {}})
				if err != nil {
					t.Fatalf("after a failed migration the library does not open: %v", err)
				}
				l.Close()
			}
			assertIntact(t, c, c.lib, c.want)
			bs, _ := backups(c.lib)
			if len(bs) != 1 || !strings.Contains(bs[0], "-schema1") {
				t.Fatalf("backups after migrating: %v", bs)
			}
			if rep, err := checkPath(bs[0]); err != nil || rep.Version != 1 {
				t.Fatalf("the schema 1 backup: %+v %v", rep, err)
			}
		},
	}
}

// createScenario: a new library is whole or not there.
func createScenario() faultScenario {
	return faultScenario{name: "creating a library",
		setup: func(t *testing.T, dir string) *faultCase {
			return &faultCase{dir: dir, lib: filepath.Join(dir, "new", "library.db")}
		},
		run: func(c *faultCase, fs fileSystem) error {
			l, err := OpenWith(c.lib, Options{fs: fs, StartBackup: func(string) {}})
			if err != nil {
				return err
			}
			a := newArticle("https://example.org/n", "N", sampleParagraphs...)
			res, err := l.ImportArticle(a)
			if err == nil {
				h, herr := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: 0, End: 5})
				if herr == nil {
					c.want = append(c.want, h.ID)
				}
				err = herr
			}
			if cerr := l.Close(); err == nil {
				err = cerr
			}
			return err
		},
		verify: func(t *testing.T, c *faultCase, err error, fs *faultFS) {
			if _, serr := os.Stat(c.lib); serr != nil {
				if err == nil {
					t.Fatal("created nothing, said nothing")
				}
				assertNoTemps(t, c)
				return
			}
			assertIntact(t, c, c.lib, c.want)
		},
	}
}

func TestFaultFSCountsEveryStep(t *testing.T) {
	fs := &faultFS{fs: osFS{}}
	dir := t.TempDir()
	if err := writeAtomically(fs, filepath.Join(dir, "x"), 0o600, func(w io.Writer) error {
		_, err := fmt.Fprint(w, "hallo")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// create, write, sync, chmod, close, rename, sync folder
	if fs.steps != 7 {
		t.Fatalf("%d steps, want 7", fs.steps)
	}
}
