package article

import (
	"slices"
	"strings"
	"testing"
)

// TestCopyTitleRejects: which lines are candidates at all: not a dateline,
// a sentence, a credit, an entry under a time of day or a heading under the
// text's prose, a line in lower case; yes one in lower case that the lead
// opens with, one with its byline and dateline glued, one under the
// breadcrumb that ends with it however far up, a dated headline, a
// period of dates with its report, one ending in initials, one under a
// caption that opens the body, a sentence under its breadcrumb or with a
// byline or date under it, but not as the teaser of a headline above it.
func TestCopyTitleRejects(t *testing.T) {
	body := strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3)
	caption := "A train on the coast line at dawn, seen from the harbour wall."
	menu := strings.Repeat("Fahrplan\nTickets\n", titleLookup/2+10)
	cases := []struct {
		name, copy, line string
		want             bool
	}{
		{"a dateline", "Menu\nTuesday, 4 March 2025\n" + body, "Tuesday, 4 March 2025", false},
		{"a dated byline", "Menu\nTuesday 15 October 2019 by Jo Bloggs\n" + body, "Tuesday 15 October 2019 by Jo Bloggs", false},
		{"a byline before its date", "Menu\nBy Jo Bloggs, 15 October 2019\n" + body, "By Jo Bloggs, 15 October 2019", false},
		{"in lower case, as the lead opens", "coastal rail electrification\nMenu\nContents\nCoastal rail electrification (CRE) is the work of hanging wires over the coast line, which the regional railway started in 2021.\n" + body, "coastal rail electrification", true},
		{"in lower case, a fragment", "coastal rail electrification\nMenu\nContents\nThe work of hanging wires over the coast line, which the regional railway started in 2021, ends soon.\n" + body, "coastal rail electrification", false},
		{"with its byline glued", "Menu\nCoast line goes electric by JO BLOGGS MARCH 4, 2025 | 6:03 PM | Rail\n" + body, "Coast line goes electric by JO BLOGGS MARCH 4, 2025 | 6:03 PM | Rail", true},
		{"under its breadcrumb, far above the body", "StartseiteRatgeberRatgeber: Coast line goes electric\nRatgeber: Coast line goes electric\n" + menu + body, "Ratgeber: Coast line goes electric", true},
		{"far above the body", "Ratgeber\nRatgeber: Coast line goes electric\n" + menu + body, "Ratgeber: Coast line goes electric", false},
		{"a period of dates", "Menu\nWochenbericht 14. - 20. Januar 2022\n" + body, "Wochenbericht 14. - 20. Januar 2022", true},
		{"a dateline with a word", "Menu\nAktualisiert 20. Januar 2022\n" + body, "Aktualisiert 20. Januar 2022", false},
		{"a dated headline", "Menu\nCoast line strike on 5 March 2025 called off\n" + body, "Coast line strike on 5 March 2025 called off", true},
		{"a headline ending with initials", "Menu\nHow winter wreaks havoc on what lies under N.Y.C.\n" + body, "How winter wreaks havoc on what lies under N.Y.C.", true},
		{"a sentence", "Menu\nThe trains will run from next spring.\n" + body, "The trains will run from next spring.", false},
		{"a sentence over a byline", "Menu\nThe trains will run from next spring.\nBy Jo Bloggs\n" + body, "The trains will run from next spring.", true},
		{"a sentence under a sign-up button", "We use cookies to improve the service. By using this site, you agree to this use of cookies.\nSign in\nJoin now\nThe trains will run from next spring.\nPublished on August 19, 2019\n" + body, "The trains will run from next spring.", true},
		{"a sentence under its breadcrumb", "Menu\nStartseiteBahnThe trains will run from next spring.\nThe trains will run from next spring.\nCoast line news today\n" + body, "The trains will run from next spring.", true},
		{"a teaser under its headline", "Menu\nCoast line goes electric next spring\nThe trains will run from next spring.\nBy Jo Bloggs\n" + body, "The trains will run from next spring.", false},
		{"a sentence over a date", "Menu\nThe trains will run from next spring. Here is why.\n4 March 2025\n" + body, "The trains will run from next spring. Here is why.", true},
		{"under a caption in the body", "Menu\nHome\n" + caption + "\nCoast line goes electric next spring\n" + body, "Coast line goes electric next spring", true},
		{"under the text's prose", "Menu\nHome\n" + caption + "\n" + caption + "\n" + caption + "\nCoast line goes electric next spring\n" + body, "Coast line goes electric next spring", false},
		{"a credit", "Menu\nText and photos: Jo Bloggs\n" + body, "Text and photos: Jo Bloggs", false},
		{"under a time of day", "Menu\n11:52 GMT\nTrains run again this afternoon\n" + body, "Trains run again this afternoon", false},
	}
	for _, c := range cases {
		pc := newPageCopy(c.copy)
		s, e, ok := pc.bodyRange()
		if !ok {
			t.Fatalf("%s: no body", c.name)
		}
		got := false
		for _, cand := range pc.titleCandidates(s, e) {
			got = got || pc.lines[cand.line].text == c.line
		}
		if got != c.want {
			t.Errorf("%s: %q among the candidates = %v, want %v", c.name, c.line, got, c.want)
		}
	}
}

// TestCopyTitleCandidates: a line's shape alone rules it out (a hashtag, a
// rating, an item of a list, a byline or credit) or keeps it (a headline
// that starts like a byline, one without spaces).
func TestCopyTitleCandidates(t *testing.T) {
	pc := newPageCopy("x")
	for text, want := range map[string]bool{
		"Electric trains for the coast line":                true,
		"#Plug-in-Hybrid-Trains":                            false, // a hashtag
		"4.3182 330 5 1":                                    false, // a rating's figures
		"10.2003 - 02.2004":                                 false,
		"+ Containers can be locked in maps":                false, // an item of a list
		"宇航员在太空中喝酒会怎么样？后果很严重":                               true,  // no spaces, but letters
		"Von der Leyen will Kriegsland Ukraine in EU holen": true,  // starts like a byline, names no author
		"By the numbers: how the coast line went electric":  true,
		"Von Gregory Lipinski":                              false, // a byline
		"Photo by Jo Bloggs":                                false, // a credit
		"StartseiteKulturfragen\"Wir dekorieren um\"":       false, // a breadcrumb trail, glued
		"SLF StartseiteLawinenbulletin und Schneesituation": false, // glued, after the logo
		"Homeoffice-Pflicht: Was jetzt gilt":                true,
		"Homeschooling in der Pandemie":                     true,
	} {
		l := copyLine{text: text, words: max(countWords(text), minTitleWords)}
		if got := pc.headlineCandidate(&l); got != want {
			t.Errorf("headlineCandidate(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestCopyTitleShapes: made-up copies whose headline stands among lines
// that score as well by their words (a hashtag, a rating, a subtitle),
// or reads as a sentence because it asks.
func TestCopyTitleShapes(t *testing.T) {
	body := "\n" + strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3) +
		"\n\n" + strings.Repeat("Electric trains on the coast line need new overhead wires, which the operator has been building for two years. ", 3) + "\n"
	cases := []struct {
		name, header, want string
	}{
		{"question headline", "Rail news\nWhy will the regional operator run only electric trains on the whole coast line from next spring?\n",
			"Why will the regional operator run only electric trains on the whole coast line from next spring?"},
		{"headline above a dateline and a section heading", "Coast line goes electric: the operator finishes new wires\n6 November 2023 Jo Bloggs Rail, Coast, Wires\n\n(Credits: Rail Press)\n\nCoast trains vs. wires\n",
			"Coast line goes electric: the operator finishes new wires"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "Home\nTravel\nRegion\nSign in\n\n" + c.header + body
			a, err := CleanText([]byte(in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.want {
				t.Errorf("title %q, want %q", a.Title, c.want)
			}
		})
	}
}

// TestCopySiteNameLines: a line that a copyright notice names is the
// site's name, not the headline; the page's title in the notice after the
// holder's name is not.
func TestCopySiteNameLines(t *testing.T) {
	cases := []struct {
		notice, line string
		site         bool
	}{
		{"© 2021 Bundesamt für Naturschutz", "Bundesamt für Naturschutz", true},
		{"Copyright © 2015-2024 Example Media GmbH. All rights reserved.", "Example Media GmbH", true},
		{"© TV TODAY: Will Smith - TV TODAY", "TV TODAY", true},
		{"© TV TODAY: Will Smith - TV TODAY", "Will Smith", false},
		{"© bauemotion.de 2022 - Schneeräumpflicht: Das sollten Sie wissen", "Schneeräumpflicht: Das sollten Sie wissen", false},
	}
	for _, c := range cases {
		pc := newPageCopy(c.line + "\n\n" + c.notice + "\n")
		if got := pc.isSiteName(&pc.lines[0]); got != c.site {
			t.Errorf("isSiteName(%q) beside %q = %v, want %v", c.line, c.notice, got, c.site)
		}
	}
}

// TestGluedByline: a byline joined to the headline is cut off only when
// it is names (and a date); a headline that goes on after "by" is whole.
func TestGluedByline(t *testing.T) {
	cases := []struct{ line, head string }{
		{"The Deck of Cards That Made Tarot A Global Phenomenon by Laura June Topolsky July 10, 2015", "The Deck of Cards That Made Tarot A Global Phenomenon"},
		{"Coast line goes electric by Jo Bloggs", "Coast line goes electric"},
		{"Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate", "Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate"},
	}
	for _, c := range cases {
		if head, _, _ := gluedByline(c.line); head != c.head {
			t.Errorf("gluedByline(%q) = %q, want %q", c.line, head, c.head)
		}
	}
}

// TestContentWords: the words of four letters or more, lower-cased; a
// word keeps its combining marks (the vowel signs of Bengali), which are
// no letters.
func TestContentWords(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Coast line goes electric", []string{"coast", "line", "goes", "electric"}},
		{"Ein Tag am Meer", []string{"meer"}},
		{"এমপির ভাইকে নিজ বাড়ির সামনেই কুপিয়ে হত্যা", []string{"এমপির", "ভাইকে", "বাড়ির", "সামনেই", "কুপিয়ে", "হত্যা"}},
	}
	for _, c := range cases {
		if got := contentWords(c.text); !slices.Equal(got, c.want) {
			t.Errorf("contentWords(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCopyTitleFeatures: each sign of a headline is measured where the
// copy shows it and not elsewhere.
func TestCopyTitleFeatures(t *testing.T) {
	body := strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3)
	cases := []struct {
		name, copy, line string
		feature          int
		want             bool
	}{
		{"quoted in a share text", "Coast line goes electric next spring\n" + body + "\nShare: Coast line goes electric next spring\n", "Coast line goes electric next spring", tfQuoted, true},
		{"not quoted", "Coast line goes electric next spring\n" + body + "\n", "Coast line goes electric next spring", tfQuoted, false},
		{"a dateline", "Coast line goes electric\nTuesday 15 October 2019, a report from the coast\n" + body, "Tuesday 15 October 2019, a report from the coast", tfMetaLine, true},
		{"a headline is no dateline", "Coast line goes electric\nTuesday 15 October 2019, a report from the coast\n" + body, "Coast line goes electric", tfMetaLine, false},
		{"a subtitle under its headline", "Menu\nCoast line goes electric next spring\nThe operator finishes wires\nBy Jo Bloggs\n" + body, "The operator finishes wires", tfAboveNamesMore, true},
		{"a headline under its kicker", "Menu\nRail news today\nCoast line goes electric next spring\nBy Jo Bloggs\n" + body, "Rail news today", tfBelowNamesMore, true},
		{"a headline is no kicker", "Menu\nRail news today\nCoast line goes electric next spring\nBy Jo Bloggs\n" + body, "Coast line goes electric next spring", tfBelowNamesMore, false},
		{"a byline under the subtitle", "Menu\nCoast line goes electric next spring\nThe operator finishes wires\nBy Jo Bloggs\n" + body, "Coast line goes electric next spring", tfMetaUnderSubtitle, true},
		{"a recurring label", "Rail News\nCoast line goes electric next spring\n" + body + "\nRail News\n", "Rail News", tfRepeatedLabel, true},
		{"a recurring headline is no label", "Coast line goes electric\n" + body + "\nCoast line goes electric\n", "Coast line goes electric", tfRepeatedLabel, false},
		{"a list's next item is no teaser", "Coast line goes electric next spring\nSummary\nMore than 100 trains will run on the coast line every day\nThousands of passengers are waiting for the new electric trains on the line now\nRail services in the south are suspended until at least midday\n" + body,
			"More than 100 trains will run on the coast line every day", tfTeaserBelow, false},
		{"the lead uses its words", "Menu\nElectric trains for the coast line\n" + body, "Electric trains for the coast line", tfLeadShared, true},
		{"the lead does not use its words", "Menu\nOpening hours of the museum\n" + body, "Opening hours of the museum", tfLeadShared, false},
		{"a long line below is a teaser", "Coast line goes electric next spring\nThousands of passengers are waiting for the electric trains on the line now\n" + body,
			"Coast line goes electric next spring", tfTeaserBelow, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pc := newPageCopy(c.copy)
			s, e, ok := pc.bodyRange()
			if !ok {
				t.Fatal("no body")
			}
			for _, cand := range pc.titleCandidates(s, e) {
				if pc.lines[cand.line].text == c.line {
					if got := cand.f[c.feature] != 0; got != c.want {
						t.Errorf("%s of %q = %v, want %v", titleFeatureNames[c.feature], c.line, got, c.want)
					}
					return
				}
			}
			t.Fatalf("%q is no candidate", c.line)
		})
	}
}
