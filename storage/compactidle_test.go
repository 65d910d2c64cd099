package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// The tests of a compaction without a backup due (CompactIdle, started by
// the window's Close): it compacts from the library file itself, so they
// try above all to make it copy a library that changes under it: a write
// between the copy and its check, writers committing all along, a held
// lock, a fault at any file operation, a kill at any moment.

// windowSession opens the library at lib as the window does (its daily
// backup made in-process at open, no StartBackup), lets write change it,
// closes it and returns the paths StartCompaction was called with.
func windowSession(t *testing.T, lib string, write func(l *Library)) []string {
	t.Helper()
	var started []string
	l, err := OpenWith(lib, Options{StartCompaction: func(p string) { started = append(started, p) }})
	if err != nil {
		t.Fatal(err)
	}
	write(l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return started
}

// noteWrite adds a highlight with note to the library's first article.
func noteWrite(t *testing.T, l *Library, note string) string {
	t.Helper()
	arts, err := l.Articles()
	if err != nil {
		t.Fatal(err)
	}
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: arts[0].ID, Start: 1, End: 7, Note: note})
	if err != nil {
		t.Fatal(err)
	}
	return h.ID
}

// idleFixture is a library a window session left with many free pages
// (a big transaction in the session) and its daily backup, made at the
// session's open, of the library before it: no backup is due, so
// CompactIdle compacts from the library itself.
func idleFixture(t *testing.T, dir string) string {
	t.Helper()
	lib := compactFixture(t, dir)
	started := windowSession(t, lib, func(l *Library) {
		noteWrite(t, l, "written in the window")
		bloat(t, l)
	})
	if len(started) != 1 || started[0] != lib {
		t.Fatalf("the window's Close started compaction with %q", started)
	}
	if bs, _ := backups(lib); len(bs) != 1 || strings.Contains(libraryExport(t, bs[0]), "written in the window") {
		t.Fatalf("the fixture's backup is not of the library as the window opened it: %v", bs)
	}
	return lib
}

func TestCompactIdleAfterAWindowSession(t *testing.T) {
	lib := idleFixture(t, t.TempDir())
	before := compactionStart(t, lib)
	bs, _ := backups(lib)
	backupHash := fileHash(t, bs[0])
	done, err := compactIdle(osFS{}, lib, time.Now)
	if err != nil || !done {
		t.Fatalf("compacted %v, %v", done, err)
	}
	before.checkCompactedFrom(t, lib)
	if now, _ := backups(lib); len(now) != 1 || fileHash(t, now[0]) != backupHash {
		t.Fatalf("the backups changed: %v", now)
	}
	// The next session: no whole-file check, the index in use, nothing
	// more to compact.
	started := windowSession(t, lib, func(l *Library) {
		checkFreshAfterCompacting(t, l)
		noteWrite(t, l, "after compacting")
	})
	if len(started) != 0 {
		t.Fatalf("a compacted library's Close started compaction again: %q", started)
	}
	if rep, err := checkPath(lib); err != nil || rep.Err() != nil {
		t.Fatalf("written after compacting, the library does not read whole: %v %v", err, rep.Err())
	}
	t.Logf("%d free pages, %d bytes -> %d free, %d bytes", before.free, before.size, freeOf(t, lib), fileSize(t, lib))
}

// TestCompactIdleMakesADueBackupFirst: when the daily backup is due, it is
// made and the library compacted from it.
func TestCompactIdleMakesADueBackupFirst(t *testing.T) {
	lib := compactFixture(t, t.TempDir()) // closed by a command: no backup yet
	before := libraryExport(t, lib)
	done, err := compactIdle(osFS{}, lib, time.Now)
	if err != nil || !done || freeOf(t, lib) > maxFreeAfterCompacting {
		t.Fatalf("compacted %v, %v, %d free pages", done, err, freeOf(t, lib))
	}
	backup, err := LatestBackup(lib)
	if err != nil || libraryExport(t, backup) != before || libraryExport(t, lib) != before {
		t.Fatalf("the backup or the library holds something else (%v)", err)
	}
}

// TestCloseStartsCompactionWhenItPays: Close starts a compaction only for
// a library open for writing, sound, with more than compactMinFree free
// pages, and not when it starts the daily backup (which compacts).
func TestCloseStartsCompactionWhenItPays(t *testing.T) {
	for _, c := range []struct {
		name    string
		bloated bool
		o       Options
		session func(l *Library)
		want    bool
	}{
		{"few free pages", false, Options{}, nil, false},
		{"many free pages", true, Options{}, nil, true},
		{"freed in this session", false, Options{}, func(l *Library) { bloat(t, l) }, true},
		{"read-only", true, Options{ReadOnly: true}, nil, false},
		{"damaged", true, Options{}, func(l *Library) { l.noteDamage(damagedf("a page does not read")) }, false},
		{"a backup is started instead", true, Options{StartBackup: func(string) {}}, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var lib string
			if c.bloated {
				lib = compactFixture(t, dir)
			} else {
				lib, _ = faultLibrary(t, dir, "https://example.org/close")
			}
			if c.o.ReadOnly || c.o.StartBackup == nil {
				// A backup made today, as the window makes it: none is due.
				if made, err := copyUnlocked(osFS{}, lib, time.Now()); err != nil || !made {
					t.Fatal(made, err)
				}
			}
			var started []string
			o := c.o
			o.StartCompaction = func(p string) { started = append(started, p) }
			l, err := OpenWith(lib, o)
			if err != nil {
				t.Fatal(err)
			}
			if c.session != nil {
				c.session(l)
			}
			l.Close()
			l.Close() // a second Close starts nothing more
			if got := len(started) == 1; got != c.want || len(started) > 1 {
				t.Fatalf("Close started compaction %q, want %v (%d free pages)", started, c.want, freeOf(t, lib))
			}
		})
	}
}

// TestCompactIdleLeavesAHeldLibraryAlone: a library open for writing (the
// window opened again) or reading (a command) is read but not replaced,
// and nobody waits.
func TestCompactIdleLeavesAHeldLibraryAlone(t *testing.T) {
	for _, o := range []Options{{StartBackup: func(string) {}}, {ReadOnly: true}} {
		t.Run(fmt.Sprintf("read-only %v", o.ReadOnly), func(t *testing.T) {
			lib := idleFixture(t, t.TempDir())
			hash := fileHash(t, lib)
			holder, err := OpenWith(lib, o)
			if err != nil {
				t.Fatal(err)
			}
			fi, _ := os.Stat(lib)
			done, err := compactIdle(osFS{}, lib, time.Now)
			if err != nil || done {
				t.Fatalf("compacted %v, %v", done, err)
			}
			if !sameFileAs(t, lib, fi) {
				t.Fatal("a library in use was replaced")
			}
			if err := holder.Close(); err != nil {
				t.Fatal(err)
			}
			if o.ReadOnly && fileHash(t, lib) != hash {
				t.Fatal("the library file changed")
			}
			assertNoTemps(t, &faultCase{dir: filepath.Dir(lib)})
		})
	}
}

// writesAt is a file system that runs write (once) at the step at:
// "create", when the compacted copy's file is made (after the library's
// newest meta page was read, before the copy opens the library), or
// "reopen", when it is reopened (after the copy, before its check).
type writesAt struct {
	osFS
	at    string
	write func()
	once  sync.Once
}

func (w *writesAt) step(what string) {
	if what == w.at {
		w.once.Do(w.write)
	}
}

func (w *writesAt) CreateTemp(dir, pattern string) (tempFile, error) {
	w.step("create")
	return w.osFS.CreateTemp(dir, pattern)
}

func (w *writesAt) ReopenTemp(path string) (tempFile, error) {
	w.step("reopen")
	return w.osFS.ReopenTemp(path)
}

// TestCompactIdleLeavesAChangedLibraryAlone: a write before the copy (two
// commits: the second may reuse pages of the transaction that was to be
// copied), after it (before its check) or after the check (before the
// install) is never lost: the copy is dropped, and a try after the write
// compacts the library with it.
func TestCompactIdleLeavesAChangedLibraryAlone(t *testing.T) {
	write := func(t *testing.T, lib string) {
		l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Error(err)
			return
		}
		noteWrite(t, l, "while it compacted")
		l.Close()
	}
	for _, c := range []struct {
		name string
		run  func(t *testing.T, lib string) (bool, error)
		want error
	}{
		{"before the copy", func(t *testing.T, lib string) (bool, error) {
			return compactInPlace(&writesAt{at: "create", write: func() { write(t, lib); write(t, lib) }}, lib, time.Now)
		}, errChanged},
		{"before the check", func(t *testing.T, lib string) (bool, error) {
			return compactInPlace(&writesAt{at: "reopen", write: func() { write(t, lib) }}, lib, time.Now)
		}, errChanged},
		{"before the install", func(t *testing.T, lib string) (bool, error) {
			return installAfterWrite(t, lib, lib, func() { write(t, lib) })
		}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := idleFixture(t, t.TempDir())
			fi, _ := os.Stat(lib)
			done, err := c.run(t, lib)
			if done || !errors.Is(err, c.want) || (c.want == nil && err != nil) {
				t.Fatalf("compacted %v, %v", done, err)
			}
			if !sameFileAs(t, lib, fi) || !strings.Contains(libraryExport(t, lib), "while it compacted") {
				t.Fatal("the write during the compaction was lost")
			}
			assertNoTemps(t, &faultCase{dir: filepath.Dir(lib)})
			before := libraryExport(t, lib)
			if done, err := compactIdle(osFS{}, lib, time.Now); err != nil || !done {
				t.Fatalf("the next try: compacted %v, %v", done, err)
			}
			if libraryExport(t, lib) != before {
				t.Fatal("the next try's compaction holds something else")
			}
		})
	}
}

// writerSession opens the library at lib as a command does, adds a
// highlight and, when big, writes and deletes a big transaction (as bloat,
// off the test's goroutine); it returns the highlight's id once closed.
func writerSession(lib string, n int, big bool) (string, error) {
	l, err := OpenWith(lib, Options{StartBackup: func(string) {}, Wait: 10 * time.Second})
	if err != nil {
		return "", err
	}
	defer l.Close()
	arts, err := l.Articles()
	if err != nil {
		return "", err
	}
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: arts[0].ID, Start: 1, End: 7, Note: fmt.Sprintf("writer %d", n)})
	if err != nil {
		return "", err
	}
	if big {
		if err := writeAndDelete(l, 'w'); err != nil {
			return "", err
		}
	}
	return h.ID, l.Close()
}

// writerPauseMs bounds the writer's random pause between its sessions in
// TestCompactIdleBesideWriters: about as long as a compaction of the
// fixture, so that compactions find the lock free and sessions begin and
// commit while they copy.
const writerPauseMs = 60

// TestCompactIdleBesideWriters runs compactions from the library while
// other sessions open it, write (highlights, and big transactions that
// free and reuse many pages, those of the transaction being copied among
// them once two commits went by) and close it, again and again: whatever
// the compactions copied while the file changed, every highlight that was
// acknowledged is there at the end and the library reads whole.
func TestCompactIdleBesideWriters(t *testing.T) {
	lib := idleFixture(t, t.TempDir())
	sessions := 40
	if testing.Short() || raceEnabled {
		sessions = 12
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 13))
	done := make(chan struct{})
	var acked []string
	go func() {
		defer close(done)
		for i := 0; i < sessions; i++ {
			time.Sleep(time.Duration(rng.IntN(writerPauseMs)) * time.Millisecond)
			id, err := writerSession(lib, i, i%3 == 0)
			if err != nil {
				t.Error(err)
				return
			}
			acked = append(acked, id)
		}
	}()
	rounds, compacted, changed := 0, 0, 0
	for running := true; running; rounds++ {
		select {
		case <-done:
			running = false
		default:
		}
		replaced, err := compactInPlace(osFS{}, lib, time.Now)
		switch {
		case errors.Is(err, errChanged):
			changed++
		case err != nil:
			t.Fatalf("round %d: %v", rounds, err)
		case replaced:
			compacted++
		}
		time.Sleep(time.Millisecond) // not a busy loop while nothing is to be done
	}
	if t.Failed() {
		return
	}
	if rep, err := checkPath(lib); err != nil || rep.Err() != nil {
		t.Fatalf("the library does not read whole: %v %v", err, rep.Err())
	}
	l, err := OpenWith(lib, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, id := range acked {
		if _, err := l.Highlight(id); err != nil {
			t.Fatalf("highlight %s, acknowledged, is gone (%v)", id, err)
		}
	}
	t.Logf("%d sessions wrote; %d compactions, %d copies dropped for a change, %d left alone (held, or not worth it)",
		len(acked), compacted, changed, rounds-compacted-changed)
}

// TestFaultsDuringIdleCompaction fails every file operation of a
// compaction from the library in turn, with ENOSPC and with EIO: the
// library is left as it was, byte for byte, and the failure noted, or it
// is compacted whole; no temporary file stays.
func TestFaultsDuringIdleCompaction(t *testing.T) {
	template := fromLibrary(t).template
	counter := &faultFS{fs: osFS{}}
	c := newCompactKillCase(t, template)
	if done, err := compactIdle(counter, c.lib, time.Now); err != nil || !done {
		t.Fatalf("without faults: %v %v", done, err)
	}
	runs := 0
	for k := 1; k <= counter.steps; k++ {
		for _, injected := range injectedErrors {
			c := newCompactKillCase(t, template)
			fi, _ := os.Stat(c.lib)
			hash := fileHash(t, c.lib)
			fs := &faultFS{fs: osFS{}, failAt: k, err: injected}
			done, err := compactIdle(fs, c.lib, time.Now)
			replaced := !sameFileAs(t, c.lib, fi)
			switch {
			case err == nil && !done && fs.what != "remove":
				t.Fatalf("%v: not compacted, and nothing said", fs)
			case err != nil && replaced && fs.what != "sync folder":
				t.Fatalf("%v: the compaction failed (%v) but replaced the library", fs, err)
			case !replaced && fileHash(t, c.lib) != hash:
				t.Fatalf("%v: the library file was written", fs)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Fatalf("%v: the error is not one line: %q", fs, err)
			}
			if err != nil {
				if p, ok := readBackupProblem(c.lib); !ok || p.Reported || !strings.Contains(p.Message, "compacted") {
					t.Fatalf("%v: the failure (%v) was not noted for the next Open to tell: %+v", fs, err, p)
				}
			}
			if libraryExport(t, c.lib) != c.export {
				t.Fatalf("%v: the library holds something else", fs)
			}
			if err != nil {
				// The next Open tells it, as a compaction's failure.
				l, oerr := OpenWith(c.lib, Options{StartBackup: func(string) {}})
				if oerr != nil {
					t.Fatal(oerr)
				}
				told := l.BackupProblem()
				l.Close()
				if told == nil || told.Error() != err.Error() || errors.Is(told, ErrNotCompacted) != errors.Is(err, ErrNotCompacted) {
					t.Fatalf("%v: the next Open told %v, want %v", fs, told, err)
				}
			}
			assertNoTemps(t, &faultCase{dir: c.dir, removeFailed: fs.what == "remove"})
			runs++
		}
	}
	t.Logf("%d steps, %d runs with a fault, the library lost nothing", counter.steps, runs)
}

// fromLibrary compacts idleFixture from the library itself (compactIdle:
// no backup is due).
func fromLibrary(t *testing.T) compaction {
	t.Helper()
	template := compactKillCase{dir: t.TempDir()}
	template.lib = idleFixture(t, template.dir)
	bs, _ := backups(template.lib)
	template.backup = bs[0]
	template.export = libraryExport(t, template.lib)
	return compaction{
		template: template,
		run: func(fs fileSystem, c compactKillCase) (bool, error) {
			return compactIdle(fs, c.lib, time.Now)
		},
		job:  "compact-idle",
		args: func(c compactKillCase) string { return c.lib },
	}
}

// TestKillDuringIdleCompaction kills the process compacting from the
// library before each of its file operations and at random moments: the
// library opens, reads whole and holds exactly what it held every time.
func TestKillDuringIdleCompaction(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	killDuringCompaction(t, fromLibrary(t), 11)
}

// TestDiskFullDuringIdleCompaction lets bbolt's own writes of the
// compacted copy fail at several sizes (a file size limit, as a full
// disk): the library is left as it was and the one-line error says so.
func TestDiskFullDuringIdleCompaction(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	diskFullDuringCompaction(t, fromLibrary(t))
}
