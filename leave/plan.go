package leave

import "fmt"

// Parent says which parent a birth plan is for.
type Parent string

// Parents.
const (
	Mother Parent = "mother" // she gave birth
	Father Parent = "father" // his spouse gave birth
)

// Component codes of a maternity leave (api.md).
const (
	CompNationalBase      = "national_base"
	CompDystocia          = "dystocia"
	CompMultipleBirth     = "multiple_birth"
	CompRegionalExtension = "regional_extension"
)

// Birth is a birth as recorded by HR. ChildOrder is the birth order of the
// (first) baby of this birth: twins born as the 3rd and 4th child are
// ChildOrder 3, Babies 2, and the birth is judged as a 3rd-child birth.
// LeaveStart (mother only) defaults to Date and may be up to 15 days earlier.
// Stillborn is how many of the babies were born dead (0..Babies; a delivery
// at 28 weeks or later with no live baby is a stillbirth, rules.md §2).
type Birth struct {
	Date       Date   `json:"birth_date"`
	ChildOrder int    `json:"child_order"`
	Babies     int    `json:"babies"`
	Stillborn  int    `json:"stillborn,omitempty"`
	Dystocia   bool   `json:"dystocia"`
	Parent     Parent `json:"parent"`
	LeaveStart Date   `json:"leave_start,omitzero"`
}

// Live is the number of babies born alive.
func (b Birth) Live() int { return max(max(b.Babies, 1)-b.Stillborn, 0) }

// Component is one part of a maternity leave with the rule that grants it.
type Component struct {
	Code  string  `json:"code"`
	Days  int     `json:"days"`
	Basis []Basis `json:"basis"`
}

// MaternityLeave is the mother's leave for one birth, in calendar days:
// End = Start + Days - 1. A leave across New Year is still one leave.
type MaternityLeave struct {
	Days       int         `json:"days"`
	Start      Date        `json:"start"`
	End        Date        `json:"end"`
	Components []Component `json:"components"`
}

// SpousalNursingLeave is the father's leave around the birth.
type SpousalNursingLeave struct {
	Days  int     `json:"days"`
	Unit  Unit    `json:"unit"`
	Basis []Basis `json:"basis"`
}

// ParentalLeave is a parent's yearly leave until the child's 3rd birthday
// inclusive (Until; 民法典 第二百零一条、第二百零二条). DaysPerYear is 0 where none is due, with the reason
// in Basis.
type ParentalLeave struct {
	DaysPerYear int     `json:"days_per_year"`
	Unit        Unit    `json:"unit"`
	Until       Date    `json:"until,omitzero"`
	Basis       []Basis `json:"basis"`
}

// NursingTime is the daily nursing time (哺乳时间) until the child is 1.
type NursingTime struct {
	HoursPerDay int     `json:"hours_per_day"`
	Until       Date    `json:"until"`
	Basis       []Basis `json:"basis"`
}

// Note is a remark a person should read, with a stable code.
type Note struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// BirthPlan is everything one birth entitles one parent to. For the mother:
// MaternityLeave, NursingPeriodEnd, ProtectedUntil, NursingTime and
// ParentalLeave; for the father: SpousalNursingLeave and ParentalLeave.
type BirthPlan struct {
	Birth               Birth                `json:"birth"`
	Region              string               `json:"region"`
	MaternityLeave      *MaternityLeave      `json:"maternity_leave,omitempty"`
	NursingPeriodEnd    Date                 `json:"nursing_period_end,omitzero"`
	ProtectedUntil      Date                 `json:"protected_until,omitzero"`
	NursingTime         *NursingTime         `json:"nursing_time,omitempty"`
	SpousalNursingLeave *SpousalNursingLeave `json:"spousal_nursing_leave,omitempty"`
	ParentalLeave       ParentalLeave        `json:"parental_leave"`
	Notes               []Note               `json:"notes,omitempty"`
}

// PlanBirth computes the leave plan of one parent for birth b. pack must be
// resolved for b's region on the birth date (a birth is judged by the rules
// in force on the day it happened). Maternity leave is counted in calendar
// days by law, so no Calendar is needed.
func PlanBirth(pack RulePack, b Birth) (BirthPlan, error) {
	if err := validateBirth(pack, b); err != nil {
		return BirthPlan{}, err
	}
	plan := BirthPlan{Birth: b, Region: pack.Region}
	if b.Parent == Father {
		plan.SpousalNursingLeave, plan.Notes = planSpousal(pack, b)
	} else {
		if err := planMother(pack, &plan); err != nil {
			return BirthPlan{}, err
		}
	}
	plan.ParentalLeave = planParental(pack, b.Date, b.ChildOrder)
	if b.Live() == 0 {
		plan.ParentalLeave = ParentalLeave{Unit: plan.ParentalLeave.Unit, Basis: []Basis{stillbirthBasis(pack)}}
	}
	return plan, nil
}

// PlanBirth resolves the pack for b's date and plans the birth.
func (r Rules) PlanBirth(b Birth) (BirthPlan, error) {
	pack, err := r.At(b.Date)
	if err != nil {
		return BirthPlan{}, err
	}
	return PlanBirth(pack, b)
}

func validateBirth(pack RulePack, b Birth) error {
	switch {
	case b.Date.IsZero():
		return fail(ErrInvalid, "birth_date", "缺少分娩日期")
	case !inRange(b.Date): // its plan's dates (years later) must stay representable
		return fail(ErrInvalid, "birth_date", "分娩日期超出%d至%d年", MinYear, MaxYear)
	case !pack.On.Equal(b.Date):
		return fail(ErrInvalid, "birth_date", "规则包日期（%s）与分娩日期（%s）不一致", pack.On, b.Date)
	case b.ChildOrder < 1 || b.ChildOrder > 20:
		return fail(ErrInvalid, "child_order", "子女孩次应为1至20")
	case b.Babies < 1 || b.Babies > 9:
		return fail(ErrInvalid, "babies", "婴儿数应为1至9")
	case b.Stillborn < 0 || b.Stillborn > b.Babies:
		return fail(ErrInvalid, "stillborn", "死产婴儿数应为0至%d（不超过婴儿数）", b.Babies)
	case b.Parent != Mother && b.Parent != Father:
		return fail(ErrInvalid, "parent", "parent 只能是 mother 或 father")
	case b.Parent == Mother && b.LeaveStart.After(b.Date):
		return fail(ErrInvalid, "leave_start", "产假开始日期不能晚于分娩日期")
	}
	if b.Parent == Mother && !b.LeaveStart.IsZero() {
		limit := pack.value(KeyPrenatalMax)
		if n := b.LeaveStart.DaysUntil(b.Date); n > limit {
			return &Error{Err: ErrLeaveStartTooEarly, Field: "leave_start", Message: prenatalSplit(b, n, limit)}
		}
	}
	return nil
}

func planMother(pack RulePack, plan *BirthPlan) error {
	b := plan.Birth
	start := b.LeaveStart
	if start.IsZero() {
		start = b.Date
	}
	comps, notes, err := maternityComponents(pack, b, start)
	if err != nil {
		return err
	}
	ml := &MaternityLeave{Start: start, Components: comps}
	for _, c := range comps {
		ml.Days += c.Days
	}
	ml.End = start.AddDays(ml.Days - 1)
	plan.MaternityLeave, plan.Notes = ml, notes
	if b.Live() == 0 {
		plan.ProtectedUntil = ml.End
		plan.Notes = append(plan.Notes, stillbirthNote(ml.End))
		return nil
	}
	plan.NursingPeriodEnd = nursingEnd(pack, b.Date)
	plan.ProtectedUntil = plan.NursingPeriodEnd
	plan.NursingTime = nursingTime(pack, b, plan.NursingPeriodEnd)
	if b.Stillborn > 0 {
		plan.Notes = append(plan.Notes, Note{Code: "partly_stillborn", Message: fmt.Sprintf(
			"本次分娩%d个婴儿中%d个死产：产假按分娩婴儿数计算；哺乳期、哺乳时间、育儿假等按存活的%d个婴儿计算。",
			b.Babies, b.Stillborn, b.Live())})
	}
	return nil
}

// nursingEnd is the child's first birthday, the last day of "未满一周岁"
// (民法典 第二百零一条、第二百零二条; 02-29 → 02-28).
func nursingEnd(pack RulePack, birth Date) Date {
	age := pack.value(KeyNursingUntilAge)
	if age == 0 {
		age = 1
	}
	return birth.AddYearsClamped(age)
}

// prenatalSplit tells HR how to split a pre-natal leave longer than limit
// days: maternity leave from the birth − limit, earlier days as other leave.
func prenatalSplit(b Birth, n, limit int) string {
	first := b.Date.AddDays(-limit)
	return fmt.Sprintf("产前假最多%d天（女职工劳动保护特别规定第七条），本次产假开始日期在分娩前%d天。请拆分：产假开始日期填 %s（分娩日期前%d天）；%s 至 %s 共%d天请按其他假期（如病假、年休假或事假）另行申请。",
		limit, n, first, limit, b.LeaveStart, first.AddDays(-1), n-limit)
}

func stillbirthNote(end Date) Note {
	return Note{Code: "stillbirth", Message: fmt.Sprintf(
		"死产：依女职工劳动保护特别规定第七条享受产假，三期保护至产假最后一天（%s）；死产婴儿不产生哺乳期、哺乳时间、育儿假、个税婴幼儿照护扣除和育儿津贴。", end)}
}

func nursingTime(pack RulePack, b Birth, until Date) *NursingTime {
	h, hok := pack.Get(KeyNursingHours)
	x, xok := pack.Get(KeyNursingExtraHours)
	if !hok {
		return nil
	}
	nt := &NursingTime{HoursPerDay: h.Value, Until: until, Basis: []Basis{h.Basis()}}
	if age, ok := pack.Get(KeyNursingUntilAge); ok {
		ab := age.Basis()
		ab.Note = "满一周岁之日（生日当天）为哺乳期最后一天：民法典第二百零一条、第二百零二条"
		nt.Basis = append(nt.Basis, ab)
	}
	if xok && b.Live() > 1 {
		nt.HoursPerDay += x.Value * (b.Live() - 1)
		nt.Basis = append(nt.Basis, x.Basis())
	}
	return nt
}
