package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dramatis-app/dramatis/article"
)

// Download progress on a terminal. A page that arrives within
// progressDelay prints nothing, so quick fetches and scripts see only
// their output; a slower one shows a status line on stderr, redrawn every
// progressEvery and erased when the download ends.
const (
	progressDelay = time.Second
	progressEvery = 250 * time.Millisecond
)

// loadSource cleans one source with the fetcher, showing download progress
// for a URL when stderr is a terminal.
func loadSource(ctx context.Context, e *Env, f *article.Fetcher, src string) (*article.Article, error) {
	if !article.IsURL(src) || !isTerminal(e.Stderr) {
		return f.Load(ctx, src, e.Stdin)
	}
	p := newProgressLine(e.Stderr, src)
	f.Progress = p.update
	defer func() { f.Progress = nil }()
	stop := p.start(progressDelay, progressEvery)
	defer stop()
	return f.Load(ctx, src, e.Stdin)
}

// isTerminal reports whether a stream (stdin, stdout or stderr) is a
// character device (a terminal), not a file, a pipe or the null device
// (a character device too: 'dramatis delete ID </dev/null' is a script).
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}

// progressLine is the status line of one download.
type progressLine struct {
	w        io.Writer
	src      string
	received atomic.Int64
	total    atomic.Int64
	shown    bool // a line is on the screen and must be erased
}

func newProgressLine(w io.Writer, src string) *progressLine {
	p := &progressLine{w: w, src: src}
	p.total.Store(-1)
	return p
}

// update records progress; it is the fetcher's Progress callback.
func (p *progressLine) update(received, total int64) {
	p.received.Store(received)
	p.total.Store(total)
}

// start draws the line after delay and then every interval, until the
// returned stop is called, which erases it.
func (p *progressLine) start(delay, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-done:
			return
		case <-time.After(delay):
		}
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			p.draw()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		if p.shown {
			fmt.Fprint(p.w, "\r\x1b[K") // back to the line's start, erase it
		}
	}
}

// draw writes the status line over the previous one.
func (p *progressLine) draw() {
	p.shown = true
	fmt.Fprintf(p.w, "\r\x1b[K%s", p.text())
}

// maxProgressSource bounds the address shown in the status line, which
// must fit on one terminal line to be redrawn in place.
const maxProgressSource = 50

// text is the status line: "dramatis: fetching URL… 1.2 MB of 3.4 MB",
// then "dramatis: cleaning URL (3.4 MB)…" once the page is in.
func (p *progressLine) text() string {
	src := p.src
	if r := []rune(src); len(r) > maxProgressSource {
		src = string(r[:maxProgressSource-1]) + "…"
	}
	n, total := p.received.Load(), p.total.Load()
	switch {
	case n == 0:
		return fmt.Sprintf("dramatis: fetching %s… connecting", src)
	case n >= total && total > 0:
		return fmt.Sprintf("dramatis: cleaning %s (%s)…", src, article.SizeString(n))
	case total > 0:
		return fmt.Sprintf("dramatis: fetching %s… %s of %s", src, article.SizeString(n), article.SizeString(total))
	}
	return fmt.Sprintf("dramatis: fetching %s… %s received", src, article.SizeString(n))
}
