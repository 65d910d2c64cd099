package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// noSyncFS is the operating system's file system without syncs: the
// property test runs thousands of exports and tests nothing of syncing.
type noSyncFS struct{ osFS }

func (noSyncFS) SyncFiles(string, []string) error { return nil }
func (noSyncFS) SyncDir(string) error             { return nil }

// propWords make quotes, notes and titles.
var propWords = strings.Fields("Kim Peking sagt Waffen Öl Russland Gipfel Handel Zoll Streit Frieden bereit nicht mehr schweigt liefert")

// propWorld is one article whose highlights change at random, exported
// into a folder whose note a reader edits at random.
type propWorld struct {
	t     *testing.T
	rng   *rand.Rand
	dir   string
	lib   *Library
	seq   int // the next highlight number
	token int // the next reader token
	fw    *folderWriter
}

func (w *propWorld) words(n int) string {
	var ws []string
	for range n {
		ws = append(ws, propWords[w.rng.IntN(len(propWords))])
	}
	return strings.Join(ws, " ")
}

func newPropWorld(t *testing.T, seed uint64) *propWorld {
	w := &propWorld{t: t, rng: rand.New(rand.NewPCG(seed, 7)), dir: t.TempDir()}
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	w.lib = &Library{
		Articles: []Article{{ID: "01JPROP0000000000000000000", Added: t0, Article: article.Article{
			Title: "Prop " + w.words(3), Blocks: []article.Block{{Type: article.Paragraph, Text: w.words(40)}}}}},
		Actors: []annotation.Actor{
			{ID: "01JA1", Name: "China", Kind: annotation.KindState},
			{ID: "01JA2", Name: "Kim Jong-un", Kind: annotation.KindPerson},
			{ID: "01JA3", Name: "Ian Bremmer", Kind: annotation.KindPerson},
		},
	}
	for range 1 + w.rng.IntN(6) {
		w.addHighlight()
	}
	w.fw = &folderWriter{dir: w.dir, fs: noSyncFS{}, now: func() time.Time { return t0 }, batchNotes: 3, batchBytes: batchBytes, workers: 2}
	return w
}

func (w *propWorld) art() *Article { return &w.lib.Articles[0] }

func (w *propWorld) addHighlight() {
	w.seq++
	h := annotation.Highlight{ID: fmt.Sprintf("01JH%022d", w.seq), ArticleID: w.art().ID, Start: w.rng.IntN(1000), Quote: annotation.TextQuote{Exact: w.words(2 + w.rng.IntN(8))}}
	h.End = h.Start + 5
	if w.rng.IntN(3) == 0 {
		h.Note = w.words(3)
	}
	if w.rng.IntN(6) == 0 {
		h.Orphaned = "gone"
	}
	w.setActors(&h)
	w.art().Highlights = append(w.art().Highlights, h)
	sortHighlights(w.art().Highlights)
}

func (w *propWorld) setActors(h *annotation.Highlight) {
	h.Actors = nil
	for _, a := range w.lib.Actors {
		if w.rng.IntN(2) == 0 {
			h.Actors = append(h.Actors, annotation.ActorRef{ActorID: a.ID, Role: []annotation.Role{annotation.RoleSpeaker, annotation.RoleTarget, annotation.RoleMentioned}[w.rng.IntN(3)]})
		}
	}
}

// dramatisChanges changes the library at random: highlights added,
// deleted, re-noted, re-tagged, re-quoted, the title.
func (w *propWorld) dramatisChanges() (added []string) {
	hs := &w.art().Highlights
	for range w.rng.IntN(4) {
		switch k := w.rng.IntN(6); {
		case k == 0 || len(*hs) == 0:
			w.addHighlight()
			added = append(added, blockID(fmt.Sprintf("01JH%022d", w.seq)))
		case k == 1:
			i := w.rng.IntN(len(*hs))
			*hs = slices.Delete(*hs, i, i+1)
		case k == 2:
			(*hs)[w.rng.IntN(len(*hs))].Note = w.words(1 + w.rng.IntN(4))
		case k == 3:
			w.setActors(&(*hs)[w.rng.IntN(len(*hs))])
		case k == 4:
			(*hs)[w.rng.IntN(len(*hs))].Quote.Exact = w.words(3)
		default:
			w.art().Title = "Prop " + w.words(3)
		}
	}
	return added
}

// tokenRE finds the reader's tokens in a note.
var tokenRE = regexp.MustCompile(`R[0-9]+x`)

// readerEdits edits the note file at random as a reader would: lines
// added anywhere (above the front matter too), lines of Dramatis's
// changed or deleted, markers deleted, text typed on a marker's line, a
// byte order mark.
func (w *propWorld) readerEdits(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		w.t.Fatal(err)
	}
	s := string(data)
	bom := strings.HasPrefix(s, "\ufeff")
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(s, "\ufeff"), "\n"), "\n")
	for range 1 + w.rng.IntN(4) {
		body := bodyStart(lines)
		tok := func() string { w.token++; return fmt.Sprintf("R%dx", w.token) }
		switch k := w.rng.IntN(10); {
		case k < 4: // a new line anywhere in the body
			i := body + w.rng.IntN(len(lines)-body+1)
			lines = slices.Insert(lines, i, tok()+" "+w.words(2))
		case k < 6: // a line changed
			i := body + w.rng.IntN(len(lines)-body)
			lines[i] += " " + tok()
		case k < 8: // a line that is not the reader's deleted
			i := body + w.rng.IntN(len(lines)-body)
			if !tokenRE.MatchString(lines[i]) && len(lines)-body > 1 {
				lines = slices.Delete(lines, i, i+1)
			}
		case k == 8: // text above the front matter
			lines = slices.Insert(lines, 0, tok()+" above")
		default:
			bom = true
		}
	}
	s = strings.Join(lines, "\n") + "\n"
	if bom {
		s = "\ufeff" + s
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// bodyStart is the index of the first line after the front matter.
func bodyStart(lines []string) int {
	id := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "dramatis_id:") })
	for i := id; i < len(lines); i++ {
		if lines[i] == "---" {
			return i + 1
		}
	}
	panic("no front matter")
}

// notePath finds the file of the article's note: there must be exactly
// one.
func (w *propWorld) notePath() string {
	var found []string
	for _, e := range listDir(w.t, w.dir) {
		if strings.HasSuffix(e, ".md") && readNoteID(filepath.Join(w.dir, e)) == w.art().ID {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		w.t.Fatalf("%d notes for the article: %q", len(found), found)
	}
	return filepath.Join(w.dir, found[0])
}

// TestMergeNeverLosesAReaderLine: random reader edits (inside and outside
// the managed part, above the front matter, deleted markers, a byte order
// mark) × random changes in Dramatis, exported round after round: every
// line the reader added or changed is in the note afterwards, in its
// order; the article has one note with one managed part; Dramatis's new
// highlights are in it unless a conflict was reported (and then its
// copy exists); an export with nothing new changes nothing.
func TestMergeNeverLosesAReaderLine(t *testing.T) {
	scenarios, rounds := 150, 5
	if testing.Short() {
		scenarios = 40
	}
	var conflicts, written int
	for sc := range scenarios {
		w := newPropWorld(t, uint64(sc))
		if _, err := w.fw.write(w.lib, PerArticle); err != nil {
			t.Fatal(err)
		}
		for round := range rounds {
			path := w.notePath()
			w.readerEdits(path)
			before := tokenRE.FindAllString(readFile(t, path), -1)
			added := w.dramatisChanges()
			rep, err := w.fw.write(w.lib, PerArticle)
			if err != nil || len(rep.Skipped) != 0 || len(rep.Warnings) != 0 {
				t.Fatalf("scenario %d round %d: %+v %v", sc, round, rep, err)
			}
			written += len(rep.Written)
			path = w.notePath()
			got := readFile(t, path)
			if after := tokenRE.FindAllString(got, -1); !slices.Equal(before, after) {
				t.Fatalf("scenario %d round %d: the reader's lines %q became %q:\n%s", sc, round, before, after, got)
			}
			checkOneManagedPart(t, got)
			conflicts += len(rep.Conflicts)
			for _, c := range rep.Conflicts {
				if _, err := os.Stat(filepath.Join(w.dir, c.Copy)); err != nil {
					t.Fatalf("scenario %d round %d: conflict copy: %v", sc, round, err)
				}
			}
			for _, id := range added {
				still := slices.ContainsFunc(w.art().Highlights, func(h annotation.Highlight) bool { return blockID(h.ID) == id })
				if still && len(rep.Conflicts) == 0 && !strings.Contains(got, "\n^"+id+"\n") {
					t.Fatalf("scenario %d round %d: the new highlight %s is missing:\n%s", sc, round, id, got)
				}
			}
			for _, h := range w.art().Highlights {
				if n := strings.Count(got, "\n^"+blockID(h.ID)+"\n"); n > 1 {
					t.Fatalf("scenario %d round %d: highlight %s written %d times:\n%s", sc, round, h.ID, n, got)
				}
			}
			if rep, _ := w.fw.write(w.lib, PerArticle); len(rep.Written) != 0 || readFile(t, path) != got {
				t.Fatalf("scenario %d round %d: a repeated export rewrote the note: %+v", sc, round, rep)
			}
		}
	}
	t.Logf("%d scenarios × %d rounds: %d notes written, %d conflicts", scenarios, rounds, written, conflicts)
}
