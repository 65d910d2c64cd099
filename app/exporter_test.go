package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportKeepsReaderLinesAndSaysSo: the reader writes under the
// example highlight's actors and changes that line; the highlight's note
// changes in Dramatis. The next export keeps the reader's line, keeps the
// changed line in place, and the window says which note had changes on
// both sides and where Dramatis's version went.
func TestExportKeepsReaderLinesAndSaysSo(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	workWithDemo(t, a) // the demo as shipped is not exported
	dir := t.TempDir()
	a.exporter.exportTo(dir, 0)
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a first export showed %q", renderedText(top))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("notes %v", files)
	}
	b, _ := os.ReadFile(files[0])
	note := string(b)
	i := strings.Index(note, "\n[[Franklin D. Roosevelt]] (speaker)")
	if i < 0 {
		t.Fatalf("no actor line in\n%s", note)
	}
	j := i + 1 + strings.IndexByte(note[i+1:], '\n')
	edited := note[:j] + " (my doubt)\nMy line under the highlight." + note[j:]
	os.WriteFile(files[0], []byte(edited), 0o644)

	h := a.ctl.hls[0]
	h.Actors = h.Actors[:1]
	if _, err := lib.UpdateHighlight(h); err != nil {
		t.Fatal(err)
	}
	a.exporter.exportTo(dir, 0)
	b, _ = os.ReadFile(files[0])
	if !strings.Contains(string(b), " (my doubt)\nMy line under the highlight.\n") {
		t.Errorf("the reader's lines were not kept:\n%s", b)
	}
	top := a.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(renderedText(top), "you and Dramatis changed the same lines") || !strings.Contains(renderedText(top), "Dramatis conflict") {
		t.Fatalf("the window did not say so: %v", top)
	}
	copies, _ := filepath.Glob(filepath.Join(dir, "* (Dramatis conflict *).md"))
	if len(copies) != 1 {
		t.Errorf("conflict copies %v", copies)
	}
}
