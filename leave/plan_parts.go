package leave

import (
	"fmt"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// need returns parameter key or an error naming the gap in the pack.
func need(pack RulePack, key string) (Param, error) {
	p, ok := pack.Get(key)
	if !ok {
		return Param{}, fail(ErrInvalid, "region", "%s 在 %s 的规则包缺少参数 %s", pack.Region, pack.On, key)
	}
	return p, nil
}

// regional reports whether p is set below the national level (the root of
// the pack's chain).
func (p RulePack) regional(q Param) bool {
	return len(p.Chain) > 0 && q.Jurisdiction != p.Chain[len(p.Chain)-1]
}

// regionalAllowed reports whether regional birth-related leave applies to a
// birth of the given child order; if not, it returns the limiting rule and
// a note. Child order 0 (unknown) is given the benefit of the doubt.
func regionalAllowed(pack RulePack, order int) (bool, *Basis, Note) {
	p, ok := pack.Get(KeyMaxChildOrder)
	if !ok || order <= p.Value {
		return true, nil, Note{}
	}
	b := p.Basis()
	return false, &b, Note{Code: "beyond_policy_child_order", Message: fmt.Sprintf(
		"第%d个子女：地方规定的延长产假、配偶护理假和育儿假仅适用于第一至第%d个子女（%s），本次生育仅享受国家规定的假期。",
		order, p.Value, p.Source)}
}

func maternityComponents(pack RulePack, b Birth, start Date) ([]Component, []Note, error) {
	base, err := need(pack, KeyMaternityBase)
	if err != nil {
		return nil, nil, err
	}
	baseBasis := []Basis{base.Basis()}
	if start.Before(b.Date) {
		pre, _ := pack.Get(KeyPrenatalMax)
		pb := pre.Basis()
		pb.Note = fmt.Sprintf("产前休假%d天，计入%d天基本产假", start.DaysUntil(b.Date), base.Value)
		baseBasis = append(baseBasis, pb)
	}
	comps := []Component{{Code: CompNationalBase, Days: base.Value, Basis: baseBasis}}
	if b.Dystocia {
		p, err := need(pack, KeyDystocia)
		if err != nil {
			return nil, nil, err
		}
		comps = append(comps, Component{Code: CompDystocia, Days: p.Value, Basis: []Basis{p.Basis()}})
	}
	if b.Babies > 1 {
		p, err := need(pack, KeyMultipleBirth)
		if err != nil {
			return nil, nil, err
		}
		pb := p.Basis()
		pb.Note = fmt.Sprintf("多胞胎生育，每多生育1个婴儿增加%d天，多%d个", p.Value, b.Babies-1)
		comps = append(comps, Component{Code: CompMultipleBirth, Days: p.Value * (b.Babies - 1), Basis: []Basis{pb}})
	}
	var notes []Note
	order, orderNote := extensionOrder(pack, b)
	if orderNote != nil {
		notes = append(notes, *orderNote)
	}
	ext, ok := pack.Get(KeyExtension(order))
	allowed, _, note := regionalAllowed(pack, order)
	switch {
	case !allowed && (!ok || pack.regional(ext)):
		notes = append(notes, note)
	case ok && ext.Value > 0 && b.Live() == 0 && pack.Settings.StillbirthExtension == NotGranted:
		notes = append(notes, Note{Code: "stillbirth_no_extension", Message: "死产：单位设置为不给予地方延长产假（stillbirth_extension = not_granted），仅按国家规定计算产假。"})
	case ok && ext.Value > 0:
		eb := ext.Basis()
		if b.Live() == 0 {
			eb.Note = "死产：单位设置给予地方延长产假（默认给予；少给假期才构成违法，中等可信度）"
		}
		basis := []Basis{eb}
		if b.Babies > 1 {
			basis = append(basis, orderBasis(pack, order))
		}
		comps = append(comps, Component{Code: CompRegionalExtension, Days: ext.Value, Basis: basis})
	case !ok && len(pack.Chain) > 1:
		notes = append(notes, Note{Code: "no_regional_extension", Message: fmt.Sprintf(
			"第%d个子女：规则包中 %s 在 %s 没有有效的延长产假规定，仅按国家规定计算；如当时地方另有规定，请人工核对。",
			order, pack.Region, pack.On)})
	}
	return comps, notes, nil
}

func planSpousal(pack RulePack, b Birth) (*SpousalNursingLeave, []Note) {
	unit := pack.Settings.SpousalNursingUnit
	ub := settingBasis(pack, "spousal_nursing_unit", string(unit), string(DefaultSettings().SpousalNursingUnit))
	p, ok := pack.Get(KeySpousalNursing)
	if !ok {
		n := Note{Code: "no_spousal_nursing_rule", Message: pack.Region + " 的规则未规定配偶护理假（国家层面无统一规定）。"}
		return &SpousalNursingLeave{Unit: unit, Basis: []Basis{noRule(pack, KeySpousalNursing, n.Message)}}, []Note{n}
	}
	if allowed, limit, note := regionalAllowed(pack, b.ChildOrder); !allowed && pack.regional(p) {
		return &SpousalNursingLeave{Unit: unit, Basis: []Basis{*limit}}, []Note{note}
	}
	if b.Live() == 0 {
		sb := settingBasis(pack, "stillbirth_spousal_nursing", string(pack.Settings.StillbirthSpousalNursing), string(Granted))
		if pack.Settings.StillbirthSpousalNursing == NotGranted {
			return &SpousalNursingLeave{Unit: unit, Basis: []Basis{sb}}, []Note{{Code: "stillbirth_no_spousal_nursing",
				Message: "死产：单位设置为不给予配偶护理假（stillbirth_spousal_nursing = not_granted）。"}}
		}
		return &SpousalNursingLeave{Days: p.Value, Unit: unit, Basis: []Basis{p.Basis(), ub, sb}}, nil
	}
	return &SpousalNursingLeave{Days: p.Value, Unit: unit, Basis: []Basis{p.Basis(), ub}}, nil
}

// planParental gives the parental leave for a child born on birth with the
// given (birth) order, under pack.
func planParental(pack RulePack, birth Date, order int) ParentalLeave {
	unit := pack.Settings.ParentalUnit
	pl := ParentalLeave{Unit: unit}
	age, ok := pack.Get(KeyParentalUntilAge)
	p, pok := pack.Get(KeyParentalDays)
	if !ok || !pok {
		pl.Basis = []Basis{noRule(pack, KeyParentalDays, pack.Region+" 的规则未规定育儿假。")}
		return pl
	}
	pl.Until = birth.AddYearsClamped(age.Value)
	if allowed, limit, _ := regionalAllowed(pack, order); !allowed && pack.regional(p) {
		pl.Basis = []Basis{*limit}
		return pl
	}
	pl.DaysPerYear = p.Value
	pl.Basis = []Basis{p.Basis(), age.Basis(),
		settingBasis(pack, "parental_unit", string(unit), string(DefaultSettings().ParentalUnit))}
	return pl
}

// noRule is the basis of a "nothing due": no parameter in the pack.
func noRule(pack RulePack, key, msg string) Basis {
	return Basis{RuleID: pack.Region + "/" + key + "/none", Source: "规则包未收录", Jurisdiction: pack.Region, Note: msg}
}

// settingBasis cites a tenant setting: "单位设置" when it differs from the
// default, else LeaveGuard's default.
func settingBasis(pack RulePack, key, value, def string) Basis {
	b := Basis{RuleID: "setting/" + key, Jurisdiction: pack.Region, Source: "LeaveGuard默认设置",
		Note: key + " = " + value}
	if value != def {
		b.Source, b.TenantOverride = SourceTenant, true
	}
	return b
}

// stillbirthBasis says why a baby born dead gives no parental leave.
func stillbirthBasis(pack RulePack) Basis {
	return Basis{RuleID: "leaveguard/stillbirth.no_child_benefits", Source: "rules.md §2（死产）", Jurisdiction: pack.Region,
		Confidence: ConfidenceMedium, Note: "死产婴儿不产生哺乳期、哺乳时间、育儿假、个税婴幼儿照护扣除和育儿津贴"}
}
