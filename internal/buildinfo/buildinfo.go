// Package buildinfo says which Dramatis a binary is: the version and build
// number of FyneApp.toml (the one place they are written down, and what
// Fyne's packager stamps into the package) and the commit it was built
// from. 'dramatis --version' prints it and Help ▸ About shows it.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"
)

// DirtySuffix marks a commit built with uncommitted changes, as in
// 'git describe --dirty'; scripts/package appends it.
const DirtySuffix = "-dirty"

// Info is what a build says about itself.
type Info struct {
	Name    string // "Dramatis"
	Website string // the project's page, from FyneApp.toml
	Comment string // what Dramatis is for, in one line (the desktop entry's Comment)
	Version string // "0.1.0"; "" when FyneApp.toml did not say
	Build   int    // FyneApp.toml's build number; 0 when it did not say
	// Commit is the full commit hash, "" when unknown (a build outside
	// git, or with -buildvcs=false and no -ldflags -X).
	Commit string
	// Dirty says the tree had uncommitted changes.
	Dirty bool
	// Go is the Go release and Platform the GOOS/GOARCH built for.
	Go, Platform string
}

// fyneApp is the part of FyneApp.toml this package reads.
type fyneApp struct {
	Website string
	Details struct {
		Name    string
		Version string
		Build   int
	}
	LinuxAndBSD struct {
		Comment string
	}
}

// New reads the version from the contents of FyneApp.toml and takes the
// commit from commit (set with -ldflags -X by scripts/package, may end
// in DirtySuffix) or, when that is empty, from the VCS stamp the go
// command writes into binaries built inside a git checkout.
func New(fyneAppTOML []byte, commit string) (Info, error) {
	var settings []debug.BuildSetting
	if bi, ok := debug.ReadBuildInfo(); ok {
		settings = bi.Settings
	}
	return newInfo(fyneAppTOML, commit, settings)
}

func newInfo(fyneAppTOML []byte, commit string, settings []debug.BuildSetting) (Info, error) {
	i := Info{Name: "Dramatis", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	i.Commit, i.Dirty = commitOf(commit, settings)
	var meta fyneApp
	if _, err := toml.Decode(string(fyneAppTOML), &meta); err != nil {
		return i, fmt.Errorf("FyneApp.toml: %w", err)
	}
	if meta.Details.Name != "" {
		i.Name = meta.Details.Name
	}
	i.Version, i.Build = meta.Details.Version, meta.Details.Build
	i.Website, i.Comment = meta.Website, meta.LinuxAndBSD.Comment
	return i, nil
}

// commitOf picks the commit: the one given at link time, else vcs.revision
// and vcs.modified from the build settings.
func commitOf(linked string, settings []debug.BuildSetting) (string, bool) {
	if linked != "" {
		c, dirty := strings.CutSuffix(linked, DirtySuffix)
		return c, dirty
	}
	var c string
	var dirty bool
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			c = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	return c, dirty && c != ""
}

// shortCommit is how many hex digits of the commit are shown: enough to
// be unique in any repository of this size, as git's own short hashes.
const shortCommit = 12

// ShortCommit is the commit shortened for display, with "+changes" when
// the tree was dirty, or "unknown".
func (i Info) ShortCommit() string {
	if i.Commit == "" {
		return "unknown"
	}
	c := i.Commit
	if len(c) > shortCommit {
		c = c[:shortCommit]
	}
	if i.Dirty {
		c += "+changes"
	}
	return c
}

// VersionString is the version with its build number: "0.1.0 (build 1)",
// or "unknown version".
func (i Info) VersionString() string {
	v := i.Version
	if v == "" {
		v = "unknown version"
	}
	if i.Build > 0 {
		v += fmt.Sprintf(" (build %d)", i.Build)
	}
	return v
}

// String is the line 'dramatis --version' prints:
// "dramatis 0.1.0 (build 1), commit 2097069abc12, go1.26.8 linux/amd64".
func (i Info) String() string {
	return fmt.Sprintf("dramatis %s, commit %s, %s %s", i.VersionString(), i.ShortCommit(), i.Go, i.Platform)
}
