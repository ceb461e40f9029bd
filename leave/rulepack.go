package leave

import (
	"maps"
	"strconv"
)

// Parameter keys. Day counts are in days unless the key says otherwise.
const (
	KeyMaternityBase        = "maternity.base"                       // 98
	KeyPrenatalMax          = "maternity.prenatal_max"               // 15: most days before the birth
	KeyDystocia             = "maternity.dystocia"                   // +15
	KeyMultipleBirth        = "maternity.multiple_birth_per_extra"   // +15 per extra baby
	KeyMaxChildOrder        = "policy.max_child_order"               // 3: regional leave only up to the 3rd child
	KeyMiscarriageThreshold = "miscarriage.threshold_weeks"          // 16 weeks = 4 obstetric months
	KeyMiscarriageEarly     = "miscarriage.before_threshold"         // 15
	KeyMiscarriageLate      = "miscarriage.from_threshold"           // 42
	KeyNursingHours         = "nursing.hours_per_day"                // 1
	KeyNursingExtraHours    = "nursing.extra_hours_per_extra_infant" // +1
	KeyNursingUntilAge      = "nursing.until_age"                    // 1 year
	KeySpousalNursing       = "spousal_nursing.days"                 // 25
	KeyParentalDays         = "parental.days_per_year"               // 10
	KeyParentalUntilAge     = "parental.until_age"                   // 3 years
	KeyMarriageBase         = "marriage.base"                        // 3
	KeyMarriageExtension    = "marriage.extension"                   // 15
	KeyOnlyChildCare        = "only_child_care.days"                 // set by the tenant
)

// KeyExtension returns the key of the regional maternity extension for the
// n-th child, e.g. "maternity.extension.child_3".
func KeyExtension(childOrder int) string {
	return "maternity.extension.child_" + strconv.Itoa(childOrder)
}

// RulePack is the set of parameters in force in one region on one day, with
// the tenant's settings applied. Obtain it from RuleBook.Resolve or Rules.At.
type RulePack struct {
	Region   string           `json:"region"`
	On       Date             `json:"on"`
	Chain    []string         `json:"chain"` // region first, root last
	Params   map[string]Param `json:"params"`
	Settings Settings         `json:"settings"`
}

// Get returns the parameter key and whether the pack has it.
func (p RulePack) Get(key string) (Param, bool) {
	q, ok := p.Params[key]
	return q, ok
}

// value returns the value of key, or 0 if the pack lacks it.
func (p RulePack) value(key string) int { return p.Params[key].Value }

// WithSettings returns a copy of p with the tenant's settings s applied.
// Where a setting replaces a parameter (only-child care days), the parameter
// is replaced by one whose source is "单位设置" and TenantOverride is true.
func (p RulePack) WithSettings(s Settings) (RulePack, error) {
	s, err := s.Normalize()
	if err != nil {
		return RulePack{}, err
	}
	out := p
	out.Settings = s
	out.Params = maps.Clone(p.Params)
	if s.OnlyChildCareDays > 0 {
		out.Params[KeyOnlyChildCare] = Param{
			Key: KeyOnlyChildCare, Jurisdiction: p.Region, Value: s.OnlyChildCareDays,
			Unit: "days", EffectiveFrom: p.On, Source: SourceTenant, TenantOverride: true,
			Note: "独生子女父母护理假天数由单位按当地规定设置",
		}
	}
	return out, nil
}

// Rules resolves packs for one region under one tenant's settings; the
// engine uses it where an entitlement is judged on a date of its own
// (a marriage by its registration date, a parental-leave year by the as-of date).
type Rules struct {
	Book     *RuleBook
	Region   string
	Settings Settings
}

// At returns the pack in force on day on, with the settings applied.
func (r Rules) At(on Date) (RulePack, error) {
	if r.Book == nil {
		return RulePack{}, fail(ErrInvalid, "region", "未提供规则库")
	}
	p, err := r.Book.Resolve(r.Region, on)
	if err != nil {
		return RulePack{}, err
	}
	return p.WithSettings(r.Settings)
}
