package backup

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/export"
)

// Read reads and checks a backup written by Encode. It refuses other
// files and newer versions with a clear error, and checks that ids are
// unique, highlights lie inside their article's text and name actors the
// backup holds, so that importing it cannot fail half-way.
func Read(r io.Reader) (*export.Library, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the backup: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w: the file is larger than any backup (over %d bytes)", ErrNotBackup, MaxBytes)
	}
	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%w: the file is not JSON (%s)", ErrNotBackup, firstLine(err))
	}
	if head.Format != Format {
		return nil, fmt.Errorf("%w: its format is %q, not %q", ErrNotBackup, cut(head.Format, 40), Format)
	}
	var version int
	if err := json.Unmarshal(head.Version, &version); err != nil || version < 1 {
		return nil, fmt.Errorf("%w: its version %s is not a backup version", ErrNotBackup, cut(string(head.Version), 20))
	}
	if version > Version {
		return nil, fmt.Errorf("%w (version %d; this Dramatis reads up to version %d): update Dramatis to import it", ErrTooNew, version, Version)
	}
	var f backupFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: the backup is damaged (%s)", ErrNotBackup, firstLine(err))
	}
	lib := &export.Library{Articles: f.Articles, Actors: f.Actors, Preferences: f.Preferences}
	if err := checkBackup(lib); err != nil {
		return nil, fmt.Errorf("the backup is damaged: %w", err)
	}
	return lib, nil
}

// checkBackup checks a backup's internal consistency.
func checkBackup(lib *export.Library) error {
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
