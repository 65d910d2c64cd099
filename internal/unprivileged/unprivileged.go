//go:build unix

// Package unprivileged runs a test's child process as a user for whom file
// modes hold, so that a test can give Dramatis a library it may not write
// (a read-only file in a read-only folder, as on a read-only mount or in
// someone else's home): the test's own user, or nobody when the tests run
// as root, who writes through any mode.
package unprivileged

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// nobodyID is the user and group a root test's child runs as when the
// system names no "nobody": 65534 is nobody on Linux and the BSDs.
const nobodyID = 65534

// Dir makes a folder that every user may enter and read (a test's own
// temporary folders are its user's alone), removed when t ends.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "dramatis-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				_ = os.Chmod(p, 0o700) // read-only folders made by the test
			}
			return nil
		})
		_ = os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Writable makes a folder inside dir (from Dir) that the child may write.
func Writable(t testing.TB, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o777); err != nil { // past the umask
		t.Fatal(err)
	}
	return p
}

// Command returns a command that runs this test binary with args as a user
// for whom file modes hold. Under root the binary is first copied into dir
// (from Dir), once per dir, since nobody cannot reach the build's own
// folder.
func Command(t testing.TB, dir string, args ...string) *exec.Cmd {
	t.Helper()
	if os.Geteuid() != 0 {
		return exec.Command(os.Args[0], args...)
	}
	bin := filepath.Join(dir, "test.bin")
	if _, err := os.Stat(bin); errors.Is(err, fs.ErrNotExist) {
		if err := copyFile(os.Args[0], bin); err != nil {
			t.Fatalf("copying the test binary for an unprivileged child: %v", err)
		}
	}
	cmd := exec.Command(bin, args...)
	uid, gid := nobody()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: gid, NoSetGroups: true}}
	return cmd
}

// nobody returns the user and group ids of the system's "nobody".
func nobody() (uint32, uint32) {
	u, err := user.Lookup("nobody")
	if err != nil {
		return nobodyID, nobodyID
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil || uid == 0 {
		return nobodyID, nobodyID
	}
	return uint32(uid), uint32(gid)
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	return os.Chmod(to, 0o755)
}

// ReadOnlyCopy copies the library file at src into a folder "lib" in dir
// (from Dir) and makes both read-only, and returns the copy's path: a
// library its reader may read but not write, nor write anything beside.
func ReadOnlyCopy(t testing.TB, dir, src string) string {
	t.Helper()
	lib := filepath.Join(dir, "lib")
	if err := os.Mkdir(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(lib, filepath.Base(src))
	if err := copyFile(src, p); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(lib, 0o555); err != nil {
		t.Fatal(err)
	}
	return p
}
