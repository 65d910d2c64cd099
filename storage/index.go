package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// maxOffset is the largest offset a key can hold (4 bytes, big-endian).
const maxOffset = math.MaxUint32

// maxIDLen bounds ids so that keys stay small.
const maxIDLen = 64

// checkID accepts ids that can be part of a key: non-empty, short, and
// free of the 0 byte that separates key parts.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("empty id")
	}
	if len(id) > maxIDLen || strings.IndexByte(id, 0) >= 0 {
		return fmt.Errorf("malformed id %q", id)
	}
	return nil
}

// articlePrefix is the key prefix of all of an article's highlights.
func articlePrefix(articleID string) []byte {
	return append([]byte(articleID), 0)
}

// Flags in a highlight key: anchored highlights sort first in reading
// order, orphaned ones after them, so that counting orphans needs no
// decoding.
const (
	flagAnchored byte = 0
	flagOrphaned byte = 1
)

// highlightKey is articleID \0 flag BE32(start) BE32(end) highlightID: a
// prefix scan lists one article's highlights in reading order.
func highlightKey(h annotation.Highlight) []byte {
	k := make([]byte, 0, len(h.ArticleID)+10+len(h.ID))
	k = append(k, h.ArticleID...)
	k = append(k, 0)
	if h.Orphaned != "" {
		k = append(k, flagOrphaned)
	} else {
		k = append(k, flagAnchored)
	}
	k = binary.BigEndian.AppendUint32(k, uint32(h.Start))
	k = binary.BigEndian.AppendUint32(k, uint32(h.End))
	return append(k, h.ID...)
}

// keyOrphaned reports whether a highlight key (under prefix) is an orphan's.
func keyOrphaned(k, prefix []byte) bool {
	return len(k) > len(prefix) && k[len(prefix)] == flagOrphaned
}

// actorIndexKey is actorID \0 highlightID.
func actorIndexKey(actorID, highlightID string) []byte {
	k := make([]byte, 0, len(actorID)+1+len(highlightID))
	k = append(k, actorID...)
	k = append(k, 0)
	return append(k, highlightID...)
}

// topicIndexKey is topicID \0 highlightID.
func topicIndexKey(topicID, highlightID string) []byte {
	return actorIndexKey(topicID, highlightID)
}

// putHighlight writes h and its index entries, and drops the record of
// its deletion (a highlight put back). The caller has removed any previous
// version (removeHighlight).
func putHighlight(tx *bolt.Tx, h annotation.Highlight) error {
	v, err := encodeHighlight(h)
	if err != nil {
		return err
	}
	k := highlightKey(h)
	if err := tx.Bucket(bHighlights).Put(k, v); err != nil {
		return err
	}
	if err := forgetDeletion(tx, DeletedHighlight, h.ID); err != nil {
		return err
	}
	if err := tx.Bucket(bHighlightID).Put([]byte(h.ID), k); err != nil {
		return err
	}
	for _, r := range h.Actors {
		if err := tx.Bucket(bActorIndex).Put(actorIndexKey(r.ActorID, h.ID), nil); err != nil {
			return err
		}
	}
	for _, t := range topicIDs(h.Actors) {
		if err := tx.Bucket(bTopicIndex).Put(topicIndexKey(t, h.ID), nil); err != nil {
			return err
		}
	}
	return searchHighlightPut(tx, h)
}

// removeHighlight deletes a stored highlight and its index entries.
func removeHighlight(tx *bolt.Tx, h annotation.Highlight) error {
	ids := tx.Bucket(bHighlightID)
	if k := ids.Get([]byte(h.ID)); k != nil {
		if err := searchHighlightRemove(tx, k); err != nil {
			return err
		}
		if err := tx.Bucket(bHighlights).Delete(k); err != nil {
			return err
		}
	}
	if err := ids.Delete([]byte(h.ID)); err != nil {
		return err
	}
	for _, r := range h.Actors {
		if err := tx.Bucket(bActorIndex).Delete(actorIndexKey(r.ActorID, h.ID)); err != nil {
			return err
		}
	}
	for _, t := range topicIDs(h.Actors) {
		if err := tx.Bucket(bTopicIndex).Delete(topicIndexKey(t, h.ID)); err != nil {
			return err
		}
	}
	return nil
}

// getHighlight finds a highlight by id through the id index.
func getHighlight(tx *bolt.Tx, id string) (annotation.Highlight, error) {
	k := tx.Bucket(bHighlightID).Get([]byte(id))
	if k == nil {
		return annotation.Highlight{}, errorf(ErrNotFound, "no highlight with id %s", id)
	}
	v := tx.Bucket(bHighlights).Get(k)
	if v == nil {
		return annotation.Highlight{}, fmt.Errorf("%w: the index names highlight %s but it is missing", ErrDamaged, id)
	}
	return decodeHighlight(k, v)
}

// parallelDecodeMin is the number of highlights from which an article's
// highlights are decoded on several cores: a long article with thousands
// of highlights should open without a pause.
const parallelDecodeMin = 2000

// articleHighlights decodes an article's highlights in key order (reading
// order, orphans last).
func articleHighlights(tx *bolt.Tx, articleID string) ([]annotation.Highlight, error) {
	prefix := articlePrefix(articleID)
	var keys, vals [][]byte
	c := tx.Bucket(bHighlights).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		// k and v point into the memory map, valid until tx ends.
		keys, vals = append(keys, k), append(vals, v)
	}
	out := make([]annotation.Highlight, len(keys))
	workers := 1
	if len(keys) >= parallelDecodeMin {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	chunk := (len(keys) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(keys))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer guardWorker(&errs[w])() // the values are read from the memory map
			for i := lo; i < hi; i++ {
				if err := decodeHighlightInto(&out[i], articleID, keys[i], vals[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// countHighlights counts an article's highlights and orphans from the keys
// alone.
func countHighlights(tx *bolt.Tx, articleID string) (all, orphaned int) {
	prefix := articlePrefix(articleID)
	c := tx.Bucket(bHighlights).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		all++
		if keyOrphaned(k, prefix) {
			orphaned++
		}
	}
	return all, orphaned
}

// Indexes where many articles may share a value (URL, source, text hash)
// are keyed value \0 article id → "".

// multiKey is the key of id under value in a shared-value index.
func multiKey(value, id string) []byte {
	k := make([]byte, 0, len(value)+1+len(id))
	k = append(k, value...)
	k = append(k, 0)
	return append(k, id...)
}

// indexIDs lists the article ids under value. The caller checks each
// against its record: the index only says where to look.
func indexIDs(b *bolt.Bucket, value string) []string {
	if value == "" || len(value) > maxIndexedLen {
		return nil
	}
	prefix := multiKey(value, "")
	var ids []string
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if id := string(k[len(prefix):]); checkID(id) == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// putIndex adds id under value (nothing for an empty or overlong value).
func putIndex(b *bolt.Bucket, value, id string) error {
	if value == "" || len(value) > maxIndexedLen {
		return nil
	}
	return b.Put(multiKey(value, id), nil)
}

// deleteIndex removes id from under value.
func deleteIndex(b *bolt.Bucket, value, id string) error {
	if value == "" || len(value) > maxIndexedLen {
		return nil
	}
	return b.Delete(multiKey(value, id))
}
