package storage

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// Bucket names. Values are JSON unless said otherwise.
var (
	bMeta        = []byte("meta")        // "schema" → uint32 BE
	bArticles    = []byte("articles")    // article id → articleRecord
	bTexts       = []byte("texts")       // article id → []article.Block
	bHighlights  = []byte("highlights")  // highlightKey → highlightRecord (schema 1: annotation.Highlight)
	bActors      = []byte("actors")      // actor id → annotation.Actor
	bPrefs       = []byte("prefs")       // key → raw bytes
	bURLIndex    = []byte("url_index")   // article URL → article id
	bHashIndex   = []byte("hash_index")  // text hash → article id
	bActorNames  = []byte("actor_names") // folded name → actor id
	bHighlightID = []byte("highlight_ids")
	// highlight id → its highlightKey (schema 2)
	bActorIndex = []byte("actor_highlights")
	// actor id \0 highlight id → "" (schema 2)
)

var keySchema = []byte("schema")

// SchemaVersion is the layout this build writes. Files with a higher
// number are refused (ErrTooNew); lower numbers migrate on open.
const SchemaVersion = 2

// migration brings a file from schema Number-1 to Number.
type migration struct {
	number int
	what   string
	apply  func(tx *bolt.Tx) error
}

// migrations lists every schema step in order (lnd channeldb style). Each
// runs inside the single transaction that also records the new version, so
// a crash leaves the file at the old version, never half-migrated.
func migrations() []migration {
	return []migration{
		{1, "create the buckets", createBuckets},
		{2, "compact highlight records, indexed by id and by actor", rewriteHighlights},
	}
}

// schema1Buckets are the buckets of schema 1; later schemas add to them.
func schema1Buckets() [][]byte {
	return [][]byte{bMeta, bArticles, bTexts, bHighlights, bActors, bPrefs, bURLIndex, bHashIndex, bActorNames}
}

func createBuckets(tx *bolt.Tx) error {
	for _, name := range schema1Buckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// rewriteHighlights moves schema 1 highlights (annotation.Highlight as
// JSON) to the compact schema 2 record and builds the id and actor
// indexes, which schema 1 did not have.
func rewriteHighlights(tx *bolt.Tx) error {
	for _, name := range [][]byte{bHighlightID, bActorIndex} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	var hs []annotation.Highlight
	err := tx.Bucket(bHighlights).ForEach(func(k, v []byte) error {
		h, err := decodeHighlightV1(v)
		if err != nil {
			return fmt.Errorf("highlight under key %q: %w", k, err)
		}
		hs = append(hs, h)
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.DeleteBucket(bHighlights); err != nil {
		return err
	}
	if _, err := tx.CreateBucket(bHighlights); err != nil {
		return err
	}
	for _, h := range hs {
		if err := putHighlight(tx, h); err != nil {
			return err
		}
	}
	return nil
}

// readVersion returns the schema version of a file: 0 for one without any
// bucket (new), an error for a bbolt file that is not a Dramatis library
// or is too new.
func readVersion(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if empty {
			return 0, nil
		}
		return 0, fmt.Errorf("%w: the file is a bbolt database but not a Dramatis library", ErrDamaged)
	}
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return 0, fmt.Errorf("%w: the schema version is missing", ErrDamaged)
	}
	n := int(binary.BigEndian.Uint32(v))
	if n > SchemaVersion {
		return n, fmt.Errorf("%w (schema %d, this build reads up to %d); update Dramatis", ErrTooNew, n, SchemaVersion)
	}
	return n, nil
}

// migrate brings the open file to SchemaVersion in one transaction. It
// writes nothing when the file is already current.
func (l *Library) migrate() error {
	var v int
	if err := l.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = readVersion(tx)
		return err
	}); err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	}
	if v == SchemaVersion {
		return nil
	}
	err := l.db.Update(func(tx *bolt.Tx) error {
		for _, m := range migrations() {
			if m.number <= v {
				continue
			}
			if err := m.apply(tx); err != nil {
				return fmt.Errorf("migrating the library to schema %d (%s): %w", m.number, m.what, err)
			}
		}
		return putVersion(tx, SchemaVersion)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	}
	return nil
}

func putVersion(tx *bolt.Tx, v int) error {
	var buf [4]byte
	binary.BigEndian.PutUint32(buf[:], uint32(v))
	return tx.Bucket(bMeta).Put(keySchema, buf[:])
}
