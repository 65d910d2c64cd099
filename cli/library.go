package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/internal/handoff"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/internal/userpath"
	"github.com/dramatis-app/dramatis/storage"
)

// libraryFlags are the flags every library command has: --library and
// --wait. Pass them (dereferenced) to openLibrary or openLibraryToRead.
type libraryFlags struct {
	path pathFlag
	wait time.Duration
}

// pathFlag is --library: a value that must not be empty when given (an
// empty --library "" used to mean the default library, silently).
type pathFlag struct {
	value string
	set   bool
}

func (p *pathFlag) String() string { return p.value }

func (p *pathFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("it is empty; give a library file, or leave --library out for the default")
	}
	p.value, p.set = v, true
	return nil
}

// addLibraryFlag adds --library and --wait to a command's flags.
func addLibraryFlag(fs *flag.FlagSet) *libraryFlags {
	lf := &libraryFlags{}
	fs.Var(&lf.path, "library", "library `file` (default $DRAMATIS_LIBRARY, else "+defaultPathHint+")")
	fs.DurationVar(&lf.wait, "wait", 0, "wait up to `DURATION` (e.g. 30s) for the window or another command to let go of the library (default 1s)")
	return lf
}

const defaultPathHint = "$XDG_DATA_HOME/dramatis/library.db"

// libraryPath resolves which library a command works on: --library, else
// DRAMATIS_LIBRARY, else storage.DefaultPath; "~/" is the home folder.
func libraryPath(e *Env, lf libraryFlags) (string, error) {
	p := lf.path.value
	if !lf.path.set {
		p = e.getenv("DRAMATIS_LIBRARY")
	}
	if p == "" {
		return storage.DefaultPath()
	}
	return storage.ExpandPath(p)
}

// openLibrary opens the library a command changes (see libraryPath),
// creating it when there is none. The caller closes it; the daily backup,
// when due, is then made by a process of its own ('dramatis backup
// --auto'), so that the command never waits for it.
func openLibrary(e *Env, lf libraryFlags) (*storage.Library, error) {
	return open(e, lf, writingOptions(e))
}

// writingOptions are the options of a command that writes the library:
// after it, the daily backup when due, else a compaction when the
// command's writes (a delete of many articles, an import) left many pages
// free — each in a process of its own, so that the command never waits.
func writingOptions(e *Env) storage.Options {
	return storage.Options{StartBackup: backupStarter(e), StartCompaction: compactionStarter(e)}
}

// openLibraryToRead opens the library a command only reads: read-only, so
// that it works on a library it may not write, alongside other readers,
// and never creates anything (no folder, no library, no backup).
//
// A library written by an older Dramatis is upgraded first, once (which
// writes it, after a backup of the old file), since this build cannot read
// the old layout; when it may not be written, the error says so.
func openLibraryToRead(e *Env, lf libraryFlags) (*storage.Library, error) {
	lib, err := open(e, lf, storage.Options{ReadOnly: true})
	if !errors.Is(err, storage.ErrNeedsUpgrade) {
		return lib, err
	}
	up, uerr := open(e, lf, writingOptions(e))
	if uerr != nil {
		return nil, err
	}
	up.Close()
	return open(e, lf, storage.Options{ReadOnly: true})
}

// openArticle opens the library with open (openLibrary or
// openLibraryToRead) and resolves an article id or prefix.
func openArticle(e *Env, lf libraryFlags, article string, open func(*Env, libraryFlags) (*storage.Library, error)) (*storage.Library, string, error) {
	lib, err := open(e, lf)
	if err != nil {
		return nil, "", err
	}
	id, err := lib.ResolveArticle(article)
	if err != nil {
		lib.Close()
		return nil, "", err
	}
	return lib, id, nil
}

func open(e *Env, lf libraryFlags, o storage.Options) (*storage.Library, error) {
	p, err := libraryPath(e, lf)
	if err != nil {
		return nil, err
	}
	o.Wait = lf.wait
	lib, err := storage.OpenWith(p, o)
	if err != nil {
		return nil, openFailure(p, err)
	}
	if problem := lib.BackupProblem(); problem != nil {
		fmt.Fprintf(e.Stderr, "dramatis: warning: %s\n", oneLine(problem.Error()))
	}
	return lib, nil
}

// openFailure words why the library did not open, and for a damaged one
// names the way back: the latest backup and the command that restores it.
func openFailure(path string, err error) error {
	if errors.Is(err, storage.ErrInUse) && handoff.Listening(handoff.SocketPath(path)) {
		return windowHolds{path}
	}
	if !errors.Is(err, storage.ErrDamaged) {
		return fmt.Errorf("opening the library: %w", err)
	}
	backup, berr := storage.LatestBackup(path)
	if berr != nil {
		return fmt.Errorf("%w. Nothing was written to it. There is no automatic backup of it in %s", err, storage.BackupDir(path))
	}
	when := ""
	if fi, serr := statTime(backup); serr == nil {
		when = " (" + fi.Format("2006-01-02 15:04") + ")"
	}
	return fmt.Errorf("%w. Nothing was written to it. The latest backup is %s%s: 'dramatis restore %s' puts it back and keeps the damaged file in %s",
		err, backup, when, userpath.Quote(backup), filepath.Dir(backup))
}

// windowHolds is ErrInUse when the holder is the Dramatis window, which
// stays open for hours: waiting (--wait) does not help, closing it or
// doing the work in it does.
type windowHolds struct{ path string }

func (w windowHolds) Error() string {
	return "the Dramatis window has the library " + w.path + " open; close it or use the window"
}

func (w windowHolds) Unwrap() error { return storage.ErrInUse }

// checkLibraryFree fails, as opening the library would (waiting --wait),
// when another process holds the library a command is about to write:
// import asks before it cleans its sources, which takes long.
func checkLibraryFree(e *Env, lf libraryFlags) error {
	p, err := libraryPath(e, lf)
	if err != nil {
		return err
	}
	if err := storage.CheckFree(p, lf.wait); err != nil {
		return openFailure(p, err)
	}
	return nil
}

// backupStarter returns what starts the daily backup after a command: a
// 'dramatis backup --auto' process of its own, or nothing where the
// environment cannot start one (tests).
func backupStarter(e *Env) func(string) {
	if e.StartBackground == nil {
		return func(string) {}
	}
	return func(libraryPath string) {
		if err := e.StartBackground("backup", "--auto", "--library", libraryPath); err != nil {
			fmt.Fprintf(e.Stderr, "dramatis: warning: the daily backup was not started: %s\n", oneLine(err.Error()))
		}
	}
}

// compactionStarter is a command's Options.StartCompaction: it starts
// 'dramatis backup --auto --compact' (compactionArgs) as backupStarter
// starts the daily backup.
func compactionStarter(e *Env) func(string) {
	if e.StartBackground == nil {
		return func(string) {}
	}
	return func(libraryPath string) {
		if err := e.StartBackground(compactionArgs(libraryPath)...); err != nil {
			fmt.Fprintf(e.Stderr, "dramatis: warning: the library's compaction was not started: %s\n", oneLine(err.Error()))
		}
	}
}

// openForTwoNames parses a command that takes exactly two names (usage
// "actors rename OLD NEW": first and second name them in the error) and
// opens the library for writing. The caller closes it.
func openForTwoNames(e *Env, args []string, usage, first, second string) (*storage.Library, [2]string, error) {
	fs := newUsageFlagSet(e, usage)
	lib, pos, err := openWithArgs(e, fs, addLibraryFlag(fs), args, 2, "want "+first+" and "+second+" names, got %s")
	if err != nil {
		return nil, [2]string{}, err
	}
	return lib, [2]string{pos[0], pos[1]}, nil
}

// openWithArgs parses a command's flags, checks that it was given n
// arguments (wrong says what it wants; its %d is how many came) and opens
// the library; the caller closes it.
func openWithArgs(e *Env, fs *flag.FlagSet, lf *libraryFlags, args []string, n int, wrong string) (*storage.Library, []string, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(pos) != n {
		return nil, nil, usagef(wrong, plural.Of(len(pos), "argument"))
	}
	lib, err := openLibrary(e, *lf)
	if err != nil {
		return nil, nil, err
	}
	return lib, pos, nil
}
