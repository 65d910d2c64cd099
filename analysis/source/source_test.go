package source

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// TestReadALibrary stores two articles, one dated, with highlights naming
// two actors, and checks the corpus and the network read from the file.
func TestReadALibrary(t *testing.T) {
	lib, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	published := time.Date(2024, 11, 8, 12, 22, 0, 0, time.UTC)
	var ids []string
	for _, a := range []*article.Article{
		{Title: "Kim warnt", Site: "tagesschau.de", Published: published, Blocks: []article.Block{{Type: article.Paragraph, Text: "Kim warnte Peking und Washington."}}},
		{Title: "Ohne Datum", Blocks: []article.Block{{Type: article.Paragraph, Text: "Peking schweigt."}}},
	} {
		r, err := lib.ImportArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	kim, _ := lib.AddActor(annotation.Actor{Name: "Kim Jong Un", Kind: annotation.KindPerson})
	china, _ := lib.AddActor(annotation.Actor{Name: "China", Kind: annotation.KindState})
	add := func(article string, start, end int, refs ...annotation.ActorRef) {
		if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: article, Start: start, End: end, Actors: refs}); err != nil {
			t.Fatal(err)
		}
	}
	add(ids[0], 0, 18, annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker}, annotation.ActorRef{ActorID: china.ID, Role: annotation.RoleTarget})
	add(ids[1], 0, 6, annotation.ActorRef{ActorID: china.ID})

	c, skipped, err := Read(lib, nil)
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	if len(c.Articles) != 2 || len(c.Highlights) != 2 || len(c.Actors) != 2 {
		t.Fatalf("corpus: %d articles, %d highlights, %d actors", len(c.Articles), len(c.Highlights), len(c.Actors))
	}
	x := analysis.NewIndex(c)
	if len(x.Statements) != 3 || !x.Statements[0].Date.Equal(published) {
		t.Errorf("statements %+v; the first should be dated %v", x.Statements, published)
	}
	n, err := x.Network(x.Select(analysis.Filter{}), analysis.NetworkOptions{Edges: analysis.EdgesRoles})
	if err != nil || len(n.Edges) != 1 || n.Nodes[n.Edges[0].Source].Label != "Kim Jong Un" || x.Corpus.Highlights[x.Statements[0].Highlight].Quote != "Kim warnte Peking " {
		t.Errorf("roles network %+v (%v)", n, err)
	}
	one, _, err := Read(lib, []string{ids[1]})
	if err != nil || len(one.Articles) != 1 || len(one.Highlights) != 1 {
		t.Errorf("one article: %+v, %v", one, err)
	}
}
