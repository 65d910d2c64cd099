package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// checkArticleIndexes verifies that the URL, source and hash indexes hold
// exactly one entry per article and value, that every article has its
// text, and that its kept versions are readable, numbered below its own.
func checkArticleIndexes(tx *bolt.Tx) error {
	want := map[string]map[string]bool{}
	for _, b := range [][]byte{bURLIndex, bSourceIndex, bHashIndex} {
		want[string(b)] = map[string]bool{}
	}
	err := tx.Bucket(bArticles).ForEach(func(k, v []byte) error {
		r, err := decodeArticleRecord(v)
		if err != nil {
			return err
		}
		for _, ix := range articleIndexes(r) {
			if ix.value != "" {
				want[string(ix.bucket)][string(multiKey(ix.value, r.ID))] = true
			}
		}
		if _, err := loadBlocks(tx, r.ID); err != nil {
			return fmt.Errorf("article %s: %v", k, err)
		}
		for n := r.version() - 1; n >= 1; n-- {
			if tx.Bucket(bVersions).Get(versionKey(r.ID, n)) == nil {
				break
			}
			if _, err := versionBlocks(tx, r.ID, n, r.version()); err != nil {
				return fmt.Errorf("article %s version %d: %v", k, n, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for name, keys := range want {
		n := 0
		err := tx.Bucket([]byte(name)).ForEach(func(k, _ []byte) error {
			n++
			if !keys[string(k)] {
				return fmt.Errorf("%s entry %q names no article with that value", name, k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n != len(keys) {
			return fmt.Errorf("%s has %d entries, want %d", name, n, len(keys))
		}
	}
	return tx.Bucket(bVersions).ForEach(func(k, _ []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 || tx.Bucket(bArticles).Get(k[:i]) == nil {
			return fmt.Errorf("version %q of a missing article", k)
		}
		return nil
	})
}
