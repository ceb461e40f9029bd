package cases

import (
	"leaveguard/app/export"
	"leaveguard/leave"
	"leaveguard/store"
)

// reportWholeLeave are the leave types granted as one statutory
// entitlement: the days approved in their bucket are compared with it.
var reportWholeLeave = map[string]bool{"maternity": true, "miscarriage": true, "marriage": true, "spousal_nursing": true}

// leaves writes every approved leave overlapping the period against its
// entitlement: the whole leaves against the plan frozen with them, parental
// and only-child care leave against the leave engine's entitlement of that
// year and child (育儿假 10 days per child per year), over, under or missing.
func (r *reportRun) leaves() error {
	// Read first: the entitlements need queries of their own, which the
	// connection cannot run while a cursor is open.
	var all []store.ExportLeave
	if err := r.tx.EachExportLeave(r.ctx, r.tenant, r.p.From, r.p.To, func(l store.ExportLeave) error {
		all = append(all, l)
		return nil
	}); err != nil {
		return err
	}
	subjects := map[string]Subject{} // loaded once per employee, judged per leave
	for _, l := range all {
		entitled, found := l.Entitled, l.Entitled > 0
		if !reportWholeLeave[l.LeaveType] {
			s, ok := subjects[l.EmployeeID]
			if !ok {
				var err error
				if s, err = r.c.load(r.ctx, r.tx, r.tenant, l.EmployeeID, false); err != nil {
					return err
				}
				subjects[l.EmployeeID] = s
			}
			items, err := leave.Entitlements(s.Facts, s.Rules, s.books(r.c.Calendar), l.Start)
			if err != nil {
				return fromDomain(err)
			}
			entitled, found = 0, false
			for _, it := range items {
				if it.Bucket == l.Bucket {
					entitled, found = it.Entitled, it.Entitled > 0
				}
			}
		}
		cells := append(r.who(l.EmployeeID, l.EmployeeName, l.Start, l.ExternalID, l.IDMasked), export.T(name(leaveNames, l.LeaveType)),
			export.D(l.Start), export.D(l.End), export.N(entitled), export.N(l.BucketDays), export.T(name(unitNames, l.Unit)),
			leaveResult(l.LeaveType, found, entitled, l.BucketDays))
		if err := r.row(cells...); err != nil {
			return err
		}
	}
	return r.tx.EachBirthWithoutLeave(r.ctx, r.tenant, r.p.From, r.p.To, func(b store.BirthLeave) error {
		cells := append(r.who(b.EmployeeID, b.Name, b.Start, b.ExternalID, b.IDMasked), export.T("产假（按分娩记录）"), export.D(b.Start),
			export.D(b.End), export.N(b.Days), export.T(""), export.T("自然日"),
			export.F("未登记休假申请：依法享有产假 "+itoa(b.Days)+" 天，请补登并核实实际休假"))
		return r.row(cells...)
	})
}

// leaveResult compares the days approved in a bucket with its entitlement.
func leaveResult(leaveType string, found bool, entitled, granted int) export.Cell {
	switch {
	case !found:
		return export.F("无对应法定应享额度（未设置或不符合条件），请核实")
	case granted > entitled:
		return export.F("超出法定应享 " + itoa(granted-entitled) + " 天")
	case granted < entitled && reportWholeLeave[leaveType]:
		return export.F("不足 " + itoa(entitled-granted) + " 天")
	case granted < entitled:
		return export.T("符合（本年度尚余 " + itoa(entitled-granted) + " 天）")
	}
	return export.T("符合")
}
