package cases

import (
	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// phaseRow is one phase of one event, dated on its own.
type phaseRow struct {
	event, phase string
	region       string // the region whose rules judged the event ("" = none recorded)
	date         leave.Date
	from, to     leave.Date
	note         string
	finding      string
}

// events writes every pregnancy, birth and miscarriage whose phases overlap
// the period, each phase on its own row: 孕期 from the estimated start of the
// pregnancy (due date − 280 days), 产期 the maternity leave, 哺乳期 to the
// first birthday, 流产假期 the miscarriage leave.
func (r *reportRun) events() error {
	return r.tx.EachProtectionCandidate(r.ctx, r.tenant, func(pf store.ProtectionFacts) error {
		f, err := protectionFacts(pf)
		if err != nil {
			return err
		}
		for _, x := range eventPhases(f) {
			if x.to.Before(r.p.From) || x.from.After(r.p.To) {
				continue
			}
			region := x.region
			if region == "" {
				region = r.region
				if pf.Region != nil {
					region = *pf.Region
				}
			}
			cells := append(r.who(pf.ID, pf.Name, x.date, pf.ExternalID, pf.NationalIDMasked), export.T(r.c.RegionName(region)),
				export.T(name(eventNames, x.event)),
				export.D(x.date), export.T(name(phaseNames, x.phase)), export.D(x.from), export.D(x.to))
			result := export.T(x.note)
			if x.finding != "" {
				result = export.F(x.finding)
			}
			if err := r.row(append(cells, result)...); err != nil {
				return err
			}
		}
		return nil
	})
}

// eventPhases lists the phases of each event of f.
func eventPhases(f leave.Facts) []phaseRow {
	var out []phaseRow
	used := map[int]bool{}
	for _, b := range f.Births {
		ml := b.MaternityLeave
		if ml == nil {
			continue
		}
		d := b.Birth.Date
		start, due, note := pregnancyStart(f, d, used)
		out = append(out, phaseRow{event: "birth", phase: "pregnancy", region: b.Region, date: d, from: start, to: ml.Start.AddDays(-1), note: note})
		mat := phaseRow{event: "birth", phase: "maternity_leave", region: b.Region, date: d, from: ml.Start, to: ml.End, note: components(ml)}
		if !due.IsZero() && d.DaysUntil(due) > 60 {
			mat.finding = "事实存疑：分娩早于预产期 " + itoa(d.DaysUntil(due)) + " 天，请人事核实"
		}
		out = append(out, mat)
		if !b.NursingPeriodEnd.IsZero() {
			out = append(out, phaseRow{event: "birth", phase: "nursing", region: b.Region, date: d, from: ml.End.AddDays(1), to: b.NursingPeriodEnd})
		}
	}
	for _, m := range f.Miscarriages {
		d, ml := m.Miscarriage.Date, m.MiscarriageLeave
		start, _, note := pregnancyStart(f, d, used)
		out = append(out, phaseRow{event: "miscarriage", phase: "pregnancy", region: m.Region, date: d, from: start, to: ml.Start.AddDays(-1), note: note})
		row := phaseRow{event: "miscarriage", phase: "miscarriage_leave", region: m.Region, date: d, from: ml.Start, to: ml.End}
		for _, b := range f.Births {
			if b.MaternityLeave != nil && !d.Before(b.Birth.Date) && !d.After(b.MaternityLeave.End) {
				row.finding = "事实存疑：流产日期在 " + b.Birth.Date.String() + " 分娩后的产假期间，请人事核实"
			}
		}
		out = append(out, row)
	}
	for i, p := range f.Pregnancies {
		if used[i] {
			continue
		}
		due := p.ExpectedDueDate
		if due.IsZero() {
			due = p.ReportedOn.AddDays(280)
		}
		out = append(out, phaseRow{event: "pregnancy", phase: "pregnancy", date: p.ReportedOn, from: due.AddDays(-280),
			to: due.AddDays(-1), note: "按预产期估算；报告日 " + p.ReportedOn.String()})
	}
	return out
}

// pregnancyStart is the estimated start of the pregnancy that ended on d:
// its recorded due date − 280 days, else d − 280 days; used marks the
// pregnancy record taken.
func pregnancyStart(f leave.Facts, d leave.Date, used map[int]bool) (leave.Date, leave.Date, string) {
	for i, p := range f.Pregnancies {
		if used[i] || p.ReportedOn.After(d) || p.ReportedOn.DaysUntil(d) > 310 {
			continue
		}
		used[i] = true
		if !p.ExpectedDueDate.IsZero() {
			return p.ExpectedDueDate.AddDays(-280), p.ExpectedDueDate, "起始日按预产期估算"
		}
	}
	return d.AddDays(-280), leave.Date{}, "起始日按事件日估算（无预产期记录）"
}

// components is a maternity leave's days and their parts, the regional
// extension named after its province (leave.ComponentLabel):
// "产假 173 天：国家规定产假 98 天、内蒙古延长产假 60 天、难产增加 15 天".
func components(ml *leave.MaternityLeave) string {
	out := "产假 " + itoa(ml.Days) + " 天"
	for i, c := range ml.Components {
		sep := "、"
		if i == 0 {
			sep = "："
		}
		out += sep + leave.ComponentLabel(c) + " " + itoa(c.Days) + " 天"
	}
	return out
}
