package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/buildinfo"
)

// Help ▸ About names the version and build, the commit and the library,
// and copies them in one line for a bug report.
func TestAboutShowsVersionCommitAndLibrary(t *testing.T) {
	build := buildinfo.Info{Name: "Dramatis", Version: "1.2.3", Build: 7, Commit: "0123456789abcdef0123", Dirty: true,
		Go: "go1.26.8", Platform: "windows/amd64", Website: "https://example.org/dramatis", Comment: "Read the news"}
	a, lib := newTestApp(t, Options{NoDemo: true, Build: build})
	var about *fyne.MenuItem
	for _, m := range a.mainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "About Dramatis" {
				about = it
			}
		}
	}
	if about == nil {
		t.Fatal("no Help ▸ About Dramatis")
	}
	about.Action()
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About opened no dialog")
	}
	text := renderedText(top)
	for _, want := range []string{"About Dramatis", "Version 1.2.3 (build 7)", "Commit 0123456789ab+changes", "go1.26.8 windows/amd64", lib.Path(), "Read the news"} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not say %q:\n%s", want, text)
		}
	}
	if link := findFirst[*widget.Hyperlink](top, nil); link == nil || link.URL.String() != build.Website {
		t.Errorf("About has no link to the website")
	}
	copyBtn := findFirst(top, func(b *widget.Button) bool { return b.Text == "Copy Version Details" })
	if copyBtn == nil {
		t.Fatal("no Copy Version Details button")
	}
	test.Tap(copyBtn)
	got := a.fa.Clipboard().Content()
	if want := build.String() + "\nlibrary " + lib.Path(); got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
}
