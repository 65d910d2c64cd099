package widgets

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// labelShows is the text a Label draws, its canvas.Texts joined.
func labelShows(l *widget.Label) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(l) {
		if t, ok := o.(*canvas.Text); ok && o.Visible() {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// TestEllipsisFitsAsFyneLabels: Fit gives, for every text, style, size and
// width, exactly what a Label with fyne.TextTruncateEllipsis draws, so a
// label that shows Fit's text (truncation off) looks the same.
func TestEllipsisFitsAsFyneLabels(t *testing.T) {
	test.NewTempApp(t)
	th := theme.Current()
	pad := th.Size(theme.SizeNameInnerPadding)
	texts := []string{
		"Pjöngjang testet erneut Raketen – Moskau und Peking mahnen zur Zurückhaltung",
		"Grüße aus Köln",
		"Why the sanctions on North Korea’s missile programme keep failing, explained",
		"Ａ wide ｆｕｌｌ width title",
		"Emoji 🚀 in a title that is long enough to be cut somewhere",
		"fi fl ffi ligatures: official affairs of the office",
		"x",
		" ",
		"",
	}
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}}
	sizes := []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameCaptionText}
	e := NewEllipsis(nil)
	checked := 0
	for _, s := range texts {
		for _, st := range styles {
			for _, sz := range sizes {
				l := widget.NewLabel(s)
				l.TextStyle, l.SizeName, l.Truncation = st, sz, fyne.TextTruncateEllipsis
				test.NewTempWindow(t, l)
				for w := float32(0); w <= 520; w += 9 {
					l.Resize(fyne.NewSize(w, l.MinSize().Height))
					want := labelShows(l)
					if got := e.Fit(th, s, st, th.Size(sz), w-2*pad); got != want {
						t.Errorf("%q %+v %s at width %v: Fit %q, the Label draws %q", s, st, sz, w, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// TestFontsAreParsedOnceAndShapeAsTheirOwn: shapers that share Fonts,
// preloaded on another goroutine meanwhile (run with -race), get the same
// parsed faces and measure exactly as a shaper with fonts of its own.
func TestFontsAreParsedOnceAndShapeAsTheirOwn(t *testing.T) {
	test.NewTempApp(t)
	th := theme.Current()
	fonts := NewFonts()
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fonts.Preload(th, styles...)
	}()
	own, shared, again := newTextShaper(th), newTextShaperWith(th, fonts), newTextShaperWith(th, fonts)
	text := []rune("Grüße aus Pjöngjang: „Sanktionen“ – officially 🚀 ok")
	for _, st := range styles {
		k := faceKey{style: st}
		want, got := make([]float32, len(text)), make([]float32, len(text))
		own.advances(text, k, 15, want)
		shared.advances(text, k, 15, got)
		if !slices.Equal(got, want) {
			t.Errorf("%+v: shared fonts measure %v, own fonts %v", st, got, want)
		}
		if a, b := shared.faces(k).faces[0], again.faces(k).faces[0]; a != b {
			t.Errorf("%+v: two shapers sharing fonts got two parses of the font", st)
		}
	}
	<-done
	if n := len(fonts.faces); n == 0 || n > 2*len(styles)+1 {
		t.Errorf("%d fonts parsed for %d styles", n, len(styles))
	}
}
