package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices offered in Preferences.
const (
	themeSystem = "System"
	themeLight  = "Light"
	themeDark   = "Dark"
)

// variantTheme is Fyne's default theme with the light/dark choice fixed by
// the reader instead of the desktop, when they want that.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color answers with the chosen variant, whatever the system asks for.
func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor maps a Preferences choice to a theme; System follows the desktop.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case themeLight:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight}
	case themeDark:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// applyTheme installs the theme chosen in Preferences.
func applyTheme(fa fyne.App) {
	fa.Settings().SetTheme(themeFor(fa.Preferences().StringWithFallback(prefTheme, themeSystem)))
}
