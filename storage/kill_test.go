package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

// The kill tests stop a child process with SIGKILL at a random moment of a
// restore or a migration, many times, and check after every kill that the
// library opens, reads whole and holds exactly what it held before the
// operation or exactly what the operation was to give it. The limit test
// lets bbolt's own writes fail: the child runs under a file size limit
// (RLIMIT_FSIZE), so the commit that would grow the file fails with EFBIG
// at a different point each time, as on a full disk.

const killChildEnv = "DRAMATIS_KILL_CHILD"

// TestKillChild is the child of the kill and limit tests; what it does is
// in DRAMATIS_KILL_CHILD.
func TestKillChild(t *testing.T) {
	job := os.Getenv(killChildEnv)
	if job == "" {
		t.Skip("only runs as the child of the kill tests")
	}
	args := strings.Fields(job)
	switch args[0] {
	case "restore": // restore A, restore B, … until killed
		lib, a, b := args[1], args[2], args[3]
		for i := 0; ; i++ {
			src := a
			if i%2 == 1 {
				src = b
			}
			if err := Restore(lib, src); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			fmt.Println("RESTORED", src)
		}
	case "backup": // back LIB up to TARGET again and again until killed
		l, err := OpenWith(args[1], Options{ReadOnly: true})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		for {
			if err := l.Backup(args[2]); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			fmt.Println("BACKED UP")
		}
	case "migrate":
		l, err := OpenWith(args[1], Options{StartBackup: func(string) {}})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		l.Close()
		fmt.Println("MIGRATED")
	case "compact": // compact LIB from BACKUP, killed before file step N (0: not)
		n, _ := strconv.Atoi(args[3])
		done, err := compactAfterBackup(&faultFS{fs: osFS{}, failAt: n, kill: true}, args[1], args[2], time.Now)
		fmt.Println("COMPACTED", done, err)
	case "compact-idle": // compact LIB from itself, killed before file step N (0: not)
		n, _ := strconv.Atoi(args[2])
		done, err := compactIdle(&faultFS{fs: osFS{}, failAt: n, kill: true}, args[1], time.Now)
		fmt.Println("COMPACTED", done, err)
	case "compact-idle-limit": // compact LIB from itself, no file larger than LIMIT
		limit, _ := strconv.ParseUint(args[2], 10, 64)
		ignoreFileSizeSignal()
		if err := setFileSizeLimit(limit, limit); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		if _, err := compactIdle(osFS{}, args[1], time.Now); err != nil {
			fmt.Println("FAILED", oneLineErr(err))
		} else {
			fmt.Println("COMPACTED")
		}
	case "compact-limit": // compact LIB from BACKUP, no file larger than LIMIT
		limit, _ := strconv.ParseUint(args[3], 10, 64)
		ignoreFileSizeSignal()
		if err := setFileSizeLimit(limit, limit); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		if _, err := compactAfterBackup(osFS{}, args[1], args[2], time.Now); err != nil {
			fmt.Println("FAILED", oneLineErr(err))
		} else {
			fmt.Println("COMPACTED")
		}
	case "limit": // add highlights under a file size limit until one fails
		limit, _ := strconv.ParseUint(args[2], 10, 64)
		if err := setFileSizeLimit(limit, ^uint64(0)); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		l, err := OpenWith(args[1], Options{StartBackup: func(string) {}})
		if err != nil {
			fmt.Println("OPENFAIL", strings.ReplaceAll(err.Error(), "\n", " "))
			return
		}
		arts, _ := l.Articles()
		for i := 0; ; i++ {
			a := newArticle(fmt.Sprintf("https://example.org/limit/%d", i), "Limit", sampleParagraphs...)
			res, err := l.ImportArticle(a)
			if err != nil {
				fmt.Println("FAILED", strings.ReplaceAll(err.Error(), "\n", " "))
				break
			}
			fmt.Println("ARTICLE", res.ID)
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: arts[0].ID, Start: i % 40, End: i%40 + 7, Note: strings.Repeat("n", 300)})
			if err != nil {
				fmt.Println("FAILED", strings.ReplaceAll(err.Error(), "\n", " "))
				break
			}
			fmt.Println("HIGHLIGHT", h.ID)
		}
		// After a failed commit the library goes on working for what fits.
		if err := l.SetPreference("after", []byte("x")); err != nil && !strings.Contains(err.Error(), "too large") {
			fmt.Println("AFTER", strings.ReplaceAll(err.Error(), "\n", " "))
		}
		l.Close()
	}
}

// runKillChild starts the child with job and returns it with a channel of
// its output lines (closed when it ends).
func runKillChild(t *testing.T, job string) (*exec.Cmd, <-chan string) {
	c := testkit.StartChild(t, "^TestKillChild$", killChildEnv+"="+job)
	return c.Cmd, c.Lines
}

// highlightIDs returns the sorted highlight ids of the library at p after
// checking that it reads whole.
func highlightIDs(t *testing.T, p string) string {
	t.Helper()
	rep, err := checkPath(p)
	if err != nil || rep.Err() != nil {
		t.Fatalf("the library does not read whole: %v %v", err, rep.Err())
	}
	l, err := OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the library does not open: %v", err)
	}
	defer l.Close()
	var ids []string
	arts, _ := l.Articles()
	for _, a := range arts {
		hs, err := l.Highlights(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			ids = append(ids, h.ID)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func TestKillDuringRestore(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 25
	if testing.Short() || raceEnabled {
		rounds = 5
	}
	dir := t.TempDir()
	// Two libraries to restore in turn; the second with a long article, so
	// that a copy takes long enough to be killed in the middle.
	a, _ := faultLibrary(t, filepath.Join(dir, "a"), "https://example.org/a")
	b, _ := faultLibrary(t, filepath.Join(dir, "b"), "https://example.org/b")
	lb, err := OpenWith(b, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lb.ImportArticle(benchArticle("https://example.org/long", 400)); err != nil {
		t.Fatal(err)
	}
	lb.Close()
	want := map[string]bool{highlightIDs(t, a): true, highlightIDs(t, b): true}
	lib := filepath.Join(dir, "lib", "library.db")
	os.MkdirAll(filepath.Dir(lib), 0o700)
	if err := Restore(lib, a); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	restores := 0
	for round := 0; round < rounds; round++ {
		cmd, lines := runKillChild(t, "restore "+lib+" "+a+" "+b)
		time.Sleep(time.Duration(20+rng.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for ln := range lines {
			if strings.HasPrefix(ln, "RESTORED") {
				restores++
			} else if strings.HasPrefix(ln, "ERR") {
				t.Errorf("child: %s", ln)
			}
		}
		cmd.Wait()
		if got := highlightIDs(t, lib); !want[got] {
			t.Fatalf("round %d: after the kill the library holds %s, neither library restored", round, got)
		}
		// The next run, a while later, removes what the killed one left.
		ageTemps(t, filepath.Dir(lib))
		l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		l.Close()
		assertNoTemps(t, &faultCase{dir: filepath.Dir(lib)})
	}
	t.Logf("%d SIGKILLs during %d restores: the library was whole, old or new, every time", rounds, restores)
}

// A backup killed at any moment leaves the target either as it was or a
// whole copy, never half of one; the temporary file it leaves is removed
// by the next backup to the same place.
func TestKillDuringBackup(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 15
	if testing.Short() || raceEnabled {
		rounds = 4
	}
	dir := t.TempDir()
	lib, _ := faultLibrary(t, filepath.Join(dir, "lib"), "https://example.org/a")
	l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.ImportArticle(benchArticle("https://example.org/long", 400)); err != nil {
		t.Fatal(err) // long enough for a copy to be killed in the middle
	}
	l.Close()
	want := highlightIDs(t, lib)
	target := filepath.Join(dir, "copies", "copy.db")
	os.MkdirAll(filepath.Dir(target), 0o700)
	backUp := func(what string) {
		t.Helper()
		l, err := OpenWith(lib, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		defer l.Close()
		if err := l.Backup(target); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		assertNoTemps(t, &faultCase{dir: filepath.Dir(target)})
	}
	// What a kill in the middle of a copy leaves, for certain once.
	os.WriteFile(filepath.Join(filepath.Dir(target), ".copy.db.tmp4242"), []byte("half a cop"), 0o600)
	ageTemps(t, filepath.Dir(target))
	backUp("a backup after a killed one")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 4))
	left, copies := 0, 0
	for round := 0; round < rounds; round++ {
		cmd, lines := runKillChild(t, "backup "+lib+" "+target)
		time.Sleep(time.Duration(20+rng.IntN(200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for ln := range lines {
			if strings.HasPrefix(ln, "BACKED UP") {
				copies++
			} else if strings.HasPrefix(ln, "ERR") {
				t.Errorf("child: %s", ln)
			}
		}
		cmd.Wait()
		if _, err := os.Stat(target); err == nil && highlightIDs(t, target) != want {
			t.Fatalf("round %d: the copy at the target is not the library", round)
		}
		if temps, _ := filepath.Glob(filepath.Join(filepath.Dir(target), tempPattern(target))); len(temps) > 0 {
			left++
		}
		// The next backup, a while later, removes what the killed one left.
		ageTemps(t, filepath.Dir(target))
		backUp(fmt.Sprintf("round %d: the next backup", round))
	}
	t.Logf("%d SIGKILLs during %d backups, %d left a temporary file: each was removed by the next backup, and the target was always whole", rounds, copies, left)
}

// ageTemps makes the temporary files in dir look a minute old.
func ageTemps(t *testing.T, dir string) {
	old := time.Now().Add(-time.Minute)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isOurTemp(d.Name(), "") {
			os.Chtimes(p, old, old)
		}
		return nil
	})
}

func TestKillDuringMigration(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 20
	if testing.Short() || raceEnabled {
		rounds = 4
	}
	dir := t.TempDir()
	f := newFixture(t)
	for i := 0; i < 150; i++ { // enough texts for several conversion batches
		f.articles[fmt.Sprintf("01ARTICLE00000000000%06d", i)] = benchArticle(fmt.Sprintf("https://example.org/m/%d", i), 30)
	}
	old := filepath.Join(dir, "old.db")
	writeSchemaFile(t, old, 2, f)
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	var wantIDs []string
	for _, h := range f.highlights {
		wantIDs = append(wantIDs, h.ID)
	}
	sort.Strings(wantIDs)
	// How long a whole migration takes here (process start included):
	// the kills fall inside it.
	timed := filepath.Join(dir, "timed", "library.db")
	os.MkdirAll(filepath.Dir(timed), 0o700)
	os.WriteFile(timed, data, 0o600)
	began := time.Now()
	cmd, lines := runKillChild(t, "migrate "+timed)
	for range lines {
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	span := time.Since(began)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	migrated, kills := 0, 0
	for round := 0; round < rounds; round++ {
		lib := filepath.Join(dir, strconv.Itoa(round), "library.db")
		os.MkdirAll(filepath.Dir(lib), 0o700)
		if err := os.WriteFile(lib, data, 0o600); err != nil {
			t.Fatal(err)
		}
		// Kill one to three times before letting it finish.
		for k := 0; k < 1+rng.IntN(3); k++ {
			cmd, lines := runKillChild(t, "migrate "+lib)
			time.Sleep(time.Duration(rng.Int64N(int64(span))))
			cmd.Process.Signal(syscall.SIGKILL)
			kills++
			for ln := range lines {
				if ln == "MIGRATED" {
					migrated++
				} else if strings.HasPrefix(ln, "ERR") {
					t.Fatalf("round %d: child: %s", round, ln)
				}
			}
			cmd.Wait()
		}
		l, err := OpenWith(lib, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Fatalf("round %d: the library does not open after kills during its migration: %v", round, err)
		}
		checkFixture(t, l, f)
		checkIndexes(t, l)
		l.Close()
		if got := highlightIDs(t, lib); got != strings.Join(wantIDs, ",") {
			t.Fatalf("round %d: highlights %s, want %s", round, got, wantIDs)
		}
	}
	t.Logf("%d SIGKILLs in %d rounds during migrations that take %v (%d finished before their kill): every library opened whole, migrated, with every record", kills, rounds, span.Round(time.Millisecond), migrated)
}

// TestFailingCommitsLoseNothing: bbolt's own writes fail (file size limit
// reached while a commit grows the file): the failing change is refused,
// every change acknowledged before is there, the library reads whole.
func TestFailingCommitsLoseNothing(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	p, ids := faultLibrary(t, dir, "https://example.org/l")
	base, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	failed := 0
	steps := 24
	if testing.Short() || raceEnabled {
		steps = 6
	}
	for k := 0; k < steps; k++ {
		os.WriteFile(p, data, 0o600)
		os.Remove(statePath(p))
		limit := uint64(base.Size()) + uint64(k)*4096*3
		cmd, lines := runKillChild(t, fmt.Sprintf("limit %s %d", p, limit))
		acked := append([]string(nil), ids...)
		var articles []string
		sawFailure := false
		for ln := range lines {
			f := strings.SplitN(ln, " ", 2)
			switch f[0] {
			case "HIGHLIGHT":
				acked = append(acked, f[1])
			case "ARTICLE":
				articles = append(articles, f[1])
			case "FAILED":
				sawFailure = true
			case "ERR", "AFTER", "OPENFAIL":
				t.Errorf("limit %d: child: %s", limit, ln)
			}
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("limit %d: the child ended with %v", limit, err)
		}
		if !sawFailure {
			t.Fatalf("limit %d: no write failed", limit)
		}
		failed++
		sort.Strings(acked)
		if got := highlightIDs(t, p); got != strings.Join(acked, ",") {
			t.Fatalf("limit %d: highlights %s, acknowledged %s", limit, got, acked)
		}
		l, err := OpenWith(p, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range articles {
			if _, _, err := l.Article(id); err != nil {
				t.Fatalf("limit %d: acknowledged article %s: %v", limit, id, err)
			}
		}
		l.Close()
	}
	t.Logf("%d runs with bbolt's commits failing at a growing file size limit: every acknowledged change kept", failed)
}
