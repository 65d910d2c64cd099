package cli

import (
	"flag"
	"fmt"

	"github.com/dramatis-app/dramatis/storage"
)

// addLibraryFlag adds --library to a command's flags. Pass its value to
// openLibrary.
func addLibraryFlag(fs *flag.FlagSet) *string {
	return fs.String("library", "", "library `file` (default $DRAMATIS_LIBRARY, else "+defaultPathHint+")")
}

const defaultPathHint = "$XDG_DATA_HOME/dramatis/library.db"

// libraryPath resolves which library a command works on: --library, else
// DRAMATIS_LIBRARY, else storage.DefaultPath.
func libraryPath(e *Env, flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := e.getenv("DRAMATIS_LIBRARY"); p != "" {
		return p, nil
	}
	return storage.DefaultPath()
}

// openLibrary opens the library a command works on (see libraryPath). The
// caller closes it.
func openLibrary(e *Env, flagValue string) (*storage.Library, error) {
	p, err := libraryPath(e, flagValue)
	if err != nil {
		return nil, err
	}
	lib, err := storage.Open(p)
	if err != nil {
		return nil, fmt.Errorf("opening the library: %w", err)
	}
	return lib, nil
}
