package buildinfo

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

const sampleTOML = `Website = "https://example.org"

[Details]
  Icon = "assets/icon.png"
  Name = "Dramatis"
  ID = "io.github.dramatis.reader"
  Version = "1.2.3"
  Build = 7

[CanOpen]
  MimeTypes = "text/html"
`

func TestNewInfo(t *testing.T) {
	const hash = "2097069abcdef0123456789abcdef0123456789a"
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: hash}, {Key: "vcs.modified", Value: "true"}}
	for _, tc := range []struct {
		name     string
		toml     string
		linked   string
		settings []debug.BuildSetting
		want     string // String() without the Go release and platform
		wantErr  bool
	}{
		{"linked commit", sampleTOML, hash, nil, "dramatis 1.2.3 (build 7), commit 2097069abcde", false},
		{"linked dirty commit", sampleTOML, hash + DirtySuffix, nil, "dramatis 1.2.3 (build 7), commit 2097069abcde+changes", false},
		{"linked wins over the VCS stamp", sampleTOML, "abc", vcs, "dramatis 1.2.3 (build 7), commit abc", false},
		{"VCS stamp", sampleTOML, "", vcs, "dramatis 1.2.3 (build 7), commit 2097069abcde+changes", false},
		{"clean VCS stamp", sampleTOML, "", vcs[:2], "dramatis 1.2.3 (build 7), commit 2097069abcde", false},
		{"modified without a revision", sampleTOML, "", vcs[2:], "dramatis 1.2.3 (build 7), commit unknown", false},
		{"no commit at all", sampleTOML, "", nil, "dramatis 1.2.3 (build 7), commit unknown", false},
		{"no build number", "[Details]\nVersion = \"2.0.0\"\n", "", nil, "dramatis 2.0.0, commit unknown", false},
		{"no version", "[Details]\nName = \"Dramatis\"\n", "", nil, "dramatis unknown version, commit unknown", false},
		{"broken toml", "[Details\nVersion = 1", hash, nil, "dramatis unknown version, commit 2097069abcde", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i, err := newInfo([]byte(tc.toml), tc.linked, tc.settings)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			want := tc.want + ", " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
			if got := i.String(); got != want {
				t.Errorf("String() = %q\nwant       %q", got, want)
			}
		})
	}
}

// The repository's own FyneApp.toml is what every build reads: it must
// parse and name a version and a build number, or --version and About
// would say "unknown".
func TestRepositoryFyneAppTOML(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	i, err := newInfo(data, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if i.Name != "Dramatis" || i.Version == "" || i.Build < 1 || strings.Count(i.Version, ".") != 2 {
		t.Fatalf("FyneApp.toml gives %+v; want Name Dramatis, a version x.y.z and a build number", i)
	}
}
