package recognize

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/assets"
)

// aliasKind says how an alias refers to its actor, which decides how it is
// matched and how much a match counts.
type aliasKind uint8

const (
	aliasName    aliasKind = iota // a name or short form ("China", "DVRK")
	aliasSeat                     // a capital or seat of government ("Peking", "Kreml")
	aliasAdj                      // a demonym adjective ("chinesisch", "Chinese")
	aliasDemonym                  // the people ("die Chinesen")
	aliasSurname                  // a person's surname alone ("Putin"); a longer name wins
)

// alias is one way of referring to an actor.
type alias struct {
	text string
	kind aliasKind
}

// builtin is one actor Dramatis knows without the user's library: a state
// (from CLDR plus states-extra.tsv), an organisation or a leader.
type builtin struct {
	key      string // stable: "iso:CN", "org:UN", "person:putin"
	kind     annotation.Kind
	wikidata string
	nameDE   string
	nameEN   string
	note     string // office of a leader, ISO code of a state
	aliases  []alias
	// germanOnly holds names that are other words in English text
	// ("Island" is Iceland in German only).
	germanOnly map[string]bool
	// vague holds names that are also common words, places or surnames
	// ("Allianz", "Union", "Spiegel"): they count only where the text
	// confirms them (see Matcher.confirm).
	vague map[string]bool
	// context lists the keys of actors whose unambiguous mention confirms
	// the vague names ("Union" needs CDU, CSU, SPD, …).
	context []string
}

// name returns the display name in the article's language: German for
// German articles, English otherwise.
func (b *builtin) name(lang string) string {
	if isGerman(lang) && b.nameDE != "" {
		return b.nameDE
	}
	if b.nameEN != "" {
		return b.nameEN
	}
	return b.nameDE
}

// isGerman reports whether a BCP 47 language tag is German.
func isGerman(lang string) bool {
	l := strings.ToLower(lang)
	return l == "de" || strings.HasPrefix(l, "de-") || strings.HasPrefix(l, "de_")
}

// gazetteer is the built-in knowledge, parsed from CLDR and the embedded
// data files.
type gazetteer struct {
	actors []builtin
}

// newGazetteer builds the built-in actors. It is deterministic and cheap
// (well under a millisecond per hundred actors), so that a Matcher can be
// built without package-level caches.
func newGazetteer() *gazetteer {
	g := &gazetteer{}
	index := map[string]int{}
	g.addStates(index)
	g.addOrganisations(index, assets.Organisations)
	g.addOrganisations(index, assets.Companies)
	g.addLeaders(index)
	return g
}

// dataLines returns the non-empty, non-comment lines of an embedded file,
// split at tabs.
func dataLines(data string) [][]string {
	var out [][]string
	for _, ln := range strings.Split(data, "\n") {
		ln = strings.TrimRight(ln, "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		out = append(out, strings.Split(ln, "\t"))
	}
	return out
}

// splitList splits a "; "-separated list and drops empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cldrName tidies a CLDR display name for matching: "Congo - Kinshasa"
// becomes "Congo-Kinshasa", "Myanmar (Burma)" yields "Myanmar" and the alias
// "Burma", "&" becomes "and"/"und".
func cldrName(name, and string) (string, []string) {
	var extra []string
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		extra = append(extra, name[i+2:len(name)-1])
		name = name[:i]
	}
	name = strings.ReplaceAll(name, " - ", "-")
	if strings.Contains(name, " & ") {
		extra = append(extra, name)
		name = strings.ReplaceAll(name, " & ", " "+and+" ")
	}
	return name, extra
}

// addStates adds every region CLDR counts as a country, except the
// territories listed under "skip", with the facts of states-extra.tsv.
func (g *gazetteer) addStates(index map[string]int) {
	lines := dataLines(assets.StatesExtra)
	skip := map[string]bool{}
	for _, f := range lines {
		if len(f) >= 3 && f[1] == "skip" {
			for _, c := range strings.Fields(f[2]) {
				skip[c] = true
			}
		}
	}
	de, en := display.German.Regions(), display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.Canonicalize().String() != code || skip[code] {
				continue
			}
			nameDE, extraDE := cldrName(de.Name(r), "und")
			nameEN, extraEN := cldrName(en.Name(r), "and")
			if nameDE == "" || nameEN == "" {
				continue
			}
			st := builtin{key: "iso:" + code, kind: annotation.KindState, nameDE: nameDE, nameEN: nameEN, note: "ISO 3166: " + code}
			for _, x := range append(extraDE, extraEN...) {
				st.aliases = append(st.aliases, alias{x, aliasName})
			}
			index[st.key] = len(g.actors)
			g.actors = append(g.actors, st)
		}
	}
	for _, f := range lines {
		if len(f) < 3 || f[0] == "-" {
			continue
		}
		key := "iso:" + f[0]
		i, ok := index[key]
		if !ok {
			// A state CLDR does not have (the Soviet Union).
			i = len(g.actors)
			index[key] = i
			g.actors = append(g.actors, builtin{key: key, kind: annotation.KindState, note: "ISO 3166: " + f[0]})
		}
		st := &g.actors[i]
		switch f[1] {
		case "name-de":
			st.nameDE = f[2]
		case "name-en":
			st.nameEN = f[2]
		case "wikidata":
			st.wikidata = f[2]
		case "de-only":
			if st.germanOnly == nil {
				st.germanOnly = map[string]bool{}
			}
			for _, a := range splitList(f[2]) {
				st.germanOnly[a] = true
			}
		case "alias", "seat", "adj", "demonym":
			k := map[string]aliasKind{"alias": aliasName, "seat": aliasSeat, "adj": aliasAdj, "demonym": aliasDemonym}[f[1]]
			for _, a := range splitList(f[2]) {
				st.aliases = append(st.aliases, alias{a, k})
			}
		}
	}
}

// addOrganisations adds the organisations of organisations.tsv or
// companies.tsv. A key already taken keeps its first definition.
func (g *gazetteer) addOrganisations(index map[string]int, data string) {
	for _, f := range dataLines(data) {
		if len(f) < 4 {
			continue
		}
		o := builtin{key: "org:" + f[0], kind: annotation.KindOrganisation}
		if _, dup := index[o.key]; dup {
			continue
		}
		o.nameDE = o.vagueName(f[2])
		o.nameEN = o.vagueName(f[3])
		if f[1] != "-" {
			o.wikidata = f[1]
		}
		if len(f) > 4 {
			for _, a := range splitList(f[4]) {
				// "@Brüssel": a seat, a place after "in" ("in Brüssel").
				k := aliasName
				if strings.HasPrefix(a, "@") {
					a, k = a[1:], aliasSeat
				}
				o.aliases = append(o.aliases, alias{o.vagueName(a), k})
			}
		}
		if len(f) > 5 {
			for _, k := range splitList(f[5]) {
				o.context = append(o.context, "org:"+k)
			}
		}
		index[o.key] = len(g.actors)
		g.actors = append(g.actors, o)
	}
}

// vagueName strips the "~" that marks a name needing context and records
// the name as vague.
func (b *builtin) vagueName(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "~") {
		return s
	}
	s = strings.TrimSpace(s[1:])
	if b.vague == nil {
		b.vague = map[string]bool{}
	}
	b.vague[s] = true
	return s
}

// asOf returns the date a data file's header gives its facts ("# … AS OF
// 2026-11-27."), or "" when the header names none.
func asOf(data string) string {
	const marker = "AS OF "
	for _, ln := range strings.Split(data, "\n") {
		if !strings.HasPrefix(ln, "#") {
			break
		}
		if i := strings.Index(ln, marker); i >= 0 {
			if f := strings.Fields(ln[i+len(marker):]); len(f) > 0 {
				return strings.TrimRight(f[0], ".,;:")
			}
		}
	}
	return ""
}

// addLeaders adds leaders.tsv. Single-word aliases are surnames: they count
// unless a longer name covers them.
func (g *gazetteer) addLeaders(index map[string]int) {
	unverified := "; unverified: "
	if d := asOf(assets.Leaders); d != "" {
		unverified = "; as of " + d + ", unverified: "
	}
	for _, f := range dataLines(assets.Leaders) {
		if len(f) < 7 {
			continue
		}
		p := builtin{key: "person:" + f[0], kind: annotation.KindPerson, nameDE: f[2], nameEN: f[3]}
		if f[1] != "-" {
			p.wikidata = f[1]
		}
		office := f[6]
		if i, ok := index["org:"+f[4]]; ok {
			office += " (" + g.actors[i].nameEN + ")"
		}
		p.note = office
		if len(f) > 8 && strings.TrimSpace(f[8]) != "" {
			p.note += unverified + strings.TrimSpace(f[8])
		}
		if len(f) > 7 {
			for _, a := range splitList(f[7]) {
				k := aliasName
				if !strings.ContainsAny(a, " -") {
					k = aliasSurname
				}
				p.aliases = append(p.aliases, alias{a, k})
			}
		}
		index[p.key] = len(g.actors)
		g.actors = append(g.actors, p)
	}
}
