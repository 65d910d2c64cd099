package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/libgen"
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
	dir := os.Getenv("DRAMATIS_SCALE_CACHE")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("libgen-%d", n), "library.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	st, err := libgen.Build(tmp, libgen.Options{Articles: n, Pages: pages()})
	if err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Log(st)
	return path
}

// command runs the test binary as dramatis with args and returns its wall
// time and peak RSS.
func command(b *testing.B, lib string, args ...string) (time.Duration, int64) {
	cmd := exec.Command(os.Args[0], args...)
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
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return took, rss
}

// scaleRow is one measured operation at one size.
type scaleRow struct {
	op, size string
	perOp    time.Duration
	rss      int64
}

// BenchmarkScale times what issue 13 asks to cost the same at 1k, 10k and
// 50k articles: opening the library, show and annotate as whole commands
// (with their peak RSS), adding a highlight in an open library (as the
// window does), and the first command of the day, when the daily backup is
// due. Select sizes with -bench 'Scale/1k' etc.; the table of ratios to
// 1k is logged at the end (-v).
func BenchmarkScale(b *testing.B) {
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
	rows := map[string]scaleRow{} // by op and size: the last run of each counts
	for _, size := range scaleSizes {
		b.Run(size.name, func(b *testing.B) {
			path := scaleLibrary(b, size.n, pages)
			scaleOps(b, size.name, path, rows)
		})
	}
	logScaleTable(b, rows)
}

// scaleOps runs the operations on one library and records them in rows.
func scaleOps(b *testing.B, size, path string, rows map[string]scaleRow) {
	lib, err := storage.Open(path)
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
	quote := quoteOf(a.Text())
	measure := func(op string, run func() int64) {
		b.Run(op, func(b *testing.B) {
			var peak int64
			began := time.Now()
			for i := 0; i < b.N; i++ {
				peak = max(peak, run())
			}
			per := time.Since(began) / time.Duration(b.N)
			if peak > 0 {
				b.ReportMetric(float64(peak)/(1<<20), "MiB-peak-RSS")
			}
			rows[op+"/"+size] = scaleRow{op, size, per, peak}
		})
	}
	measure("open", func() int64 {
		l, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
		return 0
	})
	measure("show", func() int64 { _, rss := command(b, path, "show", target); return rss })
	measure("annotate", func() int64 {
		_, rss := command(b, path, "annotate", target, "--quote", quote, "--occurrence", "1", "--actor", "China")
		return rss
	})
	measure("first-of-day", func() int64 {
		b.StopTimer()
		removeTodaysBackups(b, path)
		b.StartTimer()
		_, rss := command(b, path, "annotate", target, "--quote", quote, "--occurrence", "1")
		b.StopTimer()
		waitForTodaysBackup(b, path)
		b.StartTimer()
		return rss
	})
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

func removeTodaysBackups(b *testing.B, path string) {
	for _, p := range todaysBackups(path) {
		if err := os.Remove(p); err != nil {
			b.Fatal(err)
		}
	}
}

// waitForTodaysBackup waits for a daily backup made in the background, so
// that it does not slow the next measurement down.
func waitForTodaysBackup(b *testing.B, path string) {
	deadline := time.Now().Add(5 * time.Minute)
	for len(todaysBackups(path)) == 0 {
		if time.Now().After(deadline) {
			b.Fatal("no daily backup appeared")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// logScaleTable logs each operation's time and peak RSS at every size with
// its ratio to the 1k figure.
func logScaleTable(b *testing.B, byKey map[string]scaleRow) {
	if len(byKey) == 0 {
		return
	}
	var rows []scaleRow
	for _, r := range byKey {
		rows = append(rows, r)
	}
	base := map[string]time.Duration{}
	for _, r := range rows {
		if r.size == "1k" {
			base[r.op] = r.perOp
		}
	}
	order := map[string]int{"1k": 0, "10k": 1, "50k": 2}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].op != rows[j].op {
			return rows[i].op < rows[j].op
		}
		return order[rows[i].size] < order[rows[j].size]
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "\n%-14s %-5s %12s %8s %10s\n", "operation", "size", "per op", "×1k", "peak RSS")
	for _, r := range rows {
		ratio := "–"
		if base[r.op] > 0 {
			ratio = fmt.Sprintf("%.2f", float64(r.perOp)/float64(base[r.op]))
		}
		rss := "–"
		if r.rss > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(r.rss)/(1<<20))
		}
		fmt.Fprintf(&sb, "%-14s %-5s %12s %8s %10s\n", r.op, r.size, r.perOp.Round(10*time.Microsecond), ratio, rss)
	}
	b.Log(sb.String())
}
