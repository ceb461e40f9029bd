package cases

import (
	"bytes"
	"encoding/json"
	"strconv"

	"leaveguard/payroll"
)

// Settings keys of the social-insurance subsidy (rules.md §4).
const (
	keyRates   = "contribution_rates"
	keyProgram = "subsidy_program"
)

// subsidyConfig is the tenant's contribution rates per year and its
// subsidy program, defaults applied.
type subsidyConfig struct {
	Rates   map[int]payroll.YearRates
	Program payroll.SubsidyProgram
}

// subsidyConfigFrom reads the subsidy keys of stored settings. A year's
// rates start from the national frame of its work-injury class and take
// every field the tenant gave; they count as confirmed when the tenant gave
// all four employer rates (or said so with "confirmed"). The program starts
// from the default and is confirmed once the tenant sets it.
func subsidyConfigFrom(stored map[string]json.RawMessage) (subsidyConfig, error) {
	cfg := subsidyConfig{Rates: map[int]payroll.YearRates{}, Program: payroll.DefaultSubsidyProgram()}
	f := Fields{}
	if v, ok := stored[keyRates]; ok {
		cfg.Rates = parseRates(f, v)
	}
	if v, ok := stored[keyProgram]; ok {
		cfg.Program.Confirmed = true
		if err := strictJSON(v, &cfg.Program); err != nil {
			f[keyProgram] = `须为对象，如 {"ratio_bp": 5000, "per_employee_cap_fen": 300000, "eligible_leave_types": ["maternity"]}`
		} else {
			for k, msg := range payroll.ValidateSubsidyProgram(cfg.Program) {
				f[keyProgram+"."+k] = msg
			}
		}
	}
	return cfg, f.Err()
}

// parseRates reads {"2025": {...YearRates}} into resolved, validated rates.
func parseRates(f Fields, v json.RawMessage) map[int]payroll.YearRates {
	var raw map[string]map[string]json.RawMessage
	out := map[int]payroll.YearRates{}
	if err := json.Unmarshal(v, &raw); err != nil {
		f[keyRates] = `须为按年度的对象，如 {"2025": {"pension_bp": 1600, "base_floor_fen": 400000, "base_ceiling_fen": 2000000}}`
		return out
	}
	for k, fields := range raw {
		p := keyRates + "." + k
		y, ok := settingYear(k)
		if !ok {
			f[p] = "年度须为 2000 到 2100 之间的四位数字"
			continue
		}
		var class int
		if c, ok := fields["work_injury_class"]; ok && json.Unmarshal(c, &class) != nil {
			f[p+".work_injury_class"] = "工伤保险行业类别须为 1 到 8 的整数"
			continue
		}
		r := payroll.DefaultYearRates(class)
		if class != 0 {
			r.WorkInjuryClass = class
		}
		b, _ := json.Marshal(fields)
		if err := strictJSON(b, &r); err != nil {
			f[p] = "可填写 pension_bp、medical_bp、unemployment_bp、work_injury_bp（整数基点）、work_injury_class（1–8）、base_floor_fen、base_ceiling_fen（整数分）、confirmed、source"
			continue
		}
		if _, given := fields["confirmed"]; !given {
			r.Confirmed = true
			for _, name := range []string{"pension_bp", "medical_bp", "unemployment_bp", "work_injury_bp"} {
				if _, ok := fields[name]; !ok {
					r.Confirmed = false
				}
			}
		}
		for field, msg := range payroll.ValidateYearRates(r) {
			f[p+"."+field] = msg
		}
		out[y] = r
	}
	return out
}

// subsidySection is the settings section of the social-insurance subsidy.
type subsidySection struct{}

func (subsidySection) keys() []string { return []string{keyRates, keyProgram} }

func (subsidySection) validate(merged map[string]json.RawMessage) error {
	_, err := subsidyConfigFrom(merged)
	return err
}

func (subsidySection) list(stored map[string]json.RawMessage) ([]Setting, error) {
	cfg, err := subsidyConfigFrom(stored)
	if err != nil {
		return nil, err
	}
	rates := map[string]payroll.YearRates{}
	for y, r := range cfg.Rates {
		rates[strconv.Itoa(y)] = r
	}
	row := settingRow(stored)
	return []Setting{
		row(keyRates, "社会保险单位缴费比例（基点）及缴费基数上下限（分），按年度", rates, payroll.DefaultYearRates(1), nil,
			payroll.SourceLocalNotice+"（每年一项：未填写的费率取国家框架值——养老16%、医疗含生育7%（示意）、失业0.5%、工伤按行业类别0.2%–1.9%；缴费基数上下限须按当地通知填写，未设置年度的补贴无法计算）"),
		row(keyProgram, "社会保险费补贴方案（补贴比例、每人上限、适用假期类型）", cfg.Program, payroll.DefaultSubsidyProgram(), nil,
			payroll.SourceLocalNotice+"（兴署办发〔2023〕86号 第（十三）项：各地可予以适度补贴；默认按单位缴费全额测算、不设上限，适用婚假、产假、流产假、护理假、育儿假）"),
	}, nil
}

// strictJSON decodes b into v, refusing unknown fields (a mistyped rate
// name must not be silently ignored).
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
