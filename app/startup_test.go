package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// buildLibrary fills a library with n generated news articles of about
// 6 KB each, with a few highlights in every tenth, and returns its path.
func buildLibrary(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer lib.Close()
	act, err := lib.AddActor(annotation.Actor{Name: "Nordkorea", Kind: annotation.KindState, Aliases: []string{"Pjöngjang"}})
	if err != nil {
		tb.Fatal(err)
	}
	para := strings.Repeat("Pjöngjang hat nach Angaben aus Seoul erneut Raketen getestet, während Moskau und Peking zur Zurückhaltung mahnen. ", 5)
	for i := 0; i < n; i++ {
		art := &article.Article{Title: fmt.Sprintf("Artikel %d über Nordkorea", i), Site: "example.org",
			URL: fmt.Sprintf("https://example.org/a/%d", i), Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
		for j := 0; j < 10; j++ {
			art.Blocks = append(art.Blocks, article.Block{Type: article.Paragraph, Text: fmt.Sprintf("%d. %s", j, para)})
		}
		art.Normalize()
		res, err := lib.ImportArticle(art)
		if err != nil {
			tb.Fatal(err)
		}
		if i%10 == 0 {
			for k := 0; k < 3; k++ {
				if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: k * 700, End: k*700 + 40,
					Actors: []annotation.ActorRef{{ActorID: act.ID, Role: annotation.RoleSpeaker}}}); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return path
}

// BenchmarkStartup measures start-up with the headless driver: opening a
// library of 1,000 articles, building the window, listing the library and
// showing the article read last with its highlights.
func BenchmarkStartup(b *testing.B) {
	path := buildLibrary(b, b.TempDir(), 1000)
	fa := test.NewTempApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		shown := false
		a := newApp(fa, lib, Options{}, true, func() { shown = true })
		if !shown || a.ctl.art == nil || len(a.library.items) != 1000 {
			b.Fatalf("start-up did not show the last article (shown=%v, %d items)", shown, len(a.library.items))
		}
		b.StopTimer()
		a.win.Close()
		lib.Close()
		b.StartTimer()
	}
}

// TestWriteStartupLibrary writes the 1,000-article library used to time the
// real window under Xvfb: DRAMATIS_STARTUP_LIBRARY=/tmp/dir go test -run WriteStartup.
func TestWriteStartupLibrary(t *testing.T) {
	dir := os.Getenv("DRAMATIS_STARTUP_LIBRARY")
	if dir == "" {
		t.Skip("set DRAMATIS_STARTUP_LIBRARY to a folder to write the start-up library there")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Log(buildLibrary(t, dir, 1000))
}
