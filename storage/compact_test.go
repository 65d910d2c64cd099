package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	bolt "go.etcd.io/bbolt"
)

// The compaction tests: a library with many free pages (a big transaction
// written and deleted again) is compacted after its daily backup, and
// afterwards holds exactly what it held (every bucket and record, compared
// byte for byte, and what the reader sees), with its transaction id, its
// search index in use and no whole-file check due. A held lock, a change
// since the backup, a fault at any file operation, a full disk inside
// bbolt's writes and a kill at any moment all leave the library as it was
// (or compacted, whole), never anything else.

// scratchValues × scratchValueSize is the big transaction the fixture
// writes and deletes: one value per page, a little over compactMinFree
// pages, so that exactly the pages of one big transaction are free.
const (
	scratchValues    = compactMinFree + 200
	scratchValueSize = 3000
)

// compactFixture makes a closed library at dir/library.db with articles,
// actors, a topic, highlights naming them, and more than compactMinFree
// free pages.
func compactFixture(t *testing.T, dir string) string {
	t.Helper()
	p, _ := faultLibrary(t, dir, "https://example.org/compact")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a := newArticle("https://example.org/second", "Zweiter", sampleParagraphs...)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	china, err := l.AddActor(annotation.Actor{Name: "China", Aliases: []string{"Peking"}})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := l.AddTopic(annotation.Topic{Name: "Sanktionen"})
	if err != nil {
		t.Fatal(err)
	}
	s, e := span(t, a, "Russland und China")
	if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: e, Note: "Veto",
		Actors: []annotation.ActorRef{{ActorID: china.ID, Role: annotation.RoleSpeaker, Topic: topic.ID, Stance: annotation.StanceOpposes}}}); err != nil {
		t.Fatal(err)
	}
	// No bucket of the library uses its sequence yet; one that does
	// keeps it.
	if err := l.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bPrefs).SetSequence(42) }); err != nil {
		t.Fatal(err)
	}
	bloat(t, l)
	return p
}

// bloat writes a big transaction and deletes it again, as an import of a
// backup or an index rebuild leaves the pages it wrote free.
func bloat(t *testing.T, l *Library) {
	t.Helper()
	if err := writeAndDelete(l, 'x'); err != nil {
		t.Fatal(err)
	}
}

// writeAndDelete writes scratchValues values of fill bytes in one
// transaction and deletes them in the next, leaving their pages free; it
// returns the error rather than failing a test, for the writers that run
// off the test's goroutine.
func writeAndDelete(l *Library, fill byte) error {
	scratch := []byte("compact-test-scratch")
	if err := l.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(scratch)
		if err != nil {
			return err
		}
		v := bytes.Repeat([]byte{fill}, scratchValueSize)
		for i := 0; i < scratchValues; i++ {
			if err := b.Put(binary.BigEndian.AppendUint32(nil, uint32(i)), v); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return l.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(scratch) })
}

// libraryExport is everything the library at p holds: what the reader
// sees (articles with their texts, highlights, actors, topics, a search)
// and a hash of every bucket, key, value and sequence, the search index's
// included. It fails the test when the file does not read whole.
func libraryExport(t *testing.T, p string) string {
	t.Helper()
	if rep, err := checkPath(p); err != nil || rep.Err() != nil {
		t.Fatalf("%s does not read whole: %v %v", p, err, rep.Err())
	}
	l, err := OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("%s does not open: %v", p, err)
	}
	var out []any
	arts, err := l.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range arts {
		a, _, err := l.Article(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		hs, err := l.Highlights(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, info, a.Text(), hs)
	}
	actors, _ := l.Actors()
	topics, _ := l.Topics()
	found, err := l.Search(SearchQuery{Text: "Sicherheitsrat"})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, actors, topics, found)
	l.Close()
	data, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data) + fmt.Sprintf(" records %x", recordsHash(t, p))
}

// recordsHash hashes every bucket (nested ones too), key, value and
// bucket sequence of the file at p, in order.
func recordsHash(t *testing.T, p string) uint64 {
	t.Helper()
	db, err := bolt.Open(p, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := fnv.New64a()
	var walk func(b *bolt.Bucket)
	walk = func(b *bolt.Bucket) {
		fmt.Fprintf(h, "seq %d;", b.Sequence())
		b.ForEach(func(k, v []byte) error {
			fmt.Fprintf(h, "%q=%q;", k, v)
			if v == nil {
				walk(b.Bucket(k))
			}
			return nil
		})
	}
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(h, "bucket %q:", name)
			walk(b)
			return nil
		})
	})
	return h.Sum64()
}

// freeOf is the number of free pages of the library file at p.
func freeOf(t *testing.T, p string) uint64 {
	t.Helper()
	_, free, err := freePagesOf(p)
	if err != nil {
		t.Fatal(err)
	}
	return free
}

// maxFreeAfterCompacting is the most free pages a compacted library may
// keep: bbolt's copy leaves a few; the fixture's thousands are gone.
const maxFreeAfterCompacting = 16

// libraryState is what a library held before a compaction, for the
// compacted file to be held against.
type libraryState struct {
	export string
	meta   metaPage
	free   uint64
	size   int64
}

// compactionStart reads what the library at lib holds before a compaction.
func compactionStart(t *testing.T, lib string) libraryState {
	t.Helper()
	meta, err := metaOfFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	return libraryState{export: libraryExport(t, lib), meta: meta, free: freeOf(t, lib), size: fileSize(t, lib)}
}

// checkCompactedFrom checks that the library at lib was compacted (few
// free pages, a smaller file) and holds what it held, at the same
// transaction.
func (b libraryState) checkCompactedFrom(t *testing.T, lib string) {
	t.Helper()
	if free := freeOf(t, lib); free > maxFreeAfterCompacting || fileSize(t, lib) >= b.size {
		t.Fatalf("not compacted: %d free pages (%d before), %d bytes (%d before)", free, b.free, fileSize(t, lib), b.size)
	}
	if after, err := metaOfFile(lib); err != nil || after.txid != b.meta.txid {
		t.Fatalf("the compacted library's transaction is %d, was %d (%v)", after.txid, b.meta.txid, err)
	}
	if got := libraryExport(t, lib); got != b.export {
		t.Fatalf("the compacted library holds something else:\n%s\nwas\n%s", got, b.export)
	}
}

func TestCompactionKeepsEverything(t *testing.T) {
	lib := compactFixture(t, t.TempDir())
	before := compactionStart(t, lib)
	if err := os.Chmod(lib, 0o640); err != nil { // the reader's own choice
		t.Fatal(err)
	}
	if before.free <= compactMinFree {
		t.Fatalf("the fixture has %d free pages, not more than %d", before.free, compactMinFree)
	}
	made, err := makeDailyBackupUnlocked(osFS{}, lib, time.Now)
	if err != nil || !made {
		t.Fatalf("daily backup: made %v, %v", made, err)
	}
	before.checkCompactedFrom(t, lib)
	if fi, err := os.Stat(lib); err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("the compacted library's permissions: %v %v", fi.Mode(), err)
	}
	backup, err := LatestBackup(lib)
	if err != nil || libraryExport(t, backup) != before.export {
		t.Fatalf("the backup does not hold the library: %v", err)
	}
	// The next writing session: no whole-file check, the index in use,
	// and it goes on writing.
	l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	checkFreshAfterCompacting(t, l)
	arts, _ := l.Articles()
	if _, err := l.AddHighlight(annotation.Highlight{ArticleID: arts[0].ID, Start: 0, End: 9}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if rep, err := checkPath(lib); err != nil || rep.Err() != nil {
		t.Fatalf("written after compacting, the library does not read whole: %v %v", err, rep.Err())
	}
}

// checkFreshAfterCompacting checks that the first session after a
// compaction opened the library without a whole-file check and with its
// search index in use.
func checkFreshAfterCompacting(t *testing.T, l *Library) {
	t.Helper()
	if l.checkedWhole || l.searchStale.Load() {
		t.Errorf("after compacting: whole-file check %v, search index stale %v", l.checkedWhole, l.searchStale.Load())
	}
	if st, err := l.SearchIndexStatus(); err != nil || !st.Ready {
		t.Errorf("search index after compacting: %+v %v", st, err)
	}
}

func fileSize(t *testing.T, p string) int64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func TestWorthCompacting(t *testing.T) {
	for _, c := range []struct {
		free uint64
		want bool
	}{{0, false}, {19, false}, {compactMinFree, false}, {compactMinFree + 1, true}, {23248, true}} {
		if got := worthCompacting(c.free); got != c.want {
			t.Errorf("worthCompacting(%d) = %v, want %v", c.free, got, c.want)
		}
	}
}

// sameFileAs reports whether the library at p is still the file fi.
func sameFileAs(t *testing.T, p string, fi os.FileInfo) bool {
	t.Helper()
	now, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(now, fi)
}

// TestSameKeyCounts: the check of a compacted copy finds a single key
// missing in any bucket.
func TestSameKeyCounts(t *testing.T) {
	dir := t.TempDir()
	lib := compactFixture(t, dir)
	other := filepath.Join(dir, "other.db")
	l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Backup(other); err != nil {
		t.Fatal(err)
	}
	if err := l.SetPreference("one more", []byte("x")); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if err := sameKeyCounts(lib, lib, SchemaVersion); err != nil {
		t.Fatalf("a file against itself: %v", err)
	}
	if err := sameKeyCounts(lib, other, SchemaVersion); err == nil || !strings.Contains(err.Error(), string(bPrefs)) {
		t.Fatalf("one preference more was not found: %v", err)
	}
}

// TestCompactionOnlyWhenItPays: a library with few free pages is backed
// up and left as it is.
func TestCompactionOnlyWhenItPays(t *testing.T) {
	lib, _ := faultLibrary(t, t.TempDir(), "https://example.org/small")
	fi, _ := os.Stat(lib)
	hash := fileHash(t, lib)
	if made, err := makeDailyBackupUnlocked(osFS{}, lib, time.Now); err != nil || !made {
		t.Fatalf("daily backup: made %v, %v", made, err)
	}
	if !sameFileAs(t, lib, fi) || fileHash(t, lib) != hash {
		t.Fatal("a library with few free pages was rewritten")
	}
}

// TestCompactionLeavesAHeldLibraryAlone: a library another process (here:
// another open file) holds, for writing as the window does or for reading
// as a command does, is backed up but not compacted, and nobody waits.
func TestCompactionLeavesAHeldLibraryAlone(t *testing.T) {
	for _, o := range []Options{{StartBackup: func(string) {}}, {ReadOnly: true}} {
		t.Run(fmt.Sprintf("read-only %v", o.ReadOnly), func(t *testing.T) {
			lib := compactFixture(t, t.TempDir())
			before := libraryExport(t, lib)
			holder, err := OpenWith(lib, o)
			if err != nil {
				t.Fatal(err)
			}
			fi, _ := os.Stat(lib)
			began := time.Now()
			made, err := makeDailyBackupUnlocked(osFS{}, lib, time.Now)
			took := time.Since(began)
			if err != nil || !made {
				t.Fatalf("daily backup: made %v, %v", made, err)
			}
			if !sameFileAs(t, lib, fi) || freeOf(t, lib) <= compactMinFree {
				t.Fatal("a library in use was compacted")
			}
			if err := holder.Close(); err != nil {
				t.Fatal(err)
			}
			if got := libraryExport(t, lib); got != before {
				t.Fatal("the library changed")
			}
			assertNoTemps(t, &faultCase{dir: filepath.Dir(lib)})
			t.Logf("backed up, not compacted, in %v", took)
		})
	}
}

// TestWindowBackupDoesNotCompact: the window makes its daily backup in its
// own process while it holds the library; it never compacts.
func TestWindowBackupDoesNotCompact(t *testing.T) {
	lib := compactFixture(t, t.TempDir())
	fi, _ := os.Stat(lib)
	l, err := OpenWith(lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil { // waits for the backup
		t.Fatal(err)
	}
	if bs, _ := backups(lib); len(bs) != 1 {
		t.Fatalf("backups: %v", bs)
	}
	if !sameFileAs(t, lib, fi) || freeOf(t, lib) <= compactMinFree {
		t.Fatal("the window's daily backup compacted the library")
	}
}

// TestCompactionLeavesAChangedLibraryAlone: a library written after its
// backup, before the compaction began or while it ran, is not replaced:
// the write stays.
func TestCompactionLeavesAChangedLibraryAlone(t *testing.T) {
	write := func(t *testing.T, lib string) {
		l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		noteWrite(t, l, "after the backup")
	}
	for _, c := range []struct {
		name string
		run  func(t *testing.T, lib, backup string) (bool, error)
	}{
		{"before it began", func(t *testing.T, lib, backup string) (bool, error) {
			write(t, lib)
			return compactAfterBackup(osFS{}, lib, backup, time.Now)
		}},
		{"while it ran", func(t *testing.T, lib, backup string) (bool, error) {
			return installAfterWrite(t, lib, backup, func() { write(t, lib) })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib := compactFixture(t, t.TempDir())
			day := time.Now()
			if made, err := copyUnlocked(osFS{}, lib, day); err != nil || !made {
				t.Fatalf("backup: %v %v", made, err)
			}
			done, err := c.run(t, lib, dailyName(lib, day))
			if err != nil || done {
				t.Fatalf("compacted %v, %v", done, err)
			}
			if !strings.Contains(libraryExport(t, lib), "after the backup") {
				t.Fatal("the write after the backup was lost")
			}
			assertNoTemps(t, &faultCase{dir: filepath.Dir(lib)})
		})
	}
}

// installAfterWrite compacts lib from src (the library itself or its
// backup) and checks the copy, then runs write, then installs the copy:
// a change that comes after every check but the install's own.
func installAfterWrite(t *testing.T, lib, src string, write func()) (bool, error) {
	t.Helper()
	snap, _, err := freePagesOf(src)
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := writeCompacted(osFS{}, lib, src, snap)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := checkCompacted(tmp.Name(), src, snap); err != nil {
		t.Fatal(err)
	}
	write()
	return installCompacted(osFS{}, lib, tmp.Name(), snap, time.Now)
}

// TestFaultsDuringCompaction fails every file operation of the daily
// backup's compaction in turn, with ENOSPC and with EIO: the library is
// left as it was (the same file, byte for byte) and the failure noted for
// the next command to tell, or it is compacted whole (a fault after the
// rename: making it durable, the state file, removing what is gone);
// never anything between, and no temporary file stays.
func TestFaultsDuringCompaction(t *testing.T) {
	setup := func(t *testing.T) (string, string) {
		lib := compactFixture(t, t.TempDir())
		return lib, libraryExport(t, lib)
	}
	// The backup's own steps come first; its faults are the backup tests'.
	lib, _ := setup(t)
	counter := &faultFS{fs: osFS{}}
	if made, err := copyUnlocked(counter, lib, time.Now()); err != nil || !made {
		t.Fatal(made, err)
	}
	first := counter.steps + 1
	lib, _ = setup(t)
	counter = &faultFS{fs: osFS{}}
	if made, err := makeDailyBackupUnlocked(counter, lib, time.Now); err != nil || !made || freeOf(t, lib) > maxFreeAfterCompacting {
		t.Fatalf("without faults: made %v, %v", made, err)
	}
	runs := 0
	for k := first; k <= counter.steps; k++ {
		for _, injected := range injectedErrors {
			lib, before := setup(t)
			fi, _ := os.Stat(lib)
			hash := fileHash(t, lib)
			fs := &faultFS{fs: osFS{}, failAt: k, err: injected}
			made, err := makeDailyBackupUnlocked(fs, lib, time.Now)
			replaced := !sameFileAs(t, lib, fi)
			switch {
			case !made:
				t.Fatalf("%v: no backup: %v", fs, err)
			case err == nil && fs.injected > 0 && !replaced && fs.what != "remove":
				t.Fatalf("%v: not compacted, and nothing said", fs)
			case err != nil && replaced && fs.what != "sync folder":
				t.Fatalf("%v: the compaction failed (%v) but replaced the library", fs, err)
			case !replaced && fileHash(t, lib) != hash:
				t.Fatalf("%v: the library file was written", fs)
			}
			if err != nil {
				if p, ok := readBackupProblem(lib); !ok || p.Reported || !strings.Contains(p.Message, "compacted") {
					t.Fatalf("%v: the failure (%v) was not noted for the next command to tell: %+v", fs, err, p)
				}
			}
			if got := libraryExport(t, lib); got != before {
				t.Fatalf("%v: the library holds something else", fs)
			}
			assertNoTemps(t, &faultCase{dir: filepath.Dir(lib), removeFailed: fs.what == "remove"})
			runs++
		}
	}
	t.Logf("%d steps of compaction, %d runs with a fault, the library lost nothing", counter.steps-first+1, runs)
}

// compactKillCase is a library with its daily backup, for a child to
// compact: the same library in every round, copied.
type compactKillCase struct {
	dir, lib, backup, export string
}

func newCompactKillCase(t *testing.T, template compactKillCase) compactKillCase {
	t.Helper()
	c := compactKillCase{dir: t.TempDir(), export: template.export}
	c.lib = filepath.Join(c.dir, "library.db")
	c.backup = filepath.Join(BackupDir(c.lib), filepath.Base(template.backup))
	os.MkdirAll(filepath.Dir(c.backup), 0o700)
	for from, to := range map[string]string{template.lib: c.lib, template.backup: c.backup} {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// checkAfterKill checks that the library opens for writing, reads whole,
// holds what it held, and that the next session removes what the killed
// one left.
func (c compactKillCase) checkAfterKill(t *testing.T, round string) {
	t.Helper()
	if got := libraryExport(t, c.lib); got != c.export {
		t.Fatalf("%s: after the kill the library holds something else", round)
	}
	ageTemps(t, c.dir)
	l, err := OpenWith(c.lib, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatalf("%s: %v", round, err)
	}
	l.Close()
	assertNoTemps(t, &faultCase{dir: c.dir})
}

// compaction is one way of compacting, for the kill and disk-full tests
// to drive: in this process (run) or in the kill child (job, with args
// naming the case's files, then the step to be killed before or, with
// job's "-limit" form, the file size limit), on copies of template.
type compaction struct {
	template compactKillCase
	run      func(fs fileSystem, c compactKillCase) (bool, error)
	job      string
	args     func(c compactKillCase) string
}

// afterBackup compacts the fixture from its daily backup, made today
// (compactAfterBackup).
func afterBackup(t *testing.T) compaction {
	t.Helper()
	template := compactKillCase{dir: t.TempDir()}
	template.lib = compactFixture(t, template.dir)
	day := time.Now()
	if made, err := copyUnlocked(osFS{}, template.lib, day); err != nil || !made {
		t.Fatal(made, err)
	}
	template.backup = dailyName(template.lib, day)
	template.export = libraryExport(t, template.lib)
	return compaction{
		template: template,
		run: func(fs fileSystem, c compactKillCase) (bool, error) {
			return compactAfterBackup(fs, c.lib, c.backup, time.Now)
		},
		job:  "compact",
		args: func(c compactKillCase) string { return c.lib + " " + c.backup },
	}
}

// killDuringCompaction kills the child compacting a copy of cp's template
// before each of its file operations in turn, and rounds times at a
// random moment (rng seeded with seed): every time the library opens,
// reads whole and holds exactly what it held.
func killDuringCompaction(t *testing.T, cp compaction, seed uint64) {
	t.Helper()
	counter := &faultFS{fs: osFS{}}
	c := newCompactKillCase(t, cp.template)
	if done, err := cp.run(counter, c); err != nil || !done {
		t.Fatal(done, err)
	}
	compacted := 0
	for k := 1; k <= counter.steps; k++ {
		c := newCompactKillCase(t, cp.template)
		fi, _ := os.Stat(c.lib)
		lines := runChildToEnd(t, fmt.Sprintf("%s %s %d", cp.job, cp.args(c), k))
		if len(lines) != 0 {
			t.Fatalf("step %d: the child was not killed: %v", k, lines)
		}
		if !sameFileAs(t, c.lib, fi) {
			compacted++
		}
		c.checkAfterKill(t, fmt.Sprintf("killed before step %d", k))
	}
	rounds := 20
	if testing.Short() || raceEnabled {
		rounds = 5
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), seed))
	for round := 0; round < rounds; round++ {
		c := newCompactKillCase(t, cp.template)
		cmd, lines := runKillChild(t, fmt.Sprintf("%s %s 0", cp.job, cp.args(c)))
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for range lines {
		}
		cmd.Wait()
		c.checkAfterKill(t, fmt.Sprintf("random kill %d", round))
	}
	t.Logf("killed before each of %d steps (%d after the rename) and %d times at random: the library was whole and held everything every time",
		counter.steps, compacted, rounds)
}

// diskFullDuringCompaction lets bbolt's own writes of the compacted copy
// of cp's template fail at several sizes (a file size limit in the child,
// as a full disk): the library is left as it was and the child's one-line
// error says so.
func diskFullDuringCompaction(t *testing.T, cp compaction) {
	t.Helper()
	whole := newCompactKillCase(t, cp.template)
	if done, err := cp.run(osFS{}, whole); err != nil || !done {
		t.Fatal(done, err)
	}
	compacted := fileSize(t, whole.lib)
	for _, limit := range []int64{4 << 10, compacted / 2, compacted - 4<<10} {
		c := newCompactKillCase(t, cp.template)
		hash := fileHash(t, c.lib)
		lines := runChildToEnd(t, fmt.Sprintf("%s-limit %s %d", cp.job, cp.args(c), limit))
		if len(lines) == 0 || !strings.HasPrefix(lines[0], "FAILED "+ErrNotCompacted.Error()) {
			t.Fatalf("limit %d of %d bytes: the child said %q", limit, compacted, lines)
		}
		if fileHash(t, c.lib) != hash || libraryExport(t, c.lib) != c.export {
			t.Fatalf("limit %d: the library changed", limit)
		}
		assertNoTemps(t, &faultCase{dir: c.dir})
		t.Logf("limit %d of %d bytes: %s", limit, compacted, lines[0])
	}
}

// TestKillDuringCompaction kills the compacting process at each of its
// file operations in turn (before it), and at random moments (most of
// them inside bbolt's copy): every time the library opens, reads whole and
// holds exactly what it held.
func TestKillDuringCompaction(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	killDuringCompaction(t, afterBackup(t), 7)
}

// runChildToEnd runs the kill child with job until it ends and returns what
// it printed.
func runChildToEnd(t *testing.T, job string) []string {
	t.Helper()
	cmd, lines := runKillChild(t, job)
	var out []string
	for ln := range lines {
		out = append(out, ln)
	}
	cmd.Wait()
	return out
}

// TestDiskFullDuringCompaction lets bbolt's own writes of the compacted
// copy fail at several sizes (a file size limit, as a full disk): the
// library is left as it was and the error says so.
func TestDiskFullDuringCompaction(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	diskFullDuringCompaction(t, afterBackup(t))
}
