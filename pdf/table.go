package pdf

// cell is one boxed cell of a row.
type cell struct {
	text  string
	w     float64 // width, mm
	align string  // "L", "C" or "R"
	shade bool    // grey background (labels, header rows)
	bold  bool
	flag  bool // red text: a shortfall, a prohibited verdict, a gap
}

// rowPad is the vertical padding inside a boxed row (mm, top + bottom).
const rowPad = 2.2

// measure wraps each cell and returns the lines and the row height.
func (d *doc) measure(cells []cell) ([][]string, float64) {
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines[i] = d.wrap(c.text, c.w)
		n = max(n, len(lines[i]))
	}
	return lines, float64(n)*lineH(d.size) + rowPad
}

// drawRow draws one row of boxed cells at the current y, each cell's text
// centred vertically, and moves below it.
func (d *doc) drawRow(cells []cell, lines [][]string, h float64) {
	x, y := marginX, d.f.GetY()
	lh := lineH(d.size)
	for i, c := range cells {
		style := "D"
		if c.shade {
			style = "FD"
		}
		d.f.SetFillColor(238, 238, 238)
		d.f.Rect(x, y, c.w, h, style)
		ty := y + (h-float64(len(lines[i]))*lh)/2
		if c.flag {
			d.f.SetTextColor(190, 0, 0)
		}
		for _, l := range lines[i] {
			if c.bold {
				d.bold(0.12, func() { d.draw(x, ty, c.w, lh, l, c.align) })
			} else {
				d.draw(x, ty, c.w, lh, l, c.align)
			}
			ty += lh
		}
		d.f.SetTextColor(0, 0, 0)
		x += c.w
	}
	d.f.SetXY(marginX, y+h)
}

// column is one column of a table: header text, width and alignment.
type column struct {
	head  string
	w     float64
	align string
}

// table is a boxed table whose header row is repeated on every page it
// reaches. A table without columns has no header row (forms).
type table struct {
	d       *doc
	cols    []column
	started bool
}

// newTable starts a table at the table type size; its first row draws the
// header (and any pending section heading) with it.
func (d *doc) newTable(cols []column) *table {
	d.setSize(sizeTable)
	return &table{d: d, cols: cols}
}

// headH is the height of the header row.
func (t *table) headH() float64 {
	if len(t.cols) == 0 {
		return 0
	}
	h := 0.0
	t.d.withSize(sizeHead, func() { _, h = t.d.measure(t.headCells()) })
	return h
}

func (t *table) headCells() []cell {
	cs := make([]cell, len(t.cols))
	for i, c := range t.cols {
		cs[i] = cell{text: c.head, w: c.w, align: "C", shade: true, bold: true}
	}
	return cs
}

func (t *table) header() {
	if len(t.cols) == 0 {
		return
	}
	t.d.withSize(sizeHead, func() {
		cs := t.headCells()
		lines, h := t.d.measure(cs)
		t.d.drawRow(cs, lines, h)
	})
}

// row adds a row of texts in the table's columns; flagged cells are red.
func (t *table) row(texts []string, flagged ...int) {
	cs := make([]cell, len(t.cols))
	for i, c := range t.cols {
		cs[i] = cell{text: texts[i], w: c.w, align: c.align}
	}
	for _, i := range flagged {
		cs[i].flag = true
	}
	t.put(cs)
}

// put adds a row of any cells (totals, spans), first starting a new page
// with the header row when it does not fit. A row taller than a whole page
// is drawn in pieces, each on its own page under the header.
func (t *table) put(cs []cell) {
	lines, h := t.d.measure(cs)
	switch {
	case !t.started:
		t.started = true
		hh := t.headH()
		t.d.keep(hh + min(h, bodyEnd-bodyTop-hh))
		t.header()
	case t.d.f.GetY()+h > bodyEnd:
		t.d.f.AddPage()
		t.header()
	}
	for t.d.f.GetY()+h > bodyEnd {
		n := int((bodyEnd - t.d.f.GetY() - rowPad) / lineH(t.d.size))
		head, rest := splitLines(lines, max(n, 1))
		t.d.drawRow(cs, head, float64(max(n, 1))*lineH(t.d.size)+rowPad)
		t.d.f.AddPage()
		t.header()
		lines, h = rest, float64(maxLen(rest))*lineH(t.d.size)+rowPad
	}
	t.d.drawRow(cs, lines, h)
}

// splitLines cuts every cell's lines after n.
func splitLines(lines [][]string, n int) (head, rest [][]string) {
	head, rest = make([][]string, len(lines)), make([][]string, len(lines))
	for i, l := range lines {
		k := min(n, len(l))
		head[i], rest[i] = l[:k], l[k:]
	}
	return head, rest
}

func maxLen(lines [][]string) int {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return n
}

// span adds a row with one cell across the whole table (e.g. "无").
func (t *table) span(text string) {
	t.put([]cell{{text: text, w: contentW, align: "C"}})
}
