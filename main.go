// Command dramatis is a desktop reader for studying what actors do and say in
// the news. Without a sub-command it opens the window; with one (clean,
// import, list, …) it runs headless and never starts the GUI.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dramatis-app/dramatis/app"
	"github.com/dramatis-app/dramatis/cli"
	"github.com/dramatis-app/dramatis/clipboard"
	"github.com/dramatis-app/dramatis/internal/buildinfo"
	_ "github.com/dramatis-app/dramatis/internal/localeenv" // before Fyne reads the locale
)

// fyneAppTOML is the app's metadata; its version and build number are the
// version every build reports.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// commit is the commit the binary was built from, set by scripts/package
// with -ldflags "-X main.commit=HASH" (with buildinfo.DirtySuffix for a
// tree with changes); plain go builds inside git fall back to the VCS stamp.
var commit string

func main() {
	started := time.Now()
	// A FyneApp.toml that does not parse fails TestRepositoryFyneAppTOML;
	// the program still runs and says "unknown version".
	build, _ := buildinfo.New(fyneAppTOML, commit)
	if len(os.Args) > 1 && (cli.IsCommand(os.Args[1]) || cli.LooksLikeCommand(os.Args[1])) {
		attachConsole()
		env := cli.OSEnv()
		env.Version = build.String()
		os.Exit(cli.Run(env, os.Args[1:]))
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
	quietX11()
	opts := app.Options{Library: *library, Open: fs.Args(), Build: build, Started: started,
		StartCompaction: cli.StartCompaction, ClipboardPage: clipboardPage, ScreenSize: screenSize}
	if err := app.Run(opts); err != nil {
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

// clipboardPage reads the HTML and the page's address a browser put on the
// clipboard beside a copy's text (app.Options.ClipboardPage).
func clipboardPage(ctx context.Context) ([]byte, string, error) {
	p, err := clipboard.Read(ctx)
	return p.HTML, p.Source, err
}
