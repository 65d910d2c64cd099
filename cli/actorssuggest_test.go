package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

const seedFixture = "../annotation/recognize/testdata/discover/seed/input.txt"

// suggestCLI runs 'actors suggest' in-process with DRAMATIS_LIBRARY set.
func suggestCLI(t *testing.T, libPath string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "DRAMATIS_LIBRARY" {
			return libPath
		}
		return ""
	}}
	err := runActorsSuggest(e, args)
	return out.String(), errb.String(), err
}

type candJSON struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Known       bool     `json:"known"`
	Count       int      `json:"count"`
	AliasesSeen []string `json:"aliases_seen"`
	FirstOffset *int     `json:"first_offset"`
	ActorID     string   `json:"actor_id"`
}

func TestActorsSuggestSourceJSON(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "none", "library.db")
	out, errs, err := suggestCLI(t, lib, seedFixture, "--json")
	if err != nil {
		t.Fatalf("%v (%s)", err, errs)
	}
	var cands []candJSON
	if err := json.Unmarshal([]byte(out), &cands); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	by := map[string]candJSON{}
	for _, c := range cands {
		by[c.Name] = c
		if c.FirstOffset == nil || c.AliasesSeen == nil || c.Count < 1 {
			t.Errorf("incomplete JSON record %+v", c)
		}
	}
	if c := by["Ian Bremmer"]; c.Kind != "person" || c.Known || c.Count != 4 {
		t.Errorf("Ian Bremmer: %+v", c)
	}
	if c := by["Nordkorea"]; c.Kind != "state" || !c.Known || c.Count < 30 {
		t.Errorf("Nordkorea: %+v", c)
	}
	if c := by["Eurasia Group"]; c.Kind != "organisation" || c.Known {
		t.Errorf("Eurasia Group: %+v", c)
	}
	if _, err := os.Stat(lib); err == nil {
		t.Errorf("suggesting for a file must not create the library")
	}
}

func TestActorsSuggestLibraryArticle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := loadSeedArticle(t)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	ballbach, err := l.AddActor(annotation.Actor{Name: "Eric Ballbach", Kind: annotation.KindPerson, Aliases: []string{"SWP-Experte"}})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()

	out, errs, err := suggestCLI(t, path, res.ID[:10])
	if err != nil {
		t.Fatalf("%v (%s)", err, errs)
	}
	if !strings.HasPrefix(out, "KIND") || !strings.Contains(out, "library") || !strings.Contains(out, "Eric Ballbach") {
		t.Errorf("text output:\n%s", out)
	}
	out, _, err = suggestCLI(t, path, "--json", res.ID)
	if err != nil {
		t.Fatal(err)
	}
	var cands []candJSON
	if err := json.Unmarshal([]byte(out), &cands); err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if c.Name == "Eric Ballbach" {
			if c.ActorID != ballbach.ID || c.Count != 3 {
				t.Errorf("library actor: %+v, want id %s ×3", c, ballbach.ID)
			}
			return
		}
	}
	t.Errorf("Eric Ballbach missing: %s", out)
}

func TestActorsSuggestErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if _, _, err := suggestCLI(t, path); err == nil {
		t.Error("no argument must be a usage error")
	}
	_, _, err := suggestCLI(t, path, "01ZZZZ-no-such-article")
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("unknown article: want a one-line error, got %v", err)
	}
}

// loadSeedArticle builds the seed fixture as an article, one paragraph per
// blank-line-separated block.
func loadSeedArticle(t *testing.T) *article.Article {
	t.Helper()
	b, err := os.ReadFile(seedFixture)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Title: "Seed", Lang: "de"}
	for _, p := range strings.Split(string(b), "\n\n") {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	a.Normalize()
	return a
}
