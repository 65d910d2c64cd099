package cli

import (
	"os"
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

func TestLooksLikeCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("notes", []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for arg, want := range map[string]bool{
		"frobnicate": true, "clena": true,
		"notes": false, "page.html": false, "https://example.com/": false, "--library": false,
		"./x": false, "": false, `C:\page.html`: false,
	} {
		if got := LooksLikeCommand(arg); got != want {
			t.Errorf("LooksLikeCommand(%q) = %v", arg, got)
		}
	}
}

func TestNearestCommand(t *testing.T) {
	for word, want := range map[string]string{
		"clena": "clean", "exprot": "export", "Import": "import", "lst": "list",
		"frobnicate": "", "x": "",
	} {
		if got := nearestCommand(word); got != want {
			t.Errorf("nearestCommand(%q) = %q, want %q", word, got, want)
		}
	}
}

// A message names the command as typed, with its sub-command.
func TestCommandLabel(t *testing.T) {
	cmds := commands()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"topics", "edit", "Sanktionen"}, "topics edit"},
		{[]string{"actors", "merge", "a", "b"}, "actors merge"},
		{[]string{"highlight", "delete", "a", "b"}, "highlight delete"},
		{[]string{"analyse", "network"}, "analyse network"},
		{[]string{"topics", "--json"}, "topics"},
		{[]string{"topics"}, "topics"},
		{[]string{"list", "edit"}, "list"},
		{[]string{"search", "edit"}, "search"},
	} {
		if got := commandLabel(cmds[c.args[0]], c.args); got != c.want {
			t.Errorf("%q: %q, want %q", c.args, got, c.want)
		}
	}
}
