package article

import "testing"

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
