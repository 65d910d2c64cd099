package article

import (
	"strings"
	"testing"
)

// TestSiteWordsList: the shipped list parses, and a damaged one is refused.
func TestSiteWordsList(t *testing.T) {
	sw, err := parseSiteWords(siteWordsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.home) == 0 || len(sw.copyright) == 0 || len(sw.follow) == 0 || len(sw.rights) == 0 {
		t.Errorf("a kind of sitewords.txt is empty: %+v", sw)
	}
	for _, bad := range []string{"home", "nosuch: x", "home:  "} {
		if _, err := parseSiteWords(bad); err == nil {
			t.Errorf("parseSiteWords(%q) = nil error", bad)
		}
	}
}

// TestCopySiteName: made-up copies that state their site in one way or
// two, and copies that do not.
func TestCopySiteName(t *testing.T) {
	body := "\n" + strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3) +
		"\n\n" + strings.Repeat("Electric trains on the coast line need new overhead wires, which the operator has been building for two years. ", 3) + "\n\n"
	cases := []struct{ name, head, foot, want string }{
		{"logo link", "Coast Courier homepage\nNews\nSport\n\nCoast line goes electric next spring\n", "", "Coast Courier"},
		{"German logo link", "Zur Startseite von Küstenbote\nPolitik\nSport\n\nCoast line goes electric next spring\n", "", "Küstenbote"},
		{"copyright and logo", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n", "© 2024 Coast Courier. All rights reserved.\n", "Coast Courier"},
		{"German copyright and follow", "Menü\nPolitik\n\nCoast line goes electric next spring\n", "Folgen Sie Küstenbote auf Facebook\n© 2023 Küstenbote GmbH. Alle Rechte vorbehalten\n", "Küstenbote"},
		{"title suffix and footer", "News\nSport\n\nCoast line goes electric next spring | Coast Courier\n", "Coast Courier\n", "Coast Courier"},
		{"parent company only", "News\nSport\n\nCoast line goes electric next spring\n", "© 2024 Seaside Media Group, LLC\n", ""},
		{"nothing stated", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\n", ""},
		{"part of a group", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\nDatenschutz\nKontakt\n\nCoast Courier is part of Seaside Media Group, an international media group and leading digital publisher.\n", "Coast Courier"},
		{"domain on its own line", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\ncoastcourier.com\nKontakt: info@coastcourier.com\n", "coastcourier.com"},
		{"domain confirms the logo", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n", "Kontakt: redaktion@coastcourier.de\nImpressum coastcourier.de\n", "Coast Courier"},
		{"social network's domain", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\nfacebook.com\nFolgen Sie uns: facebook.com/kuestenbote\n", ""},
		{"group in the copyright", "News\nSport\n\nCoast line goes electric next spring\n", "© 2024 Seaside Media, LLC. All rights reserved.\nSeaside Media careers\n", ""},
		{"group named after its site", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n", "© 2020 Coast Courier Media. All rights reserved.\n", "Coast Courier"},
		{"glued logo link", "Coast Courier - HomepageSkip to content\nNews\nSport\n\nCoast line goes electric next spring\n", "", "Coast Courier"},
		{"dash title suffix alone", "News\nSport\n\nCoast line goes electric next spring - Coast Courier\n", "Impressum\n", ""},
		{"photo credit", "News\nSport\n\nCoast line goes electric next spring\n", "© Kai Pfaffenbach\nFoto: Kai Pfaffenbach\n", ""},
		{"menu words", "News\nSport\n\nCoast line goes electric next spring\n", "Follow Our Community\nFollow Our Community on Facebook\n", ""},
		{"two join lines", "News\nSport\n\nCoast line goes electric next spring\n", "Join Küstenbote\nSign in to Küstenbote\n", "Küstenbote"},
		{"a menu's join line repeated", "News\nSport\n\nCoast line goes electric next spring\n", "Join Now\nJoin Now\n", ""},
		{"about a person", "News\nSport\n\nCoast line goes electric next spring\n", "About Jane Doe\nMore from Jane Doe\n", ""},
		{"follow button's state", "Follow Coast Courier Followed\nNews\nSport\n\nCoast line goes electric next spring\n", "Follow Coast Courier Followed\n", "Coast Courier"},
		{"make it my homepage", "Make Coast Courier my homepage\nNews\nSport\n\nCoast line goes electric next spring\n", "", "Coast Courier"},
		{"a sentence is no name", "News\nSport\n\nCoast line goes electric next spring\n", "Folgen Sie Liebe geht durch den Magen\nFolgen Sie Liebe geht durch den Magen auf Facebook\n", ""},
		{"the byline's author", "News\nSport\n\nCoast line goes electric next spring\nBy Jane Doe\n5 March 2025\n", "Follow Jane Doe\nFollow Jane Doe on X\n", ""},
		{"long line opening with a notice", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n",
			"Copyright © 2019 Coast Courier, LLC. Reproduction of material from any of our pages without written permission is strictly prohibited by law.\n", "Coast Courier"},
		{"brand before a dated notice", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n", "Coast Courier © 2011-2019. All Rights Reserved.\n", "Coast Courier"},
		{"caption before an undated sign", "News\nSport\n\nCoast line goes electric next spring\n", "Jane Doe © Kai Pfaffenbach\nJane Doe\n", ""},
		{"undated notice reserving rights", "News\nSport\n\nCoast line goes electric next spring\n", "© Coast Courier. All Rights Reserved.\nCoast Courier\n", "Coast Courier"},
		{"undated notice with a company form", "News\nSport\n\nCoast line goes electric next spring\n", "© The Coast Courier, Inc.\nThe Coast Courier\n", "The Coast Courier"},
		{"owner after by", "News\nSport\n\nCoast line goes electric next spring\n", "© Copyright 2000 - 2020 by Küstenbote\nKüstenbote\n", "Küstenbote"},
		{"owner ends at an article", "News\nSport\n\nCoast line goes electric next spring\n", "© 2020 Coast Courier Media a Seaside Ventures Company. All rights reserved.\nCoast Courier\n", "Coast Courier"},
		{"company form ends the owner", "Coast Courier\nNews\nSport\n\nCoast line goes electric next spring\n", "Copyright 2019. Coast Courier Limited Privacy Statement\n", "Coast Courier"},
		{"call around the name", "News\nSport\n\nCoast line goes electric next spring\n", "Get Coast Courier to your inbox daily\nGet Coast Courier to your inbox daily\n", "Coast Courier"},
		{"German call with an article", "News\nSport\n\nCoast line goes electric next spring\n", "Folgen Sie der KÜSTENPOST auf Facebook\nKÜSTENPOST\n", "KÜSTENPOST"},
		{"German about line with an article", "Küstenpost\nNews\nSport\n\nCoast line goes electric next spring\n", "Über die Küstenpost\n", "Küstenpost"},
		{"English call keeps its article", "News\nSport\n\nCoast line goes electric next spring\n", "Follow the Case\nFollow the Case on Twitter\n", ""},
		{"possessive product", "News\nSport\n\nCoast line goes electric next spring\n", "Subscribe to Coast Courier's Newsletter\nCoast Courier 2024\n", "Coast Courier"},
		{"sign up for the site", "News\nSport\n\nCoast line goes electric next spring\n", "Sign up for Coast Courier’s newsletter\nCoast Courier\n", "Coast Courier"},
		{"German about and jobs lines", "News\nSport\n\nCoast line goes electric next spring\n", "Über Küstenbote\nJobs bei Küstenbote\n", "Küstenbote"},
		{"picture credit in capitals", "News\nSport\n\nCoast line goes electric next spring\n", "FOTOS: © KÜSTENFOTO\n© KÜSTENFOTO\n", ""},
		{"dated notice of site and publisher", "News\nSport\n\nCoast line goes electric next spring\n", "Copyright © 2023 Coast Courier / Seaside Verlag\nCoast Courier\n", "Coast Courier"},
		{"a call at the site, repeated", "News\nSport\n\nCoast line goes electric next spring\n", "More from Küstenbote\nKüstenbote Newsletter\nKüstenbote\n", "Küstenbote"},
		{"digits a name ends in", "News\nSport\n\nCoast line goes electric next spring\n", "Jobs bei KB24\nKB24 Newsletter\nKB24\n", "KB24"},
		{"join now", "News\nSport\n\nCoast line goes electric next spring\n", "Join Now\nJoin Now\nNow\n", ""},
		{"a topic's about line, repeated", "News\nSport\n\nCoast line goes electric next spring\n", "About Python\nPython Newsletter\nPython\n", ""},
		{"a notice ending the page", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\nDatenschutz\n© 2016 Küstenbote.\n", "Küstenbote"},
		{"a notice higher up", "News\nSport\n\nCoast line goes electric next spring\n", "© 2016 Küstenbote.\nImpressum\nDatenschutz\nKontakt\nAGB\n", ""},
		{"links glued before the last notice", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum Kontakt Datenschutz Hilfe © 2003 - 2017 Küstenbote\n", ""},
		{"a label before the last notice", "News\nSport\n\nCoast line goes electric next spring\n", "Wire stories: Copyright © 2015 The Wire Service. All rights reserved.\n", ""},
		{"a sign in parentheses after the word", "News\nSport\n\nCoast line goes electric next spring\n", "Impressum\nCopyright (C) 2012-2014 Küstenbote. Content licensed under CC-BY.\n", "Küstenbote"},
		{"the word copyright on a link", "News\nSport\n\nCoast line goes electric next spring\n", "Privacy Policy\nCookie Policy\nCopyright Policy\nBrand Policy\nImpressum\n", ""},
		{"company form after a comma", "News\nSport\n\nCoast line goes electric next spring\n", "© 2015 Coast Courier, Inc. All rights reserved.\n", ""},
		{"a member of a group", "News\nSport\n\nCoast line goes electric next spring\n", "© 2021 Coast Courier München. Part of the Seaside group.\n", ""},
		{"a link before a notice", "News\nSport\n\nCoast line goes electric next spring\n", "Imprint | Copyrights © 2017 Küstenbote. All Rights Reserved.\n", "Küstenbote"},
		{"a conjunction after the word copyright", "News\nSport\n\nCoast line goes electric next spring\n", "COPYRIGHT SOWIE ALLG. GESCHÄFTSBEDINGUNGEN\n", ""},
		{"a join line loses a tie", "News\nSport\n\nCoast line goes electric next spring\n", "Welcome to Coast Courier\nCoast Courier Daily\nCoast Courier\nAdvertise with CC\nCC Daily\nCC\n", "Coast Courier"},
		{"joint picture credit", "News\nSport\n\nCoast line goes electric next spring\n", "© Küstenmuseum / Heimatverein Küste e. V.\nKüstenmuseum\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.head+body+c.foot), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Site != c.want {
				t.Errorf("site %q, want %q", a.Site, c.want)
			}
			if strings.Contains(a.Title, "|") {
				t.Errorf("title %q keeps the site's name", a.Title)
			}
		})
	}
}

// TestCopySiteTitleQuotedWhole: a headline line whose separator parts
// off a subtitle, which the comments quote whole as the post's title,
// does not give the subtitle as the site's name (the copyright's domain
// names it); the same line repeated unquoted leaves the subtitle the
// site.
func TestCopySiteTitleQuotedWhole(t *testing.T) {
	const head = "Search for:\nAbout Us Indoor Gardens Outdoor Gardening Contact\n" +
		"How to Grow a Lemon Tree from Seed | Step-by-Step Guide\nRECENT POSTS\n" +
		"October 30, 2020 Kate May\nZZ Plant Care: A Complete Guide\nRead More\n\n" +
		"Lemon trees are some of the easiest fruit trees to grow indoors. All they need is a sunny windowsill, the right soil, and a lot of patience.\n\n"
	// The notice stands above the footer's links, where it does not weigh
	// as the page's last word (footerNoticeLines).
	const foot = "©2018-2020 YouHadMeAtGardening.com | All rights reserved.\nPrivacy Policy\nTerms of Use\nContact\n"
	for _, c := range []struct{ name, comments, want string }{
		{"quoted whole", "25 thoughts on “How to Grow a Lemon Tree from Seed | Step-by-Step Guide”\n", "YouHadMeAtGardening.com"},
		{"repeated unquoted", "25 thoughts on How to Grow a Lemon Tree from Seed | Step-by-Step Guide\n", "Step-by-Step Guide"},
	} {
		a, err := CleanText([]byte(head+"\n"+c.comments+foot), c.name)
		if err != nil {
			t.Fatal(err)
		}
		if a.Site != c.want {
			t.Errorf("%s: site %q, want %q", c.name, a.Site, c.want)
		}
	}
}

// minSiteKeyRunes is the shortest key that counts when inside another
// ("Le Monde" in "Le Monde.fr").
const minSiteKeyRunes = 3

// siteNamesMatch reports the same name, or one inside the other.
func siteNamesMatch(got, want string) bool {
	g, w := siteKey(got), siteKey(want)
	if g == "" || w == "" {
		return false
	}
	return g == w || len([]rune(g)) >= minSiteKeyRunes && strings.Contains(w, g) || len([]rune(w)) >= minSiteKeyRunes && strings.Contains(g, w)
}
