package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The metadata of a page copy is judged against what the readability
// corpus records of each page (expected-metadata.json: byline and
// publishedTime), on the pages whose copy states it: the author's name or
// the day (in any form findTextDate reads) appears in the copy. A byline
// is found when one of the authors is one of its names; a date when the
// day is the same. The floors sit at the measured counts (date 12 of 14,
// authors 31 of 53), a little under for authors.
const (
	minCopyDates   = 12
	minCopyAuthors = 30
)

// corpusMeta is the part of expected-metadata.json that a copy can state.
type corpusMeta struct {
	Byline        string `json:"byline"`
	PublishedTime string `json:"publishedTime"`
}

// metaCount counts the pages that state a field and those where it was
// found.
type metaCount struct{ stated, found int }

// TestCopyMetadataCorpus measures date and authors found in the
// readability corpus's copies.
func TestCopyMetadataCorpus(t *testing.T) {
	pages := loadCorpus(t)
	var date, authors metaCount
	for _, pg := range pages {
		raw, err := os.ReadFile(filepath.Join(corpusDir, pg.name, "expected-metadata.json"))
		if err != nil || len(pg.copy) == 0 {
			continue
		}
		var m corpusMeta
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		a, err := CleanText(pg.copy, pg.name)
		if err != nil {
			continue
		}
		text, _ := decodePageCopy(pg.copy, pg.name)
		lower := strings.ToLower(text)
		if day, ok := corpusDay(m.PublishedTime); ok && copyStatesDay(text, day) {
			date.stated++
			if !a.Published.IsZero() && a.Published.Format(time.DateOnly) == day {
				date.found++
			} else {
				t.Logf("  date missed %-35s want %s, got %v", pg.name, day, a.Published)
			}
		}
		if names := bylineNames(m.Byline); statesAny(lower, names) {
			authors.stated++
			if sharesName(a.Authors, names) {
				authors.found++
			} else {
				t.Logf("  authors missed %-32s want %q, got %q", pg.name, names, a.Authors)
			}
		}
	}
	t.Logf("%d copies: date %d of %d that state it, authors %d of %d",
		len(pages), date.found, date.stated, authors.found, authors.stated)
	if date.found < minCopyDates || authors.found < minCopyAuthors {
		t.Errorf("found date %d, authors %d; floors %d, %d", date.found, authors.found, minCopyDates, minCopyAuthors)
	}
}

// corpusDay is the calendar day of a recorded publication time.
func corpusDay(s string) (string, bool) {
	if len(s) < len("2006-01-02") {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return "", false
	}
	return s[:10], true
}

// copyStatesDay reports whether a line of the copy holds a date on day.
func copyStatesDay(text, day string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		if d, ok := findTextDate(strings.TrimSpace(line), ""); ok && d.t.Format(time.DateOnly) == day {
			return true
		}
	}
	return false
}

// bylineNames splits a recorded byline into the names of people in it.
func bylineNames(byline string) []string {
	byline = strings.Join(strings.Fields(byline), " ")
	if byline == "" {
		return nil
	}
	if names := parseAuthors(byline); names != nil {
		return names
	}
	var out []string
	for _, part := range strings.FieldsFunc(byline, func(r rune) bool { return r == ',' || r == '|' }) {
		if p := strings.TrimSpace(part); looksLikeName(p) {
			out = append(out, p)
		}
	}
	return out
}

// statesAny reports whether the lower-cased text names one of names.
func statesAny(lower string, names []string) bool {
	for _, n := range names {
		if strings.Contains(lower, strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// sharesName reports whether got holds one of want's names.
func sharesName(got, want []string) bool {
	for _, g := range got {
		for _, w := range want {
			if strings.EqualFold(g, w) {
				return true
			}
		}
	}
	return false
}
