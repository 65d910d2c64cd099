package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// paywallPage is nkPage after it went behind a paywall: its lead and the
// publisher's pitch.
const paywallPage = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Raketen | Beispiel</title>
<link rel="canonical" href="https://example.org/nk"></head>
<body><article><h1>Nordkorea testet Raketen</h1>
<p>Nordkorea hat erneut Raketen getestet. Die Regierung in Seoul zeigte sich besorgt über die Entwicklung.</p>
<p>Lesen Sie weiter mit einem Abonnement: alle Artikel, jederzeit kündbar, ab dem ersten Monat.</p>
</article></body></html>`

// homePage names the same canonical address as nkPage (a site that points
// every page at one address) but is another article.
const homePage = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Haushalt | Beispiel</title>
<link rel="canonical" href="https://example.org/nk"></head>
<body><article><h1>Haushalt beschlossen</h1>
<p>Die Bundesregierung hat sich nach langen Verhandlungen auf einen Haushalt für das kommende Jahr geeinigt.</p>
<p>Der Finanzminister sprach von einem tragfähigen Kompromiss, die Opposition von Buchungstricks und Schattenhaushalten.</p>
</article></body></html>`

// import a bad b: every source's line says which article it became and
// how; the failing one says why; stdout keeps one id per stored source.
func TestImportSaysWhichSourceBecameWhichArticle(t *testing.T) {
	l := newLibEnv(t)
	nk, home := l.page("nk.html", nkPage), l.page("home.html", homePage)
	bad := filepath.Join(l.dir, "missing.html")
	code, out, errs := l.run("", "import", nk, bad, home)
	ids := strings.Fields(out)
	if code != 1 || len(ids) != 2 {
		t.Fatalf("import a bad b: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	want := []string{
		"dramatis import: " + nk + ": " + ids[0] + " new",
		"dramatis import: " + bad + ": no such file",
		"dramatis import: " + home + ": " + ids[1] + " new (the page names the address of article " + ids[0] + ", but its text is different",
	}
	if len(lines) != 3 {
		t.Fatalf("stderr %q", errs)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Fatalf("stderr line %d = %q, want %q", i, lines[i], w)
		}
	}
	if code, _, errs := l.run("", "import", nk); code != 0 || !strings.HasSuffix(strings.TrimSpace(errs), ids[0]+" unchanged") {
		t.Fatalf("import again: exit %d, %q", code, errs)
	}
}

// A re-import that would orphan most highlights is refused without
// --force and changes nothing; forced, the old text is a version that
// 'versions' lists, 'versions show' prints and 'versions restore' brings
// back with every highlight in place.
func TestVersionsRefuseListShowRestore(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "man werde sich von niemandem einschüchtern lassen", "--actor", "Kim Jong Un:speaker")
	l.ok("annotate", id, "--quote", "verhinderten im Sicherheitsrat")
	before := l.snapshot(id)
	paywall := l.page("nk-paywall.html", paywallPage)

	code, out, errs := l.run("", "import", paywall)
	if code != 1 || out != "" || !strings.Contains(errs, "refused: re-importing would orphan 2 of the 2 highlights") ||
		!strings.Contains(errs, "--force") || strings.Count(errs, "\n") != 1 {
		t.Fatalf("paywalled re-import: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if l.snapshot(id) != before {
		t.Fatal("a refused re-import changed the library")
	}
	code, out, errs = l.run("", "import", "--force", paywall)
	if code != 0 || strings.TrimSpace(out) != id || !strings.Contains(errs, "updated: 2 orphaned (the previous version is kept as version 1)") {
		t.Fatalf("forced re-import: exit %d, %q, %q", code, out, errs)
	}

	list := l.ok("versions", id[:20])
	for _, w := range []string{"VERSION", "RESTORING FINDS", "re-imported", "2 of 2 highlights", "versions restore " + id + " N"} {
		if !strings.Contains(list, w) {
			t.Fatalf("versions list lacks %q:\n%s", w, list)
		}
	}
	var vs []versionJSON
	if err := json.Unmarshal([]byte(l.ok("versions", "list", id, "--json")), &vs); err != nil || len(vs) != 2 ||
		!vs[0].Current || vs[0].Number != 2 || vs[1].Restore == nil || vs[1].Restore.Found != 2 {
		t.Fatalf("versions --json = %+v, %v", vs, err)
	}
	if old := l.ok("versions", "show", id, "1"); !strings.Contains(old, "Version 1 of "+id) || !strings.Contains(old, "Russland und China") {
		t.Fatalf("versions show 1:\n%s", old)
	}
	if got := l.ok("versions", "restore", id, "v1"); !strings.Contains(got, "Restored version 1 of "+id+" as version 3: 2 found again (the previous version is kept as version 2)") {
		t.Fatalf("restore said %q", got)
	}
	var show showJSON
	json.Unmarshal([]byte(l.ok("show", id, "--json")), &show)
	if show.Version != 3 || len(show.Highlights) != 2 {
		t.Fatalf("after restore: %+v", show)
	}
	for _, h := range show.Highlights {
		if h.Orphaned != "" || string([]rune(show.Text)[h.Start:h.End]) != h.Quote {
			t.Fatalf("highlight after restore: %+v", h)
		}
	}
	// Going back to the paywalled text would orphan both again.
	code, _, errs = l.run("", "versions", "restore", id, "2")
	if code != 1 || !strings.Contains(errs, "restoring version 2 would orphan 2 of the 2 highlights") || !strings.Contains(errs, "--force") {
		t.Fatalf("restore of the paywalled version: exit %d, %q", code, errs)
	}
	for _, bad := range [][]string{{"versions"}, {"versions", "restore", id}, {"versions", "show", id, "zwei"}, {"versions", "show", id, "0"}} {
		if code, _, _ := l.run("", bad...); code != 2 {
			t.Errorf("dramatis %s: exit %d, want 2", strings.Join(bad, " "), code)
		}
	}
	if code, _, errs := l.run("", "versions", "show", id, "9"); code != 1 || !strings.Contains(errs, "has no version 9") {
		t.Errorf("versions show 9: exit %d, %q", code, errs)
	}
}
