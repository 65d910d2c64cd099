package cli

import (
	"strings"
	"testing"
)

// A wrong flag is reported once, in one line, with the command's synopsis;
// -h prints the synopsis and every flag, and is not an error.
func TestFlagErrorsAndHelp(t *testing.T) {
	for _, cmd := range [][]string{{"clean"}, {"import"}, {"list"}, {"show"}, {"annotate"}, {"export"},
		{"actors"}, {"actors", "add"}, {"actors", "suggest"}, {"backup"}, {"restore"}, {"import-backup"}} {
		name := strings.Join(cmd, " ")
		code, _, errs := runCLI(t, "", append(append([]string{}, cmd...), "--no-such-flag")...)
		if code != 2 || strings.Count(errs, "no-such-flag") != 1 || strings.Count(errs, "\n") != 2 || !strings.Contains(errs, "\nusage: dramatis "+cmd[0]) {
			t.Errorf("%s --no-such-flag: exit %d, stderr:\n%s", name, code, errs)
		}
		code, out, errs := runCLI(t, "", append(append([]string{}, cmd...), "-h")...)
		if code != 0 || out != "" || !strings.HasPrefix(errs, "usage: dramatis "+name+" ") || !strings.Contains(errs, "\n  -") {
			t.Errorf("%s -h: exit %d, stderr:\n%s", name, code, errs)
		}
	}
}
