package backup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
)

// maxValueBytes bounds one article (or the list of actors, or the
// preferences) as the file spells it: an article's text is at most
// article.MaxPageBytes (32 MB, the import cap), and its highlights add a
// few MB at most. A larger value is refused as soon as it is seen, before
// it fills memory.
const maxValueBytes = 64 << 20

// errEmpty is returned by the reader when the file holds nothing, or
// only blank space (after a byte order mark, if any): a reader is told
// that, not how the JSON decoder met the end of it.
var errEmpty = errors.New("the file is empty")

// errValueTooLarge is returned by the reader when one value passes
// maxValueBytes.
var errValueTooLarge = errors.New("one of its values is larger than any Dramatis writes")

// valueLimit counts what the JSON decoder reads and fails once one value
// (between reset calls) passes max bytes (maxValueBytes).
type valueLimit struct {
	r      io.Reader
	n, max int
}

func (l *valueLimit) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, errValueTooLarge
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

func (l *valueLimit) reset() { l.n = 0 }

// header is what a backup says about itself.
type header struct {
	format     string
	version    json.RawMessage
	hasFormat  bool
	hasVersion bool
}

// check refuses a file that is not a backup or is too new.
func (h header) check() error {
	if h.format != Format {
		return fmt.Errorf("%w: its format is %q, not %q", ErrNotBackup, cut(h.format, 40), Format)
	}
	var version int
	if err := json.Unmarshal(h.version, &version); err != nil || version < 1 {
		return fmt.Errorf("%w: its version %s is not a backup version", ErrNotBackup, cut(string(h.version), 20))
	}
	if version > Version {
		return fmt.Errorf("%w (version %d; this Dramatis reads up to version %d): update Dramatis to import it", ErrTooNew, version, Version)
	}
	return nil
}

// contents are the parts of a backup other than its articles.
type contents struct {
	actors []annotation.Actor
	topics []annotation.Topic
	prefs  map[string]string
	// deleted are the records of the reader's deletions (version 5).
	deleted []Deletion
}

// scan reads a backup from r one value at a time and calls article for
// each article as it is decoded, so that a backup of any size is read in
// little memory. A UTF-8 byte order mark (which some editors add) is
// skipped. It returns the actors, topics and preferences; an error says, in one
// line, why the file is not a backup, too new, or damaged.
func scan(r io.Reader, article func(*export.Article) error) (contents, error) {
	return scanLimited(r, maxValueBytes, article)
}

// scanLimited is scan with a bound on one value (tests make it small).
func scanLimited(r io.Reader, maxValue int, article func(*export.Article) error) (contents, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	if isBlank(br) {
		return contents{}, fmt.Errorf("%w: %w", ErrNotBackup, errEmpty)
	}
	lim := &valueLimit{r: br, max: maxValue}
	dec := json.NewDecoder(lim)
	var h header
	var c contents
	err := scanObject(dec, lim, &h, &c, article)
	if err == nil {
		err = h.check()
	}
	if err == nil {
		return c, nil
	}
	var ce callbackError
	if errors.As(err, &ce) {
		return c, ce.err
	}
	if errors.Is(err, ErrNotBackup) || errors.Is(err, ErrTooNew) {
		return c, err
	}
	// A file that says it is something else, or from a newer Dramatis,
	// is that first; only a backup can be damaged.
	if h.hasFormat || h.hasVersion {
		if herr := h.check(); herr != nil {
			return c, herr
		}
		return c, fmt.Errorf("%w: the backup is damaged (%s)", ErrNotBackup, firstLine(err))
	}
	return c, fmt.Errorf("%w: the file is not JSON (%s)", ErrNotBackup, firstLine(err))
}

// isBlank skips the blank space at the start of br and says whether
// nothing follows it. What it skips, JSON would skip too; an error other
// than the end is left for the decoder to report.
func isBlank(br *bufio.Reader) bool {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return err == io.EOF
		}
		if b != ' ' && b != '\t' && b != '\n' && b != '\r' {
			br.UnreadByte()
			return false
		}
	}
}

// callbackError is an error from scan's article callback, returned as it
// is.
type callbackError struct{ err error }

func (e callbackError) Error() string { return e.err.Error() }

// scanObject walks the backup's top-level object.
func scanObject(dec *json.Decoder, lim *valueLimit, h *header, c *contents, article func(*export.Article) error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		lim.reset()
		switch key {
		case "format":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return err
			}
			h.hasFormat = true
			if json.Unmarshal(raw, &h.format) != nil {
				h.format = string(raw)
			}
		case "version":
			if err := dec.Decode(&h.version); err != nil {
				return err
			}
			h.hasVersion = true
		case "articles":
			if err := scanArticles(dec, lim, h, article); err != nil {
				return err
			}
		case "actors":
			if err := dec.Decode(&c.actors); err != nil {
				return fmt.Errorf("its actors: %w", err)
			}
		case "topics":
			if err := dec.Decode(&c.topics); err != nil {
				return fmt.Errorf("its topics: %w", err)
			}
		case "preferences":
			if err := dec.Decode(&c.prefs); err != nil {
				return fmt.Errorf("its preferences: %w", err)
			}
		case "deleted":
			if err := dec.Decode(&c.deleted); err != nil {
				return fmt.Errorf("its records of deletions: %w", err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		if errors.Is(err, errValueTooLarge) {
			// The last value passed the bound in the decoder's last
			// read (a huge list of deletion records, at the end).
			return err
		}
		return errors.New("it goes on after its end")
	}
	return nil
}

// scanArticles decodes the list of articles one at a time. A backup
// written by Dramatis has its header first; one whose keys a tool put in
// another order is read all the same, and its header checked at the end.
func scanArticles(dec *json.Decoder, lim *valueLimit, h *header, article func(*export.Article) error) error {
	if h.hasFormat && h.hasVersion {
		if err := h.check(); err != nil {
			return err
		}
	}
	if err := expectDelim(dec, '['); err != nil {
		return fmt.Errorf("its articles are not a list: %w", err)
	}
	for i := 0; dec.More(); i++ {
		lim.reset()
		var a export.Article
		if err := dec.Decode(&a); err != nil {
			return fmt.Errorf("article %d: %w", i+1, err)
		}
		if err := article(&a); err != nil {
			return callbackError{err}
		}
	}
	return expectDelim(dec, ']')
}

// expectDelim reads the next token and fails unless it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if got, ok := t.(json.Delim); !ok || got != d {
		return fmt.Errorf("expected %q, found %v", string(d), cut(fmt.Sprint(t), 20))
	}
	return nil
}

// Read reads and checks a whole backup (see Check) into memory. Import
// reads a backup of any size without holding it; Read is for backups
// small enough to hold (tests, tools). Its records of deletions are
// checked but not kept: a library held in memory has none (see Memory).
func Read(r io.Reader) (*export.Library, error) {
	lib := &export.Library{}
	c := newChecker()
	cont, err := scan(r, func(a *export.Article) error {
		if err := c.article(a); err != nil {
			return err
		}
		lib.Articles = append(lib.Articles, *a)
		return nil
	})
	if err == nil {
		err = c.finish(cont)
	}
	if err != nil {
		return nil, err
	}
	lib.Actors, lib.Topics, lib.Preferences = cont.actors, cont.topics, cont.prefs
	for i := range lib.Articles {
		placeInOwnText(&lib.Articles[i], nil)
	}
	return lib, nil
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
