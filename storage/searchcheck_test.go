package storage

import (
	"encoding/binary"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// indexView is what an index says, by article id instead of document
// number, so that an index kept change by change can be compared with one
// derived from the library afresh.
type indexView struct {
	postings map[string][]string       // field+word → article ids, sorted
	refs     map[string]map[string]int // article id → term → count
	docs     map[string]docRecord      // article id → record
	words    []string                  // the dictionary, sorted
}

// readIndexView reads the stored index of tx.
func readIndexView(tx *bolt.Tx) (indexView, error) {
	v := indexView{postings: map[string][]string{}, refs: map[string]map[string]int{}, docs: map[string]docRecord{}}
	ix := openIndex(tx)
	if ix == nil {
		return v, fmt.Errorf("no index")
	}
	byDoc := map[uint32]string{}
	err := ix.docs.ForEach(func(k, val []byte) error {
		d, err := decodeDocRecord(val)
		if err != nil {
			return err
		}
		doc := binary.BigEndian.Uint32(k)
		if doc >= ix.next {
			return fmt.Errorf("document %d at or past next %d", doc, ix.next)
		}
		byDoc[doc] = d.ID
		v.docs[d.ID] = d
		if got, ok := ix.docOf(d.ID); !ok || got != doc {
			return fmt.Errorf("search_ids does not name document %d for %s", doc, d.ID)
		}
		return nil
	})
	if err != nil {
		return v, err
	}
	if n := ix.ids.Stats().KeyN; n != len(byDoc) || int(ix.count) != n {
		return v, fmt.Errorf("%d ids, %d documents, count %d", n, len(byDoc), ix.count)
	}
	err = ix.terms.ForEach(func(k, val []byte) error {
		b, err := decodeBlock(val)
		if err != nil {
			return err
		}
		if len(k) < termKeyLen {
			return fmt.Errorf("a malformed term key %q", k)
		}
		term := string(k[:1]) + string(k[termKeyLen:])
		blk := binary.BigEndian.Uint32(k[1:termKeyLen])
		for i := uint32(0); i < blockDocs; i++ {
			doc := blk<<blockShift | i
			if !b.has(doc) {
				continue
			}
			id, ok := byDoc[doc]
			if !ok {
				return fmt.Errorf("%q names document %d, which is no article", term, doc)
			}
			v.postings[term] = append(v.postings[term], id)
		}
		if b.count() == 0 {
			return fmt.Errorf("an empty block stored for %q", term)
		}
		return nil
	})
	if err != nil {
		return v, err
	}
	err = ix.refs.ForEach(func(k, val []byte) error {
		id, ok := byDoc[binary.BigEndian.Uint32(k)]
		if !ok {
			return fmt.Errorf("a count for a missing document")
		}
		n, _ := binary.Uvarint(val)
		if v.refs[id] == nil {
			v.refs[id] = map[string]int{}
		}
		v.refs[id][string(k[4:])] = int(n)
		return nil
	})
	if err != nil {
		return v, err
	}
	err = ix.dict.ForEach(func(k, _ []byte) error {
		v.words = append(v.words, string(k))
		return nil
	})
	for _, ids := range v.postings {
		sort.Strings(ids)
	}
	return v, err
}

// deriveIndexView is what the index must say of the articles it covers.
func deriveIndexView(tx *bolt.Tx, covers func(string) bool) (indexView, error) {
	v := indexView{postings: map[string][]string{}, refs: map[string]map[string]int{}, docs: map[string]docRecord{}}
	words := map[string]bool{}
	err := tx.Bucket(bArticles).ForEach(func(k, val []byte) error {
		if !covers(string(k)) {
			return nil
		}
		rec, err := decodeArticleRecord(val)
		if err != nil {
			return err
		}
		c, err := loadDocContent(tx, rec)
		if err != nil {
			return err
		}
		v.docs[rec.ID] = c.doc
		for w := range c.words {
			v.postings[string(fieldText)+w] = append(v.postings[string(fieldText)+w], rec.ID)
			words[w] = true
		}
		for w := range c.title {
			v.postings[string(fieldTitle)+w] = append(v.postings[string(fieldTitle)+w], rec.ID)
		}
		if len(c.refs) > 0 {
			v.refs[rec.ID] = c.refs
		}
		for t := range c.refs {
			v.postings[t] = append(v.postings[t], rec.ID)
			if t[0] == fieldHighlight {
				words[t[1:]] = true
			}
		}
		return nil
	})
	for _, ids := range v.postings {
		sort.Strings(ids)
	}
	v.words = slices.Sorted(maps.Keys(words))
	return v, err
}

// searchIndexProblems compares the stored index with the library; "" when
// they agree (or there is no index to compare).
func searchIndexProblems(tx *bolt.Tx) string {
	ix := openIndex(tx)
	if ix == nil {
		return ""
	}
	got, err := readIndexView(tx)
	if err != nil {
		return err.Error()
	}
	want, err := deriveIndexView(tx, ix.covers)
	if err != nil {
		return err.Error()
	}
	var out []string
	for id, d := range want.docs {
		if g, ok := got.docs[id]; !ok || !reflect.DeepEqual(g, d) {
			out = append(out, fmt.Sprintf("document of %s: %+v, want %+v", id, g, d))
		}
	}
	for id := range got.docs {
		if _, ok := want.docs[id]; !ok {
			out = append(out, fmt.Sprintf("document of %s, which is no article the index covers", id))
		}
	}
	for t, ids := range want.postings {
		if !slices.Equal(got.postings[t], ids) {
			out = append(out, fmt.Sprintf("%q: %v, want %v", t, got.postings[t], ids))
		}
	}
	for t, ids := range got.postings {
		if _, ok := want.postings[t]; !ok {
			out = append(out, fmt.Sprintf("%q: %v, which no article has", t, ids))
		}
	}
	if !reflect.DeepEqual(got.refs, want.refs) {
		out = append(out, fmt.Sprintf("highlight counts %v, want %v", got.refs, want.refs))
	}
	if !slices.Equal(got.words, want.words) {
		out = append(out, fmt.Sprintf("dictionary of %d words, want %d", len(got.words), len(want.words)))
	}
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("and %d more", len(out)-10))
	}
	return strings.Join(out, "\n")
}

// checkSearchIndex fails t when the index does not say what the library
// holds.
func checkSearchIndex(t testing.TB, l *Library) {
	t.Helper()
	var problems string
	if err := l.db.View(func(tx *bolt.Tx) error {
		problems = searchIndexProblems(tx)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if problems != "" {
		t.Fatalf("the search index does not agree with the library:\n%s", problems)
	}
}
