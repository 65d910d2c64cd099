//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/handoff"
	"github.com/dramatis-app/dramatis/storage"
)

// Ctrl-C stops import and clean on local files too (the loop over them
// never looked at it: 551 files went on being imported for 37 s and the
// command exited 0). Each test runs the real command in a child process
// and sends it a real SIGINT.

const cliInterruptChild = "DRAMATIS_CLI_INTERRUPT_CHILD"

// TestCLIInterruptChild runs one command (the arguments in the variable,
// separated by tabs) on this process's standard streams and exits with
// its status.
func TestCLIInterruptChild(t *testing.T) {
	args := os.Getenv(cliInterruptChild)
	if args == "" {
		t.Skip("only runs as the child of the interrupt tests")
	}
	os.Exit(Run(&Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, strings.Split(args, "\t")))
}

// interruptChild prepares the command args as a child on the library
// l.path; the caller sets its streams and starts it.
func interruptChild(l *libEnv, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCLIInterruptChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), cliInterruptChild+"="+strings.Join(args, "\t"), "DRAMATIS_LIBRARY="+l.path, "LANG=C.UTF-8")
	return cmd
}

// numberedPages writes n different small article pages and returns their
// paths.
func numberedPages(l *libEnv, n int) []string {
	var paths []string
	for i := range n {
		html := strings.NewReplacer("Raketen | Beispiel", fmt.Sprintf("Seite %d | Beispiel", i),
			"https://example.org/nk", fmt.Sprintf("https://example.org/seite-%d", i),
			"Nordkorea hat erneut", fmt.Sprintf("In Folge %d hat Nordkorea erneut", i)).Replace(nkPage)
		paths = append(paths, l.page(fmt.Sprintf("seite-%03d.html", i), html))
	}
	return paths
}

// bigStdinPage is a page larger than a pipe holds, so that the test knows
// the child is reading standard input once most of it is written.
func bigStdinPage() []byte {
	var b bytes.Buffer
	b.WriteString(strings.Replace(nkPage, "</article>", "", 1))
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "<p>Absatz %d über die Lage auf der koreanischen Halbinsel und die Gespräche in Genf.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// sigintWhileReadingStdin runs the command (its sources: one page, -, then
// more pages) and presses Ctrl-C while it reads standard input: a
// megabyte written to it means it is past its start, and it cannot pass -
// before the pipe is closed, after the signal. It returns the exit status,
// stdout and stderr.
func sigintWhileReadingStdin(t *testing.T, l *libEnv, args ...string) (int, string, string) {
	t.Helper()
	cmd := interruptChild(l, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := stdin.Write(bigStdinPage()); err != nil {
		t.Fatalf("writing the page to the child: %v; stderr %s", err, stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	stdin.Close()
	return exitCode(t, cmd.Wait()), stdout.String(), stderr.String()
}

// exitCode is a finished child's exit status; a child the signal killed
// (the default action, nobody caught it) fails the test.
func exitCode(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatal(err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("the child was killed by %v: nothing caught the signal", ws.Signal())
	}
	return ee.ExitCode()
}

// Ctrl-C while import reads its sources stops it before the next one: it
// says so, imports nothing, exits 130, and has not even created the library.
func TestImportStopsAtCtrlCWhileReading(t *testing.T) {
	l := newLibEnv(t)
	pages := numberedPages(l, 20)
	args := append([]string{"import", pages[0], "-"}, pages[1:]...)
	code, stdout, stderr := sigintWhileReadingStdin(t, l, args...)
	if code != exitInterrupted || stdout != "" || strings.TrimSpace(stderr) != "dramatis import: interrupted while reading the sources (2 of 21 read); nothing was imported" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(l.path); !os.IsNotExist(err) {
		t.Errorf("the library was created: %v", err)
	}
}

// Ctrl-C stops clean before the next source, after printing the ones it
// had cleaned.
func TestCleanStopsAtCtrlC(t *testing.T) {
	l := newLibEnv(t)
	pages := numberedPages(l, 20)
	args := append([]string{"clean", pages[0], "-"}, pages[1:]...)
	code, stdout, stderr := sigintWhileReadingStdin(t, l, args...)
	if code != exitInterrupted || strings.TrimSpace(stderr) != "dramatis clean: interrupted: 2 of 21 sources cleaned" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if n := strings.Count(stdout, "==> "); n != 2 || !strings.Contains(stdout, "==> - <==") || !strings.Contains(stdout, "Absatz 3 über") {
		t.Errorf("%d articles printed, want the first page and stdin:\n%.300s", n, stdout)
	}
}

// Ctrl-C while import stores stops it after the article being stored:
// what was stored stays (each article is its own transaction), the ids
// printed are exactly the articles in the library, and it says how many.
func TestImportStopsAtCtrlCWhileStoring(t *testing.T) {
	const n = 60
	l := newLibEnv(t)
	cmd := interruptChild(l, append([]string{"import"}, numberedPages(l, n)...)...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(errPipe)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) == 1 {
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
		}
	}
	code := exitCode(t, cmd.Wait())
	ids := strings.Fields(stdout.String())
	last := lines[len(lines)-1]
	want := fmt.Sprintf("dramatis import: interrupted: %d of %d sources imported; the other %d were not", len(ids), n, n-len(ids))
	if code != exitInterrupted || last != want || len(ids) < 1 || len(ids) >= n {
		t.Fatalf("exit %d, %d ids, stderr ends %q (want %q)", code, len(ids), last, want)
	}
	listed := strings.Fields(l.ok("list"))
	for _, id := range ids {
		if !strings.Contains(strings.Join(listed, " "), id) {
			t.Errorf("article %s was said imported but is not in the library", id)
		}
	}
	if got := strings.Count(l.ok("list"), "\n"); got != len(ids) {
		t.Errorf("the library holds %d articles, the import printed %d ids", got, len(ids))
	}
	t.Logf("stopped after %d of %d articles", len(ids), n)
}

// readWatch is standard input that notes whether anything read it.
type readWatch struct{ read bool }

func (r *readWatch) Read(p []byte) (int, error) {
	r.read = true
	return copy(p, nkPage), nil
}

// An import finds the library in use before it cleans anything (it
// cleaned every source first, for minutes, then failed on the lock), and
// when the holder is the window it says so, since waiting does not help.
func TestImportChecksTheLockFirst(t *testing.T) {
	l := newLibEnv(t)
	l.create()
	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	for _, tc := range []struct {
		window bool
		want   string
	}{
		{false, "library is in use by another Dramatis process (waited 20ms"},
		{true, "the Dramatis window has the library " + l.path + " open; close it or use the window"},
	} {
		stop := func() error { return nil }
		if tc.window {
			ln, err := handoff.Listen(handoff.SocketPath(l.path), func(handoff.Request) { t.Error("the window was asked to do something") })
			if err != nil {
				t.Fatal(err)
			}
			stop = ln.Close
		}
		stdin := &readWatch{}
		var out, errb bytes.Buffer
		e := &Env{Stdin: stdin, Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
			if k == "DRAMATIS_LIBRARY" {
				return l.path
			}
			return ""
		}}
		code := Run(e, []string{"import", "--wait", "20ms", "-", filepath.Join(l.dir, "missing.html")})
		stop()
		if code != 1 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("window %v: exit %d, stderr %q (want %q)", tc.window, code, errb.String(), tc.want)
		}
		if stdin.read {
			t.Errorf("window %v: the sources were read before the lock was tried", tc.window)
		}
	}
}

// Ctrl-C during 'export --out' (it left hundreds of temporary files in the
// notes folder) stops it with nothing half-done in the folder: the signal
// comes once the first note is written aside, and then the folder holds
// no temporary file, and exactly the notes the command says it wrote.
func TestExportStopsAtCtrlC(t *testing.T) {
	const n = 150
	l := newLibEnv(t)
	lib, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		a := &article.Article{Title: fmt.Sprintf("Artikel %d", i), URL: fmt.Sprintf("https://example.org/%d", i), Lang: "de",
			Blocks: []article.Block{{Type: article.Paragraph, Text: strings.Repeat("Peking schweigt vorerst. ", 20)}}}
		if _, err := lib.ImportArticle(a); err != nil {
			t.Fatal(err)
		}
	}
	lib.Close()
	notes := filepath.Join(l.dir, "notes")
	cmd := interruptChild(l, "export", "--out", notes)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var waitErr error
	signalled := false
	for !signalled {
		select {
		case waitErr = <-done:
			t.Fatalf("the export ended before a note was written aside: %v, %s", waitErr, stderr.String())
		default:
		}
		if temps(t, notes) > 0 {
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			signalled = true
		}
		time.Sleep(pollEvery)
	}
	code := exitCode(t, <-done)
	if left := temps(t, notes); left > 0 {
		t.Errorf("%d temporary files left in the notes folder", left)
	}
	md, _ := filepath.Glob(filepath.Join(notes, "*.md"))
	var written int
	switch code {
	case exitInterrupted:
		if _, err := fmt.Sscanf(stderr.String(), "dramatis export: interrupted: %d notes written", &written); err != nil || strings.Count(stderr.String(), "\n") != 1 {
			t.Fatalf("stderr %q", stderr.String())
		}
	case 0: // the signal came during the last batch's sync, after every note was done
		written = n
		if !strings.HasPrefix(stdout.String(), fmt.Sprintf("%d notes written", n)) {
			t.Fatalf("stdout %q", stdout.String())
		}
	default:
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if len(md) != written {
		t.Errorf("%d notes in the folder, %d said written", len(md), written)
	}
	t.Logf("exit %d, %d notes written", code, written)
}

// pollEvery is how often the test looks for the export's first temporary
// file: the export writes its notes aside for most of a second.
const pollEvery = time.Millisecond

// temps counts the export's temporary files in dir.
func temps(t *testing.T, dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".dramatis-") && strings.HasSuffix(e.Name(), ".tmp") {
			n++
		}
	}
	return n
}
