package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Compaction gives the library file back the pages big transactions left
// free. bbolt never shrinks a file: a transaction that writes much (an
// import of a backup, a search index rebuild, a migration) leaves as many
// pages free as it wrote, and every writable open loads and indexes every
// free page id, so opening costs more the bigger the library's biggest
// transaction ever was (at 50,000 articles: 23,248 free pages, an open 3.4
// to 5.4 times that of 1,000 articles; compacted, 1.01 to 1.11 times).
//
// It runs in the daily backup's own process ('dramatis backup --auto'),
// right after the backup was made, and only when it pays (compactMinFree);
// after the window, without a backup (see below).
// The just-made backup is a still copy of the library's newest
// transaction T, so the compacted copy is made from it (its records
// copied in order into a new bbolt file) while the library
// goes on being used, in a temporary file next to the library; its meta
// pages are given T's transaction ids (the search index's stamp, the state
// file and the daily backup's "unchanged" test all compare against them);
// it is synced and read back completely. Then, only if nobody has the
// library open (its lock, tried once: a holder means no compaction until
// the next backup) and its newest transaction is still T, it is renamed
// over the library, holding the lock, as a restore is. Any failure before
// the rename leaves the library as it was; the rename is atomic.
//
// The day after, the library no longer has the backup's meta page (the
// same transaction, other pages), so the next daily backup is made even
// if nothing changed: one copy more, once per compaction, of a library
// that then opens as fast as a small one.
//
// The window has the library open all along, and its daily backup, made
// in-process as it opens, holds the library before the session's writes:
// it never compacts from it. Instead its Close, when the library has more
// free pages than compactMinFree, starts 'dramatis backup --auto
// --compact' in a process of its own (Options.StartCompaction), which
// compacts from the library file itself once the window has let go of it
// (compactidle.go: the same copy, check and install, from the library's
// newest transaction, kept only if no commit came while it was read).
// No system that cannot rename over an open file (Windows) compacts:
// there the lock would have to be let go before the rename, and a write
// in that moment would be lost.

// compactMinFree is when compaction pays: more free pages than this.
// Each free page id costs every writable open 0.05 to 0.14 µs, as the
// machine is loaded (BenchmarkScale/open on the 2-core test machine: 1.54
// to 3.99 ms with 23,248 free pages at 50,000 articles, 0.38 to 0.84 ms
// compacted), so 1,000 of them cost an eighth to a fifth of the 0.37 to
// 0.7 ms a compacted library of 1,000 articles takes to open: the 50,000
// one stays within 1.5 times of it (1.22 to 1.42 at worst). It is a
// number of pages, not a share of the file, because the open costs by the
// number: the 50,000 library opened 3.4 to 5.4 times slower with only
// 6.8 % of its pages free. Daily use does not come near it (80 highlights
// and commands after a compaction left 15 to 19 pages free); big
// transactions do (an index rebuild, an import, a migration).
const compactMinFree = 1000

// compactTxSize is how many bytes of records one transaction of the
// compaction copies: the copy's memory stays near a few times this
// whatever the library's size (at 50,000 articles a Go heap of 99 MB and
// a peak RSS of 116 MB; with bbolt's own Compact, which maps the backup,
// 1.43 GB), and the commits, unsynced, cost next to nothing.
const compactTxSize = 8 << 20

// worthCompacting reports whether a file with free free pages is worth
// compacting.
func worthCompacting(free uint64) bool {
	return free > compactMinFree
}

// ErrNotCompacted begins every error of a compaction that failed: the
// library was not touched. errors.Is finds it also in a problem a
// compaction in another process left for the next Open (BackupProblem).
var ErrNotCompacted = errors.New("the library was not compacted (it is unchanged; compaction is tried again later)")

// compactAfterBackup compacts the library file real from its daily backup
// (a checked copy of the library's newest transaction) when that pays and
// nobody holds the library. It reports whether the library was replaced;
// an error means a fault (a full disk, an I/O error) and leaves the
// library as it was.
func compactAfterBackup(fs fileSystem, real, backup string, now func() time.Time) (bool, error) {
	if !canReplaceOpenFile {
		return false, nil
	}
	snap, free, err := freePagesOf(backup)
	if err != nil || !worthCompacting(free) {
		return false, nil // a backup that does not read is not compacted from
	}
	if !unchangedSince(real, snap) || !roomToCompact(real, snap) {
		return false, nil
	}
	tmp, err := writeCompacted(fs, real, backup, snap)
	if err != nil {
		return false, fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	defer tmp.Close() // held, locked, until the rename is done
	defer fs.Remove(tmp.Name())
	if err := checkCompacted(tmp.Name(), backup, snap); err != nil {
		return false, fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	return installCompacted(fs, real, tmp.Name(), snap, now)
}

// freePagesOf reads the newest meta page of a library file and the number
// of free pages its freelist names (from the freelist page's header, not
// reading the ids).
func freePagesOf(path string) (metaPage, uint64, error) {
	pf, f, err := pageFileAt(path)
	if err != nil {
		return metaPage{}, 0, err
	}
	defer f.Close()
	free, err := pf.freePages()
	return pf.meta, free, err
}

// freePages is the number of free pages the freelist of the page file's
// newest transaction names, from the freelist page's header.
func (f *pageFile) freePages() (uint64, error) {
	if f.meta.freelist == noFreelist {
		return 0, nil
	}
	p, _, err := f.readPage(f.meta.freelist, nil)
	if err != nil || p.flags != flagFreelist {
		return 0, damagedf("the freelist page does not read")
	}
	if p.count != freelistOverflowCount {
		return uint64(p.count), nil
	}
	body := p.data[pageHeaderSize:]
	if len(body) < 8 {
		return 0, damagedf("the freelist page is cut short")
	}
	return binary.LittleEndian.Uint64(body), nil
}

// unchangedSince reports whether the library file real still holds the
// transaction snap (the same newest meta page) and was last known sound:
// a library found damaged is left for the reader to restore.
func unchangedSince(real string, snap metaPage) bool {
	m, err := metaOfFile(real)
	if err != nil || m != snap {
		return false
	}
	st, ok := readState(real)
	return !ok || st.Damage == ""
}

// roomToCompact reports whether the library's disk has room for the
// compacted copy (at most the library's size) beside the library, with
// the margin the daily backup leaves too. Without room there is simply no
// compaction: the disk's want of space is the backup's to tell.
func roomToCompact(real string, snap metaPage) bool {
	need := snap.hwm*uint64(snap.pageSize) + spaceMargin
	free, ok := freeSpace(filepath.Dir(real))
	return !ok || free >= need
}

// writeCompacted makes the compacted copy of the backup (transaction
// snap) in a temporary file next to the library: every bucket and record
// is copied into a new bbolt file, unsynced; the meta pages are then
// given snap's transaction ids and the whole file synced. It returns the
// file, open and locked so that no cleaner takes it for a stale one; it
// is removed on any error.
func writeCompacted(fs fileSystem, real, backup string, snap metaPage) (tempFile, error) {
	f, err := fs.CreateTemp(filepath.Dir(real), tempPattern(real))
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	if err := f.Close(); err != nil { // bbolt opens and locks it itself
		fs.Remove(tmp)
		return nil, err
	}
	if err := copyCompacted(tmp, backup, snap); err != nil {
		fs.Remove(tmp)
		return nil, err
	}
	t, err := fs.ReopenTemp(tmp)
	if err != nil {
		fs.Remove(tmp)
		return nil, err
	}
	err = setTxid(t, snap.txid)
	if err == nil {
		err = t.Sync() // bbolt's writes too: fsync is per file
	}
	if err == nil {
		err = t.Chmod(libraryMode(real))
	}
	if err != nil {
		t.Close()
		fs.Remove(tmp)
		return nil, err
	}
	return t, nil
}

// libraryMode is the permission bits of the library file real, which the
// compacted copy keeps (0600, the library's own, when it cannot tell).
func libraryMode(real string) os.FileMode {
	if fi, err := os.Stat(real); err == nil {
		return fi.Mode().Perm()
	}
	return 0o600
}

// copyCompacted copies every bucket and record of the file src into the new
// file dst, in key order into full pages (as bbolt's Compact does), in
// transactions of compactTxSize, with src's page size. src is read
// through the page reader, never mapped: bbolt's Compact maps the whole
// backup, and every page it reads counts in the process's memory (1.4 GB
// at 50,000 articles). dst is not synced here (writeCompacted syncs it
// once).
func copyCompacted(dst, src string, snap metaPage) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // a fault in the map is an error
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("copying %s: %v", filepath.Base(src), r)
		}
	}()
	pf, f, err := pageFileAt(src)
	if err != nil {
		return fmt.Errorf("opening %s: %w", filepath.Base(src), err)
	}
	defer f.Close()
	if pf.meta != snap {
		return errChanged // the library itself, written since snap was read
	}
	to, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: lockTimeout, NoSync: true, PageSize: int(snap.pageSize)})
	if err != nil {
		return err
	}
	err = (&recordCopy{from: pf, to: to}).run()
	if err != nil {
		err = fmt.Errorf("copying %s: %w", filepath.Base(src), err)
	}
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	return err
}

// recordCopy copies the records of a page file into a bbolt database,
// committing every compactTxSize bytes.
type recordCopy struct {
	from *pageFile
	to   *bolt.DB
	tx   *bolt.Tx
	size int
}

// errNestedBucket: the library has no bucket inside a bucket; a file that
// does is not one this build compacts.
var errNestedBucket = errors.New("a bucket inside a bucket")

// run walks every bucket of the page file (the integrity check's walk:
// damage stops the copy) and copies what it finds.
func (c *recordCopy) run() error {
	tx, err := c.to.Begin(true)
	if err != nil {
		return err
	}
	c.tx = tx
	w := &walker{f: c.from, reachable: newBitset(c.from.meta.hwm), visit: c.visit}
	err = w.tree("", c.from.meta.root, nil, nil, 0)
	if err == nil && len(w.problems) > 0 {
		err = fmt.Errorf("it does not read: %w", w.problems[0])
	}
	if err != nil {
		c.tx.Rollback()
		return err
	}
	return c.tx.Commit()
}

// visit copies one record, or creates one top-level bucket with its
// sequence. bbolt keeps what Put is given until the commit, and the walk
// reuses its buffers: both are copied.
func (c *recordCopy) visit(path string, k, v []byte) error {
	if c.size >= compactTxSize {
		if err := c.tx.Commit(); err != nil {
			return err
		}
		tx, err := c.to.Begin(true)
		if err != nil {
			return err
		}
		c.tx, c.size = tx, 0
	}
	c.size += len(k) + len(v)
	switch {
	case strings.Contains(path, "/") || (path != "" && v == nil):
		return errNestedBucket
	case v == nil:
		return c.bucket(k)
	}
	b := c.tx.Bucket([]byte(path))
	if b == nil {
		return fmt.Errorf("no bucket %q", path)
	}
	b.FillPercent = 1.0 // the records come in order: full pages
	return b.Put(bytes.Clone(k), bytes.Clone(v))
}

// bucket creates the top-level bucket name with the sequence it has in
// the page file.
func (c *recordCopy) bucket(name []byte) error {
	hdr, isBucket, err := c.from.lookup(c.from.meta.root, nil, name, 0)
	if err != nil || !isBucket || len(hdr) < bucketHeader {
		return fmt.Errorf("the bucket %q does not read (%v)", name, err)
	}
	b, err := c.tx.CreateBucket(bytes.Clone(name))
	if err != nil {
		return err
	}
	return b.SetSequence(binary.LittleEndian.Uint64(hdr[8:]))
}

// setTxid gives the copy's meta pages the transaction ids of the library
// it replaces: txid on the page bbolt reads for txid, txid-1 on the
// other, which the next commit overwrites (so a commit cut short falls
// back to txid). Both describe the copy's newest transaction.
func setTxid(t tempFile, txid uint64) error {
	fi, err := os.Stat(t.Name())
	if err != nil {
		return err
	}
	m, err := readMetaPages(t, fi.Size())
	if err != nil {
		return fmt.Errorf("the compacted copy: %w", err)
	}
	ps := int64(m.pageSize)
	page := make([]byte, ps)
	if _, err := t.ReadAt(page, int64(m.txid%2)*ps); err != nil {
		return err
	}
	for _, id := range []uint64{txid, txid - 1} {
		binary.LittleEndian.PutUint64(page[0:], id%2)
		binary.LittleEndian.PutUint64(page[pageHeaderSize+48:], id)
		h := fnv.New64a()
		h.Write(page[pageHeaderSize : pageHeaderSize+metaSize])
		binary.LittleEndian.PutUint64(page[pageHeaderSize+metaSize:], h.Sum64())
		if _, err := t.WriteAt(page, int64(id%2)*ps); err != nil {
			return err
		}
	}
	return nil
}

// checkCompacted reads the compacted copy completely (every page and
// record, as a restore reads its copy) and holds it to the backup: the
// same transaction, and in every bucket of its schema the same number of
// keys (counted from the pages' headers).
func checkCompacted(tmp, backup string, snap metaPage) error {
	rep, err := checkPath(tmp)
	if err == nil {
		err = rep.Err()
	}
	if err != nil {
		return fmt.Errorf("the compacted copy does not read back: %w", err)
	}
	m, _, err := freePagesOf(tmp)
	if err != nil || m.txid != snap.txid {
		return fmt.Errorf("the compacted copy is not of transaction %d (%d, %v)", snap.txid, m.txid, err)
	}
	return sameKeyCounts(tmp, backup, rep.Version)
}

// sameKeyCounts fails unless every bucket a library of schema version may
// have holds as many keys in the file a as in the file b (both checked
// whole, so they have no other buckets).
func sameKeyCounts(a, b string, version int) error {
	pa, fa, err := pageFileAt(a)
	if err != nil {
		return err
	}
	defer fa.Close()
	pb, fb, err := pageFileAt(b)
	if err != nil {
		return err
	}
	defer fb.Close()
	required, allowed := bucketsOf(version)
	for _, bucket := range append(append([][]byte(nil), required...), allowed...) {
		na, err := pa.countKeys(bucket)
		if err != nil {
			return err
		}
		nb, err := pb.countKeys(bucket)
		if err != nil {
			return err
		}
		if na != nb {
			return fmt.Errorf("the compacted copy holds %d keys in %q, %s %d", na, bucket, filepath.Base(b), nb)
		}
	}
	return nil
}

// installCompacted renames the checked copy tmp over the library file
// real, holding the library's lock, if the lock is free at once and the
// library still holds transaction snap; else it leaves everything as it
// was. The copy was read whole, so the state says so: the next Open need
// not read it again.
func installCompacted(fs fileSystem, real, tmp string, snap metaPage, now func() time.Time) (bool, error) {
	cur, err := os.Open(real)
	if err != nil {
		return false, nil
	}
	defer cur.Close()
	if err := lockFile(cur, true, 0); err != nil {
		return false, nil // in use: the next daily backup tries again
	}
	fi, err := cur.Stat()
	if err != nil {
		return false, nil
	}
	if m, err := readMetaPages(cur, fi.Size()); err != nil || m != snap || replaced(cur, real) {
		return false, nil // written since the backup (or replaced)
	}
	if err := fs.Rename(tmp, real); err != nil {
		return false, fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	if err := fs.SyncDir(filepath.Dir(real)); err != nil {
		return true, fmt.Errorf("the library was compacted but may not survive a power cut: %w", err)
	}
	rememberChecked(fs, real, now)
	return true, nil
}
