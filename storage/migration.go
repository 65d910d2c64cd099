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
	bTexts       = []byte("texts")       // article id → []article.Block as JSON (schemas 1 and 2)
	bHighlights  = []byte("highlights")  // highlightKey → highlightRecord (schema 1: annotation.Highlight)
	bActors      = []byte("actors")      // actor id → annotation.Actor
	bPrefs       = []byte("prefs")       // key → raw bytes
	bURLIndex    = []byte("url_index")   // article URL \0 article id → "" (schemas 1–3: URL → id)
	bHashIndex   = []byte("hash_index")  // text hash \0 article id → "" (schemas 1–3: hash → id)
	bActorNames  = []byte("actor_names") // folded name → actor id
	bHighlightID = []byte("highlight_ids")
	// highlight id → its highlightKey (schema 2)
	bActorIndex = []byte("actor_highlights")
	// actor id \0 highlight id → "" (schema 2)
	bArticleText = []byte("article_text")
	// article id → text record (schema 3, see text.go); replaces texts
	bSourceIndex = []byte("source_index")
	// import source \0 article id → "" (schema 4)
	bVersions = []byte("versions")
	// article id \0 BE32(number) → versionRecord (schema 4, see versions.go)
	bVersionText = []byte("version_text")
	// article id \0 BE32(number) → text record of that version (schema 4)
	bTopics = []byte("topics")
	// topic id → JSON annotation.Topic (schema 5, see topics.go)
	bTopicNames = []byte("topic_names")
	// case-folded topic name → topic id (schema 5)
	bTopicIndex = []byte("topic_highlights")
	// topic id \0 highlight id → "" (schema 5)
	bDeleted = []byte("deleted")
	// kind byte, id → BE64 Unix ms of the reader's deletion, then the id
	// it was merged into (schema 7, see tombstones.go)
)

var keySchema = []byte("schema")

// SchemaVersion is the layout this build writes. Files with a higher
// number are refused (ErrTooNew); lower numbers migrate on open.
const SchemaVersion = 7

// migration brings a file from schema number-1 to number.
type migration struct {
	number int
	what   string
	// prepare, when set, does the bulk of the work before apply, in
	// transactions of bounded size, each leaving the file a valid library
	// of schema number-1 (work goes to buckets that schema does not read),
	// and reports whether more is left. A crash between them loses only
	// time: the next open carries on.
	prepare func(tx *bolt.Tx) (more bool, err error)
	// apply, when set, finishes the step in the transaction that records
	// the new version, so a crash leaves the file at the old version,
	// never half-migrated.
	apply func(tx *bolt.Tx) error
	// keepsSearch says that the step changes nothing the search index
	// holds (words, actors, dates, counts), so an index built for the
	// schema before carries over. Without it the index is started afresh
	// in the step's transaction and built again in the background.
	keepsSearch bool
}

// migrations lists every schema step in order (lnd channeldb style).
func migrations() []migration {
	return []migration{
		{number: 1, what: "create the buckets", apply: createBuckets},
		{number: 2, what: "compact highlight records, indexed by id and by actor", apply: rewriteHighlights},
		{number: 3, what: "article texts as raw text with a chunk index", prepare: convertTexts, apply: finishTexts},
		{number: 4, what: "article versions; URL and text indexes shared by several articles", apply: versionsAndSharedIndexes},
		{number: 5, what: "topics, and statements (actor, topic, stance) on highlights", apply: createTopicBuckets},
		{number: 6, what: "a search index, built in the background"}, // carrySearch makes it
		{number: 7, what: "records of the reader's deletions", apply: createDeletedBucket, keepsSearch: true},
	}
}

// schema1Buckets are the buckets of schema 1; later schemas add to them.
func schema1Buckets() [][]byte {
	return [][]byte{bMeta, bArticles, bTexts, bHighlights, bActors, bPrefs, bURLIndex, bHashIndex, bActorNames}
}

// schema5Buckets are the buckets of schema 5, the last before the search
// index.
func schema5Buckets() [][]byte {
	return [][]byte{bMeta, bArticles, bArticleText, bHighlights, bHighlightID, bActorIndex,
		bActors, bPrefs, bURLIndex, bHashIndex, bActorNames, bSourceIndex, bVersions, bVersionText,
		bTopics, bTopicNames, bTopicIndex}
}

// schema6Buckets are the buckets of schema 6: schema 5's and the search
// index.
func schema6Buckets() [][]byte {
	return append(schema5Buckets(), searchBuckets()...)
}

// currentBuckets are the buckets of SchemaVersion.
func currentBuckets() [][]byte {
	return append(schema6Buckets(), bDeleted)
}

// createLibrary lays out a new, empty library of SchemaVersion, with an
// empty search index that is complete (stamped here: a library is created
// outside the guard that stamps every other write).
func createLibrary(tx *bolt.Tx) error {
	for _, name := range append(schema5Buckets(), bDeleted) {
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	if err := putVersion(tx, SchemaVersion); err != nil {
		return err
	}
	if err := resetSearch(tx); err != nil {
		return err
	}
	if err := tx.Bucket(bSearchMeta).Put(keyState, []byte(indexComplete)); err != nil {
		return err
	}
	return stampSearch(tx)
}

func createBuckets(tx *bolt.Tx) error {
	for _, name := range schema1Buckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// createTopicBuckets adds the topics, their names and the index of
// statements by topic. Highlights written before have no topics, so
// nothing else changes; the new number keeps older builds, which would
// drop a statement's topic when they rewrite a highlight, from opening
// the file.
func createTopicBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bTopics, bTopicNames, bTopicIndex} {
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

// Bounds of one transaction of convertTexts: bbolt holds a transaction's
// written pages in memory until it commits, so converting a library of
// 50,000 articles (600 MB of text) in one would need that much memory;
// batches of this size keep it to tens of MB at about 50 commits.
const (
	textBatchArticles = 1000
	textBatchBytes    = 32 << 20
)

// convertTexts writes the schema 3 text record of the next batch of
// articles whose text is still only in the schema 2 "texts" bucket, in key
// order, resuming after the last one converted.
func convertTexts(tx *bolt.Tx) (more bool, err error) {
	dst, err := tx.CreateBucketIfNotExists(bArticleText)
	if err != nil {
		return false, err
	}
	c := tx.Bucket(bTexts).Cursor()
	k, v := c.First()
	if last, _ := dst.Cursor().Last(); last != nil {
		k, v = c.Seek(last)
		if k != nil && string(k) == string(last) {
			k, v = c.Next()
		}
	}
	n, size := 0, 0
	for ; k != nil; k, v = c.Next() {
		if n >= textBatchArticles || size >= textBatchBytes {
			return true, nil
		}
		if err := convertText(dst, k, v); err != nil {
			return false, err
		}
		n, size = n+1, size+len(v)
	}
	return false, nil
}

// convertText stores one schema 2 text (JSON blocks) as a text record.
func convertText(dst *bolt.Bucket, k, v []byte) error {
	bs, err := decodeBlocksV2(v)
	if err != nil {
		return fmt.Errorf("the text of article %q: %w", k, err)
	}
	rec, err := encodeText(bs, textStride)
	if err != nil {
		return fmt.Errorf("the text of article %q: %w", k, err)
	}
	return dst.Put(k, rec)
}

// finishTexts converts whatever convertTexts left (nothing, unless a
// record was missing) and drops the schema 2 texts.
func finishTexts(tx *bolt.Tx) error {
	dst, err := tx.CreateBucketIfNotExists(bArticleText)
	if err != nil {
		return err
	}
	err = tx.Bucket(bTexts).ForEach(func(k, v []byte) error {
		if dst.Get(k) != nil {
			return nil
		}
		return convertText(dst, k, v)
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket(bTexts)
}

// versionsAndSharedIndexes adds the version buckets and the source index,
// and rebuilds the URL and hash indexes, which mapped a value to one
// article, as value \0 id keys: several articles may now name the same
// canonical URL (a site that points every page at its home page) or have
// the same text.
func versionsAndSharedIndexes(tx *bolt.Tx) error {
	for _, name := range [][]byte{bSourceIndex, bVersions, bVersionText, bURLIndex, bHashIndex} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	return tx.Bucket(bArticles).ForEach(func(k, v []byte) error {
		r, err := decodeArticleRecord(v)
		if err != nil {
			return fmt.Errorf("article %q: %w", k, err)
		}
		return indexArticle(tx, r)
	})
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
	if v == 0 {
		// A new file gets today's layout in one transaction.
		if err := l.db.Update(createLibrary); err != nil {
			return fmt.Errorf("%s: creating the library: %w", l.path, err)
		}
		return nil
	}
	for _, m := range migrations() {
		if m.number <= v {
			continue
		}
		if err := l.runMigration(m); err != nil {
			return fmt.Errorf("%s: migrating the library to schema %d (%s): %w", l.path, m.number, m.what, err)
		}
	}
	return nil
}

// runMigration runs one step: its prepare transactions until no work is
// left, then apply and the new version in one transaction.
func (l *Library) runMigration(m migration) error {
	for more := m.prepare != nil; more; {
		if err := l.db.Update(func(tx *bolt.Tx) error {
			var err error
			more, err = m.prepare(tx)
			return err
		}); err != nil {
			return err
		}
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		if m.apply != nil {
			if err := m.apply(tx); err != nil {
				return err
			}
		}
		if err := putVersion(tx, m.number); err != nil {
			return err
		}
		return carrySearch(tx, m)
	})
}

// searchSince is the first schema with a search index.
const searchSince = 6

// carrySearch brings the search index over a schema step, after the new
// version is recorded: step 6 creates it (empty, to be built in the
// background); a later step marked keepsSearch carries an index of the
// schema before over; any other later step starts it afresh.
func carrySearch(tx *bolt.Tx, m migration) error {
	if m.number < searchSince {
		return nil
	}
	if meta := tx.Bucket(bSearchMeta); m.keepsSearch && meta != nil &&
		be32(meta.Get(keyIndexSchema)) == uint32(m.number-1) {
		return put32(meta, keyIndexSchema, uint32(m.number))
	}
	return resetSearch(tx)
}

func putVersion(tx *bolt.Tx, v int) error {
	var buf [4]byte
	binary.BigEndian.PutUint32(buf[:], uint32(v))
	return tx.Bucket(bMeta).Put(keySchema, buf[:])
}
