package storage

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Compaction of an idle library, without a daily backup to compact from.
// The window holds its library all session and makes its daily backup
// in-process when it opens, of the library as it was opened: its own
// backup never compacts, and a reader who only uses the window would keep
// the slow opens of a big transaction (an imported backup, an index
// rebuild) for good. So when the window closes a library with many free
// pages, it starts 'dramatis backup --auto --compact' (Options.
// StartCompaction), which runs CompactIdle.
//
// CompactIdle makes the daily backup first when one is due, and compacts
// from it (compactAfterBackup). Otherwise, when nobody holds the library
// (its lock, tried once: a copy whose install would be refused is not
// begun), it compacts from the library file itself, read through the page
// reader without its lock (nobody waits for it, as nobody waits for the
// daily backup), and treats the file as the still copy the backup would
// have been, by the rule the unlocked daily backup (copyUnlocked) rests
// on: bbolt overwrites no page of the newest transaction T before T+1 is
// committed. T+1 writes its pages only where T's freelist names (free
// pages, and pending ones: those T replaced, of T-1's tree; never T's
// own) or past T's end, and its meta page into the slot T does not use;
// the pages of T's tree that T+1 replaces can be reused only by T+2, which
// begins after T+1's meta page is written. So if the library is the same
// file (inode) with T as its newest meta page before the copy and again
// after the copy and its check, no transaction was committed in between,
// and every page of T that was read was T's own. (A meta page read while
// the next is being written fails its checksum and the other slot's is
// read, which is never older than T while T's pages are still T's.) When
// the meta page moved on, whatever the copy found (even "damage": pages
// reused under it) is dropped quietly and the copy tried again a few
// times; the next close tries again after that. The compacted copy is
// installed as after a backup (installCompacted: the lock tried once, the
// library still at T, an atomic rename), so every failure before the
// rename leaves the library as it was.
//
// Reading the library directly, instead of making an unlocked copy of it
// first, saves writing and reading the whole file once more (1.4 GB at
// 50,000 articles) and the room for that copy on the disk. At 50,000
// articles with 23,248 free pages, 'backup --auto --compact' took 25 s
// (10.6 s of CPU; the 2-core machine at a load of 7) and 127 MB at most;
// the library then opened for writing in 0.87 ms (median of 41), a
// 1,000-article one in 0.84 ms, and in 4.66 ms before.

// CompactIdle compacts the library at libraryPath when that pays and
// nobody has it open: from a daily backup made first when one is due,
// else from the library file itself. It reports whether the library was
// replaced; an error means a fault (a full disk, an I/O error), which
// left the library as it was and is noted for the next Open to tell, as
// a daily backup's problems are; ErrNoLibrary (or ErrInvalid, for a
// folder), noted nowhere, means there is no library file at libraryPath.
func CompactIdle(libraryPath string) (bool, error) {
	return compactIdle(osFS{}, libraryPath, time.Now)
}

func compactIdle(fs fileSystem, libraryPath string, now func() time.Time) (bool, error) {
	p, err := ExpandPath(libraryPath)
	if err != nil {
		return false, err
	}
	real := realPath(p)
	if err := libraryFileProblem(p, real); err != nil {
		return false, err // not noted: the next Open tells it as it is
	}
	made, compacted, err := dailyBackupThenCompact(fs, real, now)
	if made || err != nil {
		return compacted, err
	}
	for try := 0; try < unlockedCopyTries; try++ {
		if try > 0 {
			time.Sleep(unlockedCopyPause)
		}
		done, err := compactInPlace(fs, real, now)
		if errors.Is(err, errChanged) {
			continue
		}
		if err != nil {
			noteBackupProblem(fs, real, now(), err, false)
		}
		return done, err
	}
	return false, nil // written all along: the next close tries again
}

// compactInPlace compacts the library file real from itself (see the
// comment above) when that pays and nobody holds it. It fails with
// errChanged when the library was written while it read.
func compactInPlace(fs fileSystem, real string, now func() time.Time) (bool, error) {
	if !canReplaceOpenFile {
		return false, nil
	}
	start, err := os.Stat(real)
	if err != nil {
		return false, nil
	}
	snap, free, err := freePagesOf(real)
	if err != nil || !worthCompacting(free) {
		return false, nil // a library that does not read is the next Open's to tell
	}
	if !unchangedSince(real, snap) || !roomToCompact(real, snap) || heldByAnother(real) {
		return false, nil
	}
	tmp, err := writeCompacted(fs, real, real, snap)
	if err == nil {
		defer tmp.Close() // held, locked, until the rename is done
		defer fs.Remove(tmp.Name())
		err = checkCompacted(tmp.Name(), real, snap)
	}
	if !stillAt(real, start, snap) {
		return false, errChanged
	}
	if err != nil {
		return false, fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	return installCompacted(fs, real, tmp.Name(), snap, now)
}

// stillAt reports whether the file at real is still the file start and
// its newest transaction still snap.
func stillAt(real string, start os.FileInfo, snap metaPage) bool {
	fi, err := os.Stat(real)
	if err != nil || !os.SameFile(fi, start) {
		return false
	}
	m, err := metaOfFile(real)
	return err == nil && m == snap
}

// heldByAnother reports whether somebody has the library file real open
// (its lock, tried once without waiting): the window opened again, a
// command. The install would be refused (installCompacted tries the lock
// again), so the copy, seconds of reading and writing beside the reader's
// work at 50,000 articles, is not begun.
func heldByAnother(real string) bool {
	f, err := os.Open(real)
	if err != nil {
		return true
	}
	defer f.Close() // lets the lock go
	return lockFile(f, true, 0) != nil
}
