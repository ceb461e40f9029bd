package cases

import (
	"encoding/json"

	"leaveguard/leave"
	"leaveguard/payroll"
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
