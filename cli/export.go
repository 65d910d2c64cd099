package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"

	"github.com/dramatis-app/dramatis/backup"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/export/gather"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/internal/userpath"
	"github.com/dramatis-app/dramatis/storage"
)

// runExport writes notes as Markdown (to stdout, or as notes into a
// folder), W3C Web Annotations or a full JSON backup.
func runExport(e *Env, args []string) error {
	fs := newFlagSet(e, "export")
	libFlag := addLibraryFlag(fs)
	format := fs.String("format", "md", "output `format`: md, w3c or backup")
	byActor := fs.Bool("by-actor", false, "Markdown: one section per actor in each article note")
	perActor := fs.Bool("actors", false, "Markdown: one note per actor across the library (with --out, the article notes too)")
	out := fs.String("out", "", "Markdown: notes `folder` to write into (safe to repeat); w3c/backup: file (or folder) to write")
	ids, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch *format {
	case "md", "markdown", "w3c", "backup":
	default:
		return usagef("unknown format %q (md, w3c or backup)", *format)
	}
	if *byActor && *perActor {
		return usagef("--by-actor and --actors exclude each other")
	}
	if (*byActor || *perActor) && *format != "md" && *format != "markdown" {
		return usagef("--by-actor and --actors only apply to --format md")
	}
	// A damaged library is opened all the same, read-only, so that the
	// export saves what still reads.
	lib, err := open(e, *libFlag, storage.Options{Salvage: true})
	if err != nil {
		return err
	}
	defer lib.Close()
	if d := lib.Damaged(); d != nil {
		fmt.Fprintf(e.Stderr, "dramatis export: %s (%s); exporting what can still be read\n", lib.Path(), oneLine(d.Error()))
	}
	target, err := exportTarget(*format, *out, lib.Path())
	if err != nil {
		return err
	}
	if *format == "backup" {
		src, err := gather.NewSource(lib, ids)
		if err != nil {
			return err
		}
		err = writeOut(e, target, func(w io.Writer) error { return backup.Write(w, src) })
		return reportSkipped(e, lib, src.Skipped, err)
	}
	g := export.PerArticle
	switch {
	case *byActor:
		g = export.ByActor
	case *perActor:
		g = export.PerActor
	}
	if *format != "w3c" && *out != "" {
		return exportFolder(e, lib, ids, *out, g)
	}
	data, skipped, err := gather.Library(lib, ids)
	if err != nil {
		return err
	}
	if *format == "w3c" {
		doc, err := export.W3C(data)
		if err == nil {
			err = writeOut(e, target, func(w io.Writer) error { _, err := w.Write(doc); return err })
		}
		return reportSkipped(e, lib, skipped, err)
	}
	_, err = e.Stdout.Write(export.Markdown(data, g))
	return reportSkipped(e, lib, skipped, err)
}

// exportFolder writes Markdown notes into the folder out, reading the
// library one article at a time (the memory an export takes does not
// grow with the library). Ctrl-C stops it: the notes put in place stay,
// nothing half-done is left in the folder (it left hundreds of temporary
// files), and it says how far it got (exit 130).
func exportFolder(e *Env, lib *storage.Library, ids []string, out string, g export.Grouping) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	src, err := gather.NewNotes(lib, ids)
	if err != nil {
		return err
	}
	rep, err := export.WriteFolderFromUntil(ctx, out, src, g)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.Stderr, "dramatis export: interrupted: %s written, %d unchanged in %s before it stopped; the others were not written\n",
			plural.Of(len(rep.Written), "note"), len(rep.Unchanged), out)
		return errInterrupted
	}
	var full *export.DiskFullError
	if errors.As(err, &full) {
		// One line for the whole export, not one per note it did not
		// write; then what the notes written before need said.
		fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(full.Error()))
		for _, n := range rep.Notices() {
			fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(n))
		}
		reportSkipped(e, lib, append(src.Skipped, rep.Skipped...), nil)
		return errReported
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%s written, %d unchanged in %s\n", plural.Of(len(rep.Written), "note"), len(rep.Unchanged), out)
	for _, n := range rep.Notices() {
		fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(n))
	}
	return reportSkipped(e, lib, append(src.Skipped, rep.Skipped...), nil)
}

// reportSkipped names on stderr, one line each, what an export could not
// read or write, and makes the command fail (after writing everything
// else) when there is any: a script must not take a salvaged export for
// a whole one.
func reportSkipped(e *Env, lib *storage.Library, skipped []error, err error) error {
	if err != nil {
		return err
	}
	for _, s := range skipped {
		fmt.Fprintf(e.Stderr, "dramatis export: skipped: %s\n", oneLine(s.Error()))
	}
	if len(skipped) > 0 || lib.Damaged() != nil {
		return errReported
	}
	return nil
}

// Default file names of an export written into a folder.
const (
	w3cFileName    = "annotations.jsonld"
	backupFileName = "dramatis-backup.json"
)

// exportTarget checks where an export may write before anything is read:
// the notes folder for Markdown (it must be a folder if it exists), or
// the file for w3c and backup (into a folder under its default name),
// which must be new or an earlier export, never the library, a link, a
// device or someone's file (see export.CheckTarget). Empty means stdout.
func exportTarget(format, out, libraryPath string) (string, error) {
	if err := userpath.Foreign(runtime.GOOS, out); err != nil {
		return "", err
	}
	if out == "" {
		return "", nil
	}
	if format == "md" || format == "markdown" {
		if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
			return "", fmt.Errorf("%s is a file, not a folder: Markdown notes are written into a folder", out)
		}
		return out, nil
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		name := backupFileName
		if format == "w3c" {
			name = w3cFileName
		}
		out = filepath.Join(out, name)
	}
	if err := checkParentFolder(out); err != nil {
		return "", err
	}
	if err := export.CheckTarget(out, libraryPath); err != nil {
		return "", err
	}
	return out, nil
}

// writeOut streams an export to stdout (no target), or to the checked
// target file through a temporary file that replaces it only when whole.
func writeOut(e *Env, target string, write func(io.Writer) error) error {
	if target == "" {
		w := bufio.NewWriter(e.Stdout)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	export.RemoveStaleTemps(filepath.Dir(target))
	f, err := export.CreateAtomic(target)
	if err == nil {
		if err = write(f); err != nil {
			f.Abort()
		} else {
			err = f.Commit()
		}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", target, err)
	}
	fmt.Fprintf(e.Stdout, "wrote %s\n", target)
	return nil
}
