// Command dramatis is a desktop reader for studying what actors do and say in
// the news. Without a sub-command it opens the window; with one (clean,
// import, list, …) it runs headless and never starts the GUI.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dramatis-app/dramatis/app"
	"github.com/dramatis-app/dramatis/cli"
	_ "github.com/dramatis-app/dramatis/internal/localeenv" // before Fyne reads the locale
)

func main() {
	if len(os.Args) > 1 && (cli.IsCommand(os.Args[1]) || cli.LooksLikeCommand(os.Args[1])) {
		os.Exit(cli.Run(cli.OSEnv(), os.Args[1:]))
	}
	fs := flag.NewFlagSet("dramatis", flag.ContinueOnError)
	library := fs.String("library", os.Getenv("DRAMATIS_LIBRARY"), "library file (default: the user's data directory)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *library == "" && flagGiven(fs, "library") {
		fmt.Fprintln(os.Stderr, "dramatis: --library is empty; give a library file, or leave --library out for the default")
		os.Exit(2)
	}
	if err := app.Run(app.Options{Library: *library, Open: fs.Args()}); err != nil {
		fmt.Fprintln(os.Stderr, "dramatis:", err)
		os.Exit(1)
	}
}

// flagGiven reports whether the flag name was on the command line (an
// empty --library "" must not quietly mean the default library).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
