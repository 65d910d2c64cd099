// Discovery vocabularies: the role words, verbs of saying, organisation
// words, cues, stop words and regions of discovery-de.txt and
// discovery-en.txt, and the given names, with their lookups.

package recognize

import (
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/assets"
)

// wordLists are the discovery vocabularies of discovery-de.txt,
// discovery-en.txt and given-names.txt, German and English merged: news in
// one language quotes names and titles from the other.
type wordLists struct {
	role, speech, orgWord, orgTrigger, connector, location, stop map[string]bool
	nounSuffix                                                   []string
	given                                                        map[string]bool
	// cue: words that confirm a vague company or medium name next to it
	// ("Versicherer Allianz", "Allianz-Aktie"); region: folded geographic
	// regions, words joined by spaces ("indo pacific"), never an actor.
	cue, region map[string]bool
	regionStart map[string]bool // first words of the regions
}

// newWordLists reads the discovery vocabularies. Each [section] of the
// discovery files is a set of folded words, looked up in one table, but
// for the noun suffixes (a list, tried in order) and the regions (folded
// word by word); a section no table knows is skipped.
func newWordLists() wordLists {
	w := wordLists{
		role: map[string]bool{}, speech: map[string]bool{}, orgWord: map[string]bool{},
		orgTrigger: map[string]bool{}, connector: map[string]bool{}, location: map[string]bool{},
		stop: map[string]bool{}, given: map[string]bool{},
		cue: map[string]bool{}, region: map[string]bool{}, regionStart: map[string]bool{},
	}
	sets := map[string]map[string]bool{
		"role": w.role, "speech": w.speech, "orgword": w.orgWord, "orgtrigger": w.orgTrigger,
		"connector": w.connector, "location": w.location, "stop": w.stop, "cue": w.cue,
	}
	var scratch []token
	for _, data := range []string{assets.DiscoveryDE, assets.DiscoveryEN} {
		section := ""
		for _, ln := range strings.Split(data, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			if strings.HasPrefix(ln, "[") && strings.HasSuffix(ln, "]") {
				section = ln[1 : len(ln)-1]
				continue
			}
			switch {
			case sets[section] != nil:
				sets[section][fold(ln)] = true
			case section == "nounsuffix":
				w.nounSuffix = append(w.nounSuffix, fold(ln))
			case section == "region":
				scratch = w.addRegion(ln, scratch)
			}
		}
	}
	for _, ln := range strings.Split(assets.GivenNames, "\n") {
		if strings.HasPrefix(strings.TrimSpace(ln), "#") {
			continue
		}
		for _, n := range strings.Fields(ln) {
			w.given[fold(n)] = true
		}
	}
	return w
}

// addRegion adds a geographic region, folded word by word ("Indo-Pacific"
// is "indo pacific"), and its first word; scratch is the token buffer,
// returned for reuse.
func (w *wordLists) addRegion(ln string, scratch []token) []token {
	scratch = tokenizeInto(scratch, ln)
	parts := make([]string, len(scratch))
	for i, t := range scratch {
		parts[i] = t.fold
	}
	if len(parts) > 0 {
		w.region[strings.Join(parts, " ")] = true
		w.regionStart[parts[0]] = true
	}
	return scratch
}

// maxSuffix bounds, in bytes, the compound endings tried as roles and
// organisation triggers, so that a hostile giant word costs linear time.
const maxSuffix = 40

// The shortest compound endings tried: a role as short as "chef", an
// organisation trigger or cue as short as "firma"; shorter endings are
// parts of unrelated words.
const (
	minRoleEnding = 4
	minOrgEnding  = 5
)

// isRole reports whether a folded word is a title or role, also at the end
// of a German compound ("außenamtssprecher", "us-präsident").
func (w *wordLists) isRole(f string) bool { return inOrEnding(f, minRoleEnding, w.role) }

// isOrgTrigger reports whether a folded word announces an organisation's
// name, also at the end of a compound ("sicherheitsberatungsfirma").
func (w *wordLists) isOrgTrigger(f string) bool {
	return inOrEnding(f, minOrgEnding, w.orgTrigger)
}

// isCue reports whether a folded word confirms a vague company or medium
// name, also at the end of a compound ("chipkonzern", "autobauer").
func (w *wordLists) isCue(f string) bool { return inOrEnding(f, minOrgEnding, w.cue, w.orgTrigger) }

// inOrEnding reports whether a folded word, or an ending of it of at least
// minEnding bytes (the last part of a German compound), is in one of sets.
func inOrEnding(f string, minEnding int, sets ...map[string]bool) bool {
	for _, set := range sets {
		if set[f] {
			return true
		}
	}
	for i := max(1, len(f)-maxSuffix); i < len(f); i++ {
		if !utf8.RuneStart(f[i]) || len(f)-i < minEnding {
			continue
		}
		for _, set := range sets {
			if set[f[i:]] {
				return true
			}
		}
	}
	return false
}

// minNounStem is the shortest stem (bytes) before a noun suffix: "Jung"
// and "Klein" end like nouns but are names; "Zeitung" and "Freiheit" are
// nouns.
const minNounStem = 3

// nounLike reports whether a folded word ends like a German common noun
// ("Beziehungen", "Wissenschaft").
func (w *wordLists) nounLike(f string) bool {
	for _, s := range w.nounSuffix {
		if strings.HasSuffix(f, s) && len(f)-len(s) >= minNounStem {
			return true
		}
	}
	return false
}
