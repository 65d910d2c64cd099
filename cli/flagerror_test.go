package cli

import (
	"strings"
	"testing"
)

// TestOptionErrorsAreSentences: a mistyped option or value is said in the
// reader's terms (the option as typed, what it wants), never the flag
// package's "flag -limit: parse error".
func TestOptionErrorsAreSentences(t *testing.T) {
	l := newLibEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "x", "--limit", "abc"}, `dramatis search: --limit "abc" is not a number`},
		{[]string{"search", "x", "--limit", "99999999999999999999999"}, `dramatis search: --limit 99999999999999999999999 is too large`},
		{[]string{"search", "x", "--limit", "-1"}, `dramatis search: --limit -1 is below 0: give how many articles to print, or 0 for all`},
		{[]string{"search", "x", "--limit", `2"0`}, `dramatis search: --limit "2\"0" is not a number`},
		{[]string{"search", "x", "--limit", "1\n2"}, `dramatis search: --limit "1\n2" is not a number`},
		{[]string{"list", "--sort"}, `dramatis list: --sort needs a value after it`},
		{[]string{"list", "--json=maybe"}, `dramatis list: --json="maybe": give true or false (or only --json)`},
		{[]string{"export", "--topic", "X"}, `dramatis export: there is no option --topic`},
		{[]string{"clean", "--timeout", "5", "x.html"}, `dramatis clean: --timeout "5" is not a duration (write it like 30s, 2m or 1h30m)`},
	} {
		code, _, errs := l.run("", c.args...)
		first, _, _ := strings.Cut(errs, "\n")
		if code != 2 || first != c.want || !strings.Contains(errs, "\nusage: dramatis ") {
			t.Errorf("%v: %d %q, want 2 %q and the usage line", c.args, code, errs, c.want)
		}
	}
}
