package topicpath

import (
	"testing"

	"github.com/dramatis-app/dramatis/internal/topicpath/pathcases"
)

func TestSplit(t *testing.T) {
	for _, tc := range pathcases.Cases(t) {
		parent, child, ok := Split(tc.Input)
		if ok != (tc.Parent != "") || parent != tc.Parent || (ok && child != tc.Child) {
			t.Errorf("Split(%q) = %q, %q, %v; want %q, %q", tc.Input, parent, child, ok, tc.Parent, tc.Child)
		}
	}
	for _, tc := range []struct{ in, parent, child string }{
		{"Sanktionen/", "Sanktionen", ""},
		{"Sanktionen ›", "Sanktionen", ""},
	} {
		if p, c, ok := Split(tc.in); !ok || p != tc.parent || c != tc.child {
			t.Errorf("Split(%q) = %q, %q, %v", tc.in, p, c, ok)
		}
	}
}
