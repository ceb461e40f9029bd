package leave

import "fmt"

// Unit is how the days of a leave are counted.
type Unit string

// Counting units.
const (
	CalendarDays Unit = "calendar_days" // every day counts, holidays included
	WorkingDays  Unit = "working_days"  // official working days (weekends, holidays skipped; 调休 counted)
)

// YearBasis is what "per year" means for parental leave.
type YearBasis string

// Year bases.
const (
	CalendarYear YearBasis = "calendar_year"  // 1 Jan – 31 Dec
	ChildAgeYear YearBasis = "child_age_year" // birthday to the day before the next birthday
)

// ParentalScope says whether parental leave multiplies with the number of
// children under three.
type ParentalScope string

// Parental scopes.
const (
	PerChild  ParentalScope = "per_child"  // 10 days per parent per child per year
	PerFamily ParentalScope = "per_family" // 10 days per parent per year, however many children
)

// OrderBasis is how a multiple birth crossing a child-order boundary is judged.
type OrderBasis string

// Order bases.
const (
	LastBaby  OrderBasis = "last_baby"  // the birth includes the higher order (protective; default)
	FirstBaby OrderBasis = "first_baby" // the first baby's order
)

// Grant says whether a tenant grants a benefit the law leaves open.
type Grant string

// Grants.
const (
	Granted    Grant = "granted"
	NotGranted Grant = "not_granted"
)

// Settings are a tenant's choices where the rules leave room (rules.md §1).
// The zero value means "all defaults".
type Settings struct {
	SpousalNursingUnit Unit          `json:"spousal_nursing_unit,omitempty"`
	ParentalUnit       Unit          `json:"parental_unit,omitempty"`
	MarriageUnit       Unit          `json:"marriage_unit,omitempty"`
	OnlyChildCareUnit  Unit          `json:"only_child_care_unit,omitempty"`
	ParentalYearBasis  YearBasis     `json:"parental_year_basis,omitempty"`
	ParentalScope      ParentalScope `json:"parental_scope,omitempty"`
	OnlyChildCareDays  int           `json:"only_child_care_days"` // 0 = not configured

	MultipleBirthOrderBasis  OrderBasis `json:"multiple_birth_order_basis,omitempty"`
	StillbirthExtension      Grant      `json:"stillbirth_extension,omitempty"`       // CN-NM extension after a stillbirth
	StillbirthSpousalNursing Grant      `json:"stillbirth_spousal_nursing,omitempty"` // father's leave after a stillbirth
}

// DefaultSettings returns the settings a new tenant starts with.
func DefaultSettings() Settings {
	return Settings{
		SpousalNursingUnit: CalendarDays, ParentalUnit: WorkingDays,
		MarriageUnit: CalendarDays, OnlyChildCareUnit: CalendarDays,
		ParentalYearBasis: CalendarYear, ParentalScope: PerChild,
		MultipleBirthOrderBasis: LastBaby, StillbirthExtension: Granted, StillbirthSpousalNursing: Granted,
	}
}

// Normalize fills empty fields with defaults and rejects unknown values.
func (s Settings) Normalize() (Settings, error) {
	d := DefaultSettings()
	for _, u := range []struct {
		field string
		v     *Unit
		def   Unit
	}{
		{"spousal_nursing_unit", &s.SpousalNursingUnit, d.SpousalNursingUnit},
		{"parental_unit", &s.ParentalUnit, d.ParentalUnit},
		{"marriage_unit", &s.MarriageUnit, d.MarriageUnit},
		{"only_child_care_unit", &s.OnlyChildCareUnit, d.OnlyChildCareUnit},
	} {
		if *u.v == "" {
			*u.v = u.def
		}
		if *u.v != CalendarDays && *u.v != WorkingDays {
			return s, fail(ErrInvalid, u.field, "计算单位只能是 calendar_days 或 working_days")
		}
	}
	if s.ParentalYearBasis == "" {
		s.ParentalYearBasis = d.ParentalYearBasis
	}
	if s.ParentalYearBasis != CalendarYear && s.ParentalYearBasis != ChildAgeYear {
		return s, fail(ErrInvalid, "parental_year_basis", "育儿假年度只能是 calendar_year 或 child_age_year")
	}
	if s.ParentalScope == "" {
		s.ParentalScope = d.ParentalScope
	}
	if s.ParentalScope != PerChild && s.ParentalScope != PerFamily {
		return s, fail(ErrInvalid, "parental_scope", "育儿假计算方式只能是 per_child 或 per_family")
	}
	if s.MultipleBirthOrderBasis == "" {
		s.MultipleBirthOrderBasis = d.MultipleBirthOrderBasis
	}
	if s.MultipleBirthOrderBasis != LastBaby && s.MultipleBirthOrderBasis != FirstBaby {
		return s, fail(ErrInvalid, "multiple_birth_order_basis", "多胞胎孩次认定只能是 last_baby 或 first_baby")
	}
	for _, g := range []struct {
		field string
		v     *Grant
	}{{"stillbirth_extension", &s.StillbirthExtension}, {"stillbirth_spousal_nursing", &s.StillbirthSpousalNursing}} {
		if *g.v == "" {
			*g.v = Granted
		}
		if *g.v != Granted && *g.v != NotGranted {
			return s, fail(ErrInvalid, g.field, "只能是 granted 或 not_granted")
		}
	}
	if s.OnlyChildCareDays < 0 || s.OnlyChildCareDays > 365 {
		return s, fail(ErrInvalid, "only_child_care_days", "独生子女父母护理假天数应在0至365之间")
	}
	return s, nil
}

// Setting is one tenant setting as the settings API shows it.
type Setting struct {
	Key        string   `json:"key"`
	Label      string   `json:"label"`
	Value      any      `json:"value"`
	Default    any      `json:"default"`
	Options    []string `json:"options,omitempty"`
	Overridden bool     `json:"overridden"`
	Source     string   `json:"source"` // "单位设置" when overridden, else where the default comes from
}

// ListSettings returns each leave setting of s with its value, default and
// source, in a stable order. s is normalized first.
func ListSettings(s Settings) ([]Setting, error) {
	s, err := s.Normalize()
	if err != nil {
		return nil, err
	}
	d := DefaultSettings()
	units := []string{string(CalendarDays), string(WorkingDays)}
	row := func(key, label string, v, def any, opts []string, src string) Setting {
		over := fmt.Sprint(v) != fmt.Sprint(def)
		if over {
			src = SourceTenant
		}
		return Setting{Key: key, Label: label, Value: v, Default: def, Options: opts, Overridden: over, Source: src}
	}
	return []Setting{
		row("spousal_nursing_unit", "配偶护理假计算单位", s.SpousalNursingUnit, d.SpousalNursingUnit, units,
			"LeaveGuard默认：按自然日计算（rules.md §1）"),
		row("parental_unit", "育儿假计算单位", s.ParentalUnit, d.ParentalUnit, units,
			"LeaveGuard默认：按工作日计算（rules.md §1）"),
		row("parental_year_basis", "育儿假年度", s.ParentalYearBasis, d.ParentalYearBasis,
			[]string{string(CalendarYear), string(ChildAgeYear)}, "LeaveGuard默认：按自然年度"),
		row("parental_scope", "育儿假按子女或按家庭", s.ParentalScope, d.ParentalScope,
			[]string{string(PerChild), string(PerFamily)}, "LeaveGuard默认：每名三周岁以下子女分别计算"),
		row("marriage_unit", "婚假计算单位", s.MarriageUnit, d.MarriageUnit, units,
			"LeaveGuard默认：按自然日计算"),
		row("only_child_care_unit", "独生子女父母护理假计算单位", s.OnlyChildCareUnit, d.OnlyChildCareUnit, units,
			"LeaveGuard默认：按自然日计算"),
		row("only_child_care_days", "独生子女父母护理假天数（每年）", s.OnlyChildCareDays, d.OnlyChildCareDays, nil,
			SourceXAM+" 第（十一）项未规定天数；0 表示未设置"),
		row("multiple_birth_order_basis", "多胞胎跨越孩次时按哪个婴儿认定孩次", s.MultipleBirthOrderBasis, d.MultipleBirthOrderBasis,
			[]string{string(LastBaby), string(FirstBaby)}, "LeaveGuard默认：按最后一个婴儿（保护性解读，中等可信度）"),
		row("stillbirth_extension", "死产时是否给予地方延长产假", s.StillbirthExtension, d.StillbirthExtension,
			[]string{string(Granted), string(NotGranted)}, "LeaveGuard默认：给予（少给假期才构成违法，中等可信度）"),
		row("stillbirth_spousal_nursing", "死产时是否给予配偶护理假", s.StillbirthSpousalNursing, d.StillbirthSpousalNursing,
			[]string{string(Granted), string(NotGranted)}, "LeaveGuard默认：给予"),
	}, nil
}
