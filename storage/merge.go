package storage

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// BatchArticle is an article stored exactly as given (see PutArticle).
type BatchArticle struct {
	ID      string
	Article *article.Article
	Added   time.Time
	// Updated and Source are the article's record's (see ArticleInfo),
	// for an article new to the library; one it has keeps its own.
	Updated time.Time
	Source  string
}

// BatchCorrections are the reader's corrections of an article the
// library has, stored as SetCorrections stores them.
type BatchCorrections struct {
	ID        string
	Corrected *article.Corrections
}

// Batch is a set of exact writes (backup import): actors, topics,
// articles, corrections of articles, highlights and preferences, each as
// PutActor, PutTopic, PutArticle, SetCorrections, PutHighlight and
// SetPreference would store it. Topics under another come after it.
type Batch struct {
	Actors      []annotation.Actor
	Topics      []annotation.Topic
	Articles    []BatchArticle
	Corrections []BatchCorrections
	Highlights  []annotation.Highlight
	Preferences map[string][]byte
	// Deletions are another library's records of the reader's deletions
	// (a backup's), merged as mergeDeletionTx says after everything
	// else, so that a thing the batch stores gets none.
	Deletions []DeletionRecord
}

// PutBatch applies a batch in one transaction: all of it, or, on any
// error, nothing. Actors and topics come first, then articles, then the
// highlights that may name them, then the deletion records.
func (l *Library) PutBatch(b Batch) error {
	_, err := l.PutBatchCounted(b)
	return err
}

// PutBatchCounted is PutBatch, and says how many of the batch's deletion
// records it stored (an import reports them).
func (l *Library) PutBatchCounted(b Batch) (deletions int, err error) {
	err = l.db.Update(func(tx *bolt.Tx) error {
		for _, a := range b.Actors {
			if err := putActorTx(tx, a); err != nil {
				return err
			}
		}
		for _, t := range b.Topics {
			if err := checkTopicRecord(t); err != nil {
				return err
			}
			if err := putTopicTx(tx, t); err != nil {
				return err
			}
		}
		ids := make([]string, len(b.Articles))
		for i, a := range b.Articles {
			ids[i] = a.ID
		}
		if err := deferSearch(tx, ids); err != nil {
			return err
		}
		for _, a := range b.Articles {
			if err := putArticleTx(tx, a); err != nil {
				return err
			}
		}
		for _, c := range b.Corrections {
			if err := setCorrectionsTx(tx, c.ID, c.Corrected); err != nil {
				return err
			}
		}
		for _, h := range b.Highlights {
			if err := putHighlightTx(tx, h); err != nil {
				return err
			}
		}
		for k, v := range b.Preferences {
			if k == "" || len(k) > MaxPreferenceKeyBytes || len(v) > maxPreferenceLen {
				return fmt.Errorf("the preference %.40q is malformed: %w", k, ErrInvalid)
			}
			if err := tx.Bucket(bPrefs).Put([]byte(k), v); err != nil {
				return err
			}
		}
		for _, r := range b.Deletions {
			stored, err := mergeDeletionTx(tx, r)
			if err != nil {
				return err
			}
			if stored {
				deletions++
			}
		}
		return indexDeferred(tx)
	})
	if err != nil {
		return 0, fmt.Errorf("nothing was changed: %w", err)
	}
	return deletions, nil
}

// Preferences returns every stored preference (for backups).
func (l *Library) Preferences() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bPrefs).ForEach(func(k, v []byte) error {
			out[string(k)] = append([]byte(nil), v...)
			return nil
		})
	})
	return out, err
}

// putActorTx is PutActor inside a transaction.
func putActorTx(tx *bolt.Tx, a annotation.Actor) error {
	if err := checkID(a.ID); err != nil {
		return fmt.Errorf("actor %w: %w", err, ErrInvalid)
	}
	if article.CleanInline(a.Name) == "" {
		return fmt.Errorf("actor %s has no name: %w", a.ID, ErrInvalid)
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if utf8.RuneCountInString(n) > maxNameLen {
			return fmt.Errorf("actor %s has a name or alias of %d characters: %w", a.ID, utf8.RuneCountInString(n), ErrInvalid)
		}
	}
	if old, err := loadActor(tx, a.ID); err == nil {
		if err := forgetName(tx, old.Name, a.ID); err != nil {
			return err
		}
	}
	return writeActor(tx, a)
}

// putArticleTx is PutArticle inside a transaction.
func putArticleTx(tx *bolt.Tx, b BatchArticle) error {
	id, a := b.ID, b.Article
	if err := checkID(id); err != nil {
		return fmt.Errorf("article %w: %w", err, ErrInvalid)
	}
	if a == nil || len(a.Blocks) == 0 {
		return fmt.Errorf("the article %s has no text: %w", id, ErrInvalid)
	}
	if err := CheckCorrections(a.Corrected); err != nil {
		return fmt.Errorf("the article %s: %w", id, err)
	}
	if err := CheckSource(b.Source); err != nil {
		return fmt.Errorf("the article %s: %w", id, err)
	}
	return putArticleExact(tx, id, a, b.Added, time.Now().UTC().Truncate(time.Millisecond), origin{b.Source, b.Updated})
}

// maxSourceBytes bounds an article's source as a backup may give it: far
// longer than any path or address (one longer than maxIndexedLen is kept
// but not looked up), short enough that a tampered file cannot bloat the
// record.
const maxSourceBytes = 16 << 10

// CheckSource reports whether src can be an article's source (see
// ArticleInfo.Source) as a backup gives it: UTF-8 text of a sensible
// length, and whatever an import may store. That is any character but
// NUL: a file's name may hold a tab or a line break, and a backup that
// refused such a source would refuse the whole library it came from. The
// source is stored as given: the library that wrote it normalised it
// already, perhaps on another system, where normalising again (a Windows
// path on Linux) would change it.
func CheckSource(src string) error {
	switch {
	case len(src) > maxSourceBytes:
		return fmt.Errorf("its source is %d bytes long, more than any path or address: %w", len(src), ErrInvalid)
	case !utf8.ValidString(src):
		return fmt.Errorf("its source is not UTF-8 text: %w", ErrInvalid)
	case strings.ContainsRune(src, 0):
		return fmt.Errorf("its source %.60q holds a NUL character, which no path or address has: %w", src, ErrInvalid)
	}
	return nil
}

// putHighlightTx is PutHighlight inside a transaction.
func putHighlightTx(tx *bolt.Tx, h annotation.Highlight) error {
	if err := checkID(h.ID); err != nil {
		return fmt.Errorf("highlight %w: %w", err, ErrInvalid)
	}
	if h.Start < 0 || h.End < h.Start || h.End > maxOffset {
		return fmt.Errorf("highlight %s has the range [%d,%d): %w", h.ID, h.Start, h.End, ErrInvalid)
	}
	if _, err := loadRecord(tx, h.ArticleID); err != nil {
		return err
	}
	for _, r := range h.Actors {
		if tx.Bucket(bActors).Get([]byte(r.ActorID)) == nil {
			return fmt.Errorf("highlight %s names actor %s, which is not in the library: %w", h.ID, r.ActorID, ErrNotFound)
		}
		if r.Topic != "" && tx.Bucket(bTopics).Get([]byte(r.Topic)) == nil {
			return fmt.Errorf("highlight %s names topic %s, which is not in the library: %w", h.ID, r.Topic, ErrNotFound)
		}
	}
	if old, err := getHighlight(tx, h.ID); err == nil {
		if err := removeHighlight(tx, old); err != nil {
			return err
		}
	}
	return putHighlight(tx, h)
}

// Limits of what PutBatch stores, for callers that check a batch before
// writing any of it (a backup import that writes in several batches).
const (
	MaxIDBytes            = maxIDLen
	MaxPreferenceKeyBytes = 256
	MaxPreferenceBytes    = maxPreferenceLen
	MaxOffset             = maxOffset
	MaxNameRunes          = maxNameLen
	MaxTopicNoteBytes     = maxTopicNoteLen
)
