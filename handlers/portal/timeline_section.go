package portal

import (
	"html/template"
	"sort"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
	"leaveguard/leave"
	"leaveguard/store"
)

// eventRow is one recorded family event in the employee's list.
type eventRow struct {
	Kind, Detail, Link string
	On                 leave.Date
}

// timelineLocal keeps the employee page's Timeline for later sections.
const timelineLocal = "lg.timeline"

// timelineBlock is the data of the 家庭事件与时间线 section.
type timelineBlock struct {
	E        store.Employee
	Chart    template.HTML
	Keys     []tlBar  // the spans drawn, as text
	Marks    []tlMark // the days marked, as text
	Events   []eventRow
	Earlier  int // protected intervals before the one drawn
	CanWrite bool
}

// timelineSection draws the employee's pregnancy → birth → leave → nursing
// end as a bar (server-side SVG) and lists her family events; the read is
// audited by the use case.
func (p *Portal) timelineSection(c *fiber.Ctx, e store.Employee) (template.HTML, error) {
	tl, err := p.cases.Timeline(c.UserContext(), handlers.Tenant(c), handlers.Who(c), e.ID, p.cases.Today())
	if err != nil {
		return "", err
	}
	c.Locals(timelineLocal, &tl) // the entitlements section shows its balances
	block := timelineBlock{E: e, CanWrite: allowed(sessionOf(c).Role, familyWriters), Events: p.eventRows(tl)}
	ch, earlier, ok := p.timelineChart(tl, p.cases.Today())
	if ok {
		block.Chart, block.Earlier, block.Marks = ch.SVG(), earlier, ch.Marks
		for _, l := range ch.Lanes {
			block.Keys = append(block.Keys, l.Bars...)
		}
	}
	return p.Partial("timeline-section", block)
}

// timelineChart lays out the protected interval that matters today (the
// current one, else the latest begun, else the next) with its phases, the
// leave in that span and the days worth marking. Without any interval it
// shows the leave alone; ok is false when there is nothing to draw.
func (p *Portal) timelineChart(tl cases.Timeline, today leave.Date) (tlChart, int, bool) {
	var ch tlChart
	focus, earlier := -1, 0
	for i, iv := range tl.Intervals {
		if !iv.From.After(today) || focus < 0 {
			focus = i
		}
		if iv.Contains(today) {
			break
		}
	}
	var leaves []tlBar
	for _, r := range tl.Leaves {
		if r.Status == "approved" || r.Status == "submitted" {
			leaves = append(leaves, tlBar{From: r.Start, To: r.End, Class: r.Status, Label: p.label("leave_type", r.LeaveType)})
		}
	}
	if focus >= 0 {
		iv := tl.Intervals[focus]
		earlier = focus
		ch.From, ch.To = iv.From.AddDays(-14), iv.To.AddDays(14)
		phases := tlLane{Label: "三期"}
		for _, s := range iv.Phases {
			phases.Bars = append(phases.Bars, tlBar{From: s.From, To: s.To, Class: string(s.Phase),
				Label: p.label("phase", string(s.Phase)), Estimated: s.Estimated})
		}
		ch.Lanes = append(ch.Lanes, phases)
		end := "保护期止"
		if iv.Estimated {
			end += "（估算）"
		}
		ch.Marks = append(ch.Marks, tlMark{On: iv.To, Class: "end", Label: end})
	} else if len(leaves) > 0 {
		ch.From, ch.To = leaves[0].From, leaves[0].To
		for _, l := range leaves {
			ch.From, ch.To = minDate(ch.From, l.From), maxDate(ch.To, l.To)
		}
		ch.From, ch.To = ch.From.AddDays(-14), ch.To.AddDays(14)
	} else {
		return ch, 0, false
	}
	lane := tlLane{Label: "请假"}
	for _, l := range leaves {
		if !l.To.Before(ch.From) && !l.From.After(ch.To) {
			lane.Bars = append(lane.Bars, l)
		}
	}
	ch.Lanes = append(ch.Lanes, lane)
	ch.Marks = append(ch.Marks, eventMarks(tl, today)...)
	sort.SliceStable(ch.Marks, func(i, j int) bool { return ch.Marks[i].On.Before(ch.Marks[j].On) })
	return ch, earlier, true
}

// eventMarks are the recorded events and today as marked days.
func eventMarks(tl cases.Timeline, today leave.Date) []tlMark {
	marks := []tlMark{{On: today, Class: "today", Label: "今天"}}
	for _, pr := range tl.Events.Pregnancies {
		marks = append(marks, tlMark{On: pr.ReportedOn, Class: "event", Label: "报告怀孕"})
	}
	for _, b := range tl.Events.Births {
		marks = append(marks, tlMark{On: b.BirthDate, Class: "birth", Label: "分娩"})
	}
	for _, m := range tl.Events.Miscarriages {
		marks = append(marks, tlMark{On: m.Date, Class: "birth", Label: "流产"})
	}
	for _, m := range tl.Events.Marriages {
		marks = append(marks, tlMark{On: m.RegisteredOn, Class: "event", Label: "结婚登记"})
	}
	return marks
}

// eventRows lists the events newest first, with what each one gave.
func (p *Portal) eventRows(tl cases.Timeline) []eventRow {
	var rows []eventRow
	for _, pr := range tl.Events.Pregnancies {
		d := "预产期未填写"
		if pr.ExpectedDueDate != nil {
			d = "预产期 " + pr.ExpectedDueDate.String()
		}
		rows = append(rows, eventRow{Kind: "怀孕", On: pr.ReportedOn, Detail: d})
	}
	for i, b := range tl.Events.Births {
		r := eventRow{Kind: "分娩", On: b.BirthDate, Link: "/births/" + b.ID, Detail: "第 " + itoa(b.ChildOrder) + " 孩"}
		if b.Babies > 1 {
			r.Detail += "，" + itoa(b.Babies) + " 胞胎"
		}
		switch {
		case b.Stillborn > 0 && b.Stillborn >= b.Babies:
			r.Detail += "，婴儿未能存活出生"
		case b.Stillborn > 0:
			r.Detail += "，其中 " + itoa(b.Stillborn) + " 个婴儿未能存活出生"
		}
		if b.Dystocia {
			r.Detail += "，难产"
		}
		if i < len(tl.Births) {
			if ml := tl.Births[i].MaternityLeave; ml != nil {
				r.Detail += "；产假 " + itoa(ml.Days) + " 天（" + ml.Start.String() + " 至 " + ml.End.String() + "）"
			} else if sn := tl.Births[i].SpousalNursingLeave; sn != nil {
				r.Detail += "；配偶护理假 " + itoa(sn.Days) + " 天"
			}
		}
		if b.Version > 1 {
			r.Detail += "（已更正，第 " + itoa(b.Version) + " 版）"
		}
		rows = append(rows, r)
	}
	for i, m := range tl.Events.Miscarriages {
		r := eventRow{Kind: "流产", On: m.Date, Link: "/miscarriages/" + m.ID, Detail: "孕 " + itoa(m.GestationWeeks) + " 周"}
		if i < len(tl.Miscarriages) {
			ml := tl.Miscarriages[i].MiscarriageLeave
			r.Detail += "；流产假 " + itoa(ml.Days) + " 天（至 " + ml.End.String() + "）"
		}
		rows = append(rows, r)
	}
	for _, m := range tl.Events.Marriages {
		rows = append(rows, eventRow{Kind: "结婚", On: m.RegisteredOn, Detail: "婚假已记入假期余额"})
	}
	for _, ch := range tl.Events.Children {
		if ch.DiedOn != nil {
			rows = append(rows, eventRow{Kind: "子女离世", On: *ch.DiedOn, Detail: "第 " + itoa(ch.ChildOrder) +
				" 孩不幸离世；该子女的哺乳期（无其他一周岁以下子女时）、育儿假随之结束，个税婴幼儿照护扣除计至当月"})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].On.After(rows[j].On) })
	return rows
}

func minDate(a, b leave.Date) leave.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b leave.Date) leave.Date {
	if b.After(a) {
		return b
	}
	return a
}
