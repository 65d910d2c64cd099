// Package localeenv keeps Fyne from logging "Error parsing user locale C"
// on machines whose locale is C.UTF-8 (Debian and Ubuntu containers, CI,
// minimal installs). Fyne's lang package reads the locale in its init and
// cannot parse "C.UTF-8"; a language in $LANGUAGE is read first, so this
// package sets LANGUAGE=en when the locale is the C/POSIX one with a
// charset and LANGUAGE is unset. gettext ignores LANGUAGE under the C
// locale, so programs started from Dramatis see no difference.
//
// It must be initialised before fyne.io/fyne/v2/lang: main imports it, and
// since Go 1.21 packages are initialised in import-path order as soon as
// their imports are ready; this package imports only os and strings, and
// its path sorts before github.com/jeandeaual/go-locale, which Fyne's lang
// imports, so its init always runs first. main_test.go checks that.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	if isCWithCharset(effectiveLocale()) {
		os.Setenv("LANGUAGE", "en")
	}
}

// effectiveLocale is the locale gettext uses for messages.
func effectiveLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// isCWithCharset reports whether loc is the C or POSIX locale with a charset
// or modifier ("C.UTF-8", "C.utf8", "POSIX@euro"): plain "C" and "POSIX"
// Fyne already understands.
func isCWithCharset(loc string) bool {
	i := strings.IndexAny(loc, ".@")
	if i < 0 {
		return false
	}
	base := loc[:i]
	return base == "C" || base == "POSIX"
}
