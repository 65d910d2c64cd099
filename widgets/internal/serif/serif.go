// Package serif holds the serif body font the ArticleView offers beside
// the theme's sans: Noto Serif (SIL Open Font License 1.1, OFL.txt),
// subset by subset.sh to Latin, Greek and Cyrillic - German and English
// with their names from elsewhere in Europe.
package serif

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

var (
	//go:embed NotoSerif-Regular.ttf
	regular []byte
	//go:embed NotoSerif-Bold.ttf
	bold []byte
	//go:embed NotoSerif-Italic.ttf
	italic []byte
)

// The fonts of the three styles the reader uses: body text, headings and
// captions. Their names are distinct: Fyne caches glyph textures by them.
var (
	regularRes = fyne.NewStaticResource("NotoSerif-Regular.ttf", regular)
	boldRes    = fyne.NewStaticResource("NotoSerif-Bold.ttf", bold)
	italicRes  = fyne.NewStaticResource("NotoSerif-Italic.ttf", italic)
)

// For returns the serif font for a text style (bold italic: bold). The
// same style always gets the same resource, so caches keyed by it hold.
func For(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Bold:
		return boldRes
	case style.Italic:
		return italicRes
	}
	return regularRes
}
