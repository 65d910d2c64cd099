package backup

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// The fixture's first article carries the reader's corrections (title,
// site, section, authors, date) and the page's own address. Imported
// into a new library they are kept as corrections, not just as metadata:
// importing the page again (from its own address, with its own title and
// site) finds the article and leaves what the reader set.
func TestCorrectionsSurviveARestoreAndAReimport(t *testing.T) {
	data, err := Encode(fixtureLibrary())
	if err != nil {
		t.Fatal(err)
	}
	l := openLibrary(t)
	if _, err := importInto(t, l, data); err != nil {
		t.Fatal(err)
	}
	const id = "01JART1000000000000000000A"
	a, _, err := l.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Corrected == nil || a.Corrected.Site == nil || *a.Corrected.Site != "Beispiel: Zeitung" || a.Corrected.PageURL != "https://example.com/amp/nordkorea" {
		t.Fatalf("corrections after the import: %+v", a.Corrected)
	}
	page := *a
	page.Corrected = nil
	page.Title, page.Site, page.Kicker, page.Authors = "Nordkorea | Beispiel", "beispiel.com", "", []string{"Redaktion"}
	page.URL = "https://example.com/amp/nordkorea"
	res, err := l.ImportArticle(&page)
	if err != nil || res.ID != id {
		t.Fatalf("re-import of the page: %+v, %v (want article %s)", res, err, id)
	}
	after, _, err := l.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if after.Title != a.Title || after.Site != "Beispiel: Zeitung" || after.Kicker != "Geopolitik" || strings.Join(after.Authors, ", ") != "Anna Müller, J. O'Brien" || !after.Published.Equal(a.Published) {
		t.Errorf("the page's metadata won over the reader's: %q · %q · %q · %q · %v", after.Title, after.Site, after.Kicker, after.Authors, after.Published)
	}
	if after.URL != a.URL {
		t.Errorf("the address was not corrected, so the page's %q may replace %q; got %q", page.URL, a.URL, after.URL)
	}
}

// A version 2 backup (written before corrections) reads and imports as
// it did; this build writes a newer version, which a version 2 build
// refuses (see TestReadRefuses "newer") rather than dropping the
// corrections.
func TestReadsVersion2(t *testing.T) {
	lib := fixtureLibrary()
	for i := range lib.Articles {
		lib.Articles[i].Corrected = nil
		lib.Articles[i].Source, lib.Articles[i].Updated = "", time.Time{}
	}
	data, _ := Encode(lib)
	v2 := strings.Replace(string(data), fmt.Sprintf(`"version": %d`, Version), `"version": 2`, 1)
	if strings.Contains(v2, "corrected") || !strings.Contains(v2, `"version": 2`) {
		t.Fatalf("not a version 2 backup:\n%.300s", v2)
	}
	c, err := Check(strings.NewReader(v2))
	if err != nil {
		t.Fatal(err)
	}
	l := openLibrary(t)
	if p, err := c.Import(l); err != nil || p.NewArticles != 2 {
		t.Fatalf("%v %+v", err, p)
	}
	a, _, err := l.Article("01JART1000000000000000000A")
	if err != nil || a.Corrected != nil {
		t.Fatalf("%v; corrections from nowhere: %+v", err, a.Corrected)
	}
}

// Corrections the library would refuse are refused with the file, before
// anything is written, so that an import cannot stop half-way.
func TestReadRefusesBadCorrections(t *testing.T) {
	good, _ := Encode(fixtureLibrary())
	g := string(good)
	for _, tt := range []struct{ name, in, msg string }{
		{"address not http", strings.Replace(g, `"url": "https://example.com/politik/nordkorea?id=1&x=2",
    "section"`, `"url": "javascript:alert(1)",
    "section"`, 1), "not an http(s) URL"},
		{"huge title", strings.Replace(g, `"section": "Geopolitik",`, `"section": "`+strings.Repeat("x", 1001)+`",`, 1), "longer than"},
		{"not an object", strings.Replace(g, `"corrected": {`, `"corrected": [], "x": {`, 1), "damaged"},
	} {
		if tt.in == g {
			t.Fatalf("%s: the replacement did not apply", tt.name)
		}
		_, err := Check(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want one line with %q", tt.name, err, tt.msg)
		}
	}
}

// Corrections are written in a fixed order and only the fields the reader
// set, so that the same library always backs up to the same bytes.
func TestCorrectionsAreWrittenAsSet(t *testing.T) {
	lib := fixtureLibrary()
	empty := ""
	lib.Articles[1].Corrected = &article.Corrections{Site: &empty}
	data, err := Encode(lib)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\"corrected\": {\n    \"site\": \"\"\n   },") {
		t.Errorf("a cleared site must be written as cleared:\n%s", data)
	}
}

// A library rebuilt by importing the pages again (no corrections, the
// page's own address and title) gets the reader's corrections back from
// a backup: the fields the library has not corrected itself take the
// backup's, the library's own correction wins, and the next re-import of
// the page keeps them. Importing the backup again adds nothing.
func TestBackupBringsCorrectionsToAnArticleTheLibraryHas(t *testing.T) {
	fixture := fixtureLibrary()
	data, _ := Encode(fixture)
	b := fixture.Articles[0]
	l := openLibrary(t)
	page := b.Article
	page.Corrected = nil
	page.Title, page.Site, page.Kicker, page.Authors, page.URL = "Nordkorea | Beispiel", "beispiel.com", "", nil, "https://example.com/amp/nordkorea"
	res, err := l.ImportArticle(&page)
	if err != nil {
		t.Fatal(err)
	}
	mine := "Mein Titel"
	if _, err := l.EditArticle(res.ID, storage.ArticleEdit{Title: &mine}); err != nil {
		t.Fatal(err)
	}
	p, err := importInto(t, l, data)
	if err != nil || p.SameArticles != 1 || p.CorrectedArticles != 1 || !strings.Contains(p.Summary(), "corrections for 1 article") {
		t.Fatalf("%v; %s", err, p.Summary())
	}
	check := func(when string) {
		t.Helper()
		a, _, err := l.Article(res.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != mine || a.Site != "Beispiel: Zeitung" || a.Kicker != "Geopolitik" || a.URL != b.URL || strings.Join(a.Authors, ", ") != "Anna Müller, J. O'Brien" || !a.Published.Equal(b.Published) {
			t.Errorf("%s: %q · %q · %q · %q · %q · %v", when, a.Title, a.Site, a.Kicker, a.URL, a.Authors, a.Published)
		}
	}
	check("after the backup")
	again := page
	if r, err := l.ImportArticle(&again); err != nil || r.ID != res.ID {
		t.Fatalf("re-import: %+v %v", r, err)
	}
	check("after importing the page again")
	if p, err := importInto(t, l, data); err != nil || p.CorrectedArticles != 0 {
		t.Errorf("the same backup again: %v; %s", err, p.Summary())
	}
}

// Backups of older versions (testdata/backup-v3.json and -v4.json are
// fixtures as those versions wrote them: v3 before articles carried their
// source and update time, v4 before the records of deletions) read as
// they did, and back up to the same articles in this version: nothing is
// invented for what they did not hold.
func TestReadsOlderVersions(t *testing.T) {
	for _, v := range []int{3, 4} {
		old, err := os.ReadFile(filepath.Join("testdata", fmt.Sprintf("backup-v%d.json", v)))
		if err != nil {
			t.Fatal(err)
		}
		lib, err := Read(bytes.NewReader(old))
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		again, err := Encode(lib)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Replace(string(old), fmt.Sprintf(`"version": %d`, v), fmt.Sprintf(`"version": %d`, Version), 1)
		want = strings.TrimSuffix(want, "\n}\n") + ",\n \"deleted\": []\n}\n"
		if string(again) != want {
			t.Errorf("a version %d backup reads differently:\n%s", v, again)
		}
	}
}

// TestSourceAndUpdatedSurviveALibrary: the fixture's sources (an address,
// and a Windows path, kept as written on any system) and update time go
// into a new library's records; that library's backup, imported into
// another new library, backs up to the same bytes; a source the library
// would refuse is refused with the file.
func TestSourceAndUpdatedSurviveALibrary(t *testing.T) {
	data, err := Encode(fixtureLibrary())
	if err != nil {
		t.Fatal(err)
	}
	var backups [2][]byte
	for i := range backups {
		l := openLibrary(t)
		if _, err := importInto(t, l, data); err != nil {
			t.Fatal(err)
		}
		infos, err := l.ArticleInfos([]string{"01JART1000000000000000000A", "01JART2000000000000000000A"})
		if err != nil {
			t.Fatal(err)
		}
		if infos[0].Source != "https://example.com/politik/nordkorea?id=1&x=2" || infos[0].Updated.IsZero() ||
			infos[1].Source != `C:\Users\anna\Downloads\Gipfel – Genf.html` || !infos[1].Updated.IsZero() {
			t.Fatalf("records: %+v", infos)
		}
		var b bytes.Buffer
		if err := Write(&b, storeSource{l}); err != nil {
			t.Fatal(err)
		}
		backups[i], data = b.Bytes(), b.Bytes()
	}
	if !bytes.Equal(backups[0], backups[1]) {
		t.Errorf("backup → library → backup changed the bytes:\n%s", backups[1])
	}
	bad := strings.Replace(string(data), `"source": "https://example.com`, `"source": "\u0000https://example.com`, 1)
	if _, err := Read(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "holds a NUL character") {
		t.Errorf("a source with a NUL: %v", err)
	}
}
