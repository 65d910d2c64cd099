package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// importBatch is one import of many files at once: several files or a
// folder dropped on the window, or handed over by a second start. A
// reader who drops 300 pages must see the import move and be able to stop
// it, so the batch works through its files one after the other on one
// goroutine, tells the progress strip (importprogress.go) where it is, and
// ends in a summary of what it imported, updated and skipped, and why.
//
// Each file is stored in one call to the library, one at a time
// (importer.storing), so a Cancel stops after the page being stored: what
// was stored stays, complete, and nothing of the next page is written. A
// quit cancels the batch the same way (its context is the runner's).
type importBatch struct {
	im     *importer
	ctx    context.Context
	cancel context.CancelFunc
	// byReader is set when the reader pressed Cancel (a quit cancels too,
	// but says nothing).
	byReader atomic.Bool

	mu sync.Mutex // guards what follows; the worker and the main goroutine share it
	// pending are dropped URIs not yet looked through (a folder is
	// walked by the worker, never on the main goroutine).
	pending []fyne.URI
	files   []batchFile
	entries []batchEntry
	st      batchState
	// last is the result of the last page stored (opened when it was the
	// only one).
	last storage.ImportResult
	// finished is set by the worker as it leaves its loop: files dropped
	// later start a batch of their own.
	finished bool

	// Main goroutine only: when the library list was last refreshed and
	// how many pages it had seen stored then.
	listedAt     time.Time
	listedStored int
}

// batchFile is one file of a batch; skip, when set, says why it is not
// read at all.
type batchFile struct {
	uri   fyne.URI
	label string
	skip  string
}

// batchOutcome is what a batch did with one file.
type batchOutcome int

const (
	batchSkipped batchOutcome = iota
	batchUpdated
	batchImported
)

// batchEntry is one line of the summary's list: a file, what became of
// it and, for a skipped one, the one-line reason (for an updated one,
// what changed).
type batchEntry struct {
	label   string
	outcome batchOutcome
	detail  string
}

// batchState is what the progress strip shows: a copy, taken under the
// batch's lock.
type batchState struct {
	// total is the number of files found so far; current is the number
	// (from 1) of the one being worked on, name its label.
	total, current int
	name           string
	// scanning is the folder being looked through, if any.
	scanning                   string
	imported, updated, skipped int
	// leftOut counts files in dropped folders that are not pages (the
	// open dialog's extensions), left alone.
	leftOut int
	started time.Time
	// elapsed is set when the batch ended; until then it is time since
	// started.
	elapsed time.Duration
	ended   bool
	// cancelled: the reader pressed Cancel. stopped says why the library
	// refused to go on (damaged, read-only), if it did.
	cancelled bool
	stopped   string
}

// done is the number of files the batch is through with.
func (s batchState) done() int { return s.imported + s.updated + s.skipped }

// maxBatchFiles bounds the files one batch takes from dropped folders: a
// home folder dropped by mistake must not become an hour-long import or a
// summary list that no one can read; 5,000 pages are a big corpus's worth.
const maxBatchFiles = 5000

// progressTick is how often the progress strip is brought up to date
// (count, file name, elapsed time): often enough that the clock is seen to
// run, seldom enough to cost the main goroutine nothing.
const progressTick = 250 * time.Millisecond

// listRefreshEvery is how often, at most, the library list is read again
// while a batch stores pages, so that the reader sees them arrive without
// the list being re-read for every page.
const listRefreshEvery = 2 * time.Second

// pageExtensions are the file name endings the open dialog offers and a
// folder's files are imported by.
func pageExtensions() []string {
	return []string{".html", ".htm", ".xhtml", ".txt", ".text", ".md"}
}

// isPageName reports whether a file is, by its name, one the window
// imports.
func isPageName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range pageExtensions() {
		if ext == e {
			return true
		}
	}
	return false
}

// importMany imports files and folders as one batch with progress, Cancel
// and a summary. Dropped while a batch runs, they join it.
func (im *importer) importMany(uris []fyne.URI) {
	if len(uris) == 0 || im.refuseReadOnly() {
		return
	}
	if im.batch != nil && im.batch.add(uris) {
		return
	}
	ctx, cancel := context.WithCancel(im.sh.jobs.ctx) // a quit stops the batch too
	b := &importBatch{im: im, ctx: ctx, cancel: cancel, pending: uris}
	b.st.started = time.Now()
	im.batch = b
	im.progressView().start(b)
	im.sh.setStatus("Importing in the background; Cancel stops after the page being stored.")
	im.sh.jobs.runLoose(b.run, b.end)
}

// add gives a running batch more files; it reports false once the batch
// is past taking them.
func (b *importBatch) add(uris []fyne.URI) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished || b.ctx.Err() != nil {
		return false
	}
	b.pending = append(b.pending, uris...)
	return true
}

// cancelByReader is the strip's Cancel: the page being stored is finished,
// no other is begun.
func (b *importBatch) cancelByReader() {
	b.byReader.Store(true)
	b.cancel()
}

// snapshot copies the state for the strip.
func (b *importBatch) snapshot() batchState {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.st
	if !s.ended {
		s.elapsed = time.Since(s.started)
	}
	return s
}

// list copies the summary's lines.
func (b *importBatch) list() []batchEntry {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]batchEntry(nil), b.entries...)
}

// run is the batch's work, off the main goroutine: it looks through what
// was dropped and imports the files one by one until there are no more,
// the reader cancels, the window quits or the library refuses to write.
func (b *importBatch) run() {
	if !b.im.sh.jobs.inline {
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			b.tick(stop)
		}()
		defer func() {
			close(stop)
			<-stopped // the ticker never waits for the main goroutine
		}()
	}
	stopped := ""
	for b.ctx.Err() == nil && stopped == "" {
		f, ok := b.next()
		if !ok {
			break
		}
		if b.im.sh.jobs.inline {
			b.showProgress() // tests: the strip as it is while this file is read and stored
		}
		e, counted, stop := b.importFile(f)
		if stop != nil {
			stopped = stop.Error()
		}
		if counted {
			b.record(e)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.finished = true
	b.st.ended = true
	b.st.elapsed = time.Since(b.st.started)
	b.st.name, b.st.scanning = "", ""
	b.st.stopped = stopped
	// Folders not yet looked through when the batch stopped are counted
	// as one each among those not imported.
	b.st.total += len(b.pending)
	b.pending = nil
	// A Cancel pressed as the last page was stored cancelled nothing.
	b.st.cancelled = b.byReader.Load() && stopped == "" && b.st.done() < b.st.total
}

// next takes the next file, looking through newly dropped items first;
// false means there is none.
func (b *importBatch) next() (batchFile, bool) {
	for b.ctx.Err() == nil {
		b.mu.Lock()
		if len(b.pending) > 0 {
			uris := b.pending
			b.pending = nil
			b.mu.Unlock()
			b.expand(uris)
			continue
		}
		if b.st.current == len(b.files) {
			b.finished = true
			b.mu.Unlock()
			return batchFile{}, false
		}
		f := b.files[b.st.current]
		b.st.current++
		b.st.name = f.label
		b.mu.Unlock()
		return f, true
	}
	return batchFile{}, false
}

// expand turns dropped items into files: a file stays one (its content
// decides whether it is a page), a folder gives the pages in it and its
// subfolders by name, leaving out hidden files and folders.
func (b *importBatch) expand(uris []fyne.URI) {
	var found []batchFile
	leftOut := 0
	for _, u := range uris {
		if u.Scheme() != "file" {
			found = append(found, batchFile{uri: u, label: u.Name()})
			continue
		}
		root := u.Path()
		info, err := os.Stat(root)
		switch {
		case err != nil:
			found = append(found, batchFile{uri: u, label: u.Name(), skip: oneLine("cannot read it: " + err.Error())})
			continue
		case !info.IsDir():
			found = append(found, batchFile{uri: u, label: u.Name()})
			continue
		}
		b.mu.Lock()
		b.st.scanning = filepath.Base(root)
		b.mu.Unlock()
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if b.ctx.Err() != nil {
				return fs.SkipAll
			}
			if err != nil {
				found = append(found, batchFile{uri: fileURI(p), label: filepath.Base(p), skip: oneLine("cannot read it: " + err.Error())})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if !isPageName(d.Name()) {
				leftOut++
				return nil
			}
			if len(found) >= maxBatchFiles {
				found = append(found, batchFile{uri: fileURI(root), label: filepath.Base(root),
					skip: fmt.Sprintf("holds more than %d pages; only the first %d were taken (drop its subfolders one by one)", maxBatchFiles, maxBatchFiles)})
				return fs.SkipAll
			}
			found = append(found, batchFile{uri: fileURI(p), label: d.Name()})
			return nil
		})
	}
	labelApart(found)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.files = append(b.files, found...)
	b.st.total = len(b.files)
	b.st.leftOut += leftOut
	b.st.scanning = ""
}

// fileURI is the URI of a local path.
func fileURI(p string) fyne.URI { return fynestorage.NewFileURI(p) }

// labelApart names files that share a name (every page of a corpus saved
// as source.html) by their folder too, so that the strip and the summary
// tell them apart.
func labelApart(files []batchFile) {
	paths := map[string]map[string]bool{} // label → the paths it names
	for _, f := range files {
		if paths[f.label] == nil {
			paths[f.label] = map[string]bool{}
		}
		paths[f.label][f.uri.String()] = true
	}
	for i, f := range files {
		if len(paths[f.label]) > 1 && f.uri.Scheme() == "file" {
			files[i].label = filepath.Base(filepath.Dir(f.uri.Path())) + "/" + f.label
		}
	}
}

// importFile reads, cleans and stores one file. counted is false when the
// batch was cancelled before the file was stored (it is then not imported,
// and not skipped either); stop is set when the library refuses all
// writes, which ends the batch.
func (b *importBatch) importFile(f batchFile) (e batchEntry, counted bool, stop error) {
	e = batchEntry{label: f.label, outcome: batchSkipped}
	if f.skip != "" {
		e.detail = f.skip
		return e, true, nil
	}
	art, err := loadFile(f.uri, nil, f.label)
	if err != nil {
		e.detail = oneLine(err.Error())
		return e, true, nil
	}
	opts := storage.ImportOptions{}
	if f.uri.Scheme() == "file" {
		opts.Source = f.uri.Path() // as importURI: the same file again is the same article
	}
	var res storage.ImportResult
	err = context.Canceled
	b.im.sh.jobs.withLibrary(func() {
		b.im.storing.Lock()
		defer b.im.storing.Unlock()
		if err = b.ctx.Err(); err == nil {
			res, err = b.im.store(art, opts)
		}
	})
	var oe *storage.OrphanError
	switch {
	case errors.Is(err, context.Canceled):
		return e, false, nil
	case errors.As(err, &oe):
		e.detail = fmt.Sprintf("its text would orphan %d of the %d highlights of “%s”; open the file by itself to choose", oe.Orphaned, oe.Anchored, oe.Title)
		return e, true, nil
	case errors.Is(err, storage.ErrDamaged), errors.Is(err, storage.ErrReadOnly):
		return e, false, err
	case err != nil:
		e.detail = oneLine(err.Error())
		return e, true, nil
	}
	b.mu.Lock()
	b.last = res
	b.mu.Unlock()
	title := "“" + art.Title + "”"
	switch res.Outcome {
	case storage.ImportUnchanged:
		e.detail = title + " is in the library already, unchanged"
	case storage.ImportUpdated:
		e.outcome, e.detail = batchUpdated, title+": "+res.Changes()
	default:
		e.outcome, e.detail = batchImported, title
		if res.Lookalike != "" {
			e.detail += " as a new article: it names the address of another article, but its text is different"
		}
	}
	return e, true, nil
}

// record counts a file the batch is through with.
func (b *importBatch) record(e batchEntry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries = append(b.entries, e)
	switch e.outcome {
	case batchImported:
		b.st.imported++
	case batchUpdated:
		b.st.updated++
	default:
		b.st.skipped++
	}
}

// tick brings the strip up to date every progressTick until stop closes.
func (b *importBatch) tick(stop <-chan struct{}) {
	t := time.NewTicker(progressTick)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			b.im.sh.do(b.showProgress)
		}
	}
}

// showProgress shows where the batch is, on the main goroutine, and now and
// then reads the library list again so that the stored pages appear.
func (b *importBatch) showProgress() {
	s := b.snapshot()
	b.im.progressView().show(b, s)
	stored := s.imported + s.updated
	if stored != b.listedStored && time.Since(b.listedAt) >= listRefreshEvery && b.im.listChanged != nil {
		b.listedStored, b.listedAt = stored, time.Now()
		b.im.listChanged()
	}
}

// end shows the summary, on the main goroutine, once the batch is over.
func (b *importBatch) end() {
	if b.im.batch == b {
		b.im.batch = nil
	}
	b.cancel()
	s := b.snapshot()
	// The strip says how it ended; the status line says it once the
	// strip is put away.
	if b.im.progressView().finish(b, s) {
		b.im.sh.setStatus("")
	} else {
		b.im.sh.setStatus("%s", batchSummary(s))
	}
	if s.stopped != "" {
		b.im.sh.showError("The import stopped", fmt.Errorf("the library takes no more pages (%s); the %s stored before stay in it", s.stopped, plural.Of(s.imported+s.updated, "page")))
	}
	switch {
	case s.total == 1 && s.imported+s.updated == 1 && !b.im.sh.dialogOpen():
		b.im.imported(b.last) // a folder of one page: open it, as a single drop does
	case s.imported+s.updated > 0 && b.im.listChanged != nil:
		b.im.listChanged()
	}
}

// batchSummary says in one line what a batch did: how many pages it
// imported, updated and skipped, how far a cancelled one got, and how long
// it took.
func batchSummary(s batchState) string {
	var parts []string
	if s.imported > 0 {
		parts = append(parts, "imported "+plural.Of(s.imported, "page"))
	}
	if s.updated > 0 {
		parts = append(parts, fmt.Sprintf("updated %d", s.updated))
	}
	if s.skipped > 0 {
		parts = append(parts, fmt.Sprintf("skipped %d", s.skipped))
	}
	counts := strings.Join(parts, ", ")
	if counts == "" {
		counts = "nothing imported"
	}
	if s.leftOut > 0 {
		counts += fmt.Sprintf("; %s in the folders not pages, left alone", plural.Of(s.leftOut, "other file"))
	}
	took := " (" + elapsedText(s.elapsed) + ")."
	rest := s.total - s.done()
	switch {
	case s.stopped != "":
		return fmt.Sprintf("Import stopped after %d of %d: %s; %d not imported", s.done(), s.total, counts, rest) + took
	case s.cancelled:
		return fmt.Sprintf("Cancelled after %d of %d: %s; %d not imported", s.done(), s.total, counts, rest) + took
	case s.total == 0 && s.leftOut == 0:
		return "No pages found in what was dropped" + took
	}
	return strings.ToUpper(counts[:1]) + counts[1:] + took
}

// elapsedText is a duration as a clock: 0:07, 2:35, 1:02:03.
func elapsedText(d time.Duration) string {
	sec := int(d / time.Second)
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}
