package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/annotation"
)

// Node colourings as the Analysis window offers them.
const (
	colourByActor = "Actor colour"
	colourByKind  = "Kind"
)

// Analysis window size: the filter rows' own width when the screen has
// room, never less than the network and the list need beside each other,
// and no wider than a 1280-px screen, the narrowest laptop's; a narrower
// window scrolls the rows sideways, with Export kept in view.
const (
	analysisMinWidth = 1100
	analysisMaxWidth = 1260
	analysisHeight   = 720
)

// analysisWidth is the window's first width for filter rows rowsWidth
// wide (the window's border padding included).
func analysisWidth(rowsWidth float32) float32 {
	return min(analysisMaxWidth, max(analysisMinWidth, rowsWidth+2*theme.Padding()))
}

// controls builds the filter bar: the articles analysed (when restricted),
// network, weights and node colours, the date window with its slider,
// stance, kind, topic, site, and Export; and the width the rows take
// without scrolling.
func (w *analysisWindow) controls() (fyne.CanvasObject, float32) {
	var kinds []string
	for _, k := range analysis.EdgeKinds {
		kinds = append(kinds, edgeKindName(k))
	}
	changed := func(string) { w.recompute() }
	w.kind = widget.NewSelect(kinds, changed)
	w.kind.SetSelected(edgeKindName(analysis.EdgesCooccurrence))
	w.norm = widget.NewSelect([]string{"Count", "Jaccard"}, changed)
	w.norm.SetSelected("Count")
	w.colourBy = widget.NewSelect([]string{colourByActor, colourByKind}, func(string) { w.recolour() })
	w.colourBy.SetSelected(colourByActor)
	w.period = widget.NewSelect([]string{"Week", "Month"}, changed)
	w.period.SetSelected("Month")
	w.stance = widget.NewSelect(append([]string{"Any stance"}, annotation.StanceNames()...), changed)
	w.stance.SetSelected("Any stance")
	w.kindF = widget.NewSelect(append([]string{"Any kind"}, annotation.KindNames()...), changed)
	w.kindF.SetSelected("Any kind")
	w.topic = widget.NewSelect([]string{"Any topic"}, changed)
	w.topic.SetSelected("Any topic")
	submit := func(string) { w.recompute() }
	entry := func(hint string) *windowEntry {
		e := w.keys.entry()
		e.SetPlaceHolder(hint)
		e.OnSubmitted = submit
		return e
	}
	w.minWeight, w.from, w.to, w.site = entry("min. weight"), entry("from 2024-01-01"), entry("to 2024-12-31"), entry("site")
	export := widget.NewButton("Export…", w.chooseExportFolder)
	for _, s := range []*widget.Select{w.kind, w.norm, w.colourBy, w.period, w.stance, w.kindF, w.topic} {
		w.keys.releaseAfterChoice(s)
	}
	row1 := container.NewHBox(widget.NewLabel("Network"), sized(w.kind, 290), widget.NewLabel("Weights"), w.norm, sized(w.minWeight, 110),
		widget.NewLabel("Colour"), w.colourBy, widget.NewLabel("Per"), w.period)
	row2 := container.NewHBox(sized(w.from, 150), sized(w.to, 150), w.dateSlider(), w.stance, w.kindF, w.topic, sized(w.site, 140))
	rowsWidth := max(row1.MinSize().Width+theme.Padding()+export.MinSize().Width, row2.MinSize().Width)
	// Rows scroll sideways in a narrow window rather than widen it;
	// Export stays at the end of the first row, never scrolled away.
	first := container.NewBorder(nil, nil, nil, export, container.NewHScroll(row1))
	return container.NewVBox(w.restrictionBar(), first, container.NewHScroll(row2)), rowsWidth
}

// dateSlider is the date window's slider between its step buttons, with
// the period it shows.
func (w *analysisWindow) dateSlider() fyne.CanvasObject {
	w.slider = widget.NewSlider(0, 1)
	w.slider.Step = 1
	w.slider.OnChanged = w.sliderMoved
	w.slider.OnChangeEnded = func(float64) {
		if !w.syncing {
			w.recomputeNow() // the drag ended (or a click, a key): no need to wait
		}
	}
	w.sliderLabel = widget.NewLabel(allDates)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { w.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { w.step(+1) })
	return container.NewHBox(prev, sized(w.slider, sliderWidth), next, sized(w.sliderLabel, sliderLabelWidth))
}

// sized gives an entry a fixed width in a row.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// filter reads the filter bar. Dates that do not read are reported in the
// status line and ignored.
func (w *analysisWindow) filter() (analysis.Filter, string) {
	var f analysis.Filter
	var problems []string
	if t, ok := readDay(w.from.Text); ok {
		f.From = t
	} else {
		problems = append(problems, fmt.Sprintf("“%s” is not a date (2024-11-30)", w.from.Text))
	}
	if t, ok := readDay(w.to.Text); ok && !t.IsZero() {
		f.To = analysis.ToDay(t)
	} else if !ok {
		problems = append(problems, fmt.Sprintf("“%s” is not a date (2024-11-30)", w.to.Text))
	}
	if st, err := analysis.ParseStance(w.stance.Selected); err == nil && w.stance.SelectedIndex() > 0 {
		f.Stances = []analysis.Stance{st}
	}
	if w.kindF.SelectedIndex() > 0 {
		f.Kinds = []annotation.Kind{annotation.Kind(w.kindF.Selected)}
	}
	if i := w.topic.SelectedIndex(); i > 0 && i-1 < len(w.x.Corpus.Topics) {
		f.Topics = []string{w.x.Corpus.Topics[i-1].ID}
	}
	if s := strings.TrimSpace(w.site.Text); s != "" {
		f.Sites = []string{s}
	}
	f.Articles = w.only
	return f, strings.Join(problems, "; ")
}

// readDay reads a day the reader typed; "" is no day.
func readDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	return t, err == nil
}

// options reads the network choices.
func (w *analysisWindow) options() analysis.NetworkOptions {
	o := analysis.NetworkOptions{Edges: analysis.EdgeKinds[max(0, w.kind.SelectedIndex())], Normalise: analysis.Raw}
	if w.norm.Selected == "Jaccard" && o.Edges != analysis.EdgesAffiliation {
		o.Normalise = analysis.Jaccard
	}
	if v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(w.minWeight.Text), ",", "."), 64); err == nil {
		o.MinWeight = v
	}
	return o
}

// nodeColour is the node colouring chosen.
func (w *analysisWindow) nodeColour() analysis.NodeColour {
	if w.colourBy.Selected == colourByKind {
		return analysis.ColourKind
	}
	return analysis.ColourActor
}
