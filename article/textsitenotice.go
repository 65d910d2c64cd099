package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// copyright reads the owner of a copyright notice, and the brand a
// dated notice follows ("Luxurious Magazine © 2011-2019", "Citylab.com
// © 2019 The Atlantic Monthly Group"): a picture's credit is undated, so
// the name before a dated sign is the site's, not a caption's subject.
func (b *siteBallot) copyright(lower, t string, last bool) {
	at := noticeSign(lower, b.sw)
	if at < 0 {
		return // most lines: no notice, and nothing to lower-case again
	}
	weight := siteCopyrightWeight
	if last {
		weight += siteFooterNoticeWeight
	}
	if brand, ok := noticeBrand(t, at); ok && len(lower) == len(t) {
		b.vote(brand, weight, kindCopyright)
	}
	if b.pictureCredit(lower, t) {
		return
	}
	n, ok := copyrightOwner(t, b.sw)
	if !ok || !isSiteNotice(t, n, b.sw) && isPhotoCredit(t, n, trimSiteName(n, b.sw)) {
		return
	}
	switch trimmed := trimSiteName(n, b.sw); {
	case b.sw.isGroup(trimmed):
		b.vote(n, siteParentWeight, kindParent)
	case !strings.EqualFold(trimmed, strings.Trim(n, " .,")) || companyFollows(t, n, b.sw) || b.sw.namesMember(lower):
		b.vote(n, siteCopyrightWeight, kindCompany)
	default:
		b.vote(n, weight, kindCopyright)
	}
}

// copyrightOwner reads the name in a copyright notice: what follows the
// sign and the years, up to the first sentence end, separator or "All
// rights reserved".
func copyrightOwner(t string, sw *siteWords) (string, bool) {
	lower := strings.ToLower(t)
	// The first sign, the longest at its place ("Copyrights" before
	// "Copyright"): sw.copyright is sorted longest first.
	start, at := -1, -1
	for _, c := range sw.copyright {
		if i := strings.Index(lower, c); i >= 0 && (start < 0 || i < start) {
			start, at = i, i+len(c)
		}
	}
	if at < 0 || at > len(t) {
		return "", false
	}
	// "Copyright © 2019 Name", "Copyright (C) 2012 Name": a second sign
	// is read before the parenthesis of "(C)" is trimmed as punctuation.
	rest := strings.TrimLeftFunc(t[at:], func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("©-–—,.:/)", r)
	})
	for _, c := range sw.copyright {
		if strings.HasPrefix(strings.ToLower(rest), c) {
			return copyrightOwner(rest, sw)
		}
	}
	rest = strings.TrimLeftFunc(rest, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("©-–—,.:/()", r)
	})
	for _, w := range sw.ownerLead { // "© 2000 - 2020 by FinanceScout24"
		if startsWithWord(rest, w) { // lower case: "VON DER SEE" is a name
			rest = rest[len(w)+1:]
			break
		}
	}
	rest = cutAtWord(rest, append([]string{". ", " | ", ", ", " / ", " - ", " – ", " — ", " · "}, append(sw.rights, sw.ownerEndSpaced...)...))
	rest = cutAfterCompany(rest, sw)
	return strings.TrimRight(rest, ". "), rest != ""
}

// pictureCredit reads a sign that a picture's word introduces ("FOTOS:
// © BURKARD MEYER", "Bild © ARD"): the owner took or sold the picture,
// and is not the site wherever else the copy names him, even in
// capitals, which the site's own notices use ("© ZEIT ONLINE").
func (b *siteBallot) pictureCredit(lower, t string) bool {
	at := noticeSign(lower, b.sw)
	if at <= 0 {
		return false
	}
	ws := strings.Fields(strings.TrimRight(lower[:at], " :"))
	if len(ws) == 0 || !slices.Contains(b.sw.pictureWords, strings.TrimRight(ws[len(ws)-1], ".:")) {
		return false
	}
	if n, ok := copyrightOwner(t[at:], b.sw); ok && len(lower) == len(t) { // at is an offset of lower
		b.vote(n, 0, kindCredit)
	}
	return true
}

// opensWithNotice reports a line that opens with a copyright notice,
// which copyrightOwner reads up to its first sentence end however long
// the line.
//
// A label's colon before the sign ("Associated Press articles: Copyright
// ©") makes it a notice of the content labelled, not the page's; after a
// separator ("Imprint | Copyrights ©") the notice opens its part of the
// line.
func opensWithNotice(lower string, sw *siteWords) bool {
	at := noticeSign(lower, sw)
	return at == 0 || at > 0 && countWords(lower[:at]) <= maxNoticeLeadWords && !strings.HasSuffix(strings.TrimSpace(lower[:at]), ":")
}

// endsWithMark reports text before a sign that ends in a separator or a
// colon ("Imprint | Copyrights ©", "Associated Press articles:
// Copyright ©"): a link or a label before the notice, not a brand.
func endsWithMark(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(before))
	return unicode.IsPunct(r) || unicode.IsSymbol(r) && r != '®' && r != '™'
}

// noticeSign returns where the first copyright sign of lower starts, or -1.
func noticeSign(lower string, sw *siteWords) int {
	at := -1
	for _, c := range sw.copyright {
		if i := strings.Index(lower, c); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// noticeBrand returns the name before the sign of a dated notice
// ("HR Journal © 2023"); the sign is at byte at of the lower-cased line,
// which is byte at of t when lower-casing kept the line's length (a few
// letters change theirs; such a line is not read).
func noticeBrand(t string, at int) (string, bool) {
	if at <= 0 || at > len(t) || !hasYear(t[at:]) {
		return "", false
	}
	brand := strings.TrimSpace(t[:at])
	if endsWithMark(brand) {
		return "", false // "Imprint | Copyrights © 2017", "Mobile Seite • ©": a link before the notice
	}
	return brand, brand != "" && countWords(brand) <= maxNoticeLeadWords
}

// hasYear reports four digits in a row: the year a site's notice gives.
func hasYear(t string) bool {
	for _, f := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if len(f) == 4 {
			return true
		}
	}
	return false
}

// isSiteNotice reports a notice that reserves rights or gives its owner a
// company form ("© NOW Grenada. All Rights Reserved.", "© The Planetary
// Press, Inc."): a site's, which a picture's credit never says, though
// it may be undated like one.
func isSiteNotice(t, owner string, sw *siteWords) bool {
	lower := strings.ToLower(t)
	for _, r := range sw.rights {
		if strings.Contains(lower, r) {
			return true
		}
	}
	return companyFollows(t, owner, sw)
}

// companyFollows reports a company form right after the owner, which
// copyrightOwner cut at the comma before it ("© 2015 EHM Productions,
// Inc.").
func companyFollows(t, owner string, sw *siteWords) bool {
	i := strings.Index(t, owner)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(strings.ToLower(t[i+len(owner):]), " ,")
	for _, c := range sw.company {
		if after == c || startsWithWord(after, c) || strings.HasPrefix(after, c+".") || strings.HasPrefix(after, c+",") {
			return true
		}
	}
	return false
}

// cutAfterCompany ends an owner's name at its company form ("Appen
// Limited Privacy Statement": the footer's links glued to the notice).
func cutAfterCompany(owner string, sw *siteWords) string {
	ws := strings.Fields(owner)
	for k, w := range ws[:max(0, len(ws)-1)] {
		if k > 0 && slices.Contains(sw.company, strings.ToLower(w)) {
			return strings.Join(ws[:k+1], " ")
		}
	}
	return owner
}

// cutAtWord cuts s at the first of marks (compared in lower case).
func cutAtWord(s string, marks []string) string {
	lower := strings.ToLower(s)
	cut := len(s)
	for _, m := range marks {
		if i := strings.Index(lower, m); i >= 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimSpace(s[:cut])
}

// trimTrailingYears drops the years and dashes after a name ("Wevolver
// 2024", "Name 2011 - 2019") but not the digits a name ends in ("TAG24",
// "DiEM25", "Happyface313"): those follow a letter directly.
func trimTrailingYears(name string) string {
	for {
		t := strings.TrimRightFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' })
		head := strings.TrimRightFunc(t, unicode.IsDigit)
		if head == t {
			return t // no digits at the end
		}
		if r, _ := utf8.DecodeLastRuneInString(head); unicode.IsLetter(r) {
			return t // "TAG24"
		}
		name = head
	}
}

// isPhotoCredit reports a copyright sign that credits a picture: a
// person or an agency and a person ("© Burkard Meyer", "© Werk/Christian
// Houdek") without a year, which a site's notice gives, and without a
// company form.
func isPhotoCredit(line, owner, trimmed string) bool {
	if strings.Contains(owner, "/") {
		return true
	}
	year := hasYear(line)
	// "© Siebengebirgsmuseum / Heimatverein Siebengebirge e. V.": a
	// picture's owners, parted where copyrightOwner cut; a dated notice
	// may name the site and its publisher so ("© 2023 ERFOLG Magazin /
	// Backhaus Verlag").
	if i := strings.Index(line, owner); !year && i >= 0 && strings.HasPrefix(strings.TrimSpace(line[i+len(owner):]), "/") {
		return true
	}
	// "© ZEIT ONLINE" and "© Handelsblatt GmbH" are the site's.
	return !year && looksLikeName(owner) && strings.ToUpper(owner) != owner && trimmed == strings.Trim(owner, " .,")
}
