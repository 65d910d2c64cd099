package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// analyseArticles is the library pane's Analyse: the Analysis window for
// the articles the pane lists (a search, filters), said in its filter bar
// until the reader removes it. search is the pane's search text; filtered
// says filters narrowed the list (without either it lists the library,
// and the whole library is analysed).
func (c *controller) analyseArticles(ids []string, search string, filtered bool) {
	if len(ids) == 0 {
		c.sh.setStatus("The library lists no articles to analyse: change the search or the filters.")
		return
	}
	c.showAnalysis()
	if strings.TrimSpace(search) == "" && !filtered {
		c.analysisW.unrestrict() // the pane lists the whole library
		return
	}
	c.analysisW.restrict(ids, describeListed(len(ids), search, filtered))
}

// describeListed says which articles an analysis is restricted to.
func describeListed(n int, search string, filtered bool) string {
	what := "the article"
	if n != 1 {
		what = fmt.Sprintf("the %s articles", thousands(n))
	}
	s := "Only " + what + " the library listed"
	if search = strings.Join(strings.Fields(search), " "); search != "" {
		s += " for “" + search + "”"
	}
	if filtered {
		s += " with its filters"
	}
	return s
}

// restrictionBar is the filter bar's first row while the analysis is
// restricted to some articles: what they are, and a button that
// analyses the whole library again.
func (w *analysisWindow) restrictionBar() fyne.CanvasObject {
	w.onlyLabel = widget.NewLabel("")
	w.onlyLabel.Truncation = fyne.TextTruncateEllipsis
	w.onlyLabel.TextStyle.Bold = true
	all := widget.NewButtonWithIcon("Whole library", theme.CancelIcon(), w.unrestrict)
	w.onlyBar = container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), all, w.onlyLabel)
	w.onlyBar.Hide()
	return w.onlyBar
}

// restrict analyses only the articles ids, described by what.
func (w *analysisWindow) restrict(ids []string, what string) {
	w.only = ids
	w.onlyLabel.SetText(what)
	w.onlyBar.Show()
	w.win.SetTitle("Analysis (" + what + ") — Dramatis")
	w.recompute()
}

// unrestrict analyses the whole library again.
func (w *analysisWindow) unrestrict() {
	w.only = nil
	w.onlyBar.Hide()
	w.win.SetTitle("Analysis — Dramatis")
	w.recompute()
}
