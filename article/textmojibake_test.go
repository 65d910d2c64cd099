package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// misread returns text as a browser shows UTF-8 that it reads in cs.
func misread(t *testing.T, text string, cs encoding.Encoding) string {
	t.Helper()
	out, err := cs.NewDecoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRepairMojibake(t *testing.T) {
	german := "Für die Bürger ändert sich viel: Öffnungszeiten, Gebühren – und die Straßenbahn fährt später."
	chinese := "谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识的计算机。"
	japaneseText := "肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。"
	for _, tc := range []struct {
		name, in, want string
	}{
		{"UTF-8 read as Windows-1252", misread(t, german, charmap.Windows1252), german},
		// The decoders lose the characters whose bytes they cannot pair
		// (U+FFFD); the rest comes back.
		{"UTF-8 read as GBK", misread(t, chinese, simplifiedchinese.GB18030), "谷歌\uFFFD2014年收\uFFFD人工智能\uFFFDDeepMind开发出一款能够用\uFFFD的\uFFFD忆\uFFFD习新知识的\uFFFD算机\uFFFD"},
		{"UTF-8 read as Shift_JIS", misread(t, japaneseText, japanese.ShiftJIS), "肉をくわえたイヌが、橋を渡って\uFFFDした。\uFFFDと下を見ると、川\uFFFD中にも肉をくわえたイヌが\uFFFDす\uFFFD\u0080\uFFFD"},
		// The browser's GBK reads "说" (e8 af b4) as 鑸 and a character of
		// GBK's user-defined area, "开" (e5 bc 80) as 寮 and "€"; a byte
		// it could not read at all is lost, and so is its character.
		{"GBK with user-defined area, € and a lost byte", "鏃犻殰纰嶈\ue1e9鏄\uFFFD\n寮€鍙戝嚭涓€娆捐兘澶熺敤", "无障碍说\uFFFD\n开发出一款能够用"},
		{"German", german, german},
		{"Chinese", chinese, chinese},
		{"Japanese", japaneseText, japaneseText},
		{"Russian", "Москва — столица России, крупнейший по численности населения город страны.", "Москва — столица России, крупнейший по численности населения город страны."},
		// A few characters that happen to form UTF-8 when written in
		// Windows-1252 ("ß“" is df 93) are not evidence.
		{"German quote", "„Die Straße“ heißt es, „und der Fluß“.", "„Die Straße“ heißt es, „und der Fluß“."},
		{"ASCII", "Plain text.", "Plain text."},
	} {
		if got := repairMojibake(tc.in); got != tc.want {
			t.Errorf("%s: repairMojibake(%q) = %q, want %q", tc.name, firstWords(tc.in, 6), got, tc.want)
		}
	}
}

// TestRepairMojibakeCorpus checks that of all the corpora's page copies
// only the one a browser misread (readability/qq: a UTF-8 page read as
// GBK) is read again, and that it then has the article's words.
func TestRepairMojibakeCorpus(t *testing.T) {
	copies, _ := filepath.Glob("../../shared/corpus/*/*/pagecopy.txt")
	if len(copies) == 0 {
		t.Skip("corpora not available in ../shared")
	}
	for _, f := range copies {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		got := repairMojibake(text)
		misread := strings.HasSuffix(f, "/readability/qq/pagecopy.txt")
		if misread != (got != text) {
			t.Errorf("%s: repaired %v, want %v", f, got != text, misread)
		}
		if misread && !strings.Contains(got, "DeepMind开发出一款能够用自己的记忆学习新知识") {
			t.Errorf("%s: repaired text lacks the article: %q", f, firstWords(got, 20))
		}
	}
}
