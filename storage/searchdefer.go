package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Articles written many at a time (a backup imported, a generated
// library) are indexed together at the end of their transaction, the way
// the index build does it (each word's postings block written once per
// batch), not one article at a time: one at a time, every word of every
// article rewrites its block, which made a batch of 500 articles about
// ten times slower to store.
//
// The articles to index at the end are listed in a bucket that lives only
// inside the transaction (deferSearch creates it, indexDeferred indexes
// them and deletes it), so the hooks, which see only the transaction,
// know to leave them alone.
var bSearchDeferred = []byte("search_deferred")

// deferSearch notes the articles among ids that are new to the library
// and that the index would hold: the hooks skip them until indexDeferred.
func deferSearch(tx *bolt.Tx, ids []string) error {
	ix := openIndex(tx)
	if ix == nil {
		return nil
	}
	var b *bolt.Bucket
	for _, id := range ids {
		if tx.Bucket(bArticles).Get([]byte(id)) != nil || !ix.covers(id) {
			continue
		}
		if b == nil {
			var err error
			if b, err = tx.CreateBucketIfNotExists(bSearchDeferred); err != nil {
				return err
			}
		}
		if err := b.Put([]byte(id), []byte{1}); err != nil {
			return err
		}
	}
	return nil
}

// searchDeferred reports whether the article id is left for
// indexDeferred in this transaction.
func searchDeferred(tx *bolt.Tx, id string) bool {
	b := tx.Bucket(bSearchDeferred)
	return b != nil && b.Get([]byte(id)) != nil
}

// indexDeferred indexes the articles deferSearch noted, with their
// highlights, as one build batch, and drops the note.
func indexDeferred(tx *bolt.Tx) error {
	d := tx.Bucket(bSearchDeferred)
	if d == nil {
		return nil
	}
	ix := openIndex(tx)
	if ix == nil {
		return tx.DeleteBucket(bSearchDeferred)
	}
	// The ids first: the batch writes to the index while it runs.
	var ids [][]byte
	if err := d.ForEach(func(k, _ []byte) error {
		ids = append(ids, append([]byte(nil), k...))
		return nil
	}); err != nil {
		return err
	}
	b := newBuildBatch(ix)
	for _, k := range ids {
		v := tx.Bucket(bArticles).Get(k)
		if v == nil {
			return fmt.Errorf("article %s was to be indexed but is not stored: %w", k, ErrDamaged)
		}
		if _, err := b.add(tx, k, v); err != nil {
			return err
		}
	}
	if err := b.write(); err != nil {
		return err
	}
	return tx.DeleteBucket(bSearchDeferred)
}
