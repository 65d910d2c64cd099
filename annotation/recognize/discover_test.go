package recognize

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
)

var update = flag.Bool("update", false, "rewrite the want.json golden files of testdata/discover")

// gold is a hand-written list of the actors of a fixture article: names per
// kind, alternatives separated by "|", and names neither required nor
// penalised.
type gold struct {
	Person       []string `json:"person"`
	State        []string `json:"state"`
	Organisation []string `json:"organisation"`
	Ignore       []string `json:"ignore"`
}

func (g *gold) of(k annotation.Kind) []string {
	switch k {
	case annotation.KindPerson:
		return g.Person
	case annotation.KindState:
		return g.State
	}
	return g.Organisation
}

// prScore compares the candidates of one kind with the gold list: a
// candidate is right when its name is one of a gold entry's alternatives
// (case-insensitively); a second candidate for the same entry counts as wrong.
func prScore(cands []Candidate, g *gold, k annotation.Kind) (p, r float64, wrong, missed []string) {
	ignore := map[string]bool{}
	for _, n := range g.Ignore {
		ignore[fold(n)] = true
	}
	entries := g.of(k)
	hit := make([]bool, len(entries))
	predicted, correct := 0, 0
	for _, c := range cands {
		if c.Kind != k || ignore[fold(c.Name)] {
			continue
		}
		predicted++
		matched := false
		for i, e := range entries {
			for _, alt := range strings.Split(e, "|") {
				if fold(alt) == fold(c.Name) && !hit[i] {
					hit[i], matched = true, true
				}
			}
			if matched {
				break
			}
		}
		if matched {
			correct++
		} else {
			wrong = append(wrong, c.Name)
		}
	}
	for i, e := range entries {
		if !hit[i] {
			missed = append(missed, e)
		}
	}
	p, r = 1, 1
	if predicted > 0 {
		p = float64(correct) / float64(predicted)
	}
	if len(entries) > 0 {
		r = float64(correct) / float64(len(entries))
	}
	return p, r, wrong, missed
}

// strictFloors are the floors of a fixture found in full: 0.95 precision
// and recall in every kind.
var strictFloors = map[annotation.Kind][2]float64{annotation.KindPerson: {0.95, 0.95}, annotation.KindState: {0.95, 0.95}, annotation.KindOrganisation: {0.95, 0.95}}

// floors are the precision and recall each fixture must keep, per kind, set
// a little below the measured values so that a regression fails the test.
// Fixtures that measure 1.00/1.00 in every kind keep strictFloors. The
// heldout-* fixtures were written after the rules they test; all but
// heldout-en-chips and heldout-de-bundeswehr have since been tuned on and
// guard against regressions only, while those two are still untuned and
// their floors come from their one measurement.
var floors = map[string]map[annotation.Kind][2]float64{
	"seed":       strictFloors,
	"de-ukraine": strictFloors,
	"en-iran":    strictFloors,
	"en-taiwan":  strictFloors,
	"de-handel":  strictFloors,
	// Organisations: recall 0.86, "Zenith" is named without context and is
	// no company in the list.
	"heldout-de":            {annotation.KindPerson: {0.95, 0.95}, annotation.KindState: {0.95, 0.95}, annotation.KindOrganisation: {0.95, 0.8}},
	"heldout-en":            strictFloors,
	"heldout-de2":           strictFloors,
	"heldout-de-wirtschaft": strictFloors,
	"heldout-en-security":   strictFloors,
	"heldout-de-experten":   strictFloors,
	// Untuned; measured P/R: person 1.00/1.00, state 1.00/1.00, org 0.96/0.93.
	"heldout-en-chips": {annotation.KindPerson: {0.95, 0.95}, annotation.KindState: {0.95, 0.95}, annotation.KindOrganisation: {0.9, 0.9}},
	// Untuned; measured P/R: person 1.00/0.92, state 1.00/1.00, org 0.95/0.86.
	"heldout-de-bundeswehr": {annotation.KindPerson: {0.95, 0.9}, annotation.KindState: {0.95, 0.95}, annotation.KindOrganisation: {0.9, 0.8}},
}

// TestDiscoverFixtures runs discovery on the fixture articles, compares the
// output with want.json (go test -run TestDiscoverFixtures -update rewrites
// it) and measures precision and recall per kind against the hand-written
// gold.json.
func TestDiscoverFixtures(t *testing.T) {
	m := NewMatcher(nil)
	dirs, err := filepath.Glob(filepath.Join("testdata", "discover", "*"))
	if err != nil || len(dirs) < 4 {
		t.Fatalf("need at least 4 fixtures in testdata/discover, found %d (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var g gold
			gb, err := os.ReadFile(filepath.Join(dir, "gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gb, &g); err != nil {
				t.Fatalf("gold.json: %v", err)
			}
			text := string(input)
			cands := m.Discover(text)
			checkCandidates(t, text, cands)

			got, _ := json.MarshalIndent(cands, "", "  ")
			got = append(got, '\n')
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("discovery output differs from %s (run with -update if the change is intended):\n%s", wantPath, got)
			}

			fl, ok := floors[name]
			if !ok {
				t.Fatalf("no precision/recall floors for fixture %s", name)
			}
			for _, k := range []annotation.Kind{annotation.KindPerson, annotation.KindState, annotation.KindOrganisation} {
				p, r, wrong, missed := prScore(cands, &g, k)
				t.Logf("%-12s precision %.2f recall %.2f  wrong %q  missed %q", k, p, r, wrong, missed)
				if p < fl[k][0] || r < fl[k][1] {
					t.Errorf("%s: precision %.2f (floor %.2f), recall %.2f (floor %.2f); wrong %q, missed %q", k, p, fl[k][0], r, fl[k][1], wrong, missed)
				}
			}
		})
	}
}

// checkCandidates asserts what every discovery result must satisfy.
func checkCandidates(t *testing.T, text string, cands []Candidate) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	for _, c := range cands {
		if c.Name == "" || !c.Kind.Valid() || c.Count < 1 || len(c.AliasesSeen) == 0 {
			t.Errorf("bad candidate %+v", c)
		}
		if c.FirstOffset < 0 || c.FirstOffset >= n {
			t.Errorf("%s: first offset %d outside the text (%d code points)", c.Name, c.FirstOffset, n)
		}
	}
	if !sort.SliceIsSorted(cands, func(i, j int) bool {
		return cands[i].Count > cands[j].Count || (cands[i].Count == cands[j].Count && cands[i].FirstOffset < cands[j].FirstOffset)
	}) {
		t.Errorf("candidates are not sorted by count, then first offset")
	}
}

// TestDiscoverCases pins the behaviour the issue asks for, one rule each.
func TestDiscoverCases(t *testing.T) {
	m := NewMatcher(nil)
	type want struct {
		name  string
		kind  annotation.Kind
		count int
	}
	tests := []struct {
		name string
		text string
		want []want
		not  []string
	}{
		{"genitive and seat", "Chinas Führung schweigt, Peking wartet. Russlands Präsident reist nach Moskau, der Kreml schweigt.",
			[]want{{"China", annotation.KindState, 2}, {"Russland", annotation.KindState, 2}}, nil},
		{"adjectives", "Die chinesische Seite und nordkoreanischer Druck; die deutsche Industrie.",
			[]want{{"China", annotation.KindState, 1}, {"Nordkorea", annotation.KindState, 1}, {"Deutschland", annotation.KindState, 1}}, nil},
		{"compounds", "Der Nordkorea-Experte sprach über den Ukraine-Krieg und den US-Präsidenten.",
			[]want{{"Nordkorea", annotation.KindState, 1}, {"Ukraine", annotation.KindState, 1}, {"Vereinigte Staaten", annotation.KindState, 1}}, nil},
		{"english possessive", "China's leaders and Russia’s army met. Beijing's view differs.",
			[]want{{"China", annotation.KindState, 2}, {"Russia", annotation.KindState, 1}}, nil},
		{"surname later", "Das sagt Eric Ballbach von der Stiftung Wissenschaft und Politik. Ballbach meint, Ballbachs Sorge sei berechtigt.",
			[]want{{"Eric Ballbach", annotation.KindPerson, 3}, {"Stiftung Wissenschaft und Politik", annotation.KindOrganisation, 1}}, nil},
		{"nouns are not people", "Die Beziehungen zwischen den Staaten sind schwierig. Kalten Krieges Erbe. Verwandte Themen Mehr zum Thema.",
			nil, []string{"Kalten Krieges", "Verwandte Themen", "Kalten Krieges Erbe"}},
		{"case rules", "He told us about the chad in the ballot. US officials disagreed.",
			[]want{{"United States", annotation.KindState, 1}}, []string{"Chad"}},
		{"place is not government", "Die Stiftung sitzt in Berlin.", nil, []string{"Deutschland"}},
		{"role before", "Außenamtssprecher Lin Jian widersprach.", []want{{"Lin Jian", annotation.KindPerson, 1}}, nil},
		{"acronym from initials", "Das sagt Marcel Fratzscher vom Deutschen Institut für Wirtschaftsforschung. Laut DIW wächst die Wirtschaft kaum.",
			[]want{{"Deutschen Institut für Wirtschaftsforschung", annotation.KindOrganisation, 2}}, []string{"DIW"}},
		{"title abbreviation", "The report was written by Jane Okafor, a senior fellow. Mr. Okafor said little; according to Tom Reyes it was late. Dr. Reyes agreed.",
			[]want{{"Jane Okafor", annotation.KindPerson, 2}, {"Tom Reyes", annotation.KindPerson, 2}}, nil},
		{"longer name wins over a leader's surname", "Führer Kim Il Sung regierte lange. Kim Jong-un folgte.",
			[]want{{"Kim Il Sung", annotation.KindPerson, 1}, {"Kim Jong-un", annotation.KindPerson, 1}}, nil},
		{"companies named without context", "Volkswagen streicht Stellen. Auch BMW und Mercedes-Benz leiden, Nvidia und SK Hynix nicht. Der VW-Konzern schweigt.",
			[]want{{"Volkswagen", annotation.KindOrganisation, 2}, {"BMW", annotation.KindOrganisation, 1}, {"Mercedes-Benz", annotation.KindOrganisation, 1}, {"Nvidia", annotation.KindOrganisation, 1}, {"SK Hynix", annotation.KindOrganisation, 1}}, nil},
		{"media", "Das sagte er der ARD und CNBC. Laut dpa und Reuters, wie die BBC meldet.",
			[]want{{"ARD", annotation.KindOrganisation, 1}, {"CNBC", annotation.KindOrganisation, 1}, {"Deutsche Presse-Agentur", annotation.KindOrganisation, 1}, {"Reuters", annotation.KindOrganisation, 1}, {"BBC", annotation.KindOrganisation, 1}}, nil},
		{"vague company confirmed", "Der Versicherer Allianz meldet Gewinne. Allianz-Chef Oliver Bäte ist zufrieden; die Allianz zahlt mehr Dividende. Bosch, ZF und Continental bauen ab.",
			[]want{{"Allianz", annotation.KindOrganisation, 3}, {"Continental", annotation.KindOrganisation, 1}}, nil},
		{"vague company unconfirmed", "Die transatlantische Allianz hält. Eine Allianz der Willigen. Er sah in den Spiegel, das Bild war scharf. Ein Bayer und ein Stern.",
			nil, []string{"Allianz", "Spiegel", "Bild", "Bayer", "Stern"}},
		{"part of another name", "Union Berlin schlägt Bayer Leverkusen, sagt SPD-Chef Lars Klingbeil. Der Versicherer Allianz sponsert die Allianz Arena.",
			[]want{{"Allianz", annotation.KindOrganisation, 1}}, []string{"Union", "Bayer"}},
		{"Union with parties", "Die Union fordert Kürzungen, die SPD lehnt ab. Die CDU/CSU-Fraktion und die Unionsfraktion stimmen zu.",
			[]want{{"Union", annotation.KindOrganisation, 3}, {"SPD", annotation.KindOrganisation, 1}}, []string{"CDU"}},
		{"Union without parties", "Die Union der Vertriebenen tagt. Die Europäische Union und die Afrikanische Union verhandeln. Die Union müsse geeint handeln.",
			[]want{{"Europäische Union", annotation.KindOrganisation, 1}, {"Afrikanische Union", annotation.KindOrganisation, 1}}, []string{"Union"}},
		{"regions are not organisations", "Bonnie Glaser, director of the Indo-Pacific program at the German Marshall Fund, said so. Jane Roe, head of the Middle East desk, agreed.",
			[]want{{"German Marshall Fund", annotation.KindOrganisation, 1}}, []string{"Indo-Pacific", "Middle East"}},
		{"role compound is no name", "Deren Fraktionsvize Siemtje Möller warnte. Ifo-Branchenexpertin Anita Wölfl sagte das.",
			[]want{{"Siemtje Möller", annotation.KindPerson, 1}, {"Anita Wölfl", annotation.KindPerson, 1}}, []string{"Deren Fraktionsvize Siemtje Möller", "Ifo-Branchenexpertin Anita Wölfl"}},
		{"coordinated names", "By Rachel Donovan and Piotr Nowak. The Finnish Border Guard said the ship was held.",
			[]want{{"Rachel Donovan", annotation.KindPerson, 1}, {"Piotr Nowak", annotation.KindPerson, 1}}, []string{"Border Guard"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands := m.Discover(tt.text)
			checkCandidates(t, tt.text, cands)
			by := map[string]Candidate{}
			for _, c := range cands {
				by[c.Name] = c
			}
			for _, w := range tt.want {
				c, ok := by[w.name]
				if !ok || c.Kind != w.kind || c.Count != w.count {
					t.Errorf("want %s (%s) ×%d, got %+v; all: %+v", w.name, w.kind, w.count, c, cands)
				}
			}
			for _, n := range tt.not {
				if _, ok := by[n]; ok {
					t.Errorf("%q must not be a candidate: %+v", n, cands)
				}
			}
		})
	}
}

// TestDiscoverEmpty covers inputs without words.
func TestDiscoverEmpty(t *testing.T) {
	m := NewMatcher(nil)
	for _, s := range []string{"", " \n\n ", "123 456", "„“ – …", "\xff\xfe"} {
		if c := m.Discover(s); len(c) != 0 {
			t.Errorf("Discover(%q) = %+v, want nothing", s, c)
		}
	}
}

// TestDiscoverHostile feeds degenerate texts (one giant word, endless
// repetitions of patterns the rules react to); discovery must finish and
// stay sane. Each would take minutes if a rule were quadratic.
func TestDiscoverHostile(t *testing.T) {
	m := NewMatcher(nil)
	// Thousands of distinct people and organisations sharing a first word.
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		n := string(rune('A'+i%26)) + strings.Repeat(string(rune('a'+i/26%26)), 1+i/676) + "berg"
		sb.WriteString("Ian " + n + ", Gründer der Asan " + n + " Group, sagt: Ian " + n + " und China. ")
	}
	big := sb.String()
	if c := m.Discover(big); len(c) < 3000 {
		t.Errorf("want thousands of candidates, got %d", len(c))
	}
	if ss := m.Suggest(big, nil); len(ss) < 3000 {
		t.Errorf("want thousands of suggestions, got %d", len(ss))
	}
	for _, p := range []string{"U.S.", "Institute ", "Ian ", "von der ", "Kim ", "(SWP) ", "Ian Bremmer, Gründer der ", "X-", "Group of ", "TSMC ", "Nordkorea-"} {
		s := strings.Repeat(p, 100000/len(p)+1)
		cands := m.Discover(s)
		checkCandidates(t, s, cands)
		if ss := m.Suggest(s[:5000], nil); len(ss) > 1000 {
			t.Errorf("%q: %d suggestions", p, len(ss))
		}
	}
}
