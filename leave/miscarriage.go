package leave

import "fmt"

// MaxMiscarriageWeeks is the last gestation week recorded as a miscarriage;
// from 28 weeks a pregnancy ends in a (pre-term or still) birth: record a Birth.
const MaxMiscarriageWeeks = 27

// Miscarriage is a pregnancy ended on Date after GestationWeeks full weeks.
type Miscarriage struct {
	Date           Date `json:"date"`
	GestationWeeks int  `json:"gestation_weeks"`
}

// MiscarriageLeave is the leave after a miscarriage, in calendar days:
// End = Start + Days - 1. Protection ends on End.
type MiscarriageLeave struct {
	Days  int     `json:"days"`
	Start Date    `json:"start"`
	End   Date    `json:"end"`
	Basis []Basis `json:"basis"`
}

// MiscarriagePlan is what one miscarriage entitles the employee to.
type MiscarriagePlan struct {
	Miscarriage      Miscarriage      `json:"miscarriage"`
	Region           string           `json:"region"`
	MiscarriageLeave MiscarriageLeave `json:"miscarriage_leave"`
}

// PlanMiscarriage computes the leave for m under pack, which must be
// resolved on m's date. Gestation is counted in obstetric months of 4 weeks:
// under 16 weeks ("未满4个月") gives 15 days, 16 weeks or more 42 days.
func PlanMiscarriage(pack RulePack, m Miscarriage) (MiscarriagePlan, error) {
	switch {
	case m.Date.IsZero():
		return MiscarriagePlan{}, fail(ErrInvalid, "date", "缺少流产日期")
	case !inRange(m.Date):
		return MiscarriagePlan{}, fail(ErrInvalid, "date", "流产日期超出%d至%d年", MinYear, MaxYear)
	case !pack.On.Equal(m.Date):
		return MiscarriagePlan{}, fail(ErrInvalid, "date", "规则包日期（%s）与流产日期（%s）不一致", pack.On, m.Date)
	case m.GestationWeeks < 1 || m.GestationWeeks > MaxMiscarriageWeeks:
		return MiscarriagePlan{}, fail(ErrInvalid, "gestation_weeks",
			"孕周应为1至%d周；满28周终止妊娠请按分娩登记", MaxMiscarriageWeeks)
	}
	threshold, err := need(pack, KeyMiscarriageThreshold)
	if err != nil {
		return MiscarriagePlan{}, err
	}
	key, cmp := KeyMiscarriageEarly, "未满"
	if m.GestationWeeks >= threshold.Value {
		key, cmp = KeyMiscarriageLate, "已满"
	}
	days, err := need(pack, key)
	if err != nil {
		return MiscarriagePlan{}, err
	}
	tb := threshold.Basis()
	tb.Note = fmt.Sprintf("孕%d周，%s%d周（%s）", m.GestationWeeks, cmp, threshold.Value, threshold.Note)
	return MiscarriagePlan{
		Miscarriage: m,
		Region:      pack.Region,
		MiscarriageLeave: MiscarriageLeave{
			Days: days.Value, Start: m.Date, End: m.Date.AddDays(days.Value - 1),
			Basis: []Basis{days.Basis(), tb},
		},
	}, nil
}

// PlanMiscarriage resolves the pack for m's date and plans the miscarriage.
func (r Rules) PlanMiscarriage(m Miscarriage) (MiscarriagePlan, error) {
	pack, err := r.At(m.Date)
	if err != nil {
		return MiscarriagePlan{}, err
	}
	return PlanMiscarriage(pack, m)
}
