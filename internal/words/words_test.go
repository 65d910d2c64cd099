package words

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDetectLang(t *testing.T) {
	cases := map[string]string{
		"Der Stadtrat hat am Montag das neue Konzept beschlossen, und die Opposition ist nicht zufrieden mit dem Plan für die Innenstadt.": "de",
		"The council voted on Monday to approve the plan, and the opposition said it was not happy with the cost of the project.":          "en",
		"Le conseil a voté lundi pour le plan, mais les habitants sont inquiets et la question reste ouverte dans la ville.":               "fr",
		"Home News Sport": "",
		"":                "",
	}
	for in, want := range cases {
		if got := DetectLang(in); got != want {
			t.Errorf("DetectLang(%.30q…) = %q, want %q", in, got, want)
		}
	}
}

func TestLanguagesFromFiles(t *testing.T) {
	want := []string{"de", "en", "es", "fr", "it", "nl", "pt"}
	if got := Languages(); !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
}

func TestGuessAmong(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"Scholz und Macron", "de"},
		{"Putin met Xi in Beijing", "en"},
		{"Olaf Scholz", "de"},                  // none: the first
		{"Führer Kim Il Sung regierte.", "de"}, // Italian "il" is not among them
		{"Le président et la ministre", "de"},
	}
	for _, c := range cases {
		if got := GuessAmong(c.in, "de", "en"); got != c.want {
			t.Errorf("GuessAmong(%q, de, en) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := GuessAmong("the", "en", "de"); got != "en" {
		t.Errorf("GuessAmong(the, en, de) = %q", got)
	}
}

func TestParticle(t *testing.T) {
	cases := []struct {
		w                  string
		particle, everyday bool
	}{
		{"von", true, false}, {"da", true, false}, {"dos", true, false}, {"ibn", true, false},
		{"der", true, true}, {"zu", true, true}, {"das", true, true},
		{"und", false, false}, {"Von", false, false}, {"", false, false},
	}
	for _, c := range cases {
		if p, e := Particle(c.w); p != c.particle || e != c.everyday {
			t.Errorf("Particle(%q) = %v, %v; want %v, %v", c.w, p, e, c.particle, c.everyday)
		}
	}
}

func TestMonth(t *testing.T) {
	cases := map[string]time.Month{"jänner": 1, "märz": 3, "mrz": 3, "may": 5, "sept": 9, "okt": 10, "dec": 12}
	for name, want := range cases {
		if got, ok := Month(name); !ok || got != want {
			t.Errorf("Month(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
	// Month reads the readers' languages only: another language's name
	// read alone is another word ("Mars", "set").
	for _, name := range []string{"updated", "diciembre", "mars", "set", ""} {
		if _, ok := Month(name); ok {
			t.Errorf("Month(%q) is a month", name)
		}
	}
}

func TestLookupMonth(t *testing.T) {
	cases := []struct {
		name     string
		month    time.Month
		lang     string
		everyday bool
		other    bool
	}{
		{"diciembre", 12, "es", false, true},
		{"décembre", 12, "fr", false, true},
		{"mars", 3, "fr", true, true},
		{"mai", 5, "fr", false, true}, // German too
		{"set", 9, "pt", true, true},
		{"maart", 3, "nl", false, true},
		{"march", 3, "en", false, false},
	}
	for _, c := range cases {
		m, ok := LookupMonth(c.name)
		if !ok || m.Month != c.month || !m.In(c.lang) || m.Everyday != c.everyday || m.OtherLangs() != c.other {
			t.Errorf("LookupMonth(%q) = %+v, %v", c.name, m, ok)
		}
	}
	if m, _ := LookupMonth("mai"); !m.In("de") {
		t.Errorf(`"mai" is not German: %+v`, m)
	}
}

func TestAddMonthsErrors(t *testing.T) {
	// Each line follows "fr 2 février": a name may stand for one month only.
	for _, line := range []string{"de 1", "de x januar", "de 13 undecember", "es 3 février"} {
		l := &lists{months: map[string]MonthName{}}
		if err := l.addMonths(strings.Fields("fr 2 février")); err != nil {
			t.Fatal(err)
		}
		if err := l.addMonths(strings.Fields(line)); err == nil {
			t.Errorf("addMonths(%q) accepted", line)
		}
	}
}
