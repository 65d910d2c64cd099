package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Panel floats over a window's content at a place the app chooses (beside
// a passage, say) and keeps that place and its size while its content
// changes. It is modal without dimming the window: clicks outside it do
// nothing, so that a stray click never throws away what was typed; the
// content closes it (Hide).
type Panel struct {
	widget.BaseWidget

	Content fyne.CanvasObject

	canvas fyne.Canvas
	pos    fyne.Position
	size   fyne.Size
	bg     *canvas.Rectangle
	under  *canvas.Rectangle
}

// NewPanel makes a panel for content over a canvas (not shown yet).
func NewPanel(content fyne.CanvasObject, c fyne.Canvas) *Panel {
	p := &Panel{Content: content, canvas: c,
		bg: canvas.NewRectangle(color.Transparent), under: canvas.NewRectangle(color.Transparent)}
	p.ExtendBaseWidget(p)
	return p
}

// ShowAt shows the panel with its top-left corner at pos (canvas
// coordinates) and the given size, as the top overlay.
func (p *Panel) ShowAt(pos fyne.Position, size fyne.Size) {
	p.pos, p.size = pos, size
	p.canvas.Overlays().Add(p)
	p.Resize(p.canvas.Size())
	p.Show()
	p.Refresh()
}

// Bounds is where the panel is, in canvas coordinates.
func (p *Panel) Bounds() (fyne.Position, fyne.Size) { return p.pos, p.size }

// Hide takes the panel off the window.
func (p *Panel) Hide() {
	p.BaseWidget.Hide()
	p.canvas.Overlays().Remove(p)
}

// Tapped swallows clicks outside the content.
func (p *Panel) Tapped(*fyne.PointEvent) {}

// TappedSecondary swallows right clicks outside the content.
func (p *Panel) TappedSecondary(*fyne.PointEvent) {}

// CreateRenderer draws the panel's card and content.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer { return &panelRenderer{p: p} }

// PanelPadding is the space between the panel's edge and its content.
const PanelPadding = 10

type panelRenderer struct{ p *Panel }

func (r *panelRenderer) Layout(size fyne.Size) {
	p := r.p
	p.under.Resize(size)
	p.bg.Move(p.pos)
	p.bg.Resize(p.size)
	p.Content.Move(p.pos.AddXY(PanelPadding, PanelPadding))
	p.Content.Resize(p.size.SubtractWidthHeight(2*PanelPadding, 2*PanelPadding))
}

func (r *panelRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *panelRenderer) Refresh() {
	p := r.p
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	p.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	p.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	p.bg.StrokeWidth = 1
	p.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.Layout(p.Size())
	p.bg.Refresh()
	p.Content.Refresh()
}

func (r *panelRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.under, r.p.bg, r.p.Content}
}

func (r *panelRenderer) Destroy() {}
