package storage

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// rssFile is the process's resident file-backed memory in bytes.
func rssFile(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "RssFile:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no RssFile in /proc/self/status")
	return 0
}

// TestReleaseReadPages: after reading every article's text, releasing
// the pages gives the file-backed memory back, and everything still
// reads.
func TestReleaseReadPages(t *testing.T) {
	l := newLibrary(t)
	para := strings.Repeat("Peking schweigt, Washington warnt, Moskau droht. ", 200)
	for i := range 200 {
		if _, err := l.ImportArticle(newArticle(fmt.Sprintf("https://example.org/%d", i), fmt.Sprintf("A %d", i), para, para, para, para, para)); err != nil {
			t.Fatal(err)
		}
	}
	l.ReleaseReadPages()
	ids, _ := l.ArticleIDs()
	readAll := func() {
		for _, id := range ids {
			if a, _, err := l.Article(id); err != nil || len(a.Blocks) != 5 {
				t.Fatalf("%s: %v", id, err)
			}
		}
	}
	before := rssFile(t)
	readAll()
	read := rssFile(t)
	l.ReleaseReadPages()
	released := rssFile(t)
	t.Logf("file-backed memory: %d MiB, %d MiB after reading 200 articles, %d MiB after releasing", before>>20, read>>20, released>>20)
	if read-before < 5<<20 || released > before+(2<<20) {
		t.Errorf("reading added %d MiB, releasing left %d MiB more than before", (read-before)>>20, (released-before)>>20)
	}
	readAll()
}
