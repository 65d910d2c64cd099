package storage

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// randomBlocks makes blocks of multi-byte text, some empty, some holding
// the separator themselves.
func randomBlocks(rng *rand.Rand) []article.Block {
	pieces := []string{"Pjöngjang", " ", "„Zitat“", "가", "\n\n", "Kim", "😀", "ß", "e\u0301"}
	types := []article.BlockType{article.Paragraph, article.Heading, article.Preformatted, "unknown-kind"}
	var bs []article.Block
	for i := rng.IntN(6); i >= 0; i-- {
		var b strings.Builder
		for j := rng.IntN(30); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		bs = append(bs, article.Block{Type: types[rng.IntN(len(types))], Level: rng.IntN(7) - 1, Text: b.String()})
	}
	return bs
}

// A text record's quote must give exactly what annotation.QuoteAt gives on
// the text as runes, for every range, at both ends of the text, across
// multi-byte characters and chunk boundaries; its blocks must come back
// as they went in.
func TestTextRecordQuoteAndBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 300; round++ {
		bs := randomBlocks(rng)
		stride := 1 + rng.IntN(40)
		rec, err := encodeText(bs, stride)
		if err != nil {
			t.Fatal(err)
		}
		text, err := openText(rec)
		if err != nil {
			t.Fatalf("openText: %v", err)
		}
		s := (&article.Article{Blocks: bs}).Text()
		runes := []rune(s)
		if text.n != len(runes) {
			t.Fatalf("n = %d, want %d", text.n, len(runes))
		}
		got, err := text.blocks()
		if err != nil || !reflect.DeepEqual(got, bs) {
			t.Fatalf("blocks = %#v, %v; want %#v", got, err, bs)
		}
		ranges := [][2]int{{0, 0}, {0, text.n}, {text.n, text.n}, {-5, 3}, {2, text.n + 9}}
		for k := 0; k < 20; k++ {
			start := rng.IntN(text.n + 1)
			ranges = append(ranges, [2]int{start, start + rng.IntN(text.n-start+1)})
		}
		for _, r := range ranges {
			got, err := text.quote(r[0], r[1])
			if want := annotation.QuoteAt(runes, r[0], r[1]); err != nil || got != want {
				t.Fatalf("quote(%d,%d) of %q (stride %d) = %+v, %v; want %+v", r[0], r[1], s, stride, got, err, want)
			}
		}
	}
}

// Invalid UTF-8 is stored as U+FFFD byte by byte, as encoding/json stored
// it, so that offsets keep their meaning.
func TestTextRecordInvalidUTF8(t *testing.T) {
	rec, err := encodeText([]article.Block{{Type: article.Paragraph, Text: "a\xff\xfeb"}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := openText(rec)
	bs, err := text.blocks()
	if err != nil || bs[0].Text != "a\uFFFD\uFFFDb" || text.n != 4 {
		t.Fatalf("blocks = %+v, n = %d, %v", bs, text.n, err)
	}
}

// Every flipped bit and every truncation of a text record is reported as
// damage by whichever read touches it, never returned as text, never a
// panic.
func TestTextRecordDamageIsDetected(t *testing.T) {
	bs := []article.Block{{Type: article.Heading, Level: 2, Text: "Überschrift"}, {Type: article.Paragraph, Text: strings.Repeat("Nordkorea hat erneut Raketen getestet. ", 8)}}
	rec, err := encodeText(bs, 16)
	if err != nil {
		t.Fatal(err)
	}
	n := len([]rune((&article.Article{Blocks: bs}).Text()))
	for i := 0; i < len(rec)*8; i++ {
		bad := append([]byte(nil), rec...)
		bad[i/8] ^= 1 << (i % 8)
		text, err := openText(bad)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("bit %d: %v, want ErrDamaged", i, err)
			}
			continue
		}
		if _, err := text.blocks(); !errors.Is(err, ErrDamaged) {
			t.Fatalf("bit %d: blocks() = %v, want ErrDamaged", i, err)
		}
		// A quote need not read the damaged byte, but must not return it.
		for s := 0; s < n; s += 7 {
			q, err := text.quote(s, min(n, s+5))
			if err == nil && q != annotation.QuoteAt([]rune((&article.Article{Blocks: bs}).Text()), s, min(n, s+5)) {
				t.Fatalf("bit %d: quote(%d) returned damaged text %+v", i, s, q)
			}
		}
	}
	for l := 0; l < len(rec); l++ {
		if _, err := openText(rec[:l]); !errors.Is(err, ErrDamaged) {
			t.Fatalf("truncated to %d bytes: %v", l, err)
		}
	}
}

// FuzzTextRecord feeds arbitrary bytes to the text record reader: it may
// refuse them, never panic, and what it accepts reads back consistently.
func FuzzTextRecord(f *testing.F) {
	rec, _ := encodeText([]article.Block{{Type: article.Paragraph, Text: "Kim sagte „nein“."}, {Type: article.Quote, Text: "😀"}}, 3)
	f.Add(rec)
	f.Add([]byte(textMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := openText(data)
		if err != nil {
			return
		}
		for s := 0; s <= text.n; s++ {
			_, _ = text.quote(s, s+3)
		}
		_, _ = text.blocks()
	})
}

// Adding a highlight reads the quote from the stored text in place: what
// it allocates must not grow with the article (a 3 MB article cost 7.3 MB
// per add when its blocks were decoded to find the quote).
func TestAddHighlightAllocationsDoNotGrowWithTheArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3 MB article; skipped with -short")
	}
	perAdd := func(paragraphs int) uint64 {
		l := newLibrary(t)
		a := benchArticle("https://example.org/alloc", paragraphs)
		r, err := l.ImportArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		n := len([]rune(a.Text()))
		const adds = 40
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := 0; i < adds; i++ {
			s := (i * 7919) % (n - 100)
			if _, err := l.AddHighlight(annotation.Highlight{ArticleID: r.ID, Start: s, End: s + 80}); err != nil {
				t.Fatal(err)
			}
		}
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / adds
	}
	short, long := perAdd(20), perAdd(6000) // 10 KB, 3 MB
	t.Logf("bytes allocated per add: %d on a 10 KB article, %d on a 3 MB article", short, long)
	if long > 2*short+16<<10 {
		t.Fatalf("an add allocates %d bytes on a 3 MB article, %d on a 10 KB one: it grows with the article", long, short)
	}
}
