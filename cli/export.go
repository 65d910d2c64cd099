package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/dramatis-app/dramatis/backup"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/export/gather"
	"github.com/dramatis-app/dramatis/internal/userpath"
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
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	target, err := exportTarget(*format, *out, lib.Path())
	if err != nil {
		return err
	}
	data, err := gather.Library(lib, ids)
	if err != nil {
		return err
	}
	switch *format {
	case "w3c":
		doc, err := export.W3C(data)
		if err != nil {
			return err
		}
		return emit(e, target, doc)
	case "backup":
		prefs, skipped, err := gather.Preferences(lib)
		if err != nil {
			return err
		}
		for _, k := range skipped {
			fmt.Fprintf(e.Stderr, "dramatis export: the preference %q is not text and is not in the backup\n", k)
		}
		data.Preferences = prefs
		doc, err := backup.Encode(data)
		if err != nil {
			return err
		}
		return emit(e, target, doc)
	}
	g := export.PerArticle
	switch {
	case *byActor:
		g = export.ByActor
	case *perActor:
		g = export.PerActor
	}
	if *out == "" {
		_, err := e.Stdout.Write(export.Markdown(data, g))
		return err
	}
	rep, err := export.WriteFolder(*out, data, g)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%d notes written, %d unchanged in %s\n", len(rep.Written), len(rep.Unchanged), *out)
	for _, n := range rep.Notices() {
		fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(n))
	}
	for _, err := range rep.Skipped {
		fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(err.Error()))
	}
	if len(rep.Skipped) > 0 {
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

// emit writes a JSON document to stdout (no target), or atomically to the
// checked target file.
func emit(e *Env, target string, doc []byte) error {
	if target == "" {
		_, err := e.Stdout.Write(doc)
		return err
	}
	export.RemoveStaleTemps(filepath.Dir(target))
	if err := export.WriteFile(target, doc); err != nil {
		return fmt.Errorf("writing %s: %w", target, err)
	}
	fmt.Fprintf(e.Stdout, "wrote %s\n", target)
	return nil
}
