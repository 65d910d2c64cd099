package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/libgen"
	"github.com/dramatis-app/dramatis/internal/testkit"
	"github.com/dramatis-app/dramatis/storage"
)

// runMainEnv makes the test binary behave as the dramatis binary (so the
// scale benchmarks can time whole commands, as a user or script runs them,
// and read each one's peak RSS).
const runMainEnv = "DRAMATIS_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// scaleSizes are the library sizes of issue 13's table.
var scaleSizes = []struct {
	name string
	n    int
}{{"1k", 1000}, {"10k", 10000}, {"50k", 50000}}

// scaleLibrary returns a generated library of n articles: from
// DRAMATIS_SCALE_CACHE when set (libraries are kept there between runs; a
// 50k library is about 2 GB and takes minutes to build), else built in the
// benchmark's temporary folder.
func scaleLibrary(b *testing.B, n int, pages func() []*article.Article) string {
	return testkit.CachedLibrary(b, "DRAMATIS_SCALE_CACHE", n, func(path string) error {
		st, err := libgen.Build(path, libgen.Options{Articles: n, Pages: pages()})
		if err == nil {
			b.Log(st)
		}
		return err
	})
}

// firstDailyBackup leaves a scale library as a reader's is after its first
// daily backup: the command that imported the articles starts 'dramatis
// backup --auto', which compacts the file when big transactions left many
// pages free (libgen's batches do, as imports of backups do). Without it
// the benchmark would time a state that lasts only until that first
// backup. The cached library's backups go first, so that one is due.
func firstDailyBackup(b *testing.B, path string) {
	if err := os.RemoveAll(storage.BackupDir(path)); err != nil {
		b.Fatal(err)
	}
	if _, err := storage.MakeDailyBackup(path); err != nil {
		b.Fatal(err)
	}
}

// command runs the test binary as dramatis with args and returns its wall
// time and peak RSS. The RSS is measured by GNU time (/usr/bin/time -f
// %M) when it is there: the kernel's own count for a child started from
// this process includes this process's memory (the child shares it until
// it execs), which at 50k articles is hundreds of MB that are not the
// command's. Without GNU time no RSS is reported.
func command(b *testing.B, lib string, args ...string) (time.Duration, int64) {
	name, argv := os.Args[0], args
	gnuTime := false
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		name, argv, gnuTime = "/usr/bin/time", append([]string{"-f", "RSS %M", os.Args[0]}, args...), true
	}
	cmd := exec.Command(name, argv...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "DRAMATIS_LIBRARY="+lib, "LANG=C.UTF-8")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	began := time.Now()
	err := cmd.Run()
	took := time.Since(began)
	if err != nil {
		b.Fatalf("dramatis %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	rss := int64(0)
	if gnuTime {
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if kb, err := strconv.ParseInt(strings.TrimPrefix(lines[len(lines)-1], "RSS "), 10, 64); err == nil {
			rss = kb * 1024
		}
	}
	return took, rss
}

// scaleLib is one generated library and what the operations need of it.
type scaleLib struct {
	name, path     string
	target, quote  string
	textLen        int
	open           *storage.Library // for add-highlight, as the window has it
	highlightCount int
}

// scaleOp is one operation: it returns the time it took (preparation and
// waiting around it do not count) and, for a whole command, its peak RSS.
type scaleOp struct {
	name string
	run  func(b *testing.B, l *scaleLib) (time.Duration, int64)
}

// BenchmarkScale times what issue 13 asks to cost the same at 1k, 10k and
// 50k articles: opening the library (for writing and for reading), adding
// a highlight in an open library (as the window does), show and annotate
// as whole commands with their peak RSS, and the first command of the day
// (annotate when the daily backup is due; the backup itself runs after it
// in a process of its own, and is waited for outside the timing). Each
// iteration runs the operation once on every size in turn, so that the
// sizes share the machine's drifting speed; the medians and their ratios
// to 1k are reported (ms-1k, ms-10k, ms-50k, x10k, x50k) and logged as a
// table (-v). Select operations with -bench 'Scale/annotate'; the sizes
// with DRAMATIS_SCALE_SIZES=1k,10k.
func BenchmarkScale(b *testing.B) {
	libs := scaleLibraries(b)
	defer func() {
		for _, l := range libs {
			l.open.Close()
		}
	}()
	var rows []scaleRow
	last := map[string]int{} // the probing run with N=1 comes first: keep the last
	for _, op := range scaleOps() {
		b.Run(op.name, func(b *testing.B) {
			samples := make([][]time.Duration, len(libs))
			peaks := make([]int64, len(libs))
			for i := 0; i < b.N; i++ {
				for j, l := range libs {
					d, rss := op.run(b, l)
					samples[j] = append(samples[j], d)
					peaks[j] = max(peaks[j], rss)
				}
			}
			var base time.Duration
			for j, l := range libs {
				m := median(samples[j])
				if j == 0 {
					base = m
				}
				b.ReportMetric(float64(m.Microseconds())/1000, "ms-"+l.name)
				if j > 0 && base > 0 {
					b.ReportMetric(float64(m)/float64(base), "x"+l.name)
				}
				if peaks[j] > 0 {
					b.ReportMetric(float64(peaks[j])/(1<<20), "MiB-"+l.name)
				}
				row := scaleRow{op.name, l.name, m, peaks[j], float64(m) / float64(base)}
				if i, ok := last[op.name+l.name]; ok {
					rows[i] = row
				} else {
					last[op.name+l.name] = len(rows)
					rows = append(rows, row)
				}
			}
		})
	}
	logScaleTable(b, rows)
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// scaleLibraries builds (or finds in the cache) the libraries of the sizes
// asked for and picks an article in the middle of each to work on.
func scaleLibraries(b *testing.B) []*scaleLib {
	var pagesCache []*article.Article
	pages := func() []*article.Article {
		if pagesCache == nil {
			dirs, err := libgen.FindCorpus()
			if errors.Is(err, libgen.ErrNoCorpus) {
				b.Skip("no ../shared/corpus: the scale libraries are built from the corpus pages")
			}
			if pagesCache, err = libgen.Pages(dirs); err != nil {
				b.Fatal(err)
			}
		}
		return pagesCache
	}
	want := os.Getenv("DRAMATIS_SCALE_SIZES")
	var libs []*scaleLib
	for _, size := range scaleSizes {
		if want != "" && !strings.Contains(","+want+",", ","+size.name+",") {
			continue
		}
		path := scaleLibrary(b, size.n, pages)
		firstDailyBackup(b, path)
		lib, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		arts, err := lib.Articles()
		if err != nil {
			b.Fatal(err)
		}
		target := arts[len(arts)/2].ID
		a, _, err := lib.Article(target)
		if err != nil {
			b.Fatal(err)
		}
		lib.Close()
		// The library as the window has it open, for adding highlights;
		// its daily backup (made now, if due) is out of the way before the
		// timing starts.
		open, err := storage.OpenWith(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		libs = append(libs, &scaleLib{name: size.name, path: path, target: target, quote: quoteOf(a.Text()),
			textLen: len([]rune(a.Text())), open: open})
	}
	if len(libs) == 0 {
		b.Skip("DRAMATIS_SCALE_SIZES selects no size")
	}
	return libs
}

// scaleOps are the operations BenchmarkScale times.
func scaleOps() []scaleOp {
	since := func(began time.Time) time.Duration { return time.Since(began) }
	return []scaleOp{
		{"open", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			l.open.Close() // the window's copy lets go while a command opens it
			began := time.Now()
			lib, err := storage.OpenWith(l.path, storage.Options{StartBackup: func(string) {}})
			if err != nil {
				b.Fatal(err)
			}
			lib.Close()
			d := since(began)
			reopen(b, l)
			return d, 0
		}},
		{"open-read", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			l.open.Close()
			began := time.Now()
			lib, err := storage.OpenWith(l.path, storage.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			lib.Close()
			d := since(began)
			reopen(b, l)
			return d, 0
		}},
		{"add-highlight", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			s := (l.highlightCount * 97) % (l.textLen - 50)
			l.highlightCount++
			began := time.Now()
			if _, err := l.open.AddHighlight(annotation.Highlight{ArticleID: l.target, Start: s, End: s + 40}); err != nil {
				b.Fatal(err)
			}
			return since(began), 0
		}},
		{"show", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			l.open.Close()
			defer reopen(b, l)
			return command(b, l.path, "show", l.target)
		}},
		{"annotate", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			l.open.Close()
			defer reopen(b, l)
			return command(b, l.path, "annotate", l.target, "--quote", l.quote, "--occurrence", "1", "--actor", "China")
		}},
		{"first-of-day", func(b *testing.B, l *scaleLib) (time.Duration, int64) {
			// Yesterday's work: the library changed since its last backup.
			if _, err := l.open.AddHighlight(annotation.Highlight{ArticleID: l.target, Start: 1, End: 9}); err != nil {
				b.Fatal(err)
			}
			l.open.Close()
			defer reopen(b, l)
			removeTodaysBackups(b, l.path)
			d, rss := command(b, l.path, "annotate", l.target, "--quote", l.quote, "--occurrence", "1")
			waitForTodaysBackup(b, l.path)
			return d, rss
		}},
	}
}

// reopen opens the library again as the window has it (after an
// operation that needed it closed). Today's backup exists by then, so no
// backup runs in the background of the next measurement.
func reopen(b *testing.B, l *scaleLib) {
	open, err := storage.OpenWith(l.path, storage.Options{StartBackup: func(string) {}})
	if err != nil {
		b.Fatal(err)
	}
	l.open = open
}

// quoteOf picks a passage of the text that annotate can find.
func quoteOf(text string) string {
	words := strings.Fields(text)
	if len(words) > 12 {
		words = words[4:12]
	}
	return strings.Join(words, " ")
}

func todaysBackups(path string) []string {
	m, _ := filepath.Glob(filepath.Join(storage.BackupDir(path), "*-"+time.Now().Format("2006-01-02")+"*.db"))
	return m
}

// removeTodaysBackups makes today's backups yesterday's, so that the
// next command is the first of the day, as after a night: a backup exists,
// but not today's, and the library changed since.
func removeTodaysBackups(b *testing.B, path string) {
	today, yesterday := time.Now().Format("2006-01-02"), time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	for _, p := range todaysBackups(path) {
		if err := os.Rename(p, strings.Replace(p, today, yesterday, 1)); err != nil {
			b.Fatal(err)
		}
	}
}

// waitForTodaysBackup waits for a daily backup made in the background
// (and for its process to end: it reads the copy back), so that it does
// not slow the next measurement down.
func waitForTodaysBackup(b *testing.B, path string) {
	deadline := time.Now().Add(5 * time.Minute)
	for len(todaysBackups(path)) == 0 || backupRunning() {
		if time.Now().After(deadline) {
			b.Fatal("no daily backup appeared")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// backupRunning reports whether a 'backup --auto' process is running
// (Linux: /proc).
func backupRunning() bool {
	m, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range m {
		if c, err := os.ReadFile(p); err == nil && strings.Contains(string(c), "backup\x00--auto") {
			return true
		}
	}
	return false
}

// scaleRow is one operation's median at one size.
type scaleRow struct {
	op, size string
	median   time.Duration
	rss      int64
	ratio    float64
}

// logScaleTable logs each operation's median and peak RSS at every size
// with its ratio to the smallest size.
func logScaleTable(b *testing.B, rows []scaleRow) {
	if len(rows) == 0 {
		return
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "\n%-14s %-5s %12s %8s %10s\n", "operation", "size", "median", "ratio", "peak RSS")
	for _, r := range rows {
		rss := "–"
		if r.rss > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(r.rss)/(1<<20))
		}
		fmt.Fprintf(&sb, "%-14s %-5s %12s %8.2f %10s\n", r.op, r.size, r.median.Round(10*time.Microsecond), r.ratio, rss)
	}
	b.Log(sb.String())
}
