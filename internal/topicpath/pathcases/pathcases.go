// Package pathcases holds, for tests only, the one table of what a typed
// topic means (testdata/paths.txt), read by the tests of topicpath, of the
// picker and of the command line so that they agree.
package pathcases

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Case is one line of testdata/paths.txt: what typing Input means.
// Parent is empty for a top-level topic, whose name is then Child.
type Case struct{ Input, Parent, Child string }

// Cases reads testdata/paths.txt.
func Cases(t testing.TB) []Case {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "testdata", "paths.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("paths.txt: %q has %d fields, want 3", line, len(parts))
		}
		out = append(out, Case{parts[0], parts[1], parts[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
