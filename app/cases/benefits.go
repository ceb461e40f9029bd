package cases

import (
	"encoding/json"

	"leaveguard/leave"
	"leaveguard/payroll"
	"leaveguard/store"
)

// Benefits lists the government benefits of the birth's live-born children
// (rules.md §5).
func (r BirthRecord) Benefits() []payroll.Benefit { return payroll.BirthBenefits(r.Plan) }

// BenefitsOf lists the government benefits of a stored birth plan; an
// unreadable plan gives none.
func BenefitsOf(plan json.RawMessage) []payroll.Benefit {
	var p leave.BirthPlan
	if err := json.Unmarshal(plan, &p); err != nil {
		return []payroll.Benefit{}
	}
	return payroll.BirthBenefits(p)
}

// ChecklistItem is one government benefit of a birth, as the employee
// page's checklist shows it.
type ChecklistItem struct {
	payroll.Benefit
	BirthDate leave.Date
	Label     string
}

// Checklist lists the government benefits of the timeline's births (newest
// birth first) and the children under 3 on today whose IIT infant-care
// share is not declared yet (the payroll feed carries none for them).
func (tl Timeline) Checklist(today leave.Date) ([]ChecklistItem, []store.Child) {
	var items []ChecklistItem
	for i := len(tl.Births) - 1; i >= 0; i-- {
		for _, b := range payroll.BirthBenefits(tl.Births[i]) {
			items = append(items, ChecklistItem{Benefit: b, BirthDate: tl.Births[i].Birth.Date, Label: payroll.BenefitLabel(b.Code)})
		}
	}
	var undeclared []store.Child
	for _, ch := range tl.Events.Children {
		if ch.IITSharePercent == nil && ch.DiedOn == nil && ch.BirthDate.AddYearsClamped(3).After(today) {
			undeclared = append(undeclared, ch)
		}
	}
	return items, undeclared
}
