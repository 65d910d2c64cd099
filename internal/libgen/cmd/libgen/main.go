// Command libgen writes a Dramatis library of N articles made from the
// corpus pages, the same library for the same flags on every run:
//
//	go run ./internal/libgen/cmd/libgen -n 50000 -out /tmp/big/library.db
//
// Open it with dramatis --library /tmp/big/library.db (window) or any
// command's --library flag.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dramatis-app/dramatis/internal/libgen"
)

func main() {
	var o libgen.Options
	fs := flag.NewFlagSet("libgen", flag.ExitOnError)
	fs.IntVar(&o.Articles, "n", 1000, "number of articles")
	fs.IntVar(&o.Highlights, "highlights", 3, "highlights per article (-1 for none)")
	fs.IntVar(&o.TextBytes, "text", 12<<10, "bytes of text per article, about")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed for ids and highlight positions")
	out := fs.String("out", "", "library `file` to write (must not exist)")
	corpus := fs.String("corpus", "", "corpus `folder` of page folders (default: ../shared/corpus/{readability,trafilatura-dev})")
	_ = fs.Parse(os.Args[1:])
	if *out == "" {
		fmt.Fprintln(os.Stderr, "libgen: -out FILE is required")
		os.Exit(2)
	}
	if *corpus != "" {
		o.Corpus = []string{*corpus}
	}
	st, err := libgen.Build(*out, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "libgen:", err)
		os.Exit(1)
	}
	fmt.Println(st)
}
