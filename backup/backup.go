// Package backup reads and writes Dramatis's lossless JSON backup
// ("export --format backup", "import-backup"): the whole library —
// articles with their text, metadata and highlights, actors and
// preferences — as one versioned document, and the plan for merging such a
// document into a library by id without duplicates.
//
// It is not the library file's own copies (storage.Library.Backup and the
// daily backups beside the library), which are bbolt files.
package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
)

// The backup file's format name and the newest version this build reads
// and writes.
const (
	Format  = "dramatis-backup"
	Version = 1
)

// MaxBytes bounds a backup file read by Read.
const MaxBytes = 1 << 30

// ErrNotBackup is wrapped when a file is not a Dramatis backup;
// ErrTooNew when it was written by a newer version.
var (
	ErrNotBackup = errors.New("not a Dramatis backup")
	ErrTooNew    = errors.New("the backup was written by a newer version of Dramatis")
)

// backupFile is the JSON document of a backup. Field order is the order
// written; every list is sorted by id, so the same library always gives
// the same bytes.
type backupFile struct {
	Format      string             `json:"format"`
	Version     int                `json:"version"`
	Articles    []export.Article   `json:"articles"`
	Actors      []annotation.Actor `json:"actors"`
	Preferences map[string]string  `json:"preferences"`
}

// Backup returns the whole library (articles with their text, metadata and
// highlights; actors; preferences) as one versioned JSON document. Lists
// are sorted by id and empty lists written as [], so that a library
// restored from a backup backs up to the same bytes.
func Encode(lib *export.Library) ([]byte, error) {
	f := backupFile{
		Format: Format, Version: Version,
		Articles: make([]export.Article, 0, len(lib.Articles)), Actors: slices.Clone(lib.Actors),
		Preferences: lib.Preferences,
	}
	if f.Actors == nil {
		f.Actors = []annotation.Actor{}
	}
	if f.Preferences == nil {
		f.Preferences = map[string]string{}
	}
	for _, a := range lib.Articles {
		a.Highlights = slices.Clone(a.Highlights)
		if a.Highlights == nil {
			a.Highlights = []annotation.Highlight{}
		}
		sort.Slice(a.Highlights, func(i, j int) bool { return a.Highlights[i].ID < a.Highlights[j].ID })
		f.Articles = append(f.Articles, a)
	}
	sort.Slice(f.Articles, func(i, j int) bool { return f.Articles[i].ID < f.Articles[j].ID })
	sort.Slice(f.Actors, func(i, j int) bool { return f.Actors[i].ID < f.Actors[j].ID })
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("writing the backup: %w", err)
	}
	return b.Bytes(), nil
}
