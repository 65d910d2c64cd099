package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// defaultSearchLimit is how many articles search prints unless told
// otherwise: each needs its text read for the snippet, and a screenful or
// two is what a person reads; --limit 0 prints all.
const defaultSearchLimit = 100

// runSearch finds articles by words in their title, text, notes, the
// actors their highlights name or the topics of their statements, and
// prints each with where it was found: the highlight, when one holds the
// words or the statement a filter asks for, and a snippet.
func runSearch(e *Env, args []string) error {
	fs := newFlagSet(e, "search")
	asJSON := fs.Bool("json", false, "print JSON: [{article: {id, title, …}, highlight, snippet, marks}]")
	limit := fs.Int("limit", defaultSearchLimit, "print at most `N` articles (0: all)")
	reindex := fs.Bool("reindex", false, "build the search index again first (it is kept up to date by itself; this is for a library an older Dramatis wrote)")
	filters := addFilterFlags(fs, sortRelevance)
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(pos, " ")
	if strings.TrimSpace(query) == "" && !filters.any() {
		return usagef("search needs words to look for or a filter (see -h)")
	}
	if err := checkQueryWords(query); err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit %d is below 0: give how many articles to print, or 0 for all", *limit)
	}
	if *reindex {
		if err := rebuildIndex(e, *libFlag); err != nil {
			return err
		}
	}
	st, err := searchAndPrint(e, *libFlag, filters, query, *limit, *asJSON)
	if err != nil {
		return err
	}
	completeIndex(e, *libFlag, st)
	return nil
}

// checkQueryWords refuses a query that is not blank but has no word in
// it ("(", "*", a lone quote or minus): the search splits a query into
// words as the index splits text, so such a query asks for nothing and
// would match every article, which reads as an answer.
func checkQueryWords(query string) error {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	words := 0
	fold.Words(query, func([]byte, int, int) { words++ })
	if words == 0 {
		return usagef("nothing to search for: the query %q has no words", query)
	}
	return nil
}

// searchAndPrint runs the search and prints what it found; it reports
// how far the search index was, which the search used where it could.
func searchAndPrint(e *Env, lf libraryFlags, filters *filterFlags, query string, limit int, asJSON bool) (storage.IndexStatus, error) {
	lib, err := openLibraryToRead(e, lf)
	if err != nil {
		return storage.IndexStatus{}, err
	}
	defer lib.Close()
	q, err := filters.query(lib)
	if err != nil {
		return storage.IndexStatus{}, err
	}
	q.Text = query
	res, err := lib.Search(q)
	if err != nil {
		return res.Index, err
	}
	ids, scores := res.IDs, res.Scores
	if limit > 0 && len(ids) > limit {
		fmt.Fprintf(e.Stderr, "dramatis search: %d articles found, the first %d shown (--limit 0 shows all)\n", len(ids), limit)
		ids = ids[:limit]
	}
	infos, err := lib.ArticleInfos(ids)
	if err != nil {
		return res.Index, err
	}
	hits, err := lib.SearchHits(ids, q)
	if err != nil {
		return res.Index, err
	}
	if asJSON {
		return res.Index, printSearchJSON(e.Stdout, infos, hits, scoresByID(ids, scores))
	}
	return res.Index, printSearch(e.Stdout, infos, hits)
}

// searchResult is one article of 'search --json'.
type searchResult struct {
	Article   storage.ArticleInfo `json:"article"`
	Highlight string              `json:"highlight,omitempty"`
	Snippet   string              `json:"snippet"`
	Marks     [][2]int            `json:"marks,omitempty"`
	// Score is how well the article matches the words (--sort relevance;
	// higher is better, comparable within one search only).
	Score *float64 `json:"score,omitempty"`
}

// scoresByID pairs the articles with their scores (none when the search
// was not ranked).
func scoresByID(ids []string, scores []float64) map[string]float64 {
	if scores == nil {
		return nil
	}
	out := make(map[string]float64, len(ids))
	for i, id := range ids {
		out[id] = math.Round(scores[i]*1000) / 1000
	}
	return out
}

func printSearchJSON(w io.Writer, infos []storage.ArticleInfo, hits []storage.Hit, scores map[string]float64) error {
	out := make([]searchResult, 0, len(infos))
	for i, info := range infos {
		r := searchResult{Article: info}
		if s, ok := scores[info.ID]; ok {
			r.Score = &s
		}
		if i < len(hits) && hits[i].ArticleID == info.ID {
			r.Highlight, r.Snippet, r.Marks = hits[i].HighlightID, hits[i].Snippet, hits[i].Marks
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// printSearch prints each article as list does, and under it where the
// search found it.
func printSearch(w io.Writer, infos []storage.ArticleInfo, hits []storage.Hit) error {
	for i, info := range infos {
		title := info.Title
		if title == "" {
			title = "Untitled"
		}
		fmt.Fprintf(w, "%s  %s  %s\n", info.ID, articleDate(info), title)
		if i >= len(hits) || hits[i].ArticleID != info.ID {
			continue
		}
		if h := hits[i]; h.HighlightID != "" {
			fmt.Fprintf(w, "    highlight %s: %s\n", h.HighlightID, h.Snippet)
		} else if h.Snippet != "" {
			fmt.Fprintf(w, "    %s\n", h.Snippet)
		}
	}
	return nil
}

// articleDate is the date an article is listed with: when it was
// published, on the page's own calendar (a page of 00:30 +01:00 is of that
// day wherever the reader is), else when it was added, on the reader's.
func articleDate(a storage.ArticleInfo) string {
	if !a.Published.IsZero() {
		return a.Published.Format("2006-01-02")
	}
	return a.Added.Local().Format("2006-01-02")
}

// rebuildIndex builds the search index afresh ('search --reindex'),
// saying how far it is on stderr.
func rebuildIndex(e *Env, lf libraryFlags) error {
	lib, err := openLibrary(e, lf)
	if err != nil {
		return err
	}
	defer lib.Close()
	if err := lib.ResetSearchIndex(); err != nil {
		return err
	}
	return buildIndex(e, lib)
}

// completeIndex builds the search index once a search (or a filtered
// list) has printed its answer, when it found the index missing, stale
// (an older Dramatis wrote the library) or unfinished and so read the
// other articles one by one: the answer is never later for it, and the
// next search is fast. The build commits in batches, so Ctrl-C stops it
// without losing anything and the next search goes on from there. A
// library that cannot be written now (in use, read-only) is left as it is,
// and the reader is told why this search was slow.
func completeIndex(e *Env, lf libraryFlags, st storage.IndexStatus) {
	if st.Ready || st.Articles == 0 {
		return
	}
	lib, err := open(e, lf, writingOptions(e))
	if err != nil {
		fmt.Fprintf(e.Stderr, "dramatis: the search index holds %d of %s, so this search read the others one by one (slower), "+
			"and it cannot be built now: %s. The window builds it while it is open; 'dramatis search --reindex …' builds it.\n",
			st.Indexed, plural.Of(st.Articles, "article"), oneLine(err.Error()))
		return
	}
	defer lib.Close()
	what := fmt.Sprintf("building the search index (once: %s)", plural.Of(st.Articles, "article"))
	if st.Indexed > 0 {
		what = fmt.Sprintf("finishing the search index (%d of %s %s in it)", st.Indexed, plural.Of(st.Articles, "article"), plural.Word(st.Indexed, "is", "are"))
	}
	fmt.Fprintf(e.Stderr, "dramatis: %s, so that later searches need not read every article; "+
		"Ctrl-C stops it safely and the next search goes on from there\n", what)
	if err := buildIndex(e, lib); err != nil {
		fmt.Fprintf(e.Stderr, "dramatis: warning: the search index was not finished: %s\n", oneLine(err.Error()))
	}
}

// buildIndex builds or finishes the search index in the foreground,
// saying how far it is on stderr, until it is done or the reader presses
// Ctrl-C (then it says how far it got: what is built stays built).
func buildIndex(e *Env, lib *storage.Library) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return buildIndexUntil(ctx, e, lib)
}

// buildIndexUntil is buildIndex until ctx is done. Only a build that ctx
// stopped says it stopped, with how far the index is then: a Ctrl-C
// during the last batch, which is committed whole, leaves the index
// complete and says nothing more.
func buildIndexUntil(ctx context.Context, e *Env, lib *storage.Library) error {
	last := time.Now()
	err := lib.BuildSearchIndexNow(ctx, func(st storage.IndexStatus) {
		if time.Since(last) > indexProgressEvery || st.Ready {
			fmt.Fprintf(e.Stderr, "dramatis: indexing for search: %d of %s\n", st.Indexed, plural.Of(st.Articles, "article"))
			last = time.Now()
		}
	})
	if err == nil || ctx.Err() == nil {
		return err
	}
	st, serr := lib.SearchIndexStatus()
	if serr != nil {
		return serr
	}
	fmt.Fprintf(e.Stderr, "dramatis: stopped; the search index holds %d of %s, and the next search goes on from there\n", st.Indexed, plural.Of(st.Articles, "article"))
	return nil
}

// indexProgressEvery is how often the index build says how far it is.
const indexProgressEvery = 2 * time.Second

// filterFlags are the filters list and search share.
type filterFlags struct {
	actors, topics      repeatedFlag
	site, author        string
	from, to            string
	highlighted, orphan bool
	sortBy              string
}

// The orders --sort takes.
const (
	sortAdded     = "added"
	sortPublished = "published"
	sortRelevance = "relevance"
)

// addFilterFlags adds the filter flags, with defaultSort the order when
// --sort is not given (search: the best match first; list: newest added).
func addFilterFlags(fs *flag.FlagSet, defaultSort string) *filterFlags {
	f := &filterFlags{}
	fs.Var(&f.actors, "actor", "only articles with a highlight that names actor `NAME[:ROLE]` (name or alias; role "+annotation.RoleChoices()+"; repeatable: all of them)")
	fs.Var(&f.topics, "topic", "only articles with a statement on topic `NAME[:STANCE]` or on a topic under it (name or alias; stance "+annotation.StanceChoices()+", or + - 0; repeatable: all of them)")
	fs.StringVar(&f.site, "site", "", "only articles whose site contains `TEXT`")
	fs.StringVar(&f.author, "author", "", "only articles by an author whose name contains `TEXT`")
	fs.StringVar(&f.from, "from", "", "only articles dated `DATE` (YYYY-MM-DD, YYYY-MM or YYYY) or later: published, else added")
	fs.StringVar(&f.to, "to", "", "only articles dated `DATE` (YYYY-MM-DD, YYYY-MM or YYYY) or earlier")
	fs.BoolVar(&f.highlighted, "highlighted", false, "only articles with highlights")
	fs.BoolVar(&f.orphan, "orphaned", false, "only articles with orphaned highlights (their passage is gone from the text)")
	fs.StringVar(&f.sortBy, "sort", defaultSort, "order: `relevance` (best match for the words first, equal ones newest first), added (newest added first) or published (newest published first, undated last)")
	return f
}

// any reports whether a filter was given.
func (f *filterFlags) any() bool {
	return len(f.actors) > 0 || len(f.topics) > 0 || f.site != "" || f.author != "" || f.from != "" || f.to != "" || f.highlighted || f.orphan
}

// query turns the flags into a search query, finding the actors and
// topics by name or alias.
func (f *filterFlags) query(lib *storage.Library) (storage.SearchQuery, error) {
	q := storage.SearchQuery{Site: f.site, Author: f.author, HasHighlights: f.highlighted, HasOrphans: f.orphan}
	switch f.sortBy {
	case sortAdded, "":
	case sortPublished:
		q.Sort = storage.SortPublished
	case sortRelevance:
		q.Sort = storage.SortRelevance
	default:
		return q, usagef("--sort %q: use relevance, added or published", f.sortBy)
	}
	var err error
	if q.Since, err = parseDay(f.from, "--from", false); err != nil {
		return q, err
	}
	if q.Before, err = parseDay(f.to, "--to", true); err != nil {
		return q, err
	}
	wanted, err := parseActorFlags(f.actors, toFind)
	if err != nil {
		return q, err
	}
	for _, w := range wanted {
		a, err := existing(lib, "actor", w.name, w.find)
		if err != nil {
			return q, err
		}
		q.Actors = append(q.Actors, storage.ActorFilter{ActorID: a.ID, Role: w.role})
	}
	for _, v := range f.topics {
		tf, err := parseTopicFlag(v, toFind)
		if err != nil {
			return q, err
		}
		t, err := existing(lib, "topic", tf.name, tf.find)
		if err != nil {
			return q, err
		}
		q.Topics = append(q.Topics, storage.TopicFilter{TopicID: t.ID, Stance: tf.stance})
	}
	return q, nil
}

// parseDay reads --from or --to (see storage.ParseDate).
func parseDay(s, flagName string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := storage.ParseDate(s, end)
	if err != nil {
		return t, usagef("%s %q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", flagName, s)
	}
	return t, nil
}

// listWithFilters is list's path when filters are given; it reports how
// far the search index was, as search does.
func listWithFilters(lib *storage.Library, f *filterFlags, search string) ([]storage.ArticleInfo, storage.IndexStatus, error) {
	q, err := f.query(lib)
	if err != nil {
		return nil, storage.IndexStatus{}, err
	}
	q.Text = search
	res, err := lib.Search(q)
	if err != nil {
		return nil, res.Index, err
	}
	infos, err := lib.ArticleInfos(res.IDs)
	return infos, res.Index, err
}

// writeList prints articles as list does: id, date added, highlights,
// title.
func writeList(w io.Writer, infos []storage.ArticleInfo) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range infos {
		count := fmt.Sprintf("%d", a.Highlights)
		if a.Orphaned > 0 {
			count += fmt.Sprintf(" (%d orphaned)", a.Orphaned)
		}
		title := a.Title
		if title == "" {
			title = "Untitled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, a.Added.Local().Format("2006-01-02"), count, title)
	}
	return tw.Flush()
}
