package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/dramatis-app/dramatis/backup"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/export/gather"
	"github.com/dramatis-app/dramatis/storage"
)

// runImportBackup merges a JSON backup (export --format backup) into the
// library by id, without duplicates, in one transaction: on any error the
// library is unchanged. Actors with the same name but another id are
// merged into the library's actor (see backup.PlanMerge).
func runImportBackup(e *Env, args []string) error {
	fs := newFlagSet(e, "import-backup")
	libFlag := addLibraryFlag(fs)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give exactly one backup FILE (or - for stdin)")
	}
	b, err := readBackupFile(e, files[0])
	if err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	current, err := gather.Library(lib, nil)
	if err != nil {
		return err
	}
	if current.Preferences, _, err = gather.Preferences(lib); err != nil {
		return err
	}
	plan, err := backup.PlanMerge(current, b)
	if err != nil {
		return err
	}
	if err := lib.PutBatch(batchOf(plan)); err != nil {
		return fmt.Errorf("importing %s: %w", files[0], err)
	}
	fmt.Fprintf(e.Stdout, "imported %s: %s\n", files[0], plan.Summary())
	return nil
}

// readBackupFile reads and checks a backup file ("-": stdin).
func readBackupFile(e *Env, name string) (*export.Library, error) {
	var r io.Reader = e.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("opening the backup: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := backup.Read(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

// batchOf turns a merge plan into the library's writes.
func batchOf(p *backup.MergePlan) storage.Batch {
	b := storage.Batch{Actors: p.Actors, Highlights: p.Highlights, Preferences: map[string][]byte{}}
	for i := range p.Articles {
		a := &p.Articles[i]
		b.Articles = append(b.Articles, storage.BatchArticle{ID: a.ID, Article: &a.Article, Added: a.Added})
	}
	for k, v := range p.Preferences {
		b.Preferences[k] = []byte(v)
	}
	return b
}
