package backup

import (
	"errors"
	"fmt"
	"io"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// Transactions of an import: large enough that the two fsyncs of a commit
// do not dominate, small enough that a transaction's dirty pages (what
// bbolt holds in memory until the commit) stay a few tens of MB at any
// library size.
const (
	importBatchArticles = 1000
	importBatchBytes    = 32 << 20
)

// Checked is a backup file that passed every check (see Check), ready to
// be imported.
type Checked struct {
	r     io.ReadSeeker
	cont  contents
	count int
	// batchArticles bounds a transaction (importBatchArticles; tests
	// make it small).
	batchArticles int
}

// Check reads a whole backup from r, one article at a time, and checks
// all of it (see checker): a file that is not a backup, too new, damaged
// or tampered with is refused in one line before anything is written.
// Nothing of it is held but its ids, actors and preferences.
func Check(r io.ReadSeeker) (*Checked, error) {
	check := newChecker()
	cont, err := scan(r, check.article)
	if err == nil {
		err = check.finish(cont)
	}
	if err != nil {
		return nil, err
	}
	return &Checked{r: r, cont: cont, count: check.count, batchArticles: importBatchArticles}, nil
}

// Articles is how many articles the backup holds.
func (c *Checked) Articles() int { return c.count }

// Import merges the checked backup into lib, article by article, without
// holding the backup or the library in memory (see planner for how
// articles, actors, highlights and preferences are merged). It reads the
// file a second time and writes it in transactions of up to
// importBatchArticles articles. Each transaction holds whole articles
// with their highlights; should a later one fail (a full disk), those
// before stay, and importing the same file again adds the rest, since an
// import skips what the library already has. What the reader deleted
// after the backup was made stays deleted (see planner).
func (c *Checked) Import(lib *storage.Library) (*MergePlan, error) {
	return c.ImportWith(lib, MergeOptions{})
}

// ImportWith is Import with options (MergeOptions.IncludeDeleted brings
// back what the reader deleted since the backup).
func (c *Checked) ImportWith(lib *storage.Library, opts MergeOptions) (*MergePlan, error) {
	if _, err := c.r.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("reading the backup again: %w", err)
	}
	cur := &export.Library{}
	var err error
	if cur.Actors, err = lib.Actors(); err != nil {
		return nil, err
	}
	if cur.Topics, err = lib.Topics(); err != nil {
		return nil, err
	}
	raw, err := lib.Preferences()
	if err != nil {
		return nil, fmt.Errorf("reading the preferences: %w", err)
	}
	cur.Preferences = make(map[string]string, len(raw))
	for k, v := range raw {
		cur.Preferences[k] = string(v)
	}
	has, err := lib.HasDeletions()
	if err != nil {
		return nil, fmt.Errorf("reading the records of deletions: %w", err)
	}
	pl, err := newPlanner(libraryTarget{lib: lib, deletions: has}, cur, c.cont, opts)
	if err != nil {
		return nil, err
	}
	w := &batchWriter{lib: lib, total: c.count, max: c.batchArticles}
	w.batch.Actors, w.batch.Topics = pl.p.Actors, pl.p.Topics
	w.batch.Preferences = map[string][]byte{}
	for k, v := range pl.p.Preferences {
		w.batch.Preferences[k] = []byte(v)
	}
	again := newChecker()
	_, err = scan(c.r, func(a *export.Article) error {
		// The same checks again: they also fill in what the first pass
		// filled in, and notice a file changed between the passes.
		if err := again.article(a); err != nil {
			return fmt.Errorf("the backup changed while it was imported: %w", err)
		}
		na, corr, hs, err := pl.article(a)
		if err != nil {
			return err
		}
		return w.add(na, corr, hs)
	})
	if err == nil {
		// Last, so that what the backup brings back (asked for, or
		// changed after its deletion) is in the library and gets no
		// record.
		w.batch.Deletions = storageDeletions(c.cont.deleted)
		err = w.flush()
	}
	pl.p.RecordedDeletions = w.deletions
	if err != nil {
		return pl.p, w.explain(err)
	}
	return pl.p, nil
}

// storageDeletions are a checked backup's deletion records as the
// library stores them.
func storageDeletions(dels []Deletion) []storage.DeletionRecord {
	out := make([]storage.DeletionRecord, 0, len(dels))
	for _, d := range dels {
		kind, _ := deletionKind(d.Kind) // checked (checkDeletions)
		out = append(out, storage.DeletionRecord{Kind: kind, ID: d.ID, Deletion: storage.Deletion{At: d.At.UTC(), Into: d.Into}})
	}
	return out
}

// batchWriter gathers an import's writes into transactions.
type batchWriter struct {
	lib   *storage.Library
	batch storage.Batch
	bytes int
	// written and total count articles: written in committed
	// transactions, total in the backup; commits counts transactions.
	written, pending, total, commits int
	// max is how many articles a transaction takes.
	max int
	// deletions counts the deletion records stored.
	deletions int
}

// add queues a planned article (nil when the library has it), the
// corrections for the library's article (nil: none) and its highlights,
// committing when the batch is full.
func (w *batchWriter) add(a *export.Article, corr *Corrections, hs []annotation.Highlight) error {
	if a != nil {
		w.batch.Articles = append(w.batch.Articles, storage.BatchArticle{ID: a.ID, Article: &a.Article, Added: a.Added, Updated: a.Updated, Source: a.Source})
		w.bytes += textBytes(a)
	}
	if corr != nil {
		w.batch.Corrections = append(w.batch.Corrections, storage.BatchCorrections{ID: corr.ArticleID, Corrected: corr.Corrected})
	}
	w.batch.Highlights = append(w.batch.Highlights, hs...)
	w.pending++
	if w.pending >= w.max || w.bytes >= importBatchBytes || len(w.batch.Highlights) >= 20*w.max {
		return w.flush()
	}
	return nil
}

// flush commits the batch (always once, for actors and preferences).
func (w *batchWriter) flush() error {
	if w.commits > 0 && len(w.batch.Articles) == 0 && len(w.batch.Corrections) == 0 && len(w.batch.Highlights) == 0 && len(w.batch.Deletions) == 0 {
		return nil
	}
	n, err := w.lib.PutBatchCounted(w.batch)
	if err != nil {
		return commitError{err}
	}
	w.deletions += n
	w.commits++
	w.lib.ReleaseReadPages()
	w.written += w.pending
	w.pending, w.bytes = 0, 0
	w.batch = storage.Batch{}
	return nil
}

// explain words an import error: after the first commit, what is in the
// library and how to finish.
func (w *batchWriter) explain(err error) error {
	if w.commits == 0 {
		return err
	}
	var ce commitError
	if errors.As(err, &ce) {
		if inner := errors.Unwrap(ce.err); inner != nil {
			err = inner // PutBatch says "nothing was changed", true of that transaction only
		}
	}
	return fmt.Errorf("the import stopped after %d of %d articles, which are in the library, whole; importing the same file again adds the rest: %w", w.written, w.total, err)
}

// commitError is a transaction of the import that failed.
type commitError struct{ err error }

func (e commitError) Error() string { return e.err.Error() }
func (e commitError) Unwrap() error { return e.err }

// libraryTarget is a library on disk as a Target. deletions says whether
// it has any deletion records (without, none is looked up).
type libraryTarget struct {
	lib       *storage.Library
	deletions bool
}

func (t libraryTarget) Deletion(kind storage.DeletedKind, id string) (storage.Deletion, bool, error) {
	if !t.deletions {
		return storage.Deletion{}, false, nil
	}
	return t.lib.Deletion(kind, id)
}

func (t libraryTarget) MatchArticle(id, url, hash string) (string, string, error) {
	return t.lib.MatchArticle(id, url, hash)
}

func (t libraryTarget) ArticleText(id string) (string, error) {
	a, _, err := t.lib.Article(id)
	if err != nil {
		return "", err
	}
	return a.Text(), nil
}

func (t libraryTarget) ArticleCorrections(id string) (*article.Corrections, error) {
	return t.lib.ArticleCorrections(id)
}

func (t libraryTarget) Highlight(id string) (annotation.Highlight, bool, error) {
	h, err := t.lib.Highlight(id)
	if errors.Is(err, storage.ErrNotFound) {
		return annotation.Highlight{}, false, nil
	}
	return h, err == nil, err
}
