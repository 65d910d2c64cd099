// Command demo shows a widgets.ArticleView with a text file (default: the
// project's sample page copy), to look at it in a real window:
//
//	go build -o /tmp/demo ./widgets/internal/demo && /tmp/demo [FILE] [-big]
//
// Keys: h highlights the selection, + and - change the text size, d toggles
// dark/light, s serif/sans, w the column width, l the line spacing, Ctrl+C
// copies. With -big the text is repeated to about 3 MB.
package main

import (
	"fmt"
	"image/color"
	"net/url"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

// variantTheme pins Fyne's default theme to a variant (for the d key).
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// demoPalette are the highlight colours the demo cycles through.
var demoPalette = []color.Color{
	color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0xff},
	color.NRGBA{R: 0x21, G: 0x96, B: 0xf3, A: 0xff},
	color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0xff},
}

// bigTextBytes is the size -big repeats the text to: the "3 MB article"
// the project's standards call a normal case.
const bigTextBytes = 3 << 20

// demo is the window's state: the view, its highlights and the settings the
// keys change.
type demo struct {
	app    fyne.App
	view   *widgets.ArticleView
	status *widget.Label
	hs     []widgets.Highlight
	size   float32
	dark   bool
}

func main() {
	path := "../shared/seeds/000_dcb08cbd2e7ce4f1.txt"
	big := false
	for _, a := range os.Args[1:] {
		if a == "-big" {
			big = true
		} else {
			path = a
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	doc := documentFrom(string(data))
	if big {
		blocks := doc.Blocks
		for size := len(data); size < bigTextBytes; size += len(data) {
			doc.Blocks = append(doc.Blocks, blocks...)
		}
	}
	d := &demo{app: app.NewWithID("io.github.dramatis.articleview-demo"), dark: true, size: theme.TextSize()}
	d.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	w := d.app.NewWindow("ArticleView demo")
	d.view = widgets.NewArticleView()
	d.view.SetDocument(doc)
	d.status = widget.NewLabel("")
	d.wire()
	d.seedHighlights(doc)
	w.SetContent(container.NewBorder(nil, d.status, nil, nil, d.view))
	w.Resize(fyne.NewSize(1100, 820))
	w.Canvas().Focus(d.view.FocusTarget())
	w.ShowAndRun()
}

// wire reports the view's events in the status line and hands keys to
// typed.
func (d *demo) wire() {
	v := d.view
	v.OnSelectionChanged = func(s, e int) {
		d.status.SetText(fmt.Sprintf("selection [%d,%d) top %d", s, e, v.TopOffset()))
	}
	v.OnHighlightTapped = func(id string) { d.status.SetText("tapped highlight " + id) }
	v.OnHighlightContext = func(id string, abs fyne.Position) {
		d.status.SetText(fmt.Sprintf("context on highlight %s at %v", id, abs))
	}
	v.OnContext = func(off int, abs fyne.Position) { d.status.SetText(fmt.Sprintf("context at offset %d", off)) }
	v.OnTypedRune = d.typed
}

// typed runs the key commands listed in the package comment.
func (d *demo) typed(r rune) {
	st := d.view.ReadingStyle()
	switch r {
	case 'h':
		d.highlightSelection()
	case '+', '-':
		if r == '+' {
			d.size += 2
		} else {
			d.size -= 2
		}
		d.view.SetTextSize(d.size)
	case 's':
		if st.Font == widgets.FontSerif {
			st.Font = widgets.FontSans
		} else {
			st.Font = widgets.FontSerif
		}
		d.view.SetReadingStyle(st)
	case 'w':
		st.Measure = next(widgets.Measures(), st.Measure)
		d.view.SetReadingStyle(st)
	case 'l':
		st.Spacing = next(widgets.Spacings(), st.Spacing)
		d.view.SetReadingStyle(st)
	case 'd':
		d.dark = !d.dark
		vr := theme.VariantLight
		if d.dark {
			vr = theme.VariantDark
		}
		d.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), vr})
	}
}

// highlightSelection highlights the selection, every second one striped
// to show overlapping actors.
func (d *demo) highlightSelection() {
	s, e := d.view.Selection()
	if s == e {
		return
	}
	n := len(d.hs)
	h := widgets.Highlight{ID: fmt.Sprint("h", n), Start: s, End: e, Color: demoPalette[n%len(demoPalette)]}
	if n%2 == 1 {
		h.Stripes = []color.Color{demoPalette[0], demoPalette[2]}
	}
	d.hs = append(d.hs, h)
	d.view.UpdateHighlight(h)
	d.view.SetSelection(e, e)
}

// seedHighlights starts with a few highlights in the sample, two
// overlapping.
func (d *demo) seedHighlights(doc widgets.Document) {
	text := strings.Join(blockTexts(doc), "\n\n")
	for i, word := range []string{"Nordkoreas Entsendung von Soldaten", "Soldaten für Russlands Ukraine-Krieg", "Lin Jian"} {
		if k := strings.Index(text, word); k >= 0 {
			s := len([]rune(text[:k]))
			h := widgets.Highlight{ID: fmt.Sprint("seed", i), Start: s, End: s + len([]rune(word)), Color: demoPalette[i]}
			if i == 1 {
				h.Stripes = []color.Color{demoPalette[1], demoPalette[2]}
			}
			d.hs = append(d.hs, h)
		}
	}
	d.view.SetHighlights(d.hs)
}

// documentFrom makes blocks from a text file: blank-line separated
// paragraphs; short lines without a full stop become headings.
func documentFrom(s string) widgets.Document {
	var doc widgets.Document
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if doc.Title == "" {
			doc.Kicker = "Geopolitik"
			doc.Title = "Zwischen Nordkorea und seiner Schutzmacht China wachsen Spannungen"
			doc.Standfirst = "Sample page copy (seed 000), 한국어 이름: 김정은"
			doc.Byline = "Martin Benninghoff, Martin Kölling · 8 November 2024"
			doc.SourceLabel = "Source: example.org"
			doc.Source, _ = url.Parse("https://example.org/")
		}
		kind := widgets.BlockParagraph
		switch {
		case strings.HasPrefix(line, "Foto:") || strings.Contains(line, " Foto: "):
			kind = widgets.BlockCaption
		case len([]rune(line)) < 60 && !strings.HasSuffix(line, "."):
			kind = widgets.BlockHeading
		case strings.HasPrefix(line, "„"):
			kind = widgets.BlockQuote
		}
		b := widgets.Block{Kind: kind, Text: line, Level: 2}
		if len(line) > 2 && line[0] >= '0' && line[0] <= '9' && line[1] == '.' {
			b = widgets.Block{Kind: widgets.BlockListItem, Level: 1, Text: strings.TrimSpace(line[2:])}
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	return doc
}

// next returns the value after cur in vs, wrapping around.
func next[T comparable](vs []T, cur T) T {
	for i, v := range vs {
		if v == cur {
			return vs[(i+1)%len(vs)]
		}
	}
	return vs[0]
}

// blockTexts returns the blocks' texts, to find the seed passages in.
func blockTexts(doc widgets.Document) []string {
	out := make([]string, len(doc.Blocks))
	for i, b := range doc.Blocks {
		out[i] = b.Text
	}
	return out
}
