package cases

import (
	"github.com/google/uuid"

	"leaveguard/leave"
)

// SeparationKinds are the kinds of separation (离职), with their Chinese
// labels: who initiates it decides whether the protection gate applies.
var SeparationKinds = map[string]string{
	"resignation":      "员工辞职",
	"mutual_agreement": "协商一致解除",
	"termination":      "单位解除",
	"non_renewal":      "合同到期不续签",
	"retirement":       "退休",
	"death":            "死亡",
	"bankruptcy":       "单位破产",
	"closure":          "单位关闭、撤销或解散",
}

// MinOverrideReason is the least number of characters of an admin's
// written reason for overriding the protection gate.
const MinOverrideReason = 20

// SeparationInput is the body of POST /employees/{id}/separation. Role is
// the caller's role, set by the adapter (never from the body): only an
// admin may override the protection gate.
type SeparationInput struct {
	LastDay          *string `json:"last_day"`
	Kind             *string `json:"kind"`
	Ground           *string `json:"ground"`
	DismissalCheckID *string `json:"dismissal_check_id"`
	OverrideReason   *string `json:"override_reason"`
	ReviewedBy       *string `json:"reviewed_by"`
	ReviewNote       *string `json:"review_note"`
	Role             string  `json:"-"`
}

// separation is a validated SeparationInput.
type separation struct {
	lastDay                leave.Date
	kind, ground, checkID  string
	override               string
	reviewedBy, reviewNote string
	role                   string
}

func (in SeparationInput) parse() (separation, error) {
	f := Fields{}
	s := separation{role: in.Role}
	s.lastDay = f.Date("last_day", in.LastDay, true)
	s.kind = f.Text("kind", in.Kind, true, 40)
	if _, ok := SeparationKinds[s.kind]; s.kind != "" && !ok {
		f["kind"] = "须为 resignation、mutual_agreement、termination、non_renewal、retirement、death、bankruptcy 或 closure"
	}
	s.ground = f.Text("ground", in.Ground, false, 10)
	switch {
	case s.kind == "termination" && s.ground == "":
		f["ground"] = "单位解除须注明依据：art39、art40 或 art41"
	case s.kind == "termination" && s.ground != "art39" && s.ground != "art40" && s.ground != "art41":
		f["ground"] = "须为 art39、art40 或 art41"
	case s.kind != "termination" && s.ground != "":
		f["ground"] = "只有 termination（单位解除）需要填写依据"
	}
	s.checkID = f.Text("dismissal_check_id", in.DismissalCheckID, false, 64)
	if _, err := uuid.Parse(s.checkID); s.checkID != "" && err != nil {
		f["dismissal_check_id"] = "不是有效的审查记录 id"
	}
	s.override = f.Text("override_reason", in.OverrideReason, false, 1000)
	if s.override != "" && len([]rune(s.override)) < MinOverrideReason {
		f["override_reason"] = "强制办理的理由不能少于20个字"
	}
	s.reviewedBy = f.Text("reviewed_by", in.ReviewedBy, false, 100)
	s.reviewNote = f.Text("review_note", in.ReviewNote, false, 1000)
	return s, f.Err()
}

// employerInitiated reports whether a separation of this kind is the
// employer's act and so passes the protection gate: termination and
// non-renewal, and the Art. 44 endings the employer brings about
// (retirement, bankruptcy, closure). Resignation and mutual agreement are
// the employee's own act or consent; death is nobody's decision.
func employerInitiated(kind string) bool {
	switch kind {
	case "termination", "non_renewal", "retirement", "bankruptcy", "closure":
		return true
	}
	return false
}
