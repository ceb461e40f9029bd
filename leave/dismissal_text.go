package leave

import "fmt"

// Label returns the Chinese name of the phase (孕期, 产期, 哺乳期).
func (p Phase) Label() string {
	switch p {
	case PhasePregnancy:
		return "孕期"
	case PhaseMaternityLeave:
		return "产期"
	case PhaseNursing:
		return "哺乳期"
	}
	return "非三期"
}

// where describes the protection on the effective date, e.g.
// "生效日 2026-05-01 员工处于哺乳期（保护期至 2026-12-31）".
func (v Verdict) where() string {
	s := fmt.Sprintf("生效日 %s 员工处于%s（保护期至 %s", v.EffectiveDate, v.Phase.Label(), v.ProtectedUntil)
	if v.UntilEstimated {
		s += "，为按预产期估算的日期，登记分娩后更新"
	}
	return s + "）"
}

func terminationBan(v Verdict) Reason {
	art, law := "第四十条", LawLCL40
	if v.Ground == GroundArt41 {
		art, law = "第四十一条", LawLCL41
	}
	return Reason{Code: "protected_period_termination_prohibited", Message: fmt.Sprintf(
		"%s。女职工在孕期、产期、哺乳期内，用人单位不得依照劳动合同法%s解除劳动合同（第四十二条第（四）项）。生效日在 %s 或之后的，不再受三期限制。",
		v.where(), art, v.AllowedFrom), Basis: statutes(LawLCL424, law, LawSPR5, LawXAM13)}
}

func forCauseReason(v Verdict) Reason {
	return Reason{Code: "for_cause_requires_review", Message: v.where() +
		"。以劳动合同法第三十九条（严重违纪、严重失职等）解除在三期内并不被禁止，但须有充分证据证明解除理由确实存在且与怀孕、生育、哺乳无关，并履行通知工会等程序；请法务或人事负责人审核证据后再作决定。",
		Basis: statutes(LawLCL39, LawWRL48, LawSPR5)}
}

func adverseChangeBan(v Verdict) Reason {
	what, code := "降低工资或福利待遇", "protected_period_wage_reduction_prohibited"
	if v.Action == Demotion {
		what, code = "降职（限制晋职晋级）", "protected_period_demotion_prohibited"
	}
	return Reason{Code: code, Message: fmt.Sprintf(
		"%s。用人单位不得因女职工怀孕、生育、哺乳而%s（女职工劳动保护特别规定第五条、妇女权益保障法第四十八条）。", v.where(), what),
		Basis: statutes(LawSPR5, LawWRL48, LawXAM13)}
}

func voluntaryReview(v Verdict) Reason {
	what, b := "协商一致解除劳动合同（劳动合同法第三十六条）", statutes(LawLCL36, LawWRL48)
	if v.Action == Resignation {
		what, b = "员工辞职（劳动合同法第三十七条、第三十八条）", statutes(LawLCL37, LawLCL38, LawWRL48)
	}
	return Reason{Code: "voluntary_requires_review", Message: v.where() + "。" + what +
		"在三期内可以进行，但必须出于员工本人真实意愿，并有书面记录（员工签字的协议或辞职书）；不得以降薪、调岗、施压等方式促成，否则可能被认定为违法解除。",
		Basis: b}
}

// severanceReason states the Art. 87 risk: double statutory severance.
func severanceReason(termination bool) Reason {
	msg := "违法解除或者终止劳动合同的，用人单位须按经济补偿标准的二倍向劳动者支付赔偿金（劳动合同法第八十七条），劳动者也可以要求继续履行劳动合同。"
	if !termination {
		msg = "三期内降薪、降职的，员工可依劳动合同法第三十八条解除合同并要求经济补偿；以此迫使员工离职或随后解除的，可能被认定为违法解除，须按经济补偿标准的二倍支付赔偿金（劳动合同法第八十七条）。"
	}
	return Reason{Code: "double_severance_risk", Message: msg, Basis: statutes(LawLCL87)}
}

func extensionReason(v Verdict, end Date) Reason {
	msg := fmt.Sprintf("劳动合同于 %s 期满时员工处于%s，依法应续延至保护期结束（%s）时终止，期满前不得以合同到期为由终止。",
		end, v.Phase.Label(), v.ProtectedUntil)
	if v.UntilEstimated {
		msg += "保护期截止日为按预产期估算的日期，登记分娩后请重新核查。"
	}
	return Reason{Code: "contract_extended_to_protection_end", Message: msg, Basis: statutes(LawLCL45, LawLCL424)}
}

func endsOnLastDay(end Date) Reason {
	return Reason{Code: "contract_ends_on_last_protected_day", Message: fmt.Sprintf(
		"劳动合同于 %s 期满，当日是保护期的最后一天，保护期与合同同日结束，期满终止无需续延。", end),
		Basis: statutes(LawLCL45)}
}

func maleReason() Reason {
	return Reason{Code: "not_applicable_male", Message: "三期（孕期、产期、哺乳期）保护仅适用于女职工；配偶怀孕、生育不构成劳动合同法第四十二条第（四）项的情形。",
		Basis: statutes(LawLCL424)}
}

func endedReason(iv Interval, d Date) Reason {
	return Reason{Code: "protection_ended", Message: fmt.Sprintf(
		"保护期（%s 至 %s）已经结束，自 %s 起生效的处理不受三期限制；生效日 %s 在此之后。若在保护期内作出或送达决定，仍可能被认为与怀孕、生育、哺乳有关，请保留与三期无关的依据。",
		iv.From, iv.To, iv.To.AddDays(1), d), Basis: statutes(LawLCL424)}
}

func notProtectedReason(d Date) Reason {
	return Reason{Code: "not_protected", Message: fmt.Sprintf(
		"%s 不在已登记的孕期、产期、哺乳期内（以已向单位报告的怀孕、分娩、流产记录为准）。", d),
		Basis: statutes(LawLCL424)}
}

// scopeReason says what the check covered and what it did not.
func scopeReason() Reason {
	return Reason{Code: "scope_of_check", Message: "本次仅核查了女职工三期（孕期、产期、哺乳期）保护。" +
		"未核查：劳动合同法第四十二条的其他情形（职业病或疑似职业病、工伤、医疗期内、在本单位连续工作满十五年且距法定退休年龄不足五年等），" +
		"解除理由本身是否成立，以及通知、工会、经济补偿等程序要求。",
		Basis: statutes(LawLCL424)}
}
