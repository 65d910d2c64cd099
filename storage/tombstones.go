package storage

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Deletion records (tombstones, schema 7). Deleting something the reader
// made is itself something the reader made: a backup written before the
// deletion still holds the highlight, actor, topic or article, and merging
// it back (import-backup) must not bring it back silently. So every
// deletion leaves a small record in the bucket "deleted", written in the
// deletion's own transaction: the kind and id of what went, when, and for
// an actor or topic merged into another, which one it became. Storing a
// record with that id again (undo, redo, a deliberate import) drops the
// record in the same transaction, so a live record never has one.
//
// A record is about 40 bytes; they are never pruned: a backup of any age
// may be merged, and 100,000 deletions cost 4 MB.
//
// Key: kind byte, id. Value: BE64 Unix milliseconds of the deletion, then
// the id it was merged into (empty for a plain deletion).

// DeletedKind is what a deletion record is about.
type DeletedKind byte

// The kinds of deletion records. An article's deletion covers the
// highlights deleted with it: they get no records of their own.
const (
	DeletedHighlight DeletedKind = 'h'
	DeletedActor     DeletedKind = 'a'
	DeletedTopic     DeletedKind = 't'
	DeletedArticle   DeletedKind = 'r'
)

func (k DeletedKind) valid() bool {
	switch k {
	case DeletedHighlight, DeletedActor, DeletedTopic, DeletedArticle:
		return true
	}
	return false
}

// Deletion is when the reader deleted something, and for an actor or
// topic merged into another, the id it lives on as.
type Deletion struct {
	At   time.Time
	Into string
}

// deletionTimeLen is the length of a record's time, before Into.
const deletionTimeLen = 8

func deletionKey(kind DeletedKind, id string) []byte {
	k := make([]byte, 0, 1+len(id))
	return append(append(k, byte(kind)), id...)
}

func encodeDeletion(d Deletion) []byte {
	v := make([]byte, deletionTimeLen, deletionTimeLen+len(d.Into))
	binary.BigEndian.PutUint64(v, uint64(d.At.UnixMilli()))
	return append(v, d.Into...)
}

func decodeDeletion(k, v []byte) (Deletion, error) {
	if len(k) < 2 || !DeletedKind(k[0]).valid() || len(k)-1 > maxIDLen {
		return Deletion{}, damagedf("a deletion record's key %s is malformed", printableKey(k))
	}
	if len(v) < deletionTimeLen || len(v)-deletionTimeLen > maxIDLen {
		return Deletion{}, damagedf("the deletion record of %s is %d bytes long", printableKey(k), len(v))
	}
	ms := int64(binary.BigEndian.Uint64(v))
	return Deletion{At: time.UnixMilli(ms).UTC(), Into: string(v[deletionTimeLen:])}, nil
}

// deletedAt is the time a deletion is recorded at: now, or the latest
// change to what it deletes when that is later. A deletion comes after
// every change to what it deletes, but stamp only counts upward within one
// open library, so a burst of changes can be stamped a few milliseconds
// ahead of the clock, and a deletion by the next process to open it
// would then seem older than the change, and a merge would bring the
// deleted thing back (import-backup compares these times).
func deletedAt(now time.Time, changes ...time.Time) time.Time {
	for _, t := range changes {
		if t.After(now) {
			now = t
		}
	}
	return now
}

// recordDeletion notes in tx that the reader deleted kind id at at (into:
// the id it was merged into, or "").
func recordDeletion(tx *bolt.Tx, kind DeletedKind, id string, at time.Time, into string) error {
	b := tx.Bucket(bDeleted)
	if b == nil {
		return fmt.Errorf("%w: the bucket %q is missing", ErrDamaged, bDeleted)
	}
	return b.Put(deletionKey(kind, id), encodeDeletion(Deletion{At: at, Into: into}))
}

// forgetDeletion drops the deletion record of kind id, if any: the record
// is stored again. A library of a schema before 7 (a migration step that
// rewrites records) has no records to drop.
func forgetDeletion(tx *bolt.Tx, kind DeletedKind, id string) error {
	b := tx.Bucket(bDeleted)
	if b == nil {
		return nil
	}
	k := deletionKey(kind, id)
	if b.Get(k) == nil {
		return nil
	}
	return b.Delete(k)
}

// Deletion returns the record of the reader's deletion of kind id, if the
// library has one (see the top of tombstones.go).
func (l *Library) Deletion(kind DeletedKind, id string) (Deletion, bool, error) {
	var d Deletion
	found := false
	err := l.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bDeleted)
		if b == nil {
			return nil
		}
		k := deletionKey(kind, id)
		v := b.Get(k)
		if v == nil {
			return nil
		}
		var err error
		d, err = decodeDeletion(k, v)
		found = err == nil
		return err
	})
	return d, found, err
}

// createDeletedBucket is schema step 7: the bucket of deletion records,
// empty (what was deleted before it was not recorded).
func createDeletedBucket(tx *bolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bDeleted)
	return err
}

// HasDeletions reports whether the library holds any deletion record: a
// backup merged into one without (a new library, or one rebuilt from a
// salvage) need not look any up.
func (l *Library) HasDeletions() (bool, error) {
	found := false
	err := l.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bDeleted); b != nil {
			k, _ := b.Cursor().First()
			found = k != nil
		}
		return nil
	})
	return found, err
}

// DeletionRecord is one deletion record with what it is about, as a
// backup carries it (Deletions, Batch.Deletions).
type DeletionRecord struct {
	Kind DeletedKind
	ID   string
	Deletion
}

// Deletions returns every deletion record, in key order (kind, then id),
// for a backup: a library rebuilt from the backup must still leave out
// what the reader deleted. A record that cannot be read (a damaged
// library) is left out and named in skipped.
func (l *Library) Deletions() (recs []DeletionRecord, skipped []Unreadable, err error) {
	err = l.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bDeleted)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			d, err := decodeDeletion(k, v)
			if err != nil {
				skipped = append(skipped, Unreadable{What: "deletion record", ID: printableKey(k), Err: err})
				return nil
			}
			recs = append(recs, DeletionRecord{Kind: DeletedKind(k[0]), ID: string(k[1:]), Deletion: d})
			return nil
		})
	})
	return recs, skipped, err
}

// holdsTx reports whether the library holds kind id as a live record.
func holdsTx(tx *bolt.Tx, kind DeletedKind, id string) bool {
	switch kind {
	case DeletedArticle:
		return tx.Bucket(bArticles).Get([]byte(id)) != nil
	case DeletedActor:
		return tx.Bucket(bActors).Get([]byte(id)) != nil
	case DeletedTopic:
		return tx.Bucket(bTopics).Get([]byte(id)) != nil
	}
	return tx.Bucket(bHighlightID).Get([]byte(id)) != nil
}

// mergeDeletionTx stores a deletion record another library made (a
// backup's) and reports whether it did. It is stored only where it adds
// to what the library knows: the library holds no such record (a live
// record never has one, so a thing the library holds — kept, or stored
// by the same batch — gets none: the import never takes away what the
// library has), and of two records for one id the newer is kept (the
// library's on a tie).
func mergeDeletionTx(tx *bolt.Tx, r DeletionRecord) (bool, error) {
	if !r.Kind.valid() || checkID(r.ID) != nil || (r.Into != "" && checkID(r.Into) != nil) || r.At.UnixMilli() <= 0 {
		return false, fmt.Errorf("the deletion record of %q is malformed: %w", r.ID, ErrInvalid)
	}
	b := tx.Bucket(bDeleted)
	if b == nil {
		return false, fmt.Errorf("%w: the bucket %q is missing", ErrDamaged, bDeleted)
	}
	if holdsTx(tx, r.Kind, r.ID) {
		return false, nil
	}
	k := deletionKey(r.Kind, r.ID)
	if v := b.Get(k); v != nil {
		if old, err := decodeDeletion(k, v); err == nil && !old.At.Before(r.At.Truncate(time.Millisecond)) {
			return false, nil
		}
	}
	return true, b.Put(k, encodeDeletion(r.Deletion))
}
