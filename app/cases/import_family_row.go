package cases

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"leaveguard/leave"
	"leaveguard/store"
)

// familyFact is one parsed row.
type familyFact struct {
	event string
	date  leave.Date
	preg  PregnancyInput
	birth BirthInput
	leave LeaveInput
}

// fact parses a row's cells for its event.
func (fi *familyImport) fact(event, date string, cell func(int) string, re *rowErrors) (familyFact, error) {
	f := familyFact{event: event}
	d, err := leave.ParseDate(date)
	if err != nil {
		re.add("日期", "日期无效，格式须为 YYYY-MM-DD")
		return f, nil
	}
	f.date = d
	num := func(i int, header string, def int) *int {
		v := cell(i)
		if v == "" {
			return &def
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			re.add(header, "须为整数")
		}
		return &n
	}
	switch event {
	case "怀孕":
		due := cellDate(cell(3))
		f.preg = PregnancyInput{ReportedOn: &date, ExpectedDueDate: &due}
		if due == "" {
			re.add("预产期", "怀孕须填预产期")
		}
	case "生育":
		dys, ok := cellYesNo(cell(6))
		if !ok && cell(6) != "" {
			re.add("难产", "须为 是 或 否")
		}
		f.birth = BirthInput{BirthDate: &date, ChildOrder: num(4, "胎次", 0), Babies: num(5, "胎数", 1),
			Stillborn: num(7, "死产数", 0), Dystocia: &dys}
		if cell(4) == "" {
			re.add("胎次", "生育须填胎次（第几个孩子）")
		}
	case "结婚":
	case "已休假":
		typ, ok := leaveTypes[cell(8)]
		if !ok {
			re.add("假期类型", "须为 产假、流产假、护理假、育儿假、婚假 或 独生子女护理假")
		}
		f.leave = LeaveInput{LeaveType: &typ, Start: &date, Days: num(9, "天数", 0)}
		if cell(9) == "" {
			re.add("天数", "已休假须填天数")
		}
	default:
		re.add("事件", "须为 怀孕、生育、结婚 或 已休假")
	}
	return f, nil
}

// recorded reports whether the employee already has this fact: a
// pregnancy with the same due date, a birth or marriage on the same day,
// or leave of the same type from the same day that is not cancelled.
func (fi *familyImport) recorded(ctx context.Context, emp string, f familyFact) (bool, error) {
	seen := false
	err := fi.c.Store.ReadTx(ctx, fi.tenant, func(tx *store.Tx) error {
		if f.event == "已休假" {
			reqs, err := tx.LeaveRequests(ctx, fi.tenant, store.LeaveFilter{EmployeeID: emp, From: f.date, To: f.date, Limit: 100})
			seen = slices.ContainsFunc(reqs, func(r store.LeaveRequest) bool {
				return r.LeaveType == *f.leave.LeaveType && r.Start == f.date && r.Status != "cancelled" && r.Status != "rejected"
			})
			return err
		}
		ev, err := tx.EmployeeEvents(ctx, fi.tenant, emp)
		switch f.event {
		case "怀孕":
			due, _ := leave.ParseDate(*f.preg.ExpectedDueDate)
			seen = slices.ContainsFunc(ev.Pregnancies, func(p store.Pregnancy) bool { return p.ExpectedDueDate != nil && *p.ExpectedDueDate == due })
		case "生育":
			seen = slices.ContainsFunc(ev.Births, func(b store.Birth) bool { return b.BirthDate == f.date })
		case "结婚":
			seen = slices.ContainsFunc(ev.Marriages, func(m store.Marriage) bool { return m.RegisteredOn == f.date })
		}
		return err
	})
	return seen, err
}

// record records the fact with the API's use case; leave already taken is
// submitted and approved.
func (f familyFact) record(ctx context.Context, fi *familyImport, emp string) error {
	c, tenant, who := fi.c, fi.tenant, fi.who
	switch f.event {
	case "怀孕":
		_, err := c.RecordPregnancy(ctx, tenant, who, emp, f.preg)
		return err
	case "生育":
		_, err := c.RecordBirth(ctx, tenant, who, emp, f.birth)
		return err
	case "结婚":
		d := f.date.String()
		_, _, err := c.RecordMarriage(ctx, tenant, who, emp, MarriageInput{RegisteredOn: &d})
		return err
	}
	f.leave.EmployeeID = &emp
	r, err := c.SubmitLeave(ctx, tenant, who, f.leave)
	if err != nil {
		return err
	}
	_, err = c.ApproveLeave(ctx, tenant, who, r.ID)
	return err
}

// fromFamilyErr adds a use case's refusal under the columns it names (or
// under 事件); it reports whether err was one.
func (r *rowErrors) fromFamilyErr(err error) bool {
	var ce *Error
	if !errors.As(err, &ce) {
		return false
	}
	if len(ce.Fields) == 0 {
		r.add("事件", ce.Message)
		return true
	}
	for k, v := range ce.Fields {
		h, ok := familyFields[k]
		if !ok {
			h, v = "事件", fmt.Sprintf("%s（%s）", ce.Message, v)
		}
		if !r.has(h) {
			r.add(h, v)
		}
	}
	return true
}
