package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/libgen"
)

// BenchmarkExportScale times issue 13's export costs at 1k, 10k and 50k
// articles as whole commands, with each one's peak RSS: the backup export
// ('export --format backup'), importing that backup into a new library
// ('import-backup'), and the first Markdown export into an empty folder
// ('export --out'). Targets: backup export and import under 300 MiB at 50k
// and linear in the library (within 1.2x per doubling); the first folder
// export of 50,000 notes under 20 s. Libraries come from libgen (kept in
// DRAMATIS_SCALE_CACHE when set); select sizes with -bench
// 'ExportScale/1k' etc.; the table of ratios to 1k is logged (-v).
func BenchmarkExportScale(b *testing.B) {
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
	rows := map[string]exportRow{}
	for _, size := range scaleSizes {
		b.Run(size.name, func(b *testing.B) {
			path := scaleLibrary(b, size.n, pages)
			exportOps(b, size.name, path, rows)
		})
	}
	logExportTable(b, rows)
}

// exportRow is one measured command at one size: wall time, CPU time
// (user and system: on a shared machine the better measure of the work,
// since the wall time grows with everyone else's load) and peak RSS.
type exportRow struct {
	op, size  string
	wall, cpu time.Duration
	rss       int64
}

// timedCommand runs the test binary as dramatis with args and returns its
// wall time, CPU time and peak RSS. The peak RSS comes from GNU time
// (/usr/bin/time -f %M) where it is installed: a child forked straight
// from this process inherits its resident size into ru_maxrss (Go starts
// children sharing its memory until exec, and Linux keeps that memory's
// high-water mark), so rusage would report at least the benchmark's own
// size, which holds the corpus.
func timedCommand(b *testing.B, lib string, args ...string) exportRow {
	timeBin, useTime := "/usr/bin/time", true
	if _, err := os.Stat(timeBin); err != nil {
		useTime = false
	}
	cmdArgs := append([]string{os.Args[0]}, args...)
	if useTime {
		cmdArgs = append([]string{timeBin, "-f", "dramatis-rss-kb %M"}, cmdArgs...)
	}
	cmd := exec.Command(cmdArgs[0], cmdArgs[1:]...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "DRAMATIS_LIBRARY="+lib, "LANG=C.UTF-8")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	began := time.Now()
	err := cmd.Run()
	r := exportRow{wall: time.Since(began)}
	if err != nil {
		b.Fatalf("dramatis %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	r.rss = peakRSS(cmd.ProcessState)
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if i := strings.LastIndex(stderr.String(), "dramatis-rss-kb "); useTime && i >= 0 {
		var kb int64
		fmt.Sscan(stderr.String()[i+len("dramatis-rss-kb "):], &kb)
		r.rss = kb * 1024
	}
	return r
}

// logExportTable logs each command's wall time, CPU time and peak RSS at
// every size, with the CPU time's ratio to the 1k figure and to the next
// smaller size (linear: the ratio of the sizes).
func logExportTable(b *testing.B, byKey map[string]exportRow) {
	var rows []exportRow
	for _, r := range byKey {
		rows = append(rows, r)
	}
	order := map[string]int{"1k": 0, "10k": 1, "50k": 2}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].op != rows[j].op {
			return rows[i].op < rows[j].op
		}
		return order[rows[i].size] < order[rows[j].size]
	})
	base := map[string]time.Duration{}
	for _, r := range rows {
		if r.size == "1k" {
			base[r.op] = r.cpu
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "\n%-14s %-5s %10s %10s %8s %10s\n", "command", "size", "wall", "CPU", "CPU ×1k", "peak RSS")
	for _, r := range rows {
		ratio := "–"
		if base[r.op] > 0 {
			ratio = fmt.Sprintf("%.1f", float64(r.cpu)/float64(base[r.op]))
		}
		fmt.Fprintf(&sb, "%-14s %-5s %10s %10s %8s %7.0f MiB\n", r.op, r.size, r.wall.Round(10*time.Millisecond), r.cpu.Round(10*time.Millisecond), ratio, float64(r.rss)/(1<<20))
	}
	b.Log(sb.String())
}

// exportOps runs the export operations on one library.
func exportOps(b *testing.B, size, path string, rows map[string]exportRow) {
	work := b.TempDir()
	backupFile := filepath.Join(work, "backup.json")
	measure := func(op string, run func() exportRow) {
		b.Run(op, func(b *testing.B) {
			var sum exportRow
			for i := 0; i < b.N; i++ {
				r := run()
				sum.wall += r.wall
				sum.cpu += r.cpu
				sum.rss = max(sum.rss, r.rss)
			}
			sum.op, sum.size = op, size
			sum.wall /= time.Duration(b.N)
			sum.cpu /= time.Duration(b.N)
			b.ReportMetric(float64(sum.wall.Milliseconds()), "ms/command")
			b.ReportMetric(float64(sum.cpu.Milliseconds()), "CPU-ms/command")
			b.ReportMetric(float64(sum.rss)/(1<<20), "MiB-peak-RSS")
			rows[op+"/"+size] = sum
		})
	}
	measure("export-backup", func() exportRow {
		return timedCommand(b, path, "export", "--format", "backup", "--out", backupFile)
	})
	measure("import-backup", func() exportRow {
		b.StopTimer()
		fresh := filepath.Join(b.TempDir(), "imported.db")
		b.StartTimer()
		r := timedCommand(b, fresh, "import-backup", backupFile)
		b.StopTimer()
		os.RemoveAll(filepath.Dir(fresh))
		b.StartTimer()
		return r
	})
	measure("export-folder", func() exportRow {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "notes")
		b.StartTimer()
		r := timedCommand(b, path, "export", "--out", dir)
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
		return r
	})
}
