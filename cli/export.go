package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/export"
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
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	data, err := gatherLibrary(lib, ids)
	if err != nil {
		return err
	}
	switch *format {
	case "w3c":
		doc, err := export.W3C(data)
		if err != nil {
			return err
		}
		return emit(e, *out, "annotations.jsonld", doc)
	case "backup":
		prefs, err := gatherPreferences(e, lib)
		if err != nil {
			return err
		}
		data.Preferences = prefs
		doc, err := export.Backup(data)
		if err != nil {
			return err
		}
		return emit(e, *out, "dramatis-backup.json", doc)
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
	for _, err := range rep.Skipped {
		fmt.Fprintf(e.Stderr, "dramatis export: %s\n", oneLine(err.Error()))
	}
	if len(rep.Skipped) > 0 {
		return errReported
	}
	return nil
}

// gatherLibrary reads what an export covers: the articles named (by id or
// unique id prefix; all, newest first, when none is), each with its text
// and highlights, and every actor.
func gatherLibrary(lib *storage.Library, refs []string) (*export.Library, error) {
	var ids []string
	if len(refs) == 0 {
		infos, err := lib.Articles()
		if err != nil {
			return nil, err
		}
		for _, in := range infos {
			ids = append(ids, in.ID)
		}
	}
	seen := map[string]bool{}
	for _, r := range refs {
		id, err := lib.ResolveArticle(r)
		if err != nil {
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	out := &export.Library{Articles: make([]export.Article, 0, len(ids))}
	for _, id := range ids {
		a, info, err := lib.Article(id)
		if err != nil {
			return nil, fmt.Errorf("reading article %s: %w", id, err)
		}
		hs, err := lib.Highlights(id)
		if err != nil {
			return nil, fmt.Errorf("reading the highlights of article %s: %w", id, err)
		}
		out.Articles = append(out.Articles, export.Article{ID: id, Added: info.Added, Article: *a, Highlights: hs})
	}
	actors, err := lib.Actors()
	if err != nil {
		return nil, err
	}
	out.Actors = actors
	return out, nil
}

// gatherPreferences reads the preferences for a backup. A value that is
// not text cannot go into the JSON file unchanged; it is left out and
// named on stderr.
func gatherPreferences(e *Env, lib *storage.Library) (map[string]string, error) {
	raw, err := lib.Preferences()
	if err != nil {
		return nil, fmt.Errorf("reading the preferences: %w", err)
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		if !utf8.Valid(v) || !utf8.ValidString(k) {
			fmt.Fprintf(e.Stderr, "dramatis export: the preference %q is not text and is not in the backup\n", k)
			continue
		}
		out[k] = string(v)
	}
	return out, nil
}

// emit writes a JSON document to stdout, or atomically to a file (into a
// folder under defaultName when out is one).
func emit(e *Env, out, defaultName string, doc []byte) error {
	if out == "" {
		_, err := e.Stdout.Write(doc)
		return err
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		out = filepath.Join(out, defaultName)
	}
	if err := checkParentFolder(out); err != nil {
		return err
	}
	if err := export.WriteFile(out, doc); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Fprintf(e.Stdout, "wrote %s\n", out)
	return nil
}
