package widgets

import (
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// oneParagraph is doc's body text as a single paragraph: the same words
// (so the same shaping work per rune) without a single paragraph break,
// as a page that is one enormous <p> gives.
func oneParagraph(doc Document) Document {
	parts := make([]string, len(doc.Blocks))
	for i, b := range doc.Blocks {
		parts[i] = b.Text
	}
	return Document{Title: doc.Title, Blocks: []Block{{Kind: BlockParagraph, Text: strings.Join(parts, " ")}}}
}

// openCases are the documents BenchmarkArticleViewOpen opens: the normal
// 3 MB article with 10,000 highlights is the baseline the single
// paragraphs are measured against.
func openCases() []struct {
	name string
	doc  func() Document
} {
	return []struct {
		name string
		doc  func() Document
	}{
		{"paragraphs-3MB", func() Document { return generatedDoc(3 << 20) }},
		{"oneParagraph-3MB", func() Document { return oneParagraph(generatedDoc(3 << 20)) }},
		{"oneParagraph-30MB", func() Document { return oneParagraph(generatedDoc(30 << 20)) }},
	}
}

// BenchmarkArticleViewOpen is the first layout of an article as the
// window does it: a new view, the document, 10,000 highlights and the
// first frame at 800×600.
func BenchmarkArticleViewOpen(b *testing.B) {
	for _, c := range openCases() {
		b.Run(c.name, func(b *testing.B) {
			test.NewTempApp(b)
			doc := c.doc()
			hs := generatedHighlights(len(canonical(doc)), 10_000)
			size := textBytes(doc)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			base := liveBytes(nil)
			live := -1.0
			b.ResetTimer()
			for b.Loop() {
				v := NewArticleView()
				v.SetDocument(doc)
				v.SetHighlights(hs)
				w := test.NewWindow(v)
				w.Resize(fyne.NewSize(800, 600))
				b.StopTimer()
				if live < 0 { // the first: the test driver keeps closed windows' views a while
					live = (liveBytes(v) - base) / float64(size)
				}
				w.Close()
				b.StartTimer()
			}
			// What the open view keeps beyond the document it was given,
			// per byte of text: the memory a long article costs for as
			// long as it is shown.
			b.ReportMetric(live, "kept-B/textB")
		})
	}
}

// BenchmarkArticleViewJump is what moving far through an open article
// costs: a jump to an offset (Ctrl+End, a search hit, the reader's place
// restored) and a page of scrolling there.
func BenchmarkArticleViewJump(b *testing.B) {
	for _, c := range openCases() {
		b.Run(c.name, func(b *testing.B) {
			doc := c.doc()
			v, _ := newTestView(b, doc, 800, 600)
			n := len(v.text)
			targets := []int{n, n / 2, n / 7, n * 5 / 6, 0}
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				v.SetTopOffset(targets[i%len(targets)])
				v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -600)})
				i++
			}
		})
	}
}

// textBytes is the size of doc's body text in UTF-8.
func textBytes(doc Document) int {
	n := 0
	for _, b := range doc.Blocks {
		n += len(b.Text)
	}
	return n
}

// liveBytes is the heap in use while v is alive, after a collection.
func liveBytes(v *ArticleView) float64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(v)
	return float64(m.HeapAlloc)
}
