package cases

import "leaveguard/leave"

// RegionView is one supported region code (工作地区) with how sure
// LeaveGuard is of its own rules: Label is 待核实 while any of them was
// found only in secondary sources (confidence low).
type RegionView struct {
	leave.RegionSummary
	Label string `json:"label"`
}

// Regions lists the region codes an employee or a tenant may use, with the
// Chinese name, the parent and a confidence summary of each pack. It is
// reference data, the same for every tenant.
func (c *Cases) Regions() []RegionView {
	ss := c.Rules.Summaries()
	out := make([]RegionView, len(ss))
	for i, s := range ss {
		out[i] = RegionView{RegionSummary: s, Label: regionLabel(s)}
	}
	return out
}

func regionLabel(s leave.RegionSummary) string {
	switch {
	case s.Inherits:
		return "沿用上级地区规定"
	case s.Confidence[leave.ConfidenceLow] > 0:
		return "待核实"
	case s.Confidence[leave.ConfidenceMedium] > 0:
		return "通行解读"
	}
	return "已核对原文"
}

// RegionName names a region code (CN-NM-XAM → 兴安盟); an unknown code is
// returned as it is.
func (c *Cases) RegionName(code string) string {
	for _, j := range c.Rules.Jurisdictions() {
		if j.Code == code {
			return j.Name
		}
	}
	return code
}
