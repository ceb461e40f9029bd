package pdf

// AccessCopy is the input of an employee's copy of her personal data
// (个人信息副本, 《个人信息保护法》第四十五条): a title, a block of
// label-value rows and sections of tables, every text already in Chinese.
type AccessCopy struct {
	Meta
	Title    string
	Head     [][]string // rows of label, value pairs, after the issuer block
	Sections []ReportSection
	Basis    string // the footer's legal basis
}

// AccessCopy renders the copy; each section's table breaks across pages
// with its header row repeated, and an empty section says "无".
func (r *Renderer) AccessCopy(a AccessCopy) ([]byte, error) {
	if err := a.Meta.check("access copy"); err != nil {
		return nil, err
	}
	title := a.Title
	if title == "" {
		title = "个人信息副本"
	}
	return r.render(a.Meta, title, a.Basis, a.body)
}

func (a AccessCopy) body(d *doc) {
	var head [][]kv
	for _, r := range a.Head {
		var row []kv
		for i := 0; i+1 < len(r); i += 2 {
			row = append(row, kv{r[i], r[i+1]})
		}
		head = append(head, row)
	}
	d.start(head...)
	for _, s := range a.Sections {
		d.section(s.Title)
		total := 0.0
		for _, c := range s.Columns {
			total += c.Width
		}
		cols := make([]column, len(s.Columns))
		for i, c := range s.Columns {
			align := "L"
			if c.Right {
				align = "R"
			}
			cols[i] = column{c.Name, contentW * c.Width / total, align}
		}
		t := d.newTable(cols)
		if len(s.Rows) == 0 {
			t.span("无")
		}
		for _, r := range s.Rows {
			texts, flags := make([]string, len(cols)), []int(nil)
			for i := range cols {
				if i < len(r) {
					texts[i] = r[i].Text
					if r[i].Flag {
						flags = append(flags, i)
					}
				}
			}
			t.row(texts, flags...)
		}
	}
}
