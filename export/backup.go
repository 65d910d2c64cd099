package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
)

// The backup file's format name and the newest version this build reads
// and writes.
const (
	BackupFormat  = "dramatis-backup"
	BackupVersion = 1
)

// MaxBackupBytes bounds a backup file read by ReadBackup.
const MaxBackupBytes = 1 << 30

// ErrNotBackup is wrapped when a file is not a Dramatis backup;
// ErrBackupTooNew when it was written by a newer version.
var (
	ErrNotBackup    = errors.New("not a Dramatis backup")
	ErrBackupTooNew = errors.New("the backup was written by a newer version of Dramatis")
)

// backupFile is the JSON document of a backup. Field order is the order
// written; every list is sorted by id, so the same library always gives
// the same bytes.
type backupFile struct {
	Format      string             `json:"format"`
	Version     int                `json:"version"`
	Articles    []Article          `json:"articles"`
	Actors      []annotation.Actor `json:"actors"`
	Preferences map[string]string  `json:"preferences"`
}

// Backup returns the whole library (articles with their text, metadata and
// highlights; actors; preferences) as one versioned JSON document. Lists
// are sorted by id and empty lists written as [], so that a library
// restored from a backup backs up to the same bytes.
func Backup(lib *Library) ([]byte, error) {
	f := backupFile{
		Format: BackupFormat, Version: BackupVersion,
		Articles: make([]Article, 0, len(lib.Articles)), Actors: slices.Clone(lib.Actors),
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

// ReadBackup reads and checks a backup written by Backup. It refuses other
// files and newer versions with a clear error, and checks that ids are
// unique, highlights lie inside their article's text and name actors the
// backup holds, so that importing it cannot fail half-way.
func ReadBackup(r io.Reader) (*Library, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBackupBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the backup: %w", err)
	}
	if len(data) > MaxBackupBytes {
		return nil, fmt.Errorf("%w: the file is larger than any backup (over %d bytes)", ErrNotBackup, MaxBackupBytes)
	}
	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%w: the file is not JSON (%s)", ErrNotBackup, firstLine(err))
	}
	if head.Format != BackupFormat {
		return nil, fmt.Errorf("%w: its format is %q, not %q", ErrNotBackup, cut(head.Format, 40), BackupFormat)
	}
	var version int
	if err := json.Unmarshal(head.Version, &version); err != nil || version < 1 {
		return nil, fmt.Errorf("%w: its version %s is not a backup version", ErrNotBackup, cut(string(head.Version), 20))
	}
	if version > BackupVersion {
		return nil, fmt.Errorf("%w (version %d; this Dramatis reads up to version %d): update Dramatis to import it", ErrBackupTooNew, version, BackupVersion)
	}
	var f backupFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: the backup is damaged (%s)", ErrNotBackup, firstLine(err))
	}
	lib := &Library{Articles: f.Articles, Actors: f.Actors, Preferences: f.Preferences}
	if err := checkBackup(lib); err != nil {
		return nil, fmt.Errorf("the backup is damaged: %w", err)
	}
	return lib, nil
}

// checkBackup checks a backup's internal consistency.
func checkBackup(lib *Library) error {
	actors := map[string]bool{}
	for _, a := range lib.Actors {
		if err := checkBackupID("actor", a.ID); err != nil {
			return err
		}
		if actors[a.ID] {
			return fmt.Errorf("the actor id %s appears twice", a.ID)
		}
		actors[a.ID] = true
		if strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("the actor %s has no name", a.ID)
		}
	}
	arts, hls := map[string]bool{}, map[string]bool{}
	for i := range lib.Articles {
		a := &lib.Articles[i]
		if err := checkBackupID("article", a.ID); err != nil {
			return err
		}
		if arts[a.ID] {
			return fmt.Errorf("the article id %s appears twice", a.ID)
		}
		arts[a.ID] = true
		if len(a.Blocks) == 0 {
			return fmt.Errorf("the article %s has no text", a.ID)
		}
		n := utf8.RuneCountInString(a.Text())
		for j := range a.Highlights {
			h := &a.Highlights[j]
			if err := checkBackupID("highlight", h.ID); err != nil {
				return err
			}
			if hls[h.ID] {
				return fmt.Errorf("the highlight id %s appears twice", h.ID)
			}
			hls[h.ID] = true
			if h.ArticleID == "" {
				h.ArticleID = a.ID
			}
			if h.ArticleID != a.ID {
				return fmt.Errorf("the highlight %s is filed under article %s but names article %s", h.ID, a.ID, cut(h.ArticleID, 40))
			}
			if h.Start < 0 || h.End < h.Start || (h.Orphaned == "" && h.End > n) {
				return fmt.Errorf("the highlight %s has the range [%d,%d), outside its article's text of %d characters", h.ID, h.Start, h.End, n)
			}
			for _, ref := range h.Actors {
				if !actors[ref.ActorID] {
					return fmt.Errorf("the highlight %s names actor %s, which the backup does not hold", h.ID, cut(ref.ActorID, 40))
				}
				if ref.Role != "" && !ref.Role.Valid() {
					return fmt.Errorf("the highlight %s gives actor %s the role %q", h.ID, ref.ActorID, cut(string(ref.Role), 20))
				}
			}
		}
	}
	return nil
}

// checkBackupID accepts the ids the library accepts.
func checkBackupID(what, id string) error {
	if id == "" || len(id) > 64 || strings.IndexByte(id, 0) >= 0 || !utf8.ValidString(id) {
		return fmt.Errorf("a %s has the malformed id %q", what, cut(id, 40))
	}
	return nil
}

// firstLine shortens a decoder error for a one-line message.
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return cut(s, 120)
}

// cut shortens s to at most n runes for quoting in a message.
func cut(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
