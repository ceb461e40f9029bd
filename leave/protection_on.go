package leave

// Protection is an employee's protected-period status on a date (api.md
// GET .../protection). Until is the last protected day of the merged
// interval containing the date; UntilEstimated says it rests on an expected
// due date because no birth is recorded yet.
type Protection struct {
	AsOf           Date        `json:"as_of"`
	Protected      bool        `json:"protected"`
	Phase          Phase       `json:"phase"`
	From           *Date       `json:"from"`
	FromEstimated  bool        `json:"from_estimated"`
	Until          *Date       `json:"until"`
	UntilEstimated bool        `json:"until_estimated"`
	Phases         []PhaseSpan `json:"phases,omitempty"`
	Basis          []Basis     `json:"basis"`
}

// ProtectionOn returns the protection status of the employee on asOf. When
// phases overlap (pregnant again while nursing) the phase shown is
// maternity_leave, else pregnancy, else nursing.
func ProtectionOn(f Facts, asOf Date) Protection {
	p := Protection{AsOf: asOf}
	iv, ok := intervalOn(f, asOf)
	if !ok {
		p.Basis = notProtectedBasis(f)
		return p
	}
	from, until := iv.From, iv.To
	p.Protected, p.From, p.Until, p.UntilEstimated, p.Phases = true, &from, &until, iv.Estimated, iv.Phases
	p.FromEstimated = iv.FromEstimated
	p.Phase = phaseOn(iv, asOf)
	p.Basis = statutes(LawLCL424, LawSPR5, LawWRL48)
	if p.Phase == PhaseNursing {
		p.Basis = append(p.Basis, Statute(LawSPR9))
	}
	if iv.Estimated {
		p.Basis = append(p.Basis, estimateBasis())
	}
	if iv.FromEstimated {
		p.Basis = append(p.Basis, startEstimateBasis())
	}
	p.Basis = append(p.Basis, statutes(LawCC201, LawCC202)...)
	return p
}

func intervalOn(f Facts, d Date) (Interval, bool) {
	for _, iv := range ProtectedIntervals(f) {
		if iv.Contains(d) {
			return iv, true
		}
	}
	return Interval{}, false
}

// lastEndedBefore is the latest interval that ended before d.
func lastEndedBefore(f Facts, d Date) (Interval, bool) {
	var last Interval
	found := false
	for _, iv := range ProtectedIntervals(f) {
		if iv.To.Before(d) && (!found || iv.To.After(last.To)) {
			last, found = iv, true
		}
	}
	return last, found
}

func phaseOn(iv Interval, d Date) Phase {
	rank := map[Phase]int{PhaseMaternityLeave: 3, PhasePregnancy: 2, PhaseNursing: 1}
	best := PhaseNone
	for _, s := range iv.Phases {
		if !d.Before(s.From) && !d.After(s.To) && rank[s.Phase] > rank[best] {
			best = s.Phase
		}
	}
	return best
}

func estimateBasis() Basis {
	return Basis{RuleID: "leaveguard/protection.estimate", Source: "LeaveGuard估算", Jurisdiction: "CN",
		Note: "尚未登记分娩：保护期截止日按预产期（无预产期时按报告怀孕后280天）生育、子女满一周岁之日估算，登记分娩后按实际日期更新"}
}

func startEstimateBasis() Basis {
	return Basis{RuleID: "leaveguard/protection.start_estimate", Source: "LeaveGuard估算（产科惯例：预产期前280天）", Jurisdiction: "CN",
		Confidence: ConfidenceMedium,
		Note:       "孕期保护自怀孕之日起，不以告知单位之日为准；怀孕开始日按预产期前280天估算，有医学证明的更早日期时以医学证明为准"}
}

func notProtectedBasis(f Facts) []Basis {
	b := Statute(LawLCL424)
	if f.Gender != Female {
		b.Note = "三期（孕期、产期、哺乳期）保护仅适用于女职工"
	} else {
		b.Note = "该日期不在已登记的孕期、产期、哺乳期内"
	}
	return []Basis{b}
}
