package annotation

import (
	"golang.org/x/text/cases"

	"github.com/dramatis-app/dramatis/article"
)

// NameKey is what makes two actor names one name: the name cleaned as
// article.CleanInline cleans it (NFC, one line, no zero-width characters,
// single spaces) and case-folded ("Nordkorea", "NORDKOREA" and "nordkorea"
// are one name; "Straße" and "STRASSE" too). Accents count: "Müller" and
// "Muller" are two people.
//
// A library keeps at most one actor per key (its index of names is keyed
// by it, so changing it needs a migration), a backup's actor is merged into
// the library's by it, and the window uses it to recognise an actor it
// offered when the reader picks it.
func NameKey(name string) string {
	return cases.Fold().String(article.CleanInline(name))
}
