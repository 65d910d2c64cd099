package app

import (
	"fmt"
	"testing"
)

// Files given on the command line: the first is imported before the first
// screen and shown; the others come in as one batch once the window is up
// (the window does not wait minutes for 200 of them), and all are stored.
// A batch of one page opens it, as a drop of one page does.
func TestStartImportsTheFirstSourceAndBatchesTheRest(t *testing.T) {
	for _, c := range []struct{ n, shown int }{{1, 0}, {2, 1}, {5, 0}} {
		n := c.n
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			paths := writePages(t, t.TempDir(), n, func(i int) string { return fmt.Sprintf("seite%d.html", i) })
			a, lib := newTestApp(t, Options{Open: paths, NoDemo: true})
			infos, err := lib.Articles()
			if err != nil || len(infos) != n {
				t.Fatalf("%d articles stored (%v), want %d", len(infos), err, n)
			}
			if want := fmt.Sprintf("Seoul warnt %d", c.shown); a.ctl.art == nil || a.ctl.art.Title != want {
				t.Fatalf("the reader shows %v, want %q", a.ctl.art, want)
			}
		})
	}
}
