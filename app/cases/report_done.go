package cases

import (
	"leaveguard/app/export"
	"leaveguard/store"
)

// carriedOut says what was done after a dismissal check: the employee's
// separation in force (recorded and not withdrawn), if any. A separation
// against a 禁止 verdict of the same action, or pushed through by an
// admin's override, is flagged for the inspector.
func (r *reportRun) carriedOut(d store.ExportDismissal) export.Cell {
	s, ok := r.separations[d.EmployeeID]
	if !ok {
		return export.T("未执行（无离职记录）")
	}
	text := "已离职：最后工作日 " + s.LastDay.String() + "（" + name(SeparationKinds, s.Kind) + "）"
	switch {
	case s.Overridden:
		return export.F(text + "；管理员强制办理，理由：" + s.OverrideReason)
	case d.Verdict == "prohibited" && s.Kind == d.Action:
		return export.F(text + "；与审查结论“禁止”相悖")
	case s.DismissalCheckID != nil && *s.DismissalCheckID == d.ID:
		return export.T(text + "；依据本次审查办理")
	}
	return export.T(text)
}
