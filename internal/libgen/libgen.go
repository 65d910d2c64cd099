// Package libgen builds Dramatis libraries of any size from the corpus
// pages, deterministically, for the scale benchmarks (issue 13) and for
// timing the real window on a large library. The same options give the
// same articles, ids, highlights and actors on every run.
//
// Articles are the corpus pages cleaned by the real cleaner, each padded
// with paragraphs of the following pages to about Options.TextBytes and
// ended by a paragraph that makes its text unique; every article gets
// Options.Highlights highlights tagged with one or two of a fixed set of
// actors. Everything is written through storage.PutBatch, many articles
// per transaction, so a 50,000-article library takes a minute, not the
// hours one fsynced import per article would.
package libgen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// Options say what library Build makes. The zero value of each field takes
// the default given with it.
type Options struct {
	// Articles is how many articles the library holds.
	Articles int
	// Highlights is how many highlights each article gets (default 3, the
	// figure issue 13's measurements used; -1 for none).
	Highlights int
	// TextBytes is the text size an article is padded to (default 12 KB,
	// the size of a typical news article in the corpus measurements).
	TextBytes int
	// Seed varies ids and highlight positions (default 1).
	Seed uint64
	// Corpus lists folders of pages (<dir>/<page>/source.html); the default
	// is the shared corpus found from the working directory upwards.
	Corpus []string
	// Pages, when set, are the cleaned pages to use instead of cleaning
	// the corpus again (cleaning all of it takes seconds; see Pages).
	Pages []*article.Article
}

// batchArticles is how many articles go into one transaction: large enough
// that fsyncs do not dominate, small enough that a transaction's dirty
// pages stay a few tens of MB.
const batchArticles = 500

// minPageText drops corpus pages whose cleaned text is too short to be an
// article (error pages, stubs).
const minPageText = 500

// Stats describe a built library.
type Stats struct {
	Path       string
	Articles   int
	Highlights int
	Actors     int
	TextBytes  int64 // all article texts together
	FileBytes  int64
	Took       time.Duration
}

func (s Stats) String() string {
	return fmt.Sprintf("%s: %d articles, %d highlights, %d actors, %.1f MB text, %.1f MB file, built in %s",
		s.Path, s.Articles, s.Highlights, s.Actors, float64(s.TextBytes)/1e6, float64(s.FileBytes)/1e6, s.Took.Round(time.Millisecond))
}

func (o *Options) defaults() error {
	if o.Articles < 0 {
		return fmt.Errorf("libgen: %d articles", o.Articles)
	}
	if o.Highlights == 0 {
		o.Highlights = 3
	}
	if o.Highlights < 0 {
		o.Highlights = 0
	}
	if o.TextBytes == 0 {
		o.TextBytes = 12 << 10
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if len(o.Corpus) == 0 && len(o.Pages) == 0 {
		dirs, err := FindCorpus()
		if err != nil {
			return err
		}
		o.Corpus = dirs
	}
	return nil
}

// ErrNoCorpus is returned when the shared corpus cannot be found; tests
// skip on it.
var ErrNoCorpus = errors.New("libgen: the shared corpus (../shared/corpus) is not here")

// FindCorpus looks for shared/corpus/{readability,trafilatura-dev} next to
// the working directory or one of its parents (tests run in a package
// folder, the tool from the repository root).
func FindCorpus() ([]string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	for {
		base := filepath.Join(dir, "..", "shared", "corpus")
		var found []string
		for _, name := range []string{"readability", "trafilatura-dev"} {
			if st, err := os.Stat(filepath.Join(base, name)); err == nil && st.IsDir() {
				found = append(found, filepath.Join(base, name))
			}
		}
		if len(found) > 0 {
			return found, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, ErrNoCorpus
		}
		dir = parent
	}
}

// Pages cleans every page of the corpus folders, in name order, and keeps
// those with an article's worth of text.
func Pages(dirs []string) ([]*article.Article, error) {
	var out []*article.Article
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("libgen: reading the corpus: %w", err)
		}
		names := make([]string, 0, len(entries))
		for _, e := range entries {
			if e.IsDir() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join(dir, name, "source.html"))
			if err != nil {
				continue // a folder without a page
			}
			a, err := article.CleanHTML(data, "https://corpus.example/"+filepath.Base(dir)+"/"+name)
			if err != nil || len(a.Text()) < minPageText {
				continue
			}
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("libgen: no usable page in %v: %w", dirs, ErrNoCorpus)
	}
	return out, nil
}

// actorNames are the actors every generated library has; highlights are
// tagged with them.
var actorNames = []struct {
	name    string
	kind    annotation.Kind
	aliases []string
}{
	{"China", annotation.KindState, []string{"Peking", "Beijing"}},
	{"Russland", annotation.KindState, []string{"Moskau", "Russia"}},
	{"Vereinigte Staaten", annotation.KindState, []string{"USA", "Washington"}},
	{"Nordkorea", annotation.KindState, []string{"Pjöngjang"}},
	{"Olaf Scholz", annotation.KindPerson, []string{"Scholz"}},
	{"Emmanuel Macron", annotation.KindPerson, []string{"Macron"}},
	{"Europäische Union", annotation.KindOrganisation, []string{"EU"}},
	{"Vereinte Nationen", annotation.KindOrganisation, []string{"UN", "UNO"}},
}

// Build writes a new library of o.Articles articles to path, which must not
// exist yet.
func Build(path string, o Options) (Stats, error) {
	began := time.Now()
	if err := o.defaults(); err != nil {
		return Stats{}, err
	}
	if _, err := os.Stat(path); err == nil {
		return Stats{}, fmt.Errorf("libgen: %s exists already", path)
	}
	pages := o.Pages
	if len(pages) == 0 {
		var err error
		if pages, err = Pages(o.Corpus); err != nil {
			return Stats{}, err
		}
	}
	lib, err := storage.Open(path)
	if err != nil {
		return Stats{}, err
	}
	g := newGenerator(o, pages)
	st := Stats{Path: path, Actors: len(g.actors)}
	if err := lib.PutBatch(storage.Batch{Actors: g.actors}); err != nil {
		lib.Close()
		return st, err
	}
	for done := 0; done < o.Articles; {
		var b storage.Batch
		for ; done < o.Articles && len(b.Articles) < batchArticles; done++ {
			art, hs := g.article(done)
			b.Articles = append(b.Articles, art)
			b.Highlights = append(b.Highlights, hs...)
			st.TextBytes += int64(len(art.Article.Text()))
		}
		if err := lib.PutBatch(b); err != nil {
			lib.Close()
			return st, err
		}
		st.Articles += len(b.Articles)
		st.Highlights += len(b.Highlights)
	}
	if err := lib.Close(); err != nil {
		return st, err
	}
	if fi, err := os.Stat(path); err == nil {
		st.FileBytes = fi.Size()
	}
	st.Took = time.Since(began)
	return st, nil
}

// generator makes the i-th article of a library from the pages.
type generator struct {
	o      Options
	pages  []*article.Article
	actors []annotation.Actor
	rng    *rand.Rand
	// base is the time of the first article: ids and dates count up from it.
	base time.Time
}

func newGenerator(o Options, pages []*article.Article) *generator {
	g := &generator{o: o, pages: pages, rng: rand.New(rand.NewPCG(o.Seed, 0x11b6e4)),
		base: time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC)}
	created := g.base.Add(-time.Hour)
	for i, a := range actorNames {
		g.actors = append(g.actors, annotation.Actor{ID: g.id(created, uint64(i)), Name: a.name, Kind: a.kind,
			Aliases: a.aliases, Created: created, Updated: created})
	}
	return g
}

// article returns the i-th article and its highlights.
func (g *generator) article(i int) (storage.BatchArticle, []annotation.Highlight) {
	page := g.pages[i%len(g.pages)]
	added := g.base.Add(time.Duration(i) * time.Minute)
	a := &article.Article{
		Title: page.Title, Kicker: page.Kicker, Description: page.Description,
		Authors: page.Authors, Published: page.Published, Site: page.Site,
		URL: fmt.Sprintf("%s?libgen=%d", page.URL, i), Lang: page.Lang, Cleaner: page.Cleaner,
		Blocks: append([]article.Block(nil), page.Blocks...),
	}
	size := len(page.Text())
	for k := 1; size < g.o.TextBytes && k < len(g.pages); k++ {
		next := g.pages[(i+k)%len(g.pages)]
		for _, b := range next.Blocks {
			if size >= g.o.TextBytes {
				break
			}
			a.Blocks = append(a.Blocks, b)
			size += len(b.Text) + 2
		}
	}
	a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph,
		Text: fmt.Sprintf("Generated article %d of the libgen library (seed %d).", i, g.o.Seed)})
	a.Normalize()
	id := g.id(added, uint64(i)<<8)
	return storage.BatchArticle{ID: id, Article: a, Added: added}, g.highlights(id, a, added, i)
}

// highlights places o.Highlights passages of 40–200 code points at random
// places in the article, each tagged with one or two actors.
func (g *generator) highlights(articleID string, a *article.Article, added time.Time, i int) []annotation.Highlight {
	if g.o.Highlights == 0 {
		return nil
	}
	text := []rune(a.Text())
	var out []annotation.Highlight
	for k := 0; k < g.o.Highlights; k++ {
		n := 40 + g.rng.IntN(160)
		if n >= len(text) {
			n = len(text)
		}
		start := g.rng.IntN(len(text) - n + 1)
		at := added.Add(time.Duration(k+1) * time.Second)
		h := annotation.Highlight{
			ID: g.id(at, uint64(i)<<8|uint64(k+1)), ArticleID: articleID, Start: start, End: start + n,
			Quote: annotation.QuoteAt(text, start, start+n), Created: at, Updated: at,
			Actors: []annotation.ActorRef{{ActorID: g.actors[g.rng.IntN(len(g.actors))].ID, Role: annotation.RoleSpeaker}},
		}
		if g.rng.IntN(2) == 0 {
			other := g.actors[g.rng.IntN(len(g.actors))].ID
			if other != h.Actors[0].ActorID {
				h.Actors = append(h.Actors, annotation.ActorRef{ActorID: other, Role: annotation.RoleTarget})
			}
		}
		if k == 0 {
			h.Note = fmt.Sprintf("Note on article %d.", i)
		}
		out = append(out, h)
	}
	return out
}

// crockford is the ULID alphabet (as annotation.NewID uses).
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// id is a ULID-shaped id: 48 bits of milliseconds at t, then 80 bits from
// the seed and n, so ids sort by time and repeat from run to run.
func (g *generator) id(t time.Time, n uint64) string {
	hi := uint64(t.UnixMilli())<<16 | (g.o.Seed & 0xffff)
	lo := n*0x9e3779b97f4a7c15 ^ g.o.Seed
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
