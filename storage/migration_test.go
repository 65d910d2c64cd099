package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// fixtureLibrary is what every old-schema file in these tests holds: its
// articles (with ids and dates), actors and highlights, as a reader would
// see them after any migration.
type fixtureLibrary struct {
	articles   map[string]*article.Article
	added      time.Time
	actors     []annotation.Actor
	highlights []annotation.Highlight
}

// newFixture makes articles with and without a URL, one long enough for
// many text chunks with multi-byte text, headings and a preformatted
// block; highlights with and without actors, one of them orphaned.
func newFixture(t *testing.T) fixtureLibrary {
	f := fixtureLibrary{articles: map[string]*article.Article{}, added: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	f.articles["01ARTICLE0000000000000000A"] = newArticle("https://example.org/old", "Alt", sampleParagraphs...)
	f.articles["01ARTICLE0000000000000000B"] = newArticle("", "Ohne Adresse", "Ein Text, kopiert aus dem Browser.", "Mit Straße und STRASSE.")
	long := benchArticle("https://example.org/long", 40)
	long.Blocks = append([]article.Block{{Type: article.Heading, Level: 2, Text: "Überschrift „Zitat“ 😀"}}, long.Blocks...)
	long.Blocks = append(long.Blocks, article.Block{Type: article.Preformatted, Text: "code\n  indented"})
	long.Normalize()
	f.articles["01ARTICLE0000000000000000C"] = long
	kim := annotation.Actor{ID: "01ACTOR000000000000000000A", Name: "Kim Jong Un", Kind: annotation.KindPerson, Color: "#aa0000"}
	f.actors = []annotation.Actor{kim}
	at := func(artID, passage string, nth int) (int, int, annotation.TextQuote) {
		text := f.articles[artID].Text()
		i := -1
		for k := 0; k <= nth; k++ {
			j := strings.Index(text[i+1:], passage)
			if j < 0 {
				t.Fatalf("%q not in %s", passage, artID)
			}
			i += 1 + j
		}
		s := len([]rune(text[:i]))
		e := s + len([]rune(passage))
		return s, e, annotation.QuoteAt([]rune(text), s, e)
	}
	add := func(id, artID, passage string, nth int, orphaned string, refs ...annotation.ActorRef) {
		s, e, q := at(artID, passage, nth)
		f.highlights = append(f.highlights, annotation.Highlight{
			ID: id, ArticleID: artID, Start: s, End: e, Quote: q, Actors: refs, Note: "Notiz " + id, Color: "yellow",
			Created: f.added, Updated: f.added, Orphaned: orphaned,
		})
	}
	speaker := annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker}
	add("01HL00000000000000000000A1", "01ARTICLE0000000000000000A", "Kim Jong Un", 0, "", speaker)
	add("01HL00000000000000000000A2", "01ARTICLE0000000000000000A", "Nordkorea hat", 0, "")
	add("01HL00000000000000000000A3", "01ARTICLE0000000000000000A", "Die USA", 0, "the quoted passage is no longer in the text")
	add("01HL00000000000000000000B1", "01ARTICLE0000000000000000B", "Straße", 0, "")
	add("01HL00000000000000000000C1", "01ARTICLE0000000000000000C", "Zitat", 0, "", speaker)
	add("01HL00000000000000000000C2", "01ARTICLE0000000000000000C", "Pjöngjang", 30, "")
	add("01HL00000000000000000000C3", "01ARTICLE0000000000000000C", "indented", 0, "")
	return f
}

// schemaWriters write the fixture in each earlier schema's own layout, by
// hand, the way that schema's code wrote it (lnd channeldb style): a
// migration is tested against what old files really hold, not against
// today's encoders. A schema change that changes an encoder used here
// must freeze the old one in this file.
var schemaWriters = map[int]func(tx *bolt.Tx, f fixtureLibrary) error{
	1: func(tx *bolt.Tx, f fixtureLibrary) error {
		return writeOldSchema(tx, f, 1, func(h annotation.Highlight) error {
			v, err := encode(h) // schema 1: annotation.Highlight as JSON, no id or actor index
			if err != nil {
				return err
			}
			return tx.Bucket(bHighlights).Put(highlightKey(h), v)
		})
	},
	2: func(tx *bolt.Tx, f fixtureLibrary) error {
		for _, name := range [][]byte{bHighlightID, bActorIndex} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return writeOldSchema(tx, f, 2, func(h annotation.Highlight) error { return putHighlight(tx, h) })
	},
	3: writeSchema3,
	4: writeSchema4,
	5: writeSchema5,
	6: writeSchema6,
}

// writeSchema6 writes f as schema 6 did: schema 5 with a search index,
// started (to be built in the background) and no deletion records.
func writeSchema6(tx *bolt.Tx, f fixtureLibrary) error {
	if err := writeSchema5(tx, f); err != nil {
		return err
	}
	if err := putVersion(tx, 6); err != nil {
		return err
	}
	return resetSearch(tx)
}

// writeSchema4 writes f as schema 4 did: schema 3 with the URL and hash
// indexes as value \0 id keys, a source index and version buckets.
func writeSchema4(tx *bolt.Tx, f fixtureLibrary) error {
	if err := writeSchema3(tx, f); err != nil {
		return err
	}
	// Schema 4: URL and hash indexes as value \0 id → "", a source
	// index, and (empty) buckets for kept versions.
	for _, name := range [][]byte{bURLIndex, bHashIndex} {
		if err := tx.DeleteBucket(name); err != nil {
			return err
		}
	}
	for _, name := range [][]byte{bURLIndex, bHashIndex, bSourceIndex, bVersions, bVersionText} {
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	for id, a := range f.articles {
		entries := [][2]string{{string(bHashIndex), a.TextHash()}, {string(bURLIndex), a.URL}}
		for _, e := range entries {
			if e[1] == "" {
				continue
			}
			if err := tx.Bucket([]byte(e[0])).Put([]byte(e[1]+"\x00"+id), nil); err != nil {
				return err
			}
		}
	}
	return putVersion(tx, 4)
}

// writeSchema5 writes f as schema 5 did: schema 4 with the (empty) topic
// buckets, and no search index.
func writeSchema5(tx *bolt.Tx, f fixtureLibrary) error {
	if err := writeSchema4(tx, f); err != nil {
		return err
	}
	for _, name := range [][]byte{bTopics, bTopicNames, bTopicIndex} {
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	return putVersion(tx, 5)
}

// writeSchema3 writes f as schema 3 did: texts as text records (today's
// encodeText), no "texts" bucket.
func writeSchema3(tx *bolt.Tx, f fixtureLibrary) error {
	for _, name := range [][]byte{bHighlightID, bActorIndex, bArticleText} {
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	if err := writeOldSchema(tx, f, 3, func(h annotation.Highlight) error { return putHighlight(tx, h) }); err != nil {
		return err
	}
	for id, a := range f.articles {
		rec, err := encodeText(a.Blocks, textStride)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bArticleText).Put([]byte(id), rec); err != nil {
			return err
		}
	}
	return tx.DeleteBucket(bTexts)
}

// writeOldSchema writes what schemas 1 to 3 share: the buckets, articles
// with JSON block texts, single-valued URL and hash indexes, actors; and
// the highlights with put.
func writeOldSchema(tx *bolt.Tx, f fixtureLibrary, version int, put func(annotation.Highlight) error) error {
	if err := createBuckets(tx); err != nil {
		return err
	}
	for id, a := range f.articles {
		rec, err := encode(recordOf(id, a, f.added))
		if err != nil {
			return err
		}
		text, err := encode(a.Blocks)
		if err != nil {
			return err
		}
		for _, kv := range [][3][]byte{
			{bArticles, []byte(id), rec}, {bTexts, []byte(id), text}, {bHashIndex, []byte(a.TextHash()), []byte(id)},
		} {
			if err := tx.Bucket(kv[0]).Put(kv[1], kv[2]); err != nil {
				return err
			}
		}
		if a.URL != "" {
			if err := tx.Bucket(bURLIndex).Put([]byte(a.URL), []byte(id)); err != nil {
				return err
			}
		}
	}
	for _, a := range f.actors {
		v, err := encode(a)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bActors).Put([]byte(a.ID), v); err != nil {
			return err
		}
		if err := tx.Bucket(bActorNames).Put([]byte(annotation.NameKey(a.Name)), []byte(a.ID)); err != nil {
			return err
		}
	}
	for _, h := range f.highlights {
		if err := put(h); err != nil {
			return err
		}
	}
	return putVersion(tx, version)
}

// writeSchemaFile makes a library file of schema version holding f.
func writeSchemaFile(t *testing.T, path string, version int, f fixtureLibrary) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return schemaWriters[version](tx, f) }); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationFromEveryEarlierSchema opens a file of every earlier schema
// and checks that the reader finds everything as it was (articles with
// their blocks and metadata, highlights with quotes, actors and orphan
// reasons, every index), that the file is at SchemaVersion with a backup
// of the old one, and that it works (a highlight added to the long
// article takes its quote from the migrated text).
func TestMigrationFromEveryEarlierSchema(t *testing.T) {
	if len(schemaWriters) != SchemaVersion-1 {
		t.Fatalf("schemaWriters covers %d schemas; every one before %d needs a writer", len(schemaWriters), SchemaVersion)
	}
	for v := 1; v < SchemaVersion; v++ {
		t.Run(fmt.Sprintf("schema%d", v), func(t *testing.T) {
			f := newFixture(t)
			p := filepath.Join(t.TempDir(), "library.db")
			writeSchemaFile(t, p, v, f)
			l := openMigrated(t, p, f)
			defer l.Close()
			bs, _ := backups(p)
			if len(bs) != 1 || !strings.Contains(bs[0], fmt.Sprintf("-schema%d", v)) {
				t.Fatalf("backups = %v, want one of the schema %d file", bs, v)
			}
			long := f.articles["01ARTICLE0000000000000000C"]
			s, e := span(t, long, "Sicherheitsrat Sanktionen")
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: "01ARTICLE0000000000000000C", Start: s, End: e})
			if err != nil || h.Quote != annotation.QuoteAt([]rune(long.Text()), s, e) {
				t.Fatalf("AddHighlight after migration = %+v, %v", h.Quote, err)
			}
			checkMigratedSearch(t, l)
		})
	}
}

// checkMigratedSearch checks the search index a migration leaves: being
// built, searches meanwhile finding what reading every article finds, and
// once built, complete and in agreement with the library.
func checkMigratedSearch(t *testing.T, l *Library) {
	t.Helper()
	const id = "01ARTICLE0000000000000000C"
	st, err := l.SearchIndexStatus()
	if err != nil || st.Ready {
		t.Fatalf("search index after migration: %+v, %v; want one still to build", st, err)
	}
	found := func() []string {
		res, err := l.Search(SearchQuery{Text: "sicherheitsrat pjongjang"})
		if err != nil {
			t.Fatal(err)
		}
		return res.IDs
	}
	before := found()
	if !slices.Contains(before, id) {
		t.Fatalf("search before the index is built = %v, want %s among them", before, id)
	}
	if err := l.BuildSearchIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if st, err := l.SearchIndexStatus(); err != nil || !st.Ready || st.Indexed != st.Articles {
		t.Fatalf("search index after the build: %+v, %v", st, err)
	}
	if got := found(); !slices.Equal(got, before) {
		t.Fatalf("search with the index = %v, reading every article %v", got, before)
	}
	checkSearchIndex(t, l)
}

// TestMigrationCarriesTheSearchIndex checks carrySearch: a later step
// marked keepsSearch keeps a built index (now of its schema); any other
// step starts it afresh.
func TestMigrationCarriesTheSearchIndex(t *testing.T) {
	for _, keeps := range []bool{true, false} {
		l := newLibrary(t)
		importArticle(t, l, newArticle("https://example.org/a", "Sanktionen", "Der Sicherheitsrat tagte."))
		next := migration{number: SchemaVersion + 1, what: "a test step", keepsSearch: keeps}
		err := l.db.Update(func(tx *bolt.Tx) error {
			if err := putVersion(tx, next.number); err != nil {
				return err
			}
			return carrySearch(tx, next)
		})
		if err != nil {
			t.Fatal(err)
		}
		err = l.db.View(func(tx *bolt.Tx) error {
			ix := openIndex(tx)
			switch {
			case ix == nil:
				return fmt.Errorf("keepsSearch %v: no index after the step", keeps)
			case keeps && (ix.state != indexComplete || ix.count != 1):
				return fmt.Errorf("keepsSearch: index %s with %d articles, want it kept complete with 1", ix.state, ix.count)
			case !keeps && (ix.state != indexBuilding || ix.count != 0):
				return fmt.Errorf("without keepsSearch: index %s with %d articles, want it started afresh", ix.state, ix.count)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// checkFixture compares what l holds with f.
func checkFixture(t *testing.T, l *Library, f fixtureLibrary) {
	t.Helper()
	list, err := l.Articles()
	if err != nil || len(list) != len(f.articles) {
		t.Fatalf("Articles = %d, %v; want %d", len(list), err, len(f.articles))
	}
	for id, want := range f.articles {
		got, info, err := l.Article(id)
		if err != nil {
			t.Fatalf("article %s: %v", id, err)
		}
		if !reflect.DeepEqual(got, want) || !info.Added.Equal(f.added) {
			t.Fatalf("article %s = %+v (added %v), want %+v", id, got, info.Added, want)
		}
	}
	for _, want := range f.highlights {
		got, err := l.Highlight(want.ID)
		if err != nil {
			t.Fatalf("highlight %s: %v", want.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("highlight = %+v, want %+v", got, want)
		}
	}
	for _, a := range f.actors {
		if hs, err := l.ActorHighlights(a.ID); err != nil || len(hs) != 2 {
			t.Fatalf("ActorHighlights(%s) = %d, %v", a.Name, len(hs), err)
		}
	}
}

// checkCurrentLayout checks that l is at SchemaVersion with exactly the
// buckets a new library has.
func checkCurrentLayout(t *testing.T, l *Library) {
	t.Helper()
	err := l.db.View(func(tx *bolt.Tx) error {
		v, err := readVersion(tx)
		if err != nil || v != SchemaVersion {
			return fmt.Errorf("schema %d, %v; want %d", v, err, SchemaVersion)
		}
		var have, want []string
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error { have = append(have, string(name)); return nil })
		for _, b := range currentBuckets() {
			want = append(want, string(b))
		}
		if !sameSet(have, want) {
			return fmt.Errorf("buckets %v, want %v", have, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func sameSet(a, b []string) bool {
	m := map[string]int{}
	for _, s := range a {
		m[s]++
	}
	for _, s := range b {
		m[s]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

// A migration stopped between its batches (a kill, a full disk) leaves a
// file that is still a valid library of the old schema, and the next open
// finishes the work.
func TestMigrationResumesAfterAnInterruptedBatch(t *testing.T) {
	f := newFixture(t)
	// More articles than one batch converts.
	for i := 0; i < textBatchArticles+500; i++ {
		f.articles[fmt.Sprintf("01BULK%020d", i)] = newArticle("", fmt.Sprintf("Bulk %d", i), fmt.Sprintf("Absatz %d über Nordkorea.", i))
	}
	p := filepath.Join(t.TempDir(), "library.db")
	writeSchemaFile(t, p, 2, f)
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var more bool
	if err := db.Update(func(tx *bolt.Tx) error { more, err = convertTexts(tx); return err }); err != nil || !more {
		t.Fatalf("first batch: more = %v, %v", more, err)
	}
	// The file is still schema 2 with all its texts.
	err = db.View(func(tx *bolt.Tx) error {
		if v, err := readVersion(tx); v != 2 || err != nil {
			return fmt.Errorf("schema %d, %v", v, err)
		}
		if n, m := tx.Bucket(bTexts).Stats().KeyN, tx.Bucket(bArticleText).Stats().KeyN; n != len(f.articles) || m != textBatchArticles {
			return fmt.Errorf("%d old texts, %d converted", n, m)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	openMigrated(t, p, f).Close()
}

// openMigrated opens (and so migrates) the library at p and checks that it
// holds f, its indexes are in step and its layout is today's.
func openMigrated(t *testing.T, p string, f fixtureLibrary) *Library {
	t.Helper()
	l, err := Open(p)
	if err != nil {
		t.Fatalf("the library does not open: %v", err)
	}
	checkFixture(t, l, f)
	checkIndexes(t, l)
	checkCurrentLayout(t, l)
	return l
}

// migrationChildEnv names the library the migration crash child opens.
const migrationChildEnv = "DRAMATIS_MIGRATION_CHILD_LIBRARY"

// TestMigrationCrashChild opens (and so migrates) the library it is given,
// then says so; the parent kills it at a random moment before or after.
func TestMigrationCrashChild(t *testing.T) {
	path := os.Getenv(migrationChildEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashDuringMigrationLosesNothing")
	}
	l, err := OpenWith(path, Options{StartBackup: func(string) {}})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	l.Close()
	fmt.Println("MIGRATED")
	time.Sleep(time.Hour)
}

// TestCrashDuringMigrationLosesNothing kills a process that is migrating a
// schema 2 library of 2,500 articles (three text batches, the backup made
// first) at random moments; after each kill the next open finishes the
// migration and the library holds everything it held before.
func TestCrashDuringMigrationLosesNothing(t *testing.T) {
	if os.Getenv(migrationChildEnv) != "" {
		t.Skip("in the child")
	}
	rounds := 10
	if testing.Short() || raceEnabled {
		rounds = 3
	}
	f := newFixture(t)
	for i := 0; i < 2*textBatchArticles+500; i++ {
		f.articles[fmt.Sprintf("01BULK%020d", i)] = newArticle("", fmt.Sprintf("Bulk %d", i), fmt.Sprintf("Absatz %d über Nordkorea.", i))
	}
	pristine := filepath.Join(t.TempDir(), "schema2.db")
	writeSchemaFile(t, pristine, 2, f)
	data, err := os.ReadFile(pristine)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	migrated := 0
	for round := 0; round < rounds; round++ {
		p := filepath.Join(t.TempDir(), "library.db")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		lines := runUntilKilled(t, migrationChildEnv, p, "^TestMigrationCrashChild$", time.Duration(50+rng.IntN(1500))*time.Millisecond)
		if slices.Contains(lines, "MIGRATED") {
			migrated++
		}
		openMigrated(t, p, f).Close()
	}
	t.Logf("%d SIGKILLs during or after migrating 2,500 articles (%d after it had finished): nothing lost", rounds, migrated)
}
