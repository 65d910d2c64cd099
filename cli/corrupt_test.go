package cli

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The commands themselves on damaged library files (the storage package's
// fuzzer tries the library's operations on hundreds; this runs the real
// commands, output and all, on a few dozen): each ends with exit 0 and its
// output, or exit 1 and one line on stderr, never a crash, and a command
// that fails leaves the file as it was.

const cliCorruptChild = "DRAMATIS_CLI_CORRUPT_CHILD"

// TestCLICorruptChild runs one command (the arguments in the variable,
// separated by tabs) and exits with its status.
func TestCLICorruptChild(t *testing.T) {
	args := os.Getenv(cliCorruptChild)
	if args == "" {
		t.Skip("only runs as the child of TestCommandsOnDamagedLibraries")
	}
	os.Exit(Run(&Env{Stdin: strings.NewReader(""), Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, strings.Split(args, "\t")))
}

func TestCommandsOnDamagedLibraries(t *testing.T) {
	if os.Getenv(cliCorruptChild) != "" {
		t.Skip("in the child")
	}
	files := 30
	if testing.Short() {
		files = 8
	}
	l := newLibEnv(t)
	ids := strings.Fields(l.ok("import", l.page("nk.html", nkPage), l.page("summit.html", otherPage)))
	l.ok("annotate", ids[0], "--quote", "Kim Jong Un", "--actor", "Kim Jong Un:speaker", "--note", "Drohung")
	l.ok("annotate", ids[1], "--quote", "Geneva", "--actor", "Schweiz")
	pristine, err := os.ReadFile(l.path)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	commands := [][]string{
		{"list"}, {"list", "--json"}, {"show", ids[0]}, {"show", ids[1], "--json"}, {"actors"},
		{"export", "--format", "w3c"}, {"export", "--format", "backup"}, {"export", "--out", "NOTES"},
		{"annotate", ids[0], "--quote", "Seoul"}, {"actors", "add", "China"}, {"backup", "COPY"},
	}
	runs, failed := 0, 0
	for i := 0; i < files; i++ {
		damaged := append([]byte(nil), pristine...)
		for k := 0; k < 1+rng.IntN(3); k++ {
			o := rng.IntN(len(damaged))
			damaged[o] ^= 1 << rng.IntN(8)
		}
		dir := filepath.Join(l.dir, "d"+strconv.Itoa(i))
		os.MkdirAll(dir, 0o700)
		lib := filepath.Join(dir, "library.db")
		os.WriteFile(lib, damaged, 0o600)
		for _, c := range commands {
			args := append([]string(nil), c...)
			for j, a := range args {
				args[j] = strings.NewReplacer("NOTES", filepath.Join(dir, "notes"), "COPY", filepath.Join(dir, "copy.db")).Replace(a)
			}
			before, _ := os.ReadFile(lib)
			cmd := exec.Command(os.Args[0], "-test.run=^TestCLICorruptChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), cliCorruptChild+"="+strings.Join(args, "\t"), "DRAMATIS_LIBRARY="+lib, "LANG=C.UTF-8")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			runs++
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			after, _ := os.ReadFile(lib)
			errs := stderr.String()
			switch {
			case code == 0:
			case code != 1 || !oneLinePerMessage(errs, c[0]) || strings.Contains(errs, "panic") || strings.Contains(errs, "fatal error"):
				failed++
				t.Errorf("file %d, %s: exit %d, stderr %q", i, strings.Join(c, " "), code, errs)
			case !bytes.Equal(before, after):
				failed++
				t.Errorf("file %d, %s: failed (%s) but wrote the library", i, strings.Join(c, " "), strings.TrimSpace(errs))
			}
		}
	}
	t.Logf("%d commands on %d damaged libraries: %d crashes or broken errors", runs, files, failed)
}

// oneLinePerMessage reports whether stderr is one line, or (an export that
// salvages what reads, naming each record it skipped) one line per message,
// each from the command.
func oneLinePerMessage(errs, cmd string) bool {
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if cmd != "export" {
		return len(lines) == 1 && strings.HasSuffix(errs, "\n")
	}
	for _, ln := range lines {
		if !strings.HasPrefix(ln, "dramatis export: ") {
			return false
		}
	}
	return true
}
