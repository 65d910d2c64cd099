// Package backup reads and writes Dramatis's lossless JSON backup
// ("export --format backup", "import-backup"): the whole library —
// articles with their text, metadata and highlights, actors, topics and
// preferences — as one versioned document, and the plan for merging such a
// document into a library by id without duplicates.
//
// It is not the library file's own copies (storage.Library.Backup and the
// daily backups beside the library), which are bbolt files.
package backup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
)

// The backup file's format name and the newest version this build reads
// and writes. Version 2 adds topics, and statements (topic and stance) on
// highlights' actors; version 3 adds the reader's corrections of an
// article's metadata ("corrected", see article.Corrections); version 4
// where the reader imported each article from ("source": its address or
// file path, which a later import of the same page is recognised by) and
// when its text last changed ("updated"). A build that reads only an
// older version would drop what the newer one adds, so it refuses the
// file instead. Older files read as ever (their articles have no source).
const (
	Format  = "dramatis-backup"
	Version = 4
)

// ErrNotBackup is wrapped when a file is not a Dramatis backup;
// ErrTooNew when it was written by a newer version.
var (
	ErrNotBackup = errors.New("not a Dramatis backup")
	ErrTooNew    = errors.New("the backup was written by a newer version of Dramatis")
)

// backupFile is the JSON document of a backup, as Read takes it whole.
// Write writes the same fields in this order; every list is sorted by id,
// so the same library always gives the same bytes.
type backupFile struct {
	Format      string             `json:"format"`
	Version     int                `json:"version"`
	Articles    []export.Article   `json:"articles"`
	Actors      []annotation.Actor `json:"actors"`
	Topics      []annotation.Topic `json:"topics"`
	Preferences map[string]string  `json:"preferences"`
}

// Source is the library a backup is written from, read one article at a
// time so that a library of any size is written in little memory.
type Source interface {
	// EachArticle calls fn with every article, with its text and
	// highlights, in id order.
	EachArticle(fn func(*export.Article) error) error
	Actors() ([]annotation.Actor, error)
	Topics() ([]annotation.Topic, error)
	Preferences() (map[string]string, error)
}

// Write writes the whole library (articles with their text, metadata and
// highlights; actors; topics; preferences) to w as one versioned JSON document,
// streamed article by article. Lists are sorted by id and empty lists
// written as [], so that a library restored from a backup backs up to the
// same bytes; the layout is what encoding/json writes with an indent of
// one space.
func Write(w io.Writer, src Source) error {
	bw := bufio.NewWriterSize(w, writeBuffer)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// put encodes v at the given depth, without encoding/json's final
	// line break.
	put := func(v any, prefix string) error {
		buf.Reset()
		enc.SetIndent(prefix, " ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	fmt.Fprintf(bw, "{\n \"format\": %q,\n \"version\": %d,\n \"articles\": [", Format, Version)
	n := 0
	err := src.EachArticle(func(a *export.Article) error {
		c := *a
		c.Highlights = slices.Clone(a.Highlights)
		if c.Highlights == nil {
			c.Highlights = []annotation.Highlight{}
		}
		slices.SortFunc(c.Highlights, func(x, y annotation.Highlight) int { return strings.Compare(x.ID, y.ID) })
		sep := ",\n  "
		if n == 0 {
			sep = "\n  "
		}
		n++
		bw.WriteString(sep)
		return put(&c, "  ")
	})
	if err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if n > 0 {
		bw.WriteString("\n ")
	}
	actors, err := src.Actors()
	if err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	actors = slices.Clone(actors)
	if actors == nil {
		actors = []annotation.Actor{}
	}
	slices.SortFunc(actors, func(x, y annotation.Actor) int { return strings.Compare(x.ID, y.ID) })
	prefs, err := src.Preferences()
	if err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if prefs == nil {
		prefs = map[string]string{}
	}
	bw.WriteString("],\n \"actors\": ")
	if err := put(actors, " "); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	topics, err := src.Topics()
	if err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	topics = slices.Clone(topics)
	if topics == nil {
		topics = []annotation.Topic{}
	}
	slices.SortFunc(topics, func(x, y annotation.Topic) int { return strings.Compare(x.ID, y.ID) })
	bw.WriteString(",\n \"topics\": ")
	if err := put(topics, " "); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	bw.WriteString(",\n \"preferences\": ")
	if err := put(prefs, " "); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	bw.WriteString("\n}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	return nil
}

// writeBuffer is how much Write gathers before writing to its writer.
const writeBuffer = 256 << 10

// Encode returns the backup of a library held in memory (see Write).
func Encode(lib *export.Library) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, Memory(lib)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Memory is a Source over a library held in memory.
func Memory(lib *export.Library) Source { return memorySource{lib} }

type memorySource struct{ lib *export.Library }

func (m memorySource) EachArticle(fn func(*export.Article) error) error {
	arts := make([]*export.Article, len(m.lib.Articles))
	for i := range m.lib.Articles {
		arts[i] = &m.lib.Articles[i]
	}
	slices.SortStableFunc(arts, func(x, y *export.Article) int { return strings.Compare(x.ID, y.ID) })
	for _, a := range arts {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (m memorySource) Actors() ([]annotation.Actor, error)     { return m.lib.Actors, nil }
func (m memorySource) Topics() ([]annotation.Topic, error)     { return m.lib.Topics, nil }
func (m memorySource) Preferences() (map[string]string, error) { return m.lib.Preferences, nil }
