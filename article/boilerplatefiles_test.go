package article

import "testing"

// TestEmbeddedBoilerplateListsParse fails the build's tests when a shipped
// phrase list does not parse (a typo, or a merge conflict's markers left in
// it): at run time such a list is dropped whole, and cleaning goes on
// without a word, which no other test would notice.
func TestEmbeddedBoilerplateListsParse(t *testing.T) {
	pl, err := loadedBoilerplate()
	if err != nil {
		t.Fatalf("the embedded boilerplate lists: %v", err)
	}
	for _, lang := range []string{"de", "en"} {
		bp := pl.byLang[lang]
		if bp == nil || len(bp.lines) == 0 || len(bp.prefixes) == 0 {
			t.Errorf("boilerplate/%s.txt is missing or nearly empty", lang)
		}
	}
}

// TestConflictMarkersAreRefused: a list with a merge conflict left in it
// is refused, not read around.
func TestConflictMarkersAreRefused(t *testing.T) {
	for _, data := range []string{
		"line: Teilen\n<<<<<<< HEAD\nline: Drucken\n=======\nline: Mehr\n>>>>>>> main\n",
		"=======\n",
	} {
		if _, err := parseBoilerplate("de", data); err == nil {
			t.Errorf("a list with conflict markers parsed: %q", data)
		}
	}
}
