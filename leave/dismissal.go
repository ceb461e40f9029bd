package leave

// Action is an employment action HR proposes (api.md dismissal checks).
type Action string

// Actions.
const (
	Termination     Action = "termination"      // unilateral termination; needs a Ground
	NonRenewal      Action = "non_renewal"      // letting a fixed-term contract expire
	WageReduction   Action = "wage_reduction"   // cutting wages or benefits
	Demotion        Action = "demotion"         // 降职
	MutualAgreement Action = "mutual_agreement" // 协商一致解除 (Art. 36)
	Resignation     Action = "resignation"      // the employee resigns (Art. 37/38)
)

// Ground is the legal ground of a termination.
type Ground string

// Termination grounds.
const (
	GroundArt39 Ground = "art39" // for cause (过失性辞退)
	GroundArt40 Ground = "art40" // incapacity, incompetence, changed circumstances
	GroundArt41 Ground = "art41" // economic layoff

	GroundArt44Retirement Ground = "art44_retirement" // 劳动者开始依法享受基本养老保险待遇
	GroundArt44Death      Ground = "art44_death"      // 劳动者死亡，或被宣告死亡、宣告失踪
	GroundArt44Bankruptcy Ground = "art44_bankruptcy" // 用人单位被依法宣告破产
	GroundArt44Closure    Ground = "art44_closure"    // 吊销营业执照、责令关闭、撤销或提前解散
)

// Grounds returns every termination ground in display order.
func Grounds() []Ground {
	return []Ground{GroundArt39, GroundArt40, GroundArt41,
		GroundArt44Retirement, GroundArt44Death, GroundArt44Bankruptcy, GroundArt44Closure}
}

// Art44 reports whether g is a termination by operation of law (Art. 44).
func (g Ground) Art44() bool {
	switch g {
	case GroundArt44Retirement, GroundArt44Death, GroundArt44Bankruptcy, GroundArt44Closure:
		return true
	}
	return false
}

// Outcome is the verdict of a dismissal check.
type Outcome string

// Outcomes.
const (
	Prohibited     Outcome = "prohibited"
	RequiresReview Outcome = "requires_review"
	Allowed        Outcome = "allowed"
	ExtendContract Outcome = "extend_contract"
)

// Reason explains a verdict: a stable code, a Chinese message for HR and
// the legal basis.
type Reason struct {
	Code    string  `json:"code"`
	Message string  `json:"message"`
	Basis   []Basis `json:"basis"`
}

// Verdict is the result of a dismissal check (api.md). ProtectedUntil is the
// last protected day when the effective date (for non-renewal: the contract
// end) falls in a protected period; AllowedFrom is the first day the action
// would no longer meet the protection.
type Verdict struct {
	Outcome             Outcome  `json:"verdict"`
	Action              Action   `json:"action"`
	Ground              Ground   `json:"ground,omitempty"`
	EffectiveDate       Date     `json:"effective_date"`
	Phase               Phase    `json:"phase"`
	ProtectedFrom       *Date    `json:"protected_from"`
	FromEstimated       bool     `json:"protected_from_estimated"`
	ProtectedUntil      *Date    `json:"protected_until"`
	UntilEstimated      bool     `json:"protected_until_estimated"`
	ExtendedContractEnd *Date    `json:"extended_contract_end"`
	AllowedFrom         *Date    `json:"allowed_from"`
	Reasons             []Reason `json:"reasons"`
}

// CheckDismissal judges action (with ground, for a termination) taking
// effect on effective against the employee's protected periods (rules.md §2).
// Only the 三期 protection is checked; the verdict says so.
func CheckDismissal(f Facts, action Action, ground Ground, effective Date) (Verdict, error) {
	if err := validateAction(action, ground); err != nil {
		return Verdict{}, err
	}
	if effective.IsZero() {
		return Verdict{}, fail(ErrInvalid, "effective_date", "缺少生效日期")
	}
	v := Verdict{Action: action, Ground: ground, EffectiveDate: effective}
	if action == NonRenewal {
		return checkNonRenewal(f, v), nil
	}
	iv, ok := intervalOn(f, effective)
	if !ok {
		if w, ok := reviewOn(f, effective); ok {
			return inReview(v, w), nil
		}
		return allowed(f, v, effective), nil
	}
	v.protect(iv, effective)
	switch {
	case action == Termination && ground.Art44():
		v.Outcome = RequiresReview
		v.Reasons = art44Reasons(v, true)
	case action == Termination && ground == GroundArt39:
		v.Outcome = RequiresReview
		v.Reasons = []Reason{forCauseReason(v), severanceReason(true)}
	case action == Termination:
		v.Outcome = Prohibited
		v.Reasons = []Reason{terminationBan(v), severanceReason(true)}
	case action == WageReduction || action == Demotion:
		v.Outcome = Prohibited
		v.Reasons = []Reason{adverseChangeBan(v), severanceReason(false)}
	default: // mutual agreement, resignation
		v.Outcome = RequiresReview
		v.Reasons = []Reason{voluntaryReview(v)}
	}
	v.Reasons = append(v.Reasons, v.periodReasons(f)...)
	v.Reasons = append(v.Reasons, scopeReason())
	return v, nil
}

func validateAction(a Action, g Ground) error {
	switch a {
	case Termination:
		if g != GroundArt39 && g != GroundArt40 && g != GroundArt41 && !g.Art44() {
			return fail(ErrUnknownGround, "ground",
				"解除或终止劳动合同须注明依据：art39、art40、art41、art44_retirement、art44_death、art44_bankruptcy 或 art44_closure")
		}
	case NonRenewal, WageReduction, Demotion, MutualAgreement, Resignation:
		if g != "" {
			return fail(ErrUnknownGround, "ground", "只有 termination 需要填写 ground")
		}
	default:
		return fail(ErrUnknownAction, "action", "未知的处理类型 %q", a)
	}
	return nil
}

// protect records the protected interval iv that contains day d.
func (v *Verdict) protect(iv Interval, d Date) {
	until, from, start := iv.To, iv.To.AddDays(1), iv.From
	v.Phase, v.ProtectedUntil, v.UntilEstimated, v.AllowedFrom = phaseOn(iv, d), &until, iv.Estimated, &from
	v.ProtectedFrom, v.FromEstimated = &start, iv.FromEstimated
}

// checkNonRenewal: a contract expiring inside a protected period extends to
// its end (Art. 45); one expiring on the last protected day ends normally.
func checkNonRenewal(f Facts, v Verdict) Verdict {
	end := f.ContractEnd
	if end.IsZero() {
		end = v.EffectiveDate
	}
	iv, ok := intervalOn(f, end)
	if !ok {
		if w, ok := reviewOn(f, end); ok {
			return inReview(v, w)
		}
		return allowed(f, v, end)
	}
	v.protect(iv, end)
	if end.Equal(iv.To) {
		v.Outcome = Allowed
		v.Reasons = []Reason{endsOnLastDay(end), scopeReason()}
		return v
	}
	v.Outcome, v.ExtendedContractEnd = ExtendContract, v.ProtectedUntil
	v.Reasons = []Reason{extensionReason(v, end), severanceReason(true)}
	v.Reasons = append(v.Reasons, v.periodReasons(f)...)
	v.Reasons = append(v.Reasons, scopeReason())
	return v
}

// allowed is the verdict outside any protected period on day d.
func allowed(f Facts, v Verdict, d Date) Verdict {
	v.Outcome = Allowed
	switch last, ok := lastEndedBefore(f, d); {
	case f.Gender != Female:
		v.Reasons = []Reason{maleReason()}
	case ok:
		from := last.To.AddDays(1)
		v.AllowedFrom = &from
		v.Reasons = []Reason{endedReason(last, d)}
	default:
		v.Reasons = []Reason{notProtectedReason(d)}
	}
	if v.Ground.Art44() {
		v.Reasons = append(v.Reasons, art44Reasons(v, false)...)
	}
	v.Reasons = append(v.Reasons, scopeReason())
	return v
}

// inReview is the verdict on a day of review window w: requires_review.
func inReview(v Verdict, w reviewWindow) Verdict {
	v.Outcome = RequiresReview
	if w.Code == ReviewPregnancyStart {
		start := w.Anchor
		v.ProtectedFrom, v.FromEstimated = &start, true
		v.Reasons = []Reason{pregnancyStartReview(v, w)}
	} else {
		v.Reasons = []Reason{infantDeathReview(v, w)}
	}
	if v.Ground.Art44() {
		v.Reasons = append(v.Reasons, art44Reasons(v, false)...)
	}
	v.Reasons = append(v.Reasons, scopeReason())
	return v
}
