package storage

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// The corruption fuzzer damages a real library file (bit flips anywhere,
// bit flips in page headers, zeroed pages, truncations) and runs every
// library operation a command or the window uses on it, in a child
// process, so that a crash (a fault in bbolt's memory map, a stack
// overflow, a fatal error) ends the child and is seen, not the test. Every
// operation must give either the pristine library's output or a one-line
// error; an error must leave the file byte for byte as it was; and a
// different output without an error is only allowed when every damaged
// byte lies in a record's bytes that carry no checksum (a changed letter
// in a title is a valid title). Writes on a file found damaged: never.

const corruptChildEnv = "DRAMATIS_CORRUPT_CHILD"

// corruptOps are the operations run on every damaged file, as commands
// and the window run them (each opens the library itself).
var corruptOps = []string{"check", "list", "show", "search", "actors", "actorhl", "annotate", "import", "backup", "daily", "restore"}

// writeOps change the library when they succeed.
func writeOp(op string) bool { return op == "annotate" || op == "import" }

// buildCorruptionTarget makes the library the fuzzer damages: articles
// short and long (overflow pages, many text chunks), highlights with
// actors and notes, an orphan, preferences.
func buildCorruptionTarget(t *testing.T, p string) {
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var actors []annotation.Actor
	for _, n := range []string{"China", "Kim Jong Un", "Vereinte Nationen", "Russland", "Seoul"} {
		actors = append(actors, addActor(t, l, n))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 14; i++ {
		var a *article.Article
		if i == 3 {
			a = benchArticle("https://example.org/long", 60)
		} else {
			a = newArticle(fmt.Sprintf("https://example.org/%d", i), fmt.Sprintf("Artikel %d über Nordkorea", i), sampleParagraphs...)
		}
		res, err := l.ImportArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		n := len([]rune(a.Text()))
		for k := 0; k < 4; k++ {
			s := rng.IntN(n - 40)
			h := annotation.Highlight{ArticleID: res.ID, Start: s, End: s + 10 + rng.IntN(30), Note: fmt.Sprintf("Notiz %d/%d", i, k),
				Actors: []annotation.ActorRef{{ActorID: actors[(i+k)%len(actors)].ID, Role: annotation.RoleSpeaker}}}
			if _, err := l.AddHighlight(h); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := l.SetPreference("theme", []byte("dark")); err != nil {
		t.Fatal(err)
	}
}

// span is a byte range of the file.
type byteSpan struct{ lo, hi int64 }

// uncheckedBytes lists the file ranges of every key and value of the
// buckets whose records carry no checksum of their own (all but the
// texts): a changed byte there may read as a different valid record.
func uncheckedBytes(t *testing.T, p string) []byteSpan {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	var out []byteSpan
	ps := int64(pf.meta.pageSize)
	var walk func(id uint64, bucket string, depth int)
	leaf := func(data []byte, base int64, count int, bucket string, depth int) {
		for i := 0; i < count; i++ {
			ks, vs, ve, flags, _, err := elementSpan(data, true, i)
			if err != nil {
				t.Fatal(err)
			}
			if flags&leafBucket != 0 {
				name := string(data[ks:vs])
				root := binary.LittleEndian.Uint64(data[vs:])
				if root == 0 { // inline: its records sit in this page
					inl := data[vs+bucketHeader : ve]
					n := int(binary.LittleEndian.Uint16(inl[10:]))
					for j := 0; j < n; j++ {
						iks, _, ive, _, _, err := elementSpan(inl, true, j)
						if err != nil {
							t.Fatal(err)
						}
						if name != string(bArticleText) {
							out = append(out, byteSpan{base + int64(vs+bucketHeader+iks), base + int64(vs+bucketHeader+ive)})
						}
					}
				} else {
					walk(root, name, depth+1)
				}
				continue
			}
			if bucket != string(bArticleText) {
				out = append(out, byteSpan{base + int64(ks), base + int64(ve)})
			}
		}
	}
	walk = func(id uint64, bucket string, depth int) {
		p, _, err := pf.readPage(id, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.flags == flagLeaf {
			leaf(p.data, int64(id)*ps, p.count, bucket, depth)
			return
		}
		for i := 0; i < p.count; i++ {
			_, _, _, child, err := element(p.data, false, i)
			if err != nil {
				t.Fatal(err)
			}
			walk(child, bucket, depth+1)
		}
	}
	walk(pf.meta.root, "", 0)
	return out
}

// corruption is one way of damaging the file.
type corruption struct {
	kind    string
	offsets []int64 // bytes changed (for flips)
	apply   func(data []byte) []byte
}

func randomCorruption(rng *rand.Rand, size int64, pageSize int64) corruption {
	flip := func(offs ...int64) corruption {
		bits := make([]byte, len(offs))
		for i := range bits {
			bits[i] = 1 << rng.IntN(8)
		}
		return corruption{offsets: offs, apply: func(d []byte) []byte {
			d = append([]byte(nil), d...)
			for i, o := range offs {
				d[o] ^= bits[i]
			}
			return d
		}}
	}
	pages := size / pageSize
	switch r := rng.IntN(100); {
	case r < 55:
		c := flip(rng.Int64N(size))
		c.kind = "bit flip"
		return c
	case r < 75:
		c := flip(rng.Int64N(pages)*pageSize + rng.Int64N(pageHeaderSize))
		c.kind = "page header flip"
		return c
	case r < 82:
		offs := make([]int64, 2+rng.IntN(6))
		for i := range offs {
			offs[i] = rng.Int64N(size)
		}
		c := flip(offs...)
		c.kind = "several flips"
		return c
	case r < 91:
		pg := rng.Int64N(pages)
		return corruption{kind: "zeroed page", offsets: nil, apply: func(d []byte) []byte {
			d = append([]byte(nil), d...)
			clear(d[pg*pageSize : (pg+1)*pageSize])
			return d
		}}
	default:
		n := rng.Int64N(size)
		return corruption{kind: "truncated", apply: func(d []byte) []byte { return append([]byte(nil), d[:n]...) }}
	}
}

// inSpans reports whether a changed byte lies in the spans: for one flip,
// exactly; for several, whether one of them does (the others may lie where
// nothing reads, which no output shows).
func inSpans(spans []byteSpan, offs []int64) bool {
	for _, o := range offs {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].hi > o })
		if i < len(spans) && spans[i].lo <= o {
			return true
		}
	}
	return false
}

// corruptResult is what the child reports for one operation.
type corruptResult struct {
	ok     bool
	output string // hash of the output, or the error's kind and text
}

func TestCorruptionNeverCrashesOrWritesDamagedFiles(t *testing.T) {
	if os.Getenv(corruptChildEnv) != "" {
		t.Skip("in the child")
	}
	// A few hundred damaged files take a minute on two shared cores; the
	// suite runs fewer, the race detector (ten times slower) fewer still,
	// and DRAMATIS_CORRUPT_TRIALS runs as many as asked.
	trials := 150
	switch {
	case os.Getenv("DRAMATIS_CORRUPT_TRIALS") != "":
		trials, _ = strconv.Atoi(os.Getenv("DRAMATIS_CORRUPT_TRIALS"))
	case testing.Short():
		trials = 40
	case raceEnabled:
		trials = 20
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("DRAMATIS_CORRUPT_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (DRAMATIS_CORRUPT_SEED repeats a run)", seed)
	rng := rand.New(rand.NewPCG(seed, 11))
	base := t.TempDir()
	pristinePath := filepath.Join(base, "pristine", "library.db")
	buildCorruptionTarget(t, pristinePath)
	pristine, err := os.ReadFile(pristinePath)
	if err != nil {
		t.Fatal(err)
	}
	unchecked := uncheckedBytes(t, pristinePath)
	sort.Slice(unchecked, func(i, j int) bool { return unchecked[i].lo < unchecked[j].lo })

	// Trial 0 is the pristine file; the others are damaged copies. Every
	// other damaged copy gets a state that matches it, as if it had been
	// checked before the damage (bit rot): then the damage must be caught
	// as it is read.
	cs := []corruption{{kind: "none", apply: func(d []byte) []byte { return d }}}
	for i := 1; i <= trials; i++ {
		cs = append(cs, randomCorruption(rng, int64(len(pristine)), 4096))
	}
	for i, c := range cs {
		dir := filepath.Join(base, strconv.Itoa(i))
		os.MkdirAll(dir, 0o700)
		if err := os.WriteFile(filepath.Join(dir, "library.db"), c.apply(pristine), 0o600); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 && i > 0 {
			pretendChecked(filepath.Join(dir, "library.db"))
		}
	}
	results, crashes := runCorruptChild(t, base, len(cs))
	want := results[0]
	for _, op := range corruptOps {
		if r := want[op]; !r.ok {
			t.Fatalf("the pristine library fails %s: %s", op, r.output)
		}
	}
	var stats struct{ same, errors, payload, failures, damaged, rot, rotWrites, rotUnseen int }
	for i := 1; i < len(cs); i++ {
		c, got := cs[i], results[i]
		if crashes[i] != "" {
			stats.failures++
			t.Errorf("trial %d (%s at %v): crashed: %s", i, c.kind, c.offsets, crashes[i])
			continue
		}
		if i%2 == 0 {
			stats.rot++
		}
		if !got["check"].ok {
			stats.damaged++
		}
		for _, op := range corruptOps {
			r, ok := got[op]
			switch {
			case !ok:
				t.Errorf("trial %d: no result for %s", i, op)
			case strings.HasPrefix(r.output, "FAIL "):
				stats.failures++
				t.Errorf("trial %d (%s at %v), %s: %s", i, c.kind, c.offsets, op, r.output)
			case !r.ok:
				stats.errors++
			case writeOp(op) && !got["check"].ok && i%2 == 1:
				stats.failures++
				t.Errorf("trial %d (%s at %v), %s: a damaged file was written", i, c.kind, c.offsets, op)
			case writeOp(op) && !got["check"].ok:
				// Damage the library had no way to see (it matched the state
				// of a sound file, and the write read no damaged page).
				stats.rotWrites++
			case r.output == want[op].output || writeOp(op) || op == "check" || op == "backup" || op == "daily" || op == "restore":
				stats.same++
			case inSpans(unchecked, c.offsets):
				stats.payload++
			case i%2 == 0 && !got["check"].ok:
				// Damage after the last check that no record's own check
				// sees (an index page's element pointing past its page):
				// found by the next whole-file check, not by this read.
				stats.rotUnseen++
			default:
				stats.failures++
				t.Errorf("trial %d (%s at %v), %s: a different output without an error", i, c.kind, c.offsets, op)
			}
		}
	}
	t.Logf("corruption fuzzer: %d damaged files (%d found damaged by the whole-file check, %d of them opened as if checked before the damage), %d operations: %d as on the pristine file, %d one-line errors with the file untouched, %d different records where the damage hit unchecksummed record bytes, %d writes to and %d different outputs from a file whose damage came after its last check where nothing read checks it, %d failures",
		trials, stats.damaged, stats.rot, trials*len(corruptOps), stats.same, stats.errors, stats.payload, stats.rotWrites, stats.rotUnseen, stats.failures)
}

// pretendChecked writes a state matching the file as it is, as Close
// would have before the damage.
func pretendChecked(p string) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	defer f.Close()
	fi, _ := f.Stat()
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		return
	}
	if st, err := stateOf(f, pf.meta); err == nil {
		writeState(osFS{}, p, st)
	}
}

// runCorruptChild runs the operations on trials 0..n-1 under base in child
// processes, starting a new child after one crashes, and returns each
// trial's results and crash reports.
func runCorruptChild(t *testing.T, base string, n int) (map[int]map[string]corruptResult, map[int]string) {
	results := map[int]map[string]corruptResult{}
	crashes := map[int]string{}
	for from := 0; from < n; {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCorruptChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), corruptChildEnv+"="+base, "DRAMATIS_CORRUPT_FROM="+strconv.Itoa(from), "DRAMATIS_CORRUPT_TO="+strconv.Itoa(n))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		last := from
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), " ", 4)
			if len(f) < 3 {
				continue
			}
			trial, _ := strconv.Atoi(f[1])
			switch f[0] {
			case "B":
				last = trial
			case "R":
				if results[trial] == nil {
					results[trial] = map[string]corruptResult{}
				}
				r := corruptResult{ok: len(f) == 4 && strings.HasPrefix(f[3], "OK ")}
				if len(f) == 4 {
					r.output = strings.TrimPrefix(f[3], "OK ")
				}
				results[trial][f[2]] = r
			}
		}
		err = cmd.Wait()
		if err == nil {
			break
		}
		msg := stderr.String()
		if i := strings.Index(msg, "fatal error"); i >= 0 {
			msg = msg[i:]
		} else if i := strings.Index(msg, "panic:"); i >= 0 {
			msg = msg[i:]
		}
		if len(msg) > 600 {
			msg = msg[:600]
		}
		crashes[last] = fmt.Sprintf("%v: %s", err, msg)
		from = last + 1
	}
	return results, crashes
}

// TestCorruptChild is the child of the corruption fuzzer: for each trial
// folder it runs every operation and prints "B trial op" before and
// "R trial op OK hash" or "R trial op ERR text" (or "FAIL why") after.
func TestCorruptChild(t *testing.T) {
	base := os.Getenv(corruptChildEnv)
	if base == "" {
		t.Skip("only runs as the child of TestCorruptionNeverCrashesOrWritesDamagedFiles")
	}
	from, _ := strconv.Atoi(os.Getenv("DRAMATIS_CORRUPT_FROM"))
	to, _ := strconv.Atoi(os.Getenv("DRAMATIS_CORRUPT_TO"))
	pristine := filepath.Join(base, "pristine", "library.db")
	ids, actorIDs := corruptTargets(pristine)
	for i := from; i < to; i++ {
		p := filepath.Join(base, strconv.Itoa(i), "library.db")
		for _, op := range corruptOps {
			fmt.Printf("B %d %s\n", i, op)
			os.Stdout.Sync()
			before := hashFile(p)
			out, err := corruptOp(op, p, base, i, ids, actorIDs)
			after := hashFile(p)
			line := ""
			switch {
			case err == nil:
				line = "OK " + out
			case strings.Contains(err.Error(), "\n"):
				line = "FAIL the error is not one line: " + strconv.Quote(err.Error())
			case before != after:
				line = "FAIL the file was written although the operation failed: " + err.Error()
			case strings.HasPrefix(err.Error(), "FAIL "):
				line = err.Error()
			default:
				line = "ERR " + err.Error()
			}
			if err == nil && before != after && !writeOp(op) {
				line = "FAIL a reading operation changed the file"
			}
			fmt.Printf("R %d %s %s\n", i, op, line)
		}
	}
}

// corruptTargets reads the pristine library's article and actor ids: the
// operations ask for them by id, as a command would.
func corruptTargets(p string) (articles, actors []string) {
	l, err := OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		panic(err)
	}
	defer l.Close()
	arts, _ := l.Articles()
	for _, a := range arts {
		articles = append(articles, a.ID)
	}
	as, _ := l.Actors()
	for _, a := range as {
		actors = append(actors, a.ID)
	}
	return articles, actors
}

func hashFile(p string) string {
	d, err := os.ReadFile(p)
	if err != nil {
		return "missing"
	}
	s := sha256.Sum256(d)
	return hex.EncodeToString(s[:8])
}

func digest(parts ...any) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%v\x00", p)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// corruptOp runs one operation on the library at p and returns a digest
// of what it would show.
func corruptOp(op, p, base string, trial int, ids, actorIDs []string) (string, error) {
	ro := Options{ReadOnly: true}
	rw := Options{StartBackup: func(string) {}}
	withLib := func(o Options, f func(l *Library) (string, error)) (string, error) {
		l, err := OpenWith(p, o)
		if err != nil {
			return "", err
		}
		defer l.Close()
		return f(l)
	}
	switch op {
	case "check":
		rep, err := checkPath(p)
		if err != nil {
			return "", err
		}
		if err := rep.Err(); err != nil {
			return "", err
		}
		return "sound", nil
	case "list":
		return withLib(ro, func(l *Library) (string, error) {
			arts, err := l.Articles()
			var parts []any
			for _, a := range arts {
				parts = append(parts, a.ID, a.Title, a.URL, a.Highlights, a.Orphaned, a.Added.UnixMilli())
			}
			return digest(parts...), err
		})
	case "show":
		return withLib(ro, func(l *Library) (string, error) {
			var parts []any
			for _, id := range ids {
				a, _, err := l.Article(id)
				if err != nil {
					return "", err
				}
				hs, err := l.Highlights(id)
				if err != nil {
					return "", err
				}
				parts = append(parts, a.Title, a.Text(), fmt.Sprintf("%+v", hs))
			}
			return digest(parts...), nil
		})
	case "search":
		return withLib(ro, func(l *Library) (string, error) {
			arts, err := l.SearchArticles("Sicherheitsrat")
			var parts []any
			for _, a := range arts {
				parts = append(parts, a.ID)
			}
			return digest(parts...), err
		})
	case "actors":
		return withLib(ro, func(l *Library) (string, error) {
			as, err := l.Actors()
			if err != nil {
				return "", err
			}
			counts, err := l.HighlightCounts()
			return digest(fmt.Sprintf("%+v", as), fmt.Sprint(counts)), err
		})
	case "actorhl":
		return withLib(ro, func(l *Library) (string, error) {
			var parts []any
			for _, id := range actorIDs {
				hs, err := l.ActorHighlights(id)
				if err != nil {
					return "", err
				}
				for _, h := range hs {
					parts = append(parts, h.ID)
				}
			}
			return digest(parts...), nil
		})
	case "annotate":
		return withLib(rw, func(l *Library) (string, error) {
			_, err := l.AddHighlight(annotation.Highlight{ArticleID: ids[0], Start: 0, End: 5})
			return "", err
		})
	case "import":
		return withLib(rw, func(l *Library) (string, error) {
			_, err := l.ImportArticle(newArticle("https://example.org/neu", "Neu", "Ein neuer Text über Seoul und Pjöngjang."))
			return "", err
		})
	case "backup":
		target := filepath.Join(base, strconv.Itoa(trial), "copy.db")
		return withLib(ro, func(l *Library) (string, error) {
			err := l.Backup(target)
			if rep, cerr := checkPath(target); err == nil && (cerr != nil || rep.Err() != nil) {
				return "", fmt.Errorf("FAIL a backup that does not read was called a success: %v %v", cerr, rep.Err())
			}
			return "", err
		})
	case "daily":
		_, err := makeDailyBackupUnlocked(osFS{}, p, time.Now)
		bs, _ := backups(p)
		for _, b := range bs {
			if rep, cerr := checkPath(b); cerr != nil || rep.Err() != nil {
				return "", fmt.Errorf("FAIL a daily backup that does not read was kept: %v %v", cerr, rep.Err())
			}
		}
		return "", err
	case "restore":
		dir := filepath.Join(base, strconv.Itoa(trial), "restore")
		os.MkdirAll(dir, 0o700)
		target := filepath.Join(dir, "library.db")
		src, _ := os.ReadFile(filepath.Join(base, "pristine", "library.db"))
		os.WriteFile(target, src, 0o600)
		before := hashFile(target)
		err := Restore(target, p)
		if err != nil {
			if hashFile(target) != before {
				return "", fmt.Errorf("FAIL a refused restore changed the library: %v", err)
			}
			return "", err
		}
		if rep, cerr := checkPath(target); cerr != nil || rep.Err() != nil {
			return "", fmt.Errorf("FAIL a restore put in a library that does not read: %v %v", cerr, rep.Err())
		}
		return "", nil
	}
	return "", errors.New("unknown op " + op)
}

// A page pointer that leads outside the file, in a library whose state says
// it was checked (the damage came after: bit rot), makes bbolt fault in its
// memory map when the operation reaches it. The fault guard turns that into
// a one-line "damaged" error and a library that is no longer written, never
// a crash: every operation runs in a child, and must end in its output or
// an error, and those that read highlights in "damaged".
func TestFaultOnADamagedPageIsDamageNotACrash(t *testing.T) {
	if os.Getenv(corruptChildEnv) != "" {
		t.Skip("in the child")
	}
	base := t.TempDir()
	pristinePath := filepath.Join(base, "pristine", "library.db")
	buildCorruptionTarget(t, pristinePath)
	pristine, err := os.ReadFile(pristinePath)
	if err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte(nil), pristine...)
	at := bucketRootOffset(t, pristinePath, bHighlights)
	binary.LittleEndian.PutUint64(damaged[at:], 1<<34) // 64 TiB into the file
	for i, data := range [][]byte{pristine, damaged} {
		p := filepath.Join(base, strconv.Itoa(i), "library.db")
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pretendChecked(filepath.Join(base, "1", "library.db"))
	results, crashes := runCorruptChild(t, base, 2)
	if crashes[1] != "" {
		t.Fatalf("crashed: %s", crashes[1])
	}
	for _, op := range corruptOps {
		r := results[1][op]
		switch {
		case strings.HasPrefix(r.output, "FAIL "):
			t.Errorf("%s: %s", op, r.output)
		case (op == "show" || op == "actorhl" || op == "annotate") && (r.ok || !strings.Contains(r.output, "damaged")):
			t.Errorf("%s on a library whose highlights lie outside the file: ok=%v %q, want a damaged error", op, r.ok, r.output)
		}
	}
}

// bucketRootOffset is the file offset of the root page id of a top-level
// bucket (not inline) in the library at p. The root bucket's tree is one
// leaf in a small library and a branch over leaves once it holds enough
// buckets: the search goes down to the leaf whose key range holds bucket.
func bucketRootOffset(t *testing.T, p string, bucket []byte) int64 {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	id := pf.meta.root
	for depth := 0; ; depth++ {
		pg, _, err := pf.readPage(id, nil)
		if err != nil || depth > 8 {
			t.Fatalf("the root bucket's page %d does not read: %v", id, err)
		}
		if pg.flags == flagLeaf {
			return leafBucketValueOffset(t, pf, pg, bucket)
		}
		id = branchChildFor(t, pg, bucket)
	}
}

// branchChildFor returns the child of a branch page whose key range holds
// key: the last element whose key is not above it.
func branchChildFor(t *testing.T, pg page, key []byte) uint64 {
	t.Helper()
	var child uint64
	for i := 0; i < pg.count; i++ {
		ks, vs, _, _, c, err := elementSpan(pg.data, false, i)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && string(pg.data[ks:vs]) > string(key) {
			break
		}
		child = c
	}
	return child
}

// leafBucketValueOffset is the file offset of bucket's root page id in the
// leaf page pg of the root bucket.
func leafBucketValueOffset(t *testing.T, pf *pageFile, pg page, bucket []byte) int64 {
	t.Helper()
	for i := 0; i < pg.count; i++ {
		ks, vs, _, flags, _, err := elementSpan(pg.data, true, i)
		if err != nil {
			t.Fatal(err)
		}
		if flags&leafBucket != 0 && string(pg.data[ks:vs]) == string(bucket) {
			if binary.LittleEndian.Uint64(pg.data[vs:]) == 0 {
				t.Fatalf("the %s bucket is inline", bucket)
			}
			return int64(pg.id)*int64(pf.meta.pageSize) + int64(vs)
		}
	}
	t.Fatalf("no %s bucket", bucket)
	return 0
}
