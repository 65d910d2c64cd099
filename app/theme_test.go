package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestSecondaryTextIsReadable checks every theme choice in both desktop
// variants: the "disabled" colour that counts, hints and card dates use
// reaches 4.5:1 on the background and stays well below the body text.
func TestSecondaryTextIsReadable(t *testing.T) {
	for _, choice := range []string{themeSystem, themeLight, themeDark} {
		for _, desktop := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			th := themeFor(choice)
			bg := th.Color(theme.ColorNameBackground, desktop)
			sec := contrastOf(th.Color(theme.ColorNameDisabled, desktop), bg)
			body := contrastOf(th.Color(theme.ColorNameForeground, desktop), bg)
			if sec < 4.5 {
				t.Errorf("%s theme on desktop variant %v: secondary text %.2f:1 on the background, want ≥ 4.5:1", choice, desktop, sec)
			}
			if body < bodyOverSecondary*sec {
				t.Errorf("%s theme on desktop variant %v: body text %.2f:1 is too close to secondary text %.2f:1", choice, desktop, body, sec)
			}
		}
	}
}

// TestSystemThemeFollowsTheDesktop: the System choice answers with the
// variant the desktop asks for, the others with their own.
func TestSystemThemeFollowsTheDesktop(t *testing.T) {
	sys := themeFor(themeSystem)
	if sys.Color(theme.ColorNameBackground, theme.VariantLight) == sys.Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("the System theme gives the same background for a light and a dark desktop")
	}
	dark := themeFor(themeDark)
	if dark.Color(theme.ColorNameBackground, theme.VariantLight) != dark.Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("the Dark theme follows the desktop")
	}
}

// bodyOverSecondary is how much more contrast body text must have than
// secondary text for the two to read as two levels (Fyne's light body text
// is 7.3:1).
const bodyOverSecondary = 1.5

// contrastOf is WCAG 2's contrast ratio of two opaque colours.
func contrastOf(a, b color.Color) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// relLuminance is WCAG 2's relative luminance.
func relLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
