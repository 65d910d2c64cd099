package article

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkClean runs CleanHTML over every corpus page per iteration and
// reports throughput in MB/s of HTML.
func BenchmarkClean(b *testing.B) {
	pages := loadCorpus(b)
	total := int64(0)
	for _, p := range pages {
		total += int64(len(p.html))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := CleanHTML(p.html, "http://fakehost/test/page.html"); err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
		}
	}
}

// typicalPage is a German news page of about 150 KB, as a reader imports
// them: markup, scripts, navigation and a few screens of article.
const typicalPage = "testdata/corpus/trafilatura-dev/de_Osthessen_news_de_Buergermeisterwahl/source.html"

// largePageBytes is the size of the large page benchmark: a page of 3 MB,
// far beyond a news article but what a long live blog or an archive page
// can reach.
const largePageBytes = 3 << 20

// BenchmarkCleanHTMLTypical cleans the typical page; the target is under
// 30 ms a page on the project's machine (issue 12).
func BenchmarkCleanHTMLTypical(b *testing.B) {
	page, err := os.ReadFile(typicalPage)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkCleanHTML(b, page)
}

// BenchmarkCleanHTMLLarge cleans a 3 MB page made of the typical page's
// body repeated; the target is under 500 ms (issue 12).
func BenchmarkCleanHTMLLarge(b *testing.B) {
	page, err := os.ReadFile(typicalPage)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkCleanHTML(b, largePage(b, page))
}

// largePage repeats the body of page until the page is largePageBytes.
func largePage(tb testing.TB, page []byte) []byte {
	open := bytes.Index(page, []byte("<body"))
	end := bytes.LastIndex(page, []byte("</body>"))
	if end < 0 {
		end = len(page) // the page leaves its body open, as this one does
	}
	if open < 0 || end < open {
		tb.Fatal("the typical page has no body")
	}
	open += bytes.IndexByte(page[open:], '>') + 1
	body := page[open:end]
	var b bytes.Buffer
	b.Write(page[:open])
	for b.Len()+len(page)-end < largePageBytes {
		b.Write(body)
	}
	b.Write(page[end:])
	return b.Bytes()
}

func benchmarkCleanHTML(b *testing.B, page []byte) {
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CleanHTML(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// deepNesting is how deep the nested page of BenchmarkCleanHTMLDeep goes:
// near the parser's limit of 512 levels, as hostile or badly generated
// pages (forum threads quoting quotes, builder output) come.
const deepNesting = 450

// BenchmarkCleanHTMLDeep cleans a page of deepNesting nested blocks, each
// with a paragraph and a short list: the case where measuring every nested
// element again for each element judged costs time in the square of the
// depth.
func BenchmarkCleanHTMLDeep(b *testing.B) {
	var page bytes.Buffer
	page.WriteString("<html><head><title>Deep</title></head><body><article>")
	for i := 0; i < deepNesting; i++ {
		page.WriteString(`<div class="level"><p>A paragraph of the article, long enough to count, with a comma, and another one.</p><ul><li>one</li><li>two</li></ul>`)
	}
	for i := 0; i < deepNesting; i++ {
		page.WriteString("</div>")
	}
	page.WriteString("</article></body></html>")
	benchmarkCleanHTML(b, page.Bytes())
}

// typicalCopy is the typical page as a browser's select-all copy.
const typicalCopy = "testdata/corpus/trafilatura-dev/de_Osthessen_news_de_Buergermeisterwahl/pagecopy.txt"

// BenchmarkCleanTextTypical cleans the typical page's copy, which a reader
// pastes as often as they import a page.
func BenchmarkCleanTextTypical(b *testing.B) {
	text, err := os.ReadFile(typicalCopy)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkCleanText(b, text)
}

// BenchmarkCleanTextLarge cleans a copy of largePageBytes, the typical
// copy repeated: a long live blog or an archive page selected whole.
func BenchmarkCleanTextLarge(b *testing.B) {
	text, err := os.ReadFile(typicalCopy)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkCleanText(b, largeCopy(text))
}

// largeCopy repeats a copy until it is largePageBytes.
func largeCopy(text []byte) []byte {
	var big bytes.Buffer
	for big.Len() < largePageBytes {
		big.Write(text)
		big.WriteString("\n\n")
	}
	return big.Bytes()
}

func benchmarkCleanText(b *testing.B, text []byte) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CleanText(text, "copy.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanPasteTypical cleans the typical page's copy with its HTML
// flavour (browserFragment of the page), as Ctrl+Shift+V does after a copy
// in the browser: the text and the HTML cleaners both run, so it costs
// about their sum (BenchmarkCleanTextTypical + BenchmarkCleanHTMLTypical);
// the target is the HTML page's, under 30 ms.
func BenchmarkCleanPasteTypical(b *testing.B) {
	text, page := typicalPaste(b)
	benchmarkCleanPaste(b, text, browserFragment(page))
}

// BenchmarkCleanPasteLarge is BenchmarkCleanPasteTypical for a 3 MB copy
// and the 3 MB page's fragment; the target is under 1 s, the large text's
// and the large page's together.
func BenchmarkCleanPasteLarge(b *testing.B) {
	text, page := typicalPaste(b)
	benchmarkCleanPaste(b, largeCopy(text), browserFragment(largePage(b, page)))
}

// typicalPaste reads the typical page's copy and the page.
func typicalPaste(b *testing.B) (copyText, page []byte) {
	copyText, err := os.ReadFile(typicalCopy)
	if err != nil {
		b.Fatal(err)
	}
	page, err = os.ReadFile(typicalPage)
	if err != nil {
		b.Fatal(err)
	}
	return copyText, page
}

func benchmarkCleanPaste(b *testing.B, text, fragment []byte) {
	b.SetBytes(int64(len(text) + len(fragment)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CleanPaste(text, fragment, "", "copy.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
