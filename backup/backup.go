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
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// The backup file's format name and the newest version this build reads
// and writes. Version 2 adds topics, and statements (topic and stance) on
// highlights' actors; version 3 adds the reader's corrections of an
// article's metadata ("corrected", see article.Corrections); version 4
// where the reader imported each article from ("source": its address or
// file path, which a later import of the same page is recognised by) and
// when its text last changed ("updated"); version 5 the records of what
// the reader deleted ("deleted", see Deletion), so that a library rebuilt
// from the backup still leaves out what an older backup merged into it
// holds. A build that reads only an
// older version would drop what the newer one adds, so it refuses the
// file instead. Older files read as ever (their articles have no source).
const (
	Format  = "dramatis-backup"
	Version = 5
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
	Deleted     []Deletion         `json:"deleted"`
}

// Deletion is a record of the reader's deletion as a backup carries it
// (storage.DeletionRecord): what kind of thing (DeletionKinds), its id,
// when, and for an actor or topic merged into another, the one it became.
type Deletion struct {
	Kind string    `json:"kind"`
	ID   string    `json:"id"`
	At   time.Time `json:"at"`
	Into string    `json:"into,omitempty"`
}

// deletionKind is the storage kind of the file's word for it: words,
// not storage's bytes, so that the file reads for what it is.
func deletionKind(name string) (storage.DeletedKind, bool) {
	for _, k := range []storage.DeletedKind{storage.DeletedHighlight, storage.DeletedActor, storage.DeletedTopic, storage.DeletedArticle} {
		if DeletionKindName(k) == name {
			return k, true
		}
	}
	return 0, false
}

// DeletionKindName is the file's word for a storage kind ("" for none).
func DeletionKindName(k storage.DeletedKind) string {
	switch k {
	case storage.DeletedHighlight:
		return "highlight"
	case storage.DeletedActor:
		return "actor"
	case storage.DeletedTopic:
		return "topic"
	case storage.DeletedArticle:
		return "article"
	}
	return ""
}

// DeletionSource is a Source that also gives the library's deletion
// records (a library on disk; a library held in memory has none).
type DeletionSource interface {
	Deletions() ([]Deletion, error)
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
	d := newDocWriter(w)
	fmt.Fprintf(d.bw, "{\n \"format\": %q,\n \"version\": %d,\n \"articles\": [", Format, Version)
	err := d.articles(src)
	if err == nil {
		err = d.rest(src)
	}
	if err == nil {
		d.bw.WriteString("\n}\n")
		err = d.bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	return nil
}

// docWriter writes the backup document a value at a time, each as
// encoding/json would indent it at its depth in the whole document, so
// that streaming gives the bytes encoding the document whole would
// (TestWriteIsEncodingJSON) without holding the library in memory.
type docWriter struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

func newDocWriter(w io.Writer) *docWriter {
	d := &docWriter{bw: bufio.NewWriterSize(w, writeBuffer)}
	d.enc = json.NewEncoder(&d.buf)
	d.enc.SetEscapeHTML(false)
	return d
}

// put encodes v at the depth prefix gives, without encoding/json's final
// line break (the document's punctuation follows it).
func (d *docWriter) put(v any, prefix string) error {
	d.buf.Reset()
	d.enc.SetIndent(prefix, " ")
	if err := d.enc.Encode(v); err != nil {
		return err
	}
	_, err := d.bw.Write(bytes.TrimSuffix(d.buf.Bytes(), []byte("\n")))
	return err
}

// articles streams the list of articles, one at a time as src gives
// them, each with its highlights sorted by id (the order a library gives
// them in is its own, and the same library must give the same bytes).
func (d *docWriter) articles(src Source) error {
	n := 0
	err := src.EachArticle(func(a *export.Article) error {
		c := *a
		c.Highlights = sortedByID(a.Highlights, func(h annotation.Highlight) string { return h.ID })
		sep := ",\n  "
		if n == 0 {
			sep = "\n  "
		}
		n++
		d.bw.WriteString(sep)
		return d.put(&c, "  ")
	})
	if err != nil {
		return err
	}
	if n > 0 {
		d.bw.WriteString("\n ")
	}
	d.bw.WriteString("]")
	return nil
}

// rest writes what follows the articles: actors, topics, preferences and
// deletion records (sorted by kind, then id),
// read from src in that order after the articles (a library's Source
// reads its actors first of all, to leave out references it cannot
// back; see export/gather.Source).
func (d *docWriter) rest(src Source) error {
	actors, err := src.Actors()
	if err != nil {
		return err
	}
	prefs, err := src.Preferences()
	if err != nil {
		return err
	}
	if prefs == nil {
		prefs = map[string]string{}
	}
	d.bw.WriteString(",\n \"actors\": ")
	if err := d.put(sortedByID(actors, func(a annotation.Actor) string { return a.ID }), " "); err != nil {
		return err
	}
	topics, err := src.Topics()
	if err != nil {
		return err
	}
	d.bw.WriteString(",\n \"topics\": ")
	if err := d.put(sortedByID(topics, func(t annotation.Topic) string { return t.ID }), " "); err != nil {
		return err
	}
	d.bw.WriteString(",\n \"preferences\": ")
	if err := d.put(prefs, " "); err != nil {
		return err
	}
	var dels []Deletion
	if ds, ok := src.(DeletionSource); ok {
		if dels, err = ds.Deletions(); err != nil {
			return err
		}
	}
	dels = slices.Clone(dels)
	if dels == nil {
		dels = []Deletion{}
	}
	slices.SortFunc(dels, func(x, y Deletion) int {
		return cmp.Or(strings.Compare(x.Kind, y.Kind), strings.Compare(x.ID, y.ID))
	})
	d.bw.WriteString(",\n \"deleted\": ")
	return d.put(dels, " ")
}

// sortedByID returns a sorted copy of list (the caller's is left alone),
// never nil: an empty list is written as [], not null.
func sortedByID[T any](list []T, id func(T) string) []T {
	out := slices.Clone(list)
	if out == nil {
		out = []T{}
	}
	slices.SortFunc(out, func(x, y T) int { return strings.Compare(id(x), id(y)) })
	return out
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
