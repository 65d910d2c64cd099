package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Two articles of one site; its pages all name the home page as their
// canonical address.
var (
	homeCanonical = "https://example.org/"
	storyA        = []string{
		"Nordkorea hat in der Nacht erneut mehrere ballistische Raketen in Richtung Japanisches Meer abgefeuert.",
		"Machthaber Kim Jong Un sagte bei einer Parteiversammlung, man werde sich von niemandem einschüchtern lassen.",
		"Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.",
		"Die USA kritisierten das Vorgehen scharf und kündigten gemeinsame Manöver mit Südkorea an.",
	}
	storyB = []string{
		"Die Bundesregierung hat sich auf einen Haushalt für das kommende Jahr geeinigt.",
		"Der Finanzminister sprach von einem tragfähigen Kompromiss, die Opposition von Buchungstricks.",
		"Streit gab es bis zuletzt über die Förderung der Bahn und die Ausgaben für die Bundeswehr.",
	}
)

// importOK imports or fails the test.
func importOK(t *testing.T, l *Library, a *article.Article, opts ImportOptions) ImportResult {
	t.Helper()
	r, err := l.Import(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// snapshot is what the reader sees of an article: its text and metadata
// and its highlights.
type snapshot struct {
	article    *article.Article
	highlights []annotation.Highlight
}

func snap(t *testing.T, l *Library, id string) snapshot {
	t.Helper()
	a, _, err := l.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	hs, err := l.Highlights(id)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{a, hs}
}

// Data loss 10.1: a different page that names the same canonical address
// took over the article (title and text replaced, highlights moved onto
// the other text). It must become a new article and leave the first alone.
func TestCanonicalClaimDoesNotTakeOverAnArticle(t *testing.T) {
	l := newLibrary(t)
	a := newArticle(homeCanonical, "Raketen", storyA...)
	ra, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	highlight(t, l, ra.ID, a, "man werde sich von niemandem einschüchtern lassen")
	highlight(t, l, ra.ID, a, "verhinderten im Sicherheitsrat")
	before := snap(t, l, ra.ID)

	rb, err := l.ImportArticle(newArticle(homeCanonical, "Haushalt", storyB...))
	if err != nil {
		t.Fatal(err)
	}
	if rb.ID == ra.ID || rb.Outcome != ImportNew || rb.Updated {
		t.Fatalf("the second page updated the first article: %+v", rb)
	}
	if after := snap(t, l, ra.ID); !reflect.DeepEqual(after, before) {
		t.Fatalf("the first article changed:\nbefore %+v\nafter  %+v", before, after)
	}
	if rb.Lookalike != ra.ID || rb.LookalikeSimilarity >= sameArticleSimilarity || !strings.Contains(rb.Summary(), "new (the page names the address of article "+ra.ID) {
		t.Fatalf("result does not say which article the page claimed to be: %+v, %q", rb, rb.Summary())
	}
	if b, _, _ := l.Article(rb.ID); b.Title != "Haushalt" {
		t.Fatalf("new article = %+v", b)
	}
	// Saved files that carry the link, and a web page fetched from its own
	// address, are no different.
	rc := importOK(t, l, newArticle(homeCanonical, "Haushalt 2", storyB[1:]...), ImportOptions{Source: "/tmp/saved/page.html"})
	rd := importOK(t, l, newArticle(homeCanonical, "Startseite", "Willkommen auf der Startseite mit den Nachrichten des Tages."), ImportOptions{Source: homeCanonical})
	if rc.ID != rb.ID || rc.Outcome != ImportUpdated || rd.Outcome != ImportNew {
		t.Fatalf("file import = %+v (want an update of %s: similar text), home page = %+v (want new)", rc, rb.ID, rd)
	}
	if after := snap(t, l, ra.ID); !reflect.DeepEqual(after, before) {
		t.Fatal("the first article changed")
	}
	checkIndexes(t, l)
}

// The same article, recognised: the same web address whatever the text
// says, a canonical match with similar text, the same text pasted without
// an address; and the outcome says which.
func TestReimportRecognisesTheSameArticle(t *testing.T) {
	l := newLibrary(t)
	const addr = "https://example.org/nk/raketen"
	a := newArticle(addr, "Raketen", storyA...)
	r := importOK(t, l, a, ImportOptions{Source: "HTTPS://Example.org/nk/raketen#top"})
	kim := highlight(t, l, r.ID, a, "man werde sich von niemandem einschüchtern lassen")

	cases := []struct {
		name      string
		article   *article.Article
		opts      ImportOptions
		outcome   ImportOutcome
		matchedBy string
		summary   string
	}{
		{"same page again", newArticle(addr, "Raketen", storyA...), ImportOptions{Source: addr}, ImportUnchanged, MatchAddress, "unchanged"},
		{"a correction, same address", newArticle(addr, "Raketen", append([]string{"Eilmeldung aus Seoul."}, storyA...)...),
			ImportOptions{Source: addr}, ImportUpdated, MatchAddress, "updated: 1 highlight moved (the previous version is kept as version 1)"},
		{"saved file with the canonical link", newArticle(addr, "Raketen (Datei)", storyA...),
			ImportOptions{Source: "/home/leser/raketen.html"}, ImportUpdated, MatchCanonical, "updated: 1 highlight moved (the previous version is kept as version 2)"},
		{"text copied from the browser", newArticle("", "Kopie", storyA...), ImportOptions{}, ImportUpdated, MatchText, "updated: title and details only (the previous version is kept as version 3)"},
	}
	for _, tc := range cases {
		got := importOK(t, l, tc.article, tc.opts)
		if got.ID != r.ID || got.Outcome != tc.outcome || got.MatchedBy != tc.matchedBy || got.Summary() != tc.summary {
			t.Fatalf("%s: %+v (%q); want %v by %s, %q", tc.name, got, got.Summary(), tc.outcome, tc.matchedBy, tc.summary)
		}
	}
	if h, _ := l.Highlight(kim.ID); h.Orphaned != "" || h.Quote.Exact != kim.Quote.Exact {
		t.Fatalf("highlight after the updates: %+v", h)
	}
	if _, info, _ := l.Article(r.ID); info.URL != addr {
		t.Fatalf("the pasted copy made the article forget its address: %+v", info)
	}
	// The same text under two different addresses (a syndicated story) is
	// two articles.
	other := importOK(t, l, newArticle("https://other.example/story", "Raketen", storyA...), ImportOptions{Source: "https://other.example/story"})
	if other.Outcome != ImportNew {
		t.Fatalf("syndicated copy = %+v", other)
	}
	checkIndexes(t, l)
}

// paywalled is storyA's page after it went behind a paywall: its lead and
// the publisher's pitch.
func paywalled() *article.Article {
	return newArticle("https://example.org/nk", "Raketen", storyA[0],
		"Lesen Sie weiter mit einem Abonnement: alle Artikel, jederzeit kündbar.")
}

// Data loss 10.2: a re-import that orphans most highlights replaced the
// text anyway (8 of 8 highlights orphaned, the text gone). Without force
// it must change nothing; forced, the old text is kept as a version that
// restores with every highlight in place.
func TestReimportThatOrphansMostHighlightsIsRefused(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/nk", "Raketen", storyA...)
	r, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"Kim Jong Un", "niemandem einschüchtern", "Russland und China", "Sicherheitsrat", "neue Sanktionen", "Die USA", "gemeinsame Manöver", "Südkorea"} {
		highlight(t, l, r.ID, a, p)
	}
	before := snap(t, l, r.ID)

	_, err = l.ImportArticle(paywalled())
	var oe *OrphanError
	if !errors.Is(err, ErrWouldOrphan) || !errors.As(err, &oe) || oe.Orphaned != 8 || oe.Anchored != 8 {
		t.Fatalf("re-import behind a paywall = %v, want ErrWouldOrphan (8 of 8)", err)
	}
	if !strings.Contains(err.Error(), "would orphan 8 of the 8 highlights") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("error says %q", err)
	}
	if after := snap(t, l, r.ID); !reflect.DeepEqual(after, before) {
		t.Fatal("a refused re-import changed the article")
	}
	if vs, _ := l.Versions(r.ID); len(vs) != 1 {
		t.Fatalf("a refused re-import made a version: %+v", vs)
	}

	forced := importOK(t, l, paywalled(), ImportOptions{Source: "https://example.org/nk", Force: true})
	if forced.Outcome != ImportUpdated || forced.NewlyOrphaned != 8 || forced.Saved != 1 || forced.Version != 2 {
		t.Fatalf("forced re-import = %+v", forced)
	}
	vs, err := l.Versions(r.ID)
	if err != nil || len(vs) != 2 || !vs[0].Current || vs[0].Number != 2 || vs[1].Number != 1 || vs[1].Reason != "re-imported" {
		t.Fatalf("versions = %+v, %v", vs, err)
	}
	old, _, err := l.VersionArticle(r.ID, 1)
	if err != nil || !reflect.DeepEqual(old, before.article) {
		t.Fatalf("version 1 = %+v, %v; want the text before", old, err)
	}

	restored, err := l.RestoreVersion(r.ID, 1, false)
	if err != nil || restored.Recovered != 8 || restored.Orphaned != 0 || restored.Version != 3 || restored.Saved != 2 {
		t.Fatalf("restore = %+v, %v", restored, err)
	}
	after := snap(t, l, r.ID)
	if !reflect.DeepEqual(after.article, before.article) {
		t.Fatalf("restored text = %+v", after.article)
	}
	for i, h := range after.highlights {
		w := before.highlights[i]
		if h.ID != w.ID || h.Start != w.Start || h.End != w.End || h.Quote != w.Quote || h.Orphaned != "" {
			t.Fatalf("restored highlight %+v, want %+v", h, w)
		}
	}
	checkIndexes(t, l)
}

// Restoring is guarded like a re-import: going back to a text that lacks
// most passages highlighted since asks for force.
func TestRestoreThatOrphansMostHighlightsIsRefused(t *testing.T) {
	l := newLibrary(t)
	r := importOK(t, l, paywalled(), ImportOptions{Source: "https://example.org/nk"})
	full := newArticle("https://example.org/nk", "Raketen", storyA...)
	if up := importOK(t, l, full, ImportOptions{Source: "https://example.org/nk"}); up.Version != 2 {
		t.Fatalf("update = %+v", up)
	}
	highlight(t, l, r.ID, full, "Kim Jong Un")
	highlight(t, l, r.ID, full, "Sicherheitsrat")
	preview, err := l.PreviewRestore(r.ID, 1)
	if err != nil || preview.NewlyOrphaned != 2 {
		t.Fatalf("preview = %+v, %v", preview, err)
	}
	if _, err := l.RestoreVersion(r.ID, 1, false); !errors.Is(err, ErrWouldOrphan) || !strings.Contains(err.Error(), "restoring version 1 would orphan 2 of the 2") {
		t.Fatalf("restore = %v", err)
	}
	if vs, _ := l.Versions(r.ID); len(vs) != 2 {
		t.Fatalf("a refused restore made a version: %+v", vs)
	}
	if _, err := l.RestoreVersion(r.ID, 2, false); !errors.Is(err, ErrInvalid) {
		t.Fatalf("restoring the current version = %v", err)
	}
	if _, err := l.RestoreVersion(r.ID, 7, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restoring a missing version = %v", err)
	}
	if res, err := l.RestoreVersion(r.ID, 1, true); err != nil || res.NewlyOrphaned != 2 {
		t.Fatalf("forced restore = %+v, %v", res, err)
	}
	checkIndexes(t, l)
}

// A re-import orphaning half or fewer of the highlights goes through: a
// rewritten paragraph is what corrections do.
func TestReimportOrphaningAFewGoesThrough(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/nk", "Raketen", storyA...)
	r := importOK(t, l, a, ImportOptions{Source: "https://example.org/nk"})
	highlight(t, l, r.ID, a, "Kim Jong Un")
	highlight(t, l, r.ID, a, "Die USA kritisierten")
	edited := newArticle("https://example.org/nk", "Raketen", storyA[0], storyA[1], storyA[2], "Washington äußerte sich zunächst nicht.")
	got := importOK(t, l, edited, ImportOptions{Source: "https://example.org/nk"})
	if got.Outcome != ImportUpdated || got.NewlyOrphaned != 1 || got.Summary() != "updated: 1 orphaned (the previous version is kept as version 1)" {
		t.Fatalf("re-import = %+v %q", got, got.Summary())
	}
}

// Versions keep text and metadata; the oldest go past keepVersions; a
// version that only changed metadata shares its text with the next; all
// stay readable; deleting the article deletes them.
func TestVersionHistory(t *testing.T) {
	l := newLibrary(t)
	const addr = "https://example.org/ticker"
	var texts []*article.Article
	var id string
	for i := 0; i < keepVersions+4; i++ {
		paragraphs := append([]string(nil), storyA...)
		for k := 0; k < i/2; k++ { // every other version changes only the title
			paragraphs = append(paragraphs, strings.Repeat("Neue Meldung ", k+1)+"aus Seoul.")
		}
		a := newArticle(addr, "Ticker "+string(rune('A'+i)), paragraphs...)
		texts = append(texts, a)
		r := importOK(t, l, a, ImportOptions{Source: addr})
		if id == "" {
			id = r.ID
		}
		if r.ID != id || r.Version != i+1 {
			t.Fatalf("import %d = %+v", i, r)
		}
	}
	vs, err := l.Versions(id)
	if err != nil || len(vs) != keepVersions+1 {
		t.Fatalf("%d versions, %v; want the current and %d kept", len(vs), err, keepVersions)
	}
	for _, v := range vs {
		a, got, err := l.VersionArticle(id, v.Number)
		if err != nil || got.Number != v.Number || !reflect.DeepEqual(a, texts[v.Number-1]) {
			t.Fatalf("version %d = %+v (%+v), %v; want %+v", v.Number, a, got, err, texts[v.Number-1])
		}
	}
	if _, _, err := l.VersionArticle(id, 1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("pruned version 1: %v", err)
	}
	checkIndexes(t, l)
	if err := l.DeleteArticle(id); err != nil {
		t.Fatal(err)
	}
	checkIndexes(t, l)
}

// A backup import (PutArticle) that replaces an article's text keeps the
// text it replaces as a version too.
func TestPutArticleKeepsTheReplacedText(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/nk", "Raketen", storyA...)
	r := importOK(t, l, a, ImportOptions{})
	if err := l.PutArticle(r.ID, newArticle("https://example.org/nk", "Anders", storyB...), addedOf(t, l, r.ID)); err != nil {
		t.Fatal(err)
	}
	old, _, err := l.VersionArticle(r.ID, 1)
	if err != nil || !reflect.DeepEqual(old, a) {
		t.Fatalf("version 1 = %+v, %v", old, err)
	}
	checkIndexes(t, l)
}

func addedOf(t *testing.T, l *Library, id string) time.Time {
	_, info, err := l.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	return info.Added
}

// A backup's article is matched to the library's like an import: an id,
// or a URL with the same text, or the same text; a URL alone (the site's
// catch-all canonical) is not the same article.
func TestMatchArticleNeedsMoreThanAURL(t *testing.T) {
	l := newLibrary(t)
	a := newArticle(homeCanonical, "Raketen", storyA...)
	r := importOK(t, l, a, ImportOptions{})
	b := newArticle(homeCanonical, "Haushalt", storyB...)
	for _, tc := range []struct{ id, url, hash, want string }{
		{r.ID, homeCanonical, b.TextHash(), r.ID},
		{"OTHER", homeCanonical, a.TextHash(), r.ID},
		{"OTHER", homeCanonical, b.TextHash(), ""},
		{"OTHER", "https://elsewhere.example/", a.TextHash(), r.ID},
	} {
		if got, hash, err := l.MatchArticle(tc.id, tc.url, tc.hash); got != tc.want || err != nil || (got != "" && hash != a.TextHash()) {
			t.Errorf("MatchArticle(%q, %q, %q) = %q, %q, %v; want %q", tc.id, tc.url, tc.hash, got, hash, err, tc.want)
		}
	}
}
