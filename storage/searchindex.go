package storage

import (
	"context"
	"encoding/binary"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
)

// The search index is derived data: every word of every article (title,
// text, site, authors), of every highlight's note and orphaned quote, and
// every actor and topic a highlight names (by id: their names and aliases
// are looked up when a search runs, so a rename changes nothing here),
// each mapped to the articles that have it.
// It lives in the library file in buckets of its own, is kept in the same
// transaction as every change it reflects (the hooks below, called where
// articles and highlights are written), and can be thrown away and built
// again from the library at any time (searchbuild.go). Its layout has a
// version of its own, searchFormat, apart from the schema number.
//
//	search_meta   "format" BE32, "schema" BE32 (the file's schema it was built
//	              for), "status" ("building", "complete" or "stale"),
//	              "cursor" (the last article id indexed while building),
//	              "next" BE32 (next document number), "docs" BE32 (articles
//	              indexed), "stamp" BE64 (the last transaction that kept it)
//	search_docs   BE32 document → docRecord (article id, dates, counts, site,
//	              authors: what lists and filters need without the article)
//	search_ids    article id → BE32 document
//	search_terms  field, BE32 block, word → postings block (postings.go);
//	              the title's words twice: as the article's (fieldText)
//	              and as its title's (fieldTitle)
//	search_refs   BE32 document, field, word → uvarint: how many of the
//	              article's highlights give it that word or tag
//	search_words  word → "": every word of the text and highlight fields,
//	              for matching inside words ("sanktion" in
//	              "Wirtschaftssanktionen")
var (
	bSearchMeta  = []byte("search_meta")
	bSearchDocs  = []byte("search_docs")
	bSearchIDs   = []byte("search_ids")
	bSearchTerms = []byte("search_terms")
	bSearchRefs  = []byte("search_refs")
	bSearchWords = []byte("search_words")
)

// searchBuckets are the buckets of the search index.
func searchBuckets() [][]byte {
	return [][]byte{bSearchMeta, bSearchDocs, bSearchIDs, bSearchTerms, bSearchRefs, bSearchWords}
}

// searchFormat is the version of the index layout and of what goes into
// it (fields, folding, word rules). Changing any of them bumps it, and
// every library rebuilds its index on the next open. Format 2 adds the
// topics of statements (fieldTopic, fieldTopicStance); a library indexed
// in format 1 is searched article by article until the window (or
// 'search --reindex') has built it again, and an older build that meets
// format 2 does the same, so no schema step is needed. Format 3 puts the
// block before the word in search_terms keys (termKey), and an index of
// format 2 is rebuilt the same way. Format 4 adds the words of the title
// apart (fieldTitle), so that a search ranks an article with the words in
// its title first (searchrank.go); an index of format 3 is rebuilt.
const searchFormat = 4

// Fields of search_terms: the first byte of a key says what the word is.
const (
	fieldText      byte = 't' // a word of the article: title, kicker, standfirst, text, site, authors
	fieldTitle     byte = 'T' // a word of the article's title (also under fieldText), for ranking
	fieldHighlight byte = 'h' // a word of a highlight's note, or of an orphaned highlight's quote
	fieldActor     byte = 'a' // an actor id named by a highlight
	fieldActorRole byte = 'r' // actor id, tagSep, role
	// fieldTopic is a topic id a statement of a highlight is on (DNA's
	// "concept"); fieldTopicStance is topic id, tagSep, stance, for the
	// statements that take one.
	fieldTopic       byte = 'c'
	fieldTopicStance byte = 's'
)

// tagSep separates the parts of a tag (actor id and role); ids never hold
// it (checkID forbids only 0, but a backup's ids are ULIDs).
const tagSep = "\x1f"

// maxWordBytes bounds an indexed word: longer runs of letters (a pasted
// hash, a long URL's path, Chinese is split per character anyway) are
// cut, and found by their beginning.
const maxWordBytes = 64

// Index states (search_meta "state").
const (
	indexBuilding = "building"
	indexComplete = "complete"
	indexStale    = "stale"
)

var (
	keyFormat      = []byte("format")
	keyIndexSchema = []byte("schema")
	keyState       = []byte("status")
	keyCursor      = []byte("cursor")
	keyNext        = []byte("next")
	keyDocs        = []byte("docs")
	keyStamp       = []byte("stamp")
)

// Bounds of one transaction of BuildSearchIndexNow: eight times the
// background build's, since a command that waits for the index has no
// window whose writes queue behind it. Fewer, larger batches write each
// word's postings block and fsync less often: at 10,000 articles the
// build takes about half as long (15 s instead of 20–33 s, load 3.5–5),
// for about 100 MB more memory at its peak.
const (
	foregroundBatchArticles = 2000
	foregroundBatchBytes    = 32 << 20
)

// BuildSearchIndexNow is BuildSearchIndex for a command that waits for
// it (search and list, when they find the index missing, stale or
// unfinished, and 'search --reindex'): the same transactions, each one
// committed, so that stopping it (ctx) keeps what is built and the next
// build goes on from there, only larger.
func (l *Library) BuildSearchIndexNow(ctx context.Context, progress func(IndexStatus)) error {
	return l.buildSearchIndex(ctx, progress, foregroundBatchArticles, foregroundBatchBytes)
}

// searchIndex is the index inside one transaction.
type searchIndex struct {
	tx                                 *bolt.Tx
	meta, docs, ids, terms, refs, dict *bolt.Bucket
	state, cursor                      string
	next, count                        uint32
}

// openIndex returns the index of tx when it is kept (complete, or being
// built) and of this format and the file's schema; nil otherwise, and
// then nobody writes to it until it is built again.
func openIndex(tx *bolt.Tx) *searchIndex {
	meta := tx.Bucket(bSearchMeta)
	if meta == nil {
		return nil
	}
	ix := &searchIndex{tx: tx, meta: meta, state: string(meta.Get(keyState))}
	if ix.state != indexBuilding && ix.state != indexComplete {
		return nil
	}
	if be32(meta.Get(keyFormat)) != searchFormat || be32(meta.Get(keyIndexSchema)) != fileSchema(tx) {
		return nil
	}
	ix.docs, ix.ids, ix.terms = tx.Bucket(bSearchDocs), tx.Bucket(bSearchIDs), tx.Bucket(bSearchTerms)
	ix.refs, ix.dict = tx.Bucket(bSearchRefs), tx.Bucket(bSearchWords)
	if ix.docs == nil || ix.ids == nil || ix.terms == nil || ix.refs == nil || ix.dict == nil {
		return nil
	}
	ix.cursor = string(meta.Get(keyCursor))
	ix.next, ix.count = be32(meta.Get(keyNext)), be32(meta.Get(keyDocs))
	return ix
}

// fileSchema is the schema number tx's file says it has.
func fileSchema(tx *bolt.Tx) uint32 {
	if m := tx.Bucket(bMeta); m != nil {
		return be32(m.Get(keySchema))
	}
	return 0
}

func be32(v []byte) uint32 {
	if len(v) != 4 {
		return 0
	}
	return binary.BigEndian.Uint32(v)
}

func put32(b *bolt.Bucket, k []byte, v uint32) error {
	return b.Put(k, binary.BigEndian.AppendUint32(nil, v))
}

// covers reports whether article id is in the index: all are once it is
// complete; while it is built, those up to the cursor (the builder takes
// articles in key order, and the rest are searched one by one).
func (ix *searchIndex) covers(id string) bool {
	return ix.state == indexComplete || id <= ix.cursor
}

// saveCounts writes the document counters back to the meta bucket.
func (ix *searchIndex) saveCounts() error {
	if err := put32(ix.meta, keyNext, ix.next); err != nil {
		return err
	}
	return put32(ix.meta, keyDocs, ix.count)
}

// markStale gives the index up: something it holds does not agree with
// the library (a bug, or a write by a Dramatis that did not keep it). It
// is rebuilt later; the reader's change goes through unharmed.
func markStale(tx *bolt.Tx) error {
	if meta := tx.Bucket(bSearchMeta); meta != nil {
		return meta.Put(keyState, []byte(indexStale))
	}
	return nil
}

// stampSearch records that the transaction tx kept the index. Every write
// transaction calls it last (guardedDB.Update): Open compares the stamp
// with the file's newest transaction, and a difference means somebody
// wrote without keeping the index (an older Dramatis, or a file put in
// place from elsewhere), which makes it stale.
func stampSearch(tx *bolt.Tx) error {
	if openIndex(tx) == nil {
		return nil
	}
	return tx.Bucket(bSearchMeta).Put(keyStamp, binary.BigEndian.AppendUint64(nil, uint64(tx.ID())))
}

// termKey is field, BE32(block), word. The block comes before the word so
// that new documents, which get the newest numbers, touch only the keys
// of the newest block: with the word first, a batch of a few hundred
// articles put its tens of thousands of words all over the bucket and
// dirtied most of its pages (about 27,000 at 50,000 articles), so that
// an import's memory and time per batch grew with the library (a backup
// of 50,000 articles imported in 187 s at 625 MiB at most; 143 s and 293
// MiB with the block first, load about 5). A word's
// postings are one Get per block; the words that begin with a prefix, one
// Seek per block (orWord).
func termKey(field byte, blk uint32, word string) []byte {
	k := make([]byte, 0, termKeyLen+len(word))
	k = append(k, field)
	k = binary.BigEndian.AppendUint32(k, blk)
	return append(k, word...)
}

// termKeyLen is the length of a term key without its word.
const termKeyLen = 5

// blocks is the number of postings blocks the documents so far span.
func (ix *searchIndex) blocks() uint32 {
	return (ix.next + blockDocs - 1) >> blockShift
}

// setDoc adds doc to a word's postings and reports whether it was new.
func (ix *searchIndex) setDoc(field byte, word string, doc uint32) error {
	k := termKey(field, doc>>blockShift, word)
	var b block
	if v := ix.terms.Get(k); v != nil {
		var err error
		if b, err = decodeBlock(v); err != nil {
			return err
		}
		if b.has(doc) {
			return nil
		}
	}
	b.set(doc)
	if err := ix.terms.Put(k, b.encode()); err != nil {
		return err
	}
	return ix.addWord(field, word)
}

// clearDoc removes doc from a word's postings, and the word from the
// dictionary when no article has it any more.
func (ix *searchIndex) clearDoc(field byte, word string, doc uint32) error {
	k := termKey(field, doc>>blockShift, word)
	v := ix.terms.Get(k)
	if v == nil {
		return nil
	}
	b, err := decodeBlock(v)
	if err != nil {
		return err
	}
	b.clear(doc)
	if enc := b.encode(); enc != nil {
		return ix.terms.Put(k, enc)
	}
	if err := ix.terms.Delete(k); err != nil {
		return err
	}
	if field != fieldText && field != fieldHighlight || ix.hasWord(fieldText, word) || ix.hasWord(fieldHighlight, word) {
		return nil
	}
	return ix.dict.Delete([]byte(word))
}

// hasWord reports whether any article has word in field.
func (ix *searchIndex) hasWord(field byte, word string) bool {
	for blk := range ix.blocks() {
		if ix.terms.Get(termKey(field, blk, word)) != nil {
			return true
		}
	}
	return false
}

// docOf returns the document number of an indexed article.
func (ix *searchIndex) docOf(id string) (uint32, bool) {
	v := ix.ids.Get([]byte(id))
	if len(v) != 4 {
		return 0, false
	}
	return binary.BigEndian.Uint32(v), true
}

// words calls fn with every word of s, folded and cut to maxWordBytes.
func words(s string, fn func(w string)) {
	fold.Words(s, func(w []byte, _, _ int) {
		fn(string(cutWord(w)))
	})
}

// cutWord shortens a folded word to maxWordBytes at a rune boundary.
func cutWord(w []byte) []byte {
	if len(w) <= maxWordBytes {
		return w
	}
	n := maxWordBytes
	for n > 0 && !utf8.RuneStart(w[n]) {
		n--
	}
	return w[:n]
}

// highlightTerms are what a highlight gives its article in the index:
// the words of its note (and of its quote once it is orphaned, when the
// text no longer holds it), a tag for every actor it names, with and
// without the role, and one for every topic its statements are on, with
// and without the stance (when it has one). This is the one place that
// says what a highlight contributes.
func highlightTerms(h annotation.Highlight) map[string]struct{} {
	out := map[string]struct{}{}
	add := func(field byte, term string) { out[string(field)+term] = struct{}{} }
	words(h.Note, func(w string) { add(fieldHighlight, w) })
	if h.Orphaned != "" {
		words(h.Quote.Exact, func(w string) { add(fieldHighlight, w) })
	}
	for _, r := range h.Actors {
		role := r.Role
		if role == "" {
			role = annotation.RoleMentioned
		}
		add(fieldActor, r.ActorID)
		add(fieldActorRole, r.ActorID+tagSep+string(role))
		if r.Topic != "" {
			add(fieldTopic, r.Topic)
			if r.Stance != annotation.StanceUnset {
				add(fieldTopicStance, r.Topic+tagSep+string(r.Stance))
			}
		}
	}
	return out
}

// refKey is BE32(doc), field, term.
func refKey(doc uint32, term string) []byte {
	k := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(term)), doc)
	return append(k, term...)
}

// addRef counts one more highlight of doc giving term, and adds doc to the
// term's postings when it is the first.
func (ix *searchIndex) addRef(doc uint32, term string) error {
	k := refKey(doc, term)
	n, _ := binary.Uvarint(ix.refs.Get(k))
	if err := ix.refs.Put(k, binary.AppendUvarint(nil, n+1)); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return ix.setDoc(term[0], term[1:], doc)
}

// dropRef counts one highlight fewer, and takes doc out of the term's
// postings with the last. It reports false when there was no count: the
// index does not agree with the library.
func (ix *searchIndex) dropRef(doc uint32, term string) (bool, error) {
	k := refKey(doc, term)
	v := ix.refs.Get(k)
	n, size := binary.Uvarint(v)
	if size <= 0 || n == 0 {
		return false, nil
	}
	if n > 1 {
		return true, ix.refs.Put(k, binary.AppendUvarint(nil, n-1))
	}
	if err := ix.refs.Delete(k); err != nil {
		return false, err
	}
	return true, ix.clearDoc(term[0], term[1:], doc)
}
