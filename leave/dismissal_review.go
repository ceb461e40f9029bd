package leave

import "fmt"

// art44Reasons explains a termination by operation of law (Art. 44): inside
// a protected period it needs review (Art. 42 bars Arts. 40/41 only, but the
// ground must be documented); bankruptcy and closure owe Art. 46 severance.
func art44Reasons(v Verdict, inside bool) []Reason {
	what := map[Ground]string{
		GroundArt44Retirement: "劳动者开始依法享受基本养老保险待遇（第四十四条第二项）",
		GroundArt44Death:      "劳动者死亡，或者被人民法院宣告死亡或者宣告失踪（第四十四条第三项）",
		GroundArt44Bankruptcy: "用人单位被依法宣告破产（第四十四条第四项）",
		GroundArt44Closure:    "用人单位被吊销营业执照、责令关闭、撤销或者提前解散（第四十四条第五项）",
	}[v.Ground]
	var out []Reason
	if inside {
		out = append(out, Reason{Code: "art44_requires_review", Message: v.where() + "。劳动合同因" + what +
			"而终止，不属于第四十二条禁止的第四十条、第四十一条解除，但必须有书面证据证明该法定情形确已发生（如养老金核准文件、死亡证明或法院裁定、破产裁定、吊销或关闭决定），请法务或人事负责人审核后再终止。",
			Basis: statutes(LawLCL44, LawLCL424)})
	} else {
		out = append(out, Reason{Code: "art44_termination", Message: "劳动合同因" + what + "而终止，请保留证明该法定情形的书面文件。",
			Basis: statutes(LawLCL44)})
	}
	if v.Ground == GroundArt44Bankruptcy || v.Ground == GroundArt44Closure {
		out = append(out, Reason{Code: "art46_severance_due", Message: "依劳动合同法第四十六条第（六）项，用人单位因被宣告破产或被吊销营业执照、责令关闭、撤销、提前解散而终止劳动合同的，应当向劳动者支付经济补偿（第四十七条标准）。",
			Basis: statutes(LawLCL46)})
	}
	return out
}

// periodReasons explain, for a verdict inside a protected period, how its
// dates were found: a start estimated from the due date, and an end on a
// child's first birthday (the birthday is the last protected day).
func (v Verdict) periodReasons(f Facts) []Reason {
	var out []Reason
	if v.FromEstimated && v.ProtectedFrom != nil {
		out = append(out, Reason{Code: "pregnancy_start_estimated", Message: fmt.Sprintf(
			"孕期保护自怀孕之日起，不以是否告知单位为准（劳动合同法第四十二条第（四）项“女职工在孕期”）。怀孕开始日 %s 为按预产期前%d天估算的日期；如有医学证明的更早日期，以医学证明为准。",
			v.ProtectedFrom, PregnancyDays), Basis: statutes(LawLCL424)})
	}
	if v.ProtectedUntil != nil && isFirstBirthday(f, *v.ProtectedUntil) {
		out = append(out, Reason{Code: "first_birthday_last_protected_day", Message: fmt.Sprintf(
			"哺乳期至孩子满一周岁：按民法典第二百零一条（开始的当日不计入）和第二百零二条（到期年的对应日为期间的最后一日），一周岁生日 %s 是保护期的最后一天，%s 起不再受三期限制。",
			v.ProtectedUntil, v.ProtectedUntil.AddDays(1)), Basis: statutes(LawCC201, LawCC202)})
	}
	return out
}

func isFirstBirthday(f Facts, d Date) bool {
	for _, b := range f.Births {
		if b.Birth.Date.AddYearsClamped(1).Equal(d) {
			return true
		}
	}
	return false
}

func pregnancyStartReview(v Verdict, w reviewWindow) Reason {
	return Reason{Code: "pregnancy_start_uncertain", Message: fmt.Sprintf(
		"生效日 %s 在按预产期估算的怀孕开始日（%s，预产期前%d天）之前%d天以内。孕周推算存在约两周误差，员工在生效日可能已经怀孕，而孕期保护不以告知单位为准（劳动合同法第四十二条第（四）项）；请取得医学证明确定怀孕日期后，由法务或人事负责人审核再作决定。",
		v.EffectiveDate, w.Anchor, PregnancyDays, PregnancyReviewDays), Basis: statutes(LawLCL424, LawWRL48)}
}

func infantDeathReview(v Verdict, w reviewWindow) Reason {
	return Reason{Code: "infant_death_requires_review", Message: fmt.Sprintf(
		"员工的孩子已于 %s 去世，产假已经结束；哺乳期随之结束，但生效日 %s 在孩子本应满一周岁之日（%s）或之前。法律对此未作规定，各地裁判不一，请法务或人事负责人审核后再作决定，并体谅员工的处境。自 %s 起不再需要此项审核。",
		w.DiedOn, v.EffectiveDate, w.Anchor, w.Anchor.AddDays(1)), Basis: statutes(LawLCL424, LawSPR9)}
}
