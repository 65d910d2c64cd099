package localeenv

import "testing"

func TestIsCWithCharset(t *testing.T) {
	for _, tc := range []struct {
		loc  string
		want bool
	}{
		{"C.UTF-8", true}, {"C.utf8", true}, {"POSIX.UTF-8", true}, {"C@euro", true},
		{"C", false}, {"POSIX", false}, {"", false}, {"de_DE.UTF-8", false}, {"en_US", false}, {"Ca.UTF-8", false},
	} {
		if got := isCWithCharset(tc.loc); got != tc.want {
			t.Errorf("isCWithCharset(%q) = %v, want %v", tc.loc, got, tc.want)
		}
	}
}
