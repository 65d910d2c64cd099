package article

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A page copied in a browser on Windows reaches the clipboard with CRLF
// line ends (and old Mac text with lone CRs): every page copy in
// testdata/text must clean to the same article with "\n", "\r\n" and "\r".
func TestCleanTextLineEnds(t *testing.T) {
	dirs, err := filepath.Glob("testdata/text/*/input.txt")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no page copies in testdata/text: %v", err)
	}
	for _, in := range dirs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		lf := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
		want, err := CleanText([]byte(lf), "paste")
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		for name, nl := range map[string]string{"CRLF": "\r\n", "CR": "\r"} {
			got, err := CleanText([]byte(strings.ReplaceAll(lf, "\n", nl)), "paste")
			if err != nil {
				t.Errorf("%s with %s: %v", in, name, err)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s with %s: title %q, %d blocks; with LF %q, %d blocks", in, name, got.Title, len(got.Blocks), want.Title, len(want.Blocks))
			}
			if strings.Contains(got.Title, "\r") || strings.Contains(got.Text(), "\r") {
				t.Errorf("%s with %s: a CR is left in the article", in, name)
			}
		}
	}
}
