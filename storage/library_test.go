package storage

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// newLibrary opens a fresh library in a temporary folder.
func newLibrary(t testing.TB) *Library {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// newArticle makes an article from paragraphs.
func newArticle(url, title string, paragraphs ...string) *article.Article {
	a := &article.Article{Title: title, URL: url, Site: "Beispiel", Lang: "de"}
	for _, p := range paragraphs {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	a.Normalize()
	return a
}

var sampleParagraphs = []string{
	"Nordkorea hat erneut Raketen getestet.",
	"Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.",
	"Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.",
	"Die USA kritisierten das Vorgehen scharf.",
}

// span returns the code point range of the first occurrence of s in a.
func span(t testing.TB, a *article.Article, s string) (int, int) {
	t.Helper()
	text := a.Text()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the article", s)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(s))
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenCreatesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "er", "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.ImportArticle(newArticle("https://example.org/a", "A", sampleParagraphs...))
	if err != nil {
		t.Fatal(err)
	}
	if l.Path() != path {
		t.Fatalf("Path() = %q", l.Path())
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a, info, err := l.Article(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "A" || info.URL != "https://example.org/a" || len(a.Blocks) != 4 {
		t.Fatalf("reopened article = %+v / %+v", a, info)
	}
}

func TestSecondOpenIsInUse(t *testing.T) {
	l := newLibrary(t)
	began := time.Now()
	_, err := Open(l.Path())
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), "library is in use by another Dramatis process") {
		t.Fatalf("message %q", err)
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Fatalf("second Open took %v", d)
	}
	// Restore must not replace a library in use either.
	other := filepath.Join(t.TempDir(), "b.db")
	if err := l.Backup(other); err != nil {
		t.Fatal(err)
	}
	if err := Restore(l.Path(), other); !errors.Is(err, ErrInUse) {
		t.Fatalf("Restore on an open library: %v", err)
	}
}

func TestDamagedFilesAreRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	l, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		if _, err := l.ImportArticle(newArticle(fmt.Sprintf("https://example.org/%d", i), "T", sampleParagraphs...)); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	scribbled := append([]byte(nil), data...)
	root := rootPageOffset(t, good)
	for i := root; i < root+4096 && i < int64(len(scribbled)); i++ {
		scribbled[i] = byte(i * 7)
	}
	cases := map[string][]byte{
		"text file":        []byte("Dies ist keine Bibliothek.\n"),
		"truncated":        data[:len(data)/3],
		"half a page":      data[:2048],
		"scribbled page":   scribbled,
		"zeroed meta page": append(make([]byte, 8192), data[8192:]...),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".db")
			if err := os.WriteFile(p, content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, p)
			l, err := Open(p)
			if err == nil {
				l.Close()
				t.Fatal("a damaged file opened")
			}
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("error %v, want ErrDamaged", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one line: %q", err)
			}
			if fileHash(t, p) != before {
				t.Fatal("the damaged file was written to")
			}
			if _, err := os.Stat(BackupDir(p)); err == nil {
				if bs, _ := backups(p); len(bs) > 0 {
					t.Fatalf("a backup was made of a damaged file: %v", bs)
				}
			}
		})
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return putVersion(tx, SchemaVersion+1) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, p)
	_, err = Open(p)
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("Open: %v, want ErrTooNew", err)
	}
	if fileHash(t, p) != before {
		t.Fatal("a newer library was written to")
	}
}

func TestForeignBoltFileIsRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("logs")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(p); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "not a Dramatis library") {
		t.Fatalf("Open: %v", err)
	}
}

// TestMigrationFromSchema1 builds a schema 1 file by hand (no highlight id
// or actor index) and checks that opening it builds the indexes, records
// the new version and keeps a backup of the old file.
func TestMigrationFromSchema1(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := newArticle("https://example.org/old", "Alt", sampleParagraphs...)
	const artID, actID, hlA, hlB = "01ARTICLE0000000000000000A", "01ACTOR000000000000000000A", "01HL00000000000000000000A1", "01HL00000000000000000000B2"
	s, e := span(t, a, "Kim Jong Un")
	added := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	err = db.Update(func(tx *bolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		if err := putVersion(tx, 1); err != nil {
			return err
		}
		put := func(bucket []byte, k string, v any) {
			b, _ := encode(v)
			if err := tx.Bucket(bucket).Put([]byte(k), b); err != nil {
				t.Fatal(err)
			}
		}
		put(bArticles, artID, recordOf(artID, a, added))
		put(bTexts, artID, a.Blocks)
		tx.Bucket(bURLIndex).Put([]byte(a.URL), []byte(artID))
		put(bActors, actID, annotation.Actor{ID: actID, Name: "Kim Jong Un", Kind: annotation.KindPerson})
		tx.Bucket(bActorNames).Put([]byte(annotation.NameKey("Kim Jong Un")), []byte(actID))
		r := []rune(a.Text())
		for _, h := range []annotation.Highlight{
			{ID: hlA, ArticleID: artID, Start: s, End: e, Quote: annotation.QuoteAt(r, s, e),
				Actors: []annotation.ActorRef{{ActorID: actID, Role: annotation.RoleSpeaker}}},
			{ID: hlB, ArticleID: artID, Start: 0, End: 9, Quote: annotation.QuoteAt(r, 0, 9)},
		} {
			b, _ := encode(h)
			if err := tx.Bucket(bHighlights).Put(highlightKey(h), b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	hs, err := l.ActorHighlights(actID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].ID != hlA {
		t.Fatalf("ActorHighlights after migration = %+v", hs)
	}
	if h, err := l.Highlight(hlB); err != nil || h.Start != 0 {
		t.Fatalf("Highlight(hlB) = %+v, %v", h, err)
	}
	var v int
	l.db.View(func(tx *bolt.Tx) error { v, err = readVersion(tx); return err })
	if v != SchemaVersion {
		t.Fatalf("schema after migration = %d", v)
	}
	bs, _ := backups(p)
	if len(bs) != 1 || !strings.Contains(bs[0], "-schema1") {
		t.Fatalf("backups = %v, want one of the schema 1 file", bs)
	}
	if rep, err := checkPath(bs[0]); err != nil || rep.Err() != nil || rep.Version != 1 {
		t.Fatalf("pre-migration backup: %+v, %v", rep, err)
	}
	checkIndexes(t, l)
}

// checkIndexes verifies that every index agrees with the data it indexes:
// highlight ids ↔ highlight keys, actor index ↔ highlights' actors, URL
// and hash index → articles, names ↔ actors, every highlight's article
// and actors exist; and the search index says what the library holds.
func checkIndexes(t *testing.T, l *Library) {
	t.Helper()
	checkSearchIndex(t, l)
	err := l.db.View(func(tx *bolt.Tx) error {
		wantIDs := map[string]string{}
		wantActor := map[string]bool{}
		err := tx.Bucket(bHighlights).ForEach(func(k, v []byte) error {
			h, err := decodeHighlight(k, v)
			if err != nil {
				return err
			}
			if !bytes.Equal(k, highlightKey(h)) {
				return fmt.Errorf("highlight %s stored under a stale key", h.ID)
			}
			if tx.Bucket(bArticles).Get([]byte(h.ArticleID)) == nil {
				return fmt.Errorf("highlight %s of missing article %s", h.ID, h.ArticleID)
			}
			wantIDs[h.ID] = string(k)
			for _, r := range h.Actors {
				if tx.Bucket(bActors).Get([]byte(r.ActorID)) == nil {
					return fmt.Errorf("highlight %s names missing actor %s", h.ID, r.ActorID)
				}
				wantActor[string(actorIndexKey(r.ActorID, h.ID))] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
		n := 0
		err = tx.Bucket(bHighlightID).ForEach(func(k, v []byte) error {
			n++
			if wantIDs[string(k)] != string(v) {
				return fmt.Errorf("id index entry %s is stale", k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n != len(wantIDs) {
			return fmt.Errorf("id index has %d entries for %d highlights", n, len(wantIDs))
		}
		n = 0
		err = tx.Bucket(bActorIndex).ForEach(func(k, _ []byte) error {
			n++
			if !wantActor[string(k)] {
				return fmt.Errorf("actor index entry %q is stale", k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n != len(wantActor) {
			return fmt.Errorf("actor index has %d entries, want %d", n, len(wantActor))
		}
		if err := checkArticleIndexes(tx); err != nil {
			return err
		}
		names := 0
		err = tx.Bucket(bActors).ForEach(func(k, v []byte) error {
			a, _ := decodeActor(v)
			names++
			if string(tx.Bucket(bActorNames).Get([]byte(annotation.NameKey(a.Name)))) != a.ID {
				return fmt.Errorf("actor %q missing from the name index", a.Name)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if got := tx.Bucket(bActorNames).Stats().KeyN; got != names {
			return fmt.Errorf("name index has %d entries for %d actors", got, names)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("indexes out of step: %v", err)
	}
	checkTopicIndexes(t, l)
}

func TestPreferences(t *testing.T) {
	l := newLibrary(t)
	if v, err := l.GetPreference("text-size"); err != nil || v != nil {
		t.Fatalf("unset preference = %q, %v", v, err)
	}
	if err := l.SetPreference("text-size", []byte("18")); err != nil {
		t.Fatal(err)
	}
	if v, _ := l.GetPreference("text-size"); string(v) != "18" {
		t.Fatalf("preference = %q", v)
	}
	if err := l.SetPreference("text-size", nil); err != nil {
		t.Fatal(err)
	}
	if v, _ := l.GetPreference("text-size"); v != nil {
		t.Fatalf("deleted preference = %q", v)
	}
	if err := l.SetPreference("", []byte("x")); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty key: %v", err)
	}
}

func TestAutomaticBackups(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if l, err = Open(p); err != nil {
		t.Fatal(err)
	}
	if _, err := l.LatestBackup(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a new library that holds nothing has a backup: %v", err)
	}
	res, _ := l.ImportArticle(newArticle("https://example.org/b", "B", sampleParagraphs...))
	l.Close()
	for i := 0; i < 3; i++ { // opened three times today: one backup
		if l, err = Open(p); err != nil {
			t.Fatal(err)
		}
		l.Close() // waits for the backup made in the background
	}
	bs, _ := backups(p)
	if len(bs) != 1 {
		t.Fatalf("backups after three opens in a day: %v", bs)
	}
	// The backup is a library holding the article.
	b, err := OpenWith(bs[0], Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Article(res.ID); err != nil {
		t.Fatalf("backup lacks the article: %v", err)
	}
	b.Close()

	// Ten days, each with a change: a week of backups is kept.
	day := time.Date(2030, 1, 1, 9, 0, 0, 0, time.Local)
	for i := 0; i < 10; i++ {
		d := day.AddDate(0, 0, i)
		l, err := OpenWith(p, Options{now: func() time.Time { return d }})
		if err != nil {
			t.Fatal(err)
		}
		addActor(t, l, fmt.Sprintf("Akteur %d", i))
		l.Close()
	}
	// Each backup holds the library as it was opened, so the next day
	// backs up the last day's change; a day after that, with nothing
	// changed, makes no backup.
	for _, later := range []int{20, 21} {
		d := day.AddDate(0, 0, later)
		l, err = OpenWith(p, Options{now: func() time.Time { return d }})
		if err != nil {
			t.Fatal(err)
		}
		l.Close()
	}
	bs, _ = backups(p)
	if len(bs) != keepBackups {
		t.Fatalf("%d backups kept, want %d: %v", len(bs), keepBackups, bs)
	}
	latest, err := LatestBackup(p)
	if err != nil || !strings.HasSuffix(latest, "library-2030-01-21.db") {
		t.Fatalf("LatestBackup = %q, %v", latest, err)
	}
}

func TestRestoreRefusesBadBackupsAndKeepsTheLibrary(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "library.db")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := l.ImportArticle(newArticle("https://example.org/r", "R", sampleParagraphs...))
	good := filepath.Join(dir, "good.db")
	if err := l.Backup(good); err != nil {
		t.Fatal(err)
	}
	if err := l.Backup(p); !errors.Is(err, ErrInvalid) {
		t.Fatalf("backup onto itself: %v", err)
	}
	l.DeleteArticle(res.ID)
	l.Close()
	before := fileHash(t, p)
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("kein bbolt"), 0o600)
	for _, bad := range []string{junk, filepath.Join(dir, "missing.db"), p} {
		if err := Restore(p, bad); err == nil {
			t.Fatalf("Restore(%s) succeeded", bad)
		}
		if fileHash(t, p) != before {
			t.Fatalf("a refused restore from %s changed the library", bad)
		}
	}
	if err := Restore(p, good); err != nil {
		t.Fatal(err)
	}
	l, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, _, err := l.Article(res.ID); err != nil {
		t.Fatalf("restored library lacks the article: %v", err)
	}
	checkIndexes(t, l)
}

// The way back from a damaged library is the whole point of backups:
// Restore must work over a file bbolt cannot even open, keep its bytes in
// backups/, and LatestBackup (which needs no open library) must never
// offer that kept copy.
func TestRestoreOverDamagedLibrary(t *testing.T) {
	// zero overwrites 8 KiB of the file at off with zero bytes.
	zero := func(off int64) func(p string) error {
		return func(p string) error {
			if off < 0 {
				off = rootPageOffset(t, p)
			}
			f, err := os.OpenFile(p, os.O_RDWR, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteAt(make([]byte, 8192), off)
			return errors.Join(err, f.Close())
		}
	}
	damage := map[string]func(p string) error{
		"zeroed header": zero(0),
		"truncated":     func(p string) error { return os.Truncate(p, 6000) },
		"random bytes":  func(p string) error { return os.WriteFile(p, bytes.Repeat([]byte("\x13\x37"), 3000), 0o600) },
		"damaged pages": zero(-1), // the root page, which every read needs
	}
	for name, hurt := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "library.db")
			l, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			res, _ := l.ImportArticle(newArticle("https://example.org/d", "D", sampleParagraphs...))
			l.Close()
			// Opening again makes the day's automatic backup.
			if l, err = Open(p); err != nil {
				t.Fatal(err)
			}
			l.Close()
			if err := hurt(p); err != nil {
				t.Fatal(err)
			}
			if _, err := Open(p); !errors.Is(err, ErrDamaged) {
				t.Fatalf("the hurt library opens: %v", err)
			}
			damaged := fileHash(t, p)
			backup, err := LatestBackup(p)
			if err != nil {
				t.Fatalf("LatestBackup of a damaged library: %v", err)
			}
			if err := Restore(p, backup); err != nil {
				t.Fatalf("Restore over a %s library: %v", name, err)
			}
			l, err = Open(p)
			if err != nil {
				t.Fatalf("the restored library does not open: %v", err)
			}
			defer l.Close()
			if _, _, err := l.Article(res.ID); err != nil {
				t.Errorf("the restored library lacks the article: %v", err)
			}
			kept, _ := filepath.Glob(filepath.Join(BackupDir(p), "library-*-before-restore-*-damaged.db"))
			if len(kept) != 1 || fileHash(t, kept[0]) != damaged {
				t.Errorf("the damaged file is not kept byte for byte in backups/: %v", kept)
			}
			if latest, err := LatestBackup(p); err != nil || latest != backup {
				t.Errorf("LatestBackup after the restore = %q, %v; want the automatic backup %q", latest, err, backup)
			}
		})
	}
}

func TestFailedDailyBackupDoesNotLockTheReaderOut(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "library.db")
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	addActor(t, l, "China")
	l.Close()
	// A file where the backups folder should be makes every backup fail.
	if err := os.WriteFile(BackupDir(p), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	var told []error
	l, err = OpenWith(p, Options{OnProblem: func(err error) { told = append(told, err) }})
	if err != nil {
		t.Fatalf("Open with a failing backup: %v", err)
	}
	if _, err := l.AddActor(annotation.Actor{Name: "Russland"}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if len(told) != 1 {
		t.Fatalf("the failed backup was told %d times: %v", len(told), told)
	}
	// Told once: the same problem the same day stays quiet, in the
	// window and in a command.
	told = nil
	l, err = OpenWith(p, Options{OnProblem: func(err error) { told = append(told, err) }})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if len(told) != 0 || l.BackupProblem() != nil {
		t.Fatalf("told again: %v, %v", told, l.BackupProblem())
	}
}

// A backup made by another process (the command line's) that fails is
// said by the next Open, once.
func TestBackupProblemOfAnotherProcessIsToldOnce(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	addActor(t, l, "China")
	l.Close()
	if err := os.WriteFile(BackupDir(p), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	made, err := MakeDailyBackup(p)
	if made || err == nil {
		t.Fatalf("MakeDailyBackup = %v, %v; want a failure", made, err)
	}
	for i, want := range []bool{true, false} {
		l, err := OpenWith(p, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		if got := l.BackupProblem() != nil; got != want {
			t.Errorf("open %d: problem told = %v (%v), want %v", i, got, l.BackupProblem(), want)
		}
		l.Close()
	}
}

// rootPageOffset is where the page of the library's root bucket starts:
// a page in use whatever else the file holds, so damage to it is damage.
func rootPageOffset(t *testing.T, p string) int64 {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	return int64(pf.meta.root) * int64(pf.meta.pageSize)
}

// A backup of an older schema is upgraded on its copy, and the copy read
// whole, before it replaces the library: the library at the path is of
// this build's schema the moment the restore returns. An old backup with a
// text record that neither reads nor converts is refused (by the check
// before the copy) and leaves the library as it was.
func TestRestoreMigratesTheCopyFirst(t *testing.T) {
	dir := t.TempDir()
	p, _ := libraryWithHighlight(t, filepath.Join(dir, "lib"))
	old := filepath.Join(dir, "old.db")
	a := newArticle("https://example.org/old", "Alt", sampleParagraphs...)
	const artID = "01ARTICLE0000000000000000A"
	writeSchema1 := func(path string, text []byte) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		err = db.Update(func(tx *bolt.Tx) error {
			if err := createBuckets(tx); err != nil {
				return err
			}
			if err := putVersion(tx, 1); err != nil {
				return err
			}
			rec, _ := encode(recordOf(artID, a, time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)))
			tx.Bucket(bArticles).Put([]byte(artID), rec)
			tx.Bucket(bURLIndex).Put([]byte(a.URL), []byte(artID))
			return tx.Bucket(bTexts).Put([]byte(artID), text)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	blocks, _ := encode(a.Blocks)
	writeSchema1(old, blocks)
	if err := Restore(p, old); err != nil {
		t.Fatalf("restoring a schema 1 backup: %v", err)
	}
	if rep, err := checkPath(p); err != nil || rep.Err() != nil || rep.Version != SchemaVersion {
		t.Fatalf("the restored library: schema %d, %v, %v; want schema %d, whole", rep.Version, err, rep.Err(), SchemaVersion)
	}
	before := fileHash(t, p)
	broken := filepath.Join(dir, "broken.db")
	writeSchema1(broken, []byte(`{"not":"blocks"}`))
	if err := Restore(p, broken); err == nil {
		t.Fatal("a backup whose upgrade fails was restored")
	}
	if fileHash(t, p) != before {
		t.Fatal("a refused restore changed the library")
	}
}
