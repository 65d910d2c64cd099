package widgets

// Measure is the width of the text column. The values are the words a
// reader picks and the app stores; "" (and anything unknown) is medium.
type Measure string

// The column widths a reader can choose.
const (
	MeasureNarrow Measure = "narrow"
	MeasureMedium Measure = "medium"
	MeasureWide   Measure = "wide"
)

// Measures lists the column widths, narrow to wide (for a chooser).
func Measures() []Measure { return []Measure{MeasureNarrow, MeasureMedium, MeasureWide} }

// chars is the column width in average characters of body text: 70 is
// the classic comfortable measure; 58 suits large text or a tired eye, 90
// a wide screen.
func (m Measure) chars() float32 {
	switch m {
	case MeasureNarrow:
		return 58
	case MeasureWide:
		return 90
	}
	return 70
}

// Spacing is the line spacing of the body text; "" is normal.
type Spacing string

// The line spacings a reader can choose.
const (
	SpacingTight  Spacing = "tight"
	SpacingNormal Spacing = "normal"
	SpacingLoose  Spacing = "loose"
)

// Spacings lists the line spacings, tight to loose.
func Spacings() []Spacing { return []Spacing{SpacingTight, SpacingNormal, SpacingLoose} }

// lineF is the distance between baselines relative to the text size.
func (s Spacing) lineF() float32 {
	switch s {
	case SpacingTight:
		return 1.35
	case SpacingLoose:
		return 1.8
	}
	return bodyLineHeight
}

// BodyFont is the typeface of the article text; "" is the theme's sans.
type BodyFont string

// The typefaces a reader can choose.
const (
	FontSans  BodyFont = "sans"
	FontSerif BodyFont = "serif" // Noto Serif, bundled
)

// BodyFonts lists the typefaces.
func BodyFonts() []BodyFont { return []BodyFont{FontSans, FontSerif} }

// ReadingStyle is how the article text is set, beside its size.
type ReadingStyle struct {
	Measure Measure
	Spacing Spacing
	Font    BodyFont
}

// normal returns the style with unknown values replaced by the defaults,
// so that two spellings of the same style compare equal.
func (s ReadingStyle) normal() ReadingStyle {
	switch s.Measure {
	case MeasureNarrow, MeasureWide:
	default:
		s.Measure = MeasureMedium
	}
	switch s.Spacing {
	case SpacingTight, SpacingLoose:
	default:
		s.Spacing = SpacingNormal
	}
	if s.Font != FontSerif {
		s.Font = FontSans
	}
	return s
}

// SetReadingStyle sets the column width, line spacing and typeface,
// keeping the line at the top of the viewport at the top.
func (v *ArticleView) SetReadingStyle(s ReadingStyle) {
	s = s.normal()
	if v.layout != nil && s == v.layout.style {
		return
	}
	v.keepPlace(func() {
		v.ensureLayout()
		v.layout.setStyle(s)
	})
}

// ReadingStyle returns the style in use.
func (v *ArticleView) ReadingStyle() ReadingStyle {
	if v.layout == nil {
		return ReadingStyle{}.normal()
	}
	return v.layout.style
}
