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

// variantTheme is Fyne's default theme with two changes: the light/dark
// choice fixed by the reader instead of the desktop, when they want that
// (follow is false), and a readable colour for secondary text.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	follow  bool
}

// Color answers with the chosen variant (or the desktop's, when the theme
// follows it), and with secondaryText for Fyne's "disabled" colour.
func (t *variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !t.follow {
		v = t.variant
	}
	if n == theme.ColorNameDisabled {
		return secondaryText(v)
	}
	return t.Theme.Color(n, v)
}

// secondaryText is the colour of text Fyne draws as "disabled", which
// Dramatis's counts, hints, notes and card dates use through
// widget.LowImportance: Fyne's own (#e3e3e3 on white, 1.3:1; #39393a on
// #171718, 1.6:1) left them next to unreadable. These greys meet WCAG AA's
// 4.5:1 on the theme's background (light 4.7:1, dark 5.0:1) and stay far
// below the body text (about 12:1), so disabled controls still look
// disabled.
func secondaryText(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		return color.NRGBA{R: 0x73, G: 0x73, B: 0x73, A: 0xff}
	}
	return color.NRGBA{R: 0x87, G: 0x87, B: 0x88, A: 0xff}
}

// themeFor maps a Preferences choice to a theme; System follows the desktop.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case themeLight:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight}
	case themeDark:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark}
	}
	return &variantTheme{Theme: theme.DefaultTheme(), follow: true}
}

// applyTheme installs the theme chosen in Preferences.
func applyTheme(fa fyne.App) {
	fa.Settings().SetTheme(themeFor(fa.Preferences().StringWithFallback(prefTheme, themeSystem)))
}
