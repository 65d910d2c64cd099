package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// faultFS is the operating system's file system with one fault: the
// n-th operation that can fail (creating, writing, chmod, closing or
// syncing a file, syncing a batch, renaming, syncing the folder) fails
// with err; with sticky, every operation from the n-th on does (a disk
// that is full stays full). ops counts the operations seen.
type faultFS struct {
	osFS
	n, ops int
	err    error
	sticky bool
	hit    string
}

// fail reports whether this operation is one to fail.
func (f *faultFS) fail(op string) bool {
	f.ops++
	if f.ops == f.n || f.sticky && f.ops > f.n {
		if f.hit == "" {
			f.hit = op
		}
		return true
	}
	return false
}

func (f *faultFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if f.fail("create") {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: f.err}
	}
	t, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: t, fs: f}, nil
}

func (f *faultFS) Rename(from, to string) error {
	if f.fail("rename") {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: f.err}
	}
	return os.Rename(from, to)
}

func (f *faultFS) SyncFiles(dir string, names []string) error {
	if f.fail("syncfs") {
		return &fs.PathError{Op: "syncfs", Path: dir, Err: f.err}
	}
	return nil // durability is not what this test checks
}

func (f *faultFS) SyncDir(dir string) error {
	if f.fail("syncdir") {
		return &fs.PathError{Op: "fsync", Path: dir, Err: f.err}
	}
	return nil
}

// faultFile is a temporary file of a faultFS. A failing write writes
// half of what it was given first, as a full disk does.
type faultFile struct {
	*os.File
	fs *faultFS
}

func (f *faultFile) Write(p []byte) (int, error) {
	if f.fs.fail("write") {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, f.fs.err
	}
	return f.File.Write(p)
}

func (f *faultFile) Chmod(mode os.FileMode) error {
	if f.fs.fail("chmod") {
		return f.fs.err
	}
	return f.File.Chmod(mode)
}

func (f *faultFile) Sync() error {
	if f.fs.fail("fsync") {
		return f.fs.err
	}
	return nil
}

func (f *faultFile) Close() error {
	err := f.File.Close()
	if f.fs.fail("close") {
		return f.fs.err
	}
	return err
}

// snapshot reads every file of a folder (not the record), by name.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range listDir(t, dir) {
		if e != stateDir {
			out[e] = readFile(t, filepath.Join(dir, e))
		}
	}
	return out
}

// copyFolder copies a notes folder with its record.
func copyFolder(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// readerTokenRE finds the lines the fault test's reader wrote.
var readerTokenRE = regexp.MustCompile(`Reader line [0-9]+`)

// faultScene is a folder exported once, whose notes the reader then
// edited, and a library changed since: the next export writes every
// note, one of them with a conflict.
func faultScene(t *testing.T) (dir string, lib *Library) {
	dir = t.TempDir()
	lib = fixtureLibrary()
	clean := &folderWriter{dir: dir, fs: osFS{}, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
	if _, err := clean.write(lib, PerActor); err != nil {
		t.Fatal(err)
	}
	n := 0
	for name := range snapshot(t, dir) {
		editNote(t, filepath.Join(dir, name), func(s string) string {
			n++
			s = strings.Replace(s, "\n\n", fmt.Sprintf("\nReader line %d above.\n\n", n), 1)
			return strings.Replace(s, "\n^hl-", fmt.Sprintf("\nReader line %d inside.\n^hl-", n), 1)
		})
	}
	editNote(t, filepath.Join(dir, kimNote), func(s string) string {
		return strings.Replace(s, "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]]\n", "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm) · [[China]] Reader line 99 changed\n", 1)
	})
	for i := range lib.Articles {
		lib.Articles[i].Title += " (neu)"
		for j := range lib.Articles[i].Highlights {
			lib.Articles[i].Highlights[j].Note += " geändert"
		}
	}
	h := highlightOf(lib, "01JHL1000000000000000000AA")
	h.Actors = append(h.Actors, annotation.ActorRef{ActorID: "01JBREMMER00000000000000AA"})
	return dir, lib
}

func fixedNow() time.Time { return time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC) }

// TestFolderExportFaults injects ENOSPC or EIO into every operation of
// a folder export, one run per operation: every note is afterwards
// either exactly as it was or exactly as a fault-free export writes it,
// never half-written; every line the reader wrote is still there; no
// temporary file is left; the export reports what it could not write;
// and the next export completes the job.
func TestFolderExportFaults(t *testing.T) {
	orig, lib := faultScene(t)
	before := snapshot(t, orig)
	want := t.TempDir()
	copyFolder(t, orig, want)
	ok := &folderWriter{dir: want, fs: osFS{}, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
	rep, err := ok.write(lib, PerActor)
	if err != nil || len(rep.Conflicts) != 1 || len(rep.Written) != 6 {
		t.Fatalf("fault-free export: %+v %v", rep, err)
	}
	after := snapshot(t, want)
	faults, stops := 0, 0
	for n := 1; ; n++ {
		dir := t.TempDir()
		copyFolder(t, orig, dir)
		ferr := []error{syscall.ENOSPC, syscall.EIO}[n%2]
		ffs := &faultFS{n: n, err: ferr}
		fw := &folderWriter{dir: dir, fs: ffs, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
		rep, err := fw.write(lib, PerActor)
		if ffs.hit == "" {
			if n < 10 {
				t.Fatalf("only %d operations", n)
			}
			break
		}
		faults++
		var full *DiskFullError
		switch {
		case errors.As(err, &full):
			// A full disk stops the export with one error.
			stops++
			if ferr != syscall.ENOSPC || len(rep.Skipped) != 0 || strings.Contains(err.Error(), tempPrefix) {
				t.Errorf("fault %d (%s, %v): %v, skipped %q", n, ffs.hit, ferr, err, rep.Skipped)
			}
		case err != nil:
			t.Fatalf("fault %d (%s): %v", n, ffs.hit, err)
		case ferr == syscall.ENOSPC && len(rep.Skipped) > 0:
			t.Errorf("fault %d (%s): a full disk was reported per note, not as one error: %q", n, ffs.hit, rep.Skipped)
		case len(rep.Skipped)+len(rep.Warnings) == 0:
			t.Errorf("fault %d (%s, %v) went unreported: %+v", n, ffs.hit, ferr, rep)
		}
		got := snapshot(t, dir)
		for name, s := range got {
			if strings.HasSuffix(name, tempSuffix) {
				t.Errorf("fault %d (%s): temporary file %s left", n, ffs.hit, name)
			} else if s != before[name] && s != after[name] {
				t.Errorf("fault %d (%s): %s is neither the old nor the new note:\n%s", n, ffs.hit, name, s)
			}
		}
		for name, s := range before {
			if !sameLines(readerTokenRE.FindAllString(s, -1), readerTokenRE.FindAllString(got[name], -1)) {
				t.Errorf("fault %d (%s): reader lines lost in %s", n, ffs.hit, name)
			}
		}
		// The next export, without faults, writes what is left.
		again := &folderWriter{dir: dir, fs: osFS{}, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
		if rep, err := again.write(lib, PerActor); err != nil || len(rep.Skipped) != 0 {
			t.Fatalf("fault %d (%s): the export after it: %+v %v", n, ffs.hit, rep, err)
		}
		for name, s := range snapshot(t, dir) {
			if strings.Contains(name, "conflict") {
				continue
			}
			if want, ok := after[name]; !ok || !sameLines(readerTokenRE.FindAllString(want, -1), readerTokenRE.FindAllString(s, -1)) || !strings.Contains(s, "(neu)") {
				t.Errorf("fault %d (%s): after the next export %s is\n%s", n, ffs.hit, name, s)
			}
		}
	}
	if stops == 0 {
		t.Error("no full disk stopped the export")
	}
	t.Logf("%d faults injected into a folder export of 6 notes, %d stopped it", faults, stops)
}

// sameLines reports whether two lists of tokens are equal.
func sameLines(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// TestAtomicFileFaults injects ENOSPC or EIO into every step of writing a
// large file through AtomicFile (the backup export streams through it):
// the target is the old file or the whole new one, and no temporary file
// is left.
func TestAtomicFileFaults(t *testing.T) {
	old := []byte("{\n \"format\": \"dramatis-backup\",\n \"old\": true}\n")
	chunk := []byte(strings.Repeat("x", 4096))
	faults := 0
	for n := 1; ; n++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "backup.json")
		os.WriteFile(path, old, 0o640)
		ffs := &faultFS{n: n, err: []error{syscall.ENOSPC, syscall.EIO}[n%2]}
		err := func() error {
			a, err := createAtomic(ffs, path)
			if err != nil {
				return err
			}
			for range 20 {
				if _, err := a.Write(chunk); err != nil {
					a.Abort()
					return err
				}
			}
			return a.Commit()
		}()
		if ffs.hit == "" {
			break
		}
		faults++
		if err == nil || !errors.Is(err, ffs.err) {
			t.Errorf("fault %d (%s): error %v", n, ffs.hit, err)
		}
		got := readFile(t, path)
		if got != string(old) && len(got) != 20*len(chunk) {
			t.Errorf("fault %d (%s): the file holds %d bytes", n, ffs.hit, len(got))
		}
		if ffs.hit != "syncdir" && got != string(old) {
			t.Errorf("fault %d (%s): the file was replaced although writing it failed", n, ffs.hit)
		}
		if es := listDir(t, dir); len(es) != 1 {
			t.Errorf("fault %d (%s): files %q", n, ffs.hit, es)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
			t.Errorf("fault %d (%s): mode %v", n, ffs.hit, fi.Mode())
		}
	}
	if faults < 20 {
		t.Errorf("only %d faults", faults)
	}
}

// TestFolderExportDiskFull fills the disk (ENOSPC, EDQUOT or EFBIG from
// the n-th operation on, for every n): the export stops at once with one
// error that counts what was written and names no temporary file, lists
// no note as skipped, leaves no temporary file and every note as it was
// or whole; with nothing written, the folder is exactly as it was. The
// next export, with room, completes the job.
func TestFolderExportDiskFull(t *testing.T) {
	orig, lib := faultScene(t)
	before := snapshot(t, orig)
	for _, tc := range []struct {
		name string
		err  syscall.Errno
	}{
		{"no space", syscall.ENOSPC},
		{"quota", syscall.EDQUOT},
		{"file too large", syscall.EFBIG},
	} {
		stops := 0
		for n := 1; ; n++ {
			dir := t.TempDir()
			copyFolder(t, orig, dir)
			ffs := &faultFS{n: n, err: tc.err, sticky: true}
			fw := &folderWriter{dir: dir, fs: ffs, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
			rep, err := fw.write(lib, PerActor)
			if ffs.hit == "" {
				break
			}
			var full *DiskFullError
			if !errors.As(err, &full) {
				if err != nil || len(rep.Written) != 6 {
					t.Errorf("%s from op %d (%s): %v %+v", tc.name, n, ffs.hit, err, rep)
				}
				continue // the disk filled after the notes were in place
			}
			stops++
			msg := err.Error()
			if !errors.Is(err, tc.err) || strings.Contains(msg, tempPrefix) || strings.Contains(msg, "\n") ||
				!strings.Contains(msg, "the disk holding "+dir+" is full: ") || !strings.Contains(msg, fmt.Sprintf(" %d of 6 notes written", len(rep.Written))) {
				t.Errorf("%s from op %d (%s): error %q", tc.name, n, ffs.hit, msg)
			}
			if len(rep.Skipped) != 0 {
				t.Errorf("%s from op %d (%s): skipped %q", tc.name, n, ffs.hit, rep.Skipped)
			}
			for _, w := range rep.Warnings {
				if strings.Contains(w.Error(), tempPrefix) {
					t.Errorf("%s from op %d (%s): warning %q", tc.name, n, ffs.hit, w)
				}
			}
			got := snapshot(t, dir)
			changed := 0
			for name, s := range got {
				if strings.HasSuffix(name, tempSuffix) {
					t.Errorf("%s from op %d (%s): temporary file %s left", tc.name, n, ffs.hit, name)
				}
				if s != before[name] {
					changed++
				}
			}
			if len(rep.Written) == 0 && (changed != 0 || len(got) != len(before) || !strings.Contains(msg, "nothing was changed")) {
				t.Errorf("%s from op %d (%s): nothing written, but %d files changed (%d were %d): %s", tc.name, n, ffs.hit, changed, len(got), len(before), msg)
			}
			again := &folderWriter{dir: dir, fs: osFS{}, now: fixedNow, batchNotes: 2, batchBytes: batchBytes}
			if rep, err := again.write(lib, PerActor); err != nil || len(rep.Skipped) != 0 {
				t.Fatalf("%s from op %d (%s): the export after it: %+v %v", tc.name, n, ffs.hit, rep, err)
			}
			for name, s := range snapshot(t, dir) {
				if !strings.Contains(name, "conflict") && !strings.Contains(s, "(neu)") {
					t.Errorf("%s from op %d (%s): after the next export %s is\n%s", tc.name, n, ffs.hit, name, s)
				}
			}
		}
		if stops < 10 {
			t.Errorf("%s: only %d exports stopped", tc.name, stops)
		}
	}
}
