package storage

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"time"
)

// fileState is what the library remembers of its file after a full check,
// in a small file next to it (".NAME.state"): the file's identity and its
// newest transaction, and whether it was sound. Open compares it with the
// file: when they match, nothing has touched the file since it was last
// known to be sound, and the whole-file check (which reads every page and
// every record: seconds at 50,000 articles) is skipped.
//
// It doubles as the clean-shutdown marker: a writable Open removes it
// before the first write, and Close writes it again after the last one.
// A session that ended any other way (killed, crashed, power lost) leaves
// no state, or one that no longer matches the file, and the next Open
// checks the whole file.
type fileState struct {
	Size    int64  `json:"size"`
	ModNs   int64  `json:"mtime_ns"`
	CtimeNs int64  `json:"ctime_ns,omitempty"`
	Inode   uint64 `json:"ino,omitempty"`
	Dev     uint64 `json:"dev,omitempty"`
	Txid    uint64 `json:"txid"`
	MetaSum uint64 `json:"meta_sum"`
	// Damage is the damage the last check found ("" for a sound file).
	Damage string `json:"damage,omitempty"`
	// Checked is when the whole file was last read and found sound (or
	// damaged); sessions in between carry it over.
	Checked time.Time `json:"checked"`
}

// statePath is where the state of the library file real is kept.
func statePath(real string) string {
	return filepath.Join(filepath.Dir(real), "."+filepath.Base(real)+".state")
}

// UsedAsLibrary reports whether the file at path has been a library that
// Dramatis opened and closed (its state file is beside it), not only a
// copy: 'dramatis backup' must not write over someone's other library.
func UsedAsLibrary(path string) bool {
	_, err := os.Stat(statePath(realPath(absPath(path))))
	return err == nil
}

// stateOf describes the file f (whose newest meta page is m) as it is now.
func stateOf(f *os.File, m metaPage) (fileState, error) {
	fi, err := f.Stat()
	if err != nil {
		return fileState{}, err
	}
	ino, dev, ctime := fileIdentity(fi)
	return fileState{Size: fi.Size(), ModNs: fi.ModTime().UnixNano(), CtimeNs: ctime, Inode: ino, Dev: dev,
		Txid: m.txid, MetaSum: m.checksum}, nil
}

// sameFile reports whether two states describe the same unchanged file.
func (s fileState) sameFile(o fileState) bool {
	return s.Size == o.Size && s.ModNs == o.ModNs && s.CtimeNs == o.CtimeNs && s.Inode == o.Inode &&
		s.Dev == o.Dev && s.Txid == o.Txid && s.MetaSum == o.MetaSum
}

// maxStateSize bounds what is read of a state file: a few hundred bytes
// are written; anything larger is not ours.
const maxStateSize = 16 << 10

// readState returns the remembered state of the library file real, or
// false when there is none (or it is unreadable, which means the same:
// check the file).
func readState(real string) (fileState, bool) {
	f, err := os.Open(statePath(real))
	if err != nil {
		return fileState{}, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStateSize))
	if err != nil {
		return fileState{}, false
	}
	var s fileState
	if err := json.Unmarshal(data, &s); err != nil || s.Size == 0 {
		return fileState{}, false
	}
	return s, true
}

// writeState remembers s for the library file real. It is not synced: a
// state lost in a crash only costs the next Open a check. Errors are
// returned for tests; the library goes on without a state (a read-only
// folder, a full disk).
func writeState(fs fileSystem, real string, s fileState) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	dir := filepath.Dir(real)
	f, err := fs.CreateTemp(dir, tempPattern(statePath(real)))
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		fs.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		fs.Remove(tmp)
		return err
	}
	if err := fs.Rename(tmp, statePath(real)); err != nil {
		fs.Remove(tmp)
		return err
	}
	return nil
}

// forgetState removes the state of the library file real, marking a
// writing session as open. If it cannot be removed the session's first
// write changes the file anyway, and the state no longer matches it.
func forgetState(fs fileSystem, real string) {
	if err := fs.Remove(statePath(real)); err == nil {
		_ = fs.SyncDir(filepath.Dir(real))
	}
}

// rememberChecked writes the state of the library file real, just read
// whole (a restored or compacted copy put in its place), so that the next
// Open need not read it again. Without a state the next Open reads it.
func rememberChecked(fs fileSystem, real string, now func() time.Time) {
	pf, f, err := pageFileAt(real)
	if err != nil {
		return
	}
	defer f.Close()
	if st, err := stateOf(f, pf.meta); err == nil {
		st.Checked = now().UTC()
		_ = writeState(fs, real, st)
	}
}
