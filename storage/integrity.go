package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"time"
)

// checkReport is what a full check of a library file found.
type checkReport struct {
	Version    int // schema version
	Pages      int // tree pages read
	Articles   int
	Highlights int
	Actors     int
	// Problems is the damage found (ErrDamaged errors), at most
	// maxProblems; none means the file is sound.
	Problems []error
}

// Err returns nil for a sound file, else one ErrDamaged error naming the
// first problem and how many there are.
func (r checkReport) Err() error {
	switch len(r.Problems) {
	case 0:
		return nil
	case 1:
		return r.Problems[0]
	}
	more := fmt.Sprintf("%d", len(r.Problems)-1)
	if len(r.Problems) >= maxProblems {
		more += " or more"
	}
	return fmt.Errorf("%w (and %s other problems)", r.Problems[0], more)
}

// checkFile reads a whole library file through the page reader: every page
// of every bucket (structure as bbolt's own check sees it: pages in range,
// referenced once, keys in order, every page either in a tree or free),
// then every record as the library decodes it, and whether the indexes name
// records that exist. It never maps the file, so no damage can fault it.
// An error is returned when the file cannot be read (I/O) or is too new to
// judge (ErrTooNew); damage is in the report. pin, when set, is the
// transaction whose tree to read (see useTxid). pause, when set, is called between pages, so that a check
// in the background can yield to the window (or stop it, with an error).
func checkFile(r io.ReaderAt, size int64, pin *uint64, pause func() error) (checkReport, error) {
	var rep checkReport
	f, err := openPageFile(r, size)
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			rep.Problems = append(rep.Problems, err)
			return rep, nil
		}
		return rep, err
	}
	if pin != nil {
		if err := f.useTxid(*pin); err != nil {
			return rep, err
		}
	}
	version, err := f.schemaVersion()
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			rep.Problems = append(rep.Problems, err)
			return rep, nil
		}
		return rep, err // ErrTooNew: not damage, and not this build's to read
	}
	rep.Version = version
	rc := newRecordChecker(version)
	w := &walker{f: f, reachable: newBitset(f.meta.hwm), visit: rc.visit}
	if pause != nil {
		w.visit = func(bucket string, k, v []byte) error {
			if err := pause(); err != nil {
				return err
			}
			return rc.visit(bucket, k, v)
		}
	}
	w.reachable.set(0)
	w.reachable.set(1)
	free, freeProblems := f.freelist(&w.reachable)
	w.problems = append(w.problems, freeProblems...)
	if err := w.tree("", f.meta.root, nil, nil, 0); err != nil {
		return rep, err
	}
	rep.Pages = w.pages
	rep.Problems = append(rep.Problems, w.problems...)
	if len(rep.Problems) == 0 {
		// Leaked or doubly used pages only mean something in a tree that
		// was read whole.
		rep.Problems = append(rep.Problems, pageAccounting(f.meta.hwm, w.reachable, free)...)
	}
	rep.Problems = append(rep.Problems, rc.finish()...)
	if len(rep.Problems) > maxProblems {
		rep.Problems = rep.Problems[:maxProblems]
	}
	rep.Articles, rep.Highlights, rep.Actors = rc.count[string(bArticles)], rc.count[string(bHighlights)], rc.count[string(bActors)]
	return rep, nil
}

// pageAccounting checks that every page below the high water mark is in a
// tree or free, and none is both (a free page in use would be overwritten
// by the next write).
func pageAccounting(hwm uint64, reachable, free bitset) []error {
	var out []error
	for id := uint64(2); id < hwm && len(out) < maxProblems; id++ {
		in, fr := reachable.has(id), free.has(id)
		switch {
		case in && fr:
			out = append(out, damagedf("page %d is in use and listed as free", id))
		case !in && !fr:
			out = append(out, damagedf("page %d is neither in use nor free", id))
		}
	}
	return out
}

// useTxid makes the page file read the tree of transaction txid (a read
// transaction of the open library pins its pages), not the newest one.
func (f *pageFile) useTxid(txid uint64) error {
	buf := make([]byte, pageHeaderSize+metaSize+8)
	for _, off := range []int64{0, int64(f.meta.pageSize)} {
		if _, err := f.r.ReadAt(buf, off); err != nil {
			return err
		}
		if m, ok := parseMeta(buf); ok && m.txid == txid {
			f.meta = m
			return nil
		}
	}
	return fmt.Errorf("transaction %d is no longer in the file's meta pages", txid)
}

// get returns the value of key in the top-level bucket named bucket, or
// nil, descending the trees as bbolt's lookups do but with every read
// checked.
func (f *pageFile) get(bucket, key []byte) ([]byte, error) {
	v, isBucket, err := f.lookup(f.meta.root, nil, bucket, 0)
	if err != nil || v == nil {
		return nil, err
	}
	if !isBucket || len(v) < bucketHeader {
		return nil, damagedf("%q is not a bucket", bucket)
	}
	root := binary.LittleEndian.Uint64(v)
	if root == 0 {
		val, _, err := f.lookup(0, v[bucketHeader:], key, 0)
		return val, err
	}
	val, _, err := f.lookup(root, nil, key, 0)
	return val, err
}

// lookup finds key in the tree at page id (or in the inline page data).
func (f *pageFile) lookup(id uint64, inline, key []byte, depth int) (value []byte, isBucket bool, err error) {
	if depth > maxTreeDepth {
		return nil, false, damagedf("the tree is deeper than %d levels (a loop of page pointers)", maxTreeDepth)
	}
	data, count, leaf := inline, 0, true
	if inline != nil {
		if len(inline) < pageHeaderSize {
			return nil, false, damagedf("an inline bucket is cut short")
		}
		count = int(binary.LittleEndian.Uint16(inline[10:]))
	} else {
		p, _, err := f.readPage(id, nil)
		if err != nil {
			return nil, false, err
		}
		data, count, leaf = p.data, p.count, p.flags == flagLeaf
		if p.flags == flagFreelist {
			return nil, false, damagedf("page %d is a freelist page inside a tree", id)
		}
	}
	if _, err := checkPacked(data, leaf, count); err != nil {
		return nil, false, err
	}
	if !leaf {
		child := uint64(0)
		for i := 0; i < count; i++ {
			k, _, _, c, err := element(data, false, i)
			if err != nil {
				return nil, false, err
			}
			if i > 0 && bytes.Compare(k, key) > 0 {
				break
			}
			child = c
		}
		if child == 0 {
			return nil, false, damagedf("branch page %d is empty", id)
		}
		return f.lookup(child, nil, key, depth+1)
	}
	for i := 0; i < count; i++ {
		k, v, flags, _, err := element(data, true, i)
		if err != nil {
			return nil, false, err
		}
		if bytes.Equal(k, key) {
			return append([]byte(nil), v...), flags&leafBucket != 0, nil
		}
	}
	return nil, false, nil
}

// schemaVersion reads meta/schema: 0 for a file without buckets (new),
// ErrDamaged for a bbolt file that is not a library, ErrTooNew for a newer
// schema.
func (f *pageFile) schemaVersion() (int, error) {
	v, err := f.get(bMeta, keySchema)
	if err != nil {
		return 0, err
	}
	if v == nil {
		meta, _, err := f.lookup(f.meta.root, nil, bMeta, 0)
		if err != nil {
			return 0, err
		}
		if meta != nil {
			return 0, damagedf("the schema version is missing")
		}
		p, _, err := f.readPage(f.meta.root, nil)
		if err != nil {
			return 0, err
		}
		if p.count == 0 {
			return 0, nil
		}
		return 0, damagedf("the file is a bbolt database but not a Dramatis library")
	}
	if len(v) != 4 {
		return 0, damagedf("the schema version is malformed")
	}
	n := int(binary.BigEndian.Uint32(v))
	if n > SchemaVersion {
		return n, fmt.Errorf("%w (schema %d, this build reads up to %d); update Dramatis", ErrTooNew, n, SchemaVersion)
	}
	return n, nil
}

// recordChecker decodes every record as the library would and remembers
// enough (64-bit hashes of ids and keys, 8 bytes each) to check the indexes
// at the end: at 50,000 articles and 150,000 highlights a few MB.
type recordChecker struct {
	version  int
	count    map[string]int
	sets     [numSets][]uint64 // hashes of the keys of each set
	refs     [numRefs][]uint64 // hashes of the keys each kind of index entry names
	buckets  []string          // the top-level buckets met
	problems []error
}

// The key sets index entries refer to.
const (
	setArticles = iota
	setTexts
	setHighlights
	setHighlightIDs
	setActors
	setTopics
	// the keys of the highlight indexes, which every highlight must have
	// its entries in: an entry lost to damage would make a highlight
	// silently missing from its actor's list. (The address, text and name
	// indexes are only checked to name existing records: an entry missing
	// there costs a duplicate at worst, and their keys follow rules that
	// changed over versions.)
	setIDIndex
	setActorIndex
	// the topic index's keys, and the keys the highlights' statements
	// give it: checked both ways, since an entry lost hides a statement
	// from its topic's list (and from a merge or delete of the topic), and
	// an entry left over names a statement that is not there.
	setTopicIndex
	setStatements
	numSets
)

// refKind is a kind of index entry: which set it must name a key of, and
// what a dangling one is called in the report.
type refKind int

const (
	refTextArticle refKind = iota
	refHighlightArticle
	refHighlightActor
	refIDHighlight
	refActorIndexActor
	refActorIndexHighlight
	refNameActor
	refURLArticle
	refHashArticle
	refHighlightTopic
	refTopicIndexTopic
	refTopicIndexHighlight
	refNameTopic
	refTopicParent
	refVersionArticle
	// highlights whose index entries must exist
	refHighlightInIDIndex
	refHighlightInActorIndex
	refHighlightInTopicIndex
	refTopicIndexStatement
	numRefs
)

func (k refKind) target() (set int, what string) {
	switch k {
	case refTextArticle:
		return setArticles, "texts of missing articles"
	case refHighlightArticle:
		return setArticles, "highlights of missing articles"
	case refHighlightActor:
		return setActors, "highlights tagged with missing actors"
	case refIDHighlight:
		return setHighlights, "id index entries of missing highlights"
	case refActorIndexActor:
		return setActors, "actor index entries of missing actors"
	case refActorIndexHighlight:
		return setHighlightIDs, "actor index entries of missing highlights"
	case refNameActor:
		return setActors, "actor names of missing actors"
	case refURLArticle:
		return setArticles, "addresses of missing articles"
	case refHighlightTopic:
		return setTopics, "statements on missing topics"
	case refTopicIndexTopic:
		return setTopics, "topic index entries of missing topics"
	case refTopicIndexHighlight:
		return setHighlightIDs, "topic index entries of missing highlights"
	case refNameTopic:
		return setTopics, "topic names of missing topics"
	case refTopicParent:
		return setTopics, "topics under missing topics"
	case refVersionArticle:
		return setArticles, "versions of missing articles"
	case refHashArticle:
		return setArticles, "text hashes of missing articles"
	case refHighlightInIDIndex:
		return setIDIndex, "highlights missing from the id index"
	case refHighlightInTopicIndex:
		return setTopicIndex, "statements missing from their topics' index"
	case refTopicIndexStatement:
		return setStatements, "topic index entries of statements the highlight does not make"
	default:
		return setActorIndex, "highlights missing from their actors' index"
	}
}

func newRecordChecker(version int) *recordChecker {
	return &recordChecker{version: version, count: map[string]int{}}
}

func hash64(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

func (c *recordChecker) problem(bucket string, key []byte, err error) {
	if len(c.problems) < maxProblems {
		c.problems = append(c.problems, damagedf("in %s, record %s: %s", bucket, printableKey(key), damageDetail(err)))
	}
}

// printableKey shows a key in a message: ids as they are, binary parts
// replaced.
func printableKey(k []byte) string {
	if len(k) > 80 {
		k = k[:80]
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 {
			return '·'
		}
		return r
	}, strings.ToValidUTF8(string(k), "?"))
}

func (c *recordChecker) remember(set int, key []byte) {
	c.sets[set] = append(c.sets[set], hash64(key))
}

func (c *recordChecker) refer(k refKind, key []byte) {
	c.refs[k] = append(c.refs[k], hash64(key))
}

// visit checks one key and value (see checkRecord).
func (c *recordChecker) visit(bucket string, key, value []byte) error {
	if value == nil { // a bucket entry
		if bucket != "" {
			c.problem(bucket, key, damagedf("an unexpected nested bucket"))
		} else {
			c.buckets = append(c.buckets, string(key))
		}
		return nil
	}
	if bucket == "" {
		c.problem("the root", key, damagedf("a value outside any bucket"))
		return nil
	}
	c.count[bucket]++
	if err := c.checkRecord(bucket, key, value); err != nil {
		c.problem(bucket, key, err)
	}
	return nil
}

// checkRecord decodes one record of a known bucket as the library reads it
// and notes the index entries it makes; buckets not named here are only
// checked for their structure. Each kind of record has a check of its own
// below; the index buckets whose entries only name a record need no more
// than the note.
func (c *recordChecker) checkRecord(bucket string, k, v []byte) error {
	switch bucket {
	case string(bArticles):
		return c.checkArticle(k, v)
	case string(bTexts), string(bArticleText):
		return c.checkText(bucket, k, v)
	case string(bHighlights):
		return c.checkHighlight(k, v)
	case string(bHighlightID):
		return c.checkIDIndex(k, v)
	case string(bActors):
		return c.checkActor(k, v)
	case string(bActorIndex):
		return c.checkActorIndex(k)
	case string(bActorNames):
		c.refer(refNameActor, v)
	case string(bTopics):
		return c.checkTopic(k, v)
	case string(bTopicIndex):
		return c.checkTopicIndex(k)
	case string(bTopicNames):
		c.refer(refNameTopic, v)
	case string(bURLIndex), string(bSourceIndex):
		c.refer(refURLArticle, c.indexedID(k, v))
	case string(bHashIndex):
		c.refer(refHashArticle, c.indexedID(k, v))
	case string(bVersions), string(bVersionText):
		return c.checkVersion(bucket, k, v)
	case string(bSearchDocs), string(bSearchIDs), string(bSearchTerms):
		return checkSearchRecord(bucket, v)
	case string(bDeleted):
		_, err := decodeDeletion(k, v)
		return err
	}
	return nil
}

// checkArticle decodes an article record, which must be filed under its
// own id: a record under another key (a page swapped by damage) would
// show one article's metadata for another's text.
func (c *recordChecker) checkArticle(k, v []byte) error {
	r, err := decodeArticleRecord(v)
	if err != nil {
		return err
	}
	return c.filedUnder(setArticles, "article", k, r.ID)
}

// filedUnder checks that a record of id is filed under its own key k and
// remembers k in set: a record under another key (a page swapped by
// damage) would show one record's data for another's.
func (c *recordChecker) filedUnder(set int, what string, k []byte, id string) error {
	if id != string(k) {
		return damagedf("it holds %s %s", what, id)
	}
	c.remember(set, k)
	return nil
}

// checkText decodes an article's text in the layout of its bucket:
// bTexts up to schema 2, bArticleText (with its chunk index) from schema
// 3. Both can be met in one file half way through the migration, so only
// the bucket of the file's own schema counts as the articles' texts; the
// other is decoded but not required.
func (c *recordChecker) checkText(bucket string, k, v []byte) error {
	current := c.version >= 3
	if bucket == string(bTexts) {
		current = c.version < 3
	}
	if current {
		c.refer(refTextArticle, k)
		c.remember(setTexts, k)
	}
	if bucket == string(bTexts) {
		_, err := decodeBlocksV2(v)
		return err
	}
	_, err := decodeBlocks(v)
	return err
}

// checkIDIndex checks an entry of the highlight id index, whose value is
// the highlight's full key (article id, 0, highlight id): an entry that
// names another highlight would open the wrong passage.
func (c *recordChecker) checkIDIndex(k, v []byte) error {
	if !bytes.HasSuffix(v, k) {
		return damagedf("the id index entry names another highlight")
	}
	c.refer(refIDHighlight, v)
	c.remember(setIDIndex, k)
	return nil
}

// checkActor decodes an actor record, which must be filed under its own
// id (as checkArticle).
func (c *recordChecker) checkActor(k, v []byte) error {
	a, err := decodeActor(v)
	if err != nil {
		return err
	}
	return c.filedUnder(setActors, "actor", k, a.ID)
}

// checkActorIndex checks an actor index key (actor id, 0, highlight id)
// and notes both ids, so that finish finds entries naming an actor or a
// highlight that is gone, and highlights whose entry is missing.
func (c *recordChecker) checkActorIndex(k []byte) error {
	actor, highlight, ok := splitIndexKey(k)
	if !ok {
		return damagedf("a malformed actor index key")
	}
	c.refer(refActorIndexActor, actor)
	c.refer(refActorIndexHighlight, highlight)
	c.remember(setActorIndex, k)
	return nil
}

// checkTopic decodes a topic record, filed under its own id (as
// checkArticle), and notes its parent, which must exist: a topic under a
// missing one would drop out of the tree the window shows.
func (c *recordChecker) checkTopic(k, v []byte) error {
	t, err := decodeTopic(v)
	if err != nil {
		return err
	}
	if err := c.filedUnder(setTopics, "topic", k, t.ID); err != nil {
		return err
	}
	if t.Parent != "" {
		c.refer(refTopicParent, []byte(t.Parent))
	}
	return nil
}

// checkTopicIndex checks a topic index key (topic id, 0, highlight id) as
// checkActorIndex does, and notes the whole key as a statement, which
// finish matches both ways against the statements the highlights make.
func (c *recordChecker) checkTopicIndex(k []byte) error {
	topic, highlight, ok := splitIndexKey(k)
	if !ok {
		return damagedf("a malformed topic index key")
	}
	c.refer(refTopicIndexTopic, topic)
	c.refer(refTopicIndexHighlight, highlight)
	c.refer(refTopicIndexStatement, k)
	c.remember(setTopicIndex, k)
	return nil
}

// splitIndexKey splits an actor or topic index key at its 0 byte; ok is
// false unless both parts are there.
func splitIndexKey(k []byte) (owner, highlight []byte, ok bool) {
	i := bytes.IndexByte(k, 0)
	if i <= 0 || i == len(k)-1 {
		return nil, nil, false
	}
	return k[:i], k[i+1:], true
}

// checkSearchRecord decodes a record of the search index. The index is
// derived data (it can be built again), but a record that does not decode
// would fail every search that reads it, so it is reported like any other.
func checkSearchRecord(bucket string, v []byte) error {
	switch bucket {
	case string(bSearchDocs):
		_, err := decodeDocRecord(v)
		return err
	case string(bSearchIDs):
		if len(v) != 4 {
			return damagedf("a malformed search document number")
		}
		return nil
	default: // bSearchTerms
		_, err := decodeBlock(v)
		return err
	}
}

// indexedID is the article an URL, source or hash index entry names: its
// value up to schema 3, the part of its key after the last 0 byte from
// schema 4 (value \0 id).
func (c *recordChecker) indexedID(k, v []byte) []byte {
	if c.version < 4 {
		return v
	}
	return k[bytes.LastIndexByte(k, 0)+1:]
}

// checkVersion decodes a kept version (schema 4): its record or its text.
func (c *recordChecker) checkVersion(bucket string, k, v []byte) error {
	i := bytes.IndexByte(k, 0)
	if i <= 0 || len(k) != i+5 {
		return damagedf("a malformed version key")
	}
	c.refer(refVersionArticle, k[:i])
	if bucket == string(bVersionText) {
		_, err := decodeBlocks(v)
		return err
	}
	var r versionRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return damagedf("an unreadable version: %v", err)
	}
	if r.Article.ID != string(k[:i]) || r.Number != int(binary.BigEndian.Uint32(k[i+1:])) {
		return damagedf("version %d of article %s stored under the wrong key", r.Number, r.Article.ID)
	}
	return nil
}

func (c *recordChecker) checkHighlight(k, v []byte) error {
	i := bytes.IndexByte(k, 0)
	if i <= 0 {
		return damagedf("a malformed highlight key")
	}
	c.refer(refHighlightArticle, k[:i])
	c.remember(setHighlights, k)
	if c.version < 2 {
		_, err := decodeHighlightV1(v)
		return err
	}
	h, err := decodeHighlight(k, v)
	if err != nil {
		return err
	}
	c.remember(setHighlightIDs, []byte(h.ID))
	c.refer(refHighlightInIDIndex, []byte(h.ID))
	for _, a := range h.Actors {
		c.refer(refHighlightActor, []byte(a.ActorID))
		c.refer(refHighlightInActorIndex, actorIndexKey(a.ActorID, h.ID))
		if a.Topic != "" {
			c.refer(refHighlightTopic, []byte(a.Topic))
		}
	}
	for _, t := range topicIDs(h.Actors) {
		k := topicIndexKey(t, h.ID)
		c.refer(refHighlightInTopicIndex, k)
		c.remember(setStatements, k)
	}
	return nil
}

// finish resolves the index entries against the key sets and checks that
// every article has its text.
func (c *recordChecker) finish() []error {
	out := c.problems
	for i := range c.sets {
		slices.Sort(c.sets[i])
	}
	for k := refKind(0); k < numRefs; k++ {
		if c.version < 2 && (k == refActorIndexHighlight || k == refHighlightInIDIndex || k == refHighlightInActorIndex) {
			continue // schema 1 has no id or actor index
		}
		set, what := k.target()
		missing := 0
		for _, h := range c.refs[k] {
			if _, ok := slices.BinarySearch(c.sets[set], h); !ok {
				missing++
			}
		}
		if missing > 0 && len(out) < maxProblems {
			out = append(out, damagedf("%d %s", missing, what))
		}
	}
	if texts, arts := len(c.sets[setTexts]), len(c.sets[setArticles]); texts < arts && len(out) < maxProblems {
		out = append(out, damagedf("%d of %d articles have no text", arts-texts, arts))
	}
	return append(out, c.bucketProblems()...)
}

// bucketProblems checks the top-level buckets against those of the
// file's schema: a missing one (its name damaged, or its entry lost) would
// fail every use of it; an unknown one is a damaged name.
func (c *recordChecker) bucketProblems() []error {
	if c.version == 0 {
		return nil
	}
	required, allowed := bucketsOf(c.version)
	seen := map[string]bool{}
	for _, b := range c.buckets {
		seen[b] = true
	}
	known := map[string]bool{}
	var out []error
	for _, b := range required {
		known[string(b)] = true
		if !seen[string(b)] {
			out = append(out, damagedf("the bucket %q is missing", b))
		}
	}
	for _, b := range allowed {
		known[string(b)] = true
	}
	for _, b := range c.buckets {
		if !known[b] {
			out = append(out, damagedf("an unknown bucket %q", printableKey([]byte(b))))
		}
	}
	return out
}

// bucketsOf returns the buckets a library of schema v must have, and those
// it may have besides: the next migration's prepare steps fill buckets the
// old schema does not read, and a migration may be cut short between them.
// A new schema adds its line here.
func bucketsOf(v int) (required, allowed [][]byte) {
	schema2 := append(schema1Buckets(), bHighlightID, bActorIndex)
	switch v {
	case 1:
		return schema1Buckets(), nil
	case 2:
		return schema2, [][]byte{bArticleText}
	}
	schema3 := [][]byte{bMeta, bArticles, bArticleText, bHighlights, bHighlightID, bActorIndex,
		bActors, bPrefs, bURLIndex, bHashIndex, bActorNames}
	schema4 := append(schema3, bSourceIndex, bVersions, bVersionText)
	switch v {
	case 3:
		return schema3, [][]byte{bSourceIndex, bVersions, bVersionText}
	case 4:
		return schema4, nil
	case 5:
		return schema5Buckets(), nil
	case 6:
		return schema6Buckets(), nil
	}
	return currentBuckets(), nil
}

// checkPause returns a pause function for a check in the background: it
// sleeps as long as the check worked, every few milliseconds of work, so
// the check takes at most about half of one core, and it stops the check
// when ctx ends.
func checkPause(ctx context.Context) func() error {
	const slice = 5 * time.Millisecond
	began := time.Now()
	return func() error {
		if worked := time.Since(began); worked >= slice {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(worked):
			}
			began = time.Now()
		}
		return nil
	}
}

// backgroundCheckDelay lets the window finish starting before the check
// begins to read the file.
const backgroundCheckDelay = 20 * time.Second

// checkInBackground reads the whole file once, after a delay, in a
// goroutine (see checkSnapshot). Damage found makes the library damaged
// (no more writes) and is told through Options.OnProblem.
func (l *Library) checkInBackground(ctx context.Context) {
	l.bg.Add(1)
	go func() {
		defer l.bg.Done()
		select {
		case <-ctx.Done():
			return
		case <-time.After(backgroundCheckDelay):
		}
		err := l.checkSnapshot(ctx, checkPause(ctx))
		if errors.Is(err, ErrDamaged) && l.onProblem != nil {
			l.onProblem(err)
		}
	}()
}

// checkAfterOpen does the whole-file check Options.CheckLater put off, at
// once and at full speed, then lets the held writes go (or, on damage,
// fail).
func (l *Library) checkAfterOpen(ctx context.Context) {
	l.bg.Add(1)
	go func() {
		defer l.bg.Done()
		defer close(l.unchecked)
		err := l.checkSnapshot(ctx, func() error { return ctx.Err() })
		switch {
		case err == nil:
			l.checkDone = true
		case errors.Is(err, ErrDamaged):
			l.checkDone = true
			if l.onProblem != nil {
				l.onProblem(err)
			}
		case ctx.Err() == nil:
			// The file could not be read to the end: nothing may be
			// written to what was not checked.
			l.noteDamage(damagedFile(l.path, err))
			if l.onProblem != nil {
				l.onProblem(l.Damaged())
			}
		}
	}()
}

// checkSnapshot checks the whole file as of the newest transaction while
// the library stays open for writing: a read transaction pins that
// transaction's pages (bbolt reuses no page a reader may still see), and
// for the moment it is begun a write transaction holds writers off, so
// that the meta page read is that transaction's.
func (l *Library) checkSnapshot(ctx context.Context, pause func() error) error {
	rtx, err := l.pinSnapshot()
	if err != nil {
		return err
	}
	defer rtx.Rollback()
	txid := uint64(rtx.ID())
	fi, err := l.file.Stat()
	if err != nil {
		return err
	}
	rep, err := checkFile(l.file, fi.Size(), &txid, pause)
	if err != nil {
		return err
	}
	if derr := rep.Err(); derr != nil {
		derr = damagedFile(l.path, derr)
		l.noteDamage(derr)
		return derr
	}
	l.state.Checked = l.now().UTC()
	return nil
}
