package cases

import (
	"encoding/json"
	"fmt"
	"strconv"

	"leaveguard/payroll"
)

// Settings keys of the maternity allowance (rules.md §3).
const (
	keyAvgWage   = "avg_monthly_wage_fen"
	keyDivisor   = "allowance_divisor"
	keyDaysMode  = "allowance_paid_days_mode"
	keyFixedDays = "allowance_fixed_days"
	keyTopUp     = "allowance_top_up"
	keyPayee     = "allowance_payee"
)

var allowanceKeys = []string{keyAvgWage, keyDivisor, keyDaysMode, keyFixedDays, keyTopUp, keyPayee}

// allowanceConfig is the tenant's allowance settings; zero values mean the
// payroll defaults (statutory days, divisor 30, top-up on, paid to her).
type allowanceConfig struct {
	AvgWage   map[int]int64
	Divisor   payroll.Divisor
	Mode      payroll.PaidDaysMode
	FixedDays int
	TopUp     *bool
	Payee     payroll.Payee
}

// allowanceConfigFrom reads the allowance keys of stored settings; bad
// values give an Invalid error naming the key.
func allowanceConfigFrom(stored map[string]json.RawMessage) (allowanceConfig, error) {
	cfg := allowanceConfig{AvgWage: map[int]int64{}}
	f := Fields{}
	if v, ok := stored[keyAvgWage]; ok {
		cfg.AvgWage = parseYearFen(f, keyAvgWage, v)
	}
	if v, ok := stored[keyDivisor]; ok {
		if err := json.Unmarshal(v, &cfg.Divisor); err != nil || cfg.Divisor < 100 || cfg.Divisor > 3100 {
			f[keyDivisor] = "计发除数须为 1 到 31 之间的数，最多两位小数（如 30 或 30.4）"
		}
	}
	if v, ok := stored[keyDaysMode]; ok {
		if json.Unmarshal(v, &cfg.Mode) != nil || (cfg.Mode != payroll.PaidDaysStatutory &&
			cfg.Mode != payroll.PaidDaysNational && cfg.Mode != payroll.PaidDaysFixed) {
			f[keyDaysMode] = "须为 statutory（全部法定假期天数）、national（国家规定天数）或 fixed（固定天数）"
		}
	}
	if v, ok := stored[keyFixedDays]; ok {
		if json.Unmarshal(v, &cfg.FixedDays) != nil || cfg.FixedDays < 1 || cfg.FixedDays > 1000 {
			f[keyFixedDays] = "固定计发天数须为 1 到 1000 之间的整数"
		}
	}
	if cfg.Mode == payroll.PaidDaysFixed && cfg.FixedDays == 0 && f[keyFixedDays] == "" {
		f[keyFixedDays] = "计发天数口径为 fixed 时，须设置固定计发天数"
	}
	if v, ok := stored[keyTopUp]; ok {
		var b bool
		if json.Unmarshal(v, &b) != nil {
			f[keyTopUp] = "须为 true 或 false"
		}
		cfg.TopUp = &b
	}
	if v, ok := stored[keyPayee]; ok {
		if json.Unmarshal(v, &cfg.Payee) != nil || (cfg.Payee != payroll.PayeeEmployee && cfg.Payee != payroll.PayeeEmployer) {
			f[keyPayee] = "须为 employee（直接发给职工）或 employer（拨付给单位）"
		}
	}
	return cfg, f.Err()
}

// parseYearFen reads {"2025": 720000, ...}: years 2000–2100, 0 < fen ≤
// MaxMonthlyWageFen.
func parseYearFen(f Fields, key string, v json.RawMessage) map[int]int64 {
	var raw map[string]int64
	if err := json.Unmarshal(v, &raw); err != nil {
		f[key] = `须为按年度的对象，如 {"2025": 720000}（单位：分，整数）`
		return map[int]int64{}
	}
	out := make(map[int]int64, len(raw))
	for k, fen := range raw {
		y, ok := settingYear(k)
		switch {
		case !ok:
			f[key+"."+k] = "年度须为 2000 到 2100 之间的四位数字"
		case fen <= 0:
			f[key+"."+k] = "月平均工资须大于 0（单位：分）"
		case fen > MaxMonthlyWageFen:
			f.Refuse(key+"."+k, "月平均工资不能超过 10,000,000 元（1,000,000,000 分）")
		default:
			out[y] = fen
		}
	}
	return out
}

// settingYear parses a settings year key: four digits, 2000–2100.
func settingYear(k string) (int, bool) {
	y, err := strconv.Atoi(k)
	return y, err == nil && len(k) == 4 && y >= 2000 && y <= 2100
}

// allowanceSection is the settings section of the maternity allowance.
type allowanceSection struct{}

func (allowanceSection) keys() []string { return allowanceKeys }

func (allowanceSection) validate(merged map[string]json.RawMessage) error {
	_, err := allowanceConfigFrom(merged)
	return err
}

func (allowanceSection) list(stored map[string]json.RawMessage) ([]Setting, error) {
	cfg, err := allowanceConfigFrom(stored)
	if err != nil {
		return nil, fmt.Errorf("cases: allowance settings: %w", err)
	}
	wages := map[string]int64{}
	for y, fen := range cfg.AvgWage {
		wages[strconv.Itoa(y)] = fen
	}
	div, mode, payee, topUp := payroll.DefaultDivisor, payroll.PaidDaysStatutory, payroll.PayeeEmployee, true
	if cfg.Divisor != 0 {
		div = cfg.Divisor
	}
	if cfg.Mode != "" {
		mode = cfg.Mode
	}
	if cfg.Payee != "" {
		payee = cfg.Payee
	}
	if cfg.TopUp != nil {
		topUp = *cfg.TopUp
	}
	row := settingRow(stored)
	return []Setting{
		row(keyAvgWage, "用人单位上年度职工月平均工资（生育津贴计发基数，按年度，单位：分）", wages, map[string]int64{}, nil,
			"未设置：生育津贴按事件发生上一年度的用人单位职工月平均工资计发（社会保险法 第五十六条），请逐年填写"),
		row(keyDivisor, "生育津贴计发除数（日津贴 = 月平均工资 ÷ 除数）", div, payroll.DefaultDivisor, nil,
			payroll.SourceDefault+"：月工资除以30计算日津贴；内蒙古的计发除数未找到官方依据，请按当地医保经办口径确认"),
		row(keyDaysMode, "生育津贴计发天数口径", mode, payroll.PaidDaysStatutory,
			[]string{string(payroll.PaidDaysStatutory), string(payroll.PaidDaysNational), string(payroll.PaidDaysFixed)},
			payroll.SourceDefault+"：按该次生育（流产）的全部法定假期天数计发（女职工劳动保护特别规定 第八条）"),
		row(keyFixedDays, "固定计发天数（口径为 fixed 时使用）", cfg.FixedDays, 0, nil, "未设置：仅在计发天数口径为 fixed 时需要"),
		row(keyTopUp, "生育津贴低于本人工资时由单位补差", topUp, true, nil,
			payroll.SourceDefault+"：内蒙古自治区人口与计划生育条例 第三十条第二款（假期内工资、奖金和福利待遇不变）"),
		row(keyPayee, "生育津贴领取方", payee, payroll.PayeeEmployee,
			[]string{string(payroll.PayeeEmployee), string(payroll.PayeeEmployer)},
			payroll.SourceDefault+"：内蒙古自2025年起生育津贴直接发放给职工本人"),
	}, nil
}

// settingRow builds Setting rows: a key stored by the tenant is overridden
// and its source is the tenant; otherwise the default's source applies.
func settingRow(stored map[string]json.RawMessage) func(key, label string, v, def any, opts []string, src string) Setting {
	return func(key, label string, v, def any, opts []string, src string) Setting {
		_, over := stored[key]
		if over {
			src = payroll.SourceTenant
		}
		return Setting{Key: key, Label: label, Value: v, Default: def, Options: opts, Overridden: over, Source: src}
	}
}
