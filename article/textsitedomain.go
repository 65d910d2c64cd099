package article

import (
	"regexp"
	"strings"
	"unicode"
)

// reDomain finds a host name in a line of a copy's chrome: a bare domain
// ("heise.de", "m.heraldsun.com.au"), an address or the domain of an
// e-mail address ("redaktion@spiegel.de"). The top-level domains are the
// ones news and blog pages of German and English readers use, so that
// "z.B." or "ca.5" is never a host. Compiled once, never changed.
var reDomain = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d.@-])(?:https?://)?(?:[\p{L}\d._-]+@)?((?:[\p{L}\d](?:[\p{L}\d-]{0,61}[\p{L}\d])?\.)+(?:com|de|at|ch|org|net|info|eu|io|fr|it|es|nl|be|uk|us|ca|au|cz|pl|news|online|tv|fm|blog|media|co))\b`)

// publicSecondLevels are the labels that stand before a country's code in
// a registered name ("co.uk", "com.au"), not the site's own label.
var publicSecondLevels = map[string]bool{"co": true, "com": true, "org": true, "net": true, "gov": true, "ac": true, "gv": true, "or": true}

// hostLabel is a host's own label: "heraldsun" of "m.heraldsun.com.au",
// "wdr" of "www1.wdr.de".
func hostLabel(host string) string {
	labels := strings.Split(strings.ToLower(host), ".")
	labels = labels[:len(labels)-1] // the top-level domain
	if len(labels) > 1 && publicSecondLevels[labels[len(labels)-1]] {
		labels = labels[:len(labels)-1]
	}
	if len(labels) == 0 {
		return ""
	}
	return labels[len(labels)-1]
}

// siteHost is a host as a site's name: without "www." or a mobile "m.".
func siteHost(host string) string {
	for _, p := range []string{"www.", "m.", "mobile."} {
		if len(host) > len(p) && strings.EqualFold(host[:len(p)], p) {
			return host[len(p):]
		}
	}
	return host
}

// domains adds the evidence of the hosts the chrome names: a name whose
// key is the host's label (the "Herald Sun" of heraldsun.com.au) is
// stated by it; a host no name matches is a name of its own. A host counts
// when it stands on minDomainLines lines outside the body [s, e), or on a
// line of its own or a copyright line; social networks and mail services
// name no site.
func (pc *pageCopy) domains(b *siteBallot, s, e int) {
	lines := map[string]int{}
	own := map[string]bool{}
	var order []string
	for i := range pc.lines {
		l := &pc.lines[i]
		if i >= s && i < e || l.words > maxCopyrightWords {
			continue
		}
		if !mayHoldDomain(l.text) {
			continue
		}
		seen := map[string]bool{}
		for _, m := range reDomain.FindAllStringSubmatch(l.text, -1) {
			host := strings.ToLower(siteHost(m[1]))
			label := hostLabel(host)
			if label == "" || b.sw.otherDomain[label] || seen[host] {
				continue
			}
			seen[host] = true
			if lines[host] == 0 {
				order = append(order, host)
			}
			lines[host]++
			own[host] = own[host] || !hasLetterWord(strings.Replace(l.text, m[0], "", 1)) || pc.isCopyrightLine(i)
		}
	}
	for _, host := range order {
		if lines[host] < minDomainLines && !own[host] {
			continue
		}
		label := hostLabel(host)
		matched := false
		for _, v := range b.votes {
			if k := siteKey(v.name); k == label || len([]rune(k)) >= minDomainLabelRunes && len([]rune(label)) >= minDomainLabelRunes && (strings.Contains(k, label) || strings.Contains(label, k)) {
				v.score += siteDomainWeight
				v.kinds |= kindDomain
				matched = true
			}
		}
		if !matched && own[host] {
			b.vote(host, siteDomainWeight, kindDomain)
		}
	}
}

// mayHoldDomain reports a dot directly followed by a letter: every host
// has one, and most lines do not, so the expression is skipped for them.
func mayHoldDomain(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if c := t[i+1] | 0x20; t[i] == '.' && c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// isCopyrightLine reports a line holding a copyright notice.
func (pc *pageCopy) isCopyrightLine(i int) bool {
	_, ok := copyrightOwner(pc.lines[i].text, siteWordsList())
	return ok
}

// siteKey is a name compared without case, a leading "the", spaces and
// punctuation: "The Herald Sun" and "heraldsun" are one key.
func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
