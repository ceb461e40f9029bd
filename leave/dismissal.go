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
)

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
		return allowed(f, v, effective), nil
	}
	v.protect(iv, effective)
	switch {
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
	v.Reasons = append(v.Reasons, scopeReason())
	return v, nil
}

func validateAction(a Action, g Ground) error {
	switch a {
	case Termination:
		if g != GroundArt39 && g != GroundArt40 && g != GroundArt41 {
			return fail(ErrUnknownGround, "ground", "解除劳动合同须注明依据：art39、art40 或 art41")
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
	until, from := iv.To, iv.To.AddDays(1)
	v.Phase, v.ProtectedUntil, v.UntilEstimated, v.AllowedFrom = phaseOn(iv, d), &until, iv.Estimated, &from
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
		return allowed(f, v, end)
	}
	v.protect(iv, end)
	if end.Equal(iv.To) {
		v.Outcome = Allowed
		v.Reasons = []Reason{endsOnLastDay(end), scopeReason()}
		return v
	}
	v.Outcome, v.ExtendedContractEnd = ExtendContract, v.ProtectedUntil
	v.Reasons = []Reason{extensionReason(v, end), severanceReason(true), scopeReason()}
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
	v.Reasons = append(v.Reasons, scopeReason())
	return v
}
