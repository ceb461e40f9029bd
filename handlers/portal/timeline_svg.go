package portal

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"leaveguard/leave"
)

// tlBar is one span of the timeline, From to To inclusive. Class picks its
// colour in app.css (tl-pregnancy, tl-maternity_leave, tl-nursing,
// tl-approved, tl-submitted); Estimated draws it lighter, dashed.
type tlBar struct {
	From, To  leave.Date
	Class     string
	Label     string
	Estimated bool
}

// tlMark is a day marked on the timeline with a line and a label.
type tlMark struct {
	On    leave.Date
	Class string
	Label string
}

// tlLane is one row of bars with its name.
type tlLane struct {
	Label string
	Bars  []tlBar
}

// tlChart is a timeline from From to To inclusive.
type tlChart struct {
	From, To leave.Date
	Lanes    []tlLane
	Marks    []tlMark
}

// Geometry of the drawing, in viewBox units (the SVG scales to its box).
const (
	tlWidth   = 960
	tlLeft    = 76  // lane names
	tlRight   = 944 // end of the time axis
	tlTop     = 40  // room for mark labels
	tlLaneH   = 26
	tlLaneGap = 12
	tlAxisH   = 26
)

// x is the horizontal position of the start of day d.
func (ch tlChart) x(d leave.Date) float64 {
	total := ch.From.DaysUntil(ch.To) + 1
	n := min(max(ch.From.DaysUntil(d), 0), total)
	return tlLeft + float64(tlRight-tlLeft)*float64(n)/float64(total)
}

// SVG draws the chart with presentation attributes and classes only (the
// CSP forbids inline styles and scripts); every text is escaped.
func (ch tlChart) SVG() template.HTML {
	height := tlTop + len(ch.Lanes)*(tlLaneH+tlLaneGap) + tlAxisH
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline-svg" viewBox="0 0 %d %d" role="img" aria-labelledby="tl-title" data-testid="timeline-svg">`, tlWidth, height)
	fmt.Fprintf(&b, `<title id="tl-title">时间线：%s 至 %s</title>`, ch.From, ch.To)
	axisY := height - tlAxisH
	ch.axis(&b, axisY)
	for i, lane := range ch.Lanes {
		y := tlTop + i*(tlLaneH+tlLaneGap)
		fmt.Fprintf(&b, `<text class="tl-lane" x="0" y="%d">%s</text>`, y+tlLaneH/2+5, esc(lane.Label))
		fmt.Fprintf(&b, `<rect class="tl-track" x="%d" y="%d" width="%d" height="%d" rx="4"></rect>`, tlLeft, y, tlRight-tlLeft, tlLaneH)
		for _, bar := range lane.Bars {
			ch.bar(&b, bar, y)
		}
	}
	ch.marks(&b, axisY)
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // built here from escaped text and numbers
}

func (ch tlChart) bar(b *strings.Builder, bar tlBar, y int) {
	x0, x1 := ch.x(bar.From), ch.x(bar.To.AddDays(1))
	w := max(x1-x0, 2)
	class := "tl-bar tl-" + bar.Class
	if bar.Estimated {
		class += " tl-est"
	}
	days := bar.From.DaysUntil(bar.To) + 1
	fmt.Fprintf(b, `<rect class="%s" x="%.1f" y="%d" width="%.1f" height="%d" rx="4"><title>%s：%s 至 %s（%d 天）</title></rect>`,
		class, x0, y, w, tlLaneH, esc(bar.Label), bar.From, bar.To, days)
	if w >= float64(14*len([]rune(bar.Label))+16) {
		fmt.Fprintf(b, `<text class="tl-bar-label" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x0+w/2, y+tlLaneH/2+5, esc(bar.Label))
	}
}

// marks draws each marked day as a line across the lanes with its label
// above; labels that would collide go to a second row.
func (ch tlChart) marks(b *strings.Builder, axisY int) {
	lastX := [2]float64{-1000, -1000}
	for _, m := range ch.Marks {
		if m.On.Before(ch.From) || m.On.After(ch.To) {
			continue
		}
		x := ch.x(m.On) + 0.5
		row := 0
		if x-lastX[0] < 120 {
			row = 1
		}
		lastX[row] = x
		anchor := "middle"
		switch {
		case x < tlLeft+50:
			anchor = "start"
		case x > tlRight-50:
			anchor = "end"
		}
		fmt.Fprintf(b, `<line class="tl-mark tl-mark-%s" x1="%.1f" y1="%d" x2="%.1f" y2="%d"></line>`, m.Class, x, 21+row*16, x, axisY)
		fmt.Fprintf(b, `<text class="tl-mark-label tl-mark-%s" x="%.1f" y="%d" text-anchor="%s">%s</text>`,
			m.Class, x, 14+row*16, anchor, esc(m.Label))
	}
}

// axis draws month ticks: every month for short spans, else every 2, 3, 6
// or 12 months so that at most about 12 labels show.
func (ch tlChart) axis(b *strings.Builder, y int) {
	fmt.Fprintf(b, `<line class="tl-axis" x1="%d" y1="%d" x2="%d" y2="%d"></line>`, tlLeft, y, tlRight, y)
	months := (ch.To.Year()-ch.From.Year())*12 + int(ch.To.Month()-ch.From.Month()) + 1
	step := 1
	for _, s := range []int{1, 2, 3, 6, 12} {
		step = s
		if months/s <= 12 {
			break
		}
	}
	d := ch.From.FirstOfMonth().AddMonths(1)
	for !d.After(ch.To) {
		if (int(d.Month())-1)%step == 0 {
			x := ch.x(d)
			fmt.Fprintf(b, `<line class="tl-tick" x1="%.1f" y1="%d" x2="%.1f" y2="%d"></line>`, x, y, x, y+5)
			fmt.Fprintf(b, `<text class="tl-tick-label" x="%.1f" y="%d" text-anchor="middle">%d-%02d</text>`, x, y+19, d.Year(), int(d.Month()))
		}
		d = d.AddMonths(1)
	}
}

func esc(s string) string { return html.EscapeString(s) }
