package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// sniffBytes is how much of an existing file is read to tell whether
// Dramatis wrote it: the first lines of a backup or an annotation file
// name what they are.
const sniffBytes = 512

// writtenHeads are how the files an export writes begin: the JSON backup
// and the W3C annotation collection, as their encoders lay them out (the
// collection before and after it declared the dramatis: vocabulary).
var writtenHeads = [][]byte{
	[]byte("{\n \"format\": \"dramatis-backup\",\n"),
	[]byte("{\n  \"@context\": \"" + AnnotationContext + "\",\n  \"type\": \"AnnotationCollection\",\n  \"label\": \"Dramatis highlights\",\n"),
	[]byte("{\n  \"@context\": [\n    \"" + AnnotationContext + "\",\n    {\n      \"dramatis\": \"" + VocabularyNS + "\",\n"),
}

// ErrTarget is wrapped when an export refuses the file it was asked to
// write.
var ErrTarget = errors.New("refusing to write the export there")

// CheckTarget says why an export must not replace path, or nil when it
// may. It may when nothing is there, or when a regular file is there that
// an export wrote before (or an empty one). It refuses a symbolic link
// (replacing it would not write where it points, and writing through it
// could overwrite anything), anything that is not a regular file (a
// folder, a device, a pipe), any file that is one of keep (the library,
// however it is reached: links and hard links name the same file) and any
// other file, which may hold someone's work.
func CheckTarget(path string, keep ...string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrTarget, err)
	}
	name := filepath.Base(path)
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("%w: %s is a symbolic link; give the path of a new file or of an earlier export", ErrTarget, path)
	case fi.IsDir():
		return fmt.Errorf("%w: %s is a folder", ErrTarget, path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%w: %s is not a regular file (a device, pipe or socket)", ErrTarget, path)
	}
	for _, k := range keep {
		if kfi, err := os.Stat(k); err == nil && os.SameFile(fi, kfi) {
			return fmt.Errorf("%w: %s is the library itself; choose another file name", ErrTarget, path)
		}
	}
	if fi.Size() == 0 {
		return nil
	}
	ours, err := writtenByExport(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrTarget, err)
	}
	if !ours {
		return fmt.Errorf("%w: %s exists and is not an export of Dramatis; move it away or choose another name than %s", ErrTarget, path, name)
	}
	return nil
}

// writtenByExport reports whether the file at path begins as a backup or
// an annotation file an export writes.
func writtenByExport(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, sniffBytes))
	if err != nil {
		return false, err
	}
	for _, h := range writtenHeads {
		if bytes.HasPrefix(head, h) {
			return true, nil
		}
	}
	return false, nil
}

// tempPrefix and tempSuffix frame the names of an export's temporary
// files: ".dramatis-PID-RANDOM.tmp", PID the process writing them, so
// that a later export knows those of a process that is gone (killed, or
// crashed) from those of one still writing. Names without a PID (from
// before) are judged by age alone.
const (
	tempPrefix = ".dramatis-"
	tempSuffix = ".tmp"
)

// tempPattern is the os.CreateTemp pattern of this process's temporary
// files.
func tempPattern() string {
	return tempPrefix + strconv.Itoa(os.Getpid()) + "-*" + tempSuffix
}

// tempOwner is the process id in a temporary file's name, if it has one.
func tempOwner(name string) (int, bool) {
	rest := strings.TrimSuffix(strings.TrimPrefix(name, tempPrefix), tempSuffix)
	pid, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	return n, err == nil && n > 0
}

// staleTempAge is how old a temporary file of Dramatis's naming must be to
// be taken for one a killed export left when its writer cannot be told
// gone (a name without a process id, or a process id now in use by
// another process): a note is written in milliseconds and a batch is
// synced within seconds, so an export that is still running never has
// one this old.
const staleTempAge = 10 * time.Minute

// RemoveStaleTemps deletes the temporary files a killed or crashed export
// left in dir: only Dramatis's own naming, only regular files, and only
// those whose process is gone, or that are older than staleTempAge. The
// files of an export still running (in this process or another) stay.
// Failures are ignored: the files are harmless, merely untidy.
func RemoveStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-staleTempAge)
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, tempPrefix) || !strings.HasSuffix(name, tempSuffix) {
			continue
		}
		if pid, ok := tempOwner(name); ok && pid != os.Getpid() && !processAlive(pid) {
			os.Remove(filepath.Join(dir, name))
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
